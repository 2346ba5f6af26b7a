"""The CP Subsystem: linearizable data structures kept by Raft groups of members.

``client.cp_subsystem`` gives AtomicLong, AtomicReference, CountDownLatch,
FencedLock and Semaphore proxies (and CPMap, on Enterprise members). A name may
name its CP group: ``"counter@orders"`` lives in the group ``orders``, created on
first use; without a group, objects live in the ``default`` group.

Members from Hazelcast 5.5 on serve the CP Subsystem in Enterprise only: on a
Community member a CP call fails with an error that says so. Community members
of 5.4 and before serve it, in "unsafe mode" when no CP members are configured.
"""

from __future__ import annotations

import threading
import typing

from hazelcast.errors import UnsupportedOperationError
from hazelcast.future import Future
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import cp_group_create_cp_group_codec, semaphore_get_semaphore_type_codec
from hazelcast.proxy.cp import BaseCPProxy, ProxySessionManager
from hazelcast.proxy.cp.atomic_long import AtomicLong
from hazelcast.proxy.cp.atomic_reference import AtomicReference
from hazelcast.proxy.cp.count_down_latch import CountDownLatch
from hazelcast.proxy.cp.cp_map import CPMap
from hazelcast.proxy.cp.fenced_lock import FencedLock
from hazelcast.proxy.cp.semaphore import Semaphore, SessionAwareSemaphore, SessionlessSemaphore

if typing.TYPE_CHECKING:
    from hazelcast.protocol import RaftGroupId
    from hazelcast.proxy.context import ClientContext

ATOMIC_LONG_SERVICE = "hz:raft:atomicLongService"
ATOMIC_REFERENCE_SERVICE = "hz:raft:atomicRefService"
COUNT_DOWN_LATCH_SERVICE = "hz:raft:countDownLatchService"
LOCK_SERVICE = "hz:raft:lockService"
SEMAPHORE_SERVICE = "hz:raft:semaphoreService"
MAP_SERVICE = "hz:raft:mapService"

_DEFAULT_GROUP_NAME = "default"
_METADATA_CP_GROUP_NAME = "metadata"


class CPSubsystem:
    """Gives the CP Subsystem's data structures.

    Each getter asks the cluster for the object's CP group (creating the group on
    first use) and returns a proxy whose methods return Futures; ``.blocking()``
    gives the waiting version.

    The structures need a member that serves the CP Subsystem: Hazelcast 5.4 or
    before, or Enterprise. With fewer than three CP members configured, the
    members run it in "unsafe mode", without Raft's guarantees.
    """

    def __init__(self, proxy_manager: "CPProxyManager"):
        self._proxy_manager = proxy_manager

    def get_atomic_long(self, name: str) -> AtomicLong:
        """Returns the AtomicLong named ``name`` (``name@group`` for another group).

        Args:
            name: Name of the AtomicLong, optionally with ``@`` and its CP group.

        Returns:
            The AtomicLong proxy.
        """
        return typing.cast(AtomicLong, self._proxy_manager.get_or_create(ATOMIC_LONG_SERVICE, name).result())

    def get_atomic_reference(self, name: str) -> AtomicReference:
        """Returns the AtomicReference named ``name`` (``name@group`` for another group).

        Args:
            name: Name of the AtomicReference, optionally with ``@`` and its CP group.

        Returns:
            The AtomicReference proxy.
        """
        return typing.cast(
            AtomicReference, self._proxy_manager.get_or_create(ATOMIC_REFERENCE_SERVICE, name).result()
        )

    def get_count_down_latch(self, name: str) -> CountDownLatch:
        """Returns the CountDownLatch named ``name`` (``name@group`` for another group).

        Args:
            name: Name of the CountDownLatch, optionally with ``@`` and its CP group.

        Returns:
            The CountDownLatch proxy.
        """
        return typing.cast(
            CountDownLatch, self._proxy_manager.get_or_create(COUNT_DOWN_LATCH_SERVICE, name).result()
        )

    def get_lock(self, name: str) -> FencedLock:
        """Returns the FencedLock named ``name`` (``name@group`` for another group).

        The same name gives the same proxy object, which keeps what its owners hold.

        Args:
            name: Name of the FencedLock, optionally with ``@`` and its CP group.

        Returns:
            The FencedLock proxy.
        """
        return typing.cast(FencedLock, self._proxy_manager.get_or_create(LOCK_SERVICE, name).result())

    def get_semaphore(self, name: str) -> Semaphore:
        """Returns the Semaphore named ``name`` (``name@group`` for another group).

        Whether it is session-aware or sessionless (``jdk-compatible``) is
        configured on the members; the proxy follows their configuration.

        Args:
            name: Name of the Semaphore, optionally with ``@`` and its CP group.

        Returns:
            The Semaphore proxy.
        """
        return typing.cast(Semaphore, self._proxy_manager.get_or_create(SEMAPHORE_SERVICE, name).result())

    def get_map(self, name: str) -> CPMap[typing.Any, typing.Any]:
        """Returns the CPMap named ``name`` (``name@group`` for another group).

        Not in the official Python client. The members serve CPMap in Hazelcast
        Enterprise only: on a Community member its calls fail with an error saying so.

        Args:
            name: Name of the CPMap, optionally with ``@`` and its CP group.

        Returns:
            The CPMap proxy.
        """
        return typing.cast(CPMap, self._proxy_manager.get_or_create(MAP_SERVICE, name).result())


class CPProxyManager:
    """Creates CP proxies: resolves the CP group of a name, then builds the proxy.

    Args:
        context: The client context.
    """

    def __init__(self, context: "ClientContext"):
        self._context = context
        self.session_manager = ProxySessionManager(context)
        self._lock = threading.Lock()
        # FencedLock proxies hold their owners' state: one per name.
        self._locks: typing.Dict[str, FencedLock] = {}

    def get_or_create(self, service_name: str, name: str) -> Future[BaseCPProxy[typing.Any]]:
        """Returns a Future of the proxy of ``name`` in ``service_name``.

        Raises:
            AssertionError: If the name is not a string, or its object or group
                part is empty, names the METADATA group or repeats ``@``.
        """
        if not isinstance(name, str):
            raise AssertionError("name must be a string, got %r" % (name,))
        proxy_name = _without_default_group_name(name)
        object_name = _object_name(proxy_name)
        group_name = _group_name(proxy_name)
        group = self._group_id(group_name)

        def build(done: Future["RaftGroupId"]) -> typing.Any:
            group_id = done.result()
            if service_name == ATOMIC_LONG_SERVICE:
                return AtomicLong(self._context, group_id, service_name, proxy_name, object_name)
            if service_name == ATOMIC_REFERENCE_SERVICE:
                return AtomicReference(self._context, group_id, service_name, proxy_name, object_name)
            if service_name == COUNT_DOWN_LATCH_SERVICE:
                return CountDownLatch(self._context, group_id, service_name, proxy_name, object_name)
            if service_name == MAP_SERVICE:
                return CPMap(self._context, group_id, service_name, proxy_name, object_name)
            if service_name == LOCK_SERVICE:
                return self._lock_proxy(group_id, proxy_name, object_name)
            if service_name == SEMAPHORE_SERVICE:
                return self._semaphore_proxy(group_id, proxy_name, object_name)
            raise ValueError("no CP proxy is available for service_name %r" % (service_name,))

        return group.continue_with(build)

    def shutdown(self) -> Future[typing.Any]:
        """Closes the client's CP sessions."""
        return self.session_manager.shutdown()

    def _group_id(self, group_name: str) -> Future["RaftGroupId"]:
        request = cp_group_create_cp_group_codec.encode_request(group_name)
        invocation = Invocation(request, response_handler=cp_group_create_cp_group_codec.decode_response)
        self._context.invocation_service.invoke(invocation)
        return invocation.future.continue_with(_explain_enterprise_only)

    def _lock_proxy(self, group_id: "RaftGroupId", proxy_name: str, object_name: str) -> FencedLock:
        with self._lock:
            proxy = self._locks.get(proxy_name)
            if proxy is not None and proxy.get_group_id() == group_id:
                return proxy
            # A new proxy when the group was destroyed and created again: the old holds ended with it.
            proxy = FencedLock(
                self._context, group_id, LOCK_SERVICE, proxy_name, object_name, self.session_manager
            )
            self._locks[proxy_name] = proxy
            return proxy

    def _semaphore_proxy(self, group_id: "RaftGroupId", proxy_name: str, object_name: str) -> Future[Semaphore]:
        request = semaphore_get_semaphore_type_codec.encode_request(proxy_name)
        invocation = Invocation(request, response_handler=semaphore_get_semaphore_type_codec.decode_response)
        self._context.invocation_service.invoke(invocation)

        def build(done: Future[bool]) -> Semaphore:
            kind = SessionlessSemaphore if done.result() else SessionAwareSemaphore
            return kind(self._context, group_id, SEMAPHORE_SERVICE, proxy_name, object_name, self.session_manager)

        return invocation.future.continue_with(build)


def _explain_enterprise_only(done: Future["RaftGroupId"]) -> "RaftGroupId":
    error = done.exception()
    if error is not None and "enterprise" in str(error).lower():
        # The class the official client raises here, so that its users' handlers still match.
        raise UnsupportedOperationError(
            "The cluster does not serve the CP Subsystem: Hazelcast 5.5 and later serve it in "
            "Enterprise only (Community members of 5.4 and before serve it). The member said: %s" % (error,),
            error,
        )
    return done.result()


def _without_default_group_name(name: str) -> str:
    name = name.strip()
    at = name.find("@")
    if at == -1:
        return name
    if name.find("@", at + 1) != -1:
        raise AssertionError("Custom group name must be specified at most once")
    group_name = name[at + 1:].strip()
    if group_name == _DEFAULT_GROUP_NAME:
        return name[:at]
    return name


def _object_name(name: str) -> str:
    at = name.find("@")
    if at == -1:
        return name
    if not name[at + 1:].strip():
        raise AssertionError("Custom CP group name cannot be empty string")
    object_name = name[:at].strip()
    if not object_name:
        raise AssertionError("Object name cannot be empty string")
    return object_name


def _group_name(proxy_name: str) -> str:
    at = proxy_name.find("@")
    if at == -1:
        return _DEFAULT_GROUP_NAME
    group_name = proxy_name[at + 1:].strip()
    if group_name.lower() == _METADATA_CP_GROUP_NAME:
        raise AssertionError("CP data structures cannot run on the METADATA CP group!")
    return group_name

