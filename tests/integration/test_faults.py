"""Fault tests: members killed, restarted, stopped or stalled under load, and a client
shut down under load. Each prints what it measured (run with -s to see it)."""

from __future__ import annotations

import os
import threading
import time

import pytest

import hazelcast
from hazelcast.errors import HazelcastClientNotActiveError, HazelcastError

from client_faces import FACES, start_client
from tcp_proxy import StallingProxy
from waiting import wait_until

pytestmark = pytest.mark.slow


def _open_sockets():
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink("/proc/self/fd/" + fd).startswith("socket:"):
                count += 1
        except OSError:
            pass
    return count


class _WriteLoad:
    """Threads writing distinct keys; records what was acknowledged, what failed and
    when each write was acknowledged."""

    def __init__(self, m, threads=4, prefix="w"):
        self._map = m
        self.acknowledged = {}
        self.failures = []
        self.ack_times = []
        self.started_at = {}  # key -> when its write was sent (acknowledged keys)
        self.acked_at = {}  # key -> when its write was acknowledged
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=("%s%d" % (prefix, i),), daemon=True) for i in range(threads)
        ]

    def _run(self, worker):
        i = 0
        while not self._stop.is_set():
            key = "%s-%d" % (worker, i)
            started = time.monotonic()
            try:
                self._map.set(key, i)
                acked = time.monotonic()
                self.acknowledged[key] = i
                self.started_at[key] = started
                self.acked_at[key] = acked
                self.ack_times.append(acked)
            except HazelcastError as e:  # not acknowledged: may or may not be stored
                self.failures.append((key, type(e).__name__))
            i += 1

    def start(self):
        for t in self._threads:
            t.start()
        return self

    def stop(self):
        self._stop.set()
        for t in self._threads:
            t.join(60)
        assert not any(t.is_alive() for t in self._threads)

    def acks_after(self, moment):
        return sum(1 for t in self.ack_times if t > moment)

    def longest_gap_after(self, moment):
        times = sorted(t for t in self.ack_times if t > moment - 0.001)
        times = [moment] + times
        return max((b - a for a, b in zip(times, times[1:])), default=float("inf"))

    def lost(self):
        return [k for k, v in self.acknowledged.items() if self._map.get(k) != v]


def _report(name, **values):
    print("\nFAULT %s: %s" % (name, ", ".join("%s=%s" % item for item in values.items())))


@pytest.mark.parametrize("face", FACES)
def test_kill_one_of_three_members_under_write_load(cluster_factory, face):
    # With the asyncio face, the writer threads call the driver's blocking face: each
    # call runs on the client's loop (run_coroutine_threadsafe), so the same load
    # drives both clients.
    cluster = cluster_factory(member_count=3, map_configs={"faults*": {"backup_count": 1}})
    # With the default (False), a write whose primary answered and then died before
    # its backup acked is acknowledged after operation_backup_timeout and may be gone;
    # True turns that narrow case into an IndeterminateOperationStateError.
    # Writes whose backup was on the killed member wait operation_backup_timeout for
    # an ack that never comes; a short one keeps that pause short.
    client = start_client(
        face, fail_on_indeterminate_operation_state=True, operation_backup_timeout=1, **cluster.client_config()
    )
    try:
        m = client.get_map("faults-kill").blocking()
        load = _WriteLoad(m).start()
        time.sleep(2)
        killed_at = time.monotonic()
        cluster.members[1].kill()
        time.sleep(4)
        load.stop()
        wait_until(lambda: len(client.cluster_service.get_members()) == 2, 20, "member removed")
        lost = load.lost()
        found = len(load.acknowledged) - len(lost)
        _report(
            "kill-9",
            acknowledged=len(load.acknowledged),
            found=found,
            failed_calls=len(load.failures),
            failure_types=sorted({t for _, t in load.failures}),
            acks_after_kill=load.acks_after(killed_at),
            longest_pause_s="%.2f" % load.longest_gap_after(killed_at),
        )
        assert lost == [], "%d of %d acknowledged writes lost" % (len(lost), len(load.acknowledged))
        assert load.acks_after(killed_at + 2) > 100  # the load went on with the survivors
        assert m.size() >= len(load.acknowledged)
    finally:
        client.shutdown()


def test_whole_cluster_restart_under_load(cluster_factory):
    cluster = cluster_factory(member_count=2)
    client = hazelcast.HazelcastClient(
        retry_initial_backoff=0.1,
        retry_max_backoff=0.5,
        invocation_retry_pause=0.2,
        # A write whose primary answered just before the kill but whose backup never
        # acked would otherwise be acknowledged after operation_backup_timeout, and
        # be lost with the whole cluster: make it fail instead.
        fail_on_indeterminate_operation_state=True,
        operation_backup_timeout=2,
        **cluster.client_config()
    )
    try:
        m = client.get_map("faults-restart").blocking()
        load = _WriteLoad(m).start()
        time.sleep(1.5)
        cluster.shutdown()  # kills every member at once
        killed_at = time.monotonic()
        # One after the other, as an operator restarts a cluster: members started
        # together may each form a cluster of their own and merge later.
        cluster.members[0].start()
        cluster.members[0].wait_started()
        first_up = time.monotonic()
        cluster.members[1].start()
        cluster.members[1].wait_started()
        cluster.wait_for_size(2)
        all_up = time.monotonic()
        wait_until(lambda: load.acks_after(first_up) > 0, 60, "a write after the restart")
        resumed_at = min(t for t in load.ack_times if t > first_up)
        time.sleep(2)
        load.stop()
        # Acknowledged while no member was up: must be none.
        # No write may be acknowledged while no member is up; one sent during the
        # outage is retried and may be acknowledged by the new cluster, and must
        # then be found like every write sent after the kill.
        indeterminate = {k for k, t in load.acked_at.items() if killed_at < t < first_up}
        after_restart = _keys_sent_after(load, killed_at)
        lost = [k for k in after_restart if m.get(k) != load.acknowledged[k]]
        _report(
            "whole-cluster-restart",
            first_member_up_after_kill_s="%.2f" % (first_up - killed_at),
            both_up_after_kill_s="%.2f" % (all_up - killed_at),
            first_write_after_first_member_up_s="%.2f" % (resumed_at - first_up),
            acked_during_outage=len(indeterminate),
            acks_after_restart=len(after_restart),
            found_after_restart=len(after_restart) - len(lost),
            failed_calls=len(load.failures),
            failure_types=sorted({t for _, t in load.failures}),
        )
        assert lost == []
        assert not indeterminate
        assert load.acks_after(all_up) > 100
        assert len(client.cluster_service.get_members()) == 2
    finally:
        client.shutdown()


def _keys_sent_after(load, moment):
    # A write sent after `moment` can only have reached a member started after it;
    # one sent before may have been acknowledged by the cluster that was killed
    # (its acknowledgement read a little later), and is rightly gone with it.
    return {k for k, t in load.started_at.items() if t > moment}


def test_graceful_member_stop_with_listeners_registered(cluster_factory):
    cluster = cluster_factory(member_count=3)
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        manager = client._connection_manager
        wait_until(lambda: len(manager.active_connections) == 3, 20, "3 connections")
        object_events, removed = [], []
        client.add_distributed_object_listener(object_events.append).result()
        client.cluster_service.add_listener(member_removed=removed.append)
        m = client.get_map("faults-graceful").blocking()
        load = _WriteLoad(m).start()
        created = []

        def create_maps():
            i = 0
            while not stop_creating.is_set():
                name = "graceful-created-%d" % i
                try:
                    client.get_map(name)
                    created.append((time.monotonic(), name))
                except HazelcastError:
                    pass
                i += 1
                time.sleep(0.05)

        stop_creating = threading.Event()
        creator = threading.Thread(target=create_maps, daemon=True)
        creator.start()
        time.sleep(1)
        stopping = cluster.members[2]
        stop_started = time.monotonic()
        stopping.shutdown()
        stopped = time.monotonic()
        time.sleep(2)
        stop_creating.set()
        creator.join(10)
        load.stop()
        wait_until(lambda: len(removed) == 1, 10, "member removed event")
        names_after = {name for t, name in created if t > stopped}
        wait_until(lambda: names_after <= {e.name for e in object_events}, 10, "events for maps created after the stop")
        lost = load.lost()
        _report(
            "graceful-stop",
            stop_took_s="%.2f" % (stopped - stop_started),
            maps_created_after_stop=len(names_after),
            their_events_received=len(names_after & {e.name for e in object_events}),
            acknowledged=len(load.acknowledged),
            found=len(load.acknowledged) - len(lost),
            failed_calls=len(load.failures),
            failure_types=sorted({t for _, t in load.failures}),
            longest_pause_s="%.2f" % load.longest_gap_after(stop_started),
        )
        assert len(names_after) > 10
        assert lost == []
        # Migrations are retried; only a write in flight when the member closed its
        # connection fails, clearly (not retried: redo_operation is off).
        assert {t for _, t in load.failures} <= {"TargetDisconnectedError"}
        assert len(load.failures) <= 8
        assert len(manager.active_connections) == 2
    finally:
        client.shutdown()


def test_stalled_member_is_dropped_by_heartbeat_and_load_continues(hz_cluster3):
    member = hz_cluster3.members[0]
    with StallingProxy(member.host, member.port) as proxy:
        client = hazelcast.HazelcastClient(
            cluster_name=hz_cluster3.cluster_name,
            cluster_members=[proxy.address],
            heartbeat_interval=0.5,
            heartbeat_timeout=2,
            invocation_retry_pause=0.2,
            # Backups on the stalled member cannot ack until the client reconnects
            # to it: such writes wait this long, then complete.
            operation_backup_timeout=1,
        )
        try:
            manager = client._connection_manager
            wait_until(lambda: len(manager.active_connections) == 3, 20, "3 connections")
            proxied = [c for c in manager.active_connections.values() if c.remote_address.port == member.port]
            (stalled,) = proxied
            m = client.get_map("faults-stall").blocking()
            load = _WriteLoad(m).start()
            time.sleep(1)
            stalled_at = time.monotonic()
            proxy.stall()
            wait_until(lambda: not stalled.live, 10, "heartbeat timeout")
            detected = time.monotonic() - stalled_at
            wait_until(lambda: len(manager.active_connections) == 3, 20, "reconnected to the stalled member directly")
            reconnected = time.monotonic() - stalled_at
            time.sleep(2)
            load.stop()
            lost = load.lost()
            _report(
                "stalled-member",
                detected_after_s="%.2f" % detected,
                connection_back_after_s="%.2f" % reconnected,
                acknowledged=len(load.acknowledged),
                found=len(load.acknowledged) - len(lost),
                failed_calls=len(load.failures),
                failure_types=sorted({t for _, t in load.failures}),
                longest_pause_s="%.2f" % load.longest_gap_after(stalled_at),
            )
            assert 1.9 < detected < 3.6
            assert lost == []
            # Writes in flight on the stalled connection fail clearly (they may have
            # been applied: not retried without redo_operation); no other kind of failure.
            assert {t for _, t in load.failures} <= {"TargetDisconnectedError"}
            assert load.acks_after(stalled_at + reconnected + 1) > 100
        finally:
            client.shutdown()


def test_shutdown_during_load_is_prompt_and_leaves_nothing(hz_cluster3):
    threads_before = set(threading.enumerate())
    sockets_before = _open_sockets()
    client = hazelcast.HazelcastClient(**hz_cluster3.client_config())
    wait_until(lambda: len(client._connection_manager.active_connections) == 3, 20, "3 connections")
    m = client.get_map("faults-shutdown")
    pending = []
    errors = []
    stop = threading.Event()

    def writer(worker):
        i = 0
        while not stop.is_set():
            try:
                pending.append(m.set("%d-%d" % (worker, i), i))
            except HazelcastClientNotActiveError:
                return
            except Exception as e:  # anything else is a bug
                errors.append(e)
                return
            i += 1
            if i % 200 == 0:
                try:
                    pending[-1].result()  # keep the backlog bounded
                except HazelcastClientNotActiveError:
                    return  # the shutdown this test makes

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    started = time.monotonic()
    client.shutdown()
    took = time.monotonic() - started
    stop.set()
    for t in threads:
        t.join(10)
    outcomes = {"ok": 0, "not_active": 0, "other": 0}
    for f in pending:
        assert f.done()
        e = f.exception()
        if e is None:
            outcomes["ok"] += 1
        elif isinstance(e, HazelcastClientNotActiveError):
            outcomes["not_active"] += 1
        else:
            outcomes["other"] += 1
    leftover = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    _report("shutdown-under-load", shutdown_took_s="%.3f" % took, calls=len(pending), **outcomes)
    assert took < 2
    assert errors == []
    assert outcomes["other"] == 0
    assert outcomes["ok"] > 100
    assert leftover == []
    assert _open_sockets() == sockets_before
