"""The asyncio Hazelcast client: the same core as :class:`hazelcast.HazelcastClient`,
on the caller's running event loop, with no thread of its own."""

from __future__ import annotations

import asyncio
import functools
import logging
import typing
from typing import Any, Callable, Dict, List, Optional, Tuple

from hazelcast._asyncio_transport import AsyncioTransport
from hazelcast._client_runtime import ClientRuntime, client_name, config_from, not_yet
from hazelcast.cluster import ClusterService
from hazelcast.config import Config
from hazelcast.core import DistributedObjectEvent
from hazelcast.internal.asyncio_proxy import FACES
from hazelcast.internal.asyncio_proxy.base import Proxy, caller_id
from hazelcast.internal.asyncio_proxy.map import Map
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

    async def get_executor(self, name: str) -> Any:
        """Creates cluster-wide ExecutorService (not implemented yet)."""
        raise not_yet("ExecutorService")

    async def get_flake_id_generator(self, name: str) -> Any:
        """Creates or returns a cluster-wide FlakeIdGenerator (not implemented yet)."""
        raise not_yet("FlakeIdGenerator")

    async def get_queue(self, name: str) -> Any:
        """Returns the distributed queue instance with the specified name (not implemented yet)."""
        raise not_yet("Queue")

    async def get_list(self, name: str) -> Any:
        """Returns the distributed list instance with the specified name (not implemented yet)."""
        raise not_yet("List")

    async def get_multi_map(self, name: str) -> Any:
        """Returns the distributed MultiMap instance with the specified name (not implemented yet)."""
        raise not_yet("MultiMap")

    async def get_pn_counter(self, name: str) -> Any:
        """Returns the PN Counter instance with the specified name (not implemented yet)."""
        raise not_yet("PNCounter")

    async def get_reliable_topic(self, name: str) -> Any:
        """Returns the ReliableTopic instance with the specified name (not implemented yet)."""
        raise not_yet("ReliableTopic")

    async def get_replicated_map(self, name: str) -> Any:
        """Returns the distributed ReplicatedMap instance with the specified name (not implemented yet)."""
        raise not_yet("ReplicatedMap")

    async def get_ringbuffer(self, name: str) -> Any:
        """Returns the distributed Ringbuffer instance with the specified name (not implemented yet)."""
        raise not_yet("Ringbuffer")

    async def get_set(self, name: str) -> Any:
        """Returns the distributed Set instance with the specified name (not implemented yet)."""
        raise not_yet("Set")

    async def get_topic(self, name: str) -> Any:
        """Returns the Topic instance with the specified name (not implemented yet)."""
        raise not_yet("Topic")

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
    def cp_subsystem(self) -> Any:
        """CP Subsystem data structures (not implemented yet)."""
        raise not_yet("The CP subsystem")

    @property
    def sql(self) -> Any:
        """The SQL service (not implemented yet)."""
        raise not_yet("SQL")

    @property
    def config(self) -> Config:
        return self._config

    async def shutdown(self) -> None:
        """Shuts down this HazelcastClient: closes every connection and cancels its
        timers. Pending operations fail with HazelcastClientNotActiveError."""
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
