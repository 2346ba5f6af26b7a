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
from hazelcast.internal.asyncio_proxy.base import LockContext
from hazelcast.internal.asyncio_proxy.map import Map
from hazelcast.proxy.map import EntryEventCallable

__all__ = ["HazelcastClient", "LockContext", "Map", "EntryEventCallable"]
