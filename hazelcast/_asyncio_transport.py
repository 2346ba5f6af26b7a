"""The asyncio transport: the client's connections and timers on the caller's
running event loop (the default loop or uvloop), with no thread of its own.

It serves :class:`hazelcast.asyncio.HazelcastClient`. Each connection is an
:class:`asyncio.Protocol` feeding the same frame reader as the threaded transport;
requests written in one loop iteration leave in one system call.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
import typing
from typing import Any, Callable, List, Optional, Sequence, Set, Tuple

from hazelcast._tls import client_ssl_context
from hazelcast.config import Config
from hazelcast.core import Address
from hazelcast.errors import HazelcastClientNotActiveError, MalformedMessageError
from hazelcast.future import refuse_blocking_on
from hazelcast.protocol.frame_reader import FrameReader, max_message_size as _max_message_size
from hazelcast.transport import Connection, ConnectionEvents, PendingResponse

_logger = logging.getLogger("hazelcast.connection")


class AsyncioTransport:
    """Moves the client's bytes and time on one event loop.

    Create it on the loop's thread, with the loop running.

    Args:
        config: The client configuration (socket options, TLS, timeouts).
        loop: The running loop; the current one when not given.
    """

    def __init__(self, config: Config, loop: Optional[asyncio.AbstractEventLoop] = None):
        self._config = config
        self._loop = loop or asyncio.get_running_loop()
        self._thread_id = threading.get_ident()
        refuse_blocking_on(self._loop)
        self._connection_ids = 0
        self._connecting: Set["asyncio.Task[None]"] = set()
        self._stopped = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def asyncio_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def now(self) -> float:
        return time.monotonic()

    def call_later(self, delay: float, function: Callable[..., Any], *args: Any) -> asyncio.TimerHandle:
        return self._loop.call_later(delay, function, *args)

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None:
        if self.in_event_thread():
            self._loop.call_soon(function, *args)
        else:
            self._loop.call_soon_threadsafe(function, *args)

    def in_event_thread(self) -> bool:
        return threading.get_ident() == self._thread_id

    def connect(
        self,
        address: Address,
        events: ConnectionEvents,
        on_connected: Callable[[Connection], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        if self._stopped:
            self.call_soon(on_failed, HazelcastClientNotActiveError("The client is shut down"))
            return
        task = self._loop.create_task(self._connect(address, events, on_connected, on_failed))
        self._connecting.add(task)
        task.add_done_callback(self._connecting.discard)

    async def _connect(
        self,
        address: Address,
        events: ConnectionEvents,
        on_connected: Callable[[Connection], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        timeout = self._config.connection_timeout or None
        try:
            connection = await asyncio.wait_for(self._open(address, events), timeout)
        except asyncio.CancelledError:
            on_failed(HazelcastClientNotActiveError("The client was shut down while connecting"))
            return
        except asyncio.TimeoutError:
            on_failed(OSError("Connecting to %s timed out after connection_timeout=%s" % (address, timeout)))
            return
        except Exception as e:
            on_failed(e)
            return
        on_connected(connection)

    async def _open(self, address: Address, events: ConnectionEvents) -> "AsyncioConnection":
        loop = self._loop
        config = self._config
        error: Optional[BaseException] = None
        infos: Sequence[Tuple[Any, Any, Any, Any, Any]]
        try:
            # A numeric address needs no lookup, so no thread: asyncio resolves names
            # on its default executor's threads.
            infos = socket.getaddrinfo(address.host, address.port, 0, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
        except socket.gaierror:
            infos = await loop.getaddrinfo(address.host, address.port, type=socket.SOCK_STREAM)
        for family, kind, proto, _, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            try:
                sock.setblocking(False)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                for option in config.socket_options:
                    sock.setsockopt(*option)
                await loop.sock_connect(sock, sockaddr)
            except BaseException as e:
                sock.close()
                if not isinstance(e, OSError):
                    raise
                error = e
                continue
            self._connection_ids += 1
            connection = AsyncioConnection(self, self._connection_ids, address, events)
            ssl_context = client_ssl_context(config) if config.ssl_enabled else None
            try:
                await loop.create_connection(
                    lambda: connection,
                    sock=sock,
                    ssl=ssl_context,
                    server_hostname=address.host if ssl_context is not None else None,
                    ssl_handshake_timeout=(config.connection_timeout or None) if ssl_context is not None else None,
                )
            except BaseException:
                sock.close()
                raise
            return connection
        raise error if error is not None else OSError("No address found for %s" % address)

    def shutdown(self) -> None:
        self._stopped = True
        for task in list(self._connecting):
            task.cancel()


class AsyncioConnection(asyncio.Protocol):
    """One connection to a member on the event loop."""

    def __init__(self, owner: AsyncioTransport, connection_id: int, address: Address, events: ConnectionEvents):
        self._owner = owner
        self._events = events
        self._transport: Optional[asyncio.Transport] = None
        self._reader = FrameReader(_max_message_size(owner))
        self._pending: List[bytes] = []
        # Set by a write, cleared by a read: while set, writes of a loop turn are joined.
        self._awaiting_response = False
        self.connection_id = connection_id
        self.remote_address = address
        self.remote_uuid: Any = None
        self.local_address: Optional[Address] = None
        self.live = True
        self.close_reason: Optional[str] = None
        now = owner.now()
        self.start_time = now
        self.start_time_millis = int(time.time() * 1000)
        self.last_read_time = now
        self.last_write_time = now

    # -- asyncio.Protocol ----------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports have asyncio.Transport's methods without its class.
        self._transport = typing.cast(asyncio.Transport, transport)
        name = transport.get_extra_info("sockname")
        if name:
            self.local_address = Address(name[0], name[1])

    def data_received(self, data: bytes) -> None:
        self.last_read_time = self._owner.now()
        self._awaiting_response = False
        try:
            messages = self._reader.feed(data)
        except MalformedMessageError as e:
            _logger.error("Closing %s: malformed data from the member: %s", self, e)
            self.close("Malformed message: %s" % e, e)
            return
        on_message = self._events.on_message
        for message in messages:
            on_message(message, self)

    def connection_lost(self, exc: Optional[BaseException]) -> None:
        if exc is None:
            self.close("Connection closed by the member", None)
        else:
            self.close("Connection lost: %s" % exc, exc)

    # -- the core's Connection -------------------------------------------------------

    def send(self, data: bytes) -> bool:
        if not self.live:
            return False
        if not self._owner.in_event_thread():
            self._owner.call_soon(self.send, data)
            return True
        pending = self._pending
        if not pending and not self._awaiting_response and self._transport is not None:
            # Nothing is due from the member: a lone request leaves at once.
            self._awaiting_response = True
            self._transport.write(data)
            self.last_write_time = self._owner.now()
            return True
        # A response is due: the requests sent until this loop turn ends leave
        # together, in one write.
        pending.append(data)
        if len(pending) == 1:
            self._owner.loop.call_soon(self._flush)
        return True

    def _flush(self) -> None:
        pending = self._pending
        if not pending or not self.live or self._transport is None:
            pending.clear()
            return
        data = pending[0] if len(pending) == 1 else b"".join(pending)
        pending.clear()
        self._transport.write(data)
        self.last_write_time = self._owner.now()

    def close(self, reason: str, cause: Optional[BaseException]) -> None:
        if not self.live:
            return
        self.close_reason = reason  # first: whoever sees it closed finds why
        self.live = False
        self._pending.clear()
        if self._transport is not None:
            self._transport.abort()
        self._events.on_connection_closed(self, reason, cause)

    def help_wait(self, pending: PendingResponse) -> None:
        if self._owner.in_event_thread():
            raise RuntimeError(
                "A blocking wait on the event loop's thread would stop the loop that must "
                "deliver the result: await the operation instead"
            )

    def __repr__(self) -> str:
        return "Connection(id=%d, live=%s, remote_address=%s, remote_uuid=%s)" % (
            self.connection_id,
            self.live,
            self.remote_address,
            self.remote_uuid,
        )
