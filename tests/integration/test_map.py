"""Map proxy against real members: one member, and three members with one backup.

Each test uses a map of its own (unique name), so tests share the clients and
clusters without seeing each other's entries.
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from hazelcast.core import HazelcastJsonValue
from hazelcast.future import Future
from hazelcast.proxy.map import BlockingMap, Map

from hazelcast.internal.asyncio_proxy.map import Map as AsyncioMap

from client_faces import FACES, AsyncioClientDriver, start_client
from waiting import wait_until

PARTITION_COUNT = 271


@pytest.fixture(
    scope="module",
    params=[(cluster, face) for face in FACES for cluster in ("hz_cluster", "hz_cluster3")],
    ids=["%s-%s" % (members, face) for face in FACES for members in ("1-member", "3-members")],
)
def client(request):
    """The threaded client, or the asyncio client driven from this thread."""
    cluster_fixture, face = request.param
    cluster = request.getfixturevalue(cluster_fixture)
    c = start_client(face, **cluster.client_config())
    yield c
    c.shutdown()


@pytest.fixture
def map_name():
    return "map-" + uuid.uuid4().hex


@pytest.fixture
def fmap(client, map_name) -> Map:
    """The Future-returning proxy (a face of the threaded client only)."""
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    return client.get_map(map_name)


@pytest.fixture
def bmap(client, map_name) -> BlockingMap:
    """The blocking twin of the threaded client's proxy, or the asyncio client's
    face run to completion."""
    return client.get_map(map_name).blocking()


@pytest.fixture(scope="module")
def spread_keys(client):
    """String keys covering every partition at least three times."""
    per_partition = {}
    keys = []
    i = 0
    while len(per_partition) < PARTITION_COUNT or min(per_partition.values()) < 3:
        key = "key-%d" % i
        pid = client.partition_service.get_partition_id(key)
        per_partition[pid] = per_partition.get(pid, 0) + 1
        keys.append(key)
        i += 1
    assert set(per_partition) == set(range(PARTITION_COUNT))
    return keys


# -- proxies -------------------------------------------------------------------------


def test_get_map_returns_the_same_proxy(client, map_name):
    first = client.get_map(map_name)
    if isinstance(client, AsyncioClientDriver):
        assert isinstance(first.face, AsyncioMap)
    else:
        assert isinstance(first, Map)
    assert first.name == map_name
    assert first.service_name == "hz:impl:mapService"
    assert client.get_map(map_name) is first
    assert client.get_map(map_name + "-other") is not first


def test_blocking_twin_shares_the_map(fmap, bmap):
    assert isinstance(bmap, BlockingMap)
    assert bmap.name == fmap.name
    assert bmap.blocking() is bmap
    bmap.put("k", "v")
    assert fmap.get("k").result() == "v"


def test_destroy_removes_the_data_and_the_proxy(client, map_name):
    m = client.get_map(map_name)
    m.blocking().put_all({i: i for i in range(100)})
    assert m.destroy() is True
    again = client.get_map(map_name)
    assert again is not m
    assert again.blocking().size() == 0


def test_blocking_destroy(client, map_name):
    b = client.get_map(map_name).blocking()
    b.put(1, 1)
    assert b.destroy() is True
    assert client.get_map(map_name).blocking().is_empty()


# -- basic operations on keys of every partition -----------------------------------


def test_put_get_on_every_partition(bmap, spread_keys):
    for key in spread_keys:
        assert bmap.put(key, "v-" + key) is None
    assert bmap.size() == len(spread_keys)
    for key in spread_keys:
        assert bmap.get(key) == "v-" + key
    for key in spread_keys[::7]:
        assert bmap.put(key, "w") == "v-" + key
    assert bmap.get(spread_keys[0]) == "w"
    assert bmap.get("missing-key") is None


def test_future_forms_pipeline_many_calls(fmap, spread_keys):
    futures = [fmap.put(key, i) for i, key in enumerate(spread_keys)]
    assert all(isinstance(f, Future) for f in futures)
    assert [f.result() for f in futures] == [None] * len(spread_keys)
    gets = [fmap.get(key) for key in spread_keys]
    assert [f.result() for f in gets] == list(range(len(spread_keys)))

    done = threading.Event()
    seen = []

    def callback(future):
        seen.append(future.result())
        done.set()

    fmap.size().add_done_callback(callback)
    assert done.wait(10)
    assert seen == [len(spread_keys)]


def test_set_does_not_return_old_value(bmap):
    assert bmap.set("k", 1) is None
    assert bmap.set("k", 2) is None
    assert bmap.get("k") == 2


def test_remove_and_delete(bmap):
    bmap.put_all({"a": 1, "b": 2})
    assert bmap.remove("a") == 1
    assert bmap.remove("a") is None
    assert bmap.delete("b") is None
    assert bmap.get("b") is None
    assert bmap.delete("never-there") is None
    assert bmap.is_empty()


def test_contains_key_and_value(bmap):
    bmap.put("k", "v")
    assert bmap.contains_key("k") is True
    assert bmap.contains_key("other") is False
    assert bmap.contains_value("v") is True
    assert bmap.contains_value("other") is False


def test_size_is_empty_clear(bmap, spread_keys):
    assert bmap.is_empty() is True
    assert bmap.size() == 0
    bmap.put_all({key: 1 for key in spread_keys})
    assert bmap.is_empty() is False
    assert bmap.size() == len(spread_keys)
    assert bmap.clear() is None
    assert bmap.size() == 0
    assert bmap.is_empty() is True


def test_put_all_get_all_across_partitions(bmap, fmap, spread_keys):
    entries = {key: "value-" + key for key in spread_keys}
    assert bmap.put_all(entries) is None
    assert bmap.size() == len(entries)
    assert bmap.get_all(spread_keys) == entries
    some = spread_keys[::3] + ["absent-1", "absent-2"]
    expected = {key: entries[key] for key in spread_keys[::3]}
    assert fmap.get_all(some).result() == expected
    assert bmap.get_all([]) == {}
    assert bmap.get_all(["absent"]) == {}
    assert isinstance(fmap.put_all({}), Future)


def test_put_all_overwrites(bmap):
    bmap.put_all({1: "a", 2: "b"})
    bmap.put_all({2: "c", 3: "d"})
    assert bmap.get_all([1, 2, 3]) == {1: "a", 2: "c", 3: "d"}


def test_key_set_values_entry_set(bmap, spread_keys):
    assert bmap.key_set() == []
    assert bmap.values() == []
    assert bmap.entry_set() == []
    entries = {key: i for i, key in enumerate(spread_keys)}
    bmap.put_all(entries)
    keys = bmap.key_set()
    assert sorted(keys) == sorted(entries)
    assert sorted(bmap.values()) == sorted(entries.values())
    entry_set = bmap.entry_set()
    assert isinstance(entry_set, list)
    assert all(isinstance(entry, tuple) and len(entry) == 2 for entry in entry_set)
    assert dict(entry_set) == entries
    assert len(entry_set) == len(entries)


def test_put_if_absent(bmap):
    assert bmap.put_if_absent("k", "first") is None
    assert bmap.put_if_absent("k", "second") == "first"
    assert bmap.get("k") == "first"


def test_replace(bmap):
    assert bmap.replace("k", "v") is None
    assert bmap.contains_key("k") is False  # nothing is put for an absent key
    bmap.put("k", "v1")
    assert bmap.replace("k", "v2") == "v1"
    assert bmap.get("k") == "v2"


def test_replace_if_same(bmap):
    bmap.put("k", "v1")
    assert bmap.replace_if_same("k", "nope", "v2") is False
    assert bmap.get("k") == "v1"
    assert bmap.replace_if_same("k", "v1", "v2") is True
    assert bmap.get("k") == "v2"
    assert bmap.replace_if_same("absent", "v1", "v2") is False


def test_remove_if_same(bmap):
    bmap.put("k", "v")
    assert bmap.remove_if_same("k", "other") is False
    assert bmap.contains_key("k") is True
    assert bmap.remove_if_same("k", "v") is True
    assert bmap.contains_key("k") is False


def test_try_put_try_remove_evict(bmap):
    assert bmap.try_put("k", "v", timeout=1) is True
    assert bmap.get("k") == "v"
    assert bmap.try_remove("k", timeout=1) is True
    assert bmap.try_remove("k") is False
    bmap.put("e", 1)
    assert bmap.evict("e") is True
    assert bmap.evict("e") is False
    assert bmap.get("e") is None
    bmap.put_all({i: i for i in range(50)})
    assert bmap.evict_all() is None
    assert bmap.size() == 0
    assert bmap.flush() is None


def test_put_transient(bmap):
    assert bmap.put_transient("k", "v") is None
    assert bmap.get("k") == "v"


def test_get_entry_view(bmap):
    bmap.put("k", "v", ttl=100)
    bmap.get("k")
    view = bmap.get_entry_view("k")
    assert view.key == "k"
    assert view.value == "v"
    assert view.ttl == 100_000
    # hits and creation time are -1 unless per-entry stats are enabled on the map
    assert view.last_update_time > 0
    assert view.expiration_time == view.last_update_time + 100_000
    assert bmap.get_entry_view("absent") is None


# -- value and key types -----------------------------------------------------------

BUILTIN_VALUES = [
    pytest.param("", id="empty-str"),
    pytest.param("plain ascii", id="ascii"),
    pytest.param("çğüşöı ĞÜŞİ 中文 ελληνικά", id="non-ascii"),
    pytest.param("4-byte: 😀 𝄞 🇹🇷", id="4-byte-chars"),
    pytest.param("x" * 100_000, id="long-str"),
    pytest.param(0, id="int-0"),
    pytest.param(-1, id="int-neg"),
    pytest.param(2**31 - 1, id="int-max"),
    pytest.param(-(2**31), id="int-min"),
    pytest.param(3.5, id="float"),
    pytest.param(-1e300, id="float-big"),
    pytest.param(True, id="true"),
    pytest.param(False, id="false"),
    pytest.param(bytearray(b"\x00\x01\xfe\xff"), id="bytearray"),
    pytest.param(bytearray(), id="bytearray-empty"),
    pytest.param([1, "two", 3.0, None, True], id="list"),
    pytest.param([], id="list-empty"),
    pytest.param(uuid.UUID("12345678-1234-5678-1234-567812345678"), id="uuid"),
]


@pytest.mark.parametrize("value", BUILTIN_VALUES)
def test_builtin_values_round_trip(bmap, value):
    assert bmap.put("k", value) is None
    result = bmap.get("k")
    assert result == value
    assert type(result) is type(value)
    assert bmap.put("k", "next") == value
    assert bmap.contains_value("next") is True


def test_bytes_value_round_trips_as_bytes_content(bmap):
    bmap.put("k", b"\x00raw\xff")
    assert bytes(bmap.get("k")) == b"\x00raw\xff"


def test_json_value_round_trips(bmap):
    value = HazelcastJsonValue({"name": "ş😀", "n": [1, 2]})
    bmap.put("k", value)
    result = bmap.get("k")
    assert isinstance(result, HazelcastJsonValue)
    assert result.loads() == {"name": "ş😀", "n": [1, 2]}


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("ключ 😀", id="str"),
        pytest.param(123456, id="int"),
        pytest.param(-5, id="negative-int"),
        pytest.param(uuid.UUID(int=42), id="uuid"),
        pytest.param(2.25, id="float"),
    ],
)
def test_builtin_keys(bmap, key):
    bmap.put(key, "v")
    assert bmap.get(key) == "v"
    assert bmap.contains_key(key) is True
    assert bmap.key_set() == [key]
    assert bmap.get_all([key]) == {key: "v"}
    assert bmap.remove(key) == "v"


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.put(None, 1),
        lambda m: m.put(1, None),
        lambda m: m.get(None),
        lambda m: m.set("k", None),
        lambda m: m.put_all({"k": None}),
        lambda m: m.get_all(None),
        lambda m: m.replace_if_same("k", None, 1),
    ],
)
def test_none_is_refused_before_sending(bmap, call):
    with pytest.raises(AssertionError):
        call(bmap)
    assert bmap.size() == 0


# -- expiry ----------------------------------------------------------------------------


def test_ttl_expires_entries(bmap):
    # 3 s: long enough that a cold interpreter (PyPy before its JIT warms up) reads
    # the entries back before they expire.
    bmap.put("put", 1, ttl=3)
    bmap.set("set", 1, ttl=3)
    assert bmap.put_if_absent("pia", 1, ttl=3) is None
    bmap.put_transient("transient", 1, ttl=3)
    bmap.put("forever", 1, ttl=0)
    bmap.put("default", 1)
    expiring = ["put", "set", "pia", "transient"]
    assert bmap.get_all(expiring + ["forever", "default"]) == {
        key: 1 for key in expiring + ["forever", "default"]
    }
    wait_until(lambda: bmap.get_all(expiring) == {}, timeout=15.0, message="the ttl entries to expire", interval=0.2)
    assert bmap.get("forever") == 1
    assert bmap.get("default") == 1


def test_ttl_as_float_seconds(bmap):
    bmap.put("k", 1, ttl=1.5)
    # 1500 ms are sent; the member keeps expiry times in whole seconds
    assert 1000 <= bmap.get_entry_view("k").ttl <= 2000
    wait_until(lambda: bmap.get("k") is None, timeout=15.0, message="the entry to expire", interval=0.2)


def test_max_idle_expires_untouched_entries(bmap):
    bmap.put("put", 1, max_idle=1)
    bmap.set("set", 1, max_idle=1)
    bmap.put_if_absent("pia", 1, max_idle=1)
    bmap.put_transient("transient", 1, max_idle=1)
    bmap.put("both", 1, ttl=100, max_idle=1)
    bmap.put("kept", 1)
    keys = ["put", "set", "pia", "transient", "both"]
    view = bmap.get_entry_view("both")
    assert (view.ttl, view.max_idle) == (100_000, 1000)
    time.sleep(2.5)
    # Polls further apart than max_idle: a check that touches a not-yet-expired
    # entry resets its idle time, and the next check must still see it expire.
    wait_until(lambda: bmap.get_all(keys) == {}, timeout=15.0, message="the idle entries to expire", interval=1.5)
    assert bmap.get("kept") == 1


def test_set_ttl_on_existing_entry(bmap):
    bmap.put("k", "v")
    bmap.put("other", "v")
    # 3 s, not 1: the entry view must be read before the entry expires, also on a
    # loaded machine under PyPy.
    bmap.set_ttl("k", 3)
    assert bmap.get_entry_view("k").ttl == 3000
    wait_until(lambda: bmap.get("k") is None, timeout=15.0, message="the entry to expire", interval=0.2)
    assert bmap.get("other") == "v"
    bmap.set_ttl("absent", 1)  # no entry: nothing happens
    assert bmap.contains_key("absent") is False
