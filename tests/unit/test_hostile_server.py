"""A hostile or broken server in the member's place (real sockets, no
member): whatever it sends, or does not send, the client's start ends in a
clear error within cluster_connect_timeout plus one connection_timeout,
without spinning the CPU or leaving a thread behind."""

from __future__ import annotations

import socket
import struct
import threading
import time

import pytest

import hazelcast
from hazelcast.errors import HazelcastError

CONNECT_TIMEOUT = 1.5
CONNECTION_TIMEOUT = 1.0


def _frame(length, flags=0xC000):
    return struct.pack("<iH", length, flags)


BEHAVIOURS = {
    "huge-length": lambda conn: conn.sendall(_frame(0x7FFFFFFF) + b"x" * 64),
    "zero-length": lambda conn: conn.sendall(_frame(0) + b"x" * 64),
    "negative-length": lambda conn: conn.sendall(_frame(-100) + b"x" * 64),
    "garbage": lambda conn: conn.sendall(bytes(range(256)) * 4),
    "silence": None,
    "one-byte-per-tick": "slow",  # every 50 ms
    "one-byte-per-second": "slower",
    "closes-at-once": "close",
}
# what the error says happened, per behaviour
REASONS = {
    "huge-length": "exceeds the maximum message size",
    "zero-length": "invalid frame length 0",
    "negative-length": "invalid frame length -100",
    "garbage": "did not answer the authentication within connection_timeout",
    "silence": "did not answer the authentication within connection_timeout",
    "one-byte-per-tick": "did not answer the authentication within connection_timeout",
    "one-byte-per-second": "did not answer the authentication within connection_timeout",
    "closes-at-once": "closed",
}


class _Server:
    def __init__(self, behaviour):
        self.behaviour = behaviour
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.stopped = threading.Event()
        self.connections = []
        self.thread = threading.Thread(target=self._serve, name="hostile-server", daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections.append(conn)
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn):
        try:
            conn.settimeout(0.2)
            try:
                conn.recv(4096)  # the preamble and the authentication request
            except OSError:
                pass
            if self.behaviour == "close":
                conn.close()
            elif self.behaviour in ("slow", "slower"):
                frame = _frame(1000) + b"y" * 994
                for byte in frame:
                    if self.stopped.wait(0.05 if self.behaviour == "slow" else 1.0):
                        break
                    conn.sendall(bytes([byte]))
            elif callable(self.behaviour):
                self.behaviour(conn)
                self.stopped.wait(30)
            else:
                self.stopped.wait(30)  # silence
        except OSError:
            pass

    def close(self):
        self.stopped.set()
        for conn in self.connections:
            try:
                conn.close()
            except OSError:
                pass
        self.sock.close()
        self.thread.join(10)


@pytest.mark.parametrize("name", sorted(BEHAVIOURS))
def test_start_against_a_hostile_server_fails_clearly_and_promptly(name):
    server = _Server(BEHAVIOURS[name])
    threads = set(threading.enumerate())
    started = time.monotonic()
    cpu = time.process_time()
    try:
        with pytest.raises(HazelcastError) as info:
            hazelcast.HazelcastClient(
                cluster_members=["127.0.0.1:%d" % server.port],
                cluster_connect_timeout=CONNECT_TIMEOUT,
                connection_timeout=CONNECTION_TIMEOUT,
            )
        elapsed = time.monotonic() - started
        spent = time.process_time() - cpu
    finally:
        server.close()
    assert elapsed < CONNECT_TIMEOUT + CONNECTION_TIMEOUT + 5, elapsed
    assert spent < 1.5, "%.2f s of CPU" % spent
    message = str(info.value)
    assert "Unable to connect to any cluster" in message and "127.0.0.1:%d" % server.port in message
    assert REASONS[name] in message, message
    # the client's threads are gone (the server's own may take a moment)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = [t for t in set(threading.enumerate()) - threads if t.name.startswith("hazelcast")]
        if not left:
            break
        time.sleep(0.05)
    assert not left, left
