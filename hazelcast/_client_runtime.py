"""The services of one client, wired around a transport: what the threaded
:class:`hazelcast.HazelcastClient` and the asyncio
:class:`hazelcast.asyncio.HazelcastClient` share.

Every operation here returns a :class:`~hazelcast.future.Future`; the threaded face
waits for it, the asyncio face awaits it. Nothing here blocks.
"""

from __future__ import annotations

import itertools
import logging
import uuid
from typing import Any, Callable, Dict, List, Optional

from hazelcast.cluster import ClusterService, _InternalClusterService
from hazelcast.compact import CompactSchemaService
from hazelcast.config import Config
from hazelcast.connection import ConnectionManager
from hazelcast.cp import CPProxyManager
from hazelcast.core import DistributedObjectEvent, DistributedObjectInfo
from hazelcast.future import Future
from hazelcast.invocation import Invocation, InvocationService
from hazelcast.lifecycle import LifecycleService, LifecycleState, _InternalLifecycleService
from hazelcast.listener import ListenerService
from hazelcast.partition import PartitionService, _InternalPartitionService
from hazelcast.protocol.client_message import InboundMessage
from hazelcast.protocol.codec import (
    client_add_distributed_object_listener_codec,
    client_get_distributed_objects_codec,
    client_remove_distributed_object_listener_codec,
)
from hazelcast.proxy import ProxyManager
from hazelcast.proxy.base import Proxy
from hazelcast.proxy.context import ClientContext
from hazelcast.serialization.service import SerializationServiceV1
from hazelcast.statistics import Statistics
from hazelcast.transport import Transport
from hazelcast.util import RoundRobinLB

_logger = logging.getLogger("hazelcast.client")

_client_ids = itertools.count()


def config_from(config: Optional[Config], kwargs: Dict[str, Any]) -> Config:
    """The client's configuration: ``config``, or one made of the keyword options."""
    if config is None:
        return Config.from_dict(kwargs)
    if kwargs:
        raise TypeError("pass either a Config object or keyword arguments, not both")
    if not isinstance(config, Config):
        raise TypeError("invalid value %r for 'config': must be a hazelcast.config.Config" % (config,))
    return config


def not_yet(feature: str) -> NotImplementedError:
    """The error of a structure or service this client does not have yet."""
    return NotImplementedError("%s is not implemented in this client yet" % feature)


def client_name(config: Config) -> str:
    """The configured ``client_name``, or a name unique in this process."""
    return config.client_name or "hz.client_%d" % next(_client_ids)


class ClientRuntime:
    """Builds and owns the services of one client.

    Args:
        config: The validated configuration.
        name: The client's name.
        transport: Moves the client's bytes and time.
        caller_id: Names the owner of the locks the client's proxies take.
        on_cluster_lost: Called when the client must shut down because it lost
            the cluster for good (the face shuts itself down).
    """

    def __init__(
        self,
        config: Config,
        name: str,
        transport: Transport,
        caller_id: Callable[[], int],
        on_cluster_lost: Callable[[], None],
    ):
        self.config = config
        self.name = name
        self.transport = transport
        self.internal_lifecycle = _InternalLifecycleService(config.lifecycle_listeners)
        self.lifecycle_service = LifecycleService(self.internal_lifecycle)
        self.serialization_service = SerializationServiceV1(config)
        self.internal_cluster = _InternalClusterService(config.membership_listeners)
        self.cluster_service = ClusterService(self.internal_cluster)
        self.internal_partitions = _InternalPartitionService()
        self.partition_service = PartitionService(self.internal_partitions, self.serialization_service)
        self.invocation_service = InvocationService(config, transport)
        self.load_balancer = config.load_balancer or RoundRobinLB()
        self.compact_schema_service = CompactSchemaService(
            self.serialization_service.compact_stream_serializer,
            self.invocation_service,
            self.cluster_service,
            transport,
            config,
        )
        self.connection_manager = ConnectionManager(
            config,
            transport,
            name,
            self.internal_lifecycle,
            self.internal_cluster,
            self.internal_partitions,
            self.invocation_service,
            self.load_balancer,
            self.compact_schema_service,
            on_cluster_lost,
        )
        self.invocation_service.init(
            self.connection_manager, self.internal_partitions, self.internal_lifecycle, self.compact_schema_service
        )
        self.listener_service = ListenerService(self.connection_manager, self.invocation_service)
        self.context = ClientContext(
            name,
            config,
            transport,
            self.invocation_service,
            self.partition_service,
            self.internal_partitions,
            self.cluster_service,
            self.connection_manager,
            self.serialization_service,
            self.lifecycle_service,
            self.listener_service,
            self.compact_schema_service,
            caller_id,
        )
        self.proxy_manager = ProxyManager(self.context)
        self.context.proxy_manager = self.proxy_manager
        self.cp_proxy_manager = CPProxyManager(self.context)
        self.statistics = Statistics(
            name, config, transport, self.connection_manager, self.invocation_service, self.context.near_cache_manager
        )
        self._shut_down = False

    def start(self) -> Future[None]:
        """Starts connecting; see :meth:`ConnectionManager.start`."""
        self.internal_lifecycle.start()
        self.load_balancer.init(self.cluster_service)
        started = self.connection_manager.start()
        started.add_done_callback(self._after_start)
        return started

    def _after_start(self, started: Future[None]) -> None:
        if started.exception() is None:
            self.statistics.start()

    def begin_shutdown(self) -> bool:
        """Fails everything pending and closes every connection, without waiting;
        False if the client was shut down already. The face then stops the
        transport and fires SHUTDOWN (:meth:`finish_shutdown`)."""
        lifecycle = self.internal_lifecycle
        if self._shut_down:
            return False
        self._shut_down = True
        lifecycle.shut_down = True
        if lifecycle.running:
            lifecycle.fire_lifecycle_event(LifecycleState.SHUTTING_DOWN)
        self.statistics.shutdown()
        self.context.near_cache_manager.shutdown()
        self.connection_manager.shutdown()
        self.invocation_service.shutdown()
        return True

    def finish_shutdown(self) -> None:
        self.internal_lifecycle.fire_lifecycle_event(LifecycleState.SHUTDOWN)

    # -- distributed objects ---------------------------------------------------------

    def add_distributed_object_listener(self, listener_func: Callable[[DistributedObjectEvent], None]) -> Future[str]:
        request = client_add_distributed_object_listener_codec.encode_request(self.config.smart_routing)

        def on_event(name: str, service_name: str, event_type: str, source: uuid.UUID) -> None:
            listener_func(DistributedObjectEvent(name, service_name, event_type, source))

        def handle(message: InboundMessage) -> None:
            client_add_distributed_object_listener_codec.handle(message, on_event)

        return self.listener_service.register_listener(
            request,
            client_add_distributed_object_listener_codec.decode_response,
            client_remove_distributed_object_listener_codec.encode_request,
            handle,
        )

    def remove_distributed_object_listener(self, registration_id: str) -> Future[bool]:
        return self.listener_service.deregister_listener(registration_id)

    def get_distributed_objects(self) -> Future[List[Proxy[Any]]]:
        """The proxies of every distributed object of the cluster this client has a
        proxy type for; proxies of destroyed objects are forgotten."""
        invocation = Invocation(
            client_get_distributed_objects_codec.encode_request(),
            response_handler=client_get_distributed_objects_codec.decode_response,
        )
        self.invocation_service.invoke(invocation)
        return invocation.continue_with(self._sync_proxies)

    def _sync_proxies(self, done: Future[List[DistributedObjectInfo]]) -> List[Proxy[Any]]:
        manager = self.proxy_manager
        local = {DistributedObjectInfo(proxy.service_name, proxy.name) for proxy in manager.get_distributed_objects()}
        for info in done.result():
            local.discard(info)
            try:
                manager.get_or_create(info.service_name, info.name, create_on_remote=False)
            except ValueError:
                _logger.debug("No proxy type for %s; left out", info)
        for info in local:
            manager.destroy_proxy(info.service_name, info.name, destroy_on_remote=False)
        return manager.get_distributed_objects()
