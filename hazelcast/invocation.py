"""Invocations: one request sent to the cluster, its retries, and its response.

The invocation service picks the connection a request goes to (the partition owner's
for key operations when routing is smart), matches responses to requests by
correlation id, hands events to their listeners, and retries what may be retried.
"""

from __future__ import annotations

import itertools
import logging
import threading
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional

from hazelcast.errors import (
    ClientOfflineError,
    ConnectionDroppedError,
    EXCEPTION_MESSAGE_TYPE,
    HazelcastClientNotActiveError,
    HazelcastError,
    HazelcastIOError,
    HazelcastInstanceNotActiveError,
    IndeterminateOperationStateError,
    OperationTimeoutError,
    TargetDisconnectedError,
    TargetNotMemberError,
    is_retryable_error,
)
from hazelcast.future import _PENDING, Future
from hazelcast.protocol.errors import create_error_from_message
from hazelcast.protocol.client_message import BACKUP_EVENT_FLAG as _BACKUP_EVENT_FLAG
from hazelcast.protocol.client_message import IS_EVENT_FLAG as _IS_EVENT_FLAG
from hazelcast.protocol.codec import client_local_backup_listener_codec
from hazelcast.compact import complete_after_fetching_schema
from hazelcast.serialization.compact import SchemaNotFoundError
from hazelcast.transport import Timer, Transport, call_periodically

if TYPE_CHECKING:
    from hazelcast.compact import CompactSchemaService
    from hazelcast.config import Config
    from hazelcast.connection import ConnectionManager
    from hazelcast.lifecycle import _InternalLifecycleService
    from hazelcast.partition import _InternalPartitionService

_logger = logging.getLogger(__name__)


def _identity(message: Any) -> Any:
    return message


def _handle_event(handler: Callable[[Any], None], message: Any) -> None:
    try:
        handler(message)
    except Exception:
        _logger.exception("Exception while handling an event message")


class Invocation(Future[Any]):
    """A request on its way to the cluster; it is itself the Future of its result.

    Args:
        request: The encoded request (an OutboundMessage).
        partition_id: The partition the request is about, or -1.
        uuid: The UUID of the member to send it to, or None.
        connection: The connection to send it on, or None.
        event_handler: For listener registrations: called with each event message.
        timeout: Seconds before the invocation fails; None for the configured
            ``invocation_timeout``.
        response_handler: Turns the response message into the Future's result.
        urgent: Sent even while the client is not fully connected (internal requests).
    """

    __slots__ = (
        "request",
        "partition_id",
        "uuid",
        "connection",
        "event_handler",
        "timeout",
        "response_handler",
        "urgent",
        "deadline",
        "sent_connection",
        "backup_acks_expected",
        "backup_acks_received",
        "pending_result",
        "backup_wait_start",
        "_service",
    )

    def __init__(
        self,
        request: Any,
        partition_id: int = -1,
        uuid: Any = None,
        connection: Any = None,
        event_handler: Optional[Callable[[Any], None]] = None,
        timeout: Optional[float] = None,
        response_handler: Callable[[Any], Any] = _identity,
        urgent: bool = False,
    ):
        self.request = request
        self.partition_id = partition_id
        self.uuid = uuid
        self.connection = connection
        self.event_handler = event_handler
        self.timeout = timeout
        self.response_handler = response_handler
        self.urgent = urgent
        Future.__init__(self)
        self.deadline = 0.0
        self.sent_connection: Any = None
        # Backup acknowledgements (smart clients with backup_ack_to_client_enabled):
        # the member answers before the backups are done and tells how many backup
        # members will acknowledge directly; the invocation completes when they have.
        self.backup_acks_expected = 0
        self.backup_acks_received = 0
        self.pending_result: Any = None
        self.backup_wait_start = 0.0
        self._service: Optional["InvocationService"] = None

    @property
    def future(self) -> Future[Any]:
        """The Future of the invocation's result (the invocation itself)."""
        return self

    def waits_on(self, connection: Any) -> bool:
        """True while the response to this invocation is due on ``connection``."""
        return self._state == _PENDING and self.sent_connection is connection and not self.backup_acks_expected

    def _wait(self) -> None:
        # The caller is about to block: the transport of the connection the request
        # went out on may let this thread read the response itself (the threaded
        # transport does: no hand-off from a reader thread), or refuse the wait (on
        # an event loop). A retry may move the request to another connection.
        tried = None
        while self._state == _PENDING:
            connection = self.sent_connection
            if connection is None or connection is tried:
                break
            tried = connection
            connection.help_wait(self)
        if self._state == _PENDING:
            Future._wait(self)

    def _event_loop(self) -> Optional[Transport]:
        service = self._service
        return None if service is None else service.transport

    def _on_cancel(self) -> None:
        if self._service is not None:
            self._service.forget(self)

    # A user holds an invocation as the Future a proxy method returned: it shows as
    # one (Future.__repr__), never with the request's internals.

    def describe(self) -> str:
        """The request for logs and errors: its message type and where it goes."""
        try:
            message_type = "0x%06x" % self.request.get_message_type()
        except Exception:  # pylint: disable=broad-except
            message_type = "?"
        target = []
        if self.partition_id >= 0:
            target.append("partition %d" % self.partition_id)
        if self.uuid is not None:
            target.append("member %s" % self.uuid)
        if self.connection is not None:
            target.append("connection to %s" % getattr(self.connection, "remote_address", None))
        return "request of message type %s%s" % (message_type, " (%s)" % ", ".join(target) if target else "")


class InvocationService:
    """Sends invocations and completes them with their responses."""

    def __init__(self, config: "Config", transport: Transport):
        self._invocation_timeout = config.invocation_timeout
        self._retry_pause = config.invocation_retry_pause
        self._redo_operation = config.redo_operation
        self._smart = config.smart_routing
        self.backup_acks_enabled = config.smart_routing and config.backup_ack_to_client_enabled
        self._backup_timeout = config.operation_backup_timeout
        self._fail_on_indeterminate_state = config.fail_on_indeterminate_operation_state
        self._backup_lock = threading.Lock()
        self._waiting_backups: Dict[int, Invocation] = {}
        self.transport = transport
        self._now = transport.now
        self._correlation_ids = itertools.count(1)
        self._pending: Dict[int, Invocation] = {}
        self._event_handlers: Dict[int, Callable[[Any], None]] = {}
        self._connection_manager: "ConnectionManager" = None  # type: ignore[assignment]  # set by init()
        self._partition_service: "_InternalPartitionService" = None  # type: ignore[assignment]
        self._compact_schema_service: Optional["CompactSchemaService"] = None
        self._lifecycle: Optional["_InternalLifecycleService"] = None
        self._timeout_check: Optional[Timer] = None
        self._shutdown = False

    def init(
        self,
        connection_manager: "ConnectionManager",
        partition_service: "_InternalPartitionService",
        lifecycle: "_InternalLifecycleService",
        compact_schema_service: Optional["CompactSchemaService"] = None,
    ) -> None:
        self._connection_manager = connection_manager
        self._compact_schema_service = compact_schema_service
        self._partition_service = partition_service
        self._lifecycle = lifecycle
        # One sweep a second fails invocations past their deadline and settles those
        # whose backup acks are late; its resolution is far below the timeouts.
        self._timeout_check = call_periodically(self.transport, 1.0, self._fail_timed_out)

    # -- sending ---------------------------------------------------------------------

    def invoke(self, invocation: Invocation) -> None:
        """Sends an invocation; its Future completes with the result or the error."""
        timeout = invocation.timeout
        invocation.deadline = self._now() + (self._invocation_timeout if timeout is None else timeout)
        invocation._service = self
        if self._shutdown:
            invocation.set_exception(HazelcastClientNotActiveError())
            return
        self._send(invocation)

    def _send(self, invocation: Invocation) -> None:
        connection = self._connection_for(invocation)
        if connection is None:
            bound = invocation.connection
            if bound is not None:
                # Why it closed (e.g. malformed data from the member) is the error
                # the caller needs, not only that it did.
                error: HazelcastError = TargetDisconnectedError(
                    "The connection %s the request was bound to is closed%s"
                    % (bound, ": %s" % bound.close_reason if bound.close_reason else "")
                )
            elif self._connection_manager.is_offline_error_due():
                error = ClientOfflineError()
            else:
                error = HazelcastIOError("No connection found to invoke the request on")
            self._handle_error(invocation, error)
            return
        correlation_id = next(self._correlation_ids)
        request = invocation.request
        request.set_ids(correlation_id, invocation.partition_id, self.backup_acks_enabled and not invocation.urgent)
        invocation.sent_connection = connection
        if invocation.event_handler is not None:
            self._event_handlers[correlation_id] = invocation.event_handler
        self._pending[correlation_id] = invocation
        was_live = connection.live
        if not connection.send(request.buf):
            if self._pending.pop(correlation_id, None) is not None:
                if was_live:  # it may have been written in part: the caller decides
                    error = TargetDisconnectedError("Connection %s is closed" % connection)
                else:  # closing on another thread: nothing was sent, any request may be retried
                    error = HazelcastIOError("Connection %s is closed; the request was not sent" % connection)
                self._handle_error(invocation, error)

    def _connection_for(self, invocation: Invocation) -> Any:
        manager = self._connection_manager
        if invocation.connection is not None:
            connection = invocation.connection
            return connection if connection.live else None
        if self._smart:
            if invocation.partition_id != -1:
                owner = self._partition_service.get_partition_owner(invocation.partition_id)
                if owner is not None:
                    connection = manager.get_connection(owner)
                    if connection is not None:
                        return connection
            elif invocation.uuid is not None:
                connection = manager.get_connection(invocation.uuid)
                if connection is not None:
                    return connection
        return manager.get_random_connection()

    # -- receiving -------------------------------------------------------------------

    def handle_client_message(self, message: Any) -> None:
        """Dispatches one message read from a connection (called on its reader thread)."""
        correlation_id = message.get_correlation_id()
        flags = message.start_frame.flags
        if flags & _BACKUP_EVENT_FLAG:
            client_local_backup_listener_codec.handle(message, self._on_backup_ack)
            return
        if flags & _IS_EVENT_FLAG:
            handler = self._event_handlers.get(correlation_id)
            if handler is None:
                _logger.debug("Event for an unknown listener (correlation id %d)", correlation_id)
                return
            # Listeners run on the event thread, in the order their events arrived.
            if self.transport.in_event_thread():
                _handle_event(handler, message)
            else:
                self.transport.call_soon(_handle_event, handler, message)
            return
        if message.get_message_type() == EXCEPTION_MESSAGE_TYPE:
            invocation = self._pending.pop(correlation_id, None)
            if invocation is not None:
                self._event_handlers.pop(correlation_id, None)
                self._handle_error(invocation, create_error_from_message(message))
            return
        backup_acks = message.get_number_of_backup_acks()
        if backup_acks:
            self._handle_response_with_backups(correlation_id, message, backup_acks)
            return
        invocation = self._pending.pop(correlation_id, None)
        if invocation is None:
            # A response to an invocation that already timed out or was retried.
            _logger.debug("Response for an unknown invocation (correlation id %d)", correlation_id)
            return
        try:
            result = invocation.response_handler(message)
        except SchemaNotFoundError as e:
            complete_after_fetching_schema(self._compact_schema_service, e, invocation, message)
        except Exception as e:
            invocation.set_exception(e)
        else:
            invocation.set_result(result)

    def _handle_response_with_backups(self, correlation_id: int, message: Any, backup_acks: int) -> None:
        # Acks come from the backup members on their own connections, before or
        # after this response: the lock makes counting and completing one step.
        with self._backup_lock:
            invocation = self._pending.pop(correlation_id, None)
            if invocation is None:
                return
        try:
            result = invocation.response_handler(message)
        except SchemaNotFoundError as e:
            # The write is done; only the value's schema must be fetched to decode it.
            complete_after_fetching_schema(self._compact_schema_service, e, invocation, message)
            return
        except Exception as e:
            invocation.set_exception(e)
            return
        with self._backup_lock:
            if invocation.backup_acks_received < backup_acks:
                invocation.backup_acks_expected = backup_acks
                invocation.pending_result = result
                invocation.backup_wait_start = self._now()
                self._waiting_backups[correlation_id] = invocation
                return
        invocation.set_result(result)

    def _on_backup_ack(self, correlation_id: int) -> None:
        with self._backup_lock:
            invocation = self._pending.get(correlation_id)
            if invocation is not None:  # the response is still on its way
                invocation.backup_acks_received += 1
                return
            invocation = self._waiting_backups.get(correlation_id)
            if invocation is None:
                return
            invocation.backup_acks_received += 1
            if invocation.backup_acks_received < invocation.backup_acks_expected:
                return
            del self._waiting_backups[correlation_id]
        invocation.set_result(invocation.pending_result)

    def _check_backup_timeouts(self, now: float) -> None:
        expired = []
        with self._backup_lock:
            for correlation_id, invocation in list(self._waiting_backups.items()):
                if now - invocation.backup_wait_start > self._backup_timeout:
                    del self._waiting_backups[correlation_id]
                    expired.append(invocation)
        for invocation in expired:
            if self._fail_on_indeterminate_state:
                invocation.set_exception(
                    IndeterminateOperationStateError(
                        "The %s got %d of %d backup acks in operation_backup_timeout=%s"
                        % (
                            invocation.describe(),
                            invocation.backup_acks_received,
                            invocation.backup_acks_expected,
                            self._backup_timeout,
                        )
                    )
                )
            else:
                # The primary replica was updated; only the ack of a backup is late.
                invocation.set_result(invocation.pending_result)

    # -- failures and retries --------------------------------------------------------

    def _handle_error(self, invocation: Invocation, error: BaseException) -> None:
        if self._shutdown or (self._lifecycle is not None and not self._lifecycle.running):
            invocation.set_exception(HazelcastClientNotActiveError())
            return
        if isinstance(error, ClientOfflineError) or not self._should_retry(invocation, error):
            invocation.set_exception(error)
            return
        if self._now() + self._retry_pause > invocation.deadline:
            invocation.set_exception(
                OperationTimeoutError(
                    "The %s did not succeed in its timeout; last error: %s" % (invocation.describe(), error),
                    error,
                )
            )
            return
        _logger.debug("Retrying the %s after %s", invocation.describe(), error)
        invocation.request = invocation.request.copy()
        # Acks counted for the failed attempt are not acks of the next one.
        invocation.backup_acks_received = 0
        self.transport.call_later(self._retry_pause, self._retry, invocation)

    def _retry(self, invocation: Invocation) -> None:
        if invocation.done():
            return  # cancelled (or timed out) during the retry pause
        if self._shutdown:
            invocation.set_exception(HazelcastClientNotActiveError())
            return
        try:
            self._send(invocation)
        except Exception as e:
            invocation.set_exception(e)

    def _should_retry(self, invocation: Invocation, error: BaseException) -> bool:
        if invocation.connection is not None:
            # Bound to one connection (authentication, listener registration on it):
            # the caller decides what to do when that connection is gone.
            return False
        if invocation.uuid is not None and isinstance(error, TargetNotMemberError):
            # Aimed at a member that has left: no other member can run it for that one.
            return False
        if isinstance(error, (HazelcastIOError, HazelcastInstanceNotActiveError)) or is_retryable_error(error):
            # A member shutting down answers "not active": another member (or the
            # same one after a restart) will take the request.
            return True
        if isinstance(error, TargetDisconnectedError):
            return invocation.request.retryable or self._redo_operation
        return False

    def on_connection_closed(self, connection: Any, reason: BaseException) -> None:
        """Fails over or fails the invocations waiting on a closed connection."""
        for correlation_id, invocation in list(self._pending.items()):
            if invocation.sent_connection is connection and self._pending.pop(correlation_id, None) is not None:
                self._event_handlers.pop(correlation_id, None)
                self._handle_error(
                    invocation,
                    TargetDisconnectedError("Connection %s closed: %s" % (connection, reason), reason),
                )
        if self._waiting_backups:
            self._fail_orphaned_backup_waits(connection, reason)

    def _fail_orphaned_backup_waits(self, connection: Any, reason: BaseException) -> None:
        # The primary answered, then its connection closed before every backup
        # acknowledged: the write may exist on no surviving replica, so it is never
        # reported as done (even with fail_on_indeterminate_operation_state off,
        # which otherwise reports late acks as success).
        orphaned = []
        with self._backup_lock:
            for correlation_id, invocation in list(self._waiting_backups.items()):
                if invocation.sent_connection is connection:
                    del self._waiting_backups[correlation_id]
                    orphaned.append(invocation)
        shutting_down = self._shutdown or (self._lifecycle is not None and not self._lifecycle.running)
        for invocation in orphaned:
            if shutting_down:
                invocation.set_exception(HazelcastClientNotActiveError())
                continue
            invocation.set_exception(
                ConnectionDroppedError(
                    "The connection %s to the member that applied the %s closed before %d of its %d backups "
                    "acknowledged (%s); whether the change survived is unknown"
                    % (
                        connection,
                        invocation.describe(),
                        invocation.backup_acks_expected - invocation.backup_acks_received,
                        invocation.backup_acks_expected,
                        reason,
                    ),
                    reason,
                )
            )

    def forget(self, invocation: Invocation) -> None:
        """Drops a cancelled invocation: its response, if it comes, is ignored."""
        correlation_id = invocation.request.get_correlation_id()
        for table in (self._pending, self._waiting_backups):
            if table.get(correlation_id) is invocation:
                table.pop(correlation_id, None)
                self._event_handlers.pop(correlation_id, None)

    def remove_event_handler(self, correlation_id: int) -> None:
        self._event_handlers.pop(correlation_id, None)

    def _fail_timed_out(self) -> None:
        now = self._now()
        if self._waiting_backups:
            self._check_backup_timeouts(now)
        for correlation_id, invocation in list(self._pending.items()):
            if invocation.deadline < now and self._pending.pop(correlation_id, None) is not None:
                invocation.set_exception(
                    OperationTimeoutError("The %s got no response in its timeout" % (invocation.describe(),))
                )

    def pending_count(self) -> int:
        return len(self._pending)

    def shutdown(self) -> None:
        self._shutdown = True
        if self._timeout_check is not None:
            self._timeout_check.cancel()
        error = HazelcastClientNotActiveError("The client is shutting down")
        for waiting in (self._pending, self._waiting_backups):
            for correlation_id in list(waiting):
                invocation = waiting.pop(correlation_id, None)
                if invocation is not None:
                    invocation.set_exception(error)
        self._event_handlers.clear()
