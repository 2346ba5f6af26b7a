"""PNCounter replica selection, retries and the observed vector clock, against a
fake cluster (no member)."""

from __future__ import annotations

import types
import uuid

import pytest

from hazelcast.errors import ConsistencyLostError, NoDataMemberInClusterError, TargetDisconnectedError
from hazelcast.proxy import PN_COUNTER_SERVICE
from hazelcast.proxy.pn_counter import PNCounter, VectorClock



class Member:
    def __init__(self, lite=False):
        self.uuid = uuid.uuid4()
        self.lite_member = lite

    def __repr__(self):
        return "Member(%s)" % self.uuid


class FakeCluster:
    """Answers the proxy's invocations: the replica count, then per target member
    either a response or an error."""

    def __init__(self, members, replica_count):
        self.members = members
        self.replica_count = replica_count
        self.sent = []  # target uuid of each counter request
        self.behaviour = {}  # member uuid -> exception to fail with
        self.state = {"value": 0, "timestamps": {}}

    def get_members(self, selector=None):
        return [m for m in self.members if selector is None or selector(m)]

    def invoke(self, invocation):
        if invocation.uuid is None:
            invocation.set_result(self.replica_count)
            return
        self.sent.append(invocation.uuid)
        error = self.behaviour.get(invocation.uuid)
        if error is not None:
            invocation.set_exception(error)
            return
        # Each replica advances its own logical clock by one per call.
        stamps = self.state["timestamps"]
        stamps[invocation.uuid] = stamps.get(invocation.uuid, 0) + 1
        invocation.set_result({"value": self.state["value"], "replica_timestamps": list(stamps.items()),
                               "replica_count": self.replica_count})


def make_counter(cluster):
    context = types.SimpleNamespace(
        invocation_service=types.SimpleNamespace(invoke=cluster.invoke),
        partition_service=None,
        internal_partition_service=types.SimpleNamespace(get_partition_id=lambda data: 0),
        serialization_service=types.SimpleNamespace(to_object=lambda d: d, to_data=lambda o: o),
        caller_id=lambda: 1,
        cluster_service=cluster,
    )
    return PNCounter(PN_COUNTER_SERVICE, "counter", context)


def test_without_data_members_calls_fail_with_no_data_member_error():
    cluster = FakeCluster([Member(lite=True)], replica_count=5)
    with pytest.raises(NoDataMemberInClusterError):
        make_counter(cluster).get().result()


def test_replicas_are_the_first_replica_count_data_members_and_a_failed_one_is_left():
    lite, a, b, c = Member(lite=True), Member(), Member(), Member()
    cluster = FakeCluster([lite, a, b, c], replica_count=2)
    counter = make_counter(cluster)
    counter.get().result()
    first = cluster.sent[-1]
    assert first in (a.uuid, b.uuid)
    for _ in range(5):  # it stays on the replica in use
        counter.add_and_get(1).result()
    assert set(cluster.sent) == {first}
    cluster.behaviour[first] = TargetDisconnectedError("gone")
    counter.get().result()
    other = cluster.sent[-1]
    assert other in (a.uuid, b.uuid) and other != first  # never c: beyond the replica count


def test_when_every_replica_fails_the_last_error_is_raised():
    a, b = Member(), Member()
    cluster = FakeCluster([a, b], replica_count=10)
    cluster.behaviour[a.uuid] = ConsistencyLostError("stale a")
    cluster.behaviour[b.uuid] = ConsistencyLostError("stale b")
    counter = make_counter(cluster)
    with pytest.raises(ConsistencyLostError):
        counter.increment_and_get().result()
    assert sorted(cluster.sent) == sorted([a.uuid, b.uuid])  # each tried once


def test_the_observed_clock_follows_the_answers_and_reset_forgets_it():
    a = Member()
    cluster = FakeCluster([a], replica_count=1)
    counter = make_counter(cluster)
    counter.get().result()
    counter.get().result()
    assert counter._observed_clock.entry_set() == [(a.uuid, 2)]
    counter.reset()
    assert counter._observed_clock.entry_set() == []


def test_a_replica_no_longer_in_the_member_list_is_replaced_before_sending():
    a, b = Member(), Member()
    cluster = FakeCluster([a, b], replica_count=2)
    counter = make_counter(cluster)
    counter.get().result()
    current = cluster.sent[-1]
    cluster.members = [m for m in cluster.members if m.uuid != current]
    counter.get().result()
    assert cluster.sent[-1] != current
    assert len(cluster.sent) == 2  # no request spent on the member that left


def test_vector_clock_is_after():
    older, newer, concurrent = VectorClock(), VectorClock(), VectorClock()
    older.set_replica_timestamp("a", 1)
    newer.set_replica_timestamp("a", 2)
    concurrent.set_replica_timestamp("b", 1)
    assert newer.is_after(older) and not older.is_after(newer)
    assert not newer.is_after(newer)
    assert not concurrent.is_after(older) and not older.is_after(concurrent)
    more = VectorClock()
    more.set_replica_timestamp("a", 1)
    more.set_replica_timestamp("b", 1)
    assert more.is_after(older)  # knows one more replica
    assert more.size() == 2
