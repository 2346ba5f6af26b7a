"""Transactions: begin/commit/rollback, isolation, timeouts, thread (task) binding, the
transactional Map, MultiMap, Queue, List and Set, in the threaded and asyncio clients,
and a member dying during a TWO_PHASE commit."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid

import pytest

import hazelcast
import hazelcast.asyncio
from hazelcast import predicate
from hazelcast.errors import HazelcastError, TransactionError, TransactionTimedOutError
from hazelcast.proxy.transactional_list import TransactionalList
from hazelcast.proxy.transactional_map import TransactionalMap
from hazelcast.proxy.transactional_multi_map import TransactionalMultiMap
from hazelcast.proxy.transactional_queue import TransactionalQueue
from hazelcast.proxy.transactional_set import TransactionalSet
from hazelcast.transaction import ONE_PHASE, TWO_PHASE, Transaction

from waiting import wait_until

TYPES = pytest.mark.parametrize("txn_type", [TWO_PHASE, ONE_PHASE], ids=["two-phase", "one-phase"])


def _name(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:12])


@pytest.fixture
def other(hz_cluster3):
    """A second client: what the rest of the world sees."""
    c = hazelcast.HazelcastClient(**hz_cluster3.client_config())
    yield c
    c.shutdown()


# -- commit, isolation, rollback ---------------------------------------------------


@TYPES
def test_commit_makes_writes_visible_and_others_do_not_see_them_before(client3, other, txn_type):
    name = _name("iso")
    seen = other.get_map(name).blocking()
    seen.put("kept", "old")
    t = client3.new_transaction(type=txn_type)
    assert isinstance(t, Transaction) and t.state == "not_started" and t.id is None
    t.begin()
    assert t.state == "active" and t.id is not None and t.thread_id == threading.get_ident()
    m = t.get_map(name)
    assert isinstance(m, TransactionalMap)
    assert m.put("k%d" % 0, "v0") is None
    for i in range(1, 20):
        m.set("k%d" % i, "v%d" % i)
    assert m.put("kept", "new") == "old"
    # The transaction sees its own writes ...
    assert m.get("k5") == "v5" and m.get("kept") == "new" and m.size() == 21
    # ... the rest of the world does not: reads show the committed state (with
    # TWO_PHASE, a get of a key the transaction holds waits for its end).
    assert seen.get_all(["k5", "kept"]) == {"kept": "old"} and seen.size() == 1
    assert sorted(seen.values()) == ["old"]
    waiting_read = other.get_map(name).get("kept")
    t.commit()
    assert t.state == "committed"
    assert waiting_read.result() == ("new" if txn_type == TWO_PHASE else "old")
    assert seen.get("k5") == "v5" and seen.get("kept") == "new" and seen.size() == 21


@TYPES
def test_rollback_restores_every_structure(client3, other, txn_type):
    mname, qname, lname = _name("rb-map"), _name("rb-queue"), _name("rb-list")
    seen = other.get_map(mname).blocking()
    seen.put("a", 1)
    seen.put("b", 2)
    queue = other.get_queue(qname).blocking()
    queue.offer("first")
    t = client3.new_transaction(type=txn_type)
    t.begin()
    m = t.get_map(mname)
    m.put("a", 10)
    m.delete("b")
    m.put("c", 3)
    assert t.get_queue(qname).poll() == "first"
    t.get_queue(qname).offer("second")
    t.get_list(lname).add("x")
    t.rollback()
    assert t.state == "rolled_back"
    assert seen.get("a") == 1 and seen.get("b") == 2 and seen.get("c") is None
    assert queue.size() == 1 and queue.peek() == "first"
    assert other.get_list(lname).blocking().size() == 0
    # The keys it wrote are no longer locked.
    assert seen.try_put("a", 11, timeout=5)


def test_context_manager_commits_on_normal_exit(client3, other):
    name = _name("cm")
    with client3.new_transaction() as t:
        assert t.state == "active"
        t.get_map(name).put("k", "v")
        assert other.get_map(name).blocking().get_all(["k"]) == {}
    assert t.state == "committed"
    assert other.get_map(name).blocking().get("k") == "v"


def test_context_manager_rolls_back_on_exception(client3, other):
    name = _name("cm-rb")

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with client3.new_transaction() as t:
            t.get_map(name).put("k", "v")
            raise Boom()
    assert t.state == "rolled_back"
    assert other.get_map(name).blocking().get("k") is None
    assert other.get_map(name).blocking().try_put("k", "free", timeout=5)


def test_conflicting_transactions_wait_for_the_key_lock(client3, other):
    # A key written by one transaction stays locked for the others until it ends.
    name = _name("lock")
    t = client3.new_transaction(timeout=60)
    t.begin()
    t.get_map(name).put("k", "first")
    seen = other.get_map(name).blocking()
    assert seen.try_put("k", "other", timeout=0.5) is False
    t.commit()
    assert seen.get("k") == "first"
    assert seen.try_put("k", "other", timeout=5) is True


# -- timeout ------------------------------------------------------------------------


def test_timeout_expiry_rolls_back(client3, other):
    name = _name("timeout")
    seen = other.get_map(name).blocking()
    seen.put("k", "before")
    t = client3.new_transaction(timeout=2)
    t.begin()
    t.get_map(name).put("k", "in-txn")
    began = time.monotonic()
    # Once the timeout has passed, the member releases the key: another client's
    # write then gets through (it waits while the transaction holds the key).
    wait_until(lambda: seen.try_put("k", "after", timeout=1), message="the key released by the timeout")
    assert time.monotonic() - began >= 1.5
    with pytest.raises(TransactionError, match="timed out"):
        t.commit()
    assert t.state == "rolling_back"
    t.rollback()
    assert t.state == "rolled_back"
    assert seen.get("k") == "after"


def test_the_member_refuses_to_commit_a_timed_out_transaction(client3, other):
    # Past its timeout the member has rolled the transaction back: even a commit
    # that skips the client-side check writes nothing.
    name = _name("timeout-member")
    seen = other.get_map(name).blocking()
    t = client3.new_transaction(timeout=2)
    t.begin()
    t.get_map(name).put("k", "in-txn")
    wait_until(lambda: seen.try_put("other", 1, timeout=0) and seen.try_put("k", "after", timeout=1),
                message="the key released by the timeout")
    t._deadline = float("inf")  # skip the client-side check
    with pytest.raises(TransactionTimedOutError):
        t.commit()
    assert t.state == "rolling_back"
    assert seen.get("k") == "after"


# -- state checks and thread binding -------------------------------------------------


def test_state_checks(client3):
    t = client3.new_transaction()
    with pytest.raises(TransactionError, match="not active"):
        t.commit()
    with pytest.raises(TransactionError, match="not active"):
        t.rollback()
    with pytest.raises(TransactionError, match="not in active state"):
        t.get_map("m")
    t.begin()
    with pytest.raises(TransactionError, match="already been started|Nested"):
        t.begin()
    t.commit()
    with pytest.raises(TransactionError, match="not active"):
        t.commit()
    with pytest.raises(TransactionError, match="not active"):
        t.rollback()
    with pytest.raises(TransactionError):
        t.get_map("m")
    with pytest.raises(TransactionError, match="already been started"):
        t.begin()


def test_nested_transactions_in_one_thread_are_refused(client3):
    outer = client3.new_transaction()
    outer.begin()
    inner = client3.new_transaction()
    with pytest.raises(TransactionError, match="Nested"):
        inner.begin()
    assert inner.state == "not_started"
    outer.rollback()
    inner.begin()  # the thread is free again
    inner.commit()


def test_a_transaction_is_bound_to_the_thread_that_began_it(client3, other):
    name = _name("thread")
    t = client3.new_transaction()
    t.begin()
    t.get_map(name).put("k", "v")
    errors = []

    def elsewhere():
        for call in (t.commit, t.rollback, lambda: t.get_map(name)):
            try:
                call()
            except TransactionError as e:
                errors.append(str(e))
        # Another thread may run its own transaction meanwhile.
        with client3.new_transaction() as own:
            own.get_map(name).put("other-thread", 1)

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join(60)
    assert len(errors) == 3 and all("multiple threads" in e for e in errors), errors
    assert t.state == "active"
    t.commit()
    assert other.get_map(name).blocking().get("k") == "v"
    assert other.get_map(name).blocking().get("other-thread") == 1


# -- every transactional structure ---------------------------------------------------


def test_transactional_map_methods(client3, other):
    name = _name("tmap")
    seen = other.get_map(name).blocking()
    seen.put_all({"a": 1, "b": 2, "c": 3, "d": 4})
    with client3.new_transaction() as t:
        m = t.get_map(name)
        assert t.get_map(name) is m and repr(m) == 'TransactionalMap(name="%s")' % name
        assert m.contains_key("a") and not m.contains_key("z")
        assert m.get("a") == 1 and m.get("z") is None
        assert m.get_for_update("b") == 2
        assert m.size() == 4 and not m.is_empty()
        assert m.put("e", 5) is None and m.put("e", 6, ttl=60) == 5
        assert m.put_if_absent("a", 100) == 1 and m.put_if_absent("f", 7) is None
        assert m.set("g", 8) is None
        assert m.replace("a", 10) == 1 and m.replace("zz", 1) is None
        assert m.replace_if_same("b", 2, 20) is True and m.replace_if_same("b", 2, 30) is False
        assert m.remove("c") == 3 and m.remove("c") is None
        assert m.remove_if_same("d", 99) is False and m.remove_if_same("d", 4) is True
        m.set("h", 9)
        assert m.delete("h") is None and m.get("h") is None
        assert sorted(m.key_set()) == ["a", "b", "e", "f", "g"]
        assert sorted(m.values()) == [6, 7, 8, 10, 20]
        assert sorted(m.key_set(predicate.greater("this", 7))) == ["a", "b", "g"]
        assert sorted(m.values(predicate.less("this", 8))) == [6, 7]
        with pytest.raises(AssertionError):
            m.put(None, 1)
        assert seen.get_all(["a", "e"]) == {"a": 1} and seen.size() == 4
    assert seen.get_all(["a", "b", "c", "d", "e", "f", "g"]) == {"a": 10, "b": 20, "e": 6, "f": 7, "g": 8}
    with client3.new_transaction() as t:
        assert t.get_map(_name("empty")).is_empty()


def test_transactional_multi_map_methods(client3, other):
    name = _name("tmm")
    with client3.new_transaction() as t:
        mm = t.get_multi_map(name)
        assert isinstance(mm, TransactionalMultiMap)
        assert mm.put("k", 1) and mm.put("k", 2) and mm.put("j", 3)
        assert sorted(mm.get("k")) == [1, 2]
        assert mm.value_count("k") == 2 and mm.size() == 3
        assert mm.remove("k", 1) is True and mm.remove("k", 99) is False
        assert mm.remove_all("j") == [3]
        assert mm.size() == 1
        assert other.get_multi_map(name).blocking().size() == 0
    outside = other.get_multi_map(name).blocking()
    assert outside.get("k") == [2] and outside.size() == 1


def test_transactional_queue_methods(client3, other):
    name = _name("tq")
    outside = other.get_queue(name).blocking()
    outside.offer("x")
    with client3.new_transaction() as t:
        q = t.get_queue(name)
        assert isinstance(q, TransactionalQueue)
        assert q.offer("a") and q.offer("b", timeout=1)
        assert q.size() == 3
        assert q.peek() == "x"
        assert q.poll() == "x"
        assert q.take() == "a"
        assert q.poll(timeout=0.1) == "b"
        assert q.poll() is None and q.peek(timeout=0.1) is None
        q.offer("c")
        # "x" is reserved by the transaction, "c" not committed yet.
        assert outside.size() == 0 and outside.peek() is None
    assert outside.size() == 1 and outside.poll() == "c"


def test_transactional_list_and_set_methods(client3, other):
    lname, sname = _name("tl"), _name("ts")
    other.get_set(sname).blocking().add("c")
    with client3.new_transaction() as t:
        tl, ts = t.get_list(lname), t.get_set(sname)
        assert isinstance(tl, TransactionalList) and isinstance(ts, TransactionalSet)
        assert tl.add("a") and tl.add("a") and tl.add("b")
        assert tl.remove("a") and not tl.remove("zz")
        assert tl.size() == 2
        assert ts.add("a") and not ts.add("a") and not ts.add("c")
        assert ts.remove("c") and not ts.remove("c")
        assert ts.size() >= 1
        assert other.get_list(lname).blocking().size() == 0
        assert other.get_set(sname).blocking().get_all() == []  # "c" is reserved by the removal
    assert sorted(other.get_list(lname).blocking().get_all()) == ["a", "b"]
    assert other.get_set(sname).blocking().get_all() == ["a"]


# -- the asyncio client ---------------------------------------------------------------


async def _off_loop(function, *args):
    # The threaded client may not wait on the asyncio client's loop.
    return await asyncio.get_running_loop().run_in_executor(None, function, *args)


def _run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 120))


def test_asyncio_transaction_commit_rollback_and_isolation(hz_cluster3, other):
    mname, qname = _name("aio-map"), _name("aio-queue")
    seen = other.get_map(mname).blocking()

    class Boom(Exception):
        pass

    async def body():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**hz_cluster3.client_config())
        try:
            async with await client.new_transaction() as t:
                assert t.state == "active"
                m = t.get_map(mname)
                assert t.get_map(mname) is m
                assert await m.put("k", "v") is None
                assert await m.get("k") == "v" and await m.size() == 1
                await t.get_queue(qname).offer("item")
                assert await _off_loop(seen.get_all, ["k"]) == {}
            assert t.state == "committed"
            assert await _off_loop(seen.get, "k") == "v"

            with pytest.raises(Boom):
                async with await client.new_transaction(type=ONE_PHASE) as t2:
                    await t2.get_map(mname).put("k", "rolled-back")
                    assert await t2.get_queue(qname).poll() == "item"
                    raise Boom()
            assert t2.state == "rolled_back"

            t3 = await client.new_transaction(timeout=30)
            await t3.begin()
            mm = t3.get_multi_map(mname + "-mm")
            assert await mm.put("a", 1) and await mm.value_count("a") == 1
            assert await mm.get("a") == [1] and await mm.size() == 1
            assert await t3.get_list(mname + "-l").add(1)
            assert await t3.get_set(mname + "-s").add(1)
            tm = t3.get_map(mname)
            assert await tm.replace_if_same("k", "v", "w") and await tm.key_set() == ["k"]
            assert await tm.values() == ["w"]
            await t3.rollback()
            assert t3.state == "rolled_back"
        finally:
            await client.shutdown()

    _run(body())
    assert seen.get("k") == "v"
    assert other.get_queue(qname).blocking().size() == 1


def test_asyncio_transaction_is_bound_to_its_task(hz_cluster3, other):
    name = _name("aio-task")

    async def body():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**hz_cluster3.client_config())
        try:
            t = await client.new_transaction()
            await t.begin()
            await t.get_map(name).put("k", 1)
            nested = await client.new_transaction()
            with pytest.raises(TransactionError, match="Nested"):
                await nested.begin()

            async def other_task():
                with pytest.raises(TransactionError, match="multiple threads"):
                    await t.commit()
                with pytest.raises(TransactionError):
                    t.get_map(name)
                # Another task runs its own transaction meanwhile.
                async with await client.new_transaction() as own:
                    await own.get_map(name).put("other-task", 2)

            await asyncio.gather(other_task(), other_task())
            assert t.state == "active"
            await t.commit()
        finally:
            await client.shutdown()

    _run(body())
    assert other.get_map(name).blocking().get_all(["k", "other-task"]) == {"k": 1, "other-task": 2}


def test_asyncio_calls_of_one_transaction_gathered_are_all_applied(hz_cluster3, other):
    # The member keeps a transaction's state without synchronisation: sent at the
    # same time, such calls lose writes there. The client sends them one at a time.
    mname, qname = _name("aio-gather"), _name("aio-gather-q")
    count = 500

    async def body():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**hz_cluster3.client_config())
        try:
            async with await client.new_transaction() as t:
                m, q = t.get_map(mname), t.get_queue(qname)
                puts = [m.put("k%d" % i, i) for i in range(count)]
                offers = [q.offer(i) for i in range(50)]
                assert await asyncio.gather(*puts, *offers) == [None] * count + [True] * 50
                assert await asyncio.gather(m.size(), q.size(), m.get("k7")) == [count, 50, 7]
        finally:
            await client.shutdown()

    _run(body())
    assert other.get_map(mname).blocking().size() == count
    assert other.get_queue(qname).blocking().size() == 50


def test_calls_of_one_transaction_from_many_threads_are_all_applied(client3, other):
    # A transactional proxy used from several threads (its requests carry the id of
    # the thread that began the transaction): sent at once, the member loses some
    # of them now and then (seen: size() 793 of 800); one at a time, never.
    for round_ in range(3):
        name = _name("threads-%d" % round_)
        t = client3.new_transaction()
        t.begin()
        m = t.get_map(name)
        errors = []

        def put_many(k):
            try:
                for i in range(100):
                    m.put("k%d-%d" % (k, i), i)
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=put_many, args=(k,)) for k in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        assert m.size() == 800
        t.commit()
        assert other.get_map(name).blocking().size() == 800


# -- a member dying during the commit ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("victim_role", ["transaction-member", "other-member"])
def test_member_dying_during_two_phase_commit_loses_no_committed_write(cluster_factory, victim_role):
    cluster = cluster_factory(member_count=3, map_configs={"txn*": {"backup_count": 1}})
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        wait_until(lambda: len(client.cluster_service.get_members()) == 3, message="3 members")
        wait_until(lambda: len(client._connection_manager.active_connections) == 3, message="3 connections")
        name = "txn-durable"
        t = client.new_transaction(timeout=60, durability=1, type=TWO_PHASE)
        t.begin()
        m = t.get_map(name)
        expected = {"key-%d" % i: i for i in range(300)}
        for key, value in expected.items():
            m.set(key, value)
        port = t.connection.remote_address.port
        # The member the transaction's connection goes to (its coordinator), or one
        # that only owns partitions of some of the keys.
        victim = next(member for member in cluster.members if (member.port == port) == (victim_role == "transaction-member"))
        outcome = {}
        # The transaction is bound to this thread: the member dies from another one
        # while this one commits.
        killer = threading.Thread(target=victim.kill)
        killer.start()
        try:
            t.commit()
            outcome["ok"] = True
        except HazelcastError as e:
            outcome["error"] = e
        print("commit outcome: %r" % (outcome,))
        killer.join(120)
        assert not killer.is_alive()
        survivor = hazelcast.HazelcastClient(
            **dict(cluster.client_config(), cluster_members=[mb.address for mb in cluster.members if mb is not victim])
        )
        try:
            seen = survivor.get_map(name).blocking()
            if "ok" in outcome:
                assert t.state == "committed"
                # Every write of a commit that returned is there after the death.
                assert seen.get_all(list(expected)) == expected
            else:
                # The commit failed: with the connection (TargetDisconnectedError) or
                # refused by the members; the transaction is then left for rollback.
                # How much of it the members wrote depends on when the coordinator
                # died (test_transactions_mid_commit.py kills it while the commit
                # is being written: part of it stays); no commit returned here.
                assert isinstance(outcome["error"], HazelcastError), outcome
                assert t.state == "rolling_back"
                t.rollback()
                assert t.state == "rolled_back"
            # The cluster carries on with transactions.
            with survivor.new_transaction() as again:
                again.get_map(name).put("after", 1)
            assert seen.get("after") == 1
        finally:
            survivor.shutdown()
    finally:
        client.shutdown()
