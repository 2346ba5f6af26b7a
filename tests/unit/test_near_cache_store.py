"""The Near Cache record store, its configuration lookup and its repairing metadata,
without a member (virtual clock)."""

from __future__ import annotations

import uuid

import pytest

from hazelcast.config import Config, EvictionPolicy, InMemoryFormat, NearCacheConfig
from hazelcast.errors import InvalidConfigurationError
from hazelcast.internal.near_cache_repair import RepairingHandler
from hazelcast.near_cache import _MISS, NearCache, NearCacheManager, find_near_cache_config
from hazelcast.serialization.service import SerializationServiceV1


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def ss():
    return SerializationServiceV1(Config())


def make(ss, clock=None, **options):
    config = NearCacheConfig.from_dict(options)
    return NearCache(
        "m",
        ss,
        config.in_memory_format,
        config.time_to_live,
        config.max_idle,
        config.invalidate_on_change,
        config.eviction_policy,
        config.eviction_max_size,
        config.eviction_sampling_count,
        config.eviction_sampling_pool_size,
        clock=clock or Clock(),
    )


def put(cache, ss, key, value):
    cache.put(ss.to_data(key), ss.to_data(value) if cache.in_memory_format == InMemoryFormat.BINARY else value)


def get(cache, ss, key):
    value = cache.get_value(ss.to_data(key))
    return None if value is _MISS else value


# -- expiry -----------------------------------------------------------------------------


def test_time_to_live_expires_a_record_however_often_it_is_read(ss):
    clock = Clock()
    cache = make(ss, clock, time_to_live=10)
    put(cache, ss, "k", "v")
    for _ in range(9):
        clock.now += 1
        assert get(cache, ss, "k") == "v"
    clock.now += 1.5
    assert get(cache, ss, "k") is None
    stats = cache.get_statistics()
    assert stats["expirations"] == 1 and stats["owned_entry_count"] == 0
    assert stats["hits"] == 9 and stats["misses"] == 1


def test_max_idle_expires_only_records_left_unread(ss):
    clock = Clock()
    cache = make(ss, clock, max_idle=5)
    put(cache, ss, "read", 1)
    put(cache, ss, "unread", 2)
    for _ in range(3):
        clock.now += 4
        assert get(cache, ss, "read") == 1
    assert get(cache, ss, "unread") is None
    assert cache.get_statistics()["expirations"] == 1


# -- eviction ---------------------------------------------------------------------------


def fill(cache, ss, count):
    for i in range(count):
        put(cache, ss, i, i)


def test_lru_evicts_the_least_recently_used(ss):
    clock = Clock()
    cache = make(ss, clock, eviction_policy=EvictionPolicy.LRU, eviction_max_size=5, eviction_sampling_count=5)
    for i in range(5):
        clock.now += 1
        put(cache, ss, i, i)
    for i in (0, 1, 3, 4):  # 2 is now the least recently used
        clock.now += 1
        get(cache, ss, i)
    put(cache, ss, "new", 1)
    assert len(cache) == 5
    assert get(cache, ss, 2) is None
    assert all(get(cache, ss, i) == i for i in (0, 1, 3, 4))
    assert cache.get_statistics()["evictions"] == 1


def test_lfu_evicts_the_least_frequently_used(ss):
    cache = make(ss, eviction_policy=EvictionPolicy.LFU, eviction_max_size=5, eviction_sampling_count=5)
    fill(cache, ss, 5)
    reads = {0: 1, 1: 1, 2: 2, 3: 0, 4: 4}  # 3 is the least frequently used
    for i, count in reads.items():
        for _ in range(count):
            get(cache, ss, i)
    put(cache, ss, "new", 1)
    assert get(cache, ss, 3) is None
    assert all(get(cache, ss, i) == i for i in (0, 1, 2, 4))


@pytest.mark.parametrize("policy", [EvictionPolicy.LRU, EvictionPolicy.LFU, EvictionPolicy.RANDOM])
def test_size_stays_at_most_the_maximum_with_sampling(ss, policy):
    clock = Clock()
    cache = make(ss, clock, eviction_policy=policy, eviction_max_size=100, eviction_sampling_count=8)
    for i in range(1000):
        clock.now += 0.01
        put(cache, ss, i, i)
        assert len(cache) <= 100
        if i % 3 == 0:
            get(cache, ss, i)
    stats = cache.get_statistics()
    assert stats["evictions"] == 900 and stats["owned_entry_count"] == 100
    # The most recent entry is never the victim of its own insertion.
    assert get(cache, ss, 999) == 999


def test_lru_with_sampling_keeps_recently_read_entries(ss):
    # Sampling finds approximately the least recently used: entries read on every
    # round survive far more often than the others.
    clock = Clock()
    cache = make(ss, clock, eviction_policy=EvictionPolicy.LRU, eviction_max_size=50, eviction_sampling_count=8)
    hot = list(range(10))
    for i in range(2000):
        clock.now += 0.01
        put(cache, ss, "cold-%d" % i, i)
        for h in hot:
            if get(cache, ss, h) is None:
                put(cache, ss, h, h)
    assert sum(get(cache, ss, h) == h for h in hot) >= 9


def test_random_evicts_some_entry(ss):
    cache = make(ss, eviction_policy=EvictionPolicy.RANDOM, eviction_max_size=4)
    fill(cache, ss, 4)
    put(cache, ss, "new", 1)
    assert len(cache) == 4 and get(cache, ss, "new") == 1
    assert sum(get(cache, ss, i) is not None for i in range(4)) == 3


def test_policy_none_keeps_the_first_entries_and_takes_no_more(ss):
    cache = make(ss, eviction_policy=EvictionPolicy.NONE, eviction_max_size=3)
    fill(cache, ss, 5)
    assert len(cache) == 3
    assert [get(cache, ss, i) for i in range(5)] == [0, 1, 2, None, None]
    assert cache.get_statistics()["evictions"] == 0


def test_expired_entries_are_evicted_before_live_ones(ss):
    clock = Clock()
    cache = make(ss, clock, eviction_policy=EvictionPolicy.LFU, eviction_max_size=3, time_to_live=5)
    put(cache, ss, "old", 0)
    clock.now += 3
    put(cache, ss, "a", 1)
    put(cache, ss, "b", 2)
    clock.now += 3  # "old" has expired; it goes even though it has as few hits
    put(cache, ss, "c", 3)
    assert [get(cache, ss, k) for k in ("a", "b", "c")] == [1, 2, 3]
    assert cache.get_statistics()["expirations"] == 1


# -- in-memory format -------------------------------------------------------------------


def test_binary_format_gives_a_fresh_object_on_every_read(ss):
    cache = make(ss, in_memory_format=InMemoryFormat.BINARY)
    put(cache, ss, "k", [1, 2])
    first = get(cache, ss, "k")
    first.append(3)
    assert get(cache, ss, "k") == [1, 2]
    assert get(cache, ss, "k") is not get(cache, ss, "k")


@pytest.mark.parametrize("value", ["text", 7, 1.5, True])
def test_binary_format_hands_out_the_fetched_immutable_object(ss, value):
    # Nobody can change a str or a number: a hit returns the object read with
    # the fetch instead of deserializing the same bytes again.
    cache = make(ss, in_memory_format=InMemoryFormat.BINARY)
    key = ss.to_data("k")
    cache.publish(cache.try_reserve(key, 0), ss.to_data(value), value)
    assert cache.get_value(key) is value and cache.get_value(key) is value


def test_binary_format_never_shares_a_mutable_fetched_object(ss):
    # A byte array reads as a bytearray, which its reader may change.
    cache = make(ss, in_memory_format=InMemoryFormat.BINARY)
    key = ss.to_data("k")
    fetched = ss.to_object(ss.to_data(b"ab"))
    cache.publish(cache.try_reserve(key, 0), ss.to_data(b"ab"), fetched)
    first = cache.get_value(key)
    assert first == bytearray(b"ab") and first is not fetched
    first.append(0)
    assert cache.get_value(key) == bytearray(b"ab")


def test_object_format_keeps_the_object(ss):
    cache = make(ss, in_memory_format=InMemoryFormat.OBJECT)
    value = {"a": 1}
    put(cache, ss, "k", value)
    assert get(cache, ss, "k") is value


# -- fetch, publish and invalidation -----------------------------------------------------


def test_a_value_fetched_while_its_key_was_invalidated_is_not_cached(ss):
    cache = make(ss)
    key = ss.to_data("k")
    reservation = cache.try_reserve(key, 0)
    assert cache.try_reserve(key, 0) is None  # one fetch of a key at a time
    cache.invalidate(key)  # the key changed while the fetch was in flight
    cache.publish(reservation, ss.to_data("old"), "old")
    assert cache.get_value(key) is _MISS
    again = cache.try_reserve(key, 0)
    cache.publish(again, ss.to_data("new"), "new")
    assert cache.get_value(key) == "new"


def test_clear_cancels_fetches_in_flight(ss):
    cache = make(ss)
    key = ss.to_data("k")
    reservation = cache.try_reserve(key, 0)
    cache.clear()
    cache.publish(reservation, ss.to_data("v"), "v")
    assert len(cache) == 0


def test_no_entry_is_not_cached(ss):
    cache = make(ss)
    key = ss.to_data("k")
    cache.publish(cache.try_reserve(key, 0), None, None)
    assert cache.get_value(key) is _MISS and cache.try_reserve(key, 0) is not None


def test_memory_cost_follows_the_records(ss):
    cache = make(ss)
    put(cache, ss, "k", "x" * 1000)
    cost = cache.get_statistics()["owned_entry_memory_cost"]
    assert cost > 1000
    cache.invalidate(ss.to_data("k"))
    assert cache.get_statistics()["owned_entry_memory_cost"] == 0


# -- repairing metadata -------------------------------------------------------------------


def repaired(ss):
    cache = make(ss)
    handler = RepairingHandler("m", cache, lambda key: 7, lambda: 7)
    return cache, handler


def fetch(cache, ss, key, value):
    key_data = ss.to_data(key)
    cache.publish(cache.try_reserve(key_data, 7), ss.to_data(value), value)


def test_a_new_partition_uuid_makes_cached_values_stale(ss):
    cache, handler = repaired(ss)
    handler.init_uuid_and_sequence(7, uuid.uuid4(), 10)
    fetch(cache, ss, "k", "v")
    assert get(cache, ss, "k") == "v"
    handler.check_or_repair_uuid(7, uuid.uuid4())  # the partition's data was lost
    assert get(cache, ss, "k") is None
    assert cache.get_statistics()["stale_reads"] == 1


def test_values_cached_before_the_first_metadata_are_stale_after_it(ss):
    cache, handler = repaired(ss)
    fetch(cache, ss, "k", "v")
    handler.init_uuid_and_sequence(7, uuid.uuid4(), 3)
    assert get(cache, ss, "k") is None


def test_a_sequence_gap_marks_the_partition_stale_once_misses_exceed_the_tolerance(ss):
    cache, handler = repaired(ss)
    partition_uuid = uuid.uuid4()
    handler.init_uuid_and_sequence(7, partition_uuid, 10)
    fetch(cache, ss, "k", "v")
    # Event 11 is lost; event 12 (another key) reveals the gap.
    handler.handle(ss.to_data("other"), None, partition_uuid, 12)
    assert handler.total_missed_count() == 1
    assert get(cache, ss, "k") == "v"  # still served: misses are tolerated until checked
    handler.update_last_known_stale_sequences()
    assert handler.total_missed_count() == 0
    assert get(cache, ss, "k") is None
    # A value fetched after the repair is served again.
    fetch(cache, ss, "k", "v2")
    assert get(cache, ss, "k") == "v2"


def test_in_order_events_count_no_miss(ss):
    cache, handler = repaired(ss)
    partition_uuid = uuid.uuid4()
    handler.init_uuid_and_sequence(7, partition_uuid, 0)
    for sequence in range(1, 20):
        handler.handle(ss.to_data(sequence), None, partition_uuid, sequence)
    assert handler.total_missed_count() == 0


def test_anti_entropy_counts_every_sequence_behind(ss):
    cache, handler = repaired(ss)
    partition_uuid = uuid.uuid4()
    handler.init_uuid_and_sequence(7, partition_uuid, 5)
    handler.check_or_repair_sequence(7, 6, via_anti_entropy=True)
    assert handler.total_missed_count() == 1


def test_batch_and_clear_events(ss):
    cache, handler = repaired(ss)
    partition_uuid = uuid.uuid4()
    handler.init_uuid_and_sequence(7, partition_uuid, 0)
    for key in ("a", "b", "c"):
        fetch(cache, ss, key, key)
    handler.handle_batch([ss.to_data("a"), ss.to_data("b")], [None, None], [partition_uuid] * 2, [1, 2])
    assert [get(cache, ss, k) for k in ("a", "b", "c")] == [None, None, "c"]
    handler.handle(None, None, partition_uuid, 3)
    assert len(cache) == 0 and handler.total_missed_count() == 0


# -- configuration lookup ---------------------------------------------------------------


def configs(*names):
    return {name: NearCacheConfig() for name in names}


def test_an_exact_name_wins_over_patterns():
    c = configs("orders", "ord*", "*")
    assert find_near_cache_config(c, "orders") is c["orders"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("orders-eu", "orders-*"),
        ("orders-eu-cache", "orders-*-cache"),
        ("users", "*"),
        ("xorders-eu", "*"),
    ],
)
def test_the_pattern_matching_the_most_characters_wins(name, expected):
    c = configs("orders-*", "orders-*-cache", "*")
    assert find_near_cache_config(c, name) is c[expected]


def test_no_match_gives_none():
    assert find_near_cache_config(configs("orders-*", "a"), "users") is None
    assert find_near_cache_config(configs("ab*ab"), "ab") is None  # head and tail may not overlap
    assert find_near_cache_config({}, "users") is None


def test_two_patterns_matching_equally_are_ambiguous():
    with pytest.raises(InvalidConfigurationError):
        find_near_cache_config(configs("a*", "*b"), "ab")


def test_the_manager_creates_one_cache_per_map_from_the_matching_pattern(ss):
    config = Config.from_dict(
        {"near_caches": {"prices-*": {"in_memory_format": "OBJECT", "eviction_max_size": 7, "time_to_live": 3}}}
    )
    manager = NearCacheManager(config, ss)
    cache = manager.get_or_create_near_cache("prices-eu")
    assert cache is manager.get_or_create_near_cache("prices-eu")
    assert cache.in_memory_format == InMemoryFormat.OBJECT and cache.eviction_max_size == 7
    assert cache.time_to_live == 3
    assert manager.list_near_caches() == [cache]
    with pytest.raises(ValueError):
        manager.get_or_create_near_cache("users")
    manager.destroy_near_cache("prices-eu")
    assert manager.list_near_caches() == []


# -- statistics sent to the members ----------------------------------------------------


def test_client_statistics_carry_each_near_cache(ss):
    from hazelcast.statistics import Statistics

    config = Config.from_dict({"near_caches": {"a.b*": {}}})
    manager = NearCacheManager(config, ss)
    cache = manager.get_or_create_near_cache("a.b,c")
    put(cache, ss, "k", "v")
    get(cache, ss, "k")
    get(cache, ss, "absent")

    class Connection:
        local_address = None
        start_time_millis = 0

    statistics = Statistics("client", config, None, None, None, manager)
    attributes = statistics.collect_attributes(Connection(), 0)
    # The name's "." and "," are escaped, as members split attributes on them.
    assert "nc.a\\.b\\,c.hits=1," in attributes
    assert "nc.a\\.b\\,c.misses=1," in attributes
    assert "nc.a\\.b\\,c.ownedEntryCount=1," in attributes
    # The metrics blob (compressed) grows by the near cache's metrics; the member
    # decodes them in tests/integration/test_near_cache.py.
    without = Statistics("client", Config(), None, None, None).collect_metrics()
    assert len(statistics.collect_metrics()) > len(without) + 50
