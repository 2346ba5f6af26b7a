"""Cluster-facing services: load balancers, partitions, distributed objects and their
listeners, and client statistics as the member sees them."""

from __future__ import annotations

import collections
import os
import re
import time

import pytest

import hazelcast
from hazelcast.util import LoadBalancer, RandomLB, RoundRobinLB

from waiting import wait_until


def _connected_client(cluster, **options):
    client = hazelcast.HazelcastClient(**dict(cluster.client_config(), **options))
    wait_until(lambda: len(client._connection_manager.active_connections) == len(cluster.members), 20, "connections")
    return client


def _targets_of_non_key_calls(client, count):
    """Sends `count` map size() calls (no partition: the load balancer picks the
    member) and returns the member UUID each went to."""
    m = client.get_map("lb").blocking()
    service = client._invocation_service
    original = service._send
    targets = []

    def send(invocation):
        original(invocation)
        if invocation.partition_id == -1 and invocation.connection is None:
            targets.append(invocation.sent_connection.remote_uuid)

    service._send = send
    for _ in range(count):
        m.size()
    service._send = original
    return targets


class _FirstMemberLB(LoadBalancer):
    """A user load balancer: always the member with the smallest port."""

    def init(self, cluster_service):
        self._cluster_service = cluster_service

    def next(self):
        members = self._cluster_service.get_members()
        return min(members, key=lambda m: m.address.port) if members else None


def test_round_robin_is_the_default_and_cycles_through_the_members(hz_cluster3):
    client = _connected_client(hz_cluster3)
    try:
        assert isinstance(client._load_balancer, RoundRobinLB)
        targets = _targets_of_non_key_calls(client, 30)
        assert collections.Counter(targets).most_common()[-1][1] == 10  # 10 each
        cycle = targets[:3]
        assert len(set(cycle)) == 3 and targets == cycle * 10
    finally:
        client.shutdown()


def test_random_load_balancer_spreads_without_a_cycle(hz_cluster3):
    client = _connected_client(hz_cluster3, load_balancer=RandomLB())
    try:
        targets = _targets_of_non_key_calls(client, 60)
        assert len(set(targets)) == 3
        assert targets != targets[:3] * 20
    finally:
        client.shutdown()


def test_user_load_balancer_picks_the_members(hz_cluster3):
    lb = _FirstMemberLB()
    client = _connected_client(hz_cluster3, load_balancer=lb)
    try:
        first = min(client.cluster_service.get_members(), key=lambda m: m.address.port)
        assert set(_targets_of_non_key_calls(client, 20)) == {first.uuid}
    finally:
        client.shutdown()


def test_partition_service(client3):
    partitions = client3.partition_service
    assert partitions.get_partition_count() == 271
    m = client3.get_map("partitions").blocking()
    m.set("k", 1)  # members assign partitions on first use
    members = {member.uuid for member in client3.cluster_service.get_members()}
    wait_until(lambda: all(partitions.get_partition_owner(p) in members for p in range(271)), 20, "partition table")
    assert {partitions.get_partition_owner(p) for p in range(271)} == members
    assert partitions.get_partition_owner(271) is None
    ids = {partitions.get_partition_id("key-%d" % i) for i in range(2000)}
    assert ids <= set(range(271)) and len(ids) > 250
    assert partitions.get_partition_id("same") == partitions.get_partition_id("same")
    # A key given already serialized lands in the same partition.
    assert partitions.get_partition_id("key-0") == partitions.get_partition_id(client3._serialization_service.to_data("key-0"))


def test_cluster_service_listeners_fire_for_existing_members(client3):
    seen = []
    service = client3.cluster_service
    registration = service.add_listener(seen.append, fire_for_existing=True)
    assert sorted(m.uuid for m in seen) == sorted(m.uuid for m in service.get_members())
    assert len(seen) == 3
    silent = []
    service.add_listener(silent.append)
    assert silent == []
    assert service.remove_listener(registration) is True
    assert service.remove_listener(registration) is False
    local = service.get_members(lambda m: m.address.port == hz_port(client3))
    assert len(local) == 1


def hz_port(client):
    return min(m.address.port for m in client.cluster_service.get_members())


def test_distributed_object_listener_and_get_distributed_objects(client3):
    # Members send only their local events to a smart client: the listener must be
    # on every member before the object is created.
    wait_until(lambda: len(client3._connection_manager.active_connections) == 3, 10, "3 connections")
    events = []
    registration = client3.add_distributed_object_listener(events.append).result()
    name = "dobj-%d" % time.monotonic_ns()
    m = client3.get_map(name)
    wait_until(lambda: any(e.name == name and e.event_type == "CREATED" for e in events), 10, "CREATED")
    event = [e for e in events if e.name == name][0]
    assert event.service_name == "hz:impl:mapService"
    # Members learn of each other's proxies asynchronously: the member asked may
    # list the new object a moment after the event.
    wait_until(lambda: name in {o.name for o in client3.get_distributed_objects()}, 10, "listed")
    m.destroy()
    wait_until(lambda: any(e.name == name and e.event_type == "DESTROYED" for e in events), 10, "DESTROYED")
    wait_until(lambda: name not in {o.name for o in client3.get_distributed_objects()}, 10, "unlisted")
    assert client3.remove_distributed_object_listener(registration).result() is True
    assert client3.remove_distributed_object_listener(registration).result() is False
    events.clear()
    client3.get_map(name + "-after")
    time.sleep(0.5)
    assert [e for e in events if e.name == name + "-after"] == []


# -- statistics as the member sees them ------------------------------------------------

_STATS_LINE = re.compile(r"PYCLIENT-STATS client=(\S+) received=(\d+) timestamp=(\d+) attributes=(\S*) metrics=(\S*)")


def _member_reports(member, client_uuid):
    reports = []
    for match in _STATS_LINE.finditer(member.log_text()):
        if match.group(1) == str(client_uuid):
            attributes = dict(re.findall(r"([\w.]+)=((?:\\.|[^,])*)", match.group(4)))
            metrics = dict(re.findall(r"([\w.]+):\w+=([^;]+);", match.group(5)))
            reports.append((int(match.group(3)), attributes, metrics))
    return reports


@pytest.mark.java_classes
def test_member_receives_client_statistics_every_period(cluster_factory):
    cluster = cluster_factory(
        member_count=1,
        java_classes=True,
        extra_xml="<listeners><listener>com.hazelcast.pyclienttest.ClientStatisticsLogger</listener></listeners>",
    )
    enabled = hazelcast.HazelcastClient(
        client_name="stats-on", statistics_enabled=True, statistics_period=0.5, **cluster.client_config()
    )
    disabled = hazelcast.HazelcastClient(client_name="stats-off", **cluster.client_config())
    member = cluster.members[0]
    try:
        enabled_uuid = enabled._connection_manager.client_uuid
        wait_until(lambda: len(_member_reports(member, enabled_uuid)) >= 4, 15, "4 statistics reports")
        reports = _member_reports(member, enabled_uuid)
        timestamps = [t for t, _, _ in reports]
        gaps = [(b - a) / 1000.0 for a, b in zip(timestamps, timestamps[1:])]
        assert all(0.35 < g < 1.5 for g in gaps), gaps  # statistics_period=0.5
        _, attributes, metrics = reports[-1]
        assert attributes["clientName"] == "stats-on"
        assert attributes["clientType"] == "PYH"
        assert attributes["enterprise"] == "false"
        assert attributes["clientAddress"].startswith("127.0.0.1:")
        # Decoded by the member's own metrics reader.
        assert int(metrics["runtime.availableProcessors"]) == os.cpu_count()
        assert int(metrics["os.processCpuTime"]) > 0
        assert "PYCLIENT-STATS error" not in member.log_text()
        assert _member_reports(member, disabled._connection_manager.client_uuid) == []
    finally:
        enabled.shutdown()
        disabled.shutdown()
