"""The CP Subsystem's FencedLock: a reentrant lock with fencing tokens."""

from __future__ import annotations

import threading
import typing
import uuid

from hazelcast.errors import (
    IllegalMonitorStateError,
    LockAcquireLimitReachedError,
    LockOwnershipLostError,
    SessionExpiredError,
    WaitKeyCancelledError,
)
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    fenced_lock_get_lock_ownership_codec,
    fenced_lock_lock_codec,
    fenced_lock_try_lock_codec,
    fenced_lock_unlock_codec,
)
from hazelcast.proxy.cp import NO_SESSION_ID, SessionAwareCPProxy, new_invocation_uid

if typing.TYPE_CHECKING:
    from hazelcast.protocol import RaftGroupId
    from hazelcast.proxy.context import ClientContext
    from hazelcast.proxy.cp import ProxySessionManager


class FencedLock(SessionAwareCPProxy["BlockingFencedLock"]):
    """A linearizable, reentrant lock of the CP Subsystem, with fencing tokens.

    The owner is the calling thread (threaded client) or the lock context / task
    (asyncio client), within this client's CP session. Each acquisition that is
    not reentrant returns a fencing token larger than every earlier one: pass it
    to the resource the lock guards so that it can refuse a stale holder.

    If the client cannot heartbeat its session for longer than the session's time
    to live, the members end the session and release its locks; the holder learns
    it from ``LockOwnershipLostError`` on its next call on the lock.
    """

    INVALID_FENCE = 0
    """The fence of a failed ``try_lock``."""

    def __init__(
        self,
        context: "ClientContext",
        group_id: "RaftGroupId",
        service_name: str,
        proxy_name: str,
        object_name: str,
        session_manager: "ProxySessionManager",
    ):
        super().__init__(context, group_id, service_name, proxy_name, object_name, session_manager)
        # owner id -> the session its hold on the lock belongs to
        self._lock_session_ids: typing.Dict[int, int] = {}
        self._state_lock = threading.Lock()

    def lock(self) -> Future[int]:
        """Acquires the lock, waiting on the member while another owner holds it.

        Reentrant: the owner may lock again; it must unlock as many times.

        Returns:
            The fencing token of this acquisition (the same as the first one's
            when reentrant).

        Raises:
            LockOwnershipLostError: If the owner held the lock in a session the
                members have closed since.
            LockAcquireLimitReachedError: If the lock's reentrancy limit is reached.
        """
        return self._lock(self._caller_id(), new_invocation_uid())

    def try_lock(self, timeout: float = 0) -> Future[int]:
        """Acquires the lock if it is free within ``timeout`` seconds.

        Args:
            timeout: Seconds to wait for the lock (``0``: do not wait).

        Returns:
            The fencing token, or :attr:`INVALID_FENCE` if the lock was not acquired.

        Raises:
            LockOwnershipLostError: If the owner held the lock in a closed session.
        """
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
            raise AssertionError("timeout must be a number, got %r" % (timeout,))
        deadline = self._context.transport.now() + max(0.0, timeout)
        return self._try_lock(self._caller_id(), new_invocation_uid(), deadline)

    def unlock(self) -> Future[None]:
        """Releases one hold of the lock.

        Raises:
            IllegalMonitorStateError: If the caller does not own the lock.
            LockOwnershipLostError: If the caller held it in a session the
                members have closed.
        """
        owner = self._caller_id()
        session_id = self._get_session_id()
        self._verify_held_in(owner, session_id, release_session=False)
        if session_id == NO_SESSION_ID:
            self._forget(owner)
            raise self._not_owner_error()
        request = fenced_lock_unlock_codec.encode_request(
            self._group_id, self._object_name, session_id, owner, new_invocation_uid()
        )

        def unlocked(done: Future[bool]) -> None:
            error = done.exception()
            if isinstance(error, SessionExpiredError):
                self._invalidate_session(session_id)
                self._forget(owner)
                raise self._ownership_lost_error(session_id)
            if isinstance(error, IllegalMonitorStateError):
                self._forget(owner)
                raise error
            if error is not None:
                raise error
            if done.result():
                self._remember(owner, session_id)  # still held (reentrant)
            else:
                self._forget(owner)
            self._release_session(session_id)

        return self._invoke(request, fenced_lock_unlock_codec.decode_response).continue_with(unlocked)

    def is_locked(self) -> Future[bool]:
        """Returns whether anyone holds the lock.

        Raises:
            LockOwnershipLostError: If the caller held it in a closed session.
        """
        return self._ownership(lambda owner, session_id, state: state["fence"] != self.INVALID_FENCE)

    def is_locked_by_current_thread(self) -> Future[bool]:
        """Returns whether the caller (thread, or asyncio lock context) holds the lock.

        Raises:
            LockOwnershipLostError: If the caller held it in a closed session.
        """
        return self._ownership(lambda owner, session_id, state: _held_by(state, session_id, owner))

    def get_lock_count(self) -> Future[int]:
        """Returns how many times the lock is held (reentrantly), ``0`` if free.

        Raises:
            LockOwnershipLostError: If the caller held it in a closed session.
        """
        return self._ownership(lambda owner, session_id, state: state["lock_count"])

    def destroy(self) -> Future[None]:
        """Destroys the lock on its CP group, for every client."""
        with self._state_lock:
            self._lock_session_ids.clear()
        return super().destroy()

    def blocking(self) -> "BlockingFencedLock":
        return BlockingFencedLock(self)

    # -- acquiring ---------------------------------------------------------------

    def _lock(self, owner: int, invocation_uid: uuid.UUID) -> Future[int]:
        def with_session(done: Future[int]) -> Future[int]:
            session_id = done.result()
            self._verify_held_in(owner, session_id, release_session=True)
            request = fenced_lock_lock_codec.encode_request(
                self._group_id, self._object_name, session_id, owner, invocation_uid
            )

            def locked(reply: Future[int]) -> typing.Any:
                error = reply.exception()
                if isinstance(error, SessionExpiredError):
                    self._invalidate_session(session_id)
                    self._verify_not_held(owner)
                    return self._lock(owner, invocation_uid)  # the same call, in a new session
                if isinstance(error, WaitKeyCancelledError):
                    self._release_session(session_id)
                    raise IllegalMonitorStateError(
                        "Lock(%s) not acquired because the lock call on the CP group was cancelled, "
                        "possibly by another indeterminate call of the same owner" % self._proxy_name
                    )
                if error is not None:
                    self._release_session(session_id)
                    raise error
                fence = reply.result()
                if fence == self.INVALID_FENCE:
                    self._release_session(session_id)
                    raise LockAcquireLimitReachedError(
                        "Lock(%s) reentrant lock limit is already reached" % self._proxy_name
                    )
                self._remember(owner, session_id)
                return fence

            # The member holds a lock call until the lock is free: no invocation timeout.
            return self._invoke(request, fenced_lock_lock_codec.decode_response, float("inf")).continue_with(locked)

        return self._acquire_session().continue_with(with_session)

    def _try_lock(self, owner: int, invocation_uid: uuid.UUID, deadline: float) -> Future[int]:
        def with_session(done: Future[int]) -> Future[int]:
            session_id = done.result()
            self._verify_held_in(owner, session_id, release_session=True)
            remaining = max(0.0, deadline - self._context.transport.now())
            request = fenced_lock_try_lock_codec.encode_request(
                self._group_id, self._object_name, session_id, owner, invocation_uid, int(remaining * 1000)
            )

            def tried(reply: Future[int]) -> typing.Any:
                error = reply.exception()
                if isinstance(error, SessionExpiredError):
                    self._invalidate_session(session_id)
                    self._verify_not_held(owner)
                    if self._context.transport.now() >= deadline:
                        return self.INVALID_FENCE
                    return self._try_lock(owner, invocation_uid, deadline)
                if isinstance(error, WaitKeyCancelledError):
                    self._release_session(session_id)
                    return self.INVALID_FENCE
                if error is not None:
                    self._release_session(session_id)
                    raise error
                fence = reply.result()
                if fence == self.INVALID_FENCE:
                    self._release_session(session_id)
                else:
                    self._remember(owner, session_id)
                return fence

            timeout = self._waiting_timeout(remaining)
            return self._invoke(request, fenced_lock_try_lock_codec.decode_response, timeout).continue_with(tried)

        return self._acquire_session().continue_with(with_session)

    # -- ownership ---------------------------------------------------------------

    def _ownership(self, answer: typing.Callable[[int, int, typing.Any], typing.Any]) -> Future[typing.Any]:
        owner = self._caller_id()
        session_id = self._get_session_id()
        self._verify_held_in(owner, session_id, release_session=False)
        request = fenced_lock_get_lock_ownership_codec.encode_request(self._group_id, self._object_name)

        def got(done: Future[typing.Any]) -> typing.Any:
            state = done.result()
            if _held_by(state, session_id, owner):
                self._remember(owner, session_id)
            else:
                self._verify_not_held(owner)
            return answer(owner, session_id, state)

        return self._invoke(request, fenced_lock_get_lock_ownership_codec.decode_response).continue_with(got)

    def _verify_held_in(self, owner: int, session_id: int, release_session: bool) -> None:
        # The owner held the lock in another session: that session has ended, and the lock with it.
        with self._state_lock:
            held_in = self._lock_session_ids.get(owner)
            if held_in is None or held_in == session_id:
                return
            del self._lock_session_ids[owner]
        if release_session:
            self._release_session(session_id)
        raise self._ownership_lost_error(held_in)

    def _verify_not_held(self, owner: int) -> None:
        with self._state_lock:
            held_in = self._lock_session_ids.pop(owner, None)
        if held_in is not None:
            raise self._ownership_lost_error(held_in)

    def _remember(self, owner: int, session_id: int) -> None:
        with self._state_lock:
            self._lock_session_ids[owner] = session_id

    def _forget(self, owner: int) -> None:
        with self._state_lock:
            self._lock_session_ids.pop(owner, None)

    def _ownership_lost_error(self, session_id: int) -> LockOwnershipLostError:
        return LockOwnershipLostError(
            "Current thread is not the owner of the Lock(%s) because its Session(%s) was closed by the cluster"
            % (self._proxy_name, session_id)
        )

    def _not_owner_error(self) -> IllegalMonitorStateError:
        return IllegalMonitorStateError("Current thread is not the owner of the Lock(%s)" % self._proxy_name)


def _held_by(state: typing.Any, session_id: int, owner: int) -> bool:
    return state["fence"] != FencedLock.INVALID_FENCE and state["session_id"] == session_id and state["thread_id"] == owner


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingFencedLock(FencedLock):
    """The blocking twin of :class:`FencedLock`: each method waits for the result that
    :class:`FencedLock` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`FencedLock.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: FencedLock):  # pylint: disable=super-init-not-called
        # No FencedLock.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def lock(self) -> int:  # type: ignore[override]
        """Acquires the lock, waiting on the member while another owner holds it.

        Reentrant: the owner may lock again; it must unlock as many times.

        Returns:
            The fencing token of this acquisition (the same as the first one's
            when reentrant).

        Raises:
            LockOwnershipLostError: If the owner held the lock in a session the
                members have closed since.
            LockAcquireLimitReachedError: If the lock's reentrancy limit is reached.
        """
        return self._wrapped.lock().result()

    def try_lock(self, timeout: float = 0) -> int:  # type: ignore[override]
        """Acquires the lock if it is free within ``timeout`` seconds.

        Args:
            timeout: Seconds to wait for the lock (``0``: do not wait).

        Returns:
            The fencing token, or :attr:`INVALID_FENCE` if the lock was not acquired.

        Raises:
            LockOwnershipLostError: If the owner held the lock in a closed session.
        """
        return self._wrapped.try_lock(timeout).result()

    def unlock(self) -> None:  # type: ignore[override]
        """Releases one hold of the lock.

        Raises:
            IllegalMonitorStateError: If the caller does not own the lock.
            LockOwnershipLostError: If the caller held it in a session the
                members have closed.
        """
        return self._wrapped.unlock().result()

    def is_locked(self) -> bool:  # type: ignore[override]
        """Returns whether anyone holds the lock.

        Raises:
            LockOwnershipLostError: If the caller held it in a closed session.
        """
        return self._wrapped.is_locked().result()

    def is_locked_by_current_thread(self) -> bool:  # type: ignore[override]
        """Returns whether the caller (thread, or asyncio lock context) holds the lock.

        Raises:
            LockOwnershipLostError: If the caller held it in a closed session.
        """
        return self._wrapped.is_locked_by_current_thread().result()

    def get_lock_count(self) -> int:  # type: ignore[override]
        """Returns how many times the lock is held (reentrantly), ``0`` if free.

        Raises:
            LockOwnershipLostError: If the caller held it in a closed session.
        """
        return self._wrapped.get_lock_count().result()

    def destroy(self) -> None:  # type: ignore[override]
        """Destroys the lock on its CP group, for every client."""
        return self._wrapped.destroy().result()

    def blocking(self) -> "BlockingFencedLock":
        return self

    def get_group_id(self) -> "RaftGroupId":
        """Returns the id of the CP group the object lives in."""
        return self._wrapped.get_group_id()

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)


# --- end of the generated blocking twin ---
