"""Base classes of the CP Subsystem proxies, and the CP sessions they share.

A CP data structure lives in a CP group (a Raft group), named by ``name@group``.
Session-aware structures (FencedLock, the session-aware Semaphore) hold what they
acquire through a CP session: the client creates one per group on first need,
keeps it alive with heartbeats while something holds it, and closes it on
shutdown. When the members end a session (the client was unreachable for longer
than the session's time to live), whatever it held is released on the cluster
and the client learns it from ``SessionExpiredError``.

Everything here returns Futures and waits for nothing: the heartbeats run on the
transport's timers.
"""

from __future__ import annotations

import abc
import logging
import threading
import typing
import uuid

from hazelcast.errors import CPGroupDestroyedError, SessionExpiredError
from hazelcast.future import Future, ImmediateExceptionFuture, ImmediateFuture, combine_futures
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import (
    cp_group_destroy_cp_object_codec,
    cp_session_close_session_codec,
    cp_session_create_session_codec,
    cp_session_generate_thread_id_codec,
    cp_session_heartbeat_session_codec,
)
from hazelcast.transport import call_periodically

if typing.TYPE_CHECKING:
    from hazelcast.protocol import RaftGroupId
    from hazelcast.proxy.context import ClientContext
    from hazelcast.serialization.data import Data
    from hazelcast.transport import Timer

_logger = logging.getLogger(__name__)

BlockingProxyType = typing.TypeVar("BlockingProxyType")

NO_SESSION_ID = -1
"""The session id of calls made outside any session."""


def _no_op_response_handler(_message: typing.Any) -> None:
    return None


class BaseCPProxy(typing.Generic[BlockingProxyType], abc.ABC):
    """What every CP proxy has: its group, names and the invocations it sends.

    Args:
        context: The client context.
        group_id: The CP group holding the object.
        service_name: The member-side service of the object.
        proxy_name: The name given by the user (``name@group``).
        object_name: The object's name inside its group.
    """

    def __init__(
        self,
        context: "ClientContext",
        group_id: "RaftGroupId",
        service_name: str,
        proxy_name: str,
        object_name: str,
    ):
        self._context = context
        self.name = proxy_name
        """The name given by the user (with its group, if given)."""
        self.service_name = service_name
        """The member-side service of the object."""
        self._group_id = group_id
        self._service_name = service_name
        self._proxy_name = proxy_name
        self._object_name = object_name
        self._invocation_service = context.invocation_service
        serialization_service = context.serialization_service
        # Proxies refuse None arguments before serializing them (or pass None on).
        self._to_data: typing.Callable[[typing.Any], "Data"] = serialization_service.to_data  # type: ignore[assignment]
        self._to_object = serialization_service.to_object
        self._caller_id = context.caller_id

    def destroy(self) -> Future[None]:
        """Destroys this object on the CP group, for every client.

        Using it afterwards fails with ``DistributedObjectDestroyedError``;
        getting it again makes a new object on the group.
        """
        request = cp_group_destroy_cp_object_codec.encode_request(
            self._group_id, self._service_name, self._object_name
        )
        return self._invoke(request)

    @abc.abstractmethod
    def blocking(self) -> BlockingProxyType:
        """Returns a version of this proxy with only blocking method calls."""

    def _invoke(
        self,
        request: typing.Any,
        response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler,
        timeout: typing.Optional[float] = None,
    ) -> Future[typing.Any]:
        # CP calls go to any member: the member forwards them to the group's leader.
        invocation = Invocation(request, response_handler=response_handler, timeout=timeout)
        self._invocation_service.invoke(invocation)
        return invocation.future

    def _waiting_timeout(self, wait_seconds: float) -> float:
        # A call the member holds while it waits (a lock, an await) must outlive the wait.
        return max(self._context.config.invocation_timeout, wait_seconds + self._context.config.invocation_timeout)

    def __repr__(self) -> str:
        return '%s(name="%s")' % (type(self).__name__, self._proxy_name)


class SessionAwareCPProxy(BaseCPProxy[BlockingProxyType], abc.ABC):
    """A CP proxy whose acquisitions belong to the client's CP session on its group."""

    def __init__(
        self,
        context: "ClientContext",
        group_id: "RaftGroupId",
        service_name: str,
        proxy_name: str,
        object_name: str,
        session_manager: "ProxySessionManager",
    ):
        super().__init__(context, group_id, service_name, proxy_name, object_name)
        self._session_manager = session_manager

    def get_group_id(self) -> "RaftGroupId":
        """Returns the id of the CP group the object lives in."""
        return self._group_id

    def _get_session_id(self) -> int:
        return self._session_manager.get_session_id(self._group_id)

    def _acquire_session(self, count: int = 1) -> Future[int]:
        return self._session_manager.acquire_session(self._group_id, count)

    def _release_session(self, session_id: int, count: int = 1) -> None:
        self._session_manager.release_session(self._group_id, session_id, count)

    def _invalidate_session(self, session_id: int) -> None:
        self._session_manager.invalidate_session(self._group_id, session_id)

    def _thread_id(self) -> Future[int]:
        # The cluster-wide id of the caller (thread, or asyncio lock context) on this group.
        return self._session_manager.get_or_create_unique_thread_id(self._group_id, self._caller_id())


class _SessionState:
    """A session the client holds on one group, and how many acquisitions use it."""

    __slots__ = ("id", "group_id", "ttl", "expires_at", "acquire_count", "_lock")

    def __init__(self, session_id: int, group_id: "RaftGroupId", ttl: float, now: float):
        self.id = session_id
        self.group_id = group_id
        self.ttl = ttl
        self.expires_at = now + ttl
        self.acquire_count = 0
        self._lock = threading.Lock()

    def acquire(self, count: int) -> int:
        with self._lock:
            self.acquire_count += count
        return self.id

    def release(self, count: int) -> None:
        with self._lock:
            self.acquire_count -= count

    def is_in_use(self) -> bool:
        return self.acquire_count > 0

    def is_valid(self, now: float) -> bool:
        # A session in use is kept alive by the heartbeats; an idle one may have expired.
        return self.is_in_use() or now < self.expires_at


class ProxySessionManager:
    """The client's CP sessions, one per CP group, and its cluster-wide thread ids.

    Args:
        context: The client context (invocations, the transport's timers, the
            client's name given to the sessions).
    """

    def __init__(self, context: "ClientContext"):
        self._context = context
        self._lock = threading.Lock()
        self._sessions: typing.Dict["RaftGroupId", _SessionState] = {}
        # Sessions being created: callers of the same group share the one creation.
        self._creating: typing.Dict["RaftGroupId", Future[_SessionState]] = {}
        self._thread_ids: typing.Dict[typing.Tuple["RaftGroupId", int], Future[int]] = {}
        self._heartbeat: typing.Optional["Timer"] = None
        self._shutdown = False

    def get_session_id(self, group_id: "RaftGroupId") -> int:
        """The id of the client's session on the group, or :data:`NO_SESSION_ID`."""
        session = self._sessions.get(group_id)
        return NO_SESSION_ID if session is None else session.id

    def acquire_session(self, group_id: "RaftGroupId", count: int = 1) -> Future[int]:
        """Counts ``count`` more uses of the group's session (creating it first if
        needed); the Future gives its id."""
        return self._get_or_create_session(group_id).continue_with(lambda done: done.result().acquire(count))

    def release_session(self, group_id: "RaftGroupId", session_id: int, count: int = 1) -> None:
        """Counts ``count`` fewer uses of the session, if it is still the group's."""
        session = self._sessions.get(group_id)
        if session is not None and session.id == session_id:
            session.release(count)

    def invalidate_session(self, group_id: "RaftGroupId", session_id: int) -> None:
        """Forgets the session (the members ended it), if it is still the group's."""
        with self._lock:
            session = self._sessions.get(group_id)
            if session is not None and session.id == session_id:
                del self._sessions[group_id]

    def get_or_create_unique_thread_id(self, group_id: "RaftGroupId", caller_id: int) -> Future[int]:
        """The id the members know the caller by on the group (generated once)."""
        key = (group_id, caller_id)
        with self._lock:
            existing = self._thread_ids.get(key)
            if existing is not None and not (existing.done() and not existing.is_success()):
                return existing
            created: Future[int] = self._invoke(
                cp_session_generate_thread_id_codec.encode_request(group_id),
                cp_session_generate_thread_id_codec.decode_response,
            )
            self._thread_ids[key] = created
            return created

    def shutdown(self) -> Future[typing.Any]:
        """Stops the heartbeats and closes every session on the members.

        Returns:
            Future completed when every close has been answered (errors ignored).
        """
        with self._lock:
            self._shutdown = True
            sessions = list(self._sessions.values())
            self._sessions.clear()
            heartbeat, self._heartbeat = self._heartbeat, None
        if heartbeat is not None:
            heartbeat.cancel()
        closes = [
            self._invoke(cp_session_close_session_codec.encode_request(s.group_id, s.id)).continue_with(_ignore)
            for s in sessions
        ]
        return combine_futures(closes)

    # -- sessions ----------------------------------------------------------------

    def _get_or_create_session(self, group_id: "RaftGroupId") -> Future[_SessionState]:
        now = self._context.transport.now()
        with self._lock:
            if self._shutdown:
                from hazelcast.errors import HazelcastClientNotActiveError

                return ImmediateExceptionFuture(HazelcastClientNotActiveError("Session manager is already shut down"))
            session = self._sessions.get(group_id)
            if session is not None and session.is_valid(now):
                return ImmediateFuture(session)
            creating = self._creating.get(group_id)
            if creating is not None:
                return creating
            creating = self._creating[group_id] = Future()
        request = cp_session_create_session_codec.encode_request(group_id, self._context.name)
        response = self._invoke(request, cp_session_create_session_codec.decode_response)

        def created(done: Future[typing.Any]) -> None:
            with self._lock:
                self._creating.pop(group_id, None)
            error = done.exception()
            if error is not None:
                creating.set_exception(error)
                return
            reply = done.result()
            state = _SessionState(
                reply["session_id"], group_id, reply["ttl_millis"] / 1000.0, self._context.transport.now()
            )
            with self._lock:
                self._sessions[group_id] = state
                if self._heartbeat is None and not self._shutdown:
                    period = max(reply["heartbeat_millis"] / 1000.0, 0.1)
                    self._heartbeat = call_periodically(self._context.transport, period, self._send_heartbeats)
            creating.set_result(state)

        response._add_inline_callback(created)
        return creating

    def _send_heartbeats(self) -> None:
        with self._lock:
            sessions = [s for s in self._sessions.values() if s.is_in_use()]
        for session in sessions:
            request = cp_session_heartbeat_session_codec.encode_request(session.group_id, session.id)

            def answered(done: Future[typing.Any], session: _SessionState = session) -> None:
                error = done.exception()
                if isinstance(error, (SessionExpiredError, CPGroupDestroyedError)):
                    self.invalidate_session(session.group_id, session.id)
                elif error is not None:
                    _logger.debug("CP session heartbeat for %s failed: %s", session.group_id, error)

            self._invoke(request).add_done_callback(answered)

    def _invoke(
        self, request: typing.Any, response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler
    ) -> Future[typing.Any]:
        invocation = Invocation(request, response_handler=response_handler)
        self._context.invocation_service.invoke(invocation)
        return invocation.future


def _ignore(done: Future[typing.Any]) -> None:
    return None


def new_invocation_uid() -> uuid.UUID:
    """A fresh id for a call the members must apply once even when it is retried."""
    return uuid.uuid4()
