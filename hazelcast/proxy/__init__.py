"""Distributed object proxies and the manager that creates them once per name."""

from __future__ import annotations

import threading
import typing

from hazelcast.future import Future, ImmediateFuture
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import client_create_proxy_codec, client_destroy_proxy_codec
from hazelcast.proxy.base import Proxy
from hazelcast.proxy.map import create_map_proxy
from hazelcast.proxy.pn_counter import PNCounter as PNCounter, create_pn_counter_proxy
from hazelcast.proxy.flake_id_generator import FlakeIdGenerator as FlakeIdGenerator, create_flake_id_generator_proxy
from hazelcast.proxy.executor import Executor as Executor, create_executor_proxy
from hazelcast.proxy.queue import Queue as Queue, create_queue_proxy
from hazelcast.proxy.list import List as List, create_list_proxy
from hazelcast.proxy.set import Set as Set, create_set_proxy
from hazelcast.proxy.multi_map import MultiMap as MultiMap, create_multi_map_proxy
from hazelcast.proxy.replicated_map import ReplicatedMap as ReplicatedMap, create_replicated_map_proxy
from hazelcast.proxy.reliable_topic import ReliableTopic
from hazelcast.proxy.ringbuffer import Ringbuffer
from hazelcast.proxy.topic import Topic
# The official module imports these too: code may import them from here.
from hazelcast.proxy.vector_collection import VectorCollection as VectorCollection

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext

EXECUTOR_SERVICE = "hz:impl:executorService"
FLAKE_ID_GENERATOR_SERVICE = "hz:impl:flakeIdGeneratorService"
LIST_SERVICE = "hz:impl:listService"
MAP_SERVICE = "hz:impl:mapService"
MULTI_MAP_SERVICE = "hz:impl:multiMapService"
PN_COUNTER_SERVICE = "hz:impl:PNCounterService"
QUEUE_SERVICE = "hz:impl:queueService"
RELIABLE_TOPIC_SERVICE = "hz:impl:reliableTopicService"
REPLICATED_MAP_SERVICE = "hz:impl:replicatedMapService"
RINGBUFFER_SERVICE = "hz:impl:ringbufferService"
SET_SERVICE = "hz:impl:setService"
TOPIC_SERVICE = "hz:impl:topicService"
VECTOR_SERVICE = "hz:service:vector"

# service name -> factory(service_name, name, context). Proxies of further data
# structures register here as they are written.
_proxy_init: typing.Dict[str, typing.Callable[[str, str, "ClientContext"], Proxy[typing.Any]]] = {
    MAP_SERVICE: create_map_proxy,
    PN_COUNTER_SERVICE: create_pn_counter_proxy,
    FLAKE_ID_GENERATOR_SERVICE: create_flake_id_generator_proxy,
    EXECUTOR_SERVICE: create_executor_proxy,
    QUEUE_SERVICE: create_queue_proxy,
    LIST_SERVICE: create_list_proxy,
    SET_SERVICE: create_set_proxy,
    MULTI_MAP_SERVICE: create_multi_map_proxy,
    REPLICATED_MAP_SERVICE: create_replicated_map_proxy,
    TOPIC_SERVICE: Topic,
    RINGBUFFER_SERVICE: Ringbuffer,
    RELIABLE_TOPIC_SERVICE: ReliableTopic,
}


class ProxyManager:
    """Creates proxies on first use and hands out the same object afterwards.

    Creation and destruction on the cluster return Futures: the client's faces wait
    for them (the threaded client) or await them (the asyncio client).

    Args:
        context: The client context the proxies are created with.
    """

    def __init__(self, context: "ClientContext"):
        self._context = context
        self._proxies: typing.Dict[typing.Tuple[str, str], Proxy[typing.Any]] = {}
        # Creations on the cluster under way: a second caller shares the first's.
        self._creating: typing.Dict[typing.Tuple[str, str], Future[Proxy[typing.Any]]] = {}
        self._lock = threading.Lock()

    def get_or_create(self, service_name: str, name: str, create_on_remote: bool = True) -> Future[Proxy[typing.Any]]:
        """Returns the proxy of ``name`` in ``service_name``, creating it if needed.

        On first use the object is also created on the cluster (unless
        ``create_on_remote`` is False); the Future completes once it is.

        Args:
            service_name: The member-side service name, e.g. :data:`MAP_SERVICE`.
            name: The distributed object's name.
            create_on_remote: Whether to create the object on the cluster.

        Returns:
            Future of the proxy; the same object for the same service and name.

        Raises:
            ValueError: If no proxy type is known for ``service_name``.
            TypeError: If ``name`` is not a ``str``.
        """
        ns = (service_name, name)
        proxy = self._proxies.get(ns)
        if proxy is None and not isinstance(name, str):
            raise TypeError("the name of a distributed object must be a str, got %r" % (name,))
        if proxy is not None:
            return ImmediateFuture(proxy)
        factory = _proxy_init.get(service_name)
        if factory is None:
            raise ValueError("no proxy is available for service_name %r" % (service_name,))
        with self._lock:
            proxy = self._proxies.get(ns)
            if proxy is not None:
                return ImmediateFuture(proxy)
            creating = self._creating.get(ns)
            if creating is not None:
                return creating
            if not create_on_remote:
                proxy = self._proxies[ns] = factory(service_name, name, self._context)
                return ImmediateFuture(proxy)
            creating = self._creating[ns] = Future()
        try:
            proxy = factory(service_name, name, self._context)
        except BaseException:
            with self._lock:
                self._creating.pop(ns, None)
            raise
        invocation = Invocation(client_create_proxy_codec.encode_request(name, service_name))
        self._context.invocation_service.invoke(invocation)

        def created(done: Future[typing.Any]) -> None:
            with self._lock:
                self._creating.pop(ns, None)
                error = done.exception()
                if error is None:
                    self._proxies[ns] = proxy
            if error is None:
                creating.set_result(proxy)
            else:
                creating.set_exception(error)

        invocation.add_done_callback(created)
        return creating

    def destroy_proxy(self, service_name: str, name: str, destroy_on_remote: bool = True) -> Future[bool]:
        """Forgets the proxy and destroys the distributed object on the cluster.

        Args:
            service_name: The member-side service name.
            name: The distributed object's name.
            destroy_on_remote: Whether to destroy the object on the cluster.

        Returns:
            Future of ``True`` if this client held the proxy, ``False`` otherwise
            (the object is destroyed on the cluster either way).
        """
        ns = (service_name, name)
        with self._lock:
            proxy = self._proxies.pop(ns, None)
        held = proxy is not None
        if not destroy_on_remote:
            return ImmediateFuture(held)
        # Also when this client no longer holds the proxy (get_distributed_objects
        # may have dropped it while the members still learn of it): the user asked
        # for the object to be destroyed.
        invocation = Invocation(client_destroy_proxy_codec.encode_request(name, service_name))
        self._context.invocation_service.invoke(invocation)

        def destroyed(done: Future[typing.Any]) -> bool:
            done.result()  # raises the member's error
            return held

        return invocation.continue_with(destroyed)

    def get_distributed_objects(self) -> typing.List[Proxy[typing.Any]]:
        """Returns the proxies created by this client so far."""
        # Not list(...): importing hazelcast.proxy.list binds the name to that module here.
        return [*self._proxies.values()]
