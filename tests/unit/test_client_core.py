"""Pure parts of the client core: addresses, scheduler, member list and partition table."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from hazelcast.cluster import _InternalClusterService
from hazelcast.connection import parse_addresses
from hazelcast.core import Address, EndpointQualifier, MemberInfo, MemberVersion, ProtocolType
from hazelcast.partition import _InternalPartitionService
from hazelcast.scheduler import Scheduler


def test_parse_addresses():
    assert parse_addresses(["10.0.0.1:5702"]) == [Address("10.0.0.1", 5702)]
    assert parse_addresses(["localhost"]) == [Address("localhost", p) for p in (5701, 5702, 5703)]
    assert parse_addresses(["[::1]:5705", "[fe80::1]"])[:2] == [Address("::1", 5705), Address("fe80::1", 5701)]


def _member(port, **kwargs):
    return MemberInfo(Address("127.0.0.1", port), uuid.uuid4(), {}, False, MemberVersion(5, 7, 0), **kwargs)


def test_member_client_address_prefers_public_endpoint_when_asked():
    public = Address("203.0.113.9", 31000)
    member = _member(5701, address_map={EndpointQualifier(ProtocolType.CLIENT, "public"): public})
    assert member.client_address(use_public_ip=True) == public
    assert member.client_address(use_public_ip=False) == Address("127.0.0.1", 5701)


def test_scheduler_runs_in_deadline_order_and_cancels():
    scheduler = Scheduler()
    try:
        ran = []
        done = threading.Event()
        scheduler.schedule(0.10, ran.append, "late")
        scheduler.schedule(0.01, ran.append, "early")
        scheduler.schedule(0.05, ran.append, "cancelled").cancel()
        scheduler.schedule(0.15, done.set)
        assert done.wait(5)
        assert ran == ["early", "late"]

        ticks = []
        task = scheduler.schedule_periodic(0.02, lambda: ticks.append(1))
        time.sleep(0.2)
        task.cancel()
        count = len(ticks)
        time.sleep(0.1)
        assert 3 <= count and len(ticks) <= count + 1
    finally:
        scheduler.shutdown()
    assert not scheduler._thread.is_alive()


def test_scheduler_never_misses_a_wake_up_from_racing_threads():
    # Producers hand callbacks over and arm short timers while the thread goes to
    # sleep, times out and wakes: every callback runs exactly once, in the order
    # each producer handed them over, with none left waiting for a later wake-up.
    scheduler = Scheduler()
    try:
        runs = {}
        lock = threading.Lock()

        def record(producer, i):
            with lock:
                runs.setdefault(producer, []).append(i)

        def produce(producer):
            for i in range(2000):
                scheduler.call_soon(record, producer, i)
                if i % 50 == 0:
                    scheduler.schedule(0.0005, lambda: None)
                    time.sleep(0.0002)  # lets the thread fall asleep in between

        producers = [threading.Thread(target=produce, args=(p,)) for p in range(4)]
        for t in producers:
            t.start()
        for t in producers:
            t.join()
        done = threading.Event()
        scheduler.call_soon(done.set)
        assert done.wait(5)
        assert runs == {p: list(range(2000)) for p in range(4)}

        # an idle thread wakes for a lone timer, and for a lone callback
        for _ in range(50):
            woke = threading.Event()
            if _ % 2:
                scheduler.schedule(0.001, woke.set)
            else:
                time.sleep(0.001)
                scheduler.call_soon(woke.set)
            assert woke.wait(2)
    finally:
        scheduler.shutdown()
    assert not scheduler._thread.is_alive()



def test_work_a_reader_runs_in_the_event_threads_role_stays_one_at_a_time_and_in_order():
    # Reader threads take the idle event thread's role and run what they hand over
    # themselves, racing with producers that queue callbacks and timers: every piece
    # of work runs exactly once, in each producer's order, never two at once, and
    # the event thread serves the queue again after each holder of the role.
    scheduler = Scheduler()
    try:
        runs = {}
        on_readers = []
        lock = threading.Lock()
        active = [0]
        overlaps = []

        def record(producer, i):
            with lock:
                active[0] += 1
                if active[0] > 1:
                    overlaps.append((producer, i))
            time.sleep(0)
            with lock:
                active[0] -= 1
                runs.setdefault(producer, []).append(i)
                if threading.current_thread() is not scheduler._thread:
                    on_readers.append(i)

        def reader(producer):
            for i in range(0, 2000, 4):
                work = []
                for j in range(i, i + 4):
                    if work or scheduler.try_reserve():
                        work.append((record, (producer, j)))
                    else:
                        scheduler.call_soon(record, producer, j)
                if work:
                    assert scheduler.in_thread() is False  # only while running it
                    scheduler.run_reserved(work)
                if i % 100 == 0:
                    time.sleep(0.0002)

        def producer(p):
            for i in range(2000):
                scheduler.call_soon(record, p, i)
                if i % 50 == 0:
                    scheduler.schedule(0.0005, lambda: None)
                    time.sleep(0.0002)

        threads = [threading.Thread(target=reader, args=(p,)) for p in ("r1", "r2")]
        threads += [threading.Thread(target=producer, args=(p,)) for p in ("p1", "p2")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        done = threading.Event()
        scheduler.call_soon(done.set)
        assert done.wait(5)
        assert runs == {p: list(range(2000)) for p in ("r1", "r2", "p1", "p2")}
        assert overlaps == []
        assert on_readers  # the role was taken
        assert not scheduler._borrowed
        woke = threading.Event()
        scheduler.schedule(0.001, woke.set)
        assert woke.wait(2)
    finally:
        scheduler.shutdown()
    assert not scheduler._thread.is_alive()

def _voluntary_switches(thread: threading.Thread) -> int:
    with open("/proc/self/task/%d/status" % thread.native_id) as status:
        for line in status:
            if line.startswith("voluntary_ctxt_switches"):
                return int(line.split()[1])
    raise AssertionError("no voluntary_ctxt_switches line")


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="counts the thread's wake-ups in Linux's /proc")
def test_lending_the_idle_event_thread_does_not_wake_it_when_it_has_nothing_due():
    # A reader thread that ran listener events in the event thread's role gives the
    # role back; with a timer pending far away (heartbeats always are), the event
    # thread must sleep on: waking it for nothing costs a thread switch per event.
    scheduler = Scheduler()
    try:
        scheduler.schedule(60, lambda: None)
        ran = []
        time.sleep(0.05)  # the thread is asleep until the timer
        before = _voluntary_switches(scheduler._thread)
        for i in range(200):
            assert scheduler.try_reserve()
            scheduler.run_reserved([(ran.append, (i,))])
        time.sleep(0.05)
        assert ran == list(range(200))
        assert _voluntary_switches(scheduler._thread) - before < 10
    finally:
        scheduler.shutdown()


def test_what_falls_due_or_is_queued_while_the_role_is_lent_runs_when_it_comes_back():
    scheduler = Scheduler()
    try:
        scheduler.schedule(60, lambda: None)
        time.sleep(0.02)
        order = []
        done = threading.Event()
        assert scheduler.try_reserve()
        # Queued and scheduled by other threads while a reader holds the role: they
        # wait for it, then run on time (the timer is due before the thread's
        # current wake-up at 60 s).
        scheduler.call_soon(order.append, "queued")
        scheduler.schedule(0.01, order.append, "timer")
        scheduler.schedule(0.01, done.set)
        time.sleep(0.05)  # the timer fell due while the role was lent
        assert order == []
        scheduler.run_reserved([(order.append, ("lent",))])
        assert done.wait(2)
        # (a due timer goes before queued work, so that callbacks never starve timers)
        assert order == ["lent", "timer", "queued"]
        # A timer scheduled during a lending, due later, still runs on time.
        later = threading.Event()
        assert scheduler.try_reserve()
        scheduler.schedule(0.05, later.set)
        scheduler.run_reserved([])
        start = time.monotonic()
        assert later.wait(2)
        assert time.monotonic() - start < 1
    finally:
        scheduler.shutdown()


def test_member_list_events_fire_added_and_removed():
    service = _InternalClusterService()
    a, b, c = _member(5701), _member(5702), _member(5703)
    added, removed = [], []
    service.add_listener(added.append, removed.append)
    service.handle_members_view_event(1, [a, b])
    service.handle_members_view_event(2, [b, c])
    service.handle_members_view_event(1, [a])  # stale version: ignored
    assert added == [a, b, c] and removed == [a]
    assert set(service.get_members()) == {b, c}

    existing = []
    registration = service.add_listener(existing.append, fire_for_existing=True)
    assert set(existing) == {b, c}
    assert service.remove_listener(registration)
    assert not service.remove_listener(registration)


def test_membership_listener_errors_do_not_stop_others():
    service = _InternalClusterService([(lambda m: 1 / 0, None)])
    seen = []
    service.add_listener(seen.append)
    member = _member(5701)
    service.handle_members_view_event(1, [member])
    assert seen == [member]


def test_partition_table_from_views():
    service = _InternalPartitionService()
    service.check_and_set_partition_count(4)
    first, second = uuid.uuid4(), uuid.uuid4()
    connection = object()
    service.handle_partitions_view_event(connection, [(first, [0, 1]), (second, [2, 3])], 1)
    assert [service.get_partition_owner(p) for p in range(4)] == [first, first, second, second]
    service.handle_partitions_view_event(connection, [(second, [0, 1, 2, 3])], 0)  # stale
    assert service.get_partition_owner(0) == first
    service.handle_partitions_view_event(connection, [(second, [0, 1, 2, 3])], 2)
    assert service.get_partition_owner(0) == second
    assert service.get_partition_owner(99) is None
    assert not service.check_and_set_partition_count(5)


def test_partition_id_needs_the_partition_count():
    from hazelcast.errors import ClientOfflineError

    from hazelcast.serialization.data import Data

    # a key serialized with a partition hash of its own (a partition-aware key)
    key = Data((-7).to_bytes(4, "big", signed=True) + (-11).to_bytes(4, "big", signed=True) + bytes(5))
    service = _InternalPartitionService()
    with pytest.raises(ClientOfflineError):
        service.get_partition_id(key)
    service.check_and_set_partition_count(271)
    assert service.get_partition_id(key) == 7
