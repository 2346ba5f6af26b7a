"""ReplicatedMap proxy against real members: one member and three members.

Each test uses a map of its own (unique name), so the tests share the clients and
clusters without seeing each other's entries. On three members a write reaches the
other members' copies asynchronously: reads of the whole map (answered by one
member from its copy) are polled until they show it, as a user of a replicated map
would expect.
"""

from __future__ import annotations

import threading
import time

import pytest

from hazelcast import predicate
from hazelcast.future import Future
from hazelcast.internal.asyncio_proxy.replicated_map import ReplicatedMap as AsyncioReplicatedMap
from hazelcast.proxy.base import EntryEvent, EntryEventType
from hazelcast.proxy.replicated_map import BlockingReplicatedMap, ReplicatedMap

from client_faces import FACES, start_client
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


client = client_fixture("hz_cluster", "hz_cluster3")
name = name_fixture("replicated-")


def get_replicated_map(client, name):
    """The proxy of the threaded client, or the asyncio face run to completion."""
    return get_proxy(client, "get_replicated_map", name)


@pytest.fixture
def rm(client, name):
    """The blocking twin of the threaded client's proxy, or the asyncio face run to
    completion."""
    return blocking_proxy(client, "get_replicated_map", name)


@pytest.fixture
def frm(client, name) -> ReplicatedMap:
    return future_proxy(client, "get_replicated_map", name)


def eventually_equal(read, expected):
    """Polls ``read()`` until it returns ``expected`` (the copies converge)."""
    seen = []

    def check():
        seen[:] = [read()]
        return seen[0] == expected

    wait_until(check, message=lambda: "a converged value (last read %r, expected %r)" % (seen and seen[0], expected))


# -- proxies -------------------------------------------------------------------------


def test_get_replicated_map_returns_the_same_proxy(client, name):
    check_face_types(
        client,
        "get_replicated_map",
        name,
        AsyncioReplicatedMap,
        ReplicatedMap,
        BlockingReplicatedMap,
        "hz:impl:replicatedMapService",
    )


def test_distributed_objects_and_destroy(client, name):
    again = check_listed_then_destroyed(
        client, "get_replicated_map", name, "hz:impl:replicatedMapService", lambda rm: rm.put("k", "v")
    )
    assert again.blocking().get("k") is None


# -- entries -------------------------------------------------------------------------


def test_put_get_remove(rm):
    assert rm.put("k", "v1") is None
    assert rm.get("k") == "v1"
    assert rm.put("k", "v2") == "v1"
    assert rm.get("k") == "v2"
    assert rm.contains_key("k") is True
    assert rm.contains_key("missing") is False
    assert rm.get("missing") is None
    assert rm.remove("k") == "v2"
    assert rm.remove("k") is None
    assert rm.get("k") is None
    assert rm.contains_key("k") is False


def test_whole_map_reads(rm):
    assert rm.is_empty() is True
    entries = {"key-%d" % i: i for i in range(50)}
    assert rm.put_all(entries) is None
    eventually_equal(rm.size, 50)
    eventually_equal(lambda: sorted(rm.key_set()), sorted(entries))
    eventually_equal(lambda: sorted(rm.values()), sorted(entries.values()))
    eventually_equal(lambda: sorted(rm.entry_set()), sorted(entries.items()))
    assert rm.is_empty() is False
    assert rm.contains_value(49) is True
    assert rm.contains_value(50) is False
    for key, value in entries.items():
        assert rm.get(key) == value


def test_clear(rm):
    rm.put_all({i: str(i) for i in range(20)})
    eventually_equal(rm.size, 20)
    assert rm.clear() is None
    eventually_equal(rm.size, 0)
    assert rm.is_empty() is True
    assert rm.get(3) is None


def test_put_with_ttl_expires(rm):
    rm.put("short", "lived", ttl=1)
    rm.put("long", "lived")
    assert rm.get("short") == "lived"
    wait_until(lambda: rm.get("short") is None)
    assert rm.get("long") == "lived"


def test_values_of_every_type_round_trip(rm):
    # The members keep the values deserialized (in-memory format OBJECT): only
    # types a member can read, unlike a Python-only (pickled) dict.
    values = {1: -(2**20), "float": 1.5, "bool": True, "bytes": b"\x00\x01", "list": [1, "two"], "str": "text"}
    rm.put_all(values)
    for key, value in values.items():
        assert rm.get(key) == value


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.put(None, 1),
        lambda m: m.put(1, None),
        lambda m: m.get(None),
        lambda m: m.remove(None),
        lambda m: m.contains_key(None),
        lambda m: m.contains_value(None),
        lambda m: m.put_all(None),
        lambda m: m.put_all({1: None}),
        lambda m: m.put_all({None: 1}),
    ],
)
def test_none_is_refused_before_sending(rm, call):
    with pytest.raises(AssertionError):
        call(rm)
    assert rm.is_empty() is True


def test_future_face_pipelines_calls(frm):
    futures = [frm.put("key-%d" % i, i) for i in range(200)]
    assert all(isinstance(f, Future) for f in futures)
    assert [f.result() for f in futures] == [None] * 200
    gets = [frm.get("key-%d" % i) for i in range(200)]
    assert [f.result() for f in gets] == list(range(200))
    assert frm.contains_key("key-3").result() is True


# -- listeners -----------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.events = []
        self._lock = threading.Lock()

    def __call__(self, event):
        with self._lock:
            self.events.append(event)

    def count(self):
        with self._lock:
            return len(self.events)

    def wait_for(self, n):
        wait_until(lambda: self.count() >= n, message=lambda: "%d events (got %r)" % (n, self.events))

    def stays(self, n, seconds=1.5):
        """Fails if more than ``n`` events arrive within ``seconds`` (duplicates)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.count() <= n, self.events
            time.sleep(0.05)
        assert self.count() == n, self.events

    def pairs(self):
        with self._lock:
            return [(e.event_type, e.key) for e in self.events]


def test_entry_listener_receives_each_event_once(rm):
    added, updated, removed, cleared = Recorder(), Recorder(), Recorder(), Recorder()
    registration = rm.add_entry_listener(
        added_func=added, removed_func=removed, updated_func=updated, clear_all_func=cleared
    )
    assert isinstance(registration, str)
    keys = ["key-%d" % i for i in range(30)]
    for key in keys:
        rm.put(key, key + "-1")
    rm.put(keys[0], "changed")
    rm.remove(keys[1])
    added.wait_for(len(keys))
    updated.wait_for(1)
    removed.wait_for(1)
    rm.clear()
    cleared.wait_for(1)
    for recorder, n in ((added, len(keys)), (updated, 1), (removed, 1), (cleared, 1)):
        recorder.stays(n)

    assert sorted((e.key, e.value) for e in added.events) == sorted((k, k + "-1") for k in keys)
    assert all(isinstance(e, EntryEvent) and e.event_type == EntryEventType.ADDED for e in added.events)
    update = updated.events[0]
    assert (update.key, update.value, update.old_value) == (keys[0], "changed", keys[0] + "-1")
    assert update.event_type == EntryEventType.UPDATED
    removal = removed.events[0]
    assert (removal.key, removal.old_value, removal.event_type) == (keys[1], keys[1] + "-1", EntryEventType.REMOVED)
    assert cleared.events[0].event_type == EntryEventType.CLEAR_ALL

    assert rm.remove_entry_listener(registration) is True
    assert rm.remove_entry_listener(registration) is False
    rm.put("after", "removal")
    marker = Recorder()
    rm.add_entry_listener(key="marker", added_func=marker)
    rm.put("marker", 1)
    marker.wait_for(1)
    assert added.count() == len(keys)


def test_entry_listener_for_one_key(rm):
    events = Recorder()
    rm.add_entry_listener(key="wanted", added_func=events, updated_func=events, removed_func=events)
    rm.put("other", 1)
    rm.put("wanted", 1)
    rm.put("wanted", 2)
    rm.remove("other")
    rm.remove("wanted")
    events.wait_for(3)
    events.stays(3)
    assert events.pairs() == [
        (EntryEventType.ADDED, "wanted"),
        (EntryEventType.UPDATED, "wanted"),
        (EntryEventType.REMOVED, "wanted"),
    ]


def test_entry_listener_with_predicate(rm):
    events = Recorder()
    rm.add_entry_listener(predicate=predicate.greater("this", 10), added_func=events, updated_func=events)
    for i in range(20):
        rm.put("key-%d" % i, i)
    rm.put("key-3", 30)  # now matches
    events.wait_for(10)
    events.stays(10)
    assert sorted(e.key for e in events.events) == sorted(["key-%d" % i for i in range(11, 20)] + ["key-3"])
    assert all(e.value > 10 for e in events.events)


def test_entry_listener_to_key_with_predicate(rm):
    events = Recorder()
    rm.add_entry_listener(key="k", predicate=predicate.sql("this >= 100"), added_func=events, updated_func=events)
    rm.put("other", 500)
    rm.put("k", 1)
    rm.put("k", 100)
    rm.put("k", 5)
    rm.put("k", 200)
    events.wait_for(2)
    events.stays(2)
    assert [(e.key, e.value) for e in events.events] == [("k", 100), ("k", 200)]


def test_evicted_event_when_the_ttl_elapses(rm):
    evicted = Recorder()
    rm.add_entry_listener(evicted_func=evicted)
    rm.put("k", "v", ttl=1)
    evicted.wait_for(1)
    event = evicted.events[0]
    assert (event.key, event.event_type) == ("k", EntryEventType.EVICTED)


# -- a value written through another member ------------------------------------------


@pytest.fixture(scope="module", params=FACES)
def unisocket_pair(request, hz_cluster3):
    """Two clients of the three-member cluster, each connected to one member only."""
    addresses = hz_cluster3.addresses
    config = hz_cluster3.client_config()
    clients = []
    try:
        for address in addresses[:2]:
            config.update(cluster_members=[address], smart_routing=False)
            clients.append(start_client(request.param, **config))
        yield clients
    finally:
        for c in clients:
            c.shutdown()


def _connected_member(client):
    connections = list(client._connection_manager.active_connections.values())
    assert len(connections) == 1
    return connections[0].remote_address


def test_value_written_through_another_member_is_read(unisocket_pair, name):
    writer_client, reader_client = unisocket_pair
    assert _connected_member(writer_client) != _connected_member(reader_client)
    writer = get_replicated_map(writer_client, name).blocking()
    reader = get_replicated_map(reader_client, name).blocking()
    events = Recorder()
    reader.add_entry_listener(added_func=events, updated_func=events)

    writer.put("written", "elsewhere")
    eventually_equal(lambda: reader.get("written"), "elsewhere")
    writer.put_all({"a": 1, "b": 2})
    eventually_equal(lambda: sorted(reader.entry_set()), [("a", 1), ("b", 2), ("written", "elsewhere")])
    reader.put("written", "back")
    eventually_equal(lambda: writer.get("written"), "back")
    eventually_equal(writer.size, 3)
    # The reader's one connection gets every event of the map once.
    events.wait_for(4)
    events.stays(4)
    assert sorted(events.pairs()) == sorted(
        [
            (EntryEventType.ADDED, "written"),
            (EntryEventType.ADDED, "a"),
            (EntryEventType.ADDED, "b"),
            (EntryEventType.UPDATED, "written"),
        ]
    )
