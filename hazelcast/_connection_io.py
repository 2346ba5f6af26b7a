"""One TCP connection of the threaded transport: how its bytes are read and written.

The connection manager (hazelcast.connection) asks the transport for connections,
authenticates and closes them; this module only moves bytes and hands the messages
they form, and the connection's closing, to the core's
:class:`~hazelcast.transport.ConnectionEvents`.
"""

from __future__ import annotations

import collections
import logging
import select
import socket
import struct
import threading
import time
import uuid
from typing import TYPE_CHECKING, Any, Deque, List, Optional

from hazelcast.core import Address
from hazelcast.errors import MalformedMessageError
from hazelcast.future import thread_role
from hazelcast.protocol.frame_reader import FrameReader, max_message_size as _max_message_size
from hazelcast.transport import ConnectionEvents, PendingResponse

if TYPE_CHECKING:
    from hazelcast._threaded_transport import ThreadedTransport

_logger = logging.getLogger("hazelcast.connection")

_READ_SIZE = 1 << 16
# Seconds after a write during which a new write waits for the response that is due
# (to share its system call); a request unanswered for longer is parked on the member.
_DEFER_WINDOW = 0.002


class Connection:
    """A TCP connection to one member.

    Reading: a waiting caller whose response will arrive on this connection reads and
    dispatches the socket's messages itself while no other thread is reading it (it
    "leads"), which saves the hand-off from a reader thread to the caller. The
    connection's reader thread reads whenever nobody leads: it sleeps in epoll on the
    socket, armed one-shot, and a leader disarms it for the time it reads.

    Writing: a request goes out at once from the caller's thread, unless a request
    sent earlier on this connection is still unanswered; then it waits in a queue
    that is flushed, in one system call, by the next caller that waits for a result,
    by whoever reads the next response, or at the latest by a timer. Pipelined and
    concurrent requests thus share system calls, and a lone blocking call pays none
    of it.
    """

    def __init__(
        self,
        transport: "ThreadedTransport",
        connection_id: int,
        sock: socket.socket,
        address: Address,
        events: ConnectionEvents,
    ):
        self._transport = transport
        self._events = events
        self._socket = sock
        self.connection_id = connection_id
        self.remote_address = address
        self.remote_uuid: Optional[uuid.UUID] = None
        self.live = True
        self.close_reason: Optional[str] = None
        now = time.monotonic()
        self.start_time = now
        self.start_time_millis = int(time.time() * 1000)
        self.local_address = _local_address(sock)
        self.last_read_time = now
        self.last_write_time = now
        self._write_queue: Deque[bytes] = collections.deque()
        self._write_lock = threading.Lock()
        self._flush_timer_armed = False
        self._close_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._reader = FrameReader(_max_message_size(transport))
        # Leading needs non-blocking reads beside blocking ones on one socket and a
        # one-shot readiness registration: plain sockets on Linux (not TLS).
        self._epoll: Optional["select.epoll"] = None
        # Deferring writes needs a reader that can flush without blocking.
        self._defer_writes = False
        if _CAN_LEAD and not _is_tls(sock):
            self._defer_writes = True
            self._epoll = select.epoll()
            self._epoll.register(sock.fileno(), _ARMED)
            # A leader's blocking read returns now and then to see whether its
            # invocation still waits on this connection (a retry may have moved it).
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, _LEADER_READ_TIMEOUT)
        self._reader_thread = threading.Thread(
            target=self._read_loop if self._epoll is not None else self._blocking_read_loop,
            name="hazelcast-reader-%d" % connection_id,
            daemon=True,
        )

    def start(self) -> None:
        self._reader_thread.start()

    # -- writing ---------------------------------------------------------------------

    def send(self, data: bytes) -> bool:
        """Sends bytes to the member, at once or soon (see the class documentation);
        returns False if the connection is closed."""
        if not self.live:
            return False
        self._write_queue.append(data)
        if (
            self._defer_writes
            and self.last_write_time > self.last_read_time
            and time.monotonic() - self.last_write_time < _DEFER_WINDOW
        ):
            # A response is due soon: its reader, or a waiting caller, sends this too.
            # Not behind a request the member parks (a queue take, a blocking read):
            # its answer may be minutes away.
            if not self._flush_timer_armed:
                self._flush_timer_armed = True
                self._transport.schedule_flush(self)
            return True
        return self.flush()

    def flush(self) -> bool:
        """Sends what is queued unless another thread already is sending; returns
        False if the connection is closed."""
        queue = self._write_queue
        lock = self._write_lock
        while queue and lock.acquire(False):
            failed: Optional[OSError] = None
            try:
                while queue:
                    if len(queue) == 1:
                        chunk = queue.popleft()
                    else:
                        parts = []
                        while queue:
                            parts.append(queue.popleft())
                        chunk = b"".join(parts)
                    self._socket.sendall(chunk)
                self.last_write_time = time.monotonic()
            except OSError as e:
                failed = e
            except BaseException as e:
                # Interrupted (Ctrl+C) in the middle of a message: the member cannot
                # read what follows it, so the connection goes; the lock is released.
                lock.release()
                self.close("Write interrupted: %r" % e, e)
                raise
            lock.release()
            if failed is not None:
                self.close("Write failed: %s" % failed, failed)
                return False
        return self.live

    def flush_nowait(self) -> None:
        """Sends what is queued as far as the socket takes it without blocking: for
        the reader and timer threads, which must never wait on the member."""
        queue = self._write_queue
        lock = self._write_lock
        if not queue or not lock.acquire(False):
            return
        failed: Optional[OSError] = None
        try:
            parts = []
            while queue:
                parts.append(queue.popleft())
            chunk = parts[0] if len(parts) == 1 else b"".join(parts)
            try:
                sent = self._socket.send(chunk, socket.MSG_DONTWAIT)
            except (BlockingIOError, InterruptedError):
                sent = 0
            if sent < len(chunk):
                queue.appendleft(memoryview(chunk)[sent:].tobytes())
            if sent:
                self.last_write_time = time.monotonic()
        except OSError as e:
            failed = e
        finally:
            lock.release()
        if failed is not None:
            self.close("Write failed: %s" % failed, failed)
            return
        if queue and not self._flush_timer_armed:
            self._flush_timer_armed = True
            self._transport.schedule_flush(self)

    def timed_flush(self) -> None:
        self._flush_timer_armed = False
        if self.live:
            self.flush_nowait()

    # -- reading ---------------------------------------------------------------------

    def _process(self, data: bytes) -> bool:
        """Dispatches the messages in ``data``; False if the connection closed."""
        if not data:
            self.close("Connection closed by the member", None)
            return False
        self.last_read_time = time.monotonic()
        try:
            messages = self._reader.feed(data)
        except MalformedMessageError as e:
            _logger.error("Closing %s: malformed data from the member: %s", self, e)
            self.close("Malformed message: %s" % e, e)
            return False
        on_message = self._events.on_message
        for message in messages:
            on_message(message, self)
        if self._write_queue:
            self.flush_nowait()
        return True

    def help_wait(self, pending: PendingResponse) -> None:
        """The calling thread is about to block for ``pending``: it sends what is
        queued, then reads the connection itself while nobody else does."""
        if thread_role.must_not_block:
            return  # the Future's own wait refuses it, with the reason
        if self._write_queue:
            self.flush()
        self.lead(pending)

    def lead(self, invocation: PendingResponse) -> None:
        """Reads and dispatches this connection's messages on the calling thread until
        ``invocation`` has its response or no longer waits on this connection.
        Returns at once if another thread is reading."""
        lock = self._read_lock
        if self._epoll is None or not lock.acquire(False):
            return
        sock = self._socket
        try:
            if not self.live:
                return
            self._epoll.modify(sock.fileno(), 0)  # the reader thread stays asleep
            while invocation.waits_on(self):
                try:
                    data = sock.recv(_READ_SIZE)
                except (BlockingIOError, InterruptedError, socket.timeout):
                    continue
                except OSError as e:
                    self.close("Read failed: %s" % e, e)
                    return
                if not self._process(data):
                    return
        except Exception as e:  # a bug must not leave the connection half alive
            _logger.exception("Reading %s failed", self)
            self.close("Reader failed: %s" % e, e)
        finally:
            # Released before re-arming: a reader thread that woke while this thread
            # held the lock found it taken and relies on this re-arm to wake again.
            lock.release()
            self._rearm()

    def _read_loop(self) -> None:
        epoll = self._epoll
        assert epoll is not None  # this loop runs only where leading is possible
        sock = self._socket
        lock = self._read_lock
        role = thread_role
        run_deferred = self._transport.run_deferred
        try:
            while self.live:
                if not epoll.poll(_READER_POLL_TIMEOUT):
                    continue
                if not self.live:
                    break
                if not lock.acquire(False):
                    continue  # a caller leads; it re-arms the registration when done
                # What the messages hand to the idle event thread runs here once
                # this thread stops reading (see ThreadedTransport.call_soon).
                deferred: List[Any] = []
                role.deferred = deferred
                try:
                    while self.live:
                        try:
                            data = sock.recv(_READ_SIZE, socket.MSG_DONTWAIT)
                        except (BlockingIOError, InterruptedError):
                            break
                        except OSError as e:
                            self.close("Read failed: %s" % e, e)
                            return
                        if not self._process(data):
                            return
                finally:
                    role.deferred = None
                    lock.release()
                    self._rearm()
                    if deferred:
                        # Released and re-armed first: a slow listener never holds
                        # up a caller reading its own response.
                        run_deferred(deferred)
        except Exception as e:  # a bug must not leave the connection half alive
            if self.live:
                _logger.exception("Reader of %s failed", self)
                self.close("Reader failed: %s" % e, e)
        finally:
            epoll.close()

    def _rearm(self) -> None:
        # Every holder of the read lock re-arms after releasing it, so the socket is
        # watched whenever nobody reads it.
        if self.live and self._epoll is not None:
            try:
                self._epoll.modify(self._socket.fileno(), _ARMED)
            except (OSError, ValueError):
                pass

    def _blocking_read_loop(self) -> None:
        sock = self._socket
        try:
            while self.live:
                try:
                    data = sock.recv(_READ_SIZE)
                except OSError as e:
                    self.close("Read failed: %s" % e, e)
                    return
                if not self._process(data):
                    return
        except Exception as e:  # a bug must not leave the connection half alive
            _logger.exception("Reader of %s failed", self)
            self.close("Reader failed: %s" % e, e)

    def close(self, reason: str, cause: Optional[BaseException]) -> None:
        """Closes the connection; waiting invocations fail over or fail."""
        with self._close_lock:
            if not self.live:
                return
            self.close_reason = reason  # first: whoever sees it closed finds why
            self.live = False
        try:
            self._socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        if self._epoll is not None:
            try:  # wakes the reader thread: the shut-down socket reports readable
                self._epoll.modify(self._socket.fileno(), _ARMED)
            except (OSError, ValueError):
                pass
        try:
            self._socket.close()
        except OSError:
            pass
        self._write_queue.clear()
        self._transport.forget(self)
        self._events.on_connection_closed(self, reason, cause)

    def reader_alive(self) -> bool:
        return self._reader_thread.is_alive()

    def join_reader(self, timeout: float = 5.0) -> None:
        if self._reader_thread.is_alive() and threading.current_thread() is not self._reader_thread:
            self._reader_thread.join(timeout)

    def __repr__(self) -> str:
        return "Connection(id=%d, live=%s, remote_address=%s, remote_uuid=%s)" % (
            self.connection_id,
            self.live,
            self.remote_address,
            self.remote_uuid,
        )


_CAN_LEAD = hasattr(select, "epoll") and hasattr(socket, "MSG_DONTWAIT") and hasattr(socket, "SO_RCVTIMEO")
_ARMED = (select.EPOLLIN | select.EPOLLONESHOT) if _CAN_LEAD else 0
_LEADER_READ_TIMEOUT = struct.pack("ll", 0, 50000)  # 50 ms, as a struct timeval
_READER_POLL_TIMEOUT = 0.2  # bounds how long a closed connection's reader lingers


def _is_tls(sock: socket.socket) -> bool:
    import ssl

    return isinstance(sock, ssl.SSLSocket)


def _local_address(sock: socket.socket) -> Optional[Address]:
    try:
        name = sock.getsockname()
    except OSError:
        return None
    return Address(name[0], name[1])
