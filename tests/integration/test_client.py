"""The client against real members: start-up, authentication, routing, lifecycle, shutdown."""

from __future__ import annotations

import os
import threading
import time

import pytest

import hazelcast
from hazelcast.errors import AuthenticationError, HazelcastClientNotActiveError
from hazelcast.lifecycle import LifecycleState

from waiting import wait_until


def _open_sockets():
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink("/proc/self/fd/" + fd).startswith("socket:"):
                count += 1
        except OSError:
            pass
    return count


@pytest.mark.smoke
def test_connects_and_round_trips_a_value(hz_cluster):
    client = hazelcast.HazelcastClient(**hz_cluster.client_config())
    try:
        m = client.get_map("smoke").blocking()
        m.put("key", "value")
        assert m.get("key") == "value"
        assert client.lifecycle_service.is_running()
        assert [str(member.address) for member in client.cluster_service.get_members()] == hz_cluster.addresses
        assert client.partition_service.get_partition_count() == 271
    finally:
        client.shutdown()
    assert not client.lifecycle_service.is_running()


def test_wrong_cluster_name_fails_start_up_naming_it(hz_cluster):
    config = hz_cluster.client_config()
    config["cluster_name"] = "no-such-cluster"
    config["cluster_connect_timeout"] = 5
    started = time.monotonic()
    with pytest.raises(AuthenticationError, match="no-such-cluster"):
        hazelcast.HazelcastClient(**config)
    assert time.monotonic() - started < 5


def test_no_member_fails_start_up_after_the_connect_timeout():
    started = time.monotonic()
    with pytest.raises(hazelcast.errors.IllegalStateError, match="Unable to connect"):
        hazelcast.HazelcastClient(cluster_members=["127.0.0.1:5799"], cluster_connect_timeout=1.5)
    assert 1.0 < time.monotonic() - started < 10


def test_client_name_and_labels_reach_the_member(hz_cluster):
    client = hazelcast.HazelcastClient(client_name="my-client", labels=["a", "b"], **hz_cluster.client_config())
    try:
        assert client.name == "my-client"
        client.get_map("labels").blocking().put(1, 1)
    finally:
        client.shutdown()
    with open(hz_cluster.members[0].log_path, errors="replace") as log:
        assert "my-client" in log.read()


def test_default_client_names_are_numbered(hz_cluster):
    first = hazelcast.HazelcastClient(**hz_cluster.client_config())
    second = hazelcast.HazelcastClient(**hz_cluster.client_config())
    try:
        assert first.name.startswith("hz.client_") and second.name.startswith("hz.client_")
        assert int(second.name.rsplit("_", 1)[1]) == int(first.name.rsplit("_", 1)[1]) + 1
    finally:
        first.shutdown()
        second.shutdown()


def test_lifecycle_states_in_order(hz_cluster):
    states = []
    client = hazelcast.HazelcastClient(lifecycle_listeners=[states.append], **hz_cluster.client_config())
    client.shutdown()
    assert states == [
        LifecycleState.STARTING,
        LifecycleState.STARTED,
        LifecycleState.CONNECTED,
        LifecycleState.SHUTTING_DOWN,
        LifecycleState.DISCONNECTED,
        LifecycleState.SHUTDOWN,
    ]


def test_shutdown_leaves_no_thread_or_socket(hz_cluster3):
    threads_before = set(threading.enumerate())
    sockets_before = _open_sockets()
    client = hazelcast.HazelcastClient(**hz_cluster3.client_config())
    m = client.get_map("shutdown").blocking()
    for i in range(100):
        m.set(i, i)
    wait_until(lambda: len(client._connection_manager.active_connections) == 3)
    assert _open_sockets() >= sockets_before + 3
    client.shutdown()
    leftover = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    assert leftover == []
    assert _open_sockets() == sockets_before


def test_operations_after_shutdown_fail_clearly(hz_cluster):
    client = hazelcast.HazelcastClient(**hz_cluster.client_config())
    m = client.get_map("after-shutdown")
    client.shutdown()
    with pytest.raises(HazelcastClientNotActiveError):
        m.put(1, 1).result()


def _record_sends(client):
    """Records (partition id, member uuid the request went to) for each invocation."""
    service = client._invocation_service
    original = service._send
    sent = []

    def send(invocation):
        original(invocation)
        connection = invocation.sent_connection
        sent.append((invocation.partition_id, connection.remote_uuid if connection else None))

    service._send = send
    return sent


def test_smart_routing_sends_key_operations_to_the_partition_owner(client3, hz_cluster3):
    wait_until(lambda: len(client3._connection_manager.active_connections) == 3)
    wait_until(lambda: all(client3.partition_service.get_partition_owner(p) for p in range(271)))
    sent = _record_sends(client3)
    m = client3.get_map("routing").blocking()
    for i in range(1000):
        m.put("key-%d" % i, i)
    key_ops = [(p, u) for p, u in sent if p != -1]
    assert len(key_ops) == 1000
    assert len({p for p, _ in key_ops}) > 200  # keys spread over the partitions
    for partition_id, member_uuid in key_ops:
        assert member_uuid == client3.partition_service.get_partition_owner(partition_id)
    assert len({u for _, u in key_ops}) == 3  # every member owns some of them


def test_unisocket_client_uses_one_connection(hz_cluster3):
    client = hazelcast.HazelcastClient(smart_routing=False, **hz_cluster3.client_config())
    try:
        m = client.get_map("unisocket").blocking()
        for i in range(200):
            m.put(i, i)
        assert sum(m.get(i) for i in range(200)) == sum(range(200))
        time.sleep(1.5)  # a smart client would have opened the other connections by now
        assert len(client._connection_manager.active_connections) == 1
        assert len(client.cluster_service.get_members()) == 3
    finally:
        client.shutdown()


def test_heartbeat_keeps_an_idle_connection_open(hz_cluster):
    client = hazelcast.HazelcastClient(heartbeat_interval=0.5, heartbeat_timeout=2, **hz_cluster.client_config())
    try:
        connection = next(iter(client._connection_manager.active_connections.values()))
        time.sleep(3.5)
        assert connection.live
        assert client.get_map("idle").blocking().size() >= 0
    finally:
        client.shutdown()


def test_token_provider_authenticates_with_the_token(hz_cluster, monkeypatch):
    from hazelcast.protocol.codec import client_authentication_custom_codec
    from hazelcast.security import BasicTokenProvider

    sent = []
    original = client_authentication_custom_codec.encode_request

    def record(cluster_name, credentials, *rest):
        sent.append((cluster_name, credentials))
        return original(cluster_name, credentials, *rest)

    monkeypatch.setattr(client_authentication_custom_codec, "encode_request", record)
    # Token authentication is an Enterprise feature: an open-source member answers a
    # well-formed custom authentication with "credentials failed", which start-up
    # reports as an AuthenticationError naming the cluster.
    with pytest.raises(AuthenticationError, match=hz_cluster.cluster_name):
        hazelcast.HazelcastClient(
            token_provider=BasicTokenProvider("s3cret"), cluster_connect_timeout=5, **hz_cluster.client_config()
        )
    assert sent and sent[0] == (hz_cluster.cluster_name, b"s3cret")
