"""Map Near Cache against a real member: reads served locally, invalidation by other
clients and Java entry processors, expiry, statistics, reconnection, and repairing
when invalidation events are lost (dropped by a proxy between client and member)."""

from __future__ import annotations

import re
import time

import pytest

import hazelcast
from hazelcast import predicate
from hazelcast.serialization.api import CompactSerializer, IdentifiedDataSerializable

from client_faces import FACES, start_client
from tcp_proxy import MessageDroppingProxy
from waiting import wait_until

pytestmark = [pytest.mark.java_classes]

FACTORY_ID = 1000
PKG = "com.hazelcast.pyclienttest."
MEMBER_XML = """
<serialization>
    <data-serializable-factories>
        <data-serializable-factory factory-id="%d">%sserialization.TestDataSerializableFactory</data-serializable-factory>
    </data-serializable-factories>
</serialization>
<listeners><listener>%sClientStatisticsLogger</listener></listeners>
""" % (FACTORY_ID, PKG, PKG)

# Members batch invalidations; a short batch period keeps the tests short.
MEMBER_PROPERTIES = {"hazelcast.map.invalidation.batchfrequency.seconds": "1"}

SINGLE_INVALIDATION = 0x013F02
BATCH_INVALIDATION = 0x013F03
WAIT = 30.0


class WriteValueProcessor(IdentifiedDataSerializable):
    """Twin of the Java WriteValueEntryProcessor: stores a Java-made sample."""

    def __init__(self, kind=None):
        self.kind = kind

    def write_data(self, out):
        out.write_string(self.kind)

    def read_data(self, inp):
        self.kind = inp.read_string()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 3


@pytest.fixture(scope="module")
def cluster():
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=MEMBER_XML, properties=MEMBER_PROPERTIES)
    yield c
    c.shutdown()


@pytest.fixture
def make_client(cluster):
    made = []

    def make(face="threaded", near_caches=None, **options):
        config = dict(cluster.client_config())
        config.update(options)
        if near_caches is not None:
            config["near_caches"] = near_caches
        config.setdefault("data_serializable_factories", {FACTORY_ID: {3: WriteValueProcessor}})
        c = start_client(face, **config)
        made.append(c)
        return c

    yield make
    for c in made:
        c.shutdown()


def near_cache_of(client_or_driver, name):
    runtime = client_or_driver._runtime
    return runtime.context.near_cache_manager.get_or_create_near_cache(name)


def wait_active(near_cache):
    wait_until(lambda: near_cache.active, 30, "invalidation listener registered")


def wait_own_event(near_cache, count=1):
    """Waits for the invalidation events of this client's own latest changes (each
    change invalidates locally twice, its event once more), which would otherwise
    drop a value cached meanwhile."""
    wait_until(lambda: near_cache.get_statistics()["invalidation_requests"] >= 3 * count, WAIT, "own invalidation")


def count_requests(client):
    """Counts the invocations the threaded client sends from now on."""
    service = client._runtime.invocation_service
    counter = {"n": 0}
    original = service.invoke

    def counting(invocation):
        counter["n"] += 1
        return original(invocation)

    service.invoke = counting
    return counter


# -- reads served locally -------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
def test_repeated_reads_are_served_from_the_near_cache(make_client, face):
    client = make_client(face, near_caches={"hits-*": {}})
    m = client.get_map("hits-%s" % face)
    if face == "threaded":
        m = m.blocking()
    near_cache = near_cache_of(client, "hits-%s" % face)
    wait_active(near_cache)
    m.put("k", "v")
    wait_own_event(near_cache)
    assert m.get("k") == "v"
    counter = count_requests(client) if face == "threaded" else None
    for _ in range(100):
        assert m.get("k") == "v"
    stats = near_cache.get_statistics()
    assert stats["hits"] == 100 and stats["misses"] == 1 and stats["owned_entry_count"] == 1
    if counter is not None:
        assert counter["n"] == 0  # not one request for the 100 reads
    # get_all: cached keys locally, the others remotely.
    m.put("k2", "v2")
    wait_own_event(near_cache, 2)
    assert m.get_all(["k", "k2", "absent"]) == {"k": "v", "k2": "v2"}
    assert m.get_all(["k", "k2"]) == {"k": "v", "k2": "v2"}
    assert near_cache.get_statistics()["hits"] == 100 + 1 + 2
    assert m.contains_key("k") is True
    m.remove("k")
    assert m.contains_key("k") is False  # the official client says True here
    assert m.get("k") is None


def test_the_blocking_and_future_faces_share_one_near_cache(make_client):
    client = make_client(near_caches={"shared": {}})
    m = client.get_map("shared")
    near_cache = near_cache_of(client, "shared")
    wait_active(near_cache)
    m.blocking().put("k", 1)
    wait_own_event(near_cache)
    assert m.get("k").result() == 1
    assert m.blocking().get("k") == 1
    assert near_cache.get_statistics()["hits"] == 1


class _Point:
    """A Compact key and value type."""

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, _Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


class _PointSerializer(CompactSerializer):
    def read(self, reader):
        return _Point(reader.read_int32("x"), reader.read_int32("y"))

    def write(self, writer, obj):
        writer.write_int32("x", obj.x)
        writer.write_int32("y", obj.y)

    def get_class(self):
        return _Point

    def get_type_name(self):
        return "pyclienttest.nearcache.Point"


def test_a_blocking_get_of_a_compact_key_the_client_never_sent_is_fetched_then_cached(make_client):
    # The blocking get serializes the key itself to look it up; a Compact key whose
    # schema this client has not sent yet takes the proxy's path (schema first).
    name = "compact-keys-%d" % time.time_ns()
    writer = make_client(compact_serializers=[_PointSerializer()])
    writer.get_map(name).blocking().put(_Point(1, 2), _Point(3, 4))
    reader = make_client(near_caches={name: {}}, compact_serializers=[_PointSerializer()])
    m = reader.get_map(name).blocking()
    near_cache = near_cache_of(reader, name)
    wait_active(near_cache)
    assert m.get(_Point(1, 2)) == _Point(3, 4)  # the schema goes first, then the fetch
    gets = [1]

    def served_from_the_near_cache():
        # An invalidation of the writer's put that the member batched before this
        # client registered may still drop the first copy: read until one is a hit.
        gets.append(1)
        assert m.get(_Point(1, 2)) == _Point(3, 4)
        return near_cache.get_statistics()["hits"] >= 1

    wait_until(served_from_the_near_cache, WAIT, "a read served from the Near Cache")
    assert m.get(_Point(5, 6)) is None
    stats = near_cache.get_statistics()
    assert stats["hits"] + stats["misses"] == len(gets) + 1  # each read counted once
    assert stats["owned_entry_count"] == 1


def test_a_map_without_matching_config_has_no_near_cache(make_client):
    client = make_client(near_caches={"cached-*": {}})
    from hazelcast.proxy.map import MapFeatNearCache

    assert isinstance(client.get_map("cached-1"), MapFeatNearCache)
    assert not isinstance(client.get_map("other"), MapFeatNearCache)


# -- every change through this proxy drops the local copy ---------------------------------

CHANGES = [
    ("put", lambda m: m.put("k", "new"), "new"),
    ("set", lambda m: m.set("k", "new"), "new"),
    ("put_transient", lambda m: m.put_transient("k", "new"), "new"),
    ("replace", lambda m: m.replace("k", "new"), "new"),
    ("replace_if_same", lambda m: m.replace_if_same("k", "old", "new"), "new"),
    ("try_put", lambda m: m.try_put("k", "new"), "new"),
    ("put_all", lambda m: m.put_all({"k": "new", "x": 1}), "new"),
    ("remove", lambda m: m.remove("k"), None),
    ("delete", lambda m: m.delete("k"), None),
    ("remove_if_same", lambda m: m.remove_if_same("k", "old"), None),
    ("try_remove", lambda m: m.try_remove("k"), None),
    ("evict", lambda m: m.evict("k"), None),
    ("clear", lambda m: m.clear(), None),
    ("evict_all", lambda m: m.evict_all(), None),
    ("execute_on_key", lambda m: m.execute_on_key("k", WriteValueProcessor("string")), "JAVA"),
    ("execute_on_keys", lambda m: m.execute_on_keys(["k"], WriteValueProcessor("string")), "JAVA"),
    ("execute_on_entries", lambda m: m.execute_on_entries(WriteValueProcessor("string")), "JAVA"),
    ("remove_all", lambda m: m.remove_all(predicate.true()), None),
    ("put_if_absent", lambda m: m.put_if_absent("k", "new"), "old"),
    ("set_ttl", lambda m: m.set_ttl("k", 100), "old"),
]


@pytest.mark.parametrize("face", FACES)
def test_every_change_through_the_proxy_is_read_back_at_once(make_client, face):
    # invalidate_on_change off: only the proxy's own invalidation can keep it right.
    client = make_client(face, near_caches={"changes-*": {"invalidate_on_change": False}})
    m = client.get_map("changes-" + face)
    if face == "threaded":
        m = m.blocking()
    for name, change, expected in CHANGES:
        m.put("k", "old")
        assert m.get("k") == "old" and m.get("k") == "old"  # cached
        change(m)
        got = m.get("k")
        if expected == "JAVA":
            assert isinstance(got, str) and got != "old", name
        else:
            assert got == expected, name
        assert m.contains_key("k") is (expected is not None), name


# -- invalidation by others ------------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
def test_another_clients_write_reaches_the_near_cache(make_client, face):
    reader = make_client(face, near_caches={"shared-writes": {}})
    writer = make_client()
    rm = reader.get_map("shared-writes")
    if face == "threaded":
        rm = rm.blocking()
    wm = writer.get_map("shared-writes").blocking()
    wait_active(near_cache_of(reader, "shared-writes"))
    for i in range(3):
        wm.put("k", i)
        wait_until(lambda: rm.get("k") == i, WAIT, "value %d read" % i)
        assert rm.get("k") == i  # and stays, from the cache
    wm.put_all({"a": 1, "b": 2})
    assert rm.get_all(["a", "b"]) == {"a": 1, "b": 2}
    wm.clear()
    wait_until(lambda: rm.get("k") is None and rm.get("a") is None, WAIT, "clear seen")


def test_a_java_entry_processor_write_reaches_the_near_cache(make_client):
    reader = make_client(near_caches={"processed": {"in_memory_format": "OBJECT"}})
    writer = make_client()
    rm = reader.get_map("processed").blocking()
    wm = writer.get_map("processed").blocking()
    wait_active(near_cache_of(reader, "processed"))
    wm.put("k", 1)
    assert rm.get("k") == 1 and rm.get("k") == 1
    wm.execute_on_key("k", WriteValueProcessor("int"))  # the member writes 123456789
    wait_until(lambda: rm.get("k") == 123456789, WAIT, "entry processor's value read")


# -- expiry ------------------------------------------------------------------------------


def test_time_to_live_and_max_idle_expire_entries(make_client):
    # No invalidation: only expiry makes the other client's write visible.
    client = make_client(
        near_caches={
            "ttl": {"invalidate_on_change": False, "time_to_live": 1},
            "idle": {"invalidate_on_change": False, "max_idle": 1},
        }
    )
    writer = make_client()
    for name in ("ttl", "idle"):
        m = client.get_map(name).blocking()
        wm = writer.get_map(name).blocking()
        wm.put("k", "old")
        assert m.get("k") == "old"
        cached_at = time.monotonic()
        wm.put("k", "new")
        if name == "ttl":
            # Served from the cache (stale, as invalidation is off) until it expires.
            wait_until(lambda: m.get("k") == "new", WAIT, "ttl expiry")
        else:
            time.sleep(1.2)  # leave it unread for longer than max_idle
            assert m.get("k") == "new"
        assert time.monotonic() - cached_at >= 1.0
        near_cache = near_cache_of(client, name)
        assert near_cache.get_statistics()["expirations"] == 1
        # Entries never read again leave too (the periodic expiration sweep).
        assert m.get("k") == "new" and len(near_cache) == 1
        wait_until(lambda: len(near_cache) == 0, WAIT, "%s entry swept" % name)
        assert near_cache.get_statistics()["expirations"] == 2


# -- statistics -------------------------------------------------------------------------------

_STATS_LINE = re.compile(r"PYCLIENT-STATS client=(\S+) received=(\d+) timestamp=(\d+) attributes=(\S*) metrics=(\S*)")


def test_near_cache_statistics_reach_the_member(make_client, cluster):
    client = make_client(near_caches={"stats.map": {}}, statistics_enabled=True, statistics_period=0.5)
    m = client.get_map("stats.map").blocking()
    wait_active(near_cache_of(client, "stats.map"))
    m.put("k", "v")
    wait_own_event(near_cache_of(client, "stats.map"))
    for _ in range(5):
        m.get("k")
    member = cluster.members[0]
    client_uuid = str(client._connection_manager.client_uuid)

    def report():
        for match in reversed(list(_STATS_LINE.finditer(member.log_text()))):
            if match.group(1) == client_uuid and "nearcache.hits:COUNT=4;" in match.group(5):
                return match
        return None

    match = wait_until(report, WAIT, "a report with near cache metrics")
    metrics = dict(re.findall(r"([\w.]+):\w+=([^;]+);", match.group(5)))
    assert int(metrics["nearcache.hits"]) == 4
    assert int(metrics["nearcache.misses"]) == 1
    assert int(metrics["nearcache.ownedEntryCount"]) == 1
    assert int(metrics["nearcache.ownedEntryMemoryCost"]) > 0
    assert "nearcache.invalidations" in metrics and "nearcache.evictions" in metrics
    assert "nc.stats\\.map.hits=4" in match.group(4)


# -- reconnection ---------------------------------------------------------------------------


def test_the_near_cache_is_cleared_and_resynced_after_a_reconnection(make_client):
    client = make_client(near_caches={"reconnect": {}})
    writer = make_client()
    m = client.get_map("reconnect").blocking()
    wm = writer.get_map("reconnect").blocking()
    near_cache = near_cache_of(client, "reconnect")
    wait_active(near_cache)
    wm.put("k", "before")
    assert m.get("k") == "before" and len(near_cache) == 1
    states = []
    client.lifecycle_service.add_listener(states.append)
    for connection in list(client._connection_manager.active_connections.values()):
        connection.close("test: reconnect", None)
    wait_until(lambda: "DISCONNECTED" in states, WAIT, "disconnected")
    assert len(near_cache) == 0
    wm.put("k", "after")  # while the client is away: no event reaches it
    wait_until(lambda: "CONNECTED" in states[states.index("DISCONNECTED"):], WAIT, "reconnected")
    wait_until(lambda: m.get("k") == "after", WAIT, "fresh value")
    wm.put("k", "later")  # invalidations flow again on the new connection
    wait_until(lambda: m.get("k") == "later", WAIT, "invalidated after the reconnection")


# -- lost invalidations: repairing --------------------------------------------------------


@pytest.fixture
def dropping_proxy(cluster):
    member = cluster.members[0]
    with MessageDroppingProxy(member.host, member.port) as proxy:
        yield proxy


def proxied(make_client, proxy, near_caches):
    return make_client(
        near_caches=near_caches,
        cluster_members=[proxy.address],
        smart_routing=False,
    )


RECONCILIATION = 2.0
# A value changed elsewhere is read fresh at most this long after the change when
# every invalidation is lost: the reconciliation interval, plus the task's
# one-second tick, plus the metadata round trip (generous on a loaded machine).
WINDOW = RECONCILIATION + 1.0 + 2.0


def test_no_stale_read_after_the_reconciliation_window_when_events_are_lost(make_client, dropping_proxy, monkeypatch):
    monkeypatch.setenv("hazelcast.invalidation.reconciliation.interval.seconds", str(RECONCILIATION))
    monkeypatch.setenv("hazelcast.invalidation.min.reconciliation.interval.seconds", "1")
    dropping_proxy.drop_types = {SINGLE_INVALIDATION, BATCH_INVALIDATION}
    reader = proxied(make_client, dropping_proxy, {"lossy": {}})
    writer = make_client()
    rm = reader.get_map("lossy").blocking()
    wm = writer.get_map("lossy").blocking()
    wait_active(near_cache_of(reader, "lossy"))
    keys = ["k%d" % i for i in range(5)]
    for round_ in range(2):
        wm.put_all({k: round_ for k in keys})
        written = time.monotonic()
        # Read continuously; once the window is over, no read may be stale.
        while time.monotonic() - written < WINDOW + 2.0:
            started = time.monotonic()
            values = [rm.get(k) for k in keys]
            if started - written > WINDOW:
                assert values == [round_] * 5, "stale read %.1f s after the write" % (started - written)
            time.sleep(0.05)
    assert sum(dropping_proxy.dropped.values()) > 0, "no invalidation was dropped: the test proves nothing"
    assert near_cache_of(reader, "lossy").get_statistics()["stale_reads"] > 0


def test_a_sequence_gap_in_the_events_reveals_a_lost_invalidation(make_client, dropping_proxy, monkeypatch):
    # Reconciliation off: only the sequence numbers of later events can tell.
    monkeypatch.setenv("hazelcast.invalidation.reconciliation.interval.seconds", "0")
    monkeypatch.setenv("hazelcast.invalidation.max.tolerated.miss.count", "0")
    reader = proxied(make_client, dropping_proxy, {"gaps": {}})
    writer = make_client()
    rm = reader.get_map("gaps").blocking()
    wm = writer.get_map("gaps").blocking()
    near_cache = near_cache_of(reader, "gaps")
    wait_active(near_cache)
    # Two keys of one partition: events of both are numbered in one sequence.
    partition_of = reader.partition_service.get_partition_id
    first = "key-0"
    second = next("key-%d" % i for i in range(1, 100000) if partition_of("key-%d" % i) == partition_of(first))
    wm.put(first, "old")
    wm.put(second, "old")
    # Let their invalidations arrive before reading (a fetch then is never undone).
    wait_until(lambda: near_cache._meta_of(partition_of(first)).sequence >= 2, WAIT, "first events")
    assert rm.get(first) == "old" and rm.get(first) == "old"
    dropping_proxy.drop_types = {SINGLE_INVALIDATION, BATCH_INVALIDATION}
    wm.put(first, "new")
    wait_until(lambda: sum(dropping_proxy.dropped.values()) >= 1, WAIT, "the invalidation dropped")
    dropping_proxy.drop_types = set()
    assert rm.get(first) == "old"  # lost: nothing tells the reader yet
    wm.put(second, "new")  # its event arrives, one sequence ahead of the last seen
    wait_until(lambda: rm.get(first) == "new", WAIT, "the gap detected")
    assert near_cache.get_statistics()["stale_reads"] >= 1


def test_members_send_single_and_batch_invalidations(make_client, dropping_proxy):
    reader = proxied(make_client, dropping_proxy, {"kinds": {}})
    writer = make_client()
    rm = reader.get_map("kinds").blocking()
    wm = writer.get_map("kinds").blocking()
    wait_active(near_cache_of(reader, "kinds"))
    wm.put("k", 1)
    assert rm.get("k") == 1
    wm.put("k", 2)
    wait_until(lambda: rm.get("k") == 2, WAIT, "batched invalidation")
    wm.clear()  # a clear is sent at once, as a single event
    wait_until(lambda: rm.get("k") is None, WAIT, "clear")
    wait_until(lambda: dropping_proxy.seen.get(BATCH_INVALIDATION, 0) >= 1, WAIT, "a batch event")
    wait_until(lambda: dropping_proxy.seen.get(SINGLE_INVALIDATION, 0) >= 1, WAIT, "a single event")


# -- three members (smart client) ---------------------------------------------------------


@pytest.fixture
def clients3(hz_cluster3):
    made = []

    def make(**options):
        c = hazelcast.HazelcastClient(**dict(hz_cluster3.client_config(), **options))
        made.append(c)
        wait_until(
            lambda: len(c._connection_manager.active_connections) == len(hz_cluster3.members), WAIT, "connections"
        )
        return c

    yield make
    for c in made:
        c.shutdown()


def test_a_smart_client_gets_the_invalidations_of_every_member(clients3):
    reader = clients3(near_caches={"nc3-*": {}})
    writer = clients3()
    rm = reader.get_map("nc3-events").blocking()
    wm = writer.get_map("nc3-events").blocking()
    wait_active(near_cache_of(reader, "nc3-events"))
    keys = list(range(60))  # partitions of all three members
    wm.put_all({k: 0 for k in keys})
    assert rm.get_all(keys) == {k: 0 for k in keys}
    wm.put_all({k: 1 for k in keys})
    wait_until(lambda: all(rm.get(k) == 1 for k in keys), WAIT, "every member's invalidations")
    assert near_cache_of(reader, "nc3-events").get_statistics()["hits"] > 0


def test_reconciliation_with_three_members_repairs_lost_events(clients3, monkeypatch):
    monkeypatch.setenv("HAZELCAST_INVALIDATION_RECONCILIATION_INTERVAL_SECONDS", str(RECONCILIATION))
    monkeypatch.setenv("HAZELCAST_INVALIDATION_MIN_RECONCILIATION_INTERVAL_SECONDS", "1")
    reader = clients3(near_caches={"nc3-lossy": {}})
    writer = clients3()
    rm = reader.get_map("nc3-lossy").blocking()
    wm = writer.get_map("nc3-lossy").blocking()
    near_cache = near_cache_of(reader, "nc3-lossy")
    wait_active(near_cache)
    keys = list(range(60))
    wm.put_all({k: 0 for k in keys})
    wait_until(lambda: rm.get_all(keys) == {k: 0 for k in keys}, WAIT, "first values")
    # From now on the reader drops every invalidation event it receives.
    runtime = reader._runtime
    for registration in runtime.listener_service._registrations.values():
        for _, correlation_id in registration.on_connections.values():
            runtime.invocation_service.remove_event_handler(correlation_id)
    assert rm.get_all(keys) == {k: 0 for k in keys}
    wm.put_all({k: 1 for k in keys})
    written = time.monotonic()
    wait_until(lambda: all(rm.get(k) == 1 for k in keys), WINDOW + 5, "repaired by reconciliation")
    assert time.monotonic() - written <= WINDOW + 5
    assert near_cache.get_statistics()["stale_reads"] > 0


# -- members dying, the whole cluster restarting ---------------------------------------------


@pytest.mark.slow
def test_the_near_cache_stays_correct_when_members_die_and_the_cluster_restarts(cluster_factory):
    cluster = cluster_factory(member_count=2, properties=MEMBER_PROPERTIES)
    reader = hazelcast.HazelcastClient(**cluster.client_config(), near_caches={"survivor": {}})
    writer = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        states = []
        reader.lifecycle_service.add_listener(states.append)
        rm = reader.get_map("survivor").blocking()
        wm = writer.get_map("survivor").blocking()
        near_cache = near_cache_of(reader, "survivor")
        wait_active(near_cache)
        keys = list(range(40))
        wm.put_all({k: 0 for k in keys})
        wait_until(lambda: rm.get_all(keys) == {k: 0 for k in keys}, WAIT, "first values")

        cluster.members[1].kill()  # its partitions move to the other member
        wm.put_all({k: 1 for k in keys})
        wait_until(lambda: all(rm.get(k) == 1 for k in keys), 60, "values written after the kill")

        # The whole cluster restarts empty: nothing cached before may be served.
        assert rm.get_all(keys) == {k: 1 for k in keys}
        cluster.members[0].kill()
        wait_until(lambda: "DISCONNECTED" in states, 60, "disconnected")
        for member in cluster.members:
            member.restart(graceful=False)
        wait_until(lambda: "CONNECTED" in states[states.index("DISCONNECTED"):], 60, "reconnected")
        wait_until(lambda: writer.lifecycle_service.is_running() and _connected(writer), 60, "writer reconnected")
        wm.put(0, 2)
        wait_until(lambda: rm.get(0) == 2, WAIT, "value written in the new cluster")
        assert all(rm.get(k) is None for k in keys[1:])  # the old cluster's values are gone
        wm.put(1, 3)
        wait_until(lambda: rm.get(1) == 3, WAIT, "invalidations after the restart")
    finally:
        reader.shutdown()
        writer.shutdown()


def _connected(client):
    return len(client._connection_manager.active_connections) > 0
