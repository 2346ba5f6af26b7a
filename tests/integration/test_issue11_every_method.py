"""Walks the official method lists (tests/compat/official_api.json) of PNCounter,
FlakeIdGenerator, Executor, Transaction and the transactional Map, MultiMap, Queue,
List and Set, and calls every method against a real member in each face:

- the proxies in the three faces: the threaded client's Future-returning proxy
  (``hazelcast.proxy.<x>.<X>``), its ``.blocking()`` twin (``Blocking<X>``) and the
  asyncio client's face (``hazelcast.internal.asyncio_proxy.<x>.<X>``), each walked
  against its own recorded class;
- the transaction classes in the two faces they have: the official (blocking)
  classes of the threaded client and the asyncio client's awaited twins (the
  official client has no Future-returning transactional proxies).

Each call's result is checked; a method missing from a face, a coroutine where the
official one is plain (or the reverse), or NotImplementedError fails the test.
"""

from __future__ import annotations

import inspect
import json
import os
import uuid

import pytest

import hazelcast
from hazelcast import predicate
from hazelcast.future import Future

from client_faces import AsyncioClientDriver
from test_executor import MEMBER_XML, FailingCallable, MemberUuidCallable, client_options

pytestmark = [pytest.mark.java_classes]

_RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
with open(_RECORD_PATH, encoding="utf-8") as _f:
    RECORD = json.load(_f)["classes"]

PROXY_FACES = ("future", "blocking", "asyncio")
PROXY_MODULES = {
    "PNCounter": "pn_counter",
    "FlakeIdGenerator": "flake_id_generator",
    "Executor": "executor",
}


def recorded_methods(target):
    """name -> recorded member (kind "method") of an official class."""
    members = RECORD[target]["members"]
    return {name: m for name, m in members.items() if m["kind"] == "method" and name != "__init__"}


def recorded_target(class_name, face):
    module = PROXY_MODULES[class_name]
    if face == "future":
        return "hazelcast.proxy.%s.%s" % (module, class_name)
    if face == "blocking":
        return "hazelcast.proxy.%s.Blocking%s" % (module, class_name)
    return "hazelcast.internal.asyncio_proxy.%s.%s" % (module, class_name)


# -- one cluster, one threaded and one asyncio client --------------------------------


@pytest.fixture(scope="module")
def cluster():
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=MEMBER_XML)
    yield c
    c.shutdown()


@pytest.fixture(scope="module")
def threaded(cluster):
    c = hazelcast.HazelcastClient(**cluster.client_config(), **client_options())
    yield c
    c.shutdown()


@pytest.fixture(scope="module")
def driver(cluster):
    d = AsyncioClientDriver(**cluster.client_config(), **client_options())
    yield d
    d.shutdown()


class ProxyWalker:
    """Gets a proxy in one face and calls its methods as that face's users do,
    checking that each call has the shape the recorded official class has."""

    def __init__(self, face, threaded, driver, class_name, getter):
        self.face = face
        self.driver = driver
        self.recorded = recorded_methods(recorded_target(class_name, face))
        name = "%s-%s" % (class_name.lower(), uuid.uuid4().hex[:10])
        if face == "asyncio":
            self.proxy = driver.run(getattr(driver.client, getter)(name))
        else:
            proxy = getattr(threaded, getter)(name)
            self.proxy = proxy.blocking() if face == "blocking" else proxy
        self.called = set()

    def __call__(self, method, *args):
        self.called.add(method)
        attribute = getattr(self.proxy, method, None)
        assert attribute is not None, "%s face: %s is missing" % (self.face, method)
        coroutine = bool(self.recorded[method].get("coroutine"))
        assert inspect.iscoroutinefunction(attribute) == coroutine, "%s face: %s awaited is wrong" % (self.face, method)
        try:
            result = attribute(*args)
            if coroutine:
                return self.driver.run(result)
            if self.face == "future" and method not in ("blocking", "destroy", "reset"):
                assert isinstance(result, Future), "future face: %s returned %r" % (method, result)
                return result.result()
            assert not isinstance(result, Future), "%s face: %s returned a Future" % (self.face, method)
            return result
        except NotImplementedError as e:  # pragma: no cover - the failure this test is for
            pytest.fail("%s face: %s raises NotImplementedError: %s" % (self.face, method, e))

    def check_every_method_called(self):
        assert sorted(set(self.recorded) - self.called) == [], "a recorded method was not walked"


@pytest.mark.parametrize("face", PROXY_FACES)
def test_every_pn_counter_method(face, threaded, driver):
    call = ProxyWalker(face, threaded, driver, "PNCounter", "get_pn_counter")
    assert call("get") == 0
    assert call("add_and_get", 5) == 5
    assert call("get_and_add", 3) == 5
    assert call("subtract_and_get", 2) == 6
    assert call("get_and_subtract", 1) == 6
    assert call("increment_and_get") == 6
    assert call("get_and_increment") == 6
    assert call("decrement_and_get") == 6
    assert call("get_and_decrement") == 6
    assert call("get") == 5
    assert call("reset") is None
    assert call("get") == 5
    if face != "asyncio":  # the official asyncio face has no blocking()
        twin = call("blocking")
        assert type(twin).__name__ == "BlockingPNCounter" and twin.get() == 5
    assert call("destroy") is True
    call.check_every_method_called()


@pytest.mark.parametrize("face", PROXY_FACES)
def test_every_flake_id_generator_method(face, threaded, driver):
    call = ProxyWalker(face, threaded, driver, "FlakeIdGenerator", "get_flake_id_generator")
    ids = [call("new_id") for _ in range(250)]  # three batches of the default 100
    assert len(set(ids)) == 250 and all(isinstance(i, int) and 0 <= i < 2**63 for i in ids)
    if face != "asyncio":
        from hazelcast.proxy.flake_id_generator import BlockingFlakeIdGenerator

        twin = call("blocking")
        assert isinstance(twin, BlockingFlakeIdGenerator) and twin.new_id() not in ids
    assert call("destroy") is True
    call.check_every_method_called()


@pytest.mark.parametrize("face", PROXY_FACES)
def test_every_executor_method(face, threaded, driver):
    from hazelcast.errors import IllegalStateError

    call = ProxyWalker(face, threaded, driver, "Executor", "get_executor")
    member = threaded.cluster_service.get_members()[0]
    expected = str(member.uuid)
    assert call("execute_on_member", member, MemberUuidCallable("m:")) == "m:" + expected
    assert call("execute_on_members", [member], MemberUuidCallable()) == [expected]
    assert call("execute_on_all_members", MemberUuidCallable("all:")) == ["all:" + expected]
    assert call("execute_on_key_owner", "some-key", MemberUuidCallable("k:")) == "k:" + expected
    with pytest.raises(IllegalStateError, match="walked"):
        call("execute_on_key_owner", "some-key", FailingCallable("walked"))
    assert call("is_shutdown") is False
    assert call("shutdown") is None
    assert call("is_shutdown") is True
    if face != "asyncio":
        twin = call("blocking")
        assert type(twin).__name__ == "BlockingExecutor" and twin.is_shutdown() is True
    assert call("destroy") is True
    call.check_every_method_called()


# -- transactions: the official classes and the asyncio twins ------------------------------

# Per transactional class: (method, args, expected result or a check of it), walked in
# one transaction that starts from what prepare() puts there (through another proxy).
# After the commit, the committed state is what COMMITTED says.

MAP_STEPS = [
    ("contains_key", ("a",), True),
    ("contains_key", ("z",), False),
    ("get", ("a",), 1),
    ("get_for_update", ("b",), 2),
    ("size", (), 4),
    ("is_empty", (), False),
    ("put", ("e", 5), None),
    ("put", ("e", 6, 60), 5),
    ("put_if_absent", ("a", 100), 1),
    ("put_if_absent", ("f", 7), None),
    ("set", ("g", 8), None),
    ("replace", ("a", 10), 1),
    ("replace", ("zz", 1), None),
    ("replace_if_same", ("b", 2, 20), True),
    ("replace_if_same", ("b", 2, 30), False),
    ("remove", ("c",), 3),
    ("remove_if_same", ("d", 99), False),
    ("remove_if_same", ("d", 4), True),
    ("delete", ("g",), None),
    ("get", ("g",), None),
    ("key_set", (), lambda r: sorted(r) == ["a", "b", "e", "f"]),
    ("key_set", (predicate.greater("this", 6),), lambda r: sorted(r) == ["a", "b", "f"]),
    ("values", (), lambda r: sorted(r) == [6, 7, 10, 20]),
    ("values", (predicate.less("this", 8),), lambda r: sorted(r) == [6, 7]),
]
MULTI_MAP_STEPS = [
    ("put", ("k", 1), True),
    ("put", ("k", 2), True),
    ("put", ("j", 3), True),
    ("get", ("k",), lambda r: sorted(r) == [1, 2]),
    ("value_count", ("k",), 2),
    ("size", (), 3),
    ("remove", ("k", 1), True),
    ("remove", ("k", 99), False),
    ("remove_all", ("j",), [3]),
    ("size", (), 1),
]
QUEUE_STEPS = [
    ("offer", ("a",), True),
    ("offer", ("b", 1), True),
    ("size", (), 3),
    ("peek", (), "x"),
    ("peek", (0.1,), "x"),
    ("poll", (), "x"),
    ("take", (), "a"),
    ("poll", (0.1,), "b"),
    ("poll", (), None),
    ("offer", ("c",), True),
    ("size", (), 1),
]
LIST_STEPS = [
    ("add", ("a",), True),
    ("add", ("b",), True),
    ("remove", ("a",), True),
    ("remove", ("zz",), False),
    ("size", (), 1),
]
SET_STEPS = [
    ("add", ("s",), True),
    ("add", ("s",), False),
    ("add", ("c",), False),  # "c" is committed already
    ("remove", ("c",), True),
    ("remove", ("c",), False),
    # The member counts the committed items, removed ones included, plus the added
    # ones (the official client gets the same answer).
    ("size", (), 2),
]
# getter, official class, steps
STRUCTURES = [
    ("get_map", "hazelcast.proxy.transactional_map.TransactionalMap", MAP_STEPS),
    ("get_multi_map", "hazelcast.proxy.transactional_multi_map.TransactionalMultiMap", MULTI_MAP_STEPS),
    ("get_queue", "hazelcast.proxy.transactional_queue.TransactionalQueue", QUEUE_STEPS),
    ("get_list", "hazelcast.proxy.transactional_list.TransactionalList", LIST_STEPS),
    ("get_set", "hazelcast.proxy.transactional_set.TransactionalSet", SET_STEPS),
]


def test_the_steps_walk_every_official_transactional_method():
    for _, target, steps in STRUCTURES:
        assert sorted(recorded_methods(target)) == sorted({s[0] for s in steps}), target
    assert sorted(recorded_methods("hazelcast.transaction.Transaction")) == [
        "__enter__", "__exit__", "begin", "commit", "get_list", "get_map", "get_multi_map", "get_queue",
        "get_set", "rollback",
    ]


def _check(structure, method, args, result, expected):
    if callable(expected):
        assert expected(result), "%s.%s%r returned %r" % (structure, method, args, result)
    else:
        assert result == expected, "%s.%s%r returned %r, not %r" % (structure, method, args, result, expected)


def _prepare(threaded, names):
    threaded.get_map(names["get_map"]).blocking().put_all({"a": 1, "b": 2, "c": 3, "d": 4})
    threaded.get_queue(names["get_queue"]).blocking().offer("x")
    threaded.get_set(names["get_set"]).blocking().add("c")


def _check_committed(threaded, names):
    assert threaded.get_map(names["get_map"]).blocking().get_all(list("abcdefgz")) == {
        "a": 10, "b": 20, "e": 6, "f": 7,
    }
    multi_map = threaded.get_multi_map(names["get_multi_map"]).blocking()
    assert multi_map.get("k") == [2] and multi_map.get("j") == [] and multi_map.size() == 1
    queue = threaded.get_queue(names["get_queue"]).blocking()
    assert queue.size() == 1 and queue.peek() == "c"
    assert threaded.get_list(names["get_list"]).blocking().get_all() == ["b"]
    assert threaded.get_set(names["get_set"]).blocking().get_all() == ["s"]


def _fresh_names(prefix):
    return {getter: "%s-%s-%s" % (prefix, getter, uuid.uuid4().hex[:10]) for getter, _, _ in STRUCTURES}


def test_every_transactional_method_in_the_threaded_client(threaded):
    names = _fresh_names("walk")
    _prepare(threaded, names)
    t = threaded.new_transaction(timeout=60)
    assert t.begin() is None and t.state == "active"
    for getter, target, steps in STRUCTURES:
        structure = getattr(t, getter)(names[getter])
        assert type(structure).__name__ == target.rsplit(".", 1)[1]
        for method, args, expected in steps:
            attribute = getattr(structure, method)
            assert not inspect.iscoroutinefunction(attribute)
            try:
                result = attribute(*args)
            except NotImplementedError as e:  # pragma: no cover
                pytest.fail("%s.%s raises NotImplementedError: %s" % (target, method, e))
            _check(target, method, args, result, expected)
    assert t.commit() is None and t.state == "committed"
    _check_committed(threaded, names)

    # rollback, and the context manager (__enter__ / __exit__ commit; an error rolls back)
    other = _fresh_names("walk-rb")
    t = threaded.new_transaction(timeout=60)
    t.begin()
    t.get_map(other["get_map"]).put("rolled", 1)
    assert t.rollback() is None and t.state == "rolled_back"
    assert threaded.get_map(other["get_map"]).blocking().size() == 0
    with threaded.new_transaction() as t:
        t.get_list(other["get_list"]).add("kept")
    assert t.state == "committed"
    with pytest.raises(ZeroDivisionError):
        with threaded.new_transaction() as t:
            t.get_set(other["get_set"]).add("dropped")
            1 / 0
    assert t.state == "rolled_back"
    assert threaded.get_list(other["get_list"]).blocking().get_all() == ["kept"]
    assert threaded.get_set(other["get_set"]).blocking().get_all() == []


def test_every_transactional_method_in_the_asyncio_client(threaded, driver):
    from hazelcast.internal import asyncio_transaction

    names = _fresh_names("walk-aio")
    other = _fresh_names("walk-aio-rb")
    _prepare(threaded, names)

    async def body():
        # One task: the transaction's owner.
        t = await driver.client.new_transaction(timeout=60)
        assert isinstance(t, asyncio_transaction.Transaction)
        for method in ("begin", "commit", "rollback"):
            assert inspect.iscoroutinefunction(getattr(t, method)), method
        await t.begin()
        assert t.state == "active"
        for getter, target, steps in STRUCTURES:
            structure = getattr(t, getter)(names[getter])
            assert type(structure).__name__ == target.rsplit(".", 1)[1]
            for method, args, expected in steps:
                attribute = getattr(structure, method)
                assert inspect.iscoroutinefunction(attribute), "%s.%s is not awaited" % (target, method)
                try:
                    result = await attribute(*args)
                except NotImplementedError as e:  # pragma: no cover
                    pytest.fail("asyncio %s.%s raises NotImplementedError: %s" % (target, method, e))
                _check(target, method, args, result, expected)
        await t.commit()
        assert t.state == "committed"

        t = await driver.client.new_transaction(timeout=60)
        await t.begin()
        await t.get_map(other["get_map"]).put("rolled", 1)
        await t.rollback()
        assert t.state == "rolled_back"
        async with await driver.client.new_transaction() as t:
            await t.get_list(other["get_list"]).add("kept")
        assert t.state == "committed"
        with pytest.raises(ZeroDivisionError):
            async with await driver.client.new_transaction() as t:
                await t.get_set(other["get_set"]).add("dropped")
                1 / 0
        assert t.state == "rolled_back"

    driver.run(body())
    _check_committed(threaded, names)
    assert threaded.get_map(other["get_map"]).blocking().size() == 0
    assert threaded.get_list(other["get_list"]).blocking().get_all() == ["kept"]
    assert threaded.get_set(other["get_set"]).blocking().get_all() == []


def test_an_asyncio_transaction_begun_in_a_lock_context_is_owned_by_the_context(threaded, driver):
    """Tasks started inside an open lock_context act as its owner: they may use the
    transaction begun there (and not begin another); a task started elsewhere may not."""
    import asyncio

    from hazelcast.errors import TransactionError

    lock_map = "walk-lock-%s" % uuid.uuid4().hex[:10]
    name = "walk-ctx-%s" % uuid.uuid4().hex[:10]

    async def outsider(t):
        with pytest.raises(TransactionError, match="multiple threads"):
            t.get_map(name)

    async def body():
        locks = await driver.client.get_map(lock_map)
        async with locks.lock_context("guard"):
            t = await driver.client.new_transaction(timeout=60)
            await t.begin()
            m = t.get_map(name)

            async def worker(i):
                # a subtask of the context: the same owner as the one that began t
                await t.get_map(name).put("k%d" % i, i)
                nested = await driver.client.new_transaction()
                with pytest.raises(TransactionError, match="Nested"):
                    await nested.begin()

            # One after the other: the member's state of a transaction is not safe
            # for concurrent calls (see docs/transactions.md).
            for i in range(4):
                await asyncio.ensure_future(worker(i))
            assert await m.size() == 4
            await t.commit()
        assert t.state == "committed"
        # After the context is left, a new task is not the owner.
        t2 = await driver.client.new_transaction(timeout=60)
        await t2.begin()
        await asyncio.gather(asyncio.ensure_future(outsider(t2)))
        await t2.rollback()

    driver.run(body())
    assert threaded.get_map(name).blocking().get_all(["k0", "k1", "k2", "k3"]) == {"k0": 0, "k1": 1, "k2": 2, "k3": 3}
