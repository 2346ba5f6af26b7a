"""The CP Subsystem against real members.

Hazelcast 5.5+ Community members refuse CP calls, so these tests run 5.4.0 members:
one member in "unsafe mode" (no CP members configured) for the structures' methods,
and three CP members running Raft for the failure test. A 5.7.0 member shows the
error a user of a Community cluster gets.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import threading
import time
import uuid

import pytest

import hazelcast
import hazelcast.asyncio
from hazelcast.errors import (
    DistributedObjectDestroyedError,
    IllegalMonitorStateError,
    IllegalStateError,
    LockOwnershipLostError,
    UnsupportedOperationError,
)
from hazelcast.future import Future
from hazelcast.proxy.cp import NO_SESSION_ID
from hazelcast.proxy.cp.fenced_lock import FencedLock
from hazelcast.proxy.cp.semaphore import SessionAwareSemaphore, SessionlessSemaphore
from hazelcast.serialization.api import IdentifiedDataSerializable
from harness import start_cluster

pytestmark = [pytest.mark.java_classes]

CP_VERSION = "5.4.0"
FACTORY_ID = 7301
SESSION_TTL = 6

_COMMON_XML = """
<serialization><data-serializable-factories>
  <data-serializable-factory factory-id="%d">com.hazelcast.pyclienttest.cp.CpTestFactory</data-serializable-factory>
</data-serializable-factories></serialization>
""" % FACTORY_ID

_CP_XML = """
<cp-subsystem>
  %s
  <session-time-to-live-seconds>%d</session-time-to-live-seconds>
  <session-heartbeat-interval-seconds>1</session-heartbeat-interval-seconds>
  <semaphores>
    <semaphore><name>sessionless*</name><jdk-compatible>true</jdk-compatible><initial-permits>0</initial-permits></semaphore>
  </semaphores>
</cp-subsystem>
"""


class Multiply(IdentifiedDataSerializable):
    """Twin of MultiplyFunction.java: an IFunction multiplying a number."""

    def __init__(self, factor=1):
        self.factor = factor

    def write_data(self, out):
        out.write_long(self.factor)

    def read_data(self, inp):
        self.factor = inp.read_long()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1


@pytest.fixture(scope="module")
def unsafe_cluster():
    cluster = start_cluster(1, version=CP_VERSION, java_classes=True,
                            extra_xml=_COMMON_XML + _CP_XML % ("", SESSION_TTL))
    try:
        yield cluster
    finally:
        cluster.shutdown()


@pytest.fixture(scope="module")
def cp(unsafe_cluster):
    client = hazelcast.HazelcastClient(**unsafe_cluster.client_config())
    yield client.cp_subsystem
    client.shutdown()


def _name(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def _in_thread(fn):
    out = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as e:  # pylint: disable=broad-except
            out["error"] = e

    t = threading.Thread(target=run)
    t.start()
    t.join(60)
    assert not t.is_alive()
    if "error" in out:
        raise out["error"]
    return out["value"]


# -- AtomicLong, AtomicReference, CountDownLatch ---------------------------------------


def test_atomic_long_every_method(cp):
    counter = cp.get_atomic_long(_name("long"))
    assert counter.get().result() == 0  # Future face
    c = counter.blocking()
    assert c.add_and_get(5) == 5
    assert c.get_and_add(2) == 5
    assert c.increment_and_get() == 8
    assert c.get_and_increment() == 8
    assert c.decrement_and_get() == 8
    assert c.get_and_decrement() == 8
    assert c.get_and_set(10) == 7
    c.set(20)
    assert c.compare_and_set(19, 1) is False
    assert c.compare_and_set(20, 3) is True
    assert c.alter_and_get(Multiply(4)) == 12
    assert c.get_and_alter(Multiply(2)) == 12
    c.alter(Multiply(10))
    assert c.apply(Multiply(3)) == 720 and c.get() == 240
    with pytest.raises(AssertionError):
        c.add_and_get("1")


def test_atomic_reference_every_method(cp):
    ref = cp.get_atomic_reference(_name("ref")).blocking()
    assert ref.get() is None and ref.is_none()
    ref.set("a")
    assert ref.get() == "a" and ref.contains("a") and not ref.contains("b")
    assert ref.get_and_set("b") == "a"
    assert ref.compare_and_set("x", "y") is False
    assert ref.compare_and_set("b", 21) is True
    assert ref.apply(Multiply(2)) == 42 and ref.get() == 21
    assert ref.alter_and_get(Multiply(2)) == 42
    assert ref.get_and_alter(Multiply(10)) == 42
    ref.alter(Multiply(1))
    assert ref.get() == 420
    ref.clear()
    assert ref.is_none()
    assert ref.compare_and_set(None, [1, 2]) and ref.get() == [1, 2]


def test_count_down_latch_releases_waiters_of_other_threads(cp):
    name = _name("latch")
    latch = cp.get_count_down_latch(name).blocking()
    assert latch.try_set_count(2) is True
    assert latch.try_set_count(5) is False  # only when the count is zero
    assert latch.get_count() == 2
    assert latch.await_latch(0.2) is False
    waiter = cp.get_count_down_latch(name).await_latch(60)  # waits on the member
    latch.count_down()
    assert latch.get_count() == 1 and not waiter.done()
    _in_thread(latch.count_down)
    assert waiter.result() is True
    assert latch.get_count() == 0
    latch.count_down()  # at zero: nothing happens
    assert latch.get_count() == 0
    assert latch.try_set_count(1) is True  # reusable once at zero
    with pytest.raises(AssertionError):
        latch.try_set_count(0)


# -- FencedLock ------------------------------------------------------------------------


def test_fenced_lock_is_reentrant_with_fences_and_owned_per_thread(cp):
    name = _name("lock")
    lock = cp.get_lock(name).blocking()
    assert cp.get_lock(name) is cp.get_lock(name)  # one proxy per name: it keeps the holds
    fence = lock.lock()
    assert fence > FencedLock.INVALID_FENCE
    assert lock.lock() == fence  # reentrant: the same fence
    assert lock.get_lock_count() == 2 and lock.is_locked() and lock.is_locked_by_current_thread()
    assert _in_thread(lambda: lock.try_lock(0.2)) == FencedLock.INVALID_FENCE
    assert _in_thread(lock.is_locked_by_current_thread) is False
    with pytest.raises(IllegalMonitorStateError):
        _in_thread(lock.unlock)
    lock.unlock()
    lock.unlock()
    assert not lock.is_locked()
    other_fence = _in_thread(lock.try_lock)
    assert other_fence > fence  # a new acquisition fences off the earlier holder
    assert lock.try_lock() == FencedLock.INVALID_FENCE
    with pytest.raises(IllegalMonitorStateError):
        lock.unlock()


def test_a_waiting_lock_is_granted_when_the_holder_unlocks(cp):
    lock = cp.get_lock(_name("handoff")).blocking()
    lock.lock()
    got = []
    waiter = threading.Thread(target=lambda: got.append(lock.lock()))
    waiter.start()
    time.sleep(0.5)
    assert not got  # waiting on the member
    lock.unlock()
    waiter.join(60)
    assert len(got) == 1 and got[0] > 0
    assert lock.is_locked() and not lock.is_locked_by_current_thread()


def test_ten_threads_contending_for_one_lock_count_exactly(cp):
    name = _name("contended")
    counter = cp.get_atomic_long(name).blocking()
    lock = cp.get_lock(name).blocking()
    plain = []

    def work():
        for _ in range(10):
            lock.lock()
            try:
                plain.append(len(plain))  # a read-modify-write only the lock protects
                counter.increment_and_get()
            finally:
                lock.unlock()

    threads = [threading.Thread(target=work) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)
    assert plain == list(range(100)) and counter.get() == 100


def test_a_closed_session_makes_the_holder_lose_the_lock(unsafe_cluster):
    # The observer's session is made first, on demand, and kept alive by its heartbeats.
    observer = hazelcast.HazelcastClient(**unsafe_cluster.client_config())
    client = hazelcast.HazelcastClient(**unsafe_cluster.client_config())
    try:
        own = observer.cp_subsystem.get_lock(_name("kept"))
        sessions = observer._runtime.cp_proxy_manager.session_manager
        observer.cp_subsystem.get_atomic_long(_name("sessionless")).blocking().increment_and_get()
        assert sessions.get_session_id(own.get_group_id()) == NO_SESSION_ID  # no session needed yet
        own_fence = own.blocking().lock()
        observer_session = sessions.get_session_id(own.get_group_id())
        assert observer_session != NO_SESSION_ID  # created by the first lock
        lock = client.cp_subsystem.get_lock(_name("lost")).blocking()
        lock.lock()
        semaphore = client.cp_subsystem.get_semaphore(_name("lostsem")).blocking()
        semaphore.init(1)
        semaphore.acquire()
        assert client._runtime.cp_proxy_manager.session_manager.get_session_id(own.get_group_id()) != observer_session
        # Stop the heartbeats: the members close the session after its time to live.
        manager = client._runtime.cp_proxy_manager.session_manager
        manager._heartbeat.cancel()
        other = observer.cp_subsystem.get_lock(lock.name).blocking()
        deadline = time.monotonic() + SESSION_TTL + 30
        while other.is_locked() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not other.is_locked()
        with pytest.raises(LockOwnershipLostError):
            lock.unlock()
        # The closed session's permits went back to the semaphore; releasing them is refused.
        assert observer.cp_subsystem.get_semaphore(semaphore.name).blocking().available_permits() == 1
        with pytest.raises(IllegalStateError):
            semaphore.release()
        # The observer's older session outlived its time to live through its heartbeats.
        assert own.blocking().is_locked_by_current_thread() and own.blocking().get_lock_count() == 1
        assert sessions.get_session_id(own.get_group_id()) == observer_session
        assert own.blocking().try_lock() == own_fence  # reentrant in the same session
    finally:
        client.shutdown()
        observer.shutdown()


def test_shutdown_closes_the_session_and_frees_its_locks_at_once(unsafe_cluster, cp):
    name = _name("closed")
    client = hazelcast.HazelcastClient(**unsafe_cluster.client_config())
    client.cp_subsystem.get_lock(name).blocking().lock()
    client.shutdown()
    # Well before the session's time to live: the close freed it.
    assert cp.get_lock(name).blocking().try_lock(3) > FencedLock.INVALID_FENCE
    cp.get_lock(name).blocking().unlock()

    # The asyncio client closes its sessions too.
    async def hold_and_shut_down():
        aclient = await hazelcast.asyncio.HazelcastClient.create_and_start(**unsafe_cluster.client_config())
        await (await aclient.cp_subsystem.get_lock(name)).lock()
        await aclient.shutdown()

    asyncio.run(hold_and_shut_down())
    assert cp.get_lock(name).blocking().try_lock(3) > FencedLock.INVALID_FENCE
    cp.get_lock(name).blocking().unlock()


# -- Semaphore -------------------------------------------------------------------------


def test_session_aware_semaphore_every_method(cp):
    semaphore = cp.get_semaphore(_name("sem"))
    assert isinstance(semaphore, SessionAwareSemaphore)
    s = semaphore.blocking()
    assert s.init(3) is True and s.init(5) is False
    s.acquire(2)
    assert s.available_permits() == 1
    assert s.try_acquire(2, 0.2) is False
    assert s.try_acquire() is True and s.available_permits() == 0
    s.release(3)
    s.increase_permits(2)
    assert s.available_permits() == 5
    s.reduce_permits(4)
    assert s.drain_permits() == 1 and s.available_permits() == 0
    s.reduce_permits(2)
    assert s.available_permits() == -2
    s.increase_permits(3)
    waiter = semaphore.acquire(2)  # waits on the member until permits come
    time.sleep(0.3)
    assert not waiter.done()
    # From another thread: a call of the waiting caller itself would cancel its wait.
    _in_thread(lambda: s.increase_permits(1))
    waiter.result()
    s.release(2)


def test_releasing_without_a_session_is_refused(unsafe_cluster, cp):
    name = _name("nosession")
    cp.get_semaphore(name).blocking().init(1)
    fresh = hazelcast.HazelcastClient(**unsafe_cluster.client_config())
    try:
        with pytest.raises(IllegalStateError):
            fresh.cp_subsystem.get_semaphore(name).blocking().release()  # holds nothing
    finally:
        fresh.shutdown()


def test_sessionless_semaphore_permits_belong_to_no_session(cp):
    semaphore = cp.get_semaphore(_name("sessionless"))
    assert isinstance(semaphore, SessionlessSemaphore)
    s = semaphore.blocking()
    assert s.init(2)
    s.acquire(2)
    assert s.available_permits() == 0
    _in_thread(lambda: s.release(2))  # any caller may release, as with java.util.concurrent
    assert s.available_permits() == 2
    assert s.try_acquire(3, 0.1) is False
    assert s.drain_permits() == 2
    s.increase_permits(1)
    assert s.available_permits() == 1


# -- names, groups and destroy ---------------------------------------------------------


def test_names_choose_groups_and_bad_names_are_refused(cp):
    name = _name("grouped")
    in_group = cp.get_atomic_long(name + "@orders").blocking()
    in_default = cp.get_atomic_long(name).blocking()
    explicit_default = cp.get_atomic_long(name + "@default").blocking()
    in_group.set(7)
    in_default.set(1)
    assert explicit_default.get() == 1 and in_group.get() == 7
    assert cp.get_lock(name + "@orders").get_group_id().name == "orders"
    for bad in ("x@metadata", "a@b@c", "@orders", "x@ ", 42):
        with pytest.raises(AssertionError):
            cp.get_atomic_long(bad)


def test_destroy_makes_the_object_unusable(cp):
    counter = cp.get_atomic_long(_name("gone")).blocking()
    counter.set(3)
    counter.destroy()
    with pytest.raises(DistributedObjectDestroyedError):
        counter.get()


_CP_MAP_CALLS = [("get", ("k",)), ("put", ("k", "v")), ("set", ("k", "v")), ("put_if_absent", ("k", "v")),
                 ("remove", ("k",)), ("delete", ("k",)), ("compare_and_set", ("k", "v", "w"))]


def test_cp_map_gives_a_clear_error_on_community_members(unsafe_cluster, cp):
    from hazelcast.proxy.cp.cp_map import CPMap

    assert {n for n in vars(CPMap) if not n.startswith("_")} - {"blocking"} == {m for m, _ in _CP_MAP_CALLS}
    cp_map = cp.get_map(_name("cpmap"))
    for method, args in _CP_MAP_CALLS:
        for call in (lambda: getattr(cp_map, method)(*args).result(),
                     lambda: getattr(cp_map.blocking(), method)(*args)):
            with pytest.raises(UnsupportedOperationError) as e:
                call()
            assert "Enterprise" in str(e.value), method

    async def main():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**unsafe_cluster.client_config())
        try:
            face = await client.cp_subsystem.get_map(_name("acpmap"))
            for method, args in _CP_MAP_CALLS:
                with pytest.raises(UnsupportedOperationError) as e:
                    await getattr(face, method)(*args)
                assert "Enterprise" in str(e.value), method
        finally:
            await client.shutdown()

    asyncio.run(main())


def test_a_community_5_7_member_names_the_enterprise_requirement(client):
    cp = client.cp_subsystem
    for getter in (cp.get_atomic_long, cp.get_atomic_reference, cp.get_count_down_latch, cp.get_lock,
                   cp.get_semaphore, cp.get_map):
        with pytest.raises(UnsupportedOperationError) as e:
            getter("x")
        assert "Enterprise" in str(e.value) and "5.4" in str(e.value)


# -- asyncio ---------------------------------------------------------------------------


def test_asyncio_client_owns_locks_per_task_and_counts(unsafe_cluster):
    async def main():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**unsafe_cluster.client_config())
        try:
            cp = client.cp_subsystem
            counter = await cp.get_atomic_long(_name("async"))
            assert await counter.increment_and_get() == 1
            ref = await cp.get_atomic_reference(_name("aref"))
            await ref.set("v")
            latch = await cp.get_count_down_latch(_name("alatch"))
            await latch.try_set_count(1)
            lock = await cp.get_lock(_name("alock"))
            fence = await lock.lock()
            assert fence > lock.INVALID_FENCE and await lock.is_locked_by_current_task()

            async def other_task():
                return await lock.try_lock(0.2), await lock.is_locked_by_current_task()

            assert await asyncio.create_task(other_task()) == (lock.INVALID_FENCE, False)
            await lock.unlock()
            # Inside an open lock context, tasks it starts act as its owner.
            cp_lock = await cp.get_lock(_name("actx"))
            keys = await client.get_map(_name("actxmap"))
            async with keys.lock_context("k"):
                await cp_lock.lock()
                assert await asyncio.create_task(cp_lock.is_locked_by_current_task())
                await asyncio.create_task(cp_lock.unlock())  # the context's task may release it
            assert not await cp_lock.is_locked()
            semaphore = await cp.get_semaphore(_name("asem"))
            await semaphore.init(1)
            await semaphore.acquire()
            assert await semaphore.available_permits() == 0
            await semaphore.release()
            waiter = asyncio.ensure_future(latch.await_latch(30))
            await latch.count_down()
            return await counter.get(), await ref.get(), await waiter
        finally:
            await client.shutdown()

    assert asyncio.run(main()) == (1, "v", True)


# -- Raft with three CP members --------------------------------------------------------


def test_raft_keeps_serving_and_keeps_the_lock_when_a_cp_member_dies():
    cluster = start_cluster(3, version=CP_VERSION, java_classes=True,
                            extra_xml=_COMMON_XML + _CP_XML % ("<cp-member-count>3</cp-member-count>", 30))
    try:
        config = dict(cluster.client_config(), cluster_connect_timeout=60)
        holder = hazelcast.HazelcastClient(**config)
        other = hazelcast.HazelcastClient(**config)
        try:
            name = _name("raft")
            lock = holder.cp_subsystem.get_lock(name).blocking()
            counter = holder.cp_subsystem.get_atomic_long(name).blocking()
            fence = lock.lock()
            counter.add_and_get(10)
            cluster.members[0].kill()
            # The majority (two of three) keeps serving; the live session keeps the lock.
            assert counter.increment_and_get() == 11
            assert lock.is_locked_by_current_thread() and lock.get_lock_count() == 1
            assert other.cp_subsystem.get_lock(name).blocking().try_lock(1) == FencedLock.INVALID_FENCE
            lock.unlock()
            assert other.cp_subsystem.get_lock(name).blocking().try_lock(10) > fence
            assert other.cp_subsystem.get_atomic_long(name).blocking().get() == 11
        finally:
            holder.shutdown()
            other.shutdown()
    finally:
        cluster.shutdown()


# -- the official method lists, walked in the three faces -----------------------------

_RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")


def _official_methods(target):
    """The public methods tools/record_official_api.py recorded for an official class."""
    with open(_RECORD_PATH, encoding="utf-8") as f:
        members = json.load(f)["classes"][target]["members"]
    return {name for name, member in members.items() if not name.startswith("_") and member["kind"] == "method"}


def _positive(value):
    return value > FencedLock.INVALID_FENCE


def _group_name(group_id):
    return group_id.name


# official classes -> (getter, name prefix, steps (method, args, expected or a check of the result))
_WALKS = [
    (("AtomicLong", "atomic_long"), "get_atomic_long", "walk-long", [
        ("set", (5,), None), ("get", (), 5), ("add_and_get", (2,), 7), ("get_and_add", (1,), 7),
        ("increment_and_get", (), 9), ("get_and_increment", (), 9), ("decrement_and_get", (), 9),
        ("get_and_decrement", (), 9), ("get_and_set", (3,), 8), ("compare_and_set", (3, 4), True),
        ("compare_and_set", (3, 5), False), ("alter", (Multiply(2),), None), ("alter_and_get", (Multiply(2),), 16),
        ("get_and_alter", (Multiply(2),), 16), ("apply", (Multiply(3),), 96), ("get", (), 32), ("destroy", (), None),
    ]),
    (("AtomicReference", "atomic_reference"), "get_atomic_reference", "walk-ref", [
        ("set", ("a",), None), ("get", (), "a"), ("get_and_set", ("b",), "a"), ("compare_and_set", ("x", 1), False),
        ("compare_and_set", ("b", 2), True), ("contains", (2,), True), ("is_none", (), False),
        ("alter", (Multiply(3),), None), ("alter_and_get", (Multiply(2),), 12), ("get_and_alter", (Multiply(2),), 12),
        ("apply", (Multiply(2),), 48), ("clear", (), None), ("is_none", (), True), ("destroy", (), None),
    ]),
    (("CountDownLatch", "count_down_latch"), "get_count_down_latch", "walk-latch", [
        ("try_set_count", (2,), True), ("get_count", (), 2), ("count_down", (), None), ("await_latch", (0.1,), False),
        ("count_down", (), None), ("await_latch", (5,), True), ("get_count", (), 0), ("destroy", (), None),
    ]),
    (("FencedLock", "fenced_lock"), "get_lock", "walk-lock", [
        ("lock", (), _positive), ("try_lock", (), _positive), ("get_lock_count", (), 2), ("is_locked", (), True),
        ("is_locked_by_current_thread", (), True), ("unlock", (), None), ("unlock", (), None),
        ("is_locked", (), False), ("try_lock", (1,), _positive), ("unlock", (), None),
        ("get_group_id", (), _group_name), ("destroy", (), None),
    ]),
    (("SessionAwareSemaphore", "semaphore"), "get_semaphore", "walk-sem", [
        ("init", (2,), True), ("init", (3,), False), ("acquire", (), None), ("try_acquire", (1, 0), True),
        ("try_acquire", (1, 0.1), False), ("available_permits", (), 0), ("release", (2,), None),
        ("increase_permits", (3,), None), ("reduce_permits", (1,), None), ("available_permits", (), 4),
        ("drain_permits", (), 4), ("available_permits", (), 0), ("get_group_id", (), _group_name),
        ("destroy", (), None),
    ]),
    (("SessionlessSemaphore", "semaphore"), "get_semaphore", "sessionless-walk", [
        ("init", (2,), True), ("acquire", (), None), ("try_acquire", (1, 0), True), ("try_acquire", (1, 0.1), False),
        ("available_permits", (), 0), ("release", (2,), None), ("increase_permits", (3,), None),
        ("reduce_permits", (1,), None), ("available_permits", (), 4), ("drain_permits", (), 4),
        ("available_permits", (), 0), ("destroy", (), None),
    ]),
]

# Where the official asyncio client names a method differently.
_ASYNCIO_NAMES = {"is_locked_by_current_thread": "is_locked_by_current_task"}
# Methods that return at once in every face (no Future, not a coroutine).
_LOCAL_METHODS = {"get_group_id", "blocking"}


def _blocking_class(cls):
    return "Semaphore" if cls.endswith("Semaphore") else cls


def _outcome(expected, got):
    return expected(got) if callable(expected) else got


def _wanted(steps):
    return [{_positive: True, _group_name: "default"}.get(expected, expected) if callable(expected) else expected
            for _, _, expected in steps]


def test_the_official_method_lists_are_covered_by_the_walk():
    from hazelcast.internal.asyncio_proxy.cp_manager import CPSubsystem as AsyncCPSubsystem

    for (cls, module), _getter, _prefix, steps in _WALKS:
        walked = {method for method, _, _ in steps} | {"blocking"}
        for target in ("hazelcast.proxy.cp.%s.%s" % (module, cls),
                       "hazelcast.proxy.cp.%s.Blocking%s" % (module, _blocking_class(cls))):
            assert _official_methods(target) - walked == set(), target
    getters = {getter for _, getter, _, _ in _WALKS}
    assert _official_methods("hazelcast.cp.CPSubsystem") == getters
    assert _official_methods("hazelcast.internal.asyncio_proxy.cp_manager.CPSubsystem") == getters
    for getter in getters:
        assert inspect.iscoroutinefunction(getattr(AsyncCPSubsystem, getter)), getter


@pytest.mark.parametrize("walk", _WALKS, ids=[walk[0][0] for walk in _WALKS])
def test_every_official_method_works_in_the_three_faces(unsafe_cluster, cp, walk):
    """Each method of the official class, called in the Future face, the blocking
    face and the asyncio face: the same results, no NotImplementedError."""
    (cls, module), getter, prefix, steps = walk
    wanted = _wanted(steps)

    # Future face: every method but the local ones gives a Future.
    proxy = getattr(cp, getter)(_name(prefix))
    assert type(proxy).__name__ == cls
    results = []
    for method, args, expected in steps:
        value = getattr(proxy, method)(*args)
        if method not in _LOCAL_METHODS:
            assert isinstance(value, Future), (cls, method)
            value = value.result()
        results.append(_outcome(expected, value))
    assert results == wanted, "Future face"

    # Blocking face: the values themselves (the official BlockingSemaphore has no get_group_id).
    blocking_methods = _official_methods("hazelcast.proxy.cp.%s.Blocking%s" % (module, _blocking_class(cls)))
    blocking = getattr(cp, getter)(_name(prefix)).blocking()
    assert blocking.blocking() is blocking
    results = []
    for (method, args, expected), want in zip(steps, wanted):
        if method not in blocking_methods:
            continue
        value = getattr(blocking, method)(*args)
        assert not isinstance(value, Future), (cls, method)
        results.append((method, _outcome(expected, value)))
    assert results == [(m, w) for (m, _, _), w in zip(steps, wanted) if m in blocking_methods], "blocking face"

    # asyncio face: coroutines, under the official asyncio client's names.
    async def main():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**unsafe_cluster.client_config())
        try:
            face = await getattr(client.cp_subsystem, getter)(_name(prefix))
            assert type(face).__name__ == cls
            out = []
            for method, args, expected in steps:
                call = getattr(face, _ASYNCIO_NAMES.get(method, method))
                if method in _LOCAL_METHODS:
                    value = call(*args)
                else:
                    assert inspect.iscoroutinefunction(call), (cls, method)
                    value = await call(*args)
                out.append(_outcome(expected, value))
            return out
        finally:
            await client.shutdown()

    assert asyncio.run(main()) == wanted, "asyncio face"
