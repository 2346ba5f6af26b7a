"""The CP Subsystem's Semaphore, in its session-aware and sessionless variants.

A semaphore configured ``jdk-compatible`` on the members is sessionless: permits
belong to the cluster-wide id of the caller and stay acquired if the caller's
client dies (as a ``java.util.concurrent.Semaphore``'s would). Otherwise permits
belong to the client's CP session and are released by the members when the
session ends. :meth:`hazelcast.cp.CPSubsystem.get_semaphore` asks the members
which variant a name has.
"""

from __future__ import annotations

import abc
import typing
import uuid

from hazelcast.errors import IllegalStateError, SessionExpiredError, WaitKeyCancelledError
from hazelcast.future import Future, ImmediateFuture
from hazelcast.protocol.codec import (
    semaphore_acquire_codec,
    semaphore_available_permits_codec,
    semaphore_change_codec,
    semaphore_drain_codec,
    semaphore_init_codec,
    semaphore_release_codec,
)
from hazelcast.proxy.cp import NO_SESSION_ID, BaseCPProxy, SessionAwareCPProxy, new_invocation_uid

if typing.TYPE_CHECKING:
    from hazelcast.protocol import RaftGroupId
    from hazelcast.proxy.context import ClientContext
    from hazelcast.proxy.cp import ProxySessionManager

# Session uses counted while a drain runs: the member drains at most this many permits per call.
_DRAIN_SESSION_ACQUIRE_COUNT = 1024


def _check_count(value: typing.Any, what: str, positive: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AssertionError("%s must be an int, got %r" % (what, value))
    if value < (1 if positive else 0):
        raise AssertionError("%s must be %s, got %r" % (what, "positive" if positive else "non-negative", value))


def _check_timeout(value: typing.Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AssertionError("timeout must be a number, got %r" % (value,))


class Semaphore(BaseCPProxy["BlockingSemaphore"], abc.ABC):
    """A linearizable, distributed semaphore of the CP Subsystem.

    Permits are set with :meth:`init` (once, while there are none) or changed
    with :meth:`increase_permits` / :meth:`reduce_permits`; callers take them
    with :meth:`acquire` / :meth:`try_acquire` and give them back with
    :meth:`release`. Waiting acquisitions wait on the members, in order.
    """

    def init(self, permits: int) -> Future[bool]:
        """Sets the number of permits if the semaphore has never been initialized.

        Args:
            permits: The number of permits (zero or more).

        Returns:
            ``True`` if set; ``False`` if the semaphore was already initialized.
        """
        _check_count(permits, "permits", positive=False)
        request = semaphore_init_codec.encode_request(self._group_id, self._object_name, permits)
        return self._invoke(request, semaphore_init_codec.decode_response)

    def available_permits(self) -> Future[int]:
        """Returns the number of permits available now."""
        request = semaphore_available_permits_codec.encode_request(self._group_id, self._object_name)
        return self._invoke(request, semaphore_available_permits_codec.decode_response)

    @abc.abstractmethod
    def acquire(self, permits: int = 1) -> Future[None]:
        """Takes ``permits`` permits, waiting on the members until they are available.

        Args:
            permits: How many permits (positive).

        Raises:
            IllegalStateError: If the call was cancelled on the CP group (another
                indeterminate call of the same caller), or the session-aware
                semaphore's session was closed.
        """

    @abc.abstractmethod
    def try_acquire(self, permits: int = 1, timeout: float = 0) -> Future[bool]:
        """Takes ``permits`` permits if they become available within ``timeout``.

        Args:
            permits: How many permits (positive).
            timeout: Seconds to wait (``0``: do not wait).

        Returns:
            ``True`` if the permits were taken.
        """

    @abc.abstractmethod
    def release(self, permits: int = 1) -> Future[None]:
        """Gives back ``permits`` permits.

        Args:
            permits: How many permits (positive).

        Raises:
            IllegalStateError: If the caller does not hold that many permits
                (session-aware), or its session was closed.
        """

    @abc.abstractmethod
    def drain_permits(self) -> Future[int]:
        """Takes every available permit.

        Returns:
            The number of permits taken.
        """

    @abc.abstractmethod
    def reduce_permits(self, reduction: int) -> Future[None]:
        """Removes ``reduction`` permits (the count may become negative).

        Args:
            reduction: How many (zero or more).
        """

    @abc.abstractmethod
    def increase_permits(self, increase: int) -> Future[None]:
        """Adds ``increase`` permits.

        Args:
            increase: How many (zero or more).
        """

    def blocking(self) -> "BlockingSemaphore":
        return BlockingSemaphore(self)

    def _cancelled_error(self) -> IllegalStateError:
        return IllegalStateError(
            "Semaphore(%s) not acquired because the acquire call on the CP group was cancelled" % self._proxy_name
        )


class SessionAwareSemaphore(Semaphore, SessionAwareCPProxy["BlockingSemaphore"]):
    """The semaphore whose permits belong to the client's CP session."""

    def __init__(
        self,
        context: "ClientContext",
        group_id: "RaftGroupId",
        service_name: str,
        proxy_name: str,
        object_name: str,
        session_manager: "ProxySessionManager",
    ):
        SessionAwareCPProxy.__init__(self, context, group_id, service_name, proxy_name, object_name, session_manager)

    def acquire(self, permits: int = 1) -> Future[None]:
        _check_count(permits, "permits", positive=True)
        return self._acquire(self._caller_id(), new_invocation_uid(), permits, None).continue_with(_none)

    def try_acquire(self, permits: int = 1, timeout: float = 0) -> Future[bool]:
        _check_count(permits, "permits", positive=True)
        _check_timeout(timeout)
        deadline = self._context.transport.now() + max(0.0, timeout)
        return self._acquire(self._caller_id(), new_invocation_uid(), permits, deadline)

    def _acquire(
        self, owner: int, invocation_uid: uuid.UUID, permits: int, deadline: typing.Optional[float]
    ) -> Future[bool]:
        def with_session(done: Future[int]) -> Future[bool]:
            session_id = done.result()
            if deadline is None:
                timeout_millis, invocation_timeout = -1, float("inf")
            else:
                remaining = max(0.0, deadline - self._context.transport.now())
                timeout_millis, invocation_timeout = int(remaining * 1000), self._waiting_timeout(remaining)
            request = semaphore_acquire_codec.encode_request(
                self._group_id, self._object_name, session_id, owner, invocation_uid, permits, timeout_millis
            )

            def acquired(reply: Future[bool]) -> typing.Any:
                error = reply.exception()
                if isinstance(error, SessionExpiredError):
                    self._invalidate_session(session_id)
                    if deadline is not None and self._context.transport.now() >= deadline:
                        return False
                    return self._acquire(owner, invocation_uid, permits, deadline)
                if error is not None:
                    self._release_session(session_id, permits)
                    if isinstance(error, WaitKeyCancelledError):
                        if deadline is not None:
                            return False
                        raise self._cancelled_error()
                    raise error
                if not reply.result():
                    self._release_session(session_id, permits)
                    return False
                return True

            reply = self._invoke(request, semaphore_acquire_codec.decode_response, invocation_timeout)
            return reply.continue_with(acquired)

        return self._acquire_session(permits).continue_with(with_session)

    def release(self, permits: int = 1) -> Future[None]:
        _check_count(permits, "permits", positive=True)
        session_id = self._get_session_id()
        if session_id == NO_SESSION_ID:
            raise IllegalStateError("No valid session: Semaphore(%s) holds no permits of this client" % self._proxy_name)
        request = semaphore_release_codec.encode_request(
            self._group_id, self._object_name, session_id, self._caller_id(), new_invocation_uid(), permits
        )

        def released(done: Future[typing.Any]) -> None:
            self._release_session(session_id, permits)
            error = done.exception()
            if isinstance(error, SessionExpiredError):
                self._invalidate_session(session_id)
                raise IllegalStateError(
                    "Semaphore(%s): the session holding the permits was closed by the cluster" % self._proxy_name
                )
            done.result()

        return self._invoke(request).continue_with(released)

    def drain_permits(self) -> Future[int]:
        owner, invocation_uid = self._caller_id(), new_invocation_uid()

        def drain(done: Future[int]) -> Future[int]:
            session_id = done.result()
            request = semaphore_drain_codec.encode_request(
                self._group_id, self._object_name, session_id, owner, invocation_uid
            )

            def drained(reply: Future[int]) -> typing.Any:
                error = reply.exception()
                if isinstance(error, SessionExpiredError):
                    self._invalidate_session(session_id)
                    return self._acquire_session(_DRAIN_SESSION_ACQUIRE_COUNT).continue_with(drain)
                if error is not None:
                    self._release_session(session_id, _DRAIN_SESSION_ACQUIRE_COUNT)
                    raise error
                count = reply.result()
                self._release_session(session_id, _DRAIN_SESSION_ACQUIRE_COUNT - count)
                return count

            return self._invoke(request, semaphore_drain_codec.decode_response).continue_with(drained)

        return self._acquire_session(_DRAIN_SESSION_ACQUIRE_COUNT).continue_with(drain)

    def reduce_permits(self, reduction: int) -> Future[None]:
        _check_count(reduction, "reduction", positive=False)
        return ImmediateFuture(None) if reduction == 0 else self._change(-reduction)

    def increase_permits(self, increase: int) -> Future[None]:
        _check_count(increase, "increase", positive=False)
        return ImmediateFuture(None) if increase == 0 else self._change(increase)

    def _change(self, delta: int) -> Future[None]:
        owner, invocation_uid = self._caller_id(), new_invocation_uid()

        def change(done: Future[int]) -> Future[None]:
            session_id = done.result()
            request = semaphore_change_codec.encode_request(
                self._group_id, self._object_name, session_id, owner, invocation_uid, delta
            )

            def changed(reply: Future[typing.Any]) -> typing.Any:
                self._release_session(session_id)
                error = reply.exception()
                if isinstance(error, SessionExpiredError):
                    self._invalidate_session(session_id)
                    return self._acquire_session().continue_with(change)
                reply.result()
                return None

            return self._invoke(request).continue_with(changed)

        return self._acquire_session().continue_with(change)


class SessionlessSemaphore(Semaphore):
    """The ``jdk-compatible`` semaphore: permits belong to the caller's cluster-wide id."""

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

    def acquire(self, permits: int = 1) -> Future[None]:
        _check_count(permits, "permits", positive=True)
        return self._acquire(permits, None).continue_with(_none)

    def try_acquire(self, permits: int = 1, timeout: float = 0) -> Future[bool]:
        _check_count(permits, "permits", positive=True)
        _check_timeout(timeout)
        return self._acquire(permits, max(0.0, timeout))

    def _acquire(self, permits: int, timeout: typing.Optional[float]) -> Future[bool]:
        invocation_uid = new_invocation_uid()

        def with_thread_id(done: Future[int]) -> Future[bool]:
            if timeout is None:
                timeout_millis, invocation_timeout = -1, float("inf")
            else:
                timeout_millis, invocation_timeout = int(timeout * 1000), self._waiting_timeout(timeout)
            request = semaphore_acquire_codec.encode_request(
                self._group_id, self._object_name, NO_SESSION_ID, done.result(), invocation_uid, permits,
                timeout_millis,
            )

            def acquired(reply: Future[bool]) -> bool:
                error = reply.exception()
                if isinstance(error, WaitKeyCancelledError):
                    if timeout is not None:
                        return False
                    raise self._cancelled_error()
                return reply.result()

            reply = self._invoke(request, semaphore_acquire_codec.decode_response, invocation_timeout)
            return reply.continue_with(acquired)

        return self._global_thread_id().continue_with(with_thread_id)

    def release(self, permits: int = 1) -> Future[None]:
        _check_count(permits, "permits", positive=True)
        invocation_uid = new_invocation_uid()

        def with_thread_id(done: Future[int]) -> Future[None]:
            request = semaphore_release_codec.encode_request(
                self._group_id, self._object_name, NO_SESSION_ID, done.result(), invocation_uid, permits
            )
            return self._invoke(request)

        return self._global_thread_id().continue_with(with_thread_id)

    def drain_permits(self) -> Future[int]:
        invocation_uid = new_invocation_uid()

        def with_thread_id(done: Future[int]) -> Future[int]:
            request = semaphore_drain_codec.encode_request(
                self._group_id, self._object_name, NO_SESSION_ID, done.result(), invocation_uid
            )
            return self._invoke(request, semaphore_drain_codec.decode_response)

        return self._global_thread_id().continue_with(with_thread_id)

    def reduce_permits(self, reduction: int) -> Future[None]:
        _check_count(reduction, "reduction", positive=False)
        return ImmediateFuture(None) if reduction == 0 else self._change(-reduction)

    def increase_permits(self, increase: int) -> Future[None]:
        _check_count(increase, "increase", positive=False)
        return ImmediateFuture(None) if increase == 0 else self._change(increase)

    def _change(self, delta: int) -> Future[None]:
        invocation_uid = new_invocation_uid()

        def with_thread_id(done: Future[int]) -> Future[None]:
            request = semaphore_change_codec.encode_request(
                self._group_id, self._object_name, NO_SESSION_ID, done.result(), invocation_uid, delta
            )
            return self._invoke(request)

        return self._global_thread_id().continue_with(with_thread_id)

    def _global_thread_id(self) -> Future[int]:
        return self._session_manager.get_or_create_unique_thread_id(self._group_id, self._caller_id())


def _none(done: Future[typing.Any]) -> None:
    done.result()
    return None


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingSemaphore(Semaphore):
    """The blocking twin of :class:`Semaphore`: each method waits for the result that
    :class:`Semaphore` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`Semaphore.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: Semaphore):  # pylint: disable=super-init-not-called
        # No Semaphore.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def init(self, permits: int) -> bool:  # type: ignore[override]
        """Sets the number of permits if the semaphore has never been initialized.

        Args:
            permits: The number of permits (zero or more).

        Returns:
            ``True`` if set; ``False`` if the semaphore was already initialized.
        """
        return self._wrapped.init(permits).result()

    def available_permits(self) -> int:  # type: ignore[override]
        """Returns the number of permits available now."""
        return self._wrapped.available_permits().result()

    def acquire(self, permits: int = 1) -> None:  # type: ignore[override]
        """Takes ``permits`` permits, waiting on the members until they are available.

        Args:
            permits: How many permits (positive).

        Raises:
            IllegalStateError: If the call was cancelled on the CP group (another
                indeterminate call of the same caller), or the session-aware
                semaphore's session was closed.
        """
        return self._wrapped.acquire(permits).result()

    def try_acquire(self, permits: int = 1, timeout: float = 0) -> bool:  # type: ignore[override]
        """Takes ``permits`` permits if they become available within ``timeout``.

        Args:
            permits: How many permits (positive).
            timeout: Seconds to wait (``0``: do not wait).

        Returns:
            ``True`` if the permits were taken.
        """
        return self._wrapped.try_acquire(permits, timeout).result()

    def release(self, permits: int = 1) -> None:  # type: ignore[override]
        """Gives back ``permits`` permits.

        Args:
            permits: How many permits (positive).

        Raises:
            IllegalStateError: If the caller does not hold that many permits
                (session-aware), or its session was closed.
        """
        return self._wrapped.release(permits).result()

    def drain_permits(self) -> int:  # type: ignore[override]
        """Takes every available permit.

        Returns:
            The number of permits taken.
        """
        return self._wrapped.drain_permits().result()

    def reduce_permits(self, reduction: int) -> None:  # type: ignore[override]
        """Removes ``reduction`` permits (the count may become negative).

        Args:
            reduction: How many (zero or more).
        """
        return self._wrapped.reduce_permits(reduction).result()

    def increase_permits(self, increase: int) -> None:  # type: ignore[override]
        """Adds ``increase`` permits.

        Args:
            increase: How many (zero or more).
        """
        return self._wrapped.increase_permits(increase).result()

    def blocking(self) -> "BlockingSemaphore":
        return self

    def destroy(self) -> None:  # type: ignore[override]
        """Destroys this object on the CP group, for every client.

        Using it afterwards fails with ``DistributedObjectDestroyedError``;
        getting it again makes a new object on the group.
        """
        return self._wrapped.destroy().result()

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)


# --- end of the generated blocking twin ---
