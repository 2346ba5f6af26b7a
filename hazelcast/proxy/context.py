"""What a proxy works with: the services of the client that created it."""

from __future__ import annotations

import itertools
import typing
from typing import Any, Callable

from hazelcast.near_cache import NearCacheManager

if typing.TYPE_CHECKING:
    from hazelcast.cluster import ClusterService
    from hazelcast.compact import CompactSchemaService
    from hazelcast.config import Config
    from hazelcast.connection import ConnectionManager
    from hazelcast.invocation import InvocationService
    from hazelcast.lifecycle import LifecycleService
    from hazelcast.listener import ListenerService
    from hazelcast.partition import PartitionService, _InternalPartitionService
    from hazelcast.proxy import ProxyManager
    from hazelcast.serialization.service import SerializationServiceV1
    from hazelcast.transport import Transport


class ClientContext:
    """The services a proxy works with, wired by the client that owns them.

    ``caller_id`` names the owner of the locks a proxy takes: the calling thread
    for the threaded client, the lock context or task for the asyncio client.
    """

    def __init__(
        self,
        name: str,
        config: "Config",
        transport: "Transport",
        invocation_service: "InvocationService",
        partition_service: "PartitionService",
        internal_partition_service: "_InternalPartitionService",
        cluster_service: "ClusterService",
        connection_manager: "ConnectionManager",
        serialization_service: "SerializationServiceV1",
        lifecycle_service: "LifecycleService",
        listener_service: "ListenerService",
        compact_schema_service: "CompactSchemaService",
        caller_id: Callable[[], int],
    ):
        self.name = name
        self.config = config
        self.transport = transport
        self.invocation_service = invocation_service
        self.partition_service = partition_service
        self.internal_partition_service = internal_partition_service
        self.cluster_service = cluster_service
        self.connection_manager = connection_manager
        self.serialization_service = serialization_service
        self.lifecycle_service = lifecycle_service
        self.listener_service = listener_service
        self.compact_schema_service = compact_schema_service
        self.caller_id = caller_id
        self.proxy_manager: "ProxyManager" = None  # type: ignore[assignment]  # set once created
        # Reference ids of lock requests (Map, MultiMap), as the official client sends
        # them: 1, 2, 3... per client. next() on a count is atomic under the GIL.
        self.lock_reference_id_generator: "itertools.count[int]" = itertools.count(1)
        # Response decoders shared by the client's Map proxies (built on first use).
        self._map_response_handlers: Any = None
        # The Near Caches of the client's maps (see hazelcast.near_cache).
        self.near_cache_manager = NearCacheManager(config, serialization_service, self)
