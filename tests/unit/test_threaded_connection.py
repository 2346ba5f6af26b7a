"""The threaded transport's connection: an interrupt in the middle of a send leaves
no lock held and no half-written connection behind."""

from __future__ import annotations

import socket

import pytest

from hazelcast._connection_io import Connection
from hazelcast.core import Address


class _Transport:
    def schedule_flush(self, connection):
        pass

    def forget(self, connection):
        pass

    def run_deferred(self, work):
        for function, args in work:
            function(*args)


class _Events:
    def __init__(self):
        self.closed = []

    def on_message(self, message, connection):
        pass

    def on_connection_closed(self, connection, reason, cause):
        self.closed.append((reason, cause))


class _InterruptedSocket:
    """A socket whose send is interrupted (Ctrl+C) once, then works."""

    def __init__(self, real):
        self._real = real
        self.interrupted = False

    def sendall(self, data):
        if not self.interrupted:
            self.interrupted = True
            raise KeyboardInterrupt()
        return self._real.sendall(data)

    def __getattr__(self, name):
        return getattr(self._real, name)


@pytest.fixture
def pair():
    # A TCP pair on loopback, as the transport's connections are.
    server = socket.create_server(("127.0.0.1", 0))
    a = socket.create_connection(server.getsockname())
    b, _ = server.accept()
    server.close()
    yield a, b
    a.close()
    b.close()


def test_ctrl_c_during_a_send_releases_the_write_lock_and_closes_the_connection(pair):
    events = _Events()
    connection = Connection(_Transport(), 1, pair[0], Address("127.0.0.1", 5701), events)
    connection._socket = _InterruptedSocket(pair[0])
    with pytest.raises(KeyboardInterrupt):
        connection.send(b"request")
    # The lock is free: nobody waits 60 s for a writer that is gone.
    assert connection._write_lock.acquire(False)
    connection._write_lock.release()
    # Half a message may have left: the member could not read what follows, so the
    # connection is closed (its invocations fail over) instead of wedged.
    assert not connection.live
    assert events.closed and "interrupted" in events.closed[0][0]
    assert connection.send(b"more") is False
