"""A TCP proxy on the loopback interface that can stop forwarding on demand.

Placed between the client and a member, it lets a test simulate a member that
stops answering while its socket stays open (a hung JVM, a network partition that
drops packets): ``stall()`` holds every byte in both directions, ``resume()`` lets
them through again. Loopback only, a bounded number of connections, every thread
and socket closed by ``close()``.
"""

from __future__ import annotations

import socket
import struct
import threading
from typing import Dict, List, Optional

_MAX_CONNECTIONS = 32
_POLL = 0.1


class StallingProxy:
    """Forwards connections from a local port to ``target_host:target_port``."""

    def __init__(self, target_host: str, target_port: int):
        if target_host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("invalid value %r for 'target_host': the proxy only forwards to loopback" % target_host)
        self._target = (target_host, target_port)
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self._server.settimeout(_POLL)
        self.port = self._server.getsockname()[1]
        self._flowing = threading.Event()
        self._flowing.set()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._sockets: List[socket.socket] = []
        self._threads: List[threading.Thread] = []
        self.accepted = 0
        self._start_thread(self._accept_loop, "proxy-accept")

    @property
    def address(self) -> str:
        return "127.0.0.1:%d" % self.port

    def stall(self) -> None:
        """Stops forwarding: bytes are held (not dropped) until resume()."""
        self._flowing.clear()

    def resume(self) -> None:
        self._flowing.set()

    def close(self) -> None:
        self._closed.set()
        self._flowing.set()
        with self._lock:
            sockets = list(self._sockets)
            self._sockets.clear()
        for s in sockets + [self._server]:
            try:
                s.close()
            except OSError:
                pass
        for t in list(self._threads):
            if t is not threading.current_thread():
                t.join(5)

    def __enter__(self) -> "StallingProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start_thread(self, target, name: str, *args) -> None:
        t = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(t)
        t.start()

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._server.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            if self.accepted >= _MAX_CONNECTIONS:
                client.close()
                continue
            self.accepted += 1
            try:
                upstream = socket.create_connection(self._target, timeout=5)
            except OSError:
                client.close()
                continue
            for s in (client, upstream):
                s.settimeout(_POLL)
                # Small request/response messages: without this, Nagle's algorithm
                # and delayed acks add ~40 ms to each round trip through the proxy.
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets += [client, upstream]
            self._start_thread(self._pump, "proxy-up", client, upstream)
            self._start_thread(self._pump, "proxy-down", upstream, client)

    def _pump(self, source: socket.socket, destination: socket.socket) -> None:
        pending = b""
        while not self._closed.is_set():
            if not self._flowing.wait(_POLL):
                continue  # stalled: read nothing, so the sender's bytes pile up
            if pending:
                try:
                    destination.sendall(pending)
                except OSError:
                    break
                pending = b""
            try:
                data = source.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                break
            if not data:
                break
            if self._flowing.is_set():
                try:
                    destination.sendall(data)
                except OSError:
                    break
            else:
                pending = data
        _shutdown(source, destination)


def _shutdown(*sockets: socket.socket) -> None:
    for s in sockets:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass




class MessageDroppingProxy(StallingProxy):
    """A :class:`StallingProxy` that parses the member-to-client bytes into client
    protocol messages and drops those of chosen message types.

    ``drop_types`` (a set of message type ids, changeable at any time) selects the
    messages to drop; ``seen`` and ``dropped`` count the messages by type. Fragmented
    messages are forwarded untouched.
    """

    def __init__(self, target_host: str, target_port: int):
        self.drop_types: set = set()
        self.seen: Dict[int, int] = {}
        self.dropped: Dict[int, int] = {}
        super().__init__(target_host, target_port)

    def _start_thread(self, target, name: str, *args) -> None:
        if name == "proxy-down":
            target = self._filtering_pump
        super()._start_thread(target, name, *args)

    def _filtering_pump(self, source: socket.socket, destination: socket.socket) -> None:
        buffer = bytearray()
        message = bytearray()
        message_type: Optional[int] = None
        while not self._closed.is_set():
            try:
                data = source.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                break
            if not data:
                break
            buffer += data
            out = bytearray()
            offset = 0
            while len(buffer) - offset >= _FRAME_HEADER.size:
                length, flags = _FRAME_HEADER.unpack_from(buffer, offset)
                if len(buffer) - offset < length:
                    break
                frame = buffer[offset : offset + length]
                offset += length
                if not message:
                    unfragmented = flags & _UNFRAGMENTED == _UNFRAGMENTED
                    message_type = _TYPE.unpack_from(frame, _FRAME_HEADER.size)[0] if unfragmented else None
                message += frame
                if flags & _IS_FINAL:
                    with self._lock:
                        if message_type is not None:
                            self.seen[message_type] = self.seen.get(message_type, 0) + 1
                        drop = message_type is not None and message_type in self.drop_types
                        if drop:
                            self.dropped[message_type] = self.dropped.get(message_type, 0) + 1  # type: ignore[index]
                    if not drop:
                        out += message
                    message = bytearray()
            del buffer[:offset]
            if out:
                try:
                    destination.sendall(out)
                except OSError:
                    break
        _shutdown(source, destination)


_FRAME_HEADER = struct.Struct("<iH")
_TYPE = struct.Struct("<i")
_IS_FINAL = 1 << 13
_UNFRAGMENTED = (1 << 15) | (1 << 14)
