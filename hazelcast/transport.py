"""The seam between the client core and the transports that move its bytes.

The core (connection manager, invocations, listeners, cluster and partition views)
never opens a socket, starts a thread, sleeps or blocks: it reacts to what a
transport tells it (a connection opened or failed, a message arrived, a connection
closed, a timer fired) and asks the transport for actions (open a connection to an
address, send bytes, close, call me later). These protocols are that contract; the
threaded transport (:mod:`hazelcast._threaded_transport`), the asyncio transport
(:mod:`hazelcast._asyncio_transport`) and the tests' in-memory transport implement
them.
"""

from __future__ import annotations

import typing
import uuid
from typing import Any, Callable, Optional

from hazelcast.core import Address

if typing.TYPE_CHECKING:
    from hazelcast.protocol.client_message import InboundMessage

__all__ = ["Connection", "ConnectionEvents", "PendingResponse", "Timer", "Transport", "call_periodically"]


class Timer(typing.Protocol):
    """A call scheduled with :meth:`Transport.call_later`."""

    def cancel(self) -> None:
        """Keeps the call from running (no effect once it ran)."""


class PendingResponse(typing.Protocol):
    """A request waiting for its response (an invocation), as a transport sees it."""

    def waits_on(self, connection: Any) -> bool:
        """True while the response is due on ``connection``."""


class Connection(typing.Protocol):
    """One open connection to a member, as the core sees it.

    The transport creates it and fills in the read/write times with its own clock;
    the core sets ``remote_uuid`` (and may correct ``remote_address``) once the
    member authenticated it.
    """

    connection_id: int
    remote_address: Address
    remote_uuid: Optional[uuid.UUID]
    local_address: Optional[Address]
    live: bool
    close_reason: Optional[str]
    start_time: float
    start_time_millis: int
    last_read_time: float
    last_write_time: float

    def send(self, data: bytes) -> bool:
        """Sends bytes (at once or soon); False if the connection is closed."""

    def close(self, reason: str, cause: Optional[BaseException]) -> None:
        """Closes the connection; the transport then reports it to
        :meth:`ConnectionEvents.on_connection_closed`, once."""

    def help_wait(self, pending: PendingResponse) -> None:
        """Called by a thread about to block until ``pending`` (an invocation sent on
        this connection) completes: the transport may use the waiting thread to read
        the connection itself. Raises if this thread must never block (an event
        loop's or the transport's event thread)."""


class ConnectionEvents(typing.Protocol):
    """What a transport reports about the connections the core asked it to open."""

    def on_message(self, message: "InboundMessage", connection: Connection) -> None:
        """A whole message arrived on ``connection``."""

    def on_connection_closed(self, connection: Connection, reason: str, cause: Optional[BaseException]) -> None:
        """``connection`` closed (by either side, or a read or write failed)."""


class Transport(typing.Protocol):
    """Moves bytes and time for the core."""

    def now(self) -> float:
        """Seconds on a monotonic clock (the transport's own: virtual in tests)."""

    def call_later(self, delay: float, function: Callable[..., Any], *args: Any) -> Timer:
        """Runs ``function(*args)`` on the event thread after ``delay`` seconds."""

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None:
        """Runs ``function(*args)`` on the event thread, after what is queued before
        it. Safe to call from any thread."""

    def in_event_thread(self) -> bool:
        """True on the thread that runs timers, callbacks and listeners."""

    def asyncio_loop(self) -> Optional[Any]:
        """The asyncio event loop that is the event thread, or None."""

    def connect(
        self,
        address: Address,
        events: ConnectionEvents,
        on_connected: Callable[[Connection], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Opens a connection to ``address`` (TCP, socket options, TLS, as
        configured). Calls ``on_connected`` with it, or ``on_failed`` with the error,
        on the event thread; afterwards, the connection's messages and its closing go
        to ``events``."""

    def shutdown(self) -> None:
        """Stops what the transport runs (threads, timers); called last."""


class _Periodic:
    __slots__ = ("_transport", "_interval", "_function", "_timer", "_cancelled")

    def __init__(self, transport: Transport, interval: float, function: Callable[[], Any]):
        self._transport = transport
        self._interval = interval
        self._function = function
        self._cancelled = False
        self._timer = transport.call_later(interval, self._run)

    def _run(self) -> None:
        if self._cancelled:
            return
        try:
            self._function()
        finally:
            if not self._cancelled:
                self._timer = self._transport.call_later(self._interval, self._run)

    def cancel(self) -> None:
        self._cancelled = True
        self._timer.cancel()


def call_periodically(transport: Transport, interval: float, function: Callable[[], Any]) -> Timer:
    """Runs ``function()`` every ``interval`` seconds on the event thread until the
    returned timer is cancelled."""
    return _Periodic(transport, interval, function)
