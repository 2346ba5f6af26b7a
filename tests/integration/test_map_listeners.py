"""Map entry listeners against real members.

Every callback type, the value filter, the key filter, removal, the order of a key's
events, and delivery that goes on after a member dies and after the whole cluster
restarts. The shared clusters (1 and 3 members) serve the threaded client (its
Future face and its blocking twin) and the asyncio client; the tests that kill or
restart members start clusters of their own.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid

import pytest

from hazelcast.proxy.base import EntryEvent, EntryEventType

from client_faces import FACES, AsyncioClientDriver, start_client
from waiting import wait_until

ET = EntryEventType
WAIT = 30.0  # the machine is shared and loaded: bounds are generous


@pytest.fixture(
    scope="module",
    params=[(cluster, face) for face in FACES for cluster in ("hz_cluster", "hz_cluster3")],
    ids=["%s-%s" % (members, face) for face in FACES for members in ("1-member", "3-members")],
)
def client(request):
    cluster_fixture, face = request.param
    cluster = request.getfixturevalue(cluster_fixture)
    c = start_client(face, **cluster.client_config())
    # A smart client opens its connections to the other members in the background
    # after start (the official client waits for them in start): a listener added
    # before then misses the events of the members not connected yet.
    members = len(cluster.addresses)
    wait_until(lambda: len(c._connection_manager.active_connections) == members, WAIT, "connections to all members")
    yield c
    c.shutdown()


@pytest.fixture
def map_name():
    return "listened-" + uuid.uuid4().hex


@pytest.fixture
def bmap(client, map_name):
    """The threaded client's blocking twin, or the asyncio face run to completion."""
    return client.get_map(map_name).blocking()


@pytest.fixture
def fmap(client, map_name):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    return client.get_map(map_name)


class Events:
    """Collects the events given to the callbacks (from the event thread or loop)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.all = []

    def __call__(self, event):
        assert isinstance(event, EntryEvent)
        with self._lock:
            self.all.append(event)

    def of(self, event_type=None, key=None):
        with self._lock:
            return [
                e
                for e in self.all
                if (event_type is None or e.event_type == event_type) and (key is None or e.key == key)
            ]

    def wait_for(self, count, event_type=None, key=None, timeout=WAIT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.of(event_type, key)
            if len(got) >= count:
                return got
            time.sleep(0.02)
        raise AssertionError(
            "waited %s s for %d events (type %s, key %r); got %r" % (timeout, count, event_type, key, self.all)
        )

    def callbacks(self):
        return {
            name + "_func": self
            for name in ("added", "removed", "updated", "evicted", "evict_all", "clear_all", "merged", "expired", "loaded")
        }


def _member_uuids(client):
    return {m.uuid for m in client.cluster_service.get_members()}


# -- every callback -------------------------------------------------------------------


def test_added_updated_removed_carry_the_key_and_values(client, bmap):
    events = Events()
    registration_id = bmap.add_entry_listener(True, **events.callbacks())
    assert isinstance(registration_id, str)
    bmap.put("k", "v1")
    bmap.put("k", "v2")
    bmap.remove("k")
    got = events.wait_for(3, key="k")
    assert [e.event_type for e in got] == [ET.ADDED, ET.UPDATED, ET.REMOVED]
    added, updated, removed = got
    assert (added.key, added.value, added.old_value) == ("k", "v1", None)
    assert (updated.key, updated.value, updated.old_value) == ("k", "v2", "v1")
    assert (removed.key, removed.value, removed.old_value) == ("k", None, "v2")
    for e in got:
        assert e.uuid in _member_uuids(client)
        assert e.merging_value is None and e.number_of_affected_entries == 1
    assert "event_type=ADDED" in repr(added)


def test_include_value_false_gives_no_values(bmap):
    events = Events()
    bmap.add_entry_listener(False, added_func=events, updated_func=events, removed_func=events)
    bmap.put("k", "v1")
    bmap.put("k", "v2")
    bmap.delete("k")
    got = events.wait_for(3, key="k")
    assert [e.event_type for e in got] == [ET.ADDED, ET.UPDATED, ET.REMOVED]
    assert all(e.value is None and e.old_value is None for e in got)


def test_only_the_requested_types_are_delivered(bmap):
    events = Events()
    bmap.add_entry_listener(True, updated_func=events)
    bmap.put("k", 1)
    bmap.put("k", 2)
    bmap.remove("k")
    bmap.put("k", 3)
    bmap.put("k", 4)
    got = events.wait_for(2)
    assert [(e.event_type, e.value) for e in got] == [(ET.UPDATED, 2), (ET.UPDATED, 4)]


def test_evicted_and_expired(bmap):
    events = Events()
    bmap.add_entry_listener(True, evicted_func=events, expired_func=events)
    bmap.put("evicted", "v")
    assert bmap.evict("evicted") is True
    (evicted,) = events.wait_for(1, ET.EVICTED)
    assert evicted.key == "evicted"
    bmap.put("expiring", "v", ttl=1)
    # The member expires entries on access or in its periodic sweep: reading drives it.
    deadline = time.monotonic() + WAIT
    while not events.of(ET.EXPIRED) and time.monotonic() < deadline:
        bmap.get("expiring")
        time.sleep(0.2)
    (expired,) = events.wait_for(1, ET.EXPIRED)
    assert expired.key == "expiring"
    assert bmap.get("expiring") is None


def test_evict_all_and_clear_all_come_once_with_the_count(bmap):
    events = Events()
    bmap.add_entry_listener(True, evict_all_func=events, clear_all_func=events, added_func=events)
    bmap.put_all({i: i for i in range(10)})
    bmap.evict_all()
    (evict_all,) = events.wait_for(1, ET.EVICT_ALL)
    assert evict_all.number_of_affected_entries == 10 and evict_all.key is None
    bmap.put_all({i: i for i in range(7)})
    bmap.clear()
    (clear_all,) = events.wait_for(1, ET.CLEAR_ALL)
    assert clear_all.number_of_affected_entries == 7
    # A later event has come through: a duplicate of the map-wide ones would have too.
    bmap.put("after", 1)
    events.wait_for(1, ET.ADDED, key="after")
    assert len(events.of(ET.EVICT_ALL)) == 1 and len(events.of(ET.CLEAR_ALL)) == 1
    assert len(events.of(ET.ADDED)) == 18


def test_key_filter(client, bmap):
    # "other" shares the partition of "watched": its events, were they sent, would
    # come from the same member before the watched key's later events.
    partition_of = client.partition_service.get_partition_id
    watched = "watched"
    other = next(k for k in ("other-%d" % i for i in range(100000)) if partition_of(k) == partition_of(watched))
    events = Events()
    bmap.add_entry_listener(True, key=watched, added_func=events, updated_func=events, removed_func=events)
    bmap.put(other, 1)
    bmap.put(watched, 1)
    bmap.put(other, 2)
    bmap.remove(other)
    bmap.put(watched, 2)
    got = events.wait_for(2)
    assert [(e.key, e.event_type, e.value) for e in got] == [(watched, ET.ADDED, 1), (watched, ET.UPDATED, 2)]


def _same_partition_keys(client, count, prefix="p"):
    partition_of = client.partition_service.get_partition_id
    target = partition_of(prefix + "-0")
    keys = [prefix + "-0"]
    i = 1
    while len(keys) < count:
        k = "%s-%d" % (prefix, i)
        if partition_of(k) == target:
            keys.append(k)
        i += 1
    return keys


def test_predicate_filter(client, bmap):
    from hazelcast import predicate

    # One partition: events that should not come would arrive before the last one.
    low, high, low2, high2 = _same_partition_keys(client, 4)
    events = Events()
    bmap.add_entry_listener(
        True, predicate=predicate.greater("this", 10), added_func=events, updated_func=events, removed_func=events
    )
    bmap.put(low, 5)
    bmap.put(high, 15)
    bmap.put(low2, 8)
    bmap.put(high, 16)
    bmap.remove(low)
    bmap.put(high2, 20)
    got = events.wait_for(3)
    assert [(e.key, e.event_type, e.value) for e in got] == [
        (high, ET.ADDED, 15),
        (high, ET.UPDATED, 16),
        (high2, ET.ADDED, 20),
    ]


def test_key_and_predicate_filter(client, bmap):
    from hazelcast import predicate

    watched, other = _same_partition_keys(client, 2, "kp")
    events = Events()
    bmap.add_entry_listener(
        False, key=watched, predicate=predicate.sql("this >= 10"), added_func=events, updated_func=events
    )
    bmap.put(watched, 5)  # the key, not the predicate
    bmap.put(other, 50)  # the predicate, not the key
    bmap.put(watched, 20)
    bmap.put(other, 60)
    bmap.put(watched, 30)
    got = events.wait_for(2)
    assert [(e.key, e.event_type, e.value) for e in got] == [(watched, ET.UPDATED, None), (watched, ET.UPDATED, None)]


def test_remove_entry_listener_stops_the_events(bmap):
    removed = Events()
    kept = Events()
    registration_id = bmap.add_entry_listener(True, added_func=removed, updated_func=removed)
    bmap.add_entry_listener(True, added_func=kept, updated_func=kept)
    bmap.put("k", 0)
    removed.wait_for(1)
    kept.wait_for(1)
    assert bmap.remove_entry_listener(registration_id) is True
    assert bmap.remove_entry_listener(registration_id) is False
    for i in range(1, 4):
        bmap.put("k", i)
    kept.wait_for(4)
    assert [e.value for e in kept.all] == [0, 1, 2, 3]
    assert [e.value for e in removed.all] == [0]


def test_events_of_a_key_come_once_each_in_order(client, map_name):
    keys = ["ordered-%d" % i for i in range(8)]
    rounds = 60
    events = Events()
    if isinstance(client, AsyncioClientDriver):
        face = client.run(client.client.get_map(map_name))

        async def write():
            await face.add_entry_listener(True, added_func=events, updated_func=events)
            # Tasks start (and send) in the order they are created.
            await asyncio.gather(*(face.set(k, i) for i in range(rounds) for k in keys))

        client.run(write())
    else:
        m = client.get_map(map_name)
        m.add_entry_listener(True, added_func=events, updated_func=events).result()
        # Pipelined: all requests in flight at once, sent in this order.
        for f in [m.set(k, i) for i in range(rounds) for k in keys]:
            f.result()
    for k in keys:
        got = events.wait_for(rounds, key=k)
        assert [e.value for e in got] == list(range(rounds)), k
        assert [e.event_type for e in got] == [ET.ADDED] + [ET.UPDATED] * (rounds - 1)
    assert len(events.all) == rounds * len(keys)


def test_future_face(fmap):
    events = Events()
    registration = fmap.add_entry_listener(True, added_func=events)
    registration_id = registration.result()
    fmap.put("k", "v").result()
    (added,) = events.wait_for(1)
    assert (added.key, added.value) == ("k", "v")
    assert fmap.remove_entry_listener(registration_id).result() is True


def test_a_failing_callback_does_not_stop_the_others(bmap):
    events = Events()

    def failing(event):
        raise RuntimeError("a user callback failed")

    bmap.add_entry_listener(True, added_func=failing, updated_func=events)
    bmap.put("k", 1)
    bmap.put("k", 2)
    (updated,) = events.wait_for(1)
    assert updated.value == 2


# -- merged ---------------------------------------------------------------------------


def test_merged_listener_gets_no_other_type(bmap):
    # Merges happen after a split brain (see test_merged_events_after_a_split_brain_heals);
    # here: the member honours the flags, a merged-only listener gets no other event.
    merged = Events()
    witness = Events()
    bmap.add_entry_listener(True, merged_func=merged)
    bmap.add_entry_listener(True, removed_func=witness)
    bmap.put("k", 1)
    bmap.put("k", 2)
    bmap.remove("k")
    witness.wait_for(1)
    assert merged.all == []


# -- loaded: a member map with a MapLoader (tests/java PrefixMapLoader) ---------------


@pytest.fixture(scope="module")
def loader_cluster():
    from harness import start_cluster

    loader = "com.hazelcast.pyclienttest.PrefixMapLoader"
    cluster = start_cluster(
        1,
        java_classes=True,
        map_configs={
            "loaded*": {
                "map_store": {"enabled": True, "initial_mode": "LAZY", "raw": "<class-name>%s</class-name>" % loader}
            }
        },
    )
    yield cluster
    cluster.shutdown()


@pytest.mark.parametrize("face", FACES)
def test_loaded_events_from_a_map_loader(loader_cluster, face):
    client = start_client(face, **loader_cluster.client_config())
    try:
        m = client.get_map("loaded-" + uuid.uuid4().hex).blocking()
        events = Events()
        m.add_entry_listener(True, loaded_func=events, added_func=events)
        assert m.get("db-1") == "loaded-db-1"  # missing: the member loads it
        (loaded,) = events.wait_for(1, ET.LOADED)
        assert (loaded.key, loaded.value) == ("db-1", "loaded-db-1")
        m.load_all(["db-2", "db-3"])
        got = events.wait_for(3, ET.LOADED)
        assert sorted((e.key, e.value) for e in got[1:]) == [("db-2", "loaded-db-2"), ("db-3", "loaded-db-3")]
        assert m.get("absent") is None
        m.put("written", 1)  # a write is an ADDED event, not a LOADED one
        events.wait_for(1, ET.ADDED, key="written")
        assert len(events.of(ET.LOADED)) == 3
    finally:
        client.shutdown()


# -- member failures and restarts: clusters of their own ---------------------------------


def _spread_keys(client, per_partition=1):
    """String keys covering every partition."""
    count = client.partition_service.get_partition_count()
    seen = {}
    keys = []
    i = 0
    while len(seen) < count or min(seen.values()) < per_partition:
        key = "spread-%d" % i
        pid = client.partition_service.get_partition_id(key)
        if seen.get(pid, 0) < per_partition:
            seen[pid] = seen.get(pid, 0) + 1
            keys.append(key)
        i += 1
    return keys


def _registered_on(client, registration_id):
    registration = client._runtime.listener_service._registrations[registration_id]
    return len(registration.on_connections)


def _write_round(m, keys, value, events):
    for k in keys:
        m.set(k, value)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if sum(1 for e in events.all if e.value == value) >= len(keys):
            return
        time.sleep(0.05)


def _assert_once_each_in_order(events, keys, values):
    by_key = {}
    for e in events.all:
        by_key.setdefault(e.key, []).append(e.value)
    wrong = {k: by_key.get(k) for k in keys if by_key.get(k) != values}
    assert wrong == {}, "%d of %d keys got other events than %r" % (len(wrong), len(keys), values)
    assert set(by_key) == set(keys)


@pytest.mark.slow
@pytest.mark.parametrize("face", FACES)
def test_events_keep_coming_after_a_member_dies(cluster_factory, face):
    cluster = cluster_factory(member_count=3, map_configs={"default": {"backup_count": 1}})
    client = start_client(face, **cluster.client_config())
    try:
        m = client.get_map("survivor").blocking()
        events = Events()
        registration_id = m.add_entry_listener(True, added_func=events, updated_func=events)
        # The client connects to every member in the background: then it registers there.
        wait_until(lambda: _registered_on(client, registration_id) == 3, WAIT, "registered on the 3 members")
        keys = _spread_keys(client)
        _write_round(m, keys, 0, events)
        cluster.members[1].kill()
        cluster.wait_for_size(2, 60)
        wait_until(lambda: len(client.cluster_service.get_members()) == 2, WAIT, "the client sees 2 members")
        # The dead member's partitions now send their events from the survivors.
        _write_round(m, keys, 1, events)
        _write_round(m, keys, 2, events)
        _assert_once_each_in_order(events, keys, [0, 1, 2])
    finally:
        client.shutdown()


@pytest.mark.slow
def test_a_unisocket_listener_follows_its_connection_when_its_member_dies(cluster_factory):
    import hazelcast

    cluster = cluster_factory(member_count=3, map_configs={"default": {"backup_count": 1}})
    client = hazelcast.HazelcastClient(smart_routing=False, **cluster.client_config())
    try:
        m = client.get_map("unisocket").blocking()
        events = Events()
        registration_id = m.add_entry_listener(True, added_func=events, updated_func=events)
        keys = _spread_keys(client)
        _write_round(m, keys, 0, events)  # every member's events through the one member
        (connection,) = client._connection_manager.active_connections.values()
        (victim,) = [hm for hm in cluster.members if hm.port == connection.remote_address.port]
        victim.kill()
        cluster.wait_for_size(2, 60)

        def moved():
            connections = list(client._connection_manager.active_connections.values())
            return len(connections) == 1 and connections[0] is not connection

        wait_until(moved, WAIT, "a connection to another member")
        wait_until(lambda: _registered_on(client, registration_id) == 1, WAIT, "registered there")
        _write_round(m, keys, 1, events)
        _write_round(m, keys, 2, events)
        _assert_once_each_in_order(events, keys, [0, 1, 2])
    finally:
        client.shutdown()


@pytest.mark.slow
@pytest.mark.parametrize("face", FACES)
def test_events_keep_coming_after_the_whole_cluster_restarts(cluster_factory, face):
    from hazelcast.lifecycle import LifecycleState

    cluster = cluster_factory(member_count=2)
    states = []
    client = start_client(
        face,
        retry_initial_backoff=0.1,
        retry_max_backoff=0.5,
        lifecycle_listeners=[states.append],
        **cluster.client_config()
    )
    try:
        m = client.get_map("restarted").blocking()
        events = Events()
        registration_id = m.add_entry_listener(True, added_func=events, updated_func=events)
        keys = _spread_keys(client)
        _write_round(m, keys, 0, events)
        old_members = _member_uuids(client)
        for member in cluster.members:
            member.shutdown()
        wait_until(lambda: LifecycleState.DISCONNECTED in states, WAIT, "DISCONNECTED")
        for member in cluster.members:  # the same ports again
            member.start()
            member.wait_started()
        cluster.wait_for_size(2, 60)
        wait_until(lambda: states.count(LifecycleState.CONNECTED) == 2, 60, "reconnected")
        wait_until(
            lambda: len(_member_uuids(client)) == 2 and not (_member_uuids(client) & old_members),
            WAIT,
            "the new cluster's members",
        )
        # Registered again on both new members: the keys' events come from both.
        wait_until(lambda: _registered_on(client, registration_id) == 2, WAIT, "registered on both members")
        # The data went with the old cluster: the first write adds again.
        _write_round(m, keys, 1, events)
        _write_round(m, keys, 2, events)
        for k in keys:
            got = [e for e in events.all if e.key == k]
            assert [(e.event_type, e.value) for e in got] == [(ET.ADDED, 0), (ET.ADDED, 1), (ET.UPDATED, 2)], k
    finally:
        client.shutdown()


@pytest.mark.slow
def test_merged_events_after_a_split_brain_heals(cluster_factory):
    # Two clusters of the same name, as after a network split: "a" (one member)
    # knows the address of "b" (two members) but starts first, alone, then "b"
    # starts. a's split-brain check (first run delayed until b is up) finds b, and
    # the smaller cluster merges into the larger: a's entries come to b as MERGED
    # events (PutIfAbsent policy).
    import hazelcast
    from harness.cluster import unique_cluster_name

    name = unique_cluster_name("merge")
    a = cluster_factory(
        member_count=1,
        cluster_name=name,
        properties={
            "hazelcast.merge.first.run.delay.seconds": 20,
            "hazelcast.merge.next.run.delay.seconds": 2,
        },
        start=False,
    )
    b = cluster_factory(member_count=2, cluster_name=name, start=False)
    b_port = b.base_port  # b's first member
    a.join_ports = lambda port: sorted({port, b_port})
    clients = []
    try:
        a.start()
        client_a = hazelcast.HazelcastClient(cluster_name=name, cluster_members=a.addresses)
        clients.append(client_a)
        client_a.get_map("merged").blocking().put_all({"a-%d" % i: "a" for i in range(5)})
        b.start()
        client_b = hazelcast.HazelcastClient(cluster_name=name, cluster_members=b.addresses)
        clients.append(client_b)
        m = client_b.get_map("merged").blocking()
        events = Events()
        m.add_entry_listener(True, merged_func=events, added_func=events)
        m.put("b-0", "b")
        events.wait_for(1, ET.ADDED)
        assert events.of(ET.MERGED) == [], "merged before b was ready: the test's timing is off"
        got = events.wait_for(5, ET.MERGED, timeout=90)
        # (Members 5.x send no merging value with MERGED events of a merge like this.)
        assert sorted((e.key, e.value, e.old_value) for e in got) == [("a-%d" % i, "a", None) for i in range(5)]
        assert m.size() == 6
    finally:
        for client in clients:
            client.shutdown()
