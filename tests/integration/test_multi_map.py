"""MultiMap proxy against real members: one member and three members.

Each test uses a multimap of its own (unique name), so the tests share the clients
and clusters without seeing each other's entries. The blocking tests run on the
threaded client's ``.blocking()`` twin and on the asyncio client's face; the Future
tests on the threaded client's proxy.
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from hazelcast.errors import IllegalMonitorStateError
from hazelcast.future import Future
from hazelcast.internal.asyncio_proxy.multi_map import MultiMap as AsyncioMultiMap
from hazelcast.proxy.base import EntryEvent, EntryEventType
from hazelcast.proxy.multi_map import BlockingMultiMap, MultiMap

from client_faces import AsyncioClientDriver
from collection_faces import (
    blocking_proxy,
    check_face_types,
    check_listed_then_destroyed,
    client_fixture,
    future_proxy,
    get_proxy,
    name_fixture,
    wait_until,
)

PARTITION_COUNT = 271
TIMEOUT = 30.0


client = client_fixture("hz_cluster", "hz_cluster3")
name = name_fixture("multimap-")


def get_multi_map(client, name):
    """The proxy of the threaded client, or the asyncio face run to completion."""
    return get_proxy(client, "get_multi_map", name)


@pytest.fixture
def mm(client, name):
    """The blocking twin of the threaded client's proxy, or the asyncio face run to
    completion."""
    return blocking_proxy(client, "get_multi_map", name)


@pytest.fixture
def fmm(client, name) -> MultiMap:
    return future_proxy(client, "get_multi_map", name)


def spread_keys(client, per_partition=1):
    """String keys covering every partition."""
    counts = {}
    keys = []
    i = 0
    while len(counts) < PARTITION_COUNT or min(counts.values()) < per_partition:
        key = "key-%d" % i
        pid = client.partition_service.get_partition_id(key)
        if counts.get(pid, 0) < per_partition:
            counts[pid] = counts.get(pid, 0) + 1
            keys.append(key)
        i += 1
    return keys


# -- proxies -------------------------------------------------------------------------


def test_get_multi_map_returns_the_same_proxy(client, name):
    check_face_types(
        client, "get_multi_map", name, AsyncioMultiMap, MultiMap, BlockingMultiMap, "hz:impl:multiMapService"
    )


def test_distributed_objects_and_destroy(client, name):
    again = check_listed_then_destroyed(
        client, "get_multi_map", name, "hz:impl:multiMapService", lambda mm: mm.put("k", "v")
    )
    assert again.blocking().size() == 0


# -- entries -------------------------------------------------------------------------


def test_a_key_holds_several_values(mm):
    assert mm.put("fruit", "apple") is True
    assert mm.put("fruit", "pear") is True
    # The members' default value collection is a set: a value is kept once.
    assert mm.put("fruit", "apple") is False
    assert mm.put("veg", "leek") is True
    assert sorted(mm.get("fruit")) == ["apple", "pear"]
    assert mm.get("nothing") == []
    assert mm.value_count("fruit") == 2
    assert mm.value_count("nothing") == 0
    assert mm.size() == 3
    assert sorted(mm.key_set()) == ["fruit", "veg"]
    assert sorted(mm.values()) == ["apple", "leek", "pear"]
    assert sorted(mm.entry_set()) == [("fruit", "apple"), ("fruit", "pear"), ("veg", "leek")]


def test_contains(mm):
    mm.put(1, "one")
    mm.put(1, "uno")
    assert mm.contains_key(1) is True
    assert mm.contains_key(2) is False
    assert mm.contains_value("uno") is True
    assert mm.contains_value("eins") is False
    assert mm.contains_entry(1, "one") is True
    assert mm.contains_entry(1, "eins") is False
    assert mm.contains_entry(2, "one") is False


def test_remove_and_remove_all(mm):
    for value in ("a", "b", "c"):
        mm.put("k", value)
    assert mm.remove("k", "b") is True
    assert mm.remove("k", "b") is False
    assert mm.remove("other", "a") is False
    assert sorted(mm.get("k")) == ["a", "c"]
    assert sorted(mm.remove_all("k")) == ["a", "c"]
    assert mm.remove_all("k") == []
    assert mm.contains_key("k") is False
    assert mm.size() == 0


def test_clear(mm):
    mm.put_all({"a": [1, 2], "b": [3]})
    assert mm.size() == 3
    assert mm.clear() is None
    assert mm.size() == 0
    assert mm.key_set() == []


def test_put_all_across_partitions(client, mm):
    keys = spread_keys(client)
    source = {key: [key + "-1", key + "-2"] for key in keys}
    assert mm.put_all(source) is None
    assert mm.size() == 2 * len(keys)
    for key in keys[:: max(1, len(keys) // 40)]:
        assert sorted(mm.get(key)) == [key + "-1", key + "-2"]
    assert mm.put_all({}) is None
    assert mm.put_all({"extra": []}) is None
    assert mm.value_count("extra") == 0


def test_values_of_every_type_round_trip(mm):
    values = [1, -(2**20), 1.5, True, "text", b"bytes", [1, "two"], {"k": "v"}]
    for value in values:
        assert mm.put("mixed", value) is True
    assert mm.put("mixed", "text") is False
    assert len(mm.get("mixed")) == len(values)
    for value in values:
        assert mm.contains_entry("mixed", value) is True


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.put(None, 1),
        lambda m: m.put(1, None),
        lambda m: m.get(None),
        lambda m: m.remove(None, 1),
        lambda m: m.remove(1, None),
        lambda m: m.remove_all(None),
        lambda m: m.contains_key(None),
        lambda m: m.contains_value(None),
        lambda m: m.contains_entry(1, None),
        lambda m: m.value_count(None),
        lambda m: m.put_all(None),
        lambda m: m.put_all({1: None}),
        lambda m: m.put_all({1: [None]}),
        lambda m: m.lock(None),
        lambda m: m.try_lock(None),
        lambda m: m.unlock(None),
        lambda m: m.is_locked(None),
        lambda m: m.force_unlock(None),
    ],
)
def test_none_is_refused_before_sending(mm, call):
    with pytest.raises(AssertionError):
        call(mm)
    assert mm.size() == 0


def test_future_face_pipelines_calls(client, fmm):
    keys = spread_keys(client)[:200]
    futures = [fmm.put(key, i) for i, key in enumerate(keys)]
    assert all(isinstance(f, Future) for f in futures)
    assert [f.result() for f in futures] == [True] * len(keys)
    counts = [fmm.value_count(key) for key in keys]
    assert [f.result() for f in counts] == [1] * len(keys)
    assert fmm.get(keys[7]).result() == [7]
    assert fmm.size().result() == len(keys)


# -- listeners -----------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.events = []
        self._lock = threading.Lock()

    def __call__(self, event):
        with self._lock:
            self.events.append(event)

    def count(self, event_type=None):
        with self._lock:
            return len([e for e in self.events if event_type is None or e.event_type == event_type])

    def wait_for(self, n, event_type=None):
        wait_until(
            lambda: self.count(event_type) >= n,
            message=lambda: "%d events of type %s (got %r)" % (n, event_type, self.events),
        )

    def stays(self, n, seconds=1.5):
        """Fails if more than ``n`` events arrive within ``seconds`` (duplicates)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.count() <= n, self.events
            time.sleep(0.05)
        assert self.count() == n, self.events


def test_entry_listener_receives_each_event_once(client, mm):
    added, removed, cleared = Recorder(), Recorder(), Recorder()
    registration = mm.add_entry_listener(
        include_value=True, added_func=added, removed_func=removed, clear_all_func=cleared
    )
    assert isinstance(registration, str)
    keys = spread_keys(client)[:30]
    for key in keys:
        mm.put(key, key + "-v")
    added.wait_for(len(keys))
    mm.remove(keys[0], keys[0] + "-v")
    removed.wait_for(1)
    mm.clear()
    cleared.wait_for(1)
    # On three members, a listener registered for global events on each member
    # gets each event three times (the official client's bug): here once.
    added.stays(len(keys))
    removed.stays(1)
    cleared.stays(1)

    assert sorted((e.key, e.value) for e in added.events) == sorted((k, k + "-v") for k in keys)
    assert all(isinstance(e, EntryEvent) and e.event_type == EntryEventType.ADDED for e in added.events)
    assert all(e.uuid is not None for e in added.events)
    event = removed.events[0]
    assert (event.key, event.event_type) == (keys[0], EntryEventType.REMOVED)
    assert event.old_value == keys[0] + "-v"
    clear_event = cleared.events[0]
    assert clear_event.event_type == EntryEventType.CLEAR_ALL
    assert clear_event.number_of_affected_entries == len(keys) - 1

    assert mm.remove_entry_listener(registration) is True
    assert mm.remove_entry_listener(registration) is False
    mm.put("after", "removal")
    marker = Recorder()
    mm.add_entry_listener(added_func=marker)
    mm.put("marker", 1)
    marker.wait_for(1)
    assert added.count() == len(keys)


def test_entry_listener_without_value_and_for_one_key(mm):
    all_keys, one_key = Recorder(), Recorder()
    mm.add_entry_listener(include_value=False, added_func=all_keys)
    mm.add_entry_listener(include_value=True, key="wanted", added_func=one_key, removed_func=one_key)
    mm.put("other", 1)
    mm.put("wanted", 2)
    mm.remove("wanted", 2)
    all_keys.wait_for(2)
    one_key.wait_for(2)
    all_keys.stays(2)
    one_key.stays(2)
    assert sorted(e.key for e in all_keys.events) == ["other", "wanted"]
    assert all(e.value is None for e in all_keys.events)
    assert [(e.key, e.event_type) for e in one_key.events] == [
        ("wanted", EntryEventType.ADDED),
        ("wanted", EntryEventType.REMOVED),
    ]
    assert one_key.events[0].value == 2


# -- locks -----------------------------------------------------------------------------


def in_other_thread(fn):
    """Runs ``fn`` in a new thread (a different lock owner) and returns its result."""
    result = {}

    def run():
        try:
            result["value"] = fn()
        except BaseException as e:  # noqa: B902 - handed to the test's thread
            result["error"] = e

    t = threading.Thread(target=run)
    t.start()
    t.join(TIMEOUT)
    assert not t.is_alive()
    if "error" in result:
        raise result["error"]
    return result["value"]


def threaded_only(client):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("the asyncio client's lock owner is the task: see the asyncio lock tests")


def test_lock_is_owned_by_the_thread(client, mm):
    threaded_only(client)
    assert mm.is_locked("k") is False
    mm.lock("k")
    assert mm.is_locked("k") is True
    assert in_other_thread(lambda: mm.try_lock("k")) is False
    assert in_other_thread(lambda: mm.is_locked("k")) is True
    with pytest.raises(IllegalMonitorStateError):
        in_other_thread(lambda: mm.unlock("k"))
    # The owner writes through its lock; re-entrant.
    assert mm.put("k", 1) is True
    assert mm.try_lock("k") is True
    mm.unlock("k")
    assert mm.is_locked("k") is True
    mm.unlock("k")
    assert mm.is_locked("k") is False
    with pytest.raises(IllegalMonitorStateError):
        mm.unlock("k")


def test_lock_waits_for_the_owner(client, mm):
    threaded_only(client)
    mm.lock("k")
    acquired = threading.Event()
    released = threading.Event()

    def other():
        mm.lock("k")
        acquired.set()
        mm.put("k", "other")
        mm.unlock("k")
        released.set()

    t = threading.Thread(target=other)
    t.start()
    assert not acquired.wait(0.5)  # held by this thread
    mm.unlock("k")
    assert released.wait(TIMEOUT)
    t.join(TIMEOUT)
    assert mm.get("k") == ["other"]
    assert mm.is_locked("k") is False


def test_try_lock_timeout_and_lease(client, mm):
    threaded_only(client)
    assert in_other_thread(lambda: mm.try_lock("k", lease_time=1.5)) is True
    assert mm.try_lock("k") is False
    # Waits for the lease of the other thread's lock to elapse.
    started = time.monotonic()
    assert mm.try_lock("k", timeout=TIMEOUT) is True
    assert time.monotonic() - started < TIMEOUT
    assert in_other_thread(lambda: mm.try_lock("k", timeout=0.2)) is False
    mm.unlock("k")


def test_lock_lease_time_releases(client, mm):
    threaded_only(client)
    mm.lock("k", lease_time=1)
    assert mm.is_locked("k") is True
    wait_until(lambda: not mm.is_locked("k"))
    assert in_other_thread(lambda: mm.try_lock("k")) is True
    mm.force_unlock("k")


def test_force_unlock_releases_another_owner(client, mm):
    threaded_only(client)
    in_other_thread(lambda: (mm.lock("k"), mm.lock("k")))  # locked twice by another owner
    assert mm.is_locked("k") is True
    mm.force_unlock("k")
    assert mm.is_locked("k") is False
    assert mm.try_lock("k") is True
    mm.unlock("k")


def test_locks_of_the_asyncio_client_belong_to_the_task(client, name):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("asyncio client only")

    async def scenario():
        mm = await client.client.get_multi_map(name)
        await mm.lock("k")
        assert await mm.is_locked("k") is True

        async def other_task():
            return await mm.try_lock("k")

        assert await asyncio.ensure_future(other_task()) is False
        await mm.unlock("k")
        assert await asyncio.ensure_future(other_task()) is True  # now owned by that task
        await mm.force_unlock("k")

        async with mm.lock_context("k"):
            assert await mm.is_locked("k") is True
            # A task started inside the context acts as its owner.
            assert await asyncio.ensure_future(mm.put("k", "inside")) is True
            assert await asyncio.ensure_future(other_task()) is True
            await mm.unlock("k")
        assert await mm.is_locked("k") is False
        assert await mm.try_lock("k", lease_time=None, timeout=1) is True
        await mm.unlock("k")
        return await mm.get("k")

    assert client.run(scenario()) == ["inside"]


def test_lock_requests_carry_increasing_reference_ids(client, fmm):
    # The member deduplicates retried lock requests by (caller, reference id).
    generator = fmm._context.lock_reference_id_generator
    first = next(generator)
    fmm.lock("k").result()
    fmm.unlock("k").result()
    assert next(generator) >= first + 3


def test_writes_of_another_owner_wait_for_the_lock(client, mm):
    threaded_only(client)
    mm.lock("k")
    written = threading.Event()

    def other():
        mm.put("k", "other")
        written.set()

    t = threading.Thread(target=other)
    t.start()
    assert not written.wait(1.0)  # the put waits on the member for the lock
    assert mm.get("k") == []
    mm.unlock("k")
    assert written.wait(TIMEOUT)
    t.join(TIMEOUT)
    assert mm.get("k") == ["other"]
