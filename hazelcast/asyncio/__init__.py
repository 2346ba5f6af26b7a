"""The asyncio API of the Hazelcast client.

    >>> from hazelcast.asyncio import HazelcastClient
    >>> client = await HazelcastClient.create_and_start()
    >>> m = await client.get_map("distributed-map")
    >>> await m.set("key", "value")
    >>> await client.shutdown()

It shares its core with :class:`hazelcast.HazelcastClient` and runs on the caller's
event loop without starting any thread.
"""

from hazelcast.asyncio.client import HazelcastClient
from hazelcast.internal.asyncio_proxy.atomic_long import AtomicLong
from hazelcast.internal.asyncio_proxy.atomic_reference import AtomicReference
from hazelcast.internal.asyncio_proxy.base import LockContext
from hazelcast.internal.asyncio_proxy.countdown_latch import CountDownLatch
from hazelcast.internal.asyncio_proxy.cp_manager import CPSubsystem
from hazelcast.internal.asyncio_proxy.executor import Executor
from hazelcast.internal.asyncio_proxy.fenced_lock import FencedLock
from hazelcast.internal.asyncio_proxy.flake_id_generator import FlakeIdGenerator
from hazelcast.internal.asyncio_proxy.list import List
from hazelcast.internal.asyncio_proxy.map import Map
from hazelcast.internal.asyncio_proxy.multi_map import MultiMap
from hazelcast.internal.asyncio_proxy.pn_counter import PNCounter
from hazelcast.internal.asyncio_proxy.queue import Queue
from hazelcast.internal.asyncio_proxy.reliable_topic import ReliableMessageListener, ReliableTopic
from hazelcast.internal.asyncio_proxy.replicated_map import ReplicatedMap
from hazelcast.internal.asyncio_proxy.ringbuffer import Ringbuffer
from hazelcast.internal.asyncio_proxy.semaphore import Semaphore
from hazelcast.internal.asyncio_proxy.set import Set
from hazelcast.internal.asyncio_proxy.topic import Topic
from hazelcast.internal.asyncio_proxy.vector_collection import VectorCollection
from hazelcast.proxy.map import EntryEventCallable

__all__ = [
    "AtomicLong",
    "AtomicReference",
    "CPSubsystem",
    "CountDownLatch",
    "EntryEventCallable",
    "Executor",
    "FencedLock",
    "FlakeIdGenerator",
    "HazelcastClient",
    "List",
    "LockContext",
    "Map",
    "MultiMap",
    "PNCounter",
    "Queue",
    "ReliableMessageListener",
    "ReliableTopic",
    "ReplicatedMap",
    "Ringbuffer",
    "Semaphore",
    "Set",
    "Topic",
    "VectorCollection",
]
