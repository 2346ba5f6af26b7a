"""The client core against fake members, on an in-memory transport and a virtual clock.

Each test builds a real ClientRuntime (connection manager, invocations, cluster and
partition views) and drives it only through the transport: bytes the fake members
send, connections they close, and virtual time. Nothing sleeps and no thread starts.
"""

from __future__ import annotations

import threading

import pytest

from hazelcast._client_runtime import ClientRuntime
from hazelcast.config import Config
from hazelcast.core import Address
from hazelcast.errors import AuthenticationError, IllegalStateError, OperationTimeoutError
from hazelcast.lifecycle import LifecycleState
from hazelcast.proxy import MAP_SERVICE

from memory_transport import FakeCluster, MemoryTransport

STARTING, STARTED = LifecycleState.STARTING, LifecycleState.STARTED
CONNECTED, DISCONNECTED = LifecycleState.CONNECTED, LifecycleState.DISCONNECTED


class Client:
    """A ClientRuntime on a MemoryTransport, with what it reported."""

    def __init__(self, transport: MemoryTransport, **options):
        options.setdefault("cluster_members", ["127.0.0.1:5701"])
        self.transport = transport
        self.lost = []
        config = Config.from_dict(options)
        self.runtime = ClientRuntime(config, "test-client", transport, threading.get_ident, self._cluster_lost)
        self.states = []
        self.runtime.lifecycle_service.add_listener(lambda state: self.states.append((transport.now(), state)))
        self.added, self.removed = [], []
        self.runtime.cluster_service.add_listener(self.added.append, self.removed.append)

    def _cluster_lost(self):
        self.lost.append(self.transport.now())

    def start(self):
        started = self.runtime.start()
        self.transport.run_pending()
        return started

    def map(self):
        created = self.runtime.proxy_manager.get_or_create(MAP_SERVICE, "m", create_on_remote=False)
        return done(created).result()

    def connections(self):
        return self.runtime.connection_manager.active_connections

    def owner_of(self, cluster, key):
        return cluster.owner(self.runtime.partition_service.get_partition_id(key))


def done(future):
    assert future.done(), "expected a completed Future"
    return future


def settle(transport, future):
    """Delivers what is in flight (no time passes); the Future must be done then."""
    transport.run_pending()
    return done(future)


def error_of(future):
    return done(future).exception()


def state_names(client):
    return [state for _, state in client.states]


@pytest.fixture
def transport():
    threads = threading.active_count()
    transport = MemoryTransport()
    yield transport
    assert threading.active_count() == threads, "the core started a thread"


@pytest.fixture
def cluster(transport):
    return FakeCluster(transport)


@pytest.fixture
def clients(transport):
    made = []

    def make(**options):
        client = Client(transport, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.runtime.begin_shutdown()
        transport.run_pending()
        client.runtime.finish_shutdown()


def test_authentication_starts_once_the_member_list_arrived(transport, cluster, clients):
    member = cluster.start_member()
    member.silent.add("view_listener")  # the member list is held back
    client = clients()
    started = client.start()
    assert state_names(client) == [STARTING, STARTED, CONNECTED]
    assert not started.done()

    cluster.publish_view()
    assert settle(transport, started).result() is None
    assert state_names(client) == [STARTING, STARTED, CONNECTED]
    assert transport.now() == 0.0
    [connection] = member.connections
    assert connection.written[0] == b"CP2"
    assert [name for _, name, _, _ in member.requests] == ["auth", "backup_listener", "view_listener"]
    assert member.seen("auth")[0][3] == "dev"
    manager = client.runtime.connection_manager
    assert manager.cluster_id == cluster.id
    assert dict(client.connections()) == {member.uuid: connection}
    assert connection.remote_uuid == member.uuid
    assert client.added == [member.info]
    assert client.runtime.partition_service.get_partition_count() == 271
    assert client.runtime.partition_service.get_partition_owner(270) == member.uuid


def test_wrong_cluster_name_fails_the_start_at_once(transport, cluster, clients):
    member = cluster.start_member()
    client = clients(cluster_name="not-dev", retry_initial_backoff=1.0)
    started = client.start()

    error = error_of(started)
    assert isinstance(error, AuthenticationError)
    assert "cluster_name='not-dev'" in str(error)
    assert transport.now() == 0.0
    assert transport.connect_attempts == [(0.0, Address("127.0.0.1", 5701))]
    [connection] = member.connections
    assert not connection.live and connection.close_reason.startswith("Authentication failed")
    transport.advance(10)
    assert len(transport.connect_attempts) == 1, "no retry round after an authentication failure"
    assert CONNECTED not in state_names(client)


def test_smart_client_connects_to_a_joining_member_and_drops_a_leaving_one(transport, cluster, clients):
    first = cluster.start_member(5701)
    client = clients()
    done(client.start())

    second = cluster.start_member(5702)  # the cluster tells the client: 2 members
    transport.run_pending()
    [to_second] = second.connections
    assert to_second.live
    assert set(client.connections()) == {first.uuid, second.uuid}
    assert client.added == [first.info, second.info]
    assert client.runtime.partition_service.get_partition_owner(1) == second.uuid

    cluster.leave(second)
    transport.run_pending()
    assert not to_second.live and to_second.close_reason == "The member left the cluster"
    assert set(client.connections()) == {first.uuid}
    assert client.removed == [second.info]
    assert state_names(client) == [STARTING, STARTED, CONNECTED]


def test_map_get_goes_to_the_partition_owner_and_completes_with_the_value(transport, cluster, clients):
    members = [cluster.start_member(5701), cluster.start_member(5702)]
    client = clients()
    done(client.start())
    assert len(client.connections()) == 2
    m = client.map()
    owner = client.owner_of(cluster, "key")
    other = members[1] if owner is members[0] else members[0]

    assert settle(transport, m.put("key", "value")).result() is None
    assert settle(transport, m.get("key")).result() == "value"

    assert [name for _, name, _, _ in owner.requests[-2:]] == ["map.put", "map.get"]
    assert not other.seen("map.get") and not other.seen("map.put")
    assert owner.seen("map.get")[0][2] is client.connections()[owner.uuid]


def test_invocation_is_retried_on_another_connection_after_its_connection_closed(transport, cluster, clients):
    members = [cluster.start_member(5701), cluster.start_member(5702)]
    client = clients(invocation_retry_pause=0.5)
    done(client.start())
    m = client.map()
    settle(transport, m.put("key", "value"))
    owner = client.owner_of(cluster, "key")
    survivor = members[1] if owner is members[0] else members[0]
    owner.silent.add("map.get")

    got = m.get("key")
    transport.advance(0.25)
    assert not got.done() and len(owner.seen("map.get")) == 1
    cluster.crash(owner)  # the request was sent; its connection closes, unanswered
    transport.advance(0.375)
    assert not got.done() and not survivor.seen("map.get")
    transport.advance(0.125)  # invocation_retry_pause after the close

    assert done(got).result() == "value"
    [(when, _, connection, _)] = survivor.seen("map.get")
    assert when == 0.75 and connection is client.connections()[survivor.uuid]


def test_invocation_without_response_times_out(transport, cluster, clients):
    member = cluster.start_member()
    client = clients(invocation_timeout=3.0)
    done(client.start())
    member.silent.add("map.get")
    transport.advance(0.5)
    got = client.map().get("key")  # deadline 3.5; the sweep runs at 1, 2, 3, 4 s

    transport.advance(3.25)
    assert not got.done()
    transport.advance(0.25)
    error = error_of(got)
    assert isinstance(error, OperationTimeoutError)
    assert "got no response in its timeout" in str(error)
    assert transport.now() == 4.0
    assert client.runtime.invocation_service.pending_count() == 0


def test_heartbeat_timeout_closes_the_connection_and_reconnects(transport, cluster, clients):
    member = cluster.start_member()
    client = clients(heartbeat_interval=5.0, heartbeat_timeout=20.0)
    done(client.start())
    [connection] = member.connections
    member.silent.add("ping")  # the member reads but never answers: nothing to read

    transport.advance(20)  # the heartbeat at 20 s: 20 s without a read is not over 20 s
    assert connection.live and member.seen("ping")
    transport.advance(5)

    assert not connection.live and connection.close_reason == "Heartbeat timed out"
    assert client.states[-2:] == [(25.0, DISCONNECTED), (25.0, CONNECTED)]
    assert transport.connect_attempts[-1] == (25.0, Address("127.0.0.1", 5701))
    assert len(member.connections) == 2 and member.connections[1].live
    assert len(member.seen("view_listener")) == 2
    assert settle(transport, client.map().get("key")).result() is None
    assert member.seen("map.get")[0][2] is member.connections[1]
    assert not client.lost


def test_whole_cluster_restart_reconnects_to_the_new_cluster(transport, cluster, clients):
    old = cluster.start_member()
    client = clients(retry_initial_backoff=1.0, retry_multiplier=2.0, retry_jitter=0.0)
    partitions = client.runtime.partition_service
    owners_when_connected = []
    client.runtime.lifecycle_service.add_listener(
        lambda state: state == CONNECTED and owners_when_connected.append(partitions.get_partition_owner(0))
    )
    done(client.start())
    cluster.publish_view()
    cluster.publish_view()  # member list and partition table version 3
    transport.run_pending()
    m = client.map()
    settle(transport, m.put("key", "old"))
    manager = client.runtime.connection_manager

    cluster.crash(old)
    transport.run_pending()
    assert not client.connections() and client.states[-1] == (0.0, DISCONNECTED)
    transport.advance(0.5)
    during_outage = m.get("key")  # no connection: retried each invocation_retry_pause
    transport.advance(2.0)  # reconnection rounds at 0, 1 and 3 s
    assert not during_outage.done()
    new_cluster = FakeCluster(transport)
    new = new_cluster.start_member(5701)
    transport.advance(0.5)

    assert [t for t, _ in transport.connect_attempts[1:]] == [0.0, 1.0, 3.0]
    assert client.states[-1] == (3.0, CONNECTED)
    assert owners_when_connected == [None, None]  # the old cluster's table was forgotten
    assert manager.cluster_id == new_cluster.id != cluster.id
    assert set(client.connections()) == {new.uuid}
    assert client.removed == [old.info] and client.added[-1] == new.info
    assert partitions.get_partition_owner(0) == new.uuid  # from the new cluster's version 1
    assert not during_outage.done()
    transport.advance(0.5)  # its retry at 3.5 s finds the new cluster
    assert done(during_outage).result() is None  # the new cluster starts empty
    assert settle(transport, m.get("key")).result() is None
    assert [when for when, _, _, _ in new.seen("map.get")] == [3.5, 3.5]
    assert not client.lost


def test_member_list_that_never_arrives_fails_the_start_within_cluster_connect_timeout(transport, cluster, clients):
    client = clients(
        cluster_connect_timeout=10.0, retry_initial_backoff=1.0, retry_multiplier=2.0, retry_jitter=0.0
    )
    started = client.start()
    transport.advance(2)  # nobody listens yet: rounds at 0 and 1 s fail
    member = cluster.start_member()
    member.silent.add("view_listener")
    transport.advance(1)  # the round at 3 s authenticates
    assert client.states[-1] == (3.0, CONNECTED) and not started.done()

    transport.advance(6.75)
    assert not started.done()
    transport.advance(0.25)

    error = error_of(started)
    assert isinstance(error, IllegalStateError)
    assert str(error) == (
        "Connected to 127.0.0.1:5701, but the member list did not arrive within 7.0 s (cluster_connect_timeout=10.0)"
    )
    assert transport.now() == 10.0
    connection = member.connections[0]
    assert not connection.live and connection.close_reason == "No member list from the member"


def test_cluster_connect_timeout_with_no_member_reachable(transport, clients):
    client = clients(
        cluster_members=["127.0.0.1:5701", "127.0.0.1:5702"],
        cluster_connect_timeout=10.0,
        retry_initial_backoff=1.0,
        retry_multiplier=2.0,
        retry_max_backoff=30.0,
        retry_jitter=0.0,
        shuffle_member_list=False,
    )
    started = client.start()
    transport.advance(9.75)
    assert not started.done()
    transport.advance(0.25)

    error = error_of(started)
    assert isinstance(error, IllegalStateError)
    assert str(error).startswith(
        "Unable to connect to any cluster: tried 127.0.0.1:5701, 127.0.0.1:5702 within cluster_connect_timeout=10.0"
    )
    assert "Connection refused" in str(error)
    # Backoff 1, 2, 4, then what is left of the 10 s: 3.
    times = [t for t, _ in transport.connect_attempts]
    assert times == [0.0, 0.0, 1.0, 1.0, 3.0, 3.0, 7.0, 7.0, 10.0, 10.0]
    assert [a.port for _, a in transport.connect_attempts[:2]] == [5701, 5702]
    assert state_names(client) == [STARTING, STARTED]


def test_cancelled_operations_leave_nothing_pending_and_the_connection_serves_on(transport, cluster, clients):
    member = cluster.start_member()
    client = clients()
    done(client.start())
    m = client.map()
    invocations = client.runtime.invocation_service
    before = invocations.pending_count()
    member.silent.add("map.get")
    got = m.get("key")
    put_all = m.put_all({"a": 1, "b": 2, "c": 3})  # one request per partition, combined
    assert invocations.pending_count() > before

    assert got.cancel() and put_all.cancel()

    assert invocations.pending_count() == before
    assert type(got.exception()).__name__ == "CancelledError"
    member.silent.discard("map.get")
    (connection,) = client.connections().values()
    assert settle(transport, m.put("key", "value")).result() is None
    assert settle(transport, m.get("key")).result() == "value"
    assert list(client.connections().values()) == [connection]
