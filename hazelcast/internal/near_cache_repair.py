"""Repairing of Near Caches, as the Java client does it.

Members number the invalidations of each partition of each map (a sequence) and
give each partition a UUID that changes when the partition's data is lost or
recreated. The client keeps, per map and partition, the last UUID and sequence it
knows (:class:`_MetaDataContainer`) and stamps every value it caches with them.

- An invalidation event whose sequence jumps ahead shows that events were lost
  (a "miss"). When more misses than ``hazelcast.invalidation.max.tolerated.miss.count``
  (default 10) add up, each partition with misses gets a *stale sequence*: values
  stamped with a lower sequence are dropped on read instead of served.
- Every ``hazelcast.invalidation.reconciliation.interval.seconds`` (default 60; 0
  disables it; at least ``hazelcast.invalidation.min.reconciliation.interval.seconds``,
  default 30) the client fetches the members' current UUIDs and sequences
  (``Map.fetchNearCacheInvalidationMetadata``). A member sequence ahead of the
  client's shows lost events, even the last one of a partition, which no later
  event reveals; unlike the Java client, any miss found this way marks the
  partition stale at once, whatever the tolerated count, so that a lost
  invalidation never leaves a stale value served beyond one interval.
- A changed partition UUID makes every value stamped with the old one stale.

The properties are read from the environment (``os.environ``), under the Java
property names or in upper case with ``_`` for ``.``
(``HAZELCAST_INVALIDATION_RECONCILIATION_INTERVAL_SECONDS``).

The task runs on the transport's timers (once a second, or at the reconciliation
interval if shorter); it never blocks.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import typing

from hazelcast.errors import InvalidConfigurationError
from hazelcast.future import Future, combine_futures
from hazelcast.invocation import Invocation
from hazelcast.lifecycle import LifecycleState
from hazelcast.protocol.codec import map_fetch_near_cache_invalidation_metadata_codec
from hazelcast.transport import Timer, call_periodically

if typing.TYPE_CHECKING:
    import uuid

    from hazelcast.near_cache import NearCache, NearCacheManager
    from hazelcast.proxy.context import ClientContext

_logger = logging.getLogger(__name__)

RECONCILIATION_INTERVAL_SECONDS = "hazelcast.invalidation.reconciliation.interval.seconds"
MIN_RECONCILIATION_INTERVAL_SECONDS = "hazelcast.invalidation.min.reconciliation.interval.seconds"
MAX_TOLERATED_MISS_COUNT = "hazelcast.invalidation.max.tolerated.miss.count"

_DEFAULTS = {
    RECONCILIATION_INTERVAL_SECONDS: 60.0,
    MIN_RECONCILIATION_INTERVAL_SECONDS: 30.0,
    MAX_TOLERATED_MISS_COUNT: 10,
}

_TICK_SECONDS = 1.0


def read_property(name: str) -> float:
    """Returns the value of a Near Cache repairing property: from the environment
    (the Java name, or upper case with ``_``), else its default.

    Raises:
        InvalidConfigurationError: If the value is not a number.
    """
    raw = os.environ.get(name)
    if raw is None:
        raw = os.environ.get(name.upper().replace(".", "_"))
    if raw is None:
        return float(_DEFAULTS[name])
    try:
        return float(raw)
    except ValueError:
        raise InvalidConfigurationError("invalid value %r for %r: must be a number" % (raw, name)) from None


class _MetaDataContainer:
    """What the client knows of one partition of one map's invalidations."""

    __slots__ = ("uuid", "sequence", "stale_sequence", "missed_sequence_count")

    def __init__(self) -> None:
        self.uuid: typing.Optional["uuid.UUID"] = None
        self.sequence = 0
        self.stale_sequence = 0
        self.missed_sequence_count = 0

    def reset(self) -> None:
        self.uuid = None
        self.sequence = 0
        self.stale_sequence = 0
        self.missed_sequence_count = 0

    def __repr__(self) -> str:
        return "_MetaDataContainer(uuid=%s, sequence=%d, stale_sequence=%d, missed=%d)" % (
            self.uuid,
            self.sequence,
            self.stale_sequence,
            self.missed_sequence_count,
        )


class RepairingHandler:
    """Applies the invalidation events of one map to its Near Cache and keeps the
    map's per-partition metadata.

    Args:
        name: The map's name.
        near_cache: Its Near Cache.
        partition_id_of_key: Partition id of a serialized key.
        partition_id_of_name: Partition id of the map's name (the partition a
            "clear" invalidation is numbered in).
    """

    def __init__(
        self,
        name: str,
        near_cache: "NearCache",
        partition_id_of_key: typing.Callable[[typing.Any], int],
        partition_id_of_name: typing.Callable[[], int],
    ):
        self.name = name
        self.near_cache = near_cache
        self._partition_id_of_key = partition_id_of_key
        self._partition_id_of_name = partition_id_of_name
        self._metas: typing.Dict[int, _MetaDataContainer] = {}
        self._lock = threading.Lock()
        near_cache._meta_of = self.get_meta_data_container

    def get_meta_data_container(self, partition_id: int) -> _MetaDataContainer:
        meta = self._metas.get(partition_id)
        if meta is None:
            with self._lock:
                meta = self._metas.setdefault(partition_id, _MetaDataContainer())
        return meta

    def meta_data_containers(self) -> typing.List[typing.Tuple[int, _MetaDataContainer]]:
        return list(self._metas.items())

    # -- events ------------------------------------------------------------------------

    def handle(self, key: typing.Any, source_uuid: typing.Any, partition_uuid: "uuid.UUID", sequence: int) -> None:
        """Applies one invalidation event (``key`` None: the whole map).

        Unlike the Java client, events of this client's own changes are applied
        too: changes made through other means than this proxy (a transaction, for
        one) reach the Near Cache only this way.
        """
        if key is None:
            self.near_cache.clear()
            partition_id = self._partition_id_of_name()
        else:
            self.near_cache.invalidate(key)
            partition_id = self._partition_id_of_key(key)
        self.check_or_repair_uuid(partition_id, partition_uuid)
        self.check_or_repair_sequence(partition_id, sequence)

    def handle_batch(
        self,
        keys: typing.Sequence[typing.Any],
        source_uuids: typing.Sequence[typing.Any],
        partition_uuids: typing.Sequence["uuid.UUID"],
        sequences: typing.Sequence[int],
    ) -> None:
        """Applies a batch of invalidation events."""
        for key, source_uuid, partition_uuid, sequence in zip(keys, source_uuids, partition_uuids, sequences):
            self.handle(key, source_uuid, partition_uuid, sequence)

    # -- metadata ----------------------------------------------------------------------

    def check_or_repair_uuid(self, partition_id: int, new_uuid: "uuid.UUID") -> None:
        """A new UUID for the partition: its data was lost or recreated, so its
        sequences start again and every value stamped with the old UUID is stale."""
        meta = self.get_meta_data_container(partition_id)
        with self._lock:
            if meta.uuid is not None and meta.uuid == new_uuid:
                return
            meta.uuid = new_uuid
            meta.sequence = 0
            meta.stale_sequence = 0

    def check_or_repair_sequence(self, partition_id: int, next_sequence: int, via_anti_entropy: bool = False) -> None:
        """Advances the partition's sequence, counting the sequences skipped."""
        meta = self.get_meta_data_container(partition_id)
        with self._lock:
            current = meta.sequence
            if current >= next_sequence:
                return
            meta.sequence = next_sequence
            diff = next_sequence - current
            if via_anti_entropy or diff > 1:
                meta.missed_sequence_count += diff if via_anti_entropy else diff - 1

    def init_uuid_and_sequence(self, partition_id: int, partition_uuid: typing.Optional["uuid.UUID"], sequence: typing.Optional[int]) -> None:
        """The first metadata of a partition: taken as is when nothing is known of
        it yet, else checked like an anti-entropy result."""
        meta = self.get_meta_data_container(partition_id)
        with self._lock:
            fresh = meta.uuid is None
            if fresh and partition_uuid is not None:
                meta.uuid = partition_uuid
            if fresh and sequence is not None and meta.sequence < sequence:
                meta.sequence = sequence
                return
        if not fresh:
            if partition_uuid is not None:
                self.check_or_repair_uuid(partition_id, partition_uuid)
            if sequence is not None:
                self.check_or_repair_sequence(partition_id, sequence, True)

    def total_missed_count(self) -> int:
        return sum(meta.missed_sequence_count for meta in list(self._metas.values()))

    def update_last_known_stale_sequences(self) -> None:
        """Marks stale every value stamped before the latest known sequence of each
        partition where sequences were missed."""
        with self._lock:
            for meta in list(self._metas.values()):
                if meta.missed_sequence_count != 0:
                    meta.missed_sequence_count = 0
                    if meta.stale_sequence < meta.sequence:
                        meta.stale_sequence = meta.sequence

    def reset(self) -> None:
        """Forgets the metadata and empties the Near Cache (a new connection to the
        cluster: events may have been lost, partitions may be new)."""
        self.near_cache.clear()
        with self._lock:
            for meta in self._metas.values():
                meta.reset()


class RepairingTask:
    """The client's repairing task: checks the missed invalidations and runs the
    periodic reconciliation of every repaired Near Cache.

    Args:
        context: The client context.
        manager: The client's Near Cache manager.

    Raises:
        InvalidConfigurationError: If the reconciliation interval is neither 0 nor
            at least the minimum.
    """

    def __init__(self, context: "ClientContext", manager: "NearCacheManager"):
        self._context = context
        self._manager = manager
        self._transport = context.transport
        interval = read_property(RECONCILIATION_INTERVAL_SECONDS)
        minimum = read_property(MIN_RECONCILIATION_INTERVAL_SECONDS)
        if interval < 0 or (interval != 0 and interval < minimum):
            raise InvalidConfigurationError(
                "invalid value %s for %r: must be 0 (disabled) or at least %s (%s)"
                % (interval, RECONCILIATION_INTERVAL_SECONDS, minimum, MIN_RECONCILIATION_INTERVAL_SECONDS)
            )
        self.reconciliation_interval = interval
        self.max_tolerated_miss_count = int(read_property(MAX_TOLERATED_MISS_COUNT))
        self._tick = min(_TICK_SECONDS, interval) if interval > 0 else _TICK_SECONDS
        self._handlers: typing.Dict[str, RepairingHandler] = {}
        self._lock = threading.Lock()
        self._timer: typing.Optional[Timer] = None
        self._last_anti_entropy = time.monotonic()
        self._anti_entropy_in_flight = False
        self._shut_down = False
        self._lifecycle_registration = context.lifecycle_service.add_listener(self._on_lifecycle_event)

    def register_handler(self, near_cache: "NearCache") -> RepairingHandler:
        """Creates the handler of a Near Cache and starts repairing it."""
        context = self._context
        name = near_cache.name
        handler = RepairingHandler(
            name,
            near_cache,
            context.internal_partition_service.get_partition_id,
            lambda: context.partition_service.get_partition_id(name),
        )
        with self._lock:
            self._handlers[name] = handler
            if self._timer is None and not self._shut_down:
                self._timer = call_periodically(self._transport, self._tick, self._run)
        return handler

    def deregister_handler(self, name: str) -> None:
        with self._lock:
            self._handlers.pop(name, None)
            if not self._handlers and self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def handlers(self) -> typing.List[RepairingHandler]:
        return list(self._handlers.values())

    def shutdown(self) -> None:
        with self._lock:
            self._shut_down = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        self._context.lifecycle_service.remove_listener(self._lifecycle_registration)

    # -- the periodic run --------------------------------------------------------------

    def _run(self) -> None:
        handlers = self.handlers()
        if not handlers:
            return
        self.fix_sequence_gaps(handlers)
        interval = self.reconciliation_interval
        if interval > 0 and not self._anti_entropy_in_flight and time.monotonic() - self._last_anti_entropy >= interval:
            self.run_anti_entropy()

    def fix_sequence_gaps(self, handlers: typing.Optional[typing.List[RepairingHandler]] = None) -> None:
        """Marks stale the partitions with missed sequences once more than the
        tolerated count of misses add up."""
        handlers = handlers if handlers is not None else self.handlers()
        total = 0
        for handler in handlers:
            total += handler.total_missed_count()
        if total > self.max_tolerated_miss_count:
            for handler in handlers:
                handler.update_last_known_stale_sequences()

    def run_anti_entropy(self) -> Future[None]:
        """Fetches the members' metadata of every repaired map and repairs with it."""
        self._anti_entropy_in_flight = True
        self._last_anti_entropy = time.monotonic()
        handlers = {h.name: h for h in self.handlers()}

        def done(_: Future[typing.Any]) -> None:
            self._anti_entropy_in_flight = False
            self._last_anti_entropy = time.monotonic()
            # Any miss found by reconciliation makes its partition stale now.
            for handler in handlers.values():
                handler.update_last_known_stale_sequences()

        return self._fetch(handlers, init=False).continue_with(done)

    def initialize(self, handlers: typing.Sequence[RepairingHandler]) -> Future[None]:
        """Fetches the first metadata of new (or reset) handlers."""
        return self._fetch({h.name: h for h in handlers}, init=True)

    def _fetch(self, handlers: typing.Dict[str, RepairingHandler], init: bool) -> Future[None]:
        if not handlers:
            return _done()
        names = list(handlers)
        members = self._context.cluster_service.get_members(lambda m: not m.lite_member)
        futures = []
        for member in members:
            request = map_fetch_near_cache_invalidation_metadata_codec.encode_request(names, member.uuid)
            invocation = Invocation(
                request, uuid=member.uuid, response_handler=map_fetch_near_cache_invalidation_metadata_codec.decode_response
            )
            try:
                self._context.invocation_service.invoke(invocation)
            except Exception as e:  # the client is shutting down
                _logger.debug("Could not fetch near cache metadata: %s", e)
                continue
            futures.append(invocation.future.continue_with(self._repair, handlers, init))
        if not futures:
            return _done()
        return combine_futures(futures).continue_with(lambda _: None)

    def _repair(self, future: Future[typing.Any], handlers: typing.Dict[str, RepairingHandler], init: bool) -> None:
        try:
            response = future.result()
        except Exception as e:  # a member left, the client is offline: the next run retries
            _logger.debug("Could not fetch near cache metadata: %s", e)
            return
        uuids = dict(response["partition_uuid_list"])
        for name, partition_sequences in response["name_partition_sequence_list"]:
            handler = handlers.get(name)
            if handler is None:
                continue
            sequences = dict(partition_sequences)
            for partition_id in set(uuids) | set(sequences):
                partition_uuid = uuids.get(partition_id)
                sequence = sequences.get(partition_id)
                if init:
                    handler.init_uuid_and_sequence(partition_id, partition_uuid, sequence)
                    continue
                if partition_uuid is not None:
                    handler.check_or_repair_uuid(partition_id, partition_uuid)
                if sequence is not None:
                    handler.check_or_repair_sequence(partition_id, sequence, True)

    # -- connection to the cluster ---------------------------------------------------

    def _on_lifecycle_event(self, state: str) -> None:
        if state == LifecycleState.DISCONNECTED:
            # No invalidation reaches the client now: nothing cached can be trusted.
            for handler in self.handlers():
                handler.reset()
        elif state == LifecycleState.CONNECTED:
            handlers = self.handlers()
            for handler in handlers:
                handler.reset()
            self.initialize(handlers)


def _done() -> Future[None]:
    future: Future[None] = Future()
    future.set_result(None)
    return future
