"""Real members: clusters form, members die and come back, clusters stay apart.

Cluster sizes are read from the members' own logs, so these tests do not depend on
the client under development."""

from __future__ import annotations

import socket

import pytest

from harness import Cluster, logs

pytestmark = pytest.mark.integration


def _answers(address):
    host, port = address.rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
        return True
    except OSError:
        return False


def test_one_member_starts_and_stops(cluster_factory):
    cluster = cluster_factory()
    [member] = cluster.members
    assert member.is_running()
    assert member.host == "127.0.0.1" and member.address == "127.0.0.1:%d" % member.port
    assert cluster.addresses == [member.address]
    assert cluster.client_config() == {"cluster_name": cluster.cluster_name, "cluster_members": [member.address]}
    assert len(member.uuid) == 36
    assert member.members_view().size == 1
    assert "is STARTED" in logs.read(member.log_path)
    assert _answers(member.address)
    member.shutdown()
    assert not member.is_running()
    assert not _answers(member.address)
    # The JVM ran its shutdown hooks (exit status 128+SIGTERM), it was not killed,
    # and the log kept the graceful shutdown to its end.
    assert member.process.returncode == 143
    assert "is SHUTDOWN" in logs.read(member.log_path)


def test_three_members_form_one_cluster_kill_and_restart(cluster_factory):
    cluster = cluster_factory(member_count=3, map_configs={"default": {"backup_count": 1}})
    assert len({m.port for m in cluster.members}) == 3
    uuids = {m.uuid for m in cluster.members}
    assert len(uuids) == 3
    for m in cluster.members:
        view = m.members_view()
        assert view.size == 3
        assert {e.uuid for e in view.members} == uuids

    victim = cluster.members[1]
    old_uuid, port = victim.uuid, victim.port
    victim.kill()
    assert not victim.is_running()
    cluster.wait_for_size(2, timeout=30)
    for m in cluster.running_members():
        assert {e.uuid for e in m.members_view().members} == uuids - {old_uuid}

    victim.restart()
    assert victim.is_running() and victim.port == port
    assert victim.uuid not in (None, old_uuid)
    assert len(victim.log_paths) == 2
    assert all(m.members_view().size == 3 for m in cluster.members)


def test_graceful_shutdown_and_start_member(cluster_factory):
    cluster = cluster_factory(member_count=2)
    cluster.members[0].shutdown()
    cluster.wait_for_size(1, timeout=30)
    added = cluster.start_member()
    assert added.port not in (m.port for m in cluster.members[:2])
    assert [m.is_running() for m in cluster.members] == [False, True, True]
    assert added.members_view().size == 2


def test_clusters_get_their_own_names_and_ports_and_never_merge(cluster_factory):
    a = cluster_factory(member_count=1)
    b = cluster_factory(member_count=1)
    assert a.cluster_name != b.cluster_name
    assert not set(a.addresses) & set(b.addresses)
    assert abs(a.members[0].port - b.members[0].port) >= 10
    for c in (a, b):
        assert c.members[0].members_view().size == 1
        assert c.cluster_name in logs.read(c.members[0].log_path)


def test_shared_clusters_are_reused(hz_cluster, request):
    assert request.getfixturevalue("hz_cluster") is hz_cluster
    assert len(hz_cluster.members) == 1 and hz_cluster.members[0].is_running()


def test_shared_three_member_cluster(hz_cluster3):
    assert len(hz_cluster3.running_members()) == 3
    assert all(m.members_view().size == 3 for m in hz_cluster3.members)
    assert "<backup-count>1</backup-count>" in open(hz_cluster3.members[0].config_path).read()


def test_partition_count_and_properties_reach_the_member(cluster_factory):
    cluster = cluster_factory(partition_count=11, properties={"hazelcast.logging.details.enabled": False})
    text = open(cluster.members[0].config_path).read()
    assert '<property name="hazelcast.partition.count">11</property>' in text
    assert cluster.members[0].is_running()


def test_cluster_is_a_context_manager_and_stops_all():
    with Cluster(member_count=2) as cluster:
        members = list(cluster.members)
        assert all(m.is_running() for m in members)
    assert not any(m.is_running() for m in members)


def test_bad_config_fails_with_the_member_log(cluster_factory):
    from harness import HarnessError

    with pytest.raises(HarnessError) as info:
        cluster_factory(extra_xml="<no-such-element/>")
    message = str(info.value)
    assert "exited during start-up" in message
    assert "no-such-element" in message  # the member's own complaint, from its log


def test_sigterm_shutdown_is_graceful_and_keeps_data_without_backups(cluster_factory):
    # With no backups, only a graceful shutdown (partitions handed over before the
    # member leaves) keeps every entry; a kill would lose the victim's share.
    hazelcast = pytest.importorskip("hazelcast")
    cluster = cluster_factory(member_count=2, map_configs={"nobackup": {"backup_count": 0}})
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        m = client.get_map("nobackup").blocking()
        for i in range(200):
            m.put(i, i)
        cluster.members[0].shutdown()
        cluster.wait_for_size(1, timeout=30)
        assert m.size() == 200
        # The leaving member (the master here) logs its own migration-backed shutdown.
        assert "Shutdown request of" in logs.read(cluster.members[0].log_path)
    finally:
        client.shutdown()


def test_members_start_from_the_class_data_sharing_archive(hz_cluster):
    import os

    archive = hz_cluster.cds_archive
    assert archive and os.path.isfile(archive)
    assert "-XX:SharedArchiveFile=" + archive in open(hz_cluster.members[0].log_path).readline()
