"""The asyncio Hazelcast client: the same core as :class:`hazelcast.HazelcastClient`,
on the caller's running event loop, with no thread of its own."""

from __future__ import annotations

import asyncio
import functools
import logging
import typing
from typing import Any, Callable, Dict, List, Optional, Tuple

from hazelcast._asyncio_transport import AsyncioTransport
from hazelcast.internal.asyncio_proxy.cp_manager import CPSubsystem
from hazelcast.internal.asyncio_sql import SqlService
from hazelcast.sql import _SqlEngine
from hazelcast._client_runtime import ClientRuntime, client_name, config_from, not_yet
from hazelcast.cluster import ClusterService
from hazelcast.config import Config
from hazelcast.core import DistributedObjectEvent
from hazelcast.internal.asyncio_proxy import FACES
from hazelcast.internal.asyncio_proxy.base import Proxy, caller_id
from hazelcast.internal.asyncio_transaction import Transaction as AsyncTransaction
from hazelcast.transaction import TransactionManager
from hazelcast.internal.asyncio_proxy.map import Map
from hazelcast.internal.asyncio_proxy.executor import Executor
from hazelcast.internal.asyncio_proxy.flake_id_generator import FlakeIdGenerator
from hazelcast.internal.asyncio_proxy.pn_counter import PNCounter
from hazelcast.proxy import EXECUTOR_SERVICE, FLAKE_ID_GENERATOR_SERVICE, PN_COUNTER_SERVICE
from hazelcast.internal.asyncio_proxy.list import List as _List
from hazelcast.internal.asyncio_proxy.queue import Queue
from hazelcast.internal.asyncio_proxy.set import Set
from hazelcast.proxy import LIST_SERVICE, QUEUE_SERVICE, SET_SERVICE
from hazelcast.internal.asyncio_proxy.multi_map import MultiMap
from hazelcast.internal.asyncio_proxy.replicated_map import ReplicatedMap
from hazelcast.proxy import MULTI_MAP_SERVICE, REPLICATED_MAP_SERVICE
from hazelcast.internal.asyncio_proxy.reliable_topic import ReliableTopic
from hazelcast.internal.asyncio_proxy.ringbuffer import Ringbuffer
from hazelcast.internal.asyncio_proxy.topic import Topic
from hazelcast.proxy import RELIABLE_TOPIC_SERVICE, RINGBUFFER_SERVICE, TOPIC_SERVICE
from hazelcast.lifecycle import LifecycleService
from hazelcast.partition import PartitionService
from hazelcast.proxy import MAP_SERVICE
from hazelcast.proxy.base import Proxy as _CoreProxy

__all__ = ["HazelcastClient"]

_logger = logging.getLogger(__name__)


class HazelcastClient:
    """Hazelcast client instance to access and manipulate distributed data structures
    on the Hazelcast clusters, from asyncio code.

    Create and start it with :meth:`create_and_start` (or ``async with``) inside a
    running event loop; it runs its connections, timers and listeners on that loop.
    It takes the same options as :class:`hazelcast.HazelcastClient`.

    Example:
        >>> client = await HazelcastClient.create_and_start(cluster_name="dev")
        >>> m = await client.get_map("m")
        >>> await m.put("key", "value")
        >>> await client.shutdown()
    """

    def __init__(self, config: Optional[Config] = None, **kwargs: Any):
        config = config_from(config, kwargs)
        self._config = config
        self._name = client_name(config)
        self._transport = AsyncioTransport(config)
        self._runtime = ClientRuntime(
            config,
            self._name,
            self._transport,
            functools.partial(caller_id, self._transport.loop),
            self._shutdown_after_cluster_lost,
        )
        self._faces: Dict[Tuple[str, str], Tuple[_CoreProxy[Any], Proxy[Any]]] = {}
        self._sql_service = SqlService(_SqlEngine(self._runtime.context))
        self._cp_subsystem = CPSubsystem(self._runtime.cp_proxy_manager)
        self._shutdown_task: Optional["asyncio.Task[None]"] = None

    @classmethod
    async def create_and_start(cls, config: Optional[Config] = None, **kwargs: Any) -> "HazelcastClient":
        """Creates a client and connects it to the cluster.

        Args:
            config: The configuration, or None to configure with ``kwargs``.
            **kwargs: The options of :class:`hazelcast.config.Config`.

        Returns:
            The started client.
        """
        client = cls(config, **kwargs)
        await client._start()
        return client

    async def _start(self) -> None:
        try:
            await self._runtime.start()
        except BaseException:
            await self.shutdown()
            raise

    def _shutdown_after_cluster_lost(self) -> None:
        self._shutdown_task = self._transport.loop.create_task(self.shutdown())

    # -- distributed objects -------------------------------------------------------

    async def get_map(self, name: str) -> Map[Any, Any]:
        """Returns the distributed map instance with the specified name.

        Args:
            name: Name of the distributed map.

        Returns:
            Distributed map instance with the specified name.
        """
        return typing.cast("Map[Any, Any]", await self._get_or_create(MAP_SERVICE, name))

    async def _get_or_create(self, service_name: str, name: str) -> Proxy[Any]:
        proxy = await self._runtime.proxy_manager.get_or_create(service_name, name)
        return self._face_of(proxy)

    def _face_of(self, proxy: _CoreProxy[Any]) -> Proxy[Any]:
        # One face per proxy: a proxy created anew (after destroy) gets a new face.
        key = (proxy.service_name, proxy.name)
        known = self._faces.get(key)
        if known is not None and known[0] is proxy:
            return known[1]
        face: Proxy[Any] = FACES[proxy.service_name](proxy)
        self._faces[key] = (proxy, face)
        return face

    async def get_executor(self, name: str) -> Executor:
        """Creates cluster-wide ExecutorService.

        Args:
            name: Name of the Executor proxy.

        Returns:
            Executor proxy for the given name.
        """
        return typing.cast(Executor, await self._get_or_create(EXECUTOR_SERVICE, name))

    async def get_flake_id_generator(self, name: str) -> FlakeIdGenerator:
        """Creates or returns a cluster-wide FlakeIdGenerator.

        Args:
            name: Name of the FlakeIdGenerator proxy.

        Returns:
            FlakeIdGenerator proxy for the given name.
        """
        return typing.cast(FlakeIdGenerator, await self._get_or_create(FLAKE_ID_GENERATOR_SERVICE, name))

    async def get_queue(self, name: str) -> Queue[Any]:
        """Returns the distributed queue instance with the specified name.

        Args:
            name: Name of the distributed queue.

        Returns:
            Distributed queue instance with the specified name.
        """
        return typing.cast("Queue[Any]", await self._get_or_create(QUEUE_SERVICE, name))

    async def get_list(self, name: str) -> _List[Any]:
        """Returns the distributed list instance with the specified name.

        Args:
            name: Name of the distributed list.

        Returns:
            Distributed list instance with the specified name.
        """
        return typing.cast("_List[Any]", await self._get_or_create(LIST_SERVICE, name))

    async def get_multi_map(self, name: str) -> MultiMap[Any, Any]:
        """Returns the distributed MultiMap instance with the specified name.

        Args:
            name: Name of the distributed MultiMap.

        Returns:
            Distributed MultiMap instance with the specified name.
        """
        return typing.cast("MultiMap[Any, Any]", await self._get_or_create(MULTI_MAP_SERVICE, name))

    async def get_pn_counter(self, name: str) -> PNCounter:
        """Returns the PN Counter instance with the specified name.

        Args:
            name: Name of the PN Counter.

        Returns:
            The PN Counter.
        """
        return typing.cast(PNCounter, await self._get_or_create(PN_COUNTER_SERVICE, name))

    async def get_reliable_topic(self, name: str) -> ReliableTopic[Any]:
        """Returns the ReliableTopic instance with the specified name.

        Args:
            name: Name of the ReliableTopic.

        Returns:
            ReliableTopic instance with the specified name.
        """
        return typing.cast("ReliableTopic[Any]", await self._get_or_create(RELIABLE_TOPIC_SERVICE, name))

    async def get_replicated_map(self, name: str) -> ReplicatedMap[Any, Any]:
        """Returns the distributed ReplicatedMap instance with the specified name.

        Args:
            name: Name of the distributed ReplicatedMap.

        Returns:
            Distributed ReplicatedMap instance with the specified name.
        """
        return typing.cast("ReplicatedMap[Any, Any]", await self._get_or_create(REPLICATED_MAP_SERVICE, name))

    async def get_ringbuffer(self, name: str) -> Ringbuffer[Any]:
        """Returns the distributed Ringbuffer instance with the specified name.

        Args:
            name: Name of the distributed Ringbuffer.

        Returns:
            Distributed Ringbuffer instance with the specified name.
        """
        return typing.cast("Ringbuffer[Any]", await self._get_or_create(RINGBUFFER_SERVICE, name))

    async def get_set(self, name: str) -> Set[Any]:
        """Returns the distributed set instance with the specified name.

        Args:
            name: Name of the distributed set.

        Returns:
            Distributed set instance with the specified name.
        """
        return typing.cast("Set[Any]", await self._get_or_create(SET_SERVICE, name))

    async def get_topic(self, name: str) -> Topic[Any]:
        """Returns the Topic instance with the specified name.

        Args:
            name: Name of the Topic.

        Returns:
            Topic instance with the specified name.
        """
        return typing.cast("Topic[Any]", await self._get_or_create(TOPIC_SERVICE, name))

    async def create_vector_collection_config(
        self,
        name: str,
        indexes: List[Any],
        backup_count: int = 1,
        async_backup_count: int = 0,
        split_brain_protection_name: Optional[str] = None,
        merge_policy: str = "PutIfAbsentMergePolicy",
        merge_batch_size: int = 100,
    ) -> None:
        """Creates a vector collection configuration on the cluster (not implemented
        yet; vector collections need an Enterprise cluster)."""
        raise not_yet("VectorCollection")

    async def get_vector_collection(self, name: str) -> Any:
        """Returns the vector collection with the specified name (not implemented yet;
        vector collections need an Enterprise cluster)."""
        raise not_yet("VectorCollection")

    async def new_transaction(self, timeout: float = 120, durability: int = 1, type: int = 1) -> AsyncTransaction:
        """Creates a new transaction owned by the calling asyncio task (not in the
        official asyncio client).

        Nothing is sent before it begins: ``async with await
        client.new_transaction() as t:`` begins it, commits it when the block ends
        normally and rolls it back when the block raises.

        Args:
            timeout: Maximum lifespan of the transaction in seconds; the members
                roll it back when it is exceeded.
            durability: Number of members backing the transaction log up.
            type: ``hazelcast.transaction.TWO_PHASE`` (the default) or
                ``hazelcast.transaction.ONE_PHASE``.

        Returns:
            A new, not yet begun transaction.

        Raises:
            IllegalStateError: If the client has no connection to a member.
        """
        manager = TransactionManager(self._runtime.context)
        return AsyncTransaction(manager.new_transaction(timeout, durability, type))

    async def add_distributed_object_listener(self, listener_func: Callable[[DistributedObjectEvent], None]) -> str:
        """Adds a listener which will be notified when a new distributed object is
        created or destroyed.

        Args:
            listener_func: Function called (on the event loop) with a
                :class:`hazelcast.core.DistributedObjectEvent`.

        Returns:
            A registration id, to remove the listener with.
        """
        return await self._runtime.add_distributed_object_listener(listener_func)

    async def remove_distributed_object_listener(self, registration_id: str) -> bool:
        """Removes the specified distributed object listener.

        Returns silently if there is no such listener added before.

        Args:
            registration_id: The id of the registered listener.

        Returns:
            True if the registration is removed, False otherwise.
        """
        return await self._runtime.remove_distributed_object_listener(registration_id)

    async def get_distributed_objects(self) -> List[Proxy[Any]]:
        """Returns all distributed objects such as queue, map, set, list, topic,
        lock, multimap.

        Also, as a side effect, it clears the local instances of the destroyed
        proxies.

        Returns:
            The distributed objects.
        """
        proxies = await self._runtime.get_distributed_objects()
        return [self._face_of(proxy) for proxy in proxies]

    # -- services and properties ---------------------------------------------------

    @property
    def name(self) -> str:
        """Name of the client."""
        return self._name

    @property
    def lifecycle_service(self) -> LifecycleService:
        """Lets you check whether the client is running and listen to its lifecycle
        states (listeners run on the event loop)."""
        return self._runtime.lifecycle_service

    @property
    def partition_service(self) -> PartitionService:
        """Partition count, partition owners and partition ids of keys."""
        return self._runtime.partition_service

    @property
    def cluster_service(self) -> ClusterService:
        """The cluster members and membership listeners."""
        return self._runtime.cluster_service

    @property
    def cp_subsystem(self) -> CPSubsystem:
        """CPSubsystem: The CP Subsystem's data structures (AtomicLong, FencedLock...)."""
        return self._cp_subsystem

    @property
    def sql(self) -> SqlService:
        """SqlService: Runs SQL statements on the cluster."""
        return self._sql_service

    @property
    def config(self) -> Config:
        return self._config

    async def shutdown(self) -> None:
        """Shuts down this HazelcastClient: closes every connection and cancels its
        timers. Pending operations fail with HazelcastClientNotActiveError."""
        if self._runtime.internal_lifecycle.shut_down:
            return
        # The members release what the CP sessions hold at once instead of after
        # their time to live; waited for briefly.
        try:
            await asyncio.wait_for(asyncio.shield(self._runtime.cp_proxy_manager.shutdown()), 5.0)
        except Exception:  # pylint: disable=broad-except
            pass  # the sessions expire on the members by themselves
        if not self._runtime.begin_shutdown():
            return
        self._transport.shutdown()
        self._runtime.finish_shutdown()

    async def __aenter__(self) -> "HazelcastClient":
        if not self._runtime.internal_lifecycle.running and not self._runtime.internal_lifecycle.shut_down:
            await self._start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.shutdown()

    def __repr__(self) -> str:
        return "HazelcastClient(name=%s)" % self._name
