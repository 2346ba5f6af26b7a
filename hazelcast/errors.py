"""Errors raised by the client, with the names of the official Hazelcast Python client.

Errors sent by a member arrive as a list of error holders (the server-side exception and
its causes); :func:`create_error_from_holders` maps each Java error code to the class
below that stands for it, and chains the causes. Decoding the error response is the
protocol layer's part (:func:`hazelcast.protocol.errors.create_error_from_message`):
this module imports nothing from it.
"""

from __future__ import annotations

import socket
from typing import List, Optional, Protocol, Sequence, Type

EXCEPTION_MESSAGE_TYPE = 0


class HazelcastError(Exception):
    """General HazelcastError class."""

    retryable = False

    def __init__(self, message: Optional[str] = None, cause: Optional[BaseException] = None):
        super().__init__(message, cause)

    @property
    def message(self) -> Optional[str]:
        return self.args[0]

    @property
    def cause(self) -> Optional[BaseException]:
        return self.args[1]

    def __str__(self) -> str:
        message, cause = self.args[0], self.args[1]
        text = message or self.__class__.__name__
        if cause is not None:
            return "%s\nCaused by: %s" % (text, cause)
        return text


def retryable(cls: Type[HazelcastError]) -> Type[HazelcastError]:
    """Class decorator: marks an error after which a request may be sent again."""
    # Errors the member raises when the request may be safely sent again (the
    # partition moved, the target left): the invocation layer retries them.
    cls.retryable = True
    return cls


_retryable = retryable


class ArrayIndexOutOfBoundsError(HazelcastError):
    pass


class ArrayStoreError(HazelcastError):
    pass


class AuthenticationError(HazelcastError):
    pass


class CacheNotExistsError(HazelcastError):
    pass


@_retryable
class CallerNotMemberError(HazelcastError):
    pass


class CancellationError(HazelcastError):
    pass


class ClassCastError(HazelcastError):
    pass


class ClassNotFoundError(HazelcastError):
    pass


class ConcurrentModificationError(HazelcastError):
    pass


class ConfigMismatchError(HazelcastError):
    pass


class ConfigurationError(HazelcastError):
    pass


class DistributedObjectDestroyedError(HazelcastError):
    pass


class DuplicateInstanceNameError(HazelcastError):
    pass


class HazelcastEOFError(HazelcastError):
    pass


class ExecutionError(HazelcastError):
    pass


class HazelcastInstanceNotActiveError(HazelcastError):
    pass


class HazelcastOverloadError(HazelcastError):
    pass


class HazelcastSerializationError(HazelcastError):
    pass


class HazelcastIOError(HazelcastError):
    pass


class IllegalArgumentError(HazelcastError):
    pass


class IllegalAccessException(HazelcastError):
    pass


class IllegalAccessError(HazelcastError):
    pass


class IllegalMonitorStateError(HazelcastError):
    pass


class IllegalStateError(HazelcastError):
    pass


class IllegalThreadStateError(HazelcastError):
    pass


class IndexOutOfBoundsError(HazelcastError):
    pass


class HazelcastInterruptedError(HazelcastError):
    pass


class InvalidAddressError(HazelcastError):
    pass


class InvalidConfigurationError(HazelcastError):
    pass


@_retryable
class MemberLeftError(HazelcastError):
    pass


class NegativeArraySizeError(HazelcastError):
    pass


class NoSuchElementError(HazelcastError):
    pass


class NotSerializableError(HazelcastError):
    pass


class NullPointerError(HazelcastError):
    pass


class OperationTimeoutError(HazelcastError):
    pass


@_retryable
class PartitionMigratingError(HazelcastError):
    pass


class QueryError(HazelcastError):
    pass


class QueryResultSizeExceededError(HazelcastError):
    pass


class SplitBrainProtectionError(HazelcastError):
    pass


class ReachedMaxSizeError(HazelcastError):
    pass


class RejectedExecutionError(HazelcastError):
    pass


class ResponseAlreadySentError(HazelcastError):
    pass


@_retryable
class RetryableHazelcastError(HazelcastError):
    pass


@_retryable
class RetryableIOError(HazelcastError):
    pass


class HazelcastRuntimeError(HazelcastError):
    pass


class SecurityError(HazelcastError):
    pass


class SocketError(HazelcastError):
    pass


class StaleSequenceError(HazelcastError):
    pass


class TargetDisconnectedError(HazelcastError):
    pass


@_retryable
class TargetNotMemberError(HazelcastError):
    pass


class HazelcastTimeoutError(HazelcastError):
    pass


class TopicOverloadError(HazelcastError):
    pass


class TransactionError(HazelcastError):
    pass


class TransactionNotActiveError(HazelcastError):
    pass


class TransactionTimedOutError(HazelcastError):
    pass


class URISyntaxError(HazelcastError):
    pass


class UTFDataFormatError(HazelcastError):
    pass


class UnsupportedOperationError(HazelcastError):
    pass


@_retryable
class WrongTargetError(HazelcastError):
    pass


class XAError(HazelcastError):
    pass


class AccessControlError(HazelcastError):
    pass


class LoginError(HazelcastError):
    pass


class UnsupportedCallbackError(HazelcastError):
    pass


class NoDataMemberInClusterError(HazelcastError):
    pass


class ReplicatedMapCantBeCreatedOnLiteMemberError(HazelcastError):
    pass


class MaxMessageSizeExceededError(HazelcastError):
    pass


class WANReplicationQueueFullError(HazelcastError):
    pass


class HazelcastAssertionError(HazelcastError):
    pass


class OutOfMemoryError(HazelcastError):
    pass


class StackOverflowError(HazelcastError):
    pass


class NativeOutOfMemoryError(HazelcastError):
    pass


class ServiceNotFoundError(HazelcastError):
    pass


class StaleTaskIdError(HazelcastError):
    pass


class DuplicateTaskError(HazelcastError):
    pass


class StaleTaskError(HazelcastError):
    pass


class LocalMemberResetError(HazelcastError):
    pass


class IndeterminateOperationStateError(HazelcastError):
    pass


class ConnectionDroppedError(TargetDisconnectedError, IndeterminateOperationStateError):
    """The connection a request was sent on closed after the member applied
    the request and before all of its backups acknowledged it: the outcome
    is unknown (the member may have kept the change, or lost it).

    Not in the official client, which reports this case as a
    :class:`TargetDisconnectedError`; both bases are kept so that either
    ``except`` clause catches it.
    """


class NodeIdOutOfRangeError(HazelcastError):
    pass


@_retryable
class TargetNotReplicaError(HazelcastError):
    pass


class MutationDisallowedError(HazelcastError):
    pass


class ConsistencyLostError(HazelcastError):
    pass


class HazelcastClientNotActiveError(HazelcastError):
    def __init__(self, message: str = "Client is not active", cause: Optional[BaseException] = None):
        super().__init__(message, cause)


class HazelcastCertificationError(HazelcastError):
    pass


class ClientOfflineError(HazelcastError):
    def __init__(self, message: str = "No connection found to cluster", cause: Optional[BaseException] = None):
        super().__init__(message, cause)


class ClientNotAllowedInClusterError(HazelcastError):
    pass


class VersionMismatchError(HazelcastError):
    pass


class NoSuchMethodError(HazelcastError):
    pass


class NoSuchMethodException(HazelcastError):
    pass


class NoSuchFieldError(HazelcastError):
    pass


class NoSuchFieldException(HazelcastError):
    pass


class NoClassDefFoundError(HazelcastError):
    pass


class UndefinedErrorCodeError(HazelcastError):
    """A member error whose code the client does not know.

    As in the official client, its ``cause`` is the name of the Java class of the
    error, not an exception.
    """

    def __init__(self, message: Optional[str] = None, cause: Optional[str] = None):
        Exception.__init__(self, message, cause)


class SessionExpiredError(HazelcastError):
    pass


class WaitKeyCancelledError(HazelcastError):
    pass


class LockAcquireLimitReachedError(HazelcastError):
    pass


class LockOwnershipLostError(HazelcastError):
    pass


class CPGroupDestroyedError(HazelcastError):
    pass


@_retryable
class CannotReplicateError(HazelcastError):
    pass


class LeaderDemotedError(HazelcastError):
    pass


class StaleAppendRequestError(HazelcastError):
    pass


class NotLeaderError(HazelcastError):
    pass


class InvocationMightContainCompactDataError(HazelcastError):
    """The invocation may carry Compact data whose schema the cluster does not have yet."""

    def __init__(self, message: str = "The invocation might contain Compact serialized data "
                 "and cannot be sent before the client is initialized on the cluster",
                 cause: Optional[BaseException] = None):
        super().__init__(message, cause)


class MalformedMessageError(HazelcastError):
    """Bytes received from a member do not form a valid protocol message.

    The connection they arrived on is closed; nothing else is affected.
    """


# Java error codes of the Open Binary Client Protocol, in code order (0 is undefined).
_ERRORS_BY_CODE: List[Optional[Type[BaseException]]] = [
    None, ArrayIndexOutOfBoundsError, ArrayStoreError, AuthenticationError,
    None, None, CacheNotExistsError, None,  # 4 cache, 5 cache loader, 7 cache writer
    CallerNotMemberError, CancellationError, ClassCastError, ClassNotFoundError,
    ConcurrentModificationError, ConfigMismatchError, DistributedObjectDestroyedError,
    HazelcastEOFError, None, ExecutionError, HazelcastError,  # 16 entry processor
    HazelcastInstanceNotActiveError, HazelcastOverloadError, HazelcastSerializationError,
    HazelcastIOError, IllegalArgumentError, IllegalAccessException, IllegalAccessError,
    IllegalMonitorStateError, IllegalStateError, IllegalThreadStateError,
    IndexOutOfBoundsError, HazelcastInterruptedError, InvalidAddressError,
    InvalidConfigurationError, MemberLeftError, NegativeArraySizeError, NoSuchElementError,
    NotSerializableError, NullPointerError, OperationTimeoutError, PartitionMigratingError,
    QueryError, QueryResultSizeExceededError, SplitBrainProtectionError, ReachedMaxSizeError,
    RejectedExecutionError, ResponseAlreadySentError, RetryableHazelcastError,
    RetryableIOError, HazelcastRuntimeError, SecurityError, socket.error, StaleSequenceError,
    TargetDisconnectedError, TargetNotMemberError, HazelcastTimeoutError, TopicOverloadError,
    TransactionError, TransactionNotActiveError, TransactionTimedOutError, URISyntaxError,
    UTFDataFormatError, UnsupportedOperationError, WrongTargetError, XAError,
    AccessControlError, LoginError, UnsupportedCallbackError, NoDataMemberInClusterError,
    ReplicatedMapCantBeCreatedOnLiteMemberError, MaxMessageSizeExceededError,
    WANReplicationQueueFullError, HazelcastAssertionError, OutOfMemoryError,
    StackOverflowError, NativeOutOfMemoryError, ServiceNotFoundError, StaleTaskIdError,
    DuplicateTaskError, StaleTaskError, LocalMemberResetError,
    IndeterminateOperationStateError, NodeIdOutOfRangeError, TargetNotReplicaError,
    MutationDisallowedError, ConsistencyLostError, SessionExpiredError,
    WaitKeyCancelledError, LockAcquireLimitReachedError, LockOwnershipLostError,
    CPGroupDestroyedError, CannotReplicateError, LeaderDemotedError, StaleAppendRequestError,
    NotLeaderError, VersionMismatchError, NoSuchMethodError, NoSuchMethodException,
    NoSuchFieldError, NoSuchFieldException, NoClassDefFoundError,
]


def error_class_for_code(code: int) -> Optional[Type[BaseException]]:
    """Returns the error class of a protocol error code, or None if it has none."""
    if 0 <= code < len(_ERRORS_BY_CODE):
        return _ERRORS_BY_CODE[code]
    return None


class _StackTraceElement(Protocol):
    # What the errors need of hazelcast.protocol.StackTraceElement.
    @property
    def class_name(self) -> str: ...

    @property
    def method_name(self) -> str: ...

    @property
    def file_name(self) -> Optional[str]: ...

    @property
    def line_number(self) -> int: ...


class _ErrorHolder(Protocol):
    # What the errors need of hazelcast.protocol.ErrorHolder.
    @property
    def error_code(self) -> int: ...

    @property
    def class_name(self) -> str: ...

    @property
    def message(self) -> Optional[str]: ...

    @property
    def stack_trace_elements(self) -> Sequence[_StackTraceElement]: ...


def create_error_from_holders(error_holders: Sequence[_ErrorHolder]) -> BaseException:
    """Builds the error raised to the user from the member's error holders.

    The first holder is the error itself; each following one is the cause of the one
    before it.
    """
    error: Optional[BaseException] = None
    for holder in reversed(error_holders):
        trace = "\n".join(
            "\tat %s.%s(%s:%s)" % (e.class_name, e.method_name, e.file_name, e.line_number)
            for e in holder.stack_trace_elements
        )
        message = "Exception from server: %s: %s\n %s" % (holder.class_name, holder.message, trace)
        cls = error_class_for_code(holder.error_code)
        if cls is None:
            error = UndefinedErrorCodeError(message, holder.class_name)
        elif issubclass(cls, HazelcastError):
            error = cls(message, error)
        else:
            error = cls(message)
    return error if error is not None else HazelcastError("The member sent an empty error")


def is_retryable_error(error: BaseException) -> bool:
    """True if the request that failed with ``error`` may be sent again."""
    return getattr(error, "retryable", False)

