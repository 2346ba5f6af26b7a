"""A member killed while a TWO_PHASE commit is being written (not before it, not
after it): a commit that returns has written every change; one that fails does so
at once (coordinator killed) or after the invocation timeout, never hangs.

The transaction's map has a write-through MapStore taking 100 ms a store
(tests/java/.../transaction/SlowMapStore.java), so writing the 300 changes of the
commit lasts about a second; the member is killed once another client sees the
first of them and before it sees the last (a query: it sees the entries as they
are written, while size() waits behind the partition threads busy storing)."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import HazelcastError, OperationTimeoutError, TargetDisconnectedError
from hazelcast.transaction import TWO_PHASE

from waiting import wait_until

pytestmark = [pytest.mark.slow, pytest.mark.java_classes]

SLOW_MAP_XML = """
<map name="txn-slow-*">
    <backup-count>1</backup-count>
    <map-store enabled="true" initial-mode="LAZY">
        <class-name>com.hazelcast.pyclienttest.transaction.SlowMapStore</class-name>
        <write-delay-seconds>0</write-delay-seconds>
    </map-store>
</map>
"""
CHANGES = 300
# Short, so that a commit the members never answer (see below) fails soon.
INVOCATION_TIMEOUT = 30


@pytest.mark.parametrize("victim_role", ["other-member", "transaction-member"])
def test_a_member_killed_while_the_commit_is_written(cluster_factory, victim_role):
    cluster = cluster_factory(member_count=3, java_classes=True, extra_xml=SLOW_MAP_XML)
    client = hazelcast.HazelcastClient(**cluster.client_config(), invocation_timeout=INVOCATION_TIMEOUT)
    observer = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        wait_until(lambda: len(client._connection_manager.active_connections) == 3, message="3 connections")
        name = "txn-slow-" + uuid.uuid4().hex[:10]
        expected = {"key-%d" % i: i for i in range(CHANGES)}
        t = client.new_transaction(timeout=120, durability=1, type=TWO_PHASE)
        t.begin()
        m = t.get_map(name)
        for key, value in expected.items():
            m.set(key, value)
        port = t.connection.remote_address.port
        # The member the transaction's connection goes to (it coordinates the
        # commit), or one that only owns partitions of some of the keys.
        victim = next(
            member for member in cluster.members if (member.port == port) == (victim_role == "transaction-member")
        )
        seen = observer.get_map(name).blocking()
        killed = {}

        def kill_while_the_commit_is_written():
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                written = len(seen.values())
                if written:
                    killed["written"] = written
                    victim.kill()
                    return

        # The transaction is bound to this thread: the member is killed from another.
        killer = threading.Thread(target=kill_while_the_commit_is_written)
        killer.start()
        outcome = {}
        started = time.monotonic()
        try:
            t.commit()
            outcome["ok"] = True
        except HazelcastError as e:
            outcome["error"] = e
        elapsed = time.monotonic() - started
        killer.join(120)
        assert not killer.is_alive()
        # The member died while the commit was being written.
        assert 0 < killed.get("written", 0) < CHANGES, killed
        print("written before the kill: %d; commit outcome: %r" % (killed["written"], outcome))

        survivor = hazelcast.HazelcastClient(
            **dict(cluster.client_config(), cluster_members=[mb.address for mb in cluster.members if mb is not victim])
        )
        try:
            survived = survivor.get_map(name).blocking()
            if victim_role == "other-member" and "ok" in outcome:
                # The coordinator finished the commit on the new owners of the dead
                # member's partitions: the commit returned, nothing is lost.
                assert t.state == "committed"
                assert survived.get_all(list(expected)) == expected
            elif victim_role == "other-member":
                # Seen now and then with Hazelcast 5.7.0 members: the coordinator
                # never answers the commit (its log shows ResponseAlreadySentException
                # for the TxnSetOperations it sent again to the new owners). The
                # client gives up after its invocation timeout, without knowing how
                # much was written; it does not wait longer.
                assert isinstance(outcome["error"], OperationTimeoutError), outcome
                assert elapsed < INVOCATION_TIMEOUT + 15, elapsed
                assert t.state == "rolling_back"
                t.rollback()
            else:
                # The connection of the commit died with its coordinator: the commit
                # fails at once (no hang) with TargetDisconnectedError, and the client
                # cannot know how much of it was written.
                assert isinstance(outcome.get("error"), TargetDisconnectedError), outcome
                assert elapsed < 15, elapsed
                assert t.state == "rolling_back"
                t.rollback()
                assert t.state == "rolled_back"
                # What the commit had written before the coordinator died stays.
                assert survived.size() >= killed["written"]
                print("after the coordinator died: %d of %d written" % (survived.size(), CHANGES))
            with survivor.new_transaction() as again:
                again.get_map(name).put("after", 1)
            assert survived.get("after") == 1
        finally:
            survivor.shutdown()
    finally:
        observer.shutdown()
        client.shutdown()
