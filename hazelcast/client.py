"""The Hazelcast client: the entry point to the cluster's distributed objects."""

from __future__ import annotations

import itertools
import logging
import threading
from typing import Any, List, Optional

from hazelcast.cluster import ClusterService, _InternalClusterService
from hazelcast.compact import CompactSchemaService
from hazelcast.config import Config
from hazelcast.connection import ConnectionManager
from hazelcast.core import DistributedObjectEvent, DistributedObjectInfo
from hazelcast.future import Future
from hazelcast.invocation import Invocation, InvocationService
from hazelcast.listener import ListenerService
from hazelcast.lifecycle import LifecycleService, LifecycleState, _InternalLifecycleService
from hazelcast.partition import PartitionService, _InternalPartitionService
from hazelcast.protocol.codec import (
    client_add_distributed_object_listener_codec,
    client_get_distributed_objects_codec,
    client_remove_distributed_object_listener_codec,
)
from hazelcast.proxy import MAP_SERVICE, ProxyManager
from hazelcast.scheduler import Scheduler
from hazelcast.serialization.service import SerializationServiceV1
from hazelcast.statistics import Statistics
from hazelcast.util import RoundRobinLB

_logger = logging.getLogger(__name__)

_client_ids = itertools.count()


def _not_yet(feature: str) -> NotImplementedError:
    return NotImplementedError("%s is not implemented in this client yet" % feature)


class _ClientContext:
    """The services a proxy works with."""

    def __init__(self) -> None:
        self.client: Any = None
        self.name: str = ""
        self.config: Any = None
        self.invocation_service: Any = None
        self.partition_service: Any = None
        self.internal_partition_service: Any = None
        self.cluster_service: Any = None
        self.connection_manager: Any = None
        self.serialization_service: Any = None
        self.proxy_manager: Any = None
        self.lifecycle_service: Any = None
        self.listener_service: Any = None
        self.near_cache_manager: Any = None
        self.scheduler: Any = None
        self.compact_schema_service: Any = None


class HazelcastClient:
    """Hazelcast client instance to access and manipulate distributed data structures
    on the Hazelcast clusters.

    Takes the keyword arguments documented for the official client (see
    :class:`hazelcast.config.Config`), or a ``Config`` object as ``config``.
    """

    def __init__(self, config: Optional[Config] = None, **kwargs: Any):
        if config is not None:
            if kwargs:
                raise TypeError("pass either a Config object or keyword arguments, not both")
            if not isinstance(config, Config):
                raise TypeError("invalid value %r for 'config': must be a hazelcast.config.Config" % (config,))
        else:
            config = Config.from_dict(kwargs)
        self._config = config
        self._id = next(_client_ids)
        self._name = config.client_name or "hz.client_%d" % self._id
        self._shutdown_lock = threading.Lock()
        self._internal_lifecycle = _InternalLifecycleService(config.lifecycle_listeners)
        self._lifecycle_service = LifecycleService(self._internal_lifecycle)
        self._serialization_service = SerializationServiceV1(config)
        self._internal_cluster = _InternalClusterService(config.membership_listeners)
        self._cluster_service = ClusterService(self._internal_cluster)
        self._internal_partitions = _InternalPartitionService()
        self._partition_service = PartitionService(self._internal_partitions, self._serialization_service)
        self._scheduler = Scheduler("hazelcast-scheduler-%d" % self._id)
        self._invocation_service = InvocationService(config, self._scheduler)
        self._load_balancer = config.load_balancer or RoundRobinLB()
        self._connection_manager = ConnectionManager(
            self,
            config,
            self._internal_lifecycle,
            self._internal_cluster,
            self._internal_partitions,
            self._invocation_service,
            self._scheduler,
            self._load_balancer,
        )
        self._listener_service = ListenerService(self._connection_manager, self._invocation_service)
        self._compact_schema_service = CompactSchemaService(
            self._serialization_service.compact_stream_serializer,
            self._invocation_service,
            self._cluster_service,
            self._scheduler,
            config,
        )
        self._invocation_service.init(
            self._connection_manager,
            self._internal_partitions,
            self._internal_lifecycle,
            self._compact_schema_service,
        )
        context = _ClientContext()
        context.client = self
        context.name = self._name
        context.config = config
        context.invocation_service = self._invocation_service
        context.partition_service = self._partition_service
        context.internal_partition_service = self._internal_partitions
        context.cluster_service = self._cluster_service
        context.connection_manager = self._connection_manager
        context.serialization_service = self._serialization_service
        context.lifecycle_service = self._lifecycle_service
        context.scheduler = self._scheduler
        context.listener_service = self._listener_service
        context.compact_schema_service = self._compact_schema_service
        self._context = context
        self._proxy_manager = ProxyManager(context)
        context.proxy_manager = self._proxy_manager
        self._statistics = Statistics(
            self, config, self._scheduler, self._connection_manager, self._invocation_service
        )
        self._start()

    def _start(self) -> None:
        self._internal_lifecycle.start()
        self._load_balancer.init(self._cluster_service)
        try:
            self._connection_manager.start()
        except BaseException:
            self.shutdown()
            raise
        self._statistics.start()

    # -- distributed objects -------------------------------------------------------

    def get_map(self, name: str) -> Any:
        """Returns the distributed map instance with the specified name.

        Args:
            name: Name of the distributed map.

        Returns:
            hazelcast.proxy.map.Map: Distributed map instance with the specified name.
        """
        return self._proxy_manager.get_or_create(MAP_SERVICE, name)

    def get_executor(self, name: str) -> Any:
        """Creates cluster-wide ExecutorService (not implemented yet)."""
        raise _not_yet("ExecutorService")

    def get_flake_id_generator(self, name: str) -> Any:
        """Creates or returns a cluster-wide FlakeIdGenerator (not implemented yet)."""
        raise _not_yet("FlakeIdGenerator")

    def get_queue(self, name: str) -> Any:
        """Returns the distributed queue instance with the specified name (not implemented yet)."""
        raise _not_yet("Queue")

    def get_list(self, name: str) -> Any:
        """Returns the distributed list instance with the specified name (not implemented yet)."""
        raise _not_yet("List")

    def get_multi_map(self, name: str) -> Any:
        """Returns the distributed MultiMap instance with the specified name (not implemented yet)."""
        raise _not_yet("MultiMap")

    def get_pn_counter(self, name: str) -> Any:
        """Returns the PN Counter instance with the specified name (not implemented yet)."""
        raise _not_yet("PNCounter")

    def get_reliable_topic(self, name: str) -> Any:
        """Returns the ReliableTopic instance with the specified name (not implemented yet)."""
        raise _not_yet("ReliableTopic")

    def get_replicated_map(self, name: str) -> Any:
        """Returns the distributed ReplicatedMap instance with the specified name (not implemented yet)."""
        raise _not_yet("ReplicatedMap")

    def get_ringbuffer(self, name: str) -> Any:
        """Returns the distributed Ringbuffer instance with the specified name (not implemented yet)."""
        raise _not_yet("Ringbuffer")

    def get_set(self, name: str) -> Any:
        """Returns the distributed Set instance with the specified name (not implemented yet)."""
        raise _not_yet("Set")

    def get_topic(self, name: str) -> Any:
        """Returns the Topic instance with the specified name (not implemented yet)."""
        raise _not_yet("Topic")

    def new_transaction(self, timeout: float = 120, durability: int = 1, type: int = 1) -> Any:
        """Creates a new Transaction associated with the current thread (not implemented yet)."""
        raise _not_yet("Transactions")

    def add_distributed_object_listener(self, listener_func: Any) -> Future:
        """Adds a listener which will be notified when a new distributed object is
        created or destroyed.

        Args:
            listener_func: Function called with a
                :class:`hazelcast.core.DistributedObjectEvent`.

        Returns:
            hazelcast.future.Future[str]: A registration id, to remove the listener with.
        """
        is_smart = self._config.smart_routing
        request = client_add_distributed_object_listener_codec.encode_request(is_smart)

        def on_event(name: str, service_name: str, event_type: str, source: Any) -> None:
            listener_func(DistributedObjectEvent(name, service_name, event_type, source))

        def handle(message: Any) -> None:
            client_add_distributed_object_listener_codec.handle(message, on_event)

        return self._listener_service.register_listener(
            request,
            client_add_distributed_object_listener_codec.decode_response,
            client_remove_distributed_object_listener_codec.encode_request,
            handle,
        )

    def remove_distributed_object_listener(self, registration_id: str) -> Future:
        """Removes the specified distributed object listener.

        Returns silently if there is no such listener added before.

        Args:
            registration_id: The id of the registered listener.

        Returns:
            hazelcast.future.Future[bool]: True if the registration is removed,
            False otherwise.
        """
        return self._listener_service.deregister_listener(registration_id)

    def get_distributed_objects(self) -> List[Any]:
        """Returns all distributed objects such as queue, map, set, list, topic,
        lock, multimap.

        Also, as a side effect, it clears the local instances of the destroyed
        proxies. Objects of data structures this client has no proxy for yet are
        left out.

        Returns:
            list[hazelcast.proxy.base.Proxy]: The distributed objects.
        """
        invocation = Invocation(
            client_get_distributed_objects_codec.encode_request(),
            response_handler=client_get_distributed_objects_codec.decode_response,
        )
        self._invocation_service.invoke(invocation)
        on_cluster = invocation.future.result()
        local = {
            DistributedObjectInfo(proxy.service_name, proxy.name)
            for proxy in self._proxy_manager.get_distributed_objects()
        }
        for info in on_cluster:
            local.discard(info)
            try:
                self._proxy_manager.get_or_create(info.service_name, info.name, create_on_remote=False)
            except ValueError:
                _logger.debug("No proxy type for %s; left out", info)
        for info in local:
            self._proxy_manager.destroy_proxy(info.service_name, info.name, destroy_on_remote=False)
        return self._proxy_manager.get_distributed_objects()

    # -- services and properties ---------------------------------------------------

    @property
    def name(self) -> str:
        """str: Name of the client."""
        return self._name

    @property
    def lifecycle_service(self) -> LifecycleService:
        """LifecycleService: Lets you check whether the client is running and listen
        to its lifecycle states."""
        return self._lifecycle_service

    @property
    def partition_service(self) -> PartitionService:
        """PartitionService: Partition count, partition owners and partition ids of keys."""
        return self._partition_service

    @property
    def cluster_service(self) -> ClusterService:
        """ClusterService: The cluster members and membership listeners."""
        return self._cluster_service

    @property
    def cp_subsystem(self) -> Any:
        """CP Subsystem data structures (not implemented yet)."""
        raise _not_yet("The CP subsystem")

    @property
    def sql(self) -> Any:
        """The SQL service (not implemented yet)."""
        raise _not_yet("SQL")

    @property
    def config(self) -> Config:
        return self._config

    def shutdown(self) -> None:
        """Shuts down this HazelcastClient: closes every connection and stops every
        thread it started. Pending operations fail with HazelcastClientNotActiveError."""
        with self._shutdown_lock:
            if self._internal_lifecycle.shut_down:
                return
            self._internal_lifecycle.shut_down = True
        if self._internal_lifecycle.running:
            self._internal_lifecycle.fire_lifecycle_event(LifecycleState.SHUTTING_DOWN)
        self._statistics.shutdown()
        self._connection_manager.shutdown()
        self._invocation_service.shutdown()
        self._scheduler.shutdown()
        self._internal_lifecycle.fire_lifecycle_event(LifecycleState.SHUTDOWN)

    def __enter__(self) -> "HazelcastClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()

    def __repr__(self) -> str:
        return "HazelcastClient(name=%s)" % self._name
