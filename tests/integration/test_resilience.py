"""Reconnection, invocation timeouts and retries, redo_operation, heartbeats and
backup acknowledgements, against real members."""

from __future__ import annotations

import time

import pytest

import hazelcast
from hazelcast.errors import (
    ClientOfflineError,
    HazelcastClientNotActiveError,
    IndeterminateOperationStateError,
    OperationTimeoutError,
    TargetDisconnectedError,
)
from hazelcast.lifecycle import LifecycleState

from client_faces import FACES, start_client
from tcp_proxy import StallingProxy
from waiting import wait_until

S = LifecycleState


def _count_sends(client):
    service = client._invocation_service
    original = service._send
    sent = []

    def send(invocation):
        sent.append(invocation)
        original(invocation)

    service._send = send
    return sent


# -- reconnect modes and cluster restarts ---------------------------------------------
# Each runs with the threaded client and with the asyncio client (driven from this
# thread by client_faces.AsyncioClientDriver): one test body, the blocking surface.


@pytest.mark.parametrize("face", FACES)
def test_reconnect_mode_off_shuts_the_client_down_when_the_cluster_is_lost(cluster_factory, face):
    cluster = cluster_factory(member_count=1)
    states = []
    client = start_client(face, reconnect_mode="OFF", lifecycle_listeners=[states.append], **cluster.client_config())
    try:
        m = client.get_map("off").blocking()
        m.put(1, 1)
        cluster.members[0].kill()
        wait_until(lambda: S.SHUTDOWN in states, 10, "SHUTDOWN")
        assert states == [S.STARTING, S.STARTED, S.CONNECTED, S.DISCONNECTED, S.SHUTTING_DOWN, S.SHUTDOWN]
        assert not client.lifecycle_service.is_running()
        with pytest.raises(HazelcastClientNotActiveError):
            m.get(1)
    finally:
        client.shutdown()  # shut down already: stops the asyncio face's loop


@pytest.mark.parametrize("face", FACES)
def test_finite_cluster_connect_timeout_ends_reconnection_with_a_shutdown(cluster_factory, face):
    cluster = cluster_factory(member_count=1)
    states = []
    client = start_client(
        face, cluster_connect_timeout=1.5, retry_initial_backoff=0.1, lifecycle_listeners=[states.append],
        **cluster.client_config()
    )
    try:
        cluster.members[0].kill()
        wait_until(lambda: S.DISCONNECTED in states, 10, "DISCONNECTED")
        lost = time.monotonic()
        wait_until(lambda: S.SHUTDOWN in states, 10, "SHUTDOWN")
        assert 1.3 < time.monotonic() - lost < 4
        assert states[-2:] == [S.SHUTTING_DOWN, S.SHUTDOWN]
    finally:
        client.shutdown()


@pytest.mark.parametrize("face", FACES)
def test_reconnect_mode_async_fails_fast_while_offline_and_reconnects(cluster_factory, face):
    cluster = cluster_factory(member_count=1)
    states = []
    client = start_client(
        face, reconnect_mode="ASYNC", retry_initial_backoff=0.1, retry_max_backoff=0.3,
        lifecycle_listeners=[states.append], **cluster.client_config()
    )
    try:
        m = client.get_map("async").blocking()
        m.put(1, 1)
        cluster.members[0].kill()
        wait_until(lambda: S.DISCONNECTED in states, 10, "DISCONNECTED")
        started = time.monotonic()
        with pytest.raises(ClientOfflineError):
            m.put(2, 2)
        assert time.monotonic() - started < 0.5
        assert client.lifecycle_service.is_running()
        cluster.members[0].restart()
        wait_until(lambda: states.count(S.CONNECTED) == 2, 20, "CONNECTED again")
        m.put(2, 2)
        assert m.get(2) == 2
        assert states == [S.STARTING, S.STARTED, S.CONNECTED, S.DISCONNECTED, S.CONNECTED]
    finally:
        client.shutdown()


@pytest.mark.parametrize("face", FACES)
def test_whole_cluster_restart_reconnects_and_reregisters_listeners(cluster_factory, face):
    cluster = cluster_factory(member_count=1)
    states = []
    client = start_client(
        face,
        invocation_timeout=3,
        invocation_retry_pause=0.2,
        retry_initial_backoff=0.1,
        retry_max_backoff=0.5,
        lifecycle_listeners=[states.append],
        **cluster.client_config()
    )
    try:
        events = []
        client.add_distributed_object_listener(events.append).result()
        members_added = []
        client.cluster_service.add_listener(members_added.append)
        m = client.get_map("before-restart").blocking()
        m.put(1, 1)
        old_uuid = client.cluster_service.get_members()[0].uuid
        cluster.members[0].kill()
        wait_until(lambda: S.DISCONNECTED in states, 10, "DISCONNECTED")

        # While the cluster is away, a call is retried every invocation_retry_pause
        # until invocation_timeout, then fails with OperationTimeoutError.
        sent = _count_sends(client)
        started = time.monotonic()
        with pytest.raises(OperationTimeoutError):
            m.get(1)
        elapsed = time.monotonic() - started
        assert 2.5 < elapsed < 4.5
        assert len(sent) >= 8, "%d attempts in %.1f s with a 0.2 s retry pause" % (len(sent), elapsed)

        restarted = time.monotonic()
        cluster.members[0].restart()
        wait_until(lambda: states.count(S.CONNECTED) == 2, 20, "reconnected")
        print("reconnected %.2f s after the member restart began" % (time.monotonic() - restarted))
        # The new cluster's member list replaces the old one.
        wait_until(lambda: client.cluster_service.get_members()[0].uuid != old_uuid, 10, "new member list")
        (member,) = client.cluster_service.get_members()
        assert member.uuid != old_uuid and members_added[-1].uuid == member.uuid

        # The listener was registered again on the new cluster.
        events.clear()
        client.get_map("after-restart").blocking().put(1, 1)
        wait_until(lambda: any(e.name == "after-restart" for e in events), 10, "created event")
        m.put(2, 2)
        assert m.get(2) == 2
        assert states == [S.STARTING, S.STARTED, S.CONNECTED, S.DISCONNECTED, S.CONNECTED]
    finally:
        client.shutdown()


# -- invocation timeout, redo_operation, heartbeats ----------------------------------


def _client_through_proxy(cluster, proxy, **options):
    options.setdefault("heartbeat_interval", 0.5)
    options.setdefault("heartbeat_timeout", 2)
    return hazelcast.HazelcastClient(
        cluster_name=cluster.cluster_name,
        cluster_members=[proxy.address],
        shuffle_member_list=False,
        retry_initial_backoff=0.1,
        **options
    )


def test_invocation_timeout_fails_a_call_that_gets_no_answer(hz_cluster):
    member = hz_cluster.members[0]
    with StallingProxy(member.host, member.port) as proxy:
        client = _client_through_proxy(hz_cluster, proxy, invocation_timeout=1.5, heartbeat_timeout=60)
        try:
            m = client.get_map("invocation-timeout")
            m.put(1, 1).result()
            proxy.stall()
            started = time.monotonic()
            with pytest.raises(OperationTimeoutError):
                m.get(1).result()
            assert 1.4 < time.monotonic() - started < 3.2
            proxy.resume()
            assert m.get(1).result() == 1
        finally:
            client.shutdown()


@pytest.mark.parametrize("redo_operation", [False, True])
def test_heartbeat_timeout_closes_a_stalled_connection_and_redo_operation_decides_retries(hz_cluster, redo_operation):
    member = hz_cluster.members[0]
    with StallingProxy(member.host, member.port) as proxy:
        states = []
        client = _client_through_proxy(hz_cluster, proxy, redo_operation=redo_operation, lifecycle_listeners=[states.append])
        try:
            m = client.get_map("redo-%s" % redo_operation)
            m.put("warm", 1).result()
            (stalled,) = client._connection_manager.active_connections.values()
            proxy.stall()
            stalled_at = time.monotonic()
            put = m.put("k", "v")  # not idempotent: retried only with redo_operation
            get = m.get("warm")  # read-only: always retried
            wait_until(lambda: not stalled.live, 10, "heartbeat timeout")
            detected = time.monotonic() - stalled_at
            assert 1.9 < detected < 3.6, detected
            assert "Heartbeat" in stalled.close_reason
            assert get.result() == 1
            if redo_operation:
                assert put.result() is None
                assert m.get("k").result() == "v"
            else:
                with pytest.raises(TargetDisconnectedError):
                    put.result()
            # The client went straight to the member's own address.
            (connection,) = client._connection_manager.active_connections.values()
            assert connection is not stalled and connection.remote_address.port == member.port
            assert S.DISCONNECTED in states and states.count(S.CONNECTED) == 2
        finally:
            client.shutdown()


# -- backup acknowledgements ---------------------------------------------------------


def _smart_client(cluster, **options):
    client = hazelcast.HazelcastClient(**dict(cluster.client_config(), **options))
    manager = client._connection_manager
    wait_until(lambda: len(manager.active_connections) == len(cluster.members), 20, "all connections")
    client.get_map("assign-partitions").blocking().set(0, 0)  # members assign partitions on first use
    wait_until(lambda: all(client.partition_service.get_partition_owner(p) for p in range(271)), 20, "partition table")
    return client


def _record_backup_acks(client):
    service = client._invocation_service
    original = service._on_backup_ack
    acks = []

    def on_ack(correlation_id):
        acks.append(correlation_id)
        original(correlation_id)

    service._on_backup_ack = on_ack
    return acks


@pytest.mark.parametrize(
    "options, acks_expected",
    [({}, True), ({"backup_ack_to_client_enabled": False}, False), ({"smart_routing": False}, False)],
    ids=["smart-default", "disabled", "unisocket"],
)
def test_backup_acks_come_to_smart_clients_only_when_enabled(hz_cluster3, options, acks_expected):
    client = _smart_client(hz_cluster3, **options) if options.get("smart_routing", True) else hazelcast.HazelcastClient(
        **dict(hz_cluster3.client_config(), **options)
    )
    try:
        acks = _record_backup_acks(client)
        m = client.get_map("backup-acks-%s" % "-".join(options) or "default").blocking()
        for i in range(50):
            m.set(i, i)
        assert sum(m.get(i) for i in range(50)) == sum(range(50))
        if acks_expected:
            # Every map has one synchronous backup here: one ack per write.
            wait_until(lambda: len(acks) >= 50, 5, "50 backup acks")
        else:
            assert acks == []
    finally:
        client.shutdown()


@pytest.mark.parametrize("fail_on_indeterminate", [True, False])
def test_missing_backup_acks_wait_operation_backup_timeout(hz_cluster3, fail_on_indeterminate):
    client = _smart_client(
        hz_cluster3, operation_backup_timeout=0.5, fail_on_indeterminate_operation_state=fail_on_indeterminate
    )
    try:
        m = client.get_map("indeterminate-%s" % fail_on_indeterminate)
        m.set("warm", 0).result()
        client._invocation_service._on_backup_ack = lambda correlation_id: None  # acks lost on the way
        started = time.monotonic()
        future = m.set("k", 1)
        if fail_on_indeterminate:
            with pytest.raises(IndeterminateOperationStateError):
                future.result()
        else:
            assert future.result() is None
        elapsed = time.monotonic() - started
        assert 0.45 < elapsed < 2.5, elapsed  # the timeout, checked once a second
        assert m.get("k").result() == 1  # the primary was written either way
    finally:
        client.shutdown()
