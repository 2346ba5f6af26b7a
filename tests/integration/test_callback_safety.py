"""Callbacks, listeners and waits that cannot hurt the caller (threaded client).

Future callbacks and listeners run on the client's event thread (or a reader thread
in its role), never on a user thread that happens to read the socket; a blocking wait on that thread fails at once
with a clear error instead of stalling every response behind it; shutdown from a
listener does not hold up the constructor.
"""

from __future__ import annotations

import threading
import time

import pytest

import hazelcast
from hazelcast.errors import HazelcastClientNotActiveError
from hazelcast.lifecycle import LifecycleState

from waiting import wait_until


def _event_thread(name):
    # The event thread, or a connection's reader thread standing in for it while
    # it is idle (it runs the work after it stopped reading).
    return name.startswith("hazelcast-event-") or name.startswith("hazelcast-reader-")


def test_callbacks_never_run_on_another_callers_thread(client):
    m = client.get_map("callback-threads")
    blocking = m.blocking()
    blocking.put_all({i: i for i in range(100)})
    ran_on = []
    stop = threading.Event()

    def reader():
        # A caller doing blocking gets reads the socket itself (leader/follower):
        # the responses it reads for others must not run their callbacks here.
        while not stop.is_set():
            blocking.get(1)

    readers = [threading.Thread(target=reader, name="user-reader-%d" % i) for i in range(2)]
    for t in readers:
        t.start()
    try:
        deadline = time.monotonic() + 3
        futures = []
        while time.monotonic() < deadline:
            f = m.get(2)
            f.add_done_callback(lambda _: ran_on.append(threading.current_thread().name))
            futures.append(f)
            if len(futures) % 50 == 0:
                futures[-1].result()
        for f in futures:
            f.result()
    finally:
        stop.set()
        for t in readers:
            t.join()
    wait_until(lambda: len(ran_on) == len(futures), timeout=10)
    assert len(ran_on) > 100
    # A callback added to a Future already done runs at once in the adding thread
    # (as documented); every other one on the event thread (or a reader thread in
    # its role), none on the user threads reading the socket.
    assert [name for name in ran_on if not (_event_thread(name) or name == "MainThread")] == []
    assert sum(1 for name in ran_on if _event_thread(name)) > 50


def test_listeners_run_on_the_event_thread(client):
    seen = []
    client.add_distributed_object_listener(lambda event: seen.append(threading.current_thread().name)).result()
    client.get_map("listener-thread-%d" % time.monotonic_ns())
    wait_until(lambda: seen, timeout=10)
    assert all(_event_thread(name) for name in seen), seen


def test_a_blocking_wait_inside_a_callback_fails_fast_and_harms_nobody(client):
    m = client.get_map("blocking-in-callback")
    m.blocking().put(1, "one")
    outcome = []

    def callback(_):
        started = time.monotonic()
        try:
            m.get(1).result()  # would stall the event thread
        except RuntimeError as e:
            outcome.append((e, time.monotonic() - started))

    m.get(1).add_done_callback(callback)
    wait_until(lambda: outcome, timeout=10)
    error, took = outcome[0]
    assert "event thread" in str(error) and "add_done_callback" in str(error)
    assert took < 0.5
    # The connection and the event thread still serve everyone at once.
    started = time.monotonic()
    assert m.blocking().get(1) == "one"
    done = threading.Event()
    m.get(1).add_done_callback(lambda _: done.set())
    assert done.wait(2)
    assert time.monotonic() - started < 2


def test_a_blocking_wait_inside_a_listener_fails_fast(client):
    m = client.get_map("blocking-in-listener")
    errors = []

    def listener(event):
        try:
            m.size().result()
        except RuntimeError as e:
            errors.append(e)

    client.add_distributed_object_listener(listener).result()
    client.get_map("blocking-in-listener-%d" % time.monotonic_ns())
    wait_until(lambda: errors, timeout=10)
    assert m.blocking().size() == 0


class _SelfRecordingClient(hazelcast.HazelcastClient):
    instance = None

    def __init__(self, **kwargs):
        type(self).instance = self
        super().__init__(**kwargs)


def test_shutdown_from_a_lifecycle_listener_does_not_hold_the_constructor(hz_cluster):
    states = []

    def on_state(state):
        states.append(state)
        if state == LifecycleState.CONNECTED:
            _SelfRecordingClient.instance.shutdown()

    threads_before = set(threading.enumerate())
    started = time.monotonic()
    with pytest.raises(HazelcastClientNotActiveError):
        _SelfRecordingClient(lifecycle_listeners=[on_state], **hz_cluster.client_config())
    assert time.monotonic() - started < 5
    # The shutdown runs on in the event thread, where the listener called it.
    wait_until(lambda: states[-1:] == [LifecycleState.SHUTDOWN], timeout=10)
    wait_until(
        lambda: [t for t in threading.enumerate() if t not in threads_before and t.is_alive()] == [], timeout=10
    )


def test_a_write_behind_a_parked_request_is_sent_while_the_event_thread_is_busy(client):
    # A take parks on the member (its answer may be minutes away). A later request
    # must go out at once: not wait for a timer of the event thread, which a slow
    # user callback may be holding.
    queue = client.get_queue("parked-%s" % time.monotonic_ns())
    m = client.get_map("parked-writes")
    parked = queue.take()
    time.sleep(0.05)
    release = threading.Event()
    busy = threading.Event()

    def slow_callback():
        busy.set()
        release.wait(30)

    client._transport.call_soon(slow_callback)
    assert busy.wait(10)
    try:
        put = m.put("k", "v")
        # Written at once, by this thread: nothing left for a timer to flush.
        [connection] = client._connection_manager.active_connections.values()
        assert not connection._write_queue
        deadline = time.monotonic() + 10
        while not put.done() and time.monotonic() < deadline:
            time.sleep(0.01)  # done() never sends: only the write path can
        assert put.done()
    finally:
        release.set()
    queue.offer("item").result()
    assert parked.result() == "item"
