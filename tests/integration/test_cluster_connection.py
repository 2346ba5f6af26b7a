"""Network options: candidates, shuffling, timeouts, backoff, socket options, public
addresses, asynchronous start, and connections following the members."""

from __future__ import annotations

import socket
import statistics as stats
import threading
import time

import pytest

import hazelcast
from hazelcast.core import Address, EndpointQualifier, ProtocolType
from hazelcast.errors import ClientOfflineError, IllegalStateError
from hazelcast.lifecycle import LifecycleState

from tcp_proxy import StallingProxy
from waiting import wait_until


class _FakeMember:
    """A loopback server that records when clients connect, and then either closes
    the connection at once (a member that refuses the client) or stays silent."""

    def __init__(self, silent=False):
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(16)
        self._server.settimeout(0.05)
        self.port = self._server.getsockname()[1]
        self.address = "127.0.0.1:%d" % self.port
        self.accepts = []
        self._silent = silent
        self._held = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.accepts.append(time.monotonic())
            if self._silent:
                self._held.append(conn)
            else:
                conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(5)
        for s in self._held + [self._server]:
            s.close()


@pytest.fixture
def fake_members():
    made = []

    def make(count=1, silent=False):
        new = [_FakeMember(silent) for _ in range(count)]
        made.extend(new)
        return new

    yield make
    for m in made:
        m.close()


def _gaps(times):
    return [b - a for a, b in zip(times, times[1:])]


# -- start-up: candidates, order, timeouts, backoff ----------------------------------


def test_several_candidates_dead_ones_are_skipped(hz_cluster, fake_members):
    dead = fake_members(2)
    config = hz_cluster.client_config()
    config["cluster_members"] = [dead[0].address, dead[1].address] + config["cluster_members"]
    client = hazelcast.HazelcastClient(shuffle_member_list=False, retry_initial_backoff=0.1, **config)
    try:
        # Tried in the given order: each refusing candidate was contacted once first.
        assert len(dead[0].accepts) == 1 and len(dead[1].accepts) == 1
        assert dead[0].accepts[0] <= dead[1].accepts[0]
        assert client.get_map("candidates").blocking().put("k", 1) is None
    finally:
        client.shutdown()


def _attempt_orders(fake_members, shuffle):
    members = fake_members(3)
    by_port = {m.port: i for i, m in enumerate(members)}
    client = hazelcast.HazelcastClient(
        cluster_members=[m.address for m in members],
        shuffle_member_list=shuffle,
        async_start=True,
        retry_initial_backoff=0.05,
        retry_multiplier=1,
    )
    try:
        wait_until(lambda: all(len(m.accepts) >= 8 for m in members), timeout=20, message="8 rounds of attempts")
    finally:
        client.shutdown()
    events = sorted((t, by_port[m.port]) for m in members for t in m.accepts[:8])
    order = [index for _, index in events]
    return [tuple(order[i : i + 3]) for i in range(0, 24, 3)]


def test_candidates_are_tried_in_the_given_order_without_shuffling(fake_members):
    rounds = _attempt_orders(fake_members, shuffle=False)
    assert set(rounds) == {(0, 1, 2)}


def test_shuffle_member_list_varies_the_order(fake_members):
    rounds = _attempt_orders(fake_members, shuffle=True)
    assert all(sorted(r) == [0, 1, 2] for r in rounds)  # every candidate once a round
    assert len(set(rounds)) > 1


def test_backoff_grows_by_the_multiplier_up_to_the_maximum(fake_members):
    (member,) = fake_members(1)
    started = time.monotonic()
    with pytest.raises(IllegalStateError, match="cluster_connect_timeout=2.4"):
        hazelcast.HazelcastClient(
            cluster_members=[member.address],
            retry_initial_backoff=0.2,
            retry_multiplier=2,
            retry_max_backoff=0.5,
            retry_jitter=0,
            cluster_connect_timeout=2.4,
        )
    elapsed = time.monotonic() - started
    gaps = _gaps(member.accepts)
    assert 2.3 < elapsed < 3.5
    assert len(gaps) >= 4, gaps
    for gap, expected in zip(gaps, [0.2, 0.4, 0.5, 0.5, 0.5]):
        assert expected - 0.02 < gap < expected + 0.15, gaps


def test_backoff_jitter_randomizes_each_wait_within_its_bounds(fake_members):
    (member,) = fake_members(1)
    with pytest.raises(IllegalStateError):
        hazelcast.HazelcastClient(
            cluster_members=[member.address],
            retry_initial_backoff=0.2,
            retry_multiplier=1,
            retry_jitter=0.5,
            cluster_connect_timeout=2.5,
        )
    gaps = _gaps(member.accepts)
    assert len(gaps) >= 6, gaps
    # The last wait may be cut short by cluster_connect_timeout.
    assert all(0.09 < g < 0.45 for g in gaps[:-1]), gaps  # 0.2 +- 50 %, plus the attempt itself
    assert stats.pstdev(gaps) > 0.01, gaps  # without jitter they are all 0.2


def test_cluster_connect_timeout_minus_one_keeps_trying(fake_members):
    (member,) = fake_members(1)
    client = hazelcast.HazelcastClient(
        cluster_members=[member.address], async_start=True, retry_initial_backoff=0.1, retry_multiplier=1
    )
    try:
        time.sleep(2.5)
        assert client.lifecycle_service.is_running()
        count = len(member.accepts)
        assert count >= 10
        time.sleep(0.5)
        assert len(member.accepts) > count  # still trying
    finally:
        client.shutdown()


def test_connection_timeout_bounds_a_connect_that_gets_no_answer():
    # A listener whose accept queue is full: the kernel drops new SYNs, so a
    # connect blocks until its timeout.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    try:
        for _ in range(2):
            s = socket.socket()
            s.settimeout(0.2)
            try:
                s.connect(("127.0.0.1", port))
            except OSError:
                pass
            fillers.append(s)
        started = time.monotonic()
        with pytest.raises(IllegalStateError):
            hazelcast.HazelcastClient(
                cluster_members=["127.0.0.1:%d" % port],
                connection_timeout=0.4,
                retry_initial_backoff=0.1,
                cluster_connect_timeout=1.2,
            )
        # Without the timeout the first connect alone would block for minutes.
        assert time.monotonic() - started < 3
    finally:
        for s in fillers + [server]:
            s.close()


def test_connection_timeout_bounds_a_member_that_never_answers_authentication(fake_members):
    (member,) = fake_members(1, silent=True)
    with pytest.raises(IllegalStateError):
        hazelcast.HazelcastClient(
            cluster_members=[member.address],
            connection_timeout=1,
            retry_initial_backoff=0.1,
            cluster_connect_timeout=2.6,
        )
    gaps = _gaps(member.accepts)
    # With the default 5 s timeout only one attempt fits.
    assert len(member.accepts) >= 2
    assert 0.9 < gaps[0] < 1.6, gaps


# -- async start -----------------------------------------------------------------


def test_async_start_returns_at_once_and_is_offline_until_connected(hz_cluster):
    member = hz_cluster.members[0]
    with StallingProxy(member.host, member.port) as proxy:
        proxy.stall()
        states = []
        started = time.monotonic()
        client = hazelcast.HazelcastClient(
            cluster_name=hz_cluster.cluster_name,
            cluster_members=[proxy.address],
            async_start=True,
            lifecycle_listeners=[states.append],
        )
        try:
            assert time.monotonic() - started < 0.5
            with pytest.raises(ClientOfflineError):
                client.get_map("async-start")  # creating the proxy needs the cluster
            assert LifecycleState.CONNECTED not in states
            proxy.resume()
            wait_until(lambda: LifecycleState.CONNECTED in states, timeout=20, message="CONNECTED")
            m = client.get_map("async-start")
            m.put("k", "v").result()
            assert m.get("k").result() == "v"
        finally:
            client.shutdown()


# -- socket options and public addresses ----------------------------------------------


def test_socket_options_are_applied_to_every_connection(hz_cluster3):
    options = [
        (socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1),
        (socket.SOL_SOCKET, socket.SO_SNDBUF, 96 * 1024),
        (socket.SOL_SOCKET, socket.SO_RCVBUF, 80 * 1024),
    ]
    client = hazelcast.HazelcastClient(socket_options=options, **hz_cluster3.client_config())
    try:
        manager = client._connection_manager
        wait_until(lambda: len(manager.active_connections) == 3, timeout=20, message="3 connections")
        for connection in manager.active_connections.values():
            sock = connection._socket
            assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
            # Linux doubles the buffer sizes it is given (bookkeeping overhead).
            assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) in (96 * 1024, 2 * 96 * 1024)
            assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) in (80 * 1024, 2 * 80 * 1024)
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        client.shutdown()


_PUBLIC = EndpointQualifier(ProtocolType.CLIENT, "public")


@pytest.mark.parametrize("use_public_ip", [True, False])
def test_use_public_ip_connects_to_the_address_members_report_as_public(hz_cluster, use_public_ip):
    # The members of the harness cannot report a public address (that takes a
    # discovery plugin), so the member list is amended with one: a proxy in front
    # of the member, which is where a client asked to use public addresses must go.
    member = hz_cluster.members[0]
    with StallingProxy(member.host, member.port) as proxy:
        client = hazelcast.HazelcastClient(
            use_public_ip=use_public_ip, shuffle_member_list=False, **hz_cluster.client_config()
        )
        try:
            internal = client._internal_cluster
            (info,) = internal.get_members()
            info.address_map = dict(info.address_map)
            info.address_map[_PUBLIC] = Address("127.0.0.1", proxy.port)
            states = []
            client.lifecycle_service.add_listener(states.append)
            for connection in list(client._connection_manager.active_connections.values()):
                connection.close("test: reconnect", None)
            wait_until(lambda: LifecycleState.CONNECTED in states, timeout=20, message="reconnected")
            (connection,) = client._connection_manager.active_connections.values()
            if use_public_ip:
                assert proxy.accepted == 1
                assert connection.remote_address is not None
            else:
                assert proxy.accepted == 0
            m = client.get_map("public-ip-%s" % use_public_ip).blocking()
            m.set(1, 1)
            assert m.get(1) == 1
        finally:
            client.shutdown()


# -- connections follow the members ----------------------------------------------------


@pytest.mark.slow
def test_connections_and_membership_listeners_follow_members_joining_and_leaving(cluster_factory):
    cluster = cluster_factory(member_count=1)
    from_config = []
    client = hazelcast.HazelcastClient(
        membership_listeners=[(lambda m: from_config.append(("added", m)), lambda m: from_config.append(("removed", m)))],
        **cluster.client_config()
    )
    try:
        manager = client._connection_manager
        service = client.cluster_service
        existing, joined, left, removed_listener_calls = [], [], [], []
        service.add_listener(existing.append, None, fire_for_existing=True)
        service.add_listener(joined.append, left.append)
        dead_id = service.add_listener(removed_listener_calls.append, removed_listener_calls.append)
        assert service.remove_listener(dead_id) is True
        assert service.remove_listener(dead_id) is False
        (first_uuid,) = [m.uuid for m in service.get_members()]
        assert [m.uuid for m in existing] == [first_uuid]
        assert len(manager.active_connections) == 1
        assert [e for e, _ in from_config] == ["added"]

        new_member = cluster.start_member()
        wait_until(lambda: len(manager.active_connections) == 2, timeout=20, message="a connection to the new member")
        assert [str(m.address) for m in joined] == [new_member.address]
        assert str(manager.active_connections[joined[0].uuid].remote_address) == new_member.address

        new_member.shutdown()
        wait_until(lambda: len(manager.active_connections) == 1, timeout=20, message="the connection closed")
        wait_until(lambda: left, timeout=20, message="member removed event")
        assert [m.uuid for m in left] == [joined[0].uuid]
        assert [e for e, _ in from_config] == ["added", "added", "removed"]
        assert removed_listener_calls == []
        # The fire_for_existing listener heard of the first member at once, then of the join.
        assert [m.uuid for m in existing] == [first_uuid, joined[0].uuid]
    finally:
        client.shutdown()


@pytest.mark.parametrize("face", ["threaded", "asyncio"])
def test_a_smart_client_is_connected_to_every_member_when_start_returns(hz_cluster3, face):
    # As the official client: listeners added right after the start reach every member.
    from client_faces import start_client

    for _ in range(3):  # a race would show on some starts, not all
        client = start_client(face, **hz_cluster3.client_config())
        try:
            runtime = client._runtime if face == "threaded" else client.client._runtime
            assert len(runtime.connection_manager.active_connections) == 3
        finally:
            client.shutdown()
