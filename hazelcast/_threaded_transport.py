"""The threaded transport: blocking sockets with reader threads, and one event
thread for timers, callbacks and listeners (which a reader thread runs itself, in
the event thread's role, when it reads their events while the event thread is idle).

It serves the Future-returning client (:class:`hazelcast.HazelcastClient`). A
connection is opened on a short-lived connector thread (TCP connect, socket options,
TLS handshake), then read by its own reader thread, or by a caller waiting for a
response on it (see :class:`hazelcast._connection_io.Connection`). Everything the
core schedules, and every callback and listener, runs on the event thread.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import Any, Callable, Dict, List, Optional

from hazelcast._tls import client_ssl_context
from hazelcast.config import Config
from hazelcast.core import Address
from hazelcast.future import thread_role
from hazelcast.scheduler import ScheduledTask, Scheduler
from hazelcast.transport import Connection, ConnectionEvents
from hazelcast._connection_io import Connection as SocketConnection

_logger = logging.getLogger(__name__)

# Queued requests go out at the latest this long after they were queued.
FLUSH_DELAY = 0.0005
# How long shutdown waits for a connector thread still in connect().
_CONNECTOR_JOIN_TIMEOUT = 2.0


class ThreadedTransport:
    """Moves the client's bytes with blocking sockets and threads.

    Args:
        config: The client configuration (socket options, TLS, timeouts).
        name: Names the threads, e.g. ``hz.client_0``.
    """

    def __init__(self, config: Config, name: str):
        self._config = config
        self._name = name
        self._scheduler = Scheduler("hazelcast-event-%s" % name, on_start=_mark_event_thread)
        # True on the thread that runs timers, callbacks and listeners.
        self.in_event_thread: Callable[[], bool] = self._scheduler.in_thread
        self._lock = threading.Lock()
        self._connection_ids = 0
        self._connections: Dict[int, SocketConnection] = {}
        self._connectors: Dict[threading.Thread, Optional[socket.socket]] = {}
        self._stopped = False

    # -- time and the event thread ----------------------------------------------------

    now = staticmethod(time.monotonic)

    def call_later(self, delay: float, function: Callable[..., Any], *args: Any) -> ScheduledTask:
        return self._scheduler.schedule(delay, function, *args)

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None:
        deferred = thread_role.deferred
        if deferred is not None:
            # A reader thread in the middle of reading: if the event thread is idle,
            # the reader runs this itself once it stops reading (one thread switch
            # fewer); once it holds the role, all it hands over stays in order.
            if deferred or self._scheduler.try_reserve():
                deferred.append((function, args))
                return
        self._scheduler.call_soon(function, *args)

    def run_deferred(self, deferred: List[Any]) -> None:
        """Runs on a reader thread, in the event thread's role, what it deferred
        while reading (see call_soon)."""
        self._scheduler.run_reserved(deferred)


    def asyncio_loop(self) -> None:
        return None

    def schedule_flush(self, connection: SocketConnection) -> None:
        self._scheduler.schedule(FLUSH_DELAY, connection.timed_flush)

    # -- connections --------------------------------------------------------------------

    def connect(
        self,
        address: Address,
        events: ConnectionEvents,
        on_connected: Callable[[Connection], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        thread = threading.Thread(
            target=self._connect, args=(address, events, on_connected, on_failed), name="hazelcast-connector-%s" % address, daemon=True
        )
        with self._lock:
            if self._stopped:
                self.call_soon(on_failed, ConnectionRefusedError("The transport is shut down"))
                return
            self._connectors[thread] = None
            # Started under the lock: shutdown never sees a connector not started yet.
            thread.start()

    def _connect(
        self,
        address: Address,
        events: ConnectionEvents,
        on_connected: Callable[[Connection], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        me = threading.current_thread()
        try:
            sock = self._open_socket(address, me)
            with self._lock:
                del self._connectors[me]
                if self._stopped:
                    sock.close()
                    raise ConnectionRefusedError("The transport is shut down")
                self._connection_ids += 1
                connection = SocketConnection(self, self._connection_ids, sock, address, events)
                self._connections[connection.connection_id] = connection
            connection.start()
        except BaseException as e:
            with self._lock:
                self._connectors.pop(me, None)
            self.call_soon(on_failed, e)
            return
        self.call_soon(on_connected, connection)

    def _open_socket(self, address: Address, connector: threading.Thread) -> socket.socket:
        error: Optional[BaseException] = None
        for family, kind, proto, _, sockaddr in socket.getaddrinfo(address.host, address.port, 0, socket.SOCK_STREAM):
            sock = socket.socket(family, kind, proto)
            with self._lock:
                self._connectors[connector] = sock  # shutdown ends a long connect through it
            try:
                return self._connect_socket(sock, sockaddr, address)
            except OSError as e:
                error = e
        raise error if error is not None else OSError("No address found for %s" % address)

    def _connect_socket(self, sock: socket.socket, sockaddr: Any, address: Address) -> socket.socket:
        config = self._config
        try:
            sock.settimeout(config.connection_timeout or None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for option in config.socket_options:
                sock.setsockopt(*option)
            sock.connect(sockaddr)
            if config.ssl_enabled:
                sock = client_ssl_context(config).wrap_socket(sock, server_hostname=address.host)
            sock.settimeout(None)
        except BaseException:
            sock.close()
            raise
        return sock

    def forget(self, connection: SocketConnection) -> None:
        """A connection closed: its reader thread ends soon; shutdown joins those
        still running, and the ones that ended are dropped here."""
        with self._lock:
            for connection_id, other in list(self._connections.items()):
                if other is not connection and not other.reader_alive():
                    del self._connections[connection_id]

    def shutdown(self) -> None:
        """Stops the connector, reader and event threads (the core closed its
        connections before)."""
        with self._lock:
            self._stopped = True
            connectors = list(self._connectors.items())
            connections = list(self._connections.values())
        for thread, sock in connectors:
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        for connection in connections:
            connection.close("The client is shutting down", None)
        current = threading.current_thread()
        for thread, _ in connectors:
            if thread is not current:
                thread.join(_CONNECTOR_JOIN_TIMEOUT)
        for connection in connections:
            connection.join_reader()
        self._scheduler.shutdown()


def _mark_event_thread() -> None:
    thread_role.must_not_block = True


__all__: List[str] = ["ThreadedTransport", "FLUSH_DELAY"]
