"""Near Cache: a client-side copy of the entries of a Map the client reads.

A :class:`NearCache` keeps the values the client fetched, keyed by the serialized
key, and serves later reads of those keys without a round trip. It is kept
correct by invalidation events from the members (see
:class:`hazelcast.proxy.map.MapFeatNearCache`) and, beyond the official Python
client, repaired as the Java client repairs it: every cached value is stamped with
its partition's UUID and invalidation sequence when it is fetched, and a value
whose stamp shows that an invalidation may have been lost is dropped on read (see
:mod:`hazelcast.internal.near_cache_repair`).

The configuration of a map's Near Cache is found by the map's name in
``near_caches``: an exact name first, else the pattern with one ``*`` wildcard that
matches the most characters of the name, as the Java client matches them.
"""

from __future__ import annotations

import datetime
import decimal
import random
import sys
import threading
import time
import typing
import uuid

from hazelcast.config import EvictionPolicy, InMemoryFormat, NearCacheConfig
from hazelcast.errors import InvalidConfigurationError
from hazelcast.transport import call_periodically

if typing.TYPE_CHECKING:
    from hazelcast.internal.near_cache_repair import RepairingTask, _MetaDataContainer
    from hazelcast.proxy.context import ClientContext
    from hazelcast.serialization.data import Data

_MISS = object()
"""What :meth:`NearCache.get_value` returns for a key it cannot serve."""

# Values of these exact types cannot be changed by whoever reads them, so a BINARY
# Near Cache may hand out the object it read once instead of deserializing the
# same bytes on every hit: nobody can tell the two apart.
_IMMUTABLE_TYPES = frozenset(
    (str, bytes, int, float, bool, complex, decimal.Decimal, uuid.UUID, datetime.date, datetime.time, datetime.datetime)
)

EXPIRATION_TASK_PERIOD_SECONDS = 5.0
"""Seconds between two sweeps of the expired entries of the Near Caches with a
``time_to_live`` or ``max_idle``."""

# Rough size of a record and its bookkeeping, for the memory cost statistic.
_RECORD_OVERHEAD = 160


class DataRecord:
    """One cached entry: its value and what expiry, eviction and repair need.

    Args:
        key: The serialized key.
        value: The value: serialized (``BINARY``) or an object (``OBJECT``).
        create_time: Creation time, in seconds of the near cache's clock.
        ttl_seconds: Seconds the record may live, or ``None`` for no limit.
    """

    __slots__ = (
        "key",
        "value",
        "obj",
        "create_time",
        "expiration_time",
        "last_access_time",
        "access_hit",
        "index",
        "meta",
        "partition_uuid",
        "sequence",
        "cost",
    )

    def __init__(
        self,
        key: typing.Any,
        value: typing.Any,
        create_time: typing.Optional[float] = None,
        ttl_seconds: typing.Optional[float] = None,
    ):
        self.key = key
        self.value = value
        # BINARY: the value as an object when it is immutable (see _IMMUTABLE_TYPES),
        # else _MISS (deserialized on each hit).
        self.obj: typing.Any = _MISS
        self.create_time = create_time if create_time is not None else time.monotonic()
        self.expiration_time = self.create_time + ttl_seconds if ttl_seconds is not None else None
        self.last_access_time = self.create_time
        self.access_hit = 0
        # Position in NearCache._keys (for sampling in O(1)).
        self.index = -1
        # Repair stamp: the partition's metadata and its UUID and sequence when the
        # value was fetched (None when the near cache is not repaired).
        self.meta: typing.Optional["_MetaDataContainer"] = None
        self.partition_uuid: typing.Any = None
        self.sequence = 0
        self.cost = 0

    def is_expired(self, max_idle_seconds: typing.Optional[float], now: typing.Optional[float] = None) -> bool:
        """Determines whether this record has expired.

        Args:
            max_idle_seconds: Maximum seconds since the last access, or ``None``.
            now: The current time of the near cache's clock (default: now).

        Returns:
            ``True`` if the record outlived its time to live or stayed idle too long.
        """
        if now is None:
            now = time.monotonic()
        expiration = self.expiration_time
        if expiration is not None and expiration <= now:
            return True
        return max_idle_seconds is not None and self.last_access_time + max_idle_seconds <= now

    def __repr__(self) -> str:
        return "DataRecord(key=%r, value=%r, create_time=%s, expiration_time=%s, last_access_time=%s, access_hit=%s)" % (
            self.key,
            self.value,
            self.create_time,
            self.expiration_time,
            self.last_access_time,
            self.access_hit,
        )


class _Reservation:
    """A fetch in flight for a key: its value is cached only if no invalidation of
    the key came in between (the Java client's reserve-then-publish)."""

    __slots__ = ("key", "meta", "partition_uuid", "sequence")

    def __init__(self, key: typing.Any, meta: typing.Any):
        self.key = key
        self.meta = meta
        if meta is not None:
            self.partition_uuid = meta.uuid
            self.sequence = meta.sequence
        else:
            self.partition_uuid = None
            self.sequence = 0


def _lru_worse(a: DataRecord, b: DataRecord) -> bool:
    return a.last_access_time < b.last_access_time


def _lfu_worse(a: DataRecord, b: DataRecord) -> bool:
    return a.access_hit < b.access_hit


class NearCache:
    """The records of one map's Near Cache, with expiry, eviction and statistics.

    Reads are lock-free; changes of the records take a lock, so that a fetched
    value is never published after an invalidation of its key that came in while
    it was fetched.

    Args:
        name: Name of the map.
        serialization_service: Turns ``BINARY`` values into objects.
        in_memory_format: An :class:`~hazelcast.config.InMemoryFormat` value.
        time_to_live: Seconds a record may live, or ``None``.
        max_idle: Seconds a record may stay unread, or ``None``.
        invalidate_on_change: Whether the map listens to invalidation events.
        eviction_policy: An :class:`~hazelcast.config.EvictionPolicy` value.
        eviction_max_size: Number of records the cache holds at most.
        eviction_sampling_count: Records examined per eviction.
        eviction_sampling_pool_size: Best eviction candidates kept between evictions.
        clock: Monotonic time in seconds (a test may give a virtual clock).
    """

    def __init__(
        self,
        name: str,
        serialization_service: typing.Any,
        in_memory_format: int,
        time_to_live: typing.Optional[float],
        max_idle: typing.Optional[float],
        invalidate_on_change: bool,
        eviction_policy: int,
        eviction_max_size: int,
        eviction_sampling_count: typing.Optional[int] = None,
        eviction_sampling_pool_size: typing.Optional[int] = None,
        clock: typing.Callable[[], float] = time.monotonic,
    ):
        self.name = name
        self.serialization_service = serialization_service
        self.in_memory_format = in_memory_format
        # 0 means "no limit", as for the members' configuration.
        self.time_to_live = time_to_live or None
        self.max_idle = max_idle or None
        self.invalidate_on_change = invalidate_on_change
        self.eviction_policy = eviction_policy
        self.eviction_max_size = eviction_max_size
        self.eviction_sampling_count = min(eviction_sampling_count or 8, eviction_max_size)
        self.eviction_sampling_pool_size = min(eviction_sampling_pool_size or 16, eviction_max_size)
        self._clock = clock
        self._binary = in_memory_format == InMemoryFormat.BINARY
        self._to_object = serialization_service.to_object if serialization_service is not None else None
        self._records: typing.Dict[typing.Any, DataRecord] = {}
        self._keys: typing.List[typing.Any] = []
        self._reservations: typing.Dict[typing.Any, _Reservation] = {}
        self._pool: typing.List[DataRecord] = []
        self._lock = threading.Lock()
        self._worse: typing.Optional[typing.Callable[[DataRecord, DataRecord], bool]] = {
            EvictionPolicy.LRU: _lru_worse,
            EvictionPolicy.LFU: _lfu_worse,
        }.get(eviction_policy)
        # Set by the map proxy once invalidations reach it; nothing is cached before.
        self.active = True
        # Per-partition repair metadata (None when the cache is not repaired); set
        # by the repairing handler: partition id -> _MetaDataContainer.
        self._meta_of: typing.Optional[typing.Callable[[int], "_MetaDataContainer"]] = None
        self._rng = random.Random()
        self._evictions = 0
        self._expirations = 0
        self._hits = 0
        self._misses = 0
        self._invalidations = 0
        self._invalidation_requests = 0
        self._stale_reads = 0
        self._memory_cost = 0
        self._creation_time_in_seconds = time.time()

    # -- reads ----------------------------------------------------------------------

    def get_value(self, key: typing.Any) -> typing.Any:
        """Returns the cached value (as an object) of the serialized ``key``, or the
        module's ``_MISS`` marker if the cache cannot serve it."""
        record = self._records.get(key)
        if record is None:
            self._misses += 1
            return _MISS
        now = self._clock()
        expiration = record.expiration_time
        max_idle = self.max_idle
        if (expiration is not None and expiration <= now) or (
            max_idle is not None and record.last_access_time + max_idle <= now
        ):
            self._remove_record(record, expired=True)
            self._misses += 1
            return _MISS
        meta = record.meta
        if meta is not None and (
            (record.partition_uuid is not meta.uuid and record.partition_uuid != meta.uuid)
            or record.sequence < meta.stale_sequence
        ):
            # An invalidation of this partition may have been lost since the value
            # was fetched: fetch it again.
            self._stale_reads += 1
            self._remove_record(record)
            self._misses += 1
            return _MISS
        record.last_access_time = now
        record.access_hit += 1
        self._hits += 1
        if self._binary:
            obj = record.obj
            if obj is not _MISS:
                return obj
            return self._to_object(record.value)  # type: ignore[misc]
        return record.value

    def __contains__(self, key: typing.Any) -> bool:
        return self.get_value_silently(key) is not _MISS

    def get_value_silently(self, key: typing.Any) -> typing.Any:
        """:meth:`get_value` without touching the statistics or the access times."""
        record = self._records.get(key)
        if record is None or record.is_expired(self.max_idle, self._clock()):
            return _MISS
        meta = record.meta
        if meta is not None and (record.partition_uuid != meta.uuid or record.sequence < meta.stale_sequence):
            return _MISS
        return record.value

    def __len__(self) -> int:
        return len(self._records)

    # -- fetch and publish ----------------------------------------------------------

    def try_reserve(self, key: typing.Any, partition_id: int) -> typing.Optional[_Reservation]:
        """Reserves ``key`` before fetching its value; None if another fetch of the
        key is in flight or nothing may be cached now."""
        if not self.active:
            return None
        meta_of = self._meta_of
        meta = meta_of(partition_id) if meta_of is not None else None
        reservation = _Reservation(key, meta)
        with self._lock:
            if key in self._reservations:
                return None
            self._reservations[key] = reservation
        return reservation

    def publish(self, reservation: _Reservation, value: typing.Any, obj: typing.Any = None) -> None:
        """Caches the fetched value of a reserved key unless the key was
        invalidated meanwhile.

        Args:
            reservation: What :meth:`try_reserve` gave.
            value: The fetched value, serialized; ``None`` if there is no entry.
            obj: The value as an object (kept for ``OBJECT``).
        """
        key = reservation.key
        with self._lock:
            if self._reservations.get(key) is not reservation:
                return
            del self._reservations[key]
            if value is None:
                return
            if self._binary:
                record = self._put_locked(key, value, reservation)
                if record is not None and obj is not None and type(obj) in _IMMUTABLE_TYPES:
                    record.obj = obj
            else:
                self._put_locked(key, obj, reservation)

    def cancel(self, reservation: _Reservation) -> None:
        """Drops a reservation whose fetch failed."""
        with self._lock:
            if self._reservations.get(reservation.key) is reservation:
                del self._reservations[reservation.key]

    def put(self, key: typing.Any, value: typing.Any, partition_id: int = -1) -> None:
        """Caches ``value`` (serialized for ``BINARY``, an object for ``OBJECT``)
        for the serialized ``key`` at once (no fetch in flight)."""
        meta_of = self._meta_of
        reservation = _Reservation(key, meta_of(partition_id) if meta_of is not None and partition_id >= 0 else None)
        with self._lock:
            self._reservations.pop(key, None)
            self._put_locked(key, value, reservation)

    def _put_locked(self, key: typing.Any, value: typing.Any, stamp: _Reservation) -> typing.Optional[DataRecord]:
        records = self._records
        old = records.get(key)
        if old is not None:
            self._remove_locked(old)
        if len(records) >= self.eviction_max_size:
            self._evict_locked()
            if len(records) >= self.eviction_max_size:
                return None  # eviction policy NONE: a full cache takes no new entries
        now = self._clock()
        record = DataRecord(key, value, now, self.time_to_live)
        record.meta = stamp.meta
        record.partition_uuid = stamp.partition_uuid
        record.sequence = stamp.sequence
        record.cost = self._cost_of(key, value)
        record.index = len(self._keys)
        self._keys.append(key)
        records[key] = record
        self._memory_cost += record.cost
        return record

    def _cost_of(self, key: typing.Any, value: typing.Any) -> int:
        key_cost = len(key) if hasattr(key, "__len__") else sys.getsizeof(key)
        if self._binary:
            try:
                return _RECORD_OVERHEAD + key_cost + len(value)
            except TypeError:
                pass
        try:
            return _RECORD_OVERHEAD + key_cost + sys.getsizeof(value)
        except TypeError:
            return _RECORD_OVERHEAD + key_cost

    # -- invalidation -----------------------------------------------------------------

    def invalidate(self, key: typing.Any) -> None:
        """Removes the record of the serialized ``key`` and cancels its fetch in flight."""
        self._invalidation_requests += 1
        with self._lock:
            self._reservations.pop(key, None)
            record = self._records.get(key)
            if record is not None:
                self._remove_locked(record)
                self._invalidations += 1

    def clear(self) -> None:
        """Removes every record and cancels every fetch in flight."""
        self._invalidation_requests += 1
        with self._lock:
            self._invalidations += len(self._records)
            self._records.clear()
            self._keys.clear()
            self._reservations.clear()
            self._pool.clear()
            self._memory_cost = 0

    def _remove_record(self, record: DataRecord, expired: bool = False) -> None:
        with self._lock:
            if self._records.get(record.key) is record:
                self._remove_locked(record)
                if expired:
                    self._expirations += 1

    def _remove_locked(self, record: DataRecord) -> None:
        key = record.key
        del self._records[key]
        keys = self._keys
        last = keys.pop()
        index = record.index
        if index < len(keys):
            keys[index] = last
            self._records[last].index = index
        record.index = -1
        self._memory_cost -= record.cost

    # -- expiry and eviction ----------------------------------------------------------

    def _evict_locked(self) -> None:
        now = self._clock()
        records = self._records
        keys = self._keys
        count = len(keys)
        if count <= self.eviction_sampling_count:
            sample = [records[k] for k in keys]
        else:
            randrange = self._rng.randrange
            sample = [records[keys[randrange(count)]] for _ in range(self.eviction_sampling_count)]
        # Expired records go first, whatever the policy.
        expired = [r for r in sample if r.index >= 0 and r.is_expired(self.max_idle, now)]
        if expired:
            for record in expired:
                if record.index >= 0:
                    self._remove_locked(record)
                    self._expirations += 1
            return
        if self.eviction_policy == EvictionPolicy.NONE:
            return
        worse = self._worse
        if worse is None:  # RANDOM
            victim = self._rng.choice(sample)
        else:
            # Candidates from earlier samples still cached, plus this sample.
            seen = set()
            candidates = []
            for record in self._pool + sample:
                if record.index >= 0 and records.get(record.key) is record and id(record) not in seen:
                    seen.add(id(record))
                    candidates.append(record)
            victim = candidates[0]
            for record in candidates[1:]:
                if worse(record, victim):
                    victim = record
            candidates.remove(victim)
            key_func = (lambda r: r.last_access_time) if self.eviction_policy == EvictionPolicy.LRU else (lambda r: r.access_hit)
            candidates.sort(key=key_func)
            self._pool = candidates[: self.eviction_sampling_pool_size]
        self._remove_locked(victim)
        self._evictions += 1

    def evict_expired(self) -> int:
        """Removes the expired records; returns how many."""
        now = self._clock()
        with self._lock:
            expired = [r for r in self._records.values() if r.is_expired(self.max_idle, now)]
            for record in expired:
                self._remove_locked(record)
            self._expirations += len(expired)
        return len(expired)

    # -- statistics ---------------------------------------------------------------------

    def get_statistics(self) -> typing.Dict[str, typing.Any]:
        """Returns the statistics of this Near Cache.

        Returns:
            A dictionary with ``creation_time`` (seconds since the epoch),
            ``evictions``, ``expirations``, ``misses``, ``hits``,
            ``invalidations``, ``invalidation_requests``, ``owned_entry_count``,
            ``owned_entry_memory_cost`` (estimated bytes) and ``stale_reads``
            (values dropped because an invalidation may have been lost).
        """
        return {
            "creation_time": self._creation_time_in_seconds,
            "evictions": self._evictions,
            "expirations": self._expirations,
            "misses": self._misses,
            "hits": self._hits,
            "invalidations": self._invalidations,
            "invalidation_requests": self._invalidation_requests,
            "owned_entry_count": len(self._records),
            "owned_entry_memory_cost": self._memory_cost,
            "stale_reads": self._stale_reads,
        }

    def __repr__(self) -> str:
        return "NearCache(name=%r, size=%d)" % (self.name, len(self._records))


def _matching_point(pattern: str, name: str) -> int:
    star = pattern.find("*")
    if star == -1:
        return -1
    head, tail = pattern[:star], pattern[star + 1 :]
    if len(head) + len(tail) > len(name) or not name.startswith(head) or not name.endswith(tail):
        return -1
    return len(head) + len(tail)


def find_near_cache_config(
    configs: typing.Dict[str, NearCacheConfig], name: str
) -> typing.Optional[NearCacheConfig]:
    """Returns the Near Cache configuration of the map ``name``, as the Java client
    finds it: the configuration of that exact name, else the one whose pattern (a
    name with one ``*`` wildcard) matches with the most characters outside the
    wildcard.

    Args:
        configs: The ``near_caches`` option: name or pattern to configuration.
        name: The map's name.

    Returns:
        The configuration, or ``None`` if none matches.

    Raises:
        InvalidConfigurationError: If two patterns match the name equally well.
    """
    if not configs:
        return None
    config = configs.get(name)
    if config is not None:
        return config
    best: typing.Optional[str] = None
    duplicate: typing.Optional[str] = None
    best_point = -1
    for pattern in configs:
        point = _matching_point(pattern, name)
        if point > -1 and point >= best_point:
            duplicate = best if point == best_point else None
            best_point = point
            best = pattern
    if duplicate is not None:
        raise InvalidConfigurationError(
            "near cache configuration of map %r is ambiguous: both %r and %r match it" % (name, duplicate, best)
        )
    return configs[best] if best is not None else None


class NearCacheManager:
    """The Near Caches of one client, by map name.

    Args:
        config: The client configuration.
        serialization_service: The client's serialization service.
        context: The client context; without it (unit tests) the caches are not
            repaired.
    """

    def __init__(self, config: typing.Any, serialization_service: typing.Any, context: typing.Optional["ClientContext"] = None):
        self._config = config
        self._serialization_service = serialization_service
        self._context = context
        self._caches: typing.Dict[str, NearCache] = {}
        self._repairing_task: typing.Optional["RepairingTask"] = None
        self._expiration_timer: typing.Any = None
        self._lock = threading.Lock()

    def get_near_cache_config(self, name: str) -> typing.Optional[NearCacheConfig]:
        """Returns the configuration of the map ``name``'s Near Cache, or ``None``."""
        return find_near_cache_config(self._config.near_caches, name)

    def get_or_create_near_cache(self, name: str) -> NearCache:
        """Returns the Near Cache of the map ``name``, created on first use.

        Raises:
            ValueError: If no Near Cache is configured for the map.
        """
        with self._lock:
            near_cache = self._caches.get(name)
            if near_cache is not None:
                return near_cache
            config = self.get_near_cache_config(name)
            if config is None:
                raise ValueError("Cannot find a near cache configuration with the name '%s'" % name)
            near_cache = NearCache(
                name,
                self._serialization_service,
                config.in_memory_format,
                config.time_to_live,
                config.max_idle,
                config.invalidate_on_change,
                config.eviction_policy,
                config.eviction_max_size,
                config.eviction_sampling_count,
                config.eviction_sampling_pool_size,
            )
            self._caches[name] = near_cache
            if (near_cache.time_to_live or near_cache.max_idle) and self._expiration_timer is None and self._context is not None:
                # Expired entries leave even if never read again (their memory, the
                # owned entry count), as the Java client's expiration task does.
                self._expiration_timer = call_periodically(
                    self._context.transport, EXPIRATION_TASK_PERIOD_SECONDS, self._expire_all
                )
            return near_cache

    def _expire_all(self) -> None:
        for cache in list(self._caches.values()):
            if cache.time_to_live or cache.max_idle:
                cache.evict_expired()

    def repairing_task(self) -> "RepairingTask":
        """The client's repairing task (created on first use)."""
        with self._lock:
            if self._repairing_task is None:
                from hazelcast.internal.near_cache_repair import RepairingTask

                if self._context is None:
                    raise ValueError("near cache repairing needs the client context")
                self._repairing_task = RepairingTask(self._context, self)
            return self._repairing_task

    def clear_near_caches(self) -> None:
        """Empties every Near Cache."""
        for cache in list(self._caches.values()):
            cache.clear()

    def destroy_near_cache(self, name: str) -> None:
        """Empties and forgets the Near Cache of the map ``name``."""
        with self._lock:
            near_cache = self._caches.pop(name, None)
            task = self._repairing_task
        if near_cache is not None:
            near_cache.clear()
        if task is not None:
            task.deregister_handler(name)

    def destroy_near_caches(self) -> None:
        """Empties and forgets every Near Cache."""
        for name in list(self._caches):
            self.destroy_near_cache(name)

    def list_near_caches(self) -> typing.List[NearCache]:
        """Returns the Near Caches."""
        return list(self._caches.values())

    def shutdown(self) -> None:
        """Stops the repairing and expiration tasks."""
        if self._expiration_timer is not None:
            self._expiration_timer.cancel()
            self._expiration_timer = None
        task = self._repairing_task
        if task is not None:
            task.shutdown()
