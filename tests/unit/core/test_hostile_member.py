"""A broken or hostile member, on the in-memory transport: what it sends
cannot make the client allocate beyond what arrived, and is reported for
what it is."""

from __future__ import annotations

import os
import sys

import pytest

from hazelcast.errors import (
    ClientNotAllowedInClusterError,
    ClientOfflineError,
    ConnectionDroppedError,
    IndeterminateOperationStateError,
    TargetDisconnectedError,
)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz"))

from allocation import allocation_at_most  # noqa: E402
from memory_transport import FakeCluster, MemoryTransport
from test_core_without_member import Client, done, error_of, settle


@pytest.fixture
def transport():
    return MemoryTransport()


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


@pytest.mark.parametrize("count", [0, -1, -(2**31)])
def test_invalid_partition_count_fails_the_start_clearly(transport, cluster, clients, count):
    cluster.partition_count = count
    cluster.start_member()
    client = clients()
    error = error_of(client.start())
    assert isinstance(error, ClientNotAllowedInClusterError)
    assert not isinstance(error, ClientOfflineError)
    assert "invalid partition count %d" % count in str(error)
    assert "127.0.0.1:5701" in str(error)


def test_huge_partition_count_allocates_only_what_arrived(transport, cluster, clients):
    # the table used to be allocated from the count: 10^8 cost 786 MB
    cluster.partition_count = 2**31 - 1
    cluster.partition_ids = [0, 5, 2**31 - 2, -3]  # the last one is out of range
    cluster.start_member()
    client = clients()
    with allocation_at_most(5_000_000):
        done(client.start())
        transport.run_pending()
    service = client.runtime.partition_service
    assert service.get_partition_count() == 2**31 - 1
    member = cluster.members[0]
    assert service.get_partition_owner(2**31 - 2) == member.uuid
    assert service.get_partition_owner(1) is None


def test_dropped_connection_with_unacknowledged_backups_is_reported_as_such(transport, cluster, clients):
    member = cluster.start_member()
    client = clients()
    done(client.start())
    m = client.map()
    member.backup_acks = 1  # the backup acknowledgement never comes
    put = m.put("key", "value")
    transport.run_pending()
    assert not put.done()
    [connection] = member.connections
    connection.close_by_member()  # the member stays; only the connection dropped
    transport.run_pending()
    error = error_of(put)
    # the class a user of the official client catches, and ours
    assert isinstance(error, ConnectionDroppedError)
    assert isinstance(error, TargetDisconnectedError)
    assert isinstance(error, IndeterminateOperationStateError)
    message = str(error)
    assert "connection" in message and "closed" in message and "left" not in message
    assert "Connection closed by the member" in message
    assert member in cluster.members


def test_partition_count_of_a_connected_client_is_never_zero(transport, cluster, clients):
    cluster.start_member()
    client = clients()
    done(client.start())
    assert client.runtime.partition_service.get_partition_count() == 271
    assert 0 <= client.runtime.partition_service.get_partition_id("key") < 271
    m = client.map()
    assert settle(transport, m.put("k", "v")).result() is None


def test_a_request_bound_to_a_connection_that_closed_reports_why_it_closed(transport, cluster, clients):
    # A member that sends garbage as soon as it accepts: the connection closes before
    # the authentication goes out on it, and that request's error carries the reason.
    from hazelcast.invocation import Invocation
    from hazelcast.protocol.codec import client_ping_codec

    cluster.start_member()
    client = clients()
    done(client.start())
    [connection] = client.runtime.connection_manager.active_connections.values()
    connection.close("Malformed message: message of at least 2147483647 bytes exceeds the maximum", None)
    transport.run_pending()
    invocation = Invocation(client_ping_codec.encode_request(), connection=connection)
    client.runtime.invocation_service.invoke(invocation)
    transport.run_pending()
    error = error_of(invocation)
    assert isinstance(error, TargetDisconnectedError)
    assert "bound to is closed: Malformed message: message of at least" in str(error)


def test_a_request_that_finds_its_connection_closing_is_retried_not_failed(transport, cluster, clients):
    # A connection closing on another thread is not live before it leaves the
    # active connections; a request routed to it then was never sent, so it is
    # retried (as the official client does) even if it is not idempotent.
    member = cluster.start_member()
    client = clients(invocation_retry_pause=0.5)
    done(client.start())
    m = client.map()
    [connection] = client.runtime.connection_manager.active_connections.values()
    connection.live = False  # the closing thread has only got this far
    put = m.put("key", "value")
    transport.run_pending()
    assert not put.done(), error_of(put)
    assert not [entry for entry in member.seen("map.put") if entry[2] is connection]
    connection.live = True
    connection.close("Connection closed by the member", None)  # the closing completes
    transport.advance(5)  # reconnection, then the retry on the new connection
    assert settle(transport, put).result() is None
    assert len(member.seen("map.put")) == 1
