"""Distributed object proxies and the manager that creates them once per name."""

from __future__ import annotations

import threading
import typing

from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import client_create_proxy_codec, client_destroy_proxy_codec
from hazelcast.proxy.base import Proxy
from hazelcast.proxy.map import create_map_proxy

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
_proxy_init: typing.Dict[str, typing.Callable[[str, str, typing.Any], Proxy]] = {
    MAP_SERVICE: create_map_proxy,
}


class ProxyManager:
    """Creates proxies on first use and hands out the same object afterwards.

    Args:
        context: The client context the proxies are created with.
    """

    def __init__(self, context: typing.Any):
        self._context = context
        self._proxies: typing.Dict[typing.Tuple[str, str], Proxy] = {}
        # Serializes creation only; lookups of existing proxies take no lock.
        self._lock = threading.Lock()

    def get_or_create(self, service_name: str, name: str, create_on_remote: bool = True) -> Proxy:
        """Returns the proxy of ``name`` in ``service_name``, creating it if needed.

        On first use the object is also created on the cluster (unless
        ``create_on_remote`` is False), and this call waits for that.

        Args:
            service_name: The member-side service name, e.g. :data:`MAP_SERVICE`.
            name: The distributed object's name.
            create_on_remote: Whether to create the object on the cluster.

        Returns:
            The proxy; the same object for the same service and name.

        Raises:
            ValueError: If no proxy type is known for ``service_name``.
        """
        ns = (service_name, name)
        proxy = self._proxies.get(ns)
        if proxy is not None:
            return proxy
        with self._lock:
            proxy = self._proxies.get(ns)
            if proxy is not None:
                return proxy
            proxy = self._create_proxy(service_name, name, create_on_remote)
            self._proxies[ns] = proxy
            return proxy

    def _create_proxy(self, service_name: str, name: str, create_on_remote: bool) -> Proxy:
        factory = _proxy_init.get(service_name)
        if factory is None:
            raise ValueError("no proxy is available for service_name %r" % (service_name,))
        if create_on_remote:
            request = client_create_proxy_codec.encode_request(name, service_name)
            invocation = Invocation(request)
            self._context.invocation_service.invoke(invocation)
            invocation.future.result()
        return factory(service_name, name, self._context)

    def destroy_proxy(self, service_name: str, name: str, destroy_on_remote: bool = True) -> bool:
        """Forgets the proxy and destroys the distributed object on the cluster.

        Args:
            service_name: The member-side service name.
            name: The distributed object's name.
            destroy_on_remote: Whether to destroy the object on the cluster.

        Returns:
            ``True`` if this client held the proxy, ``False`` otherwise (the object
            is destroyed on the cluster either way).
        """
        ns = (service_name, name)
        with self._lock:
            proxy = self._proxies.pop(ns, None)
        if destroy_on_remote:
            # Also when this client no longer holds the proxy (get_distributed_objects
            # may have dropped it while the members still learn of it): the user
            # asked for the object to be destroyed.
            request = client_destroy_proxy_codec.encode_request(name, service_name)
            invocation = Invocation(request)
            self._context.invocation_service.invoke(invocation)
            invocation.future.result()
        return proxy is not None

    def get_distributed_objects(self) -> typing.List[Proxy]:
        """Returns the proxies created by this client so far."""
        return list(self._proxies.values())
