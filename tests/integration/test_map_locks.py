"""Map locks against real members.

The owner of a lock is the calling thread (threaded client) or the asyncio task /
lock context (asyncio client). A blocked ``lock()`` waits on the member: it is not
cut by the invocation timeout and leaves the connection to the other callers. A
lock outlives the death of the member owning its key (the backup takes over).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid

import pytest

from hazelcast.errors import IllegalMonitorStateError

from client_faces import FACES, AsyncioClientDriver, start_client
from waiting import wait_until

WAIT = 30.0


@pytest.fixture(
    scope="module",
    params=[(cluster, face) for face in FACES for cluster in ("hz_cluster", "hz_cluster3")],
    ids=["%s-%s" % (members, face) for face in FACES for members in ("1-member", "3-members")],
)
def client(request):
    cluster_fixture, face = request.param
    cluster = request.getfixturevalue(cluster_fixture)
    c = start_client(face, **cluster.client_config())
    yield c
    c.shutdown()


@pytest.fixture
def map_name():
    return "locked-" + uuid.uuid4().hex


@pytest.fixture
def bmap(client, map_name):
    return client.get_map(map_name).blocking()


@pytest.fixture
def fmap(client, map_name):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    return client.get_map(map_name)


def in_other_owner(client, func):
    """Runs func as another lock owner: another thread (threaded client) or another
    task (asyncio client; the blocking face's calls run in tasks of their own)."""
    if isinstance(client, AsyncioClientDriver):
        return func()
    result = []
    errors = []

    def run():
        try:
            result.append(func())
        except BaseException as e:  # handed to the test's thread
            errors.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join(WAIT * 2)
    assert not t.is_alive()
    if errors:
        raise errors[0]
    return result[0]


# -- one owner -------------------------------------------------------------------------


def test_lock_is_locked_unlock_and_reentrance(client, fmap):
    # The threaded client's owner is the thread: the same thread re-enters.
    assert fmap.is_locked("k").result() is False
    assert fmap.lock("k").result() is None
    assert fmap.is_locked("k").result() is True
    fmap.lock("k").result()  # reentrant
    assert in_other_owner(client, lambda: fmap.try_lock("k").result()) is False
    fmap.unlock("k").result()
    assert fmap.is_locked("k").result() is True  # locked twice, unlocked once
    assert in_other_owner(client, lambda: fmap.try_lock("k").result()) is False
    fmap.unlock("k").result()
    assert fmap.is_locked("k").result() is False
    assert in_other_owner(client, lambda: fmap.try_lock("k").result()) is True
    assert fmap.is_locked("k").result() is True
    fmap.force_unlock("k").result()
    assert fmap.is_locked("k").result() is False


def test_the_caller_owns_the_lock(client, bmap):
    # Threaded: each thread; asyncio face: each call is a task of its own, so only
    # lock_context (see below) keeps one owner across calls.
    bmap.lock("k")
    assert bmap.is_locked("k") is True
    assert in_other_owner(client, lambda: bmap.try_lock("k")) is False
    with pytest.raises(IllegalMonitorStateError):
        in_other_owner(client, lambda: bmap.unlock("k"))
    if not isinstance(client, AsyncioClientDriver):
        bmap.unlock("k")
    else:
        bmap.force_unlock("k")
    assert bmap.is_locked("k") is False


def test_a_write_of_another_owner_waits_for_the_unlock(client, fmap):
    fmap.lock("k").result()
    writer_done = threading.Event()

    def write():
        fmap.put("k", "other").result()  # blocks on the member until unlocked
        writer_done.set()

    t = threading.Thread(target=write)
    t.start()
    fmap.put("k", "owner").result()  # the owner writes through its lock
    assert not writer_done.wait(1.0)
    assert fmap.get("k").result() == "owner"
    fmap.unlock("k").result()
    assert writer_done.wait(WAIT)
    t.join()
    assert fmap.get("k").result() == "other"


def test_lease_time_releases_the_lock(client, bmap):
    bmap.lock("k", lease_time=1)
    assert bmap.is_locked("k") is True
    wait_until(lambda: not bmap.is_locked("k"), WAIT, "the lease to end")
    assert in_other_owner(client, lambda: bmap.try_lock("k", lease_time=1)) is True
    wait_until(lambda: not bmap.is_locked("k"), WAIT, "the try_lock lease to end")


def test_try_lock_waits_up_to_its_timeout(client, fmap):
    fmap.lock("k").result()
    started = time.monotonic()
    assert in_other_owner(client, lambda: fmap.try_lock("k", timeout=1).result()) is False
    assert time.monotonic() - started >= 0.9
    # Released while the other owner waits: it gets the lock.
    got = []
    t = threading.Thread(target=lambda: got.append(fmap.try_lock("k", timeout=WAIT).result()))
    t.start()
    time.sleep(0.3)  # let it wait on the member (not a synchronisation: the result holds either way)
    fmap.unlock("k").result()
    t.join(WAIT)
    assert got == [True]


def test_force_unlock_releases_any_owner(client, bmap):
    def lock_twice():
        bmap.lock("k")
        if not isinstance(client, AsyncioClientDriver):  # (one owner per asyncio call)
            bmap.lock("k")

    in_other_owner(client, lock_twice)
    assert bmap.is_locked("k") is True
    bmap.force_unlock("k")
    assert bmap.is_locked("k") is False


def test_the_lock_is_per_key_and_per_map(client, map_name, bmap):
    bmap.lock("k")
    other_map = client.get_map(map_name + "-other").blocking()
    assert other_map.is_locked("k") is False
    assert bmap.is_locked("k2") is False
    assert in_other_owner(client, lambda: other_map.try_lock("k")) is True
    assert in_other_owner(client, lambda: bmap.try_lock("k2")) is True
    for m, k in ((bmap, "k"), (other_map, "k"), (bmap, "k2")):
        m.force_unlock(k)


def test_none_key_is_refused(bmap):
    for call in (bmap.lock, bmap.try_lock, bmap.unlock, bmap.force_unlock, bmap.is_locked):
        with pytest.raises(AssertionError):
            call(None)


# -- contention -----------------------------------------------------------------------


def test_ten_threads_contending_for_one_key(client, map_name):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("threads are the threaded client's owners; tasks: see the asyncio test")
    m = client.get_map(map_name).blocking()
    m.put("counter", 0)
    rounds = 20
    errors = []

    def work():
        try:
            for _ in range(rounds):
                m.lock("counter")
                try:
                    m.put("counter", m.get("counter") + 1)
                finally:
                    m.unlock("counter")
        except BaseException as e:
            errors.append(e)

    started = time.monotonic()
    threads = [threading.Thread(target=work) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "contending threads did not finish in 120 s"
    assert errors == []
    assert m.get("counter") == 10 * rounds
    assert m.is_locked("counter") is False
    print("10 threads x %d lock/get/put/unlock: %.2f s" % (rounds, time.monotonic() - started))


def test_ten_tasks_contending_for_one_key(client, map_name):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("tasks are the asyncio client's owners")
    face = client.run(client.client.get_map(map_name))
    rounds = 20

    async def work(use_context):
        for _ in range(rounds):
            if use_context:
                async with face.lock_context("counter"):
                    await face.put("counter", await face.get("counter") + 1)
            else:
                await face.lock("counter")
                try:
                    await face.put("counter", await face.get("counter") + 1)
                finally:
                    await face.unlock("counter")

    async def contend():
        await face.put("counter", 0)
        await asyncio.wait_for(asyncio.gather(*(work(i % 2 == 0) for i in range(10))), 120)
        return await face.get("counter"), await face.is_locked("counter")

    assert client.run(contend()) == (10 * rounds, False)


def test_lock_context_owner_spans_its_subtasks(client, map_name):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("lock_context is the asyncio client's")
    face = client.run(client.client.get_map(map_name))

    async def scenario():
        context_open = asyncio.Event()

        async def outsider():  # started before the context: another owner
            await context_open.wait()
            return await face.try_lock("k")

        outside = asyncio.ensure_future(outsider())
        async with face.lock_context("k"):
            context_open.set()
            # A subtask started inside the context acts as its owner (re-enters).
            inside = await asyncio.ensure_future(face.try_lock("k"))
            await face.unlock("k")
            locked_inside = await face.is_locked("k")
            got_outside = await outside
        return inside, got_outside, locked_inside, await face.is_locked("k")

    assert client.run(scenario()) == (True, False, True, False)

    async def failing_body():
        with pytest.raises(RuntimeError):
            async with face.lock_context("k"):
                assert await face.is_locked("k") is True
                raise RuntimeError("the body failed")
        return await face.is_locked("k")

    assert client.run(failing_body()) is False  # unlocked on the way out


def test_asyncio_task_owns_its_locks(client, map_name):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("tasks are the asyncio client's owners")
    face = client.run(client.client.get_map(map_name))

    async def scenario():
        await face.lock("k")
        await face.lock("k")  # the same task re-enters
        assert await face.is_locked("k") is True

        async def other(call):
            return await asyncio.ensure_future(call)

        assert await other(face.try_lock("k")) is False
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert await other(face.try_lock("k", timeout=1)) is False
        assert loop.time() - started >= 0.9
        with pytest.raises(IllegalMonitorStateError):
            await other(face.unlock("k"))
        # Another task's write waits for the lock; the owner's goes through.
        write = asyncio.ensure_future(face.put("k", "other"))
        await face.put("k", "owner")
        await asyncio.sleep(0.5)
        assert not write.done()
        await face.unlock("k")
        await face.unlock("k")
        await asyncio.wait_for(write, WAIT)
        return await face.get("k"), await face.is_locked("k")

    assert client.run(scenario()) == ("other", False)


# -- waiting on the member --------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
def test_a_blocked_lock_outlives_the_invocation_timeout_and_leaves_the_connection_free(hz_cluster, face):
    c = start_client(face, invocation_timeout=2, **hz_cluster.client_config())
    try:
        name = "blocked-" + uuid.uuid4().hex
        if face == "threaded":
            m = c.get_map(name).blocking()
            m.lock("k")
            acquired = []

            def waiter():
                started = time.monotonic()
                m.lock("k")  # waits on the member
                acquired.append(time.monotonic() - started)
                m.unlock("k")

            t = threading.Thread(target=waiter)
            t.start()
            # Meanwhile the other callers' requests go through at once.
            started = time.monotonic()
            for i in range(50):
                m.put(i, i)
                assert m.get(i) == i
            assert time.monotonic() - started < 10
            time.sleep(4)  # the scenario: held for twice the invocation timeout
            assert acquired == []
            m.unlock("k")
            t.join(WAIT)
            assert len(acquired) == 1 and acquired[0] > 3.5
        else:
            face_map = c.run(c.client.get_map(name))

            async def scenario():
                loop = asyncio.get_running_loop()
                holder_may_release = asyncio.Event()
                held = asyncio.Event()

                async def holder():
                    async with face_map.lock_context("k"):
                        held.set()
                        await holder_may_release.wait()

                async def waiter():
                    await held.wait()
                    started = loop.time()
                    await face_map.lock("k")
                    waited = loop.time() - started
                    await face_map.unlock("k")
                    return waited

                holding = asyncio.ensure_future(holder())
                waiting = asyncio.ensure_future(waiter())
                await held.wait()
                started = loop.time()
                for i in range(50):
                    await face_map.put(i, i)
                    assert await face_map.get(i) == i
                quick = loop.time() - started
                await asyncio.sleep(4)  # the scenario: held for twice the invocation timeout
                assert not waiting.done()
                holder_may_release.set()
                await holding
                return quick, await asyncio.wait_for(waiting, WAIT)

            quick, waited = c.run(scenario())
            assert quick < 10 and waited > 3.5
    finally:
        c.shutdown()


# -- a member dies -----------------------------------------------------------------------


@pytest.mark.slow
def test_a_lock_survives_the_death_of_the_member_owning_the_key(cluster_factory):
    import hazelcast

    cluster = cluster_factory(member_count=3, map_configs={"default": {"backup_count": 1}})
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        m = client.get_map("locks").blocking()
        key = "k"
        m.lock(key)
        # Another thread waits on the member that is about to die.
        acquired = threading.Event()
        release = threading.Event()

        def waiter():
            m.lock(key)
            acquired.set()
            release.wait(WAIT * 2)
            m.unlock(key)

        t = threading.Thread(target=waiter)
        t.start()
        pid = client.partition_service.get_partition_id(key)
        wait_until(lambda: client.partition_service.get_partition_owner(pid) is not None, WAIT, "the partition table")
        owner = client.partition_service.get_partition_owner(pid)
        (owner_member,) = [mi for mi in client.cluster_service.get_members() if mi.uuid == owner]
        (victim,) = [hm for hm in cluster.members if hm.port == owner_member.address.port]
        victim.kill()
        cluster.wait_for_size(2, 60)
        wait_until(lambda: len(client.cluster_service.get_members()) == 2, WAIT, "the client sees 2 members")
        wait_until(lambda: client.partition_service.get_partition_owner(pid) != owner, WAIT, "a new owner")
        # The backup took over the lock, with its owner.
        assert m.is_locked(key) is True
        assert in_other_owner(client, lambda: m.try_lock(key)) is False
        assert not acquired.is_set()
        m.unlock(key)  # still this thread's lock
        assert acquired.wait(WAIT), "the waiting lock() was not granted after the unlock"
        assert m.is_locked(key) is True  # now the waiter's
        with pytest.raises(IllegalMonitorStateError):
            m.unlock(key)
        release.set()
        t.join(WAIT)
        wait_until(lambda: not m.is_locked(key), WAIT, "the waiter's unlock")
    finally:
        client.shutdown()
