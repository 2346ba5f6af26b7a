"""What only the asyncio client (``hazelcast.asyncio.HazelcastClient``) has, against
real members: it starts no thread, ``async with``, task cancellation, listeners on
the loop, a blocking call on the loop failing fast, many tasks at once, and uvloop.

Each test runs its coroutine with ``asyncio.run`` in the test's own thread (the
loop's thread is the test's), bounded by :func:`_run`'s timeout so a hang fails
with a message instead of stalling the session. The threaded client's behaviour
common to both clients is tested with both faces in test_map.py, test_resilience.py
and test_faults.py (see client_faces.py).
"""

from __future__ import annotations

import asyncio
import platform
import socket
import threading
import time
import uuid

import pytest

from hazelcast.asyncio import HazelcastClient
from hazelcast.errors import HazelcastClientNotActiveError
from hazelcast.lifecycle import LifecycleState

try:
    import uvloop
except ImportError:  # tools/setup.sh installs it on CPython; its test fails without
    uvloop = None

S = LifecycleState
_TEST_TIMEOUT = 90.0


def _run(coroutine, timeout=_TEST_TIMEOUT, loop_factory=None):
    """Runs ``coroutine`` on a new loop in this thread; fails after ``timeout`` s."""

    async def bounded():
        try:
            return await asyncio.wait_for(coroutine, timeout)
        except asyncio.TimeoutError:
            raise AssertionError("the test's coroutine did not finish in %s s" % timeout) from None

    if loop_factory is None:
        return asyncio.run(bounded())
    loop = loop_factory()
    try:
        asyncio.set_event_loop(loop)
        return loop.run_until_complete(bounded())
    finally:
        asyncio.set_event_loop(None)
        loop.close()


async def _until(condition, timeout=20.0, message="condition"):
    """Waits on the loop (yielding to it) until ``condition()`` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("%s not met in %s s" % (message, timeout))
        await asyncio.sleep(0.02)


def _numeric_config(cluster):
    """The cluster's client options with its member addresses as IP numbers.

    The client connects to a numeric address with no thread at all; a host name is
    resolved on asyncio's default executor, whose threads belong to asyncio."""
    config = dict(cluster.client_config())
    members = []
    for address in config["cluster_members"]:
        host, _, port = address.rpartition(":")
        members.append("%s:%s" % (socket.gethostbyname(host), port))
    config["cluster_members"] = members
    return config


def _unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex)


def _connection_ids(client):
    return sorted(c.connection_id for c in client._runtime.connection_manager.active_connections.values())


async def _all_connections(client, cluster):
    manager = client._runtime.connection_manager
    await _until(lambda: len(manager.active_connections) == len(cluster.members), 20, "a connection to each member")


# -- no thread -------------------------------------------------------------------------


def test_starts_no_thread_from_start_to_shutdown(hz_cluster):
    config = _numeric_config(hz_cluster)
    before = threading.enumerate()

    def new_threads():
        # Threads of earlier tests may end meanwhile; none may appear.
        return [t.name for t in threading.enumerate() if t not in before]

    async def main():
        events = []
        client = await HazelcastClient.create_and_start(
            lifecycle_listeners=[events.append], statistics_enabled=True, statistics_period=1, **config
        )
        try:
            assert new_threads() == [], "threads after create_and_start"
            m = await client.get_map(_unique("no-thread"))
            await m.put("k", "v")
            assert await m.get("k") == "v"
            await m.put_all({i: i for i in range(100)})
            assert await m.get_all(list(range(100))) == {i: i for i in range(100)}
            assert await m.size() == 101
            assert new_threads() == [], "threads after map operations"

            client.cluster_service.add_listener(member_added=events.append, fire_for_existing=True)
            await client.add_distributed_object_listener(events.append)
            name = _unique("no-thread-created")
            await client.get_map(name)
            await _until(lambda: any(getattr(e, "name", None) == name for e in events), 20, "created event")
            await asyncio.sleep(1.5)  # a statistics period and a heartbeat check go by
            assert new_threads() == [], "threads after listeners and their events"
        finally:
            await client.shutdown()
        assert events[-1] == S.SHUTDOWN
        assert new_threads() == [], "threads after shutdown"

    _run(main())
    assert new_threads() == [], "threads after the loop closed"


# -- async with ------------------------------------------------------------------------


def test_async_with_starts_the_client_and_shuts_it_down(hz_cluster):
    config = hz_cluster.client_config()

    async def main():
        states = []
        async with HazelcastClient(lifecycle_listeners=[states.append], **config) as client:
            assert client.lifecycle_service.is_running()
            assert states[:3] == [S.STARTING, S.STARTED, S.CONNECTED]
            m = await client.get_map(_unique("async-with"))
            await m.put("k", 1)
            assert await m.get("k") == 1
        assert not client.lifecycle_service.is_running()
        assert states[3:] == [S.SHUTTING_DOWN, S.DISCONNECTED, S.SHUTDOWN]  # as the threaded client
        assert not any(c.live for c in client._runtime.connection_manager.active_connections.values())
        with pytest.raises(HazelcastClientNotActiveError):
            await m.get("k")

    _run(main())


def test_async_with_a_started_client_does_not_start_it_again(hz_cluster):
    config = hz_cluster.client_config()

    async def main():
        states = []
        async with await HazelcastClient.create_and_start(lifecycle_listeners=[states.append], **config) as client:
            assert states.count(S.STARTING) == 1
            m = await client.get_map(_unique("async-with-started"))
            await m.set("k", "v")
            assert await m.get("k") == "v"
        assert states.count(S.STARTING) == 1
        assert states[-1] == S.SHUTDOWN
        assert not client.lifecycle_service.is_running()

    _run(main())


def test_async_with_shuts_the_client_down_when_the_block_raises(hz_cluster):
    config = hz_cluster.client_config()

    class Boom(Exception):
        pass

    async def main():
        client = None
        with pytest.raises(Boom):
            async with HazelcastClient(**config) as client:
                m = await client.get_map(_unique("async-with-raises"))
                await m.set("k", "v")
                raise Boom()
        assert client is not None and not client.lifecycle_service.is_running()

    _run(main())


# -- cancellation ----------------------------------------------------------------------


@pytest.fixture(params=["hz_cluster", "hz_cluster3"], ids=["1-member", "3-members"])
def any_cluster(request):
    return request.getfixturevalue(request.param)


def test_cancelled_get_leaves_no_pending_invocation_and_the_connection_usable(any_cluster):
    config = any_cluster.client_config()

    async def main():
        async with HazelcastClient(**config) as client:
            await _all_connections(client, any_cluster)
            invocations = client._runtime.invocation_service
            m = await client.get_map(_unique("cancel-one"))
            await m.set("k", "v")
            connections = _connection_ids(client)
            before = invocations.pending_count()

            task = asyncio.ensure_future(m.get("k"))
            # One step of the loop: the task sends its request and waits. No I/O is
            # read before this coroutine goes on, so the response has not come yet.
            await asyncio.sleep(0)
            assert not task.done()
            assert invocations.pending_count() == before + 1, "the get is not in flight"
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert invocations.pending_count() == before

            # The member answers the cancelled get anyway; that response is dropped,
            # and the calls after it (same key: same partition, same connection,
            # answered after it) get their own responses.
            for i in range(20):
                assert await m.get("k") == "v"
                await m.set("k%d" % i, i)
                assert await m.get("k%d" % i) == i
            assert invocations.pending_count() == before
            assert _connection_ids(client) == connections
            assert all(c.live for c in client._runtime.connection_manager.active_connections.values())

    _run(main())


def test_cancelling_a_thousand_in_flight_gets_at_once(any_cluster):
    config = any_cluster.client_config()
    count = 1000

    async def main():
        async with HazelcastClient(**config) as client:
            await _all_connections(client, any_cluster)
            invocations = client._runtime.invocation_service
            m = await client.get_map(_unique("cancel-many"))
            values = {"k%d" % i: i for i in range(count)}
            await m.put_all(values)
            connections = _connection_ids(client)
            before = invocations.pending_count()

            tasks = [asyncio.ensure_future(m.get(k)) for k in values]
            await asyncio.sleep(0)  # every task sends its request; no response is read yet
            assert not any(t.done() for t in tasks)
            assert invocations.pending_count() == before + count
            for t in tasks:
                t.cancel()
            outcomes = await asyncio.gather(*tasks, return_exceptions=True)
            assert all(isinstance(o, asyncio.CancelledError) for o in outcomes), {type(o).__name__ for o in outcomes}
            assert invocations.pending_count() == before

            # The same keys again: each call gets its own value, none a late
            # response of the cancelled calls.
            again = await asyncio.gather(*(m.get(k) for k in values))
            assert again == list(values.values())
            assert invocations.pending_count() == before
            assert _connection_ids(client) == connections

    _run(main())


# -- listeners on the loop -------------------------------------------------------------


def test_listeners_run_on_the_loop_thread(cluster_factory):
    cluster = cluster_factory(member_count=1)
    config = cluster.client_config()

    async def main():
        loop_thread = threading.get_ident()
        calls = {"lifecycle": [], "membership": [], "distributed object": []}

        def recorder(kind):
            def record(event):
                calls[kind].append((threading.get_ident(), event))

            return record

        client = await HazelcastClient.create_and_start(lifecycle_listeners=[recorder("lifecycle")], **config)
        try:
            client.cluster_service.add_listener(member_added=recorder("membership"))
            await client.add_distributed_object_listener(recorder("distributed object"))

            name = _unique("listened")
            await client.get_map(name)
            await _until(lambda: any(e.name == name for _, e in calls["distributed object"]), 20, "created event")

            # A member joins: its event comes from the cluster, read on the loop,
            # while this member starts in a thread that is not the loop's.
            joined = await asyncio.to_thread(cluster.start_member)
            await _until(lambda: calls["membership"], 30, "member added event")
            if joined.uuid is not None:  # as the member's log tells it
                assert str(calls["membership"][0][1].uuid) == joined.uuid
        finally:
            await client.shutdown()
        assert [e for _, e in calls["lifecycle"]][-1] == S.SHUTDOWN
        for kind, recorded in calls.items():
            assert recorded, "no %s event" % kind
            threads = {ident for ident, _ in recorded}
            assert threads == {loop_thread}, "%s listener ran on %s, not on the loop's thread %s" % (
                kind, threads, loop_thread)

    _run(main())


# -- a blocking call on the loop -------------------------------------------------------


class _Watchdog:
    """Fails a Future still pending after ``seconds``, so that a wait that would
    hang the loop's thread forever ends, and the test reports it."""

    def __init__(self, future, seconds=3.0):
        self.fired = False
        self._future = future
        self._timer = threading.Timer(seconds, self._fire)

    def _fire(self):
        if not self._future.done():
            self.fired = True
            self._future.cancel_with(AssertionError("the wait on the loop's thread hung"))

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()
        self._timer.join()


def test_a_blocking_wait_on_the_loop_fails_at_once_and_the_client_keeps_working(hz_cluster):
    config = hz_cluster.client_config()

    async def main():
        async with HazelcastClient(**config) as client:
            m = await client.get_map(_unique("blocking-on-loop"))
            await m.set("k", "v")
            future = m._proxy.get("k")  # the core proxy's Future, pending
            assert not future.done()
            started = time.monotonic()
            with _Watchdog(future) as watchdog:
                with pytest.raises(RuntimeError, match="await") as raised:
                    future.result()
            elapsed = time.monotonic() - started
            assert not watchdog.fired, "future.result() hung on the loop's thread"
            assert elapsed < 0.5, elapsed
            assert "event loop" in str(raised.value)
            # Nothing is lost: the Future completes, and the client goes on.
            assert await future == "v"
            assert await m.get("k") == "v"
            await m.set("k2", "v2")
            assert await m.get_all(["k", "k2"]) == {"k": "v", "k2": "v2"}

    _run(main())


def test_a_blocking_wait_on_a_combined_future_fails_at_once(hz_cluster):
    config = hz_cluster.client_config()

    async def main():
        async with HazelcastClient(**config) as client:
            m = await client.get_map(_unique("blocking-combined"))
            await m.put_all({i: i for i in range(50)})
            future = m._proxy.get_all(list(range(50)))  # one invocation per partition, combined
            assert not future.done()
            with _Watchdog(future) as watchdog:
                try:
                    future.result()
                except BaseException as e:  # what it raises is the point
                    raised = e
                else:
                    raised = None
            assert not watchdog.fired, "future.result() hung on the loop's thread"
            assert isinstance(raised, RuntimeError), raised
            assert await m.get(0) == 0

    _run(main())


# -- many tasks at once ----------------------------------------------------------------


def test_256_tasks_each_doing_50_set_get_pairs(any_cluster):
    config = any_cluster.client_config()
    tasks, pairs = 256, 50

    async def main():
        async with HazelcastClient(**config) as client:
            m = await client.get_map(_unique("concurrency"))

            async def worker(w):
                wrong = []
                for i in range(pairs):
                    key, value = "%d-%d" % (w, i), "value-%d-%d" % (w, i)
                    await m.set(key, value)
                    got = await m.get(key)
                    if got != value:
                        wrong.append((key, got))
                return wrong

            results = await asyncio.gather(*(worker(w) for w in range(tasks)))
            wrong = [item for result in results for item in result]
            assert wrong == [], "%d wrong values, e.g. %s" % (len(wrong), wrong[:5])
            assert await m.size() == tasks * pairs
            sample = ["%d-%d" % (w, i) for w in range(0, tasks, 17) for i in range(0, pairs, 7)]
            assert await m.get_all(sample) == {k: "value-" + k for k in sample}
            assert client._runtime.invocation_service.pending_count() == 0

    _run(main())


# -- uvloop ----------------------------------------------------------------------------


async def _basic_scenario(config, expected_loop_type):
    """Put/get, a lifecycle, a membership and a distributed object listener."""
    assert isinstance(asyncio.get_running_loop(), expected_loop_type), type(asyncio.get_running_loop())
    loop_thread = threading.get_ident()
    calls = []

    def record(event):
        calls.append((threading.get_ident(), event))

    # Short connection timeouts: a client that cannot connect fails in seconds (a
    # local member answers in milliseconds).
    async with HazelcastClient(
        lifecycle_listeners=[record], connection_timeout=3, cluster_connect_timeout=5, **config
    ) as client:
        client.cluster_service.add_listener(member_added=record, fire_for_existing=True)
        await client.add_distributed_object_listener(record)
        name = _unique("scenario")
        m = await client.get_map(name)
        assert await m.put("k", "v") is None
        assert await m.put("k", "w") == "v"
        assert await m.get("k") == "w"
        await m.put_all({i: i * i for i in range(100)})
        assert await m.get_all(list(range(100))) == {i: i * i for i in range(100)}
        assert sorted(await m.key_set(), key=str) == sorted(["k"] + list(range(100)), key=str)
        await _until(lambda: any(getattr(e, "name", None) == name for _, e in calls), 20, "created event")
    assert [e for _, e in calls if isinstance(e, str)][-1] == S.SHUTDOWN
    assert {ident for ident, _ in calls} == {loop_thread}


def test_basic_scenario_on_the_default_loop(hz_cluster):
    _run(_basic_scenario(hz_cluster.client_config(), asyncio.BaseEventLoop))


@pytest.mark.skipif(
    platform.python_implementation() != "CPython", reason="uvloop builds for CPython only (the set-up installs it there)"
)
def test_basic_scenario_on_uvloop(hz_cluster):
    assert uvloop is not None, "uvloop is part of the test set-up on CPython (tools/setup.sh)"
    _run(_basic_scenario(hz_cluster.client_config(), uvloop.Loop), loop_factory=uvloop.new_event_loop)
