"""Client proxy of the distributed Map (``IMap`` on the members)."""

from __future__ import annotations

import itertools
import logging
import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future, ImmediateFuture, combine_futures
from hazelcast.protocol.codec import (
    map_add_entry_listener_codec,
    map_add_index_codec,
    map_add_interceptor_codec,
    map_add_near_cache_invalidation_listener_codec,
    map_aggregate_codec,
    map_aggregate_with_predicate_codec,
    map_add_entry_listener_to_key_codec,
    map_add_entry_listener_to_key_with_predicate_codec,
    map_add_entry_listener_with_predicate_codec,
    map_clear_codec,
    map_contains_key_codec,
    map_contains_value_codec,
    map_delete_codec,
    map_entries_with_paging_predicate_codec,
    map_entries_with_predicate_codec,
    map_entry_set_codec,
    map_evict_all_codec,
    map_evict_codec,
    map_execute_on_all_keys_codec,
    map_execute_on_key_codec,
    map_execute_on_keys_codec,
    map_execute_with_predicate_codec,
    map_flush_codec,
    map_force_unlock_codec,
    map_get_all_codec,
    map_get_codec,
    map_get_entry_view_codec,
    map_is_empty_codec,
    map_is_locked_codec,
    map_key_set_codec,
    map_key_set_with_paging_predicate_codec,
    map_key_set_with_predicate_codec,
    map_load_all_codec,
    map_load_given_keys_codec,
    map_lock_codec,
    map_put_all_codec,
    map_put_codec,
    map_put_if_absent_codec,
    map_put_if_absent_with_max_idle_codec,
    map_put_transient_codec,
    map_put_transient_with_max_idle_codec,
    map_project_codec,
    map_project_with_predicate_codec,
    map_put_with_max_idle_codec,
    map_remove_all_codec,
    map_remove_codec,
    map_remove_entry_listener_codec,
    map_remove_if_same_codec,
    map_remove_interceptor_codec,
    map_replace_codec,
    map_replace_if_same_codec,
    map_set_codec,
    map_set_ttl_codec,
    map_set_with_max_idle_codec,
    map_size_codec,
    map_try_lock_codec,
    map_try_put_codec,
    map_try_remove_codec,
    map_unlock_codec,
    map_values_codec,
    map_values_with_paging_predicate_codec,
    map_values_with_predicate_codec,
)
from hazelcast.near_cache import _MISS, NearCache
from hazelcast.serialization.compact import SchemaNotFoundError, SchemaNotReplicatedError
from hazelcast.aggregator import Aggregator
from hazelcast.config import IndexConfig, IndexType, IndexUtil
from hazelcast.predicate import PagingPredicate, Predicate, _PagingPredicate
from hazelcast.projection import Projection
from hazelcast.protocol import AnchorDataListHolder, PagingPredicateHolder
from hazelcast.protocol.codec.custom.bitmap_index_options_codec import BitmapIndexOptions as _BitmapIndexOptionsHolder
from hazelcast.protocol.codec.custom.index_config_codec import IndexConfig as _IndexConfigHolder
from hazelcast.protocol.codec.custom.b_tree_index_config_codec import BTreeIndexConfig as _BTreeIndexConfig
from hazelcast.protocol.codec.custom.capacity_codec import Capacity as _Capacity
from hazelcast.protocol.codec.custom.memory_tier_config_codec import MemoryTierConfig as _MemoryTierConfig
from hazelcast.util import IterationType, seconds_to_millis
from hazelcast.proxy import _key_lock
from hazelcast.proxy._collection import entry_list_handler as _entry_list_handler
from hazelcast.proxy._collection import nullable_object_handler as _nullable_object_handler
from hazelcast.proxy._collection import list_handler as _list_handler
from hazelcast.proxy._collection import object_handler as _object_handler
from hazelcast.proxy._entry_listener import register_entry_listener
from hazelcast.invocation import Invocation
from hazelcast.proxy.base import EntryEvent, EntryEventType, Proxy, _no_op_response_handler

if typing.TYPE_CHECKING:
    from hazelcast.core import SimpleEntryView
    from hazelcast.proxy.context import ClientContext

KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")
ProjectionType = typing.TypeVar("ProjectionType")

EntryEventCallable = typing.Callable[[typing.Any], None]

_KEY_NONE = "key can't be None"
# Lock requests wait on the member as long as the lock is held elsewhere.
_NO_TIMEOUT = float("inf")
_VALUE_NONE = "value can't be None"
_LOCK_CODECS = _key_lock.LockCodecs(
    lock=map_lock_codec,
    try_lock=map_try_lock_codec,
    unlock=map_unlock_codec,
    force_unlock=map_force_unlock_codec,
    is_locked=map_is_locked_codec,
)


def _to_millis(seconds: typing.Optional[float], argument: str = "seconds") -> int:
    # None means "not given": -1 tells the member to use the map config's default.
    return seconds_to_millis(seconds, argument)


def _return_none(future: Future) -> None:
    # result() re-raises: a failed partition must fail the whole put_all.
    future.result()
    return None


def _merge_entry_lists(future: Future) -> dict:
    return dict(itertools.chain.from_iterable(future.result()))


def _not_yet(method: str, feature: str) -> NotImplementedError:
    return NotImplementedError(
        "Map.%s is not available yet: %s come with their own issue" % (method, feature)
    )


_Handler = typing.Callable[[typing.Any], typing.Any]


class _ResponseHandlers:
    """The Map response decoders for one serializer, by proxy attribute name."""

    def __init__(self, to_object: typing.Callable, big_endian: bool):
        self.to_object = to_object
        # Most responses are one nullable value or an entry list: read straight
        # into objects by one handler each.
        value = _nullable_object_handler(to_object, big_endian)
        entries = _entry_list_handler(to_object, big_endian)
        self.by_attribute = {
            "_get_handler": value,
            "_put_handler": value,
            "_put_max_idle_handler": value,
            "_put_if_absent_handler": value,
            "_put_if_absent_max_idle_handler": value,
            "_remove_handler": value,
            "_replace_handler": value,
            "_key_set_handler": _list_handler(map_key_set_codec.decode_response, to_object),
            "_values_handler": _list_handler(map_values_codec.decode_response, to_object),
            "_entry_set_handler": entries,
            "_get_all_handler": entries,
            "_execute_on_key_handler": value,
            "_execute_on_keys_handler": entries,
            "_execute_on_all_keys_handler": entries,
            # queries
            "_key_set_with_predicate_handler": _list_handler(map_key_set_with_predicate_codec.decode_response, to_object),
            "_values_with_predicate_handler": _list_handler(map_values_with_predicate_codec.decode_response, to_object),
            "_entry_set_with_predicate_handler": entries,
            "_execute_with_predicate_handler": entries,
            "_aggregate_handler": _object_handler(map_aggregate_codec.decode_response, to_object),
            "_aggregate_with_predicate_handler": _object_handler(
                map_aggregate_with_predicate_codec.decode_response, to_object
            ),
            "_project_handler": _list_handler(map_project_codec.decode_response, to_object),
            "_project_with_predicate_handler": _list_handler(
                map_project_with_predicate_codec.decode_response, to_object
            ),
        }


# The members' defaults (16 KB pages, 256 MB memory tier; units are MemoryUnit
# ids: 1 KILOBYTES, 2 MEGABYTES): a member of 5.x reads a null B-tree config as an
# error, and a client without B-tree options sends none.
_DEFAULT_B_TREE_INDEX_CONFIG = _BTreeIndexConfig(_Capacity(16, 1), _MemoryTierConfig(_Capacity(256, 2)))


def _objects(items: list, to_object: typing.Callable) -> list:
    return [to_object(item) for item in items]


def _entry_objects(items: list, to_object: typing.Callable) -> list:
    return [(to_object(k), to_object(v)) for k, v in items]


class Map(Proxy["BlockingMap"], typing.Generic[KeyType, ValueType]):
    """Hazelcast Map client proxy to access the map on the cluster.

    Concurrent, distributed, observable and queryable map. Every method returns a
    :class:`~hazelcast.future.Future` of its result; :meth:`blocking` returns a
    version of this proxy whose methods wait and return the result instead.

    Example:
        >>> my_map = client.get_map("my-map").blocking()
        >>> my_map.put("key", "value")
        >>> my_map.get("key")
        'value'

    Keys and values are stored in serialized form: keys compare by their
    serialized bytes, not by ``__eq__``/``__hash__``. ``None`` is not allowed as
    a key or a value.
    """

    # The response decoders, set per instance from the client's shared table.
    _get_handler: _Handler
    _put_handler: _Handler
    _put_max_idle_handler: _Handler
    _put_if_absent_handler: _Handler
    _put_if_absent_max_idle_handler: _Handler
    _remove_handler: _Handler
    _replace_handler: _Handler
    _key_set_handler: _Handler
    _values_handler: _Handler
    _entry_set_handler: _Handler
    _get_all_handler: _Handler
    _execute_on_key_handler: _Handler
    _execute_on_keys_handler: _Handler
    _execute_on_all_keys_handler: _Handler
    _key_set_with_predicate_handler: _Handler
    _values_with_predicate_handler: _Handler
    _entry_set_with_predicate_handler: _Handler
    _execute_with_predicate_handler: _Handler
    _aggregate_handler: _Handler
    _aggregate_with_predicate_handler: _Handler
    _project_handler: _Handler
    _project_with_predicate_handler: _Handler

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        # The response decoders depend only on the client's serializer: built once
        # per client and shared by its map proxies.
        handlers = context._map_response_handlers
        if handlers is None or handlers.to_object is not self._to_object:
            handlers = _ResponseHandlers(self._to_object, self._context.serialization_service.is_big_endian)
            context._map_response_handlers = handlers
        self.__dict__.update(handlers.by_attribute)

    # Sends a request that changes the entry of one key: here as any request on the
    # key; a Map with a Near Cache also drops its copy of the key (MapFeatNearCache).
    _invoke_key_write = Proxy._invoke_on_key

    # -- single-key operations -------------------------------------------------

    @schema_aware
    def get(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        """Returns the value for the specified key, or ``None`` if this map does
        not contain the key.

        Args:
            key: The specified key.

        Returns:
            The value for the key, or ``None``.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_get_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, self._get_handler)

    @schema_aware
    def put(
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> Future[typing.Optional[ValueType]]:
        """Associates the specified value with the specified key in this map.

        If the map previously contained a mapping for the key, the old value is
        replaced by the specified value.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Returns:
            The previous value for the key, or ``None`` if there was none.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        to_data = self._to_data
        key_data = to_data(key)
        value_data = to_data(value)
        if max_idle is None:
            request = map_put_codec.encode_request(
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl, "ttl")
            )
            return self._invoke_key_write(request, key_data, self._put_handler)
        request = map_put_with_max_idle_codec.encode_request(
            self.name, key_data, value_data, self._caller_id(), _to_millis(ttl, "ttl"), _to_millis(max_idle, "max_idle")
        )
        return self._invoke_key_write(request, key_data, self._put_max_idle_handler)

    @schema_aware
    def set(
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> Future[None]:
        """Puts an entry into this map, without returning the old value.

        Cheaper than :meth:`put` when the old value is not needed.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        to_data = self._to_data
        key_data = to_data(key)
        value_data = to_data(value)
        if max_idle is None:
            request = map_set_codec.encode_request(
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl, "ttl")
            )
        else:
            request = map_set_with_max_idle_codec.encode_request(
                self.name,
                key_data,
                value_data,
                self._caller_id(),
                _to_millis(ttl, "ttl"),
                _to_millis(max_idle, "max_idle"),
            )
        return self._invoke_key_write(request, key_data)

    @schema_aware
    def put_if_absent(
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> Future[typing.Optional[ValueType]]:
        """Associates the key with the value only if the key is not already
        associated with a value.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Returns:
            The current value for the key if there is one (nothing is put), or
            ``None`` if the value was put.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        to_data = self._to_data
        key_data = to_data(key)
        value_data = to_data(value)
        if max_idle is None:
            request = map_put_if_absent_codec.encode_request(
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl, "ttl")
            )
            return self._invoke_key_write(request, key_data, self._put_if_absent_handler)
        request = map_put_if_absent_with_max_idle_codec.encode_request(
            self.name, key_data, value_data, self._caller_id(), _to_millis(ttl, "ttl"), _to_millis(max_idle, "max_idle")
        )
        return self._invoke_key_write(request, key_data, self._put_if_absent_max_idle_handler)

    @schema_aware
    def put_transient(
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> Future[None]:
        """Same as :meth:`set`, but the entry is not written to a configured
        MapStore.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        value_data = self._to_data(value)
        if max_idle is None:
            request = map_put_transient_codec.encode_request(
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl, "ttl")
            )
        else:
            request = map_put_transient_with_max_idle_codec.encode_request(
                self.name,
                key_data,
                value_data,
                self._caller_id(),
                _to_millis(ttl, "ttl"),
                _to_millis(max_idle, "max_idle"),
            )
        return self._invoke_key_write(request, key_data)

    @schema_aware
    def remove(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        """Removes the mapping for the key from this map if it is present.

        Args:
            key: The key of the mapping to be removed.

        Returns:
            The previous value for the key, or ``None`` if there was none.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_remove_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_key_write(request, key_data, self._remove_handler)

    @schema_aware
    def delete(self, key: KeyType) -> Future[None]:
        """Removes the mapping for the key from this map if it is present.

        Unlike :meth:`remove`, the removed value is not sent back, which saves
        its serialization cost.

        Args:
            key: The key of the mapping to be deleted.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_delete_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_key_write(request, key_data)

    @schema_aware
    def remove_if_same(self, key: KeyType, value: ValueType) -> Future[bool]:
        """Removes the entry for the key only if it is currently mapped to the
        given value.

        Args:
            key: The specified key.
            value: The value the key must be mapped to.

        Returns:
            ``True`` if the entry was removed, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        value_data = self._to_data(value)
        request = map_remove_if_same_codec.encode_request(
            self.name, key_data, value_data, self._caller_id()
        )
        return self._invoke_key_write(request, key_data, map_remove_if_same_codec.decode_response)

    @schema_aware
    def replace(self, key: KeyType, value: ValueType) -> Future[typing.Optional[ValueType]]:
        """Replaces the entry for the key only if it is currently mapped to some
        value.

        Args:
            key: The specified key.
            value: The value to replace the previous value with.

        Returns:
            The previous value for the key, or ``None`` if there was none (and
            nothing was put).

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        value_data = self._to_data(value)
        request = map_replace_codec.encode_request(self.name, key_data, value_data, self._caller_id())
        return self._invoke_key_write(request, key_data, self._replace_handler)

    @schema_aware
    def replace_if_same(
        self, key: KeyType, old_value: ValueType, new_value: ValueType
    ) -> Future[bool]:
        """Replaces the entry for the key only if it is currently mapped to
        ``old_value``.

        Args:
            key: The specified key.
            old_value: The value the key must be mapped to.
            new_value: The value to put instead.

        Returns:
            ``True`` if the value was replaced, ``False`` otherwise.

        Raises:
            AssertionError: If ``key``, ``old_value`` or ``new_value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if old_value is None:
            raise AssertionError("old_value can't be None")
        if new_value is None:
            raise AssertionError("new_value can't be None")
        to_data = self._to_data
        key_data = to_data(key)
        request = map_replace_if_same_codec.encode_request(
            self.name, key_data, to_data(old_value), to_data(new_value), self._caller_id()
        )
        return self._invoke_key_write(request, key_data, map_replace_if_same_codec.decode_response)

    @schema_aware
    def contains_key(self, key: KeyType) -> Future[bool]:
        """Determines whether this map contains an entry with the key.

        Args:
            key: The specified key.

        Returns:
            ``True`` if this map contains an entry for the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_contains_key_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, map_contains_key_codec.decode_response)

    @schema_aware
    def set_ttl(self, key: KeyType, ttl: float) -> Future[None]:
        """Updates the time to live of an existing entry.

        The new ttl counts from now. Nothing happens if there is no entry for
        the key or it has already expired.

        Args:
            key: The key of the entry.
            ttl: Maximum time in seconds for the entry to stay in the map;
                ``0`` means infinite, a negative value means the value
                configured on the member side.

        Raises:
            AssertionError: If ``key`` or ``ttl`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if ttl is None:
            raise AssertionError("ttl can't be None")
        key_data = self._to_data(key)
        request = map_set_ttl_codec.encode_request(self.name, key_data, _to_millis(ttl, "ttl"))
        return self._invoke_key_write(request, key_data, map_set_ttl_codec.decode_response)

    @schema_aware
    def try_put(self, key: KeyType, value: ValueType, timeout: float = 0) -> Future[bool]:
        """Tries to put the entry, waiting up to ``timeout`` seconds if the key
        is locked by another thread.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            timeout: Maximum time in seconds to wait.

        Returns:
            ``True`` if the value was put, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        value_data = self._to_data(value)
        request = map_try_put_codec.encode_request(
            self.name, key_data, value_data, self._caller_id(), _to_millis(timeout, "timeout")
        )
        return self._invoke_key_write(request, key_data, map_try_put_codec.decode_response)

    @schema_aware
    def try_remove(self, key: KeyType, timeout: float = 0) -> Future[bool]:
        """Tries to remove the entry, waiting up to ``timeout`` seconds if the
        key is locked by another thread.

        Args:
            key: The key of the entry to remove.
            timeout: Maximum time in seconds to wait.

        Returns:
            ``True`` if the entry was removed, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_try_remove_codec.encode_request(
            self.name, key_data, self._caller_id(), _to_millis(timeout, "timeout")
        )
        return self._invoke_key_write(request, key_data, map_try_remove_codec.decode_response)

    @schema_aware
    def evict(self, key: KeyType) -> Future[bool]:
        """Evicts the entry of the key from this map (without writing it to a
        MapStore).

        Args:
            key: The key to evict.

        Returns:
            ``True`` if the key was evicted, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_evict_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_key_write(request, key_data, map_evict_codec.decode_response)

    @schema_aware
    def get_entry_view(self, key: KeyType) -> Future[typing.Optional["SimpleEntryView[KeyType, ValueType]"]]:
        """Returns a snapshot of the entry of the key, with its statistics.

        Args:
            key: The specified key.

        Returns:
            The entry view, or ``None`` if there is no entry for the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = map_get_entry_view_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, self._handle_entry_view)

    def _handle_entry_view(self, message: typing.Any) -> typing.Any:
        response = map_get_entry_view_codec.decode_response(message)
        entry_view = response["response"]
        if entry_view is None:
            return None
        entry_view.key = self._to_object(entry_view.key)
        entry_view.value = self._to_object(entry_view.value)
        return entry_view

    # -- whole-map operations ---------------------------------------------------

    @schema_aware
    def contains_value(self, value: ValueType) -> Future[bool]:
        """Determines whether this map contains one or more keys mapped to the
        value.

        Args:
            value: The specified value.

        Returns:
            ``True`` if this map contains an entry for the value.

        Raises:
            AssertionError: If ``value`` is ``None``.
        """
        if value is None:
            raise AssertionError(_VALUE_NONE)
        request = map_contains_value_codec.encode_request(self.name, self._to_data(value))
        return self._invoke(request, map_contains_value_codec.decode_response)

    def size(self) -> Future[int]:
        """Returns the number of entries in this map.

        Returns:
            The number of entries.
        """
        request = map_size_codec.encode_request(self.name)
        return self._invoke(request, map_size_codec.decode_response)

    def is_empty(self) -> Future[bool]:
        """Returns whether this map contains no entries.

        Returns:
            ``True`` if this map contains no entries.
        """
        request = map_is_empty_codec.encode_request(self.name)
        return self._invoke(request, map_is_empty_codec.decode_response)

    def clear(self) -> Future[None]:
        """Removes all entries of this map.

        The ``CLEAR_ALL`` event is fired for registered listeners.
        """
        request = map_clear_codec.encode_request(self.name)
        return self._invoke(request)

    def evict_all(self) -> Future[None]:
        """Evicts all keys from this map except the locked ones.

        The ``EVICT_ALL`` event is fired for registered listeners.
        """
        request = map_evict_all_codec.encode_request(self.name)
        return self._invoke(request)

    def flush(self) -> Future[None]:
        """Writes the dirty entries of a write-behind MapStore to the store."""
        request = map_flush_codec.encode_request(self.name)
        return self._invoke(request)

    @schema_aware
    def load_all(
        self,
        keys: typing.Optional[typing.Sequence[KeyType]] = None,
        replace_existing_values: bool = True,
    ) -> Future[None]:
        """Loads the given keys (or all keys) from the configured MapLoader.

        Args:
            keys: Keys to load; all keys if not given.
            replace_existing_values: Whether loaded values replace the values
                already in the map.
        """
        if keys:
            key_data_list = [self._to_data(key) for key in keys]
            request = map_load_given_keys_codec.encode_request(
                self.name, key_data_list, replace_existing_values
            )
        else:
            request = map_load_all_codec.encode_request(self.name, replace_existing_values)
        return self._invoke(request)

    @schema_aware
    def key_set(self, predicate: typing.Optional[Predicate] = None) -> Future[typing.List[KeyType]]:
        """Returns a list of the keys of this map, or of the entries a
        predicate selects.

        The list is a copy: later changes of the map do not show in it.

        With a :func:`~hazelcast.predicate.paging` predicate, the keys of its
        current page are returned, in the predicate's order, and the predicate
        remembers where the page ended (see
        :class:`~hazelcast.predicate.PagingPredicate`).

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The keys.
        """
        if predicate is None:
            request = map_key_set_codec.encode_request(self.name)
            return self._invoke(request, self._key_set_handler)
        if isinstance(predicate, _PagingPredicate):
            return self._query_page(predicate, IterationType.KEY, map_key_set_with_paging_predicate_codec, _objects)
        request = map_key_set_with_predicate_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request, self._key_set_with_predicate_handler)

    @schema_aware
    def values(self, predicate: typing.Optional[Predicate] = None) -> Future[typing.List[ValueType]]:
        """Returns a list of the values of this map, or of the entries a
        predicate selects.

        The list is a copy: later changes of the map do not show in it.

        With a :func:`~hazelcast.predicate.paging` predicate, the values of its
        current page are returned, in the predicate's order.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The values.
        """
        if predicate is None:
            request = map_values_codec.encode_request(self.name)
            return self._invoke(request, self._values_handler)
        if isinstance(predicate, _PagingPredicate):
            return self._query_page(predicate, IterationType.VALUE, map_values_with_paging_predicate_codec, _objects)
        request = map_values_with_predicate_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request, self._values_with_predicate_handler)

    @schema_aware
    def entry_set(
        self, predicate: typing.Optional[Predicate] = None
    ) -> Future[typing.List[typing.Tuple[KeyType, ValueType]]]:
        """Returns a list of the ``(key, value)`` pairs of this map, or of the
        entries a predicate selects.

        The list is a copy: later changes of the map do not show in it.

        With a :func:`~hazelcast.predicate.paging` predicate, the entries of its
        current page are returned, in the predicate's order.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The entries as ``(key, value)`` tuples.
        """
        if predicate is None:
            request = map_entry_set_codec.encode_request(self.name)
            return self._invoke(request, self._entry_set_handler)
        if isinstance(predicate, _PagingPredicate):
            return self._query_page(
                predicate, IterationType.ENTRY, map_entries_with_paging_predicate_codec, _entry_objects
            )
        request = map_entries_with_predicate_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request, self._entry_set_with_predicate_handler)

    def _query_page(
        self,
        predicate: _PagingPredicate,
        iteration_type: int,
        codec: typing.Any,
        read_items: typing.Callable[[list, typing.Callable], list],
    ) -> Future[typing.Any]:
        # The member needs the anchors (last entry of each page seen so far) to
        # find the requested page; it sends back the updated anchors, which the
        # predicate keeps for its next page. They are set in the response
        # handler, so the predicate is up to date when the future completes.
        predicate.iteration_type = iteration_type
        to_data = self._to_data
        anchors = predicate.anchor_list
        holder = PagingPredicateHolder(
            AnchorDataListHolder(
                [page for page, _ in anchors],
                [(to_data(key), to_data(value)) for _, (key, value) in anchors],
            ),
            to_data(predicate._internal_predicate),
            to_data(predicate.comparator),
            predicate.page_size,
            predicate.page,
            iteration_type,
            None,
        )
        to_object = self._to_object
        decode = codec.decode_response

        def handler(message: typing.Any) -> list:
            response = decode(message)
            anchor_holder = response["anchor_data_list"]
            predicate.anchor_list = [
                (page, (to_object(key), to_object(value)))
                for page, (key, value) in zip(anchor_holder.anchor_page_list, anchor_holder.anchor_data_list)
            ]
            return read_items(response["response"], to_object)

        return self._invoke(codec.encode_request(self.name, holder), handler)

    @schema_aware
    def put_all(self, map: typing.Dict[KeyType, ValueType]) -> Future[None]:
        """Copies all the mappings of the given dictionary into this map.

        One request goes to each partition owning some of the keys.

        Args:
            map: The mappings to put.

        Raises:
            AssertionError: If ``map``, or a key or value in it, is ``None``.
        """
        if map is None:
            raise AssertionError("map can't be None")
        if not map:
            return ImmediateFuture(None)
        to_data = self._to_data
        get_partition_id = self._get_partition_id
        partition_map: typing.Dict[int, list] = {}
        for key, value in map.items():
            if key is None:
                raise AssertionError(_KEY_NONE)
            if value is None:
                raise AssertionError(_VALUE_NONE)
            key_data = to_data(key)
            entry = (key_data, to_data(value))
            partition_id = get_partition_id(key_data)
            entries = partition_map.get(partition_id)
            if entries is None:
                partition_map[partition_id] = [entry]
            else:
                entries.append(entry)

        name = self.name
        invoke = self._invoke_on_partition
        futures = [
            invoke(map_put_all_codec.encode_request(name, entries, False), partition_id)
            for partition_id, entries in partition_map.items()
        ]
        return combine_futures(futures)._then(_return_none)

    @schema_aware
    def get_all(self, keys: typing.Sequence[KeyType]) -> Future[typing.Dict[KeyType, ValueType]]:
        """Returns the entries for the given keys.

        One request goes to each partition owning some of the keys. Keys
        without an entry are left out of the result.

        Args:
            keys: The keys to look up.

        Returns:
            A dictionary of the found keys and their values.

        Raises:
            AssertionError: If ``keys``, or a key in it, is ``None``.
        """
        if keys is None:
            raise AssertionError("keys can't be None")
        if not keys:
            return ImmediateFuture({})
        to_data = self._to_data
        get_partition_id = self._get_partition_id
        partition_to_keys: typing.Dict[int, list] = {}
        for key in keys:
            if key is None:
                raise AssertionError(_KEY_NONE)
            key_data = to_data(key)
            partition_id = get_partition_id(key_data)
            key_list = partition_to_keys.get(partition_id)
            if key_list is None:
                partition_to_keys[partition_id] = [key_data]
            else:
                key_list.append(key_data)

        name = self.name
        invoke = self._invoke_on_partition
        handler = self._get_all_handler
        futures = [
            invoke(map_get_all_codec.encode_request(name, key_list), partition_id, handler)
            for partition_id, key_list in partition_to_keys.items()
        ]
        return combine_futures(futures)._then(_merge_entry_lists)

    # -- entry processors ---------------------------------------------------------

    @schema_aware
    def execute_on_key(self, key: KeyType, entry_processor: typing.Any) -> Future[typing.Any]:
        """Applies the user defined ``EntryProcessor`` to the entry mapped by
        the key.

        The processor runs on the member owning the key, atomically with
        respect to other operations on that entry.

        Args:
            key: The key of the entry the processor is applied to.
            entry_processor: A serializable object (IdentifiedDataSerializable,
                Portable, Compact or with a custom serializer) whose Java
                counterpart, registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.

        Returns:
            The result of the processor for that entry.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        processor_data = self._to_data(entry_processor)
        request = map_execute_on_key_codec.encode_request(
            self.name, processor_data, key_data, self._caller_id()
        )
        return self._invoke_key_write(request, key_data, self._execute_on_key_handler)

    @schema_aware
    def execute_on_keys(
        self, keys: typing.Sequence[KeyType], entry_processor: typing.Any
    ) -> Future[typing.List[typing.Any]]:
        """Applies the user defined ``EntryProcessor`` to the entries mapped
        by the given keys.

        Args:
            keys: The keys of the entries the processor is applied to.
            entry_processor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.

        Returns:
            The ``(key, result)`` pairs, one per processed entry.

        Raises:
            AssertionError: If a key is ``None``.
        """
        key_data_list = []
        for key in keys:
            if key is None:
                raise AssertionError(_KEY_NONE)
            key_data_list.append(self._to_data(key))
        if not key_data_list:
            return ImmediateFuture([])
        processor_data = self._to_data(entry_processor)
        request = map_execute_on_keys_codec.encode_request(self.name, processor_data, key_data_list)
        return self._invoke(request, self._execute_on_keys_handler)

    @schema_aware
    def execute_on_entries(
        self, entry_processor: typing.Any, predicate: typing.Optional[Predicate] = None
    ) -> Future[typing.List[typing.Any]]:
        """Applies the user defined ``EntryProcessor`` to all the entries of
        this map, or to the entries a predicate selects.

        Args:
            entry_processor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.
            predicate: Predicate to select the entries with (optional).

        Returns:
            The ``(key, result)`` pairs, one per processed entry.
        """
        processor_data = self._to_data(entry_processor)
        if predicate is None:
            request = map_execute_on_all_keys_codec.encode_request(self.name, processor_data)
            return self._invoke(request, self._execute_on_all_keys_handler)
        request = map_execute_with_predicate_codec.encode_request(
            self.name, processor_data, self._to_data(predicate)
        )
        return self._invoke(request, self._execute_with_predicate_handler)

    # -- not available yet ------------------------------------------------------

    def add_entry_listener(
        self,
        include_value: bool = False,
        key: typing.Optional[KeyType] = None,
        predicate: typing.Any = None,
        added_func: typing.Optional[EntryEventCallable] = None,
        removed_func: typing.Optional[EntryEventCallable] = None,
        updated_func: typing.Optional[EntryEventCallable] = None,
        evicted_func: typing.Optional[EntryEventCallable] = None,
        evict_all_func: typing.Optional[EntryEventCallable] = None,
        clear_all_func: typing.Optional[EntryEventCallable] = None,
        merged_func: typing.Optional[EntryEventCallable] = None,
        expired_func: typing.Optional[EntryEventCallable] = None,
        loaded_func: typing.Optional[EntryEventCallable] = None,
    ) -> Future[str]:
        """Adds a continuous entry listener for this map.

        The listener stays registered until it is removed: on the members that
        join later and on the cluster the client reconnects to. Each callback is
        called with an :class:`~hazelcast.proxy.base.EntryEvent`, on the client's
        event thread (the event loop for the asyncio client); the events of one
        key come in the order the member applied them.

        Args:
            include_value: Whether the events carry the values (``value``,
                ``old_value``, ``merging_value``); if ``False`` they are ``None``.
            key: Only the events of this key are delivered (optional).
            predicate: Only the events of the entries matching this predicate
                are delivered (optional).
            added_func: Called when an entry is added.
            removed_func: Called when an entry is removed.
            updated_func: Called when an entry is updated.
            evicted_func: Called when an entry is evicted.
            evict_all_func: Called when all entries are evicted (``evict_all``).
            clear_all_func: Called when all entries are cleared (``clear``).
            merged_func: Called when an entry is merged after a split-brain
                (or a WAN replicated entry is merged).
            expired_func: Called when an entry expires (time to live or max
                idle reached).
            loaded_func: Called when an entry is loaded from a MapLoader.

        Returns:
            The registration id, to pass to :meth:`remove_entry_listener`.
        """
        return self._add_entry_listener(
            include_value,
            key,
            predicate,
            {
                EntryEventType.ADDED: added_func,
                EntryEventType.REMOVED: removed_func,
                EntryEventType.UPDATED: updated_func,
                EntryEventType.EVICTED: evicted_func,
                EntryEventType.EVICT_ALL: evict_all_func,
                EntryEventType.CLEAR_ALL: clear_all_func,
                EntryEventType.MERGED: merged_func,
                EntryEventType.EXPIRED: expired_func,
                EntryEventType.LOADED: loaded_func,
            },
        )

    @schema_aware
    def _add_entry_listener(
        self,
        include_value: bool,
        key: typing.Any,
        predicate: typing.Any,
        callbacks: typing.Dict[int, typing.Optional[EntryEventCallable]],
    ) -> Future[str]:
        flags = 0
        for event_type, func in callbacks.items():
            if func is not None:
                flags |= event_type
        # A smart client registers on every member, each sending its own events only.
        local_only = self._context.config.smart_routing
        name = self.name
        codec: typing.Any
        if key is not None and predicate is not None:
            codec = map_add_entry_listener_to_key_with_predicate_codec
            request = codec.encode_request(
                name, self._to_data(key), self._to_data(predicate), include_value, flags, local_only
            )
        elif key is not None:
            codec = map_add_entry_listener_to_key_codec
            request = codec.encode_request(name, self._to_data(key), include_value, flags, local_only)
        elif predicate is not None:
            codec = map_add_entry_listener_with_predicate_codec
            request = codec.encode_request(name, self._to_data(predicate), include_value, flags, local_only)
        else:
            codec = map_add_entry_listener_codec
            request = codec.encode_request(name, include_value, flags, local_only)

        return register_entry_listener(self, request, codec, map_remove_entry_listener_codec, callbacks)

    def remove_entry_listener(self, registration_id: str) -> Future[bool]:
        """Removes the entry listener of the registration id: no more events
        reach it once the returned Future is done.

        Args:
            registration_id: The id :meth:`add_entry_listener` gave.

        Returns:
            ``True`` if the listener was registered and is removed, ``False``
            otherwise.
        """
        return self._context.listener_service.deregister_listener(registration_id)

    def add_index(
        self,
        attributes: typing.Optional[typing.Sequence[str]] = None,
        index_type: typing.Union[int, str] = 0,  # IndexType.SORTED
        name: typing.Optional[str] = None,
        bitmap_index_options: typing.Optional[typing.Dict[str, typing.Any]] = None,
    ) -> Future[None]:
        """Adds an index on attributes of the values (or keys) of this map, so
        that queries on them run faster.

        Every member indexes its entries, in parallel per partition, without
        blocking the map; queries scan the entries until the index is built.
        Adding an index that already exists does nothing.

        Example:
            >>> people = client.get_map("people").blocking()
            >>> people.add_index(attributes=["age"])  # SORTED: equality and ranges
            >>> people.add_index(attributes=["city"], index_type=IndexType.HASH)
            >>> people.add_index(attributes=["active"], index_type=IndexType.BITMAP)

        Args:
            attributes: The indexed attributes (several make a composite index).
            index_type: ``SORTED`` (the default), ``HASH`` or ``BITMAP``; see
                :class:`~hazelcast.config.IndexType`.
            name: Name of the index; by default made of the map name, the type
                and the attributes.
            bitmap_index_options: Options of a ``BITMAP`` index:

                - **unique_key** (str): The attribute whose values identify the
                  entries; by default the key (``QueryConstants.KEY_ATTRIBUTE_NAME``).
                - **unique_key_transformation** (int|str): How those values
                  become bitmap ids; by default ``OBJECT``; see
                  :class:`~hazelcast.config.UniqueKeyTransformation`.

        Raises:
            ValueError: If no attribute is given, one is empty, repeated, or a
                ``BITMAP`` index has several.
            InvalidConfigurationError: If ``bitmap_index_options`` holds an
                unknown option.
        """
        config = IndexConfig.from_dict(
            {
                "name": name,
                "type": index_type,
                "attributes": list(attributes) if attributes is not None else None,
                "bitmap_index_options": bitmap_index_options,
            }
        )
        index = IndexUtil.validate_and_normalize(self.name, config)
        options = index.bitmap_index_options
        request = map_add_index_codec.encode_request(
            self.name,
            _IndexConfigHolder(
                index.name,
                index.type,
                index.attributes,
                _BitmapIndexOptionsHolder(options.unique_key, options.unique_key_transformation),
                _DEFAULT_B_TREE_INDEX_CONFIG,
            ),
        )
        return self._invoke(request)

    @schema_aware
    def add_interceptor(self, interceptor: typing.Any) -> Future[str]:
        """Adds an interceptor to this map: the members call it around the
        map's operations (``get``, ``put``, ``remove``), and it may change
        what they store or return.

        Args:
            interceptor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.MapInterceptor``.

        Returns:
            The registration id of the interceptor, for :meth:`remove_interceptor`.
        """
        request = map_add_interceptor_codec.encode_request(self.name, self._to_data(interceptor))
        return self._invoke(request, map_add_interceptor_codec.decode_response)

    def remove_interceptor(self, registration_id: str) -> Future[bool]:
        """Removes an interceptor of this map.

        Args:
            registration_id: The id :meth:`add_interceptor` returned.

        Returns:
            ``True`` if the interceptor was removed, ``False`` if there was none
            with that id.

        Raises:
            AssertionError: If ``registration_id`` is ``None``.
        """
        if registration_id is None:
            raise AssertionError("Interceptor registration id should not be None")
        request = map_remove_interceptor_codec.encode_request(self.name, registration_id)
        return self._invoke(request, map_remove_interceptor_codec.decode_response)

    @schema_aware
    def aggregate(
        self, aggregator: Aggregator[typing.Any], predicate: typing.Optional[Predicate] = None
    ) -> Future[typing.Any]:
        """Computes an aggregation over the entries of this map, or over the
        entries a predicate selects; the members compute it, only the result
        travels.

        Example:
            >>> from hazelcast.aggregator import int_avg
            >>> from hazelcast.predicate import greater
            >>> people.aggregate(int_avg("age"), greater("age", 18))

        Args:
            aggregator: The aggregator (see :mod:`hazelcast.aggregator`).
            predicate: Predicate to select the entries with (optional).

        Returns:
            The result of the aggregation.

        Raises:
            AssertionError: If ``aggregator`` is ``None`` or ``predicate`` is a
                paging predicate.
        """
        if aggregator is None:
            raise AssertionError("aggregator can't be None")
        aggregator_data = self._to_data(aggregator)
        if predicate is None:
            request = map_aggregate_codec.encode_request(self.name, aggregator_data)
            return self._invoke(request, self._aggregate_handler)
        if isinstance(predicate, PagingPredicate):
            raise AssertionError("a paging predicate cannot select the entries of an aggregation")
        request = map_aggregate_with_predicate_codec.encode_request(
            self.name, aggregator_data, self._to_data(predicate)
        )
        return self._invoke(request, self._aggregate_with_predicate_handler)

    @schema_aware
    def project(
        self, projection: Projection[ProjectionType], predicate: typing.Optional[Predicate] = None
    ) -> Future[typing.List[ProjectionType]]:
        """Applies a projection to each entry of this map, or to each entry a
        predicate selects; the members compute it, only the projected values
        travel.

        Example:
            >>> from hazelcast.projection import single_attribute
            >>> people.project(single_attribute("name"))

        Args:
            projection: The projection (see :mod:`hazelcast.projection`).
            predicate: Predicate to select the entries with (optional).

        Returns:
            The projected values, one per entry, in no particular order.

        Raises:
            AssertionError: If ``projection`` is ``None`` or ``predicate`` is a
                paging predicate.
        """
        if projection is None:
            raise AssertionError("Projection can't be None")
        projection_data = self._to_data(projection)
        if predicate is None:
            request = map_project_codec.encode_request(self.name, projection_data)
            return self._invoke(request, self._project_handler)
        if isinstance(predicate, PagingPredicate):
            raise AssertionError("a paging predicate cannot select the entries of a projection")
        request = map_project_with_predicate_codec.encode_request(
            self.name, projection_data, self._to_data(predicate)
        )
        return self._invoke(request, self._project_with_predicate_handler)

    @schema_aware
    def remove_all(self, predicate: Predicate) -> Future[None]:
        """Removes the entries a predicate selects.

        Args:
            predicate: Predicate to select the entries to remove.

        Raises:
            AssertionError: If ``predicate`` is ``None``.
        """
        if predicate is None:
            raise AssertionError("predicate can't be None")
        request = map_remove_all_codec.encode_request(self.name, self._to_data(predicate))
        return self._invoke(request)

    def lock(self, key: KeyType, lease_time: typing.Optional[float] = None) -> Future[None]:
        """Acquires the lock for the key, for ever or for the lease time.

        The caller (the calling thread; for the asyncio client the task, or the
        lock context it runs in) waits until the lock is free, however long
        that takes: the request waits on the member, not in the client, and is
        not bound by the invocation timeout. The lock exists whether the map
        holds the key or not; while it is held, other callers' writes of the
        key wait for it.

        The lock is reentrant: locked N times, it must be unlocked N times. It
        belongs to this map and key only, and it survives the loss of the
        member owning the key (its backup takes over).

        Warning:
            Keys are compared by their serialized form, not by ``__eq__``.

        Args:
            key: The key to lock.
            lease_time: Seconds after which the lock is released on its own;
                ``None`` keeps it until it is unlocked.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.lock(self, _LOCK_CODECS, key, lease_time, _NO_TIMEOUT)

    def try_lock(
        self, key: KeyType, lease_time: typing.Optional[float] = None, timeout: float = 0
    ) -> Future[bool]:
        """Tries to acquire the lock for the key.

        Without a timeout it returns at once; with one, the caller waits up to
        ``timeout`` seconds for the lock to be free (on the member, as
        :meth:`lock` does, whatever the invocation timeout).

        Args:
            key: The key to lock.
            lease_time: Seconds after which the lock is released on its own;
                ``None`` keeps it until it is unlocked.
            timeout: Seconds to wait for the lock.

        Returns:
            ``True`` if the lock was acquired, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.try_lock(self, _LOCK_CODECS, key, lease_time, timeout, _NO_TIMEOUT)

    def unlock(self, key: KeyType) -> Future[None]:
        """Releases the lock for the key, once (see :meth:`lock`: locks are
        reentrant).

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
            IllegalMonitorStateError: If the caller does not hold the lock.
        """
        return _key_lock.unlock(self, _LOCK_CODECS, key)

    def force_unlock(self, key: KeyType) -> Future[None]:
        """Releases the lock for the key whoever holds it, however many times
        it was locked.

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.force_unlock(self, _LOCK_CODECS, key)

    def is_locked(self, key: KeyType) -> Future[bool]:
        """Checks whether the key is locked, by any caller.

        Args:
            key: The key to check.

        Returns:
            ``True`` if the lock of the key is held, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.is_locked(self, _LOCK_CODECS, key)

    def blocking(self) -> "BlockingMap[KeyType, ValueType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingMap(self)


# -- the Map with a Near Cache -------------------------------------------------------

_nc_logger = logging.getLogger(__name__)


class _KeyWriteInvocation(Invocation):
    """A write of one key of a Map with a Near Cache: the key's copy is dropped as
    the invocation completes, before any waiter or callback sees the outcome."""

    __slots__ = ("near_cache", "key_data")
    near_cache: NearCache
    key_data: typing.Any

    def set_result(self, result: typing.Any) -> None:
        self.near_cache.invalidate(self.key_data)
        Invocation.set_result(self, result)

    def set_exception(self, exception: BaseException, traceback: typing.Any = None) -> None:
        self.near_cache.invalidate(self.key_data)
        Invocation.set_exception(self, exception, traceback)


def _invalidate_keys_after(future: Future, near_cache: typing.Any, key_data_list: typing.List[typing.Any]) -> typing.Any:
    for key_data in key_data_list:
        near_cache.invalidate(key_data)
    return future.result()


def _clear_after(future: Future, near_cache: typing.Any) -> typing.Any:
    near_cache.clear()
    return future.result()


class MapFeatNearCache(Map[KeyType, ValueType]):
    """A :class:`Map` proxy with a Near Cache: the values it reads are kept on the
    client and later reads of their keys are served locally.

    Every change made through this proxy invalidates the local copy of the changed
    keys; changes made elsewhere reach it as invalidation events from the members
    (when ``invalidate_on_change`` is set, the default), and lost events are
    detected and repaired (see :mod:`hazelcast.internal.near_cache_repair`).
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        manager = context.near_cache_manager
        self._near_cache = manager.get_or_create_near_cache(name)
        self._invalidation_listener_id: typing.Optional[str] = None
        self._repairing_handler: typing.Any = None
        self._destroyed = False
        if self._near_cache.invalidate_on_change:
            # Nothing is cached until invalidations can reach the cache.
            self._near_cache.active = False
            self._repairing_handler = manager.repairing_task().register_handler(self._near_cache)
            self._add_near_cache_invalidation_listener()

    # -- reads served from the Near Cache --------------------------------------------

    @schema_aware
    def get(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        value = self._near_cache.get_value(key_data)
        if value is not _MISS:
            return ImmediateFuture(value)
        return self._get_and_cache(key_data)

    def _get_and_cache(self, key_data: typing.Any) -> Future[typing.Any]:
        near_cache = self._near_cache
        partition_id = self._get_partition_id(key_data)
        request = map_get_codec.encode_request(self.name, key_data, self._caller_id())
        reservation = near_cache.try_reserve(key_data, partition_id)
        if reservation is None:
            return self._invoke_on_partition(request, partition_id, self._get_handler)
        to_object = self._to_object
        decode = map_get_codec.decode_response

        def handler(message: typing.Any) -> typing.Any:
            value_data = decode(message)
            value = to_object(value_data)
            near_cache.publish(reservation, value_data, value)
            return value

        future = self._invoke_on_partition(request, partition_id, handler)
        future.add_done_callback(lambda _: near_cache.cancel(reservation))
        return future

    @schema_aware
    def contains_key(self, key: KeyType) -> Future[bool]:
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        if self._near_cache.get_value_silently(key_data) is not _MISS:
            return ImmediateFuture(True)
        request = map_contains_key_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, map_contains_key_codec.decode_response)

    @schema_aware
    def get_all(self, keys: typing.Sequence[KeyType]) -> Future[typing.Dict[KeyType, ValueType]]:
        if keys is None:
            raise AssertionError("keys can't be None")
        if not keys:
            return ImmediateFuture({})
        near_cache = self._near_cache
        to_data = self._to_data
        get_partition_id = self._get_partition_id
        found: typing.Dict[typing.Any, typing.Any] = {}
        partition_to_keys: typing.Dict[int, list] = {}
        for key in keys:
            if key is None:
                raise AssertionError(_KEY_NONE)
            key_data = to_data(key)
            value = near_cache.get_value(key_data)
            if value is not _MISS:
                found[key] = value
                continue
            partition_id = get_partition_id(key_data)
            key_list = partition_to_keys.get(partition_id)
            if key_list is None:
                partition_to_keys[partition_id] = [key_data]
            else:
                key_list.append(key_data)
        if not partition_to_keys:
            return ImmediateFuture(found)

        reservations: typing.Dict[typing.Any, typing.Any] = {}
        for partition_id, key_list in partition_to_keys.items():
            for key_data in key_list:
                reservation = near_cache.try_reserve(key_data, partition_id)
                if reservation is not None:
                    reservations[key_data] = reservation
        to_object = self._to_object
        decode = map_get_all_codec.decode_response

        def handler(message: typing.Any) -> list:
            entries = []
            for key_data, value_data in decode(message):
                value = to_object(value_data)
                reservation = reservations.get(key_data)
                if reservation is not None:
                    near_cache.publish(reservation, value_data, value)
                entries.append((to_object(key_data), value))
            return entries

        def merge(combined: Future) -> dict:
            for reservation in reservations.values():
                near_cache.cancel(reservation)
            result = dict(itertools.chain.from_iterable(combined.result()))
            result.update(found)
            return result

        name = self.name
        invoke = self._invoke_on_partition
        futures = [
            invoke(map_get_all_codec.encode_request(name, key_list), partition_id, handler)
            for partition_id, key_list in partition_to_keys.items()
        ]
        return combine_futures(futures)._then(merge)

    # -- changes: the local copy of a changed key is dropped ---------------------------

    def _invoke_key_write(
        self,
        request: typing.Any,
        key_data: typing.Any,
        response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler,
    ) -> Future[typing.Any]:
        # Every write of one key (put, set, remove, replace, evict, execute_on_key...)
        # drops the key's copy when it is sent and again when its outcome is known,
        # before the caller sees it: a read after the write never finds the value
        # cached before it, nor one fetched while the write was in flight.
        near_cache = self._near_cache
        near_cache.invalidate(key_data)
        invocation = _KeyWriteInvocation(
            request,
            partition_id=self._get_partition_id(key_data),
            response_handler=response_handler,
        )
        invocation.near_cache = near_cache
        invocation.key_data = key_data
        self._invoke_invocation(invocation)
        return invocation

    def _all_changed(self, call: typing.Callable[[], Future]) -> Future:
        near_cache = self._near_cache
        near_cache.clear()
        return call()._then(_clear_after, near_cache)

    @schema_aware
    def put_all(self, map: typing.Dict[KeyType, ValueType]) -> Future[None]:
        if not map:
            return super().put_all(map)
        key_data_list = [self._to_data(key) for key in map if key is not None]
        near_cache = self._near_cache
        for key_data in key_data_list:
            near_cache.invalidate(key_data)
        return super().put_all(map)._then(_invalidate_keys_after, near_cache, key_data_list)

    @schema_aware
    def execute_on_keys(
        self, keys: typing.Sequence[KeyType], entry_processor: typing.Any
    ) -> Future[typing.List[typing.Any]]:
        keys = list(keys)  # read twice
        key_data_list = [self._to_data(key) for key in keys if key is not None]
        near_cache = self._near_cache
        for key_data in key_data_list:
            near_cache.invalidate(key_data)
        return super().execute_on_keys(keys, entry_processor)._then(_invalidate_keys_after, near_cache, key_data_list)

    def clear(self) -> Future[None]:
        return self._all_changed(lambda: super(MapFeatNearCache, self).clear())

    def evict_all(self) -> Future[None]:
        return self._all_changed(lambda: super(MapFeatNearCache, self).evict_all())

    def load_all(
        self,
        keys: typing.Optional[typing.Sequence[KeyType]] = None,
        replace_existing_values: bool = True,
    ) -> Future[None]:
        return self._all_changed(lambda: super(MapFeatNearCache, self).load_all(keys, replace_existing_values))

    def execute_on_entries(
        self, entry_processor: typing.Any, predicate: typing.Optional["Predicate"] = None
    ) -> Future[typing.List[typing.Any]]:
        return self._all_changed(lambda: super(MapFeatNearCache, self).execute_on_entries(entry_processor, predicate))

    def remove_all(self, predicate: "Predicate") -> Future[None]:
        return self._all_changed(lambda: super(MapFeatNearCache, self).remove_all(predicate))

    # -- invalidation listener ---------------------------------------------------------

    def _add_near_cache_invalidation_listener(self) -> None:
        codec = map_add_near_cache_invalidation_listener_codec
        name = self.name
        handler = self._repairing_handler
        handle_one = handler.handle
        handle_batch = handler.handle_batch
        request = codec.encode_request(name, EntryEventType.INVALIDATION, self._context.config.smart_routing)

        def handle(message: typing.Any) -> None:
            codec.handle(message, handle_one, handle_batch)

        future = self._context.listener_service.register_listener(
            request,
            codec.decode_response,
            lambda registration_id: map_remove_entry_listener_codec.encode_request(name, registration_id),
            handle,
        )
        future.add_done_callback(self._on_listener_registered)

    def _on_listener_registered(self, future: Future) -> None:
        if self._destroyed:
            if future.is_success():
                self._context.listener_service.deregister_listener(future.result())
            return
        if not future.is_success():
            # The map stays correct without its Near Cache; try again shortly.
            _nc_logger.warning(
                "Could not register the near cache invalidation listener of map %r: %s; retrying",
                self.name,
                future.exception(),
            )
            self._context.transport.call_later(1.0, self._retry_listener)
            return
        self._invalidation_listener_id = future.result()
        self._near_cache.active = True
        self._context.near_cache_manager.repairing_task().initialize([self._repairing_handler])

    def _retry_listener(self) -> None:
        if not self._destroyed and self._context.lifecycle_service.is_running():
            self._add_near_cache_invalidation_listener()

    def blocking(self) -> "BlockingMap[KeyType, ValueType]":
        """Returns a version of this proxy with only blocking method calls."""
        return _NearCacheBlockingMap(self)

    def _on_destroy(self) -> None:
        self._destroyed = True
        registration_id = self._invalidation_listener_id
        self._invalidation_listener_id = None
        if registration_id is not None:
            self._context.listener_service.deregister_listener(registration_id)
        self._context.near_cache_manager.destroy_near_cache(self.name)
        super()._on_destroy()


def create_map_proxy(service_name: str, name: str, context: "ClientContext") -> "Map[typing.Any, typing.Any]":
    """Creates the Map proxy for ``name``: a :class:`MapFeatNearCache` if a Near
    Cache is configured for it (by its exact name or a ``*`` pattern), else a
    :class:`Map`.

    Raises:
        InvalidConfigurationError: If two Near Cache patterns match the name
            equally well.
    """
    if context.config.near_caches and context.near_cache_manager.get_near_cache_config(name) is not None:
        return MapFeatNearCache(service_name, name, context)
    return Map(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingMap(Map[KeyType, ValueType]):
    """The blocking twin of :class:`Map`: each method waits for the result that
    :class:`Map` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`Map.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: Map[KeyType, ValueType]):  # pylint: disable=super-init-not-called
        # No Map.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def get(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        """Returns the value for the specified key, or ``None`` if this map does
        not contain the key.

        Args:
            key: The specified key.

        Returns:
            The value for the key, or ``None``.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.get(key).result()

    def put(  # type: ignore[override]
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> typing.Optional[ValueType]:
        """Associates the specified value with the specified key in this map.

        If the map previously contained a mapping for the key, the old value is
        replaced by the specified value.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Returns:
            The previous value for the key, or ``None`` if there was none.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.put(key, value, ttl, max_idle).result()

    def set(  # type: ignore[override]
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> None:
        """Puts an entry into this map, without returning the old value.

        Cheaper than :meth:`put` when the old value is not needed.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.set(key, value, ttl, max_idle).result()

    def put_if_absent(  # type: ignore[override]
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> typing.Optional[ValueType]:
        """Associates the key with the value only if the key is not already
        associated with a value.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Returns:
            The current value for the key if there is one (nothing is put), or
            ``None`` if the value was put.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.put_if_absent(key, value, ttl, max_idle).result()

    def put_transient(  # type: ignore[override]
        self,
        key: KeyType,
        value: ValueType,
        ttl: typing.Optional[float] = None,
        max_idle: typing.Optional[float] = None,
    ) -> None:
        """Same as :meth:`set`, but the entry is not written to a configured
        MapStore.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map. If
                not given, the value configured on the member side is used;
                ``0`` means infinite.
            max_idle: Maximum time in seconds for this entry to stay idle in the
                map. If not given, the value configured on the member side is
                used; ``0`` means infinite.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.put_transient(key, value, ttl, max_idle).result()

    def remove(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        """Removes the mapping for the key from this map if it is present.

        Args:
            key: The key of the mapping to be removed.

        Returns:
            The previous value for the key, or ``None`` if there was none.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.remove(key).result()

    def delete(self, key: KeyType) -> None:  # type: ignore[override]
        """Removes the mapping for the key from this map if it is present.

        Unlike :meth:`remove`, the removed value is not sent back, which saves
        its serialization cost.

        Args:
            key: The key of the mapping to be deleted.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.delete(key).result()

    def remove_if_same(self, key: KeyType, value: ValueType) -> bool:  # type: ignore[override]
        """Removes the entry for the key only if it is currently mapped to the
        given value.

        Args:
            key: The specified key.
            value: The value the key must be mapped to.

        Returns:
            ``True`` if the entry was removed, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.remove_if_same(key, value).result()

    def replace(  # type: ignore[override]
        self, key: KeyType, value: ValueType
    ) -> typing.Optional[ValueType]:
        """Replaces the entry for the key only if it is currently mapped to some
        value.

        Args:
            key: The specified key.
            value: The value to replace the previous value with.

        Returns:
            The previous value for the key, or ``None`` if there was none (and
            nothing was put).

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.replace(key, value).result()

    def replace_if_same(  # type: ignore[override]
        self, key: KeyType, old_value: ValueType, new_value: ValueType
    ) -> bool:
        """Replaces the entry for the key only if it is currently mapped to
        ``old_value``.

        Args:
            key: The specified key.
            old_value: The value the key must be mapped to.
            new_value: The value to put instead.

        Returns:
            ``True`` if the value was replaced, ``False`` otherwise.

        Raises:
            AssertionError: If ``key``, ``old_value`` or ``new_value`` is ``None``.
        """
        return self._wrapped.replace_if_same(key, old_value, new_value).result()

    def contains_key(self, key: KeyType) -> bool:  # type: ignore[override]
        """Determines whether this map contains an entry with the key.

        Args:
            key: The specified key.

        Returns:
            ``True`` if this map contains an entry for the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.contains_key(key).result()

    def set_ttl(self, key: KeyType, ttl: float) -> None:  # type: ignore[override]
        """Updates the time to live of an existing entry.

        The new ttl counts from now. Nothing happens if there is no entry for
        the key or it has already expired.

        Args:
            key: The key of the entry.
            ttl: Maximum time in seconds for the entry to stay in the map;
                ``0`` means infinite, a negative value means the value
                configured on the member side.

        Raises:
            AssertionError: If ``key`` or ``ttl`` is ``None``.
        """
        return self._wrapped.set_ttl(key, ttl).result()

    def try_put(  # type: ignore[override]
        self, key: KeyType, value: ValueType, timeout: float = 0
    ) -> bool:
        """Tries to put the entry, waiting up to ``timeout`` seconds if the key
        is locked by another thread.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            timeout: Maximum time in seconds to wait.

        Returns:
            ``True`` if the value was put, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.try_put(key, value, timeout).result()

    def try_remove(self, key: KeyType, timeout: float = 0) -> bool:  # type: ignore[override]
        """Tries to remove the entry, waiting up to ``timeout`` seconds if the
        key is locked by another thread.

        Args:
            key: The key of the entry to remove.
            timeout: Maximum time in seconds to wait.

        Returns:
            ``True`` if the entry was removed, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.try_remove(key, timeout).result()

    def evict(self, key: KeyType) -> bool:  # type: ignore[override]
        """Evicts the entry of the key from this map (without writing it to a
        MapStore).

        Args:
            key: The key to evict.

        Returns:
            ``True`` if the key was evicted, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.evict(key).result()

    def get_entry_view(  # type: ignore[override]
        self, key: KeyType
    ) -> typing.Optional["SimpleEntryView[KeyType, ValueType]"]:
        """Returns a snapshot of the entry of the key, with its statistics.

        Args:
            key: The specified key.

        Returns:
            The entry view, or ``None`` if there is no entry for the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.get_entry_view(key).result()

    def contains_value(self, value: ValueType) -> bool:  # type: ignore[override]
        """Determines whether this map contains one or more keys mapped to the
        value.

        Args:
            value: The specified value.

        Returns:
            ``True`` if this map contains an entry for the value.

        Raises:
            AssertionError: If ``value`` is ``None``.
        """
        return self._wrapped.contains_value(value).result()

    def size(self) -> int:  # type: ignore[override]
        """Returns the number of entries in this map.

        Returns:
            The number of entries.
        """
        return self._wrapped.size().result()

    def is_empty(self) -> bool:  # type: ignore[override]
        """Returns whether this map contains no entries.

        Returns:
            ``True`` if this map contains no entries.
        """
        return self._wrapped.is_empty().result()

    def clear(self) -> None:  # type: ignore[override]
        """Removes all entries of this map.

        The ``CLEAR_ALL`` event is fired for registered listeners.
        """
        return self._wrapped.clear().result()

    def evict_all(self) -> None:  # type: ignore[override]
        """Evicts all keys from this map except the locked ones.

        The ``EVICT_ALL`` event is fired for registered listeners.
        """
        return self._wrapped.evict_all().result()

    def flush(self) -> None:  # type: ignore[override]
        """Writes the dirty entries of a write-behind MapStore to the store."""
        return self._wrapped.flush().result()

    def load_all(  # type: ignore[override]
        self,
        keys: typing.Optional[typing.Sequence[KeyType]] = None,
        replace_existing_values: bool = True,
    ) -> None:
        """Loads the given keys (or all keys) from the configured MapLoader.

        Args:
            keys: Keys to load; all keys if not given.
            replace_existing_values: Whether loaded values replace the values
                already in the map.
        """
        return self._wrapped.load_all(keys, replace_existing_values).result()

    def key_set(  # type: ignore[override]
        self, predicate: typing.Optional[Predicate] = None
    ) -> typing.List[KeyType]:
        """Returns a list of the keys of this map, or of the entries a
        predicate selects.

        The list is a copy: later changes of the map do not show in it.

        With a :func:`~hazelcast.predicate.paging` predicate, the keys of its
        current page are returned, in the predicate's order, and the predicate
        remembers where the page ended (see
        :class:`~hazelcast.predicate.PagingPredicate`).

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The keys.
        """
        return self._wrapped.key_set(predicate).result()

    def values(  # type: ignore[override]
        self, predicate: typing.Optional[Predicate] = None
    ) -> typing.List[ValueType]:
        """Returns a list of the values of this map, or of the entries a
        predicate selects.

        The list is a copy: later changes of the map do not show in it.

        With a :func:`~hazelcast.predicate.paging` predicate, the values of its
        current page are returned, in the predicate's order.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The values.
        """
        return self._wrapped.values(predicate).result()

    def entry_set(  # type: ignore[override]
        self, predicate: typing.Optional[Predicate] = None
    ) -> typing.List[typing.Tuple[KeyType, ValueType]]:
        """Returns a list of the ``(key, value)`` pairs of this map, or of the
        entries a predicate selects.

        The list is a copy: later changes of the map do not show in it.

        With a :func:`~hazelcast.predicate.paging` predicate, the entries of its
        current page are returned, in the predicate's order.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The entries as ``(key, value)`` tuples.
        """
        return self._wrapped.entry_set(predicate).result()

    def put_all(self, map: typing.Dict[KeyType, ValueType]) -> None:  # type: ignore[override]
        """Copies all the mappings of the given dictionary into this map.

        One request goes to each partition owning some of the keys.

        Args:
            map: The mappings to put.

        Raises:
            AssertionError: If ``map``, or a key or value in it, is ``None``.
        """
        return self._wrapped.put_all(map).result()

    def get_all(  # type: ignore[override]
        self, keys: typing.Sequence[KeyType]
    ) -> typing.Dict[KeyType, ValueType]:
        """Returns the entries for the given keys.

        One request goes to each partition owning some of the keys. Keys
        without an entry are left out of the result.

        Args:
            keys: The keys to look up.

        Returns:
            A dictionary of the found keys and their values.

        Raises:
            AssertionError: If ``keys``, or a key in it, is ``None``.
        """
        return self._wrapped.get_all(keys).result()

    def execute_on_key(self, key: KeyType, entry_processor: typing.Any) -> typing.Any:
        """Applies the user defined ``EntryProcessor`` to the entry mapped by
        the key.

        The processor runs on the member owning the key, atomically with
        respect to other operations on that entry.

        Args:
            key: The key of the entry the processor is applied to.
            entry_processor: A serializable object (IdentifiedDataSerializable,
                Portable, Compact or with a custom serializer) whose Java
                counterpart, registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.

        Returns:
            The result of the processor for that entry.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.execute_on_key(key, entry_processor).result()

    def execute_on_keys(  # type: ignore[override]
        self, keys: typing.Sequence[KeyType], entry_processor: typing.Any
    ) -> typing.List[typing.Any]:
        """Applies the user defined ``EntryProcessor`` to the entries mapped
        by the given keys.

        Args:
            keys: The keys of the entries the processor is applied to.
            entry_processor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.

        Returns:
            The ``(key, result)`` pairs, one per processed entry.

        Raises:
            AssertionError: If a key is ``None``.
        """
        return self._wrapped.execute_on_keys(keys, entry_processor).result()

    def execute_on_entries(  # type: ignore[override]
        self, entry_processor: typing.Any, predicate: typing.Optional[Predicate] = None
    ) -> typing.List[typing.Any]:
        """Applies the user defined ``EntryProcessor`` to all the entries of
        this map, or to the entries a predicate selects.

        Args:
            entry_processor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.
            predicate: Predicate to select the entries with (optional).

        Returns:
            The ``(key, result)`` pairs, one per processed entry.
        """
        return self._wrapped.execute_on_entries(entry_processor, predicate).result()

    def add_entry_listener(  # type: ignore[override]
        self,
        include_value: bool = False,
        key: typing.Optional[KeyType] = None,
        predicate: typing.Any = None,
        added_func: typing.Optional[EntryEventCallable] = None,
        removed_func: typing.Optional[EntryEventCallable] = None,
        updated_func: typing.Optional[EntryEventCallable] = None,
        evicted_func: typing.Optional[EntryEventCallable] = None,
        evict_all_func: typing.Optional[EntryEventCallable] = None,
        clear_all_func: typing.Optional[EntryEventCallable] = None,
        merged_func: typing.Optional[EntryEventCallable] = None,
        expired_func: typing.Optional[EntryEventCallable] = None,
        loaded_func: typing.Optional[EntryEventCallable] = None,
    ) -> str:
        """Adds a continuous entry listener for this map.

        The listener stays registered until it is removed: on the members that
        join later and on the cluster the client reconnects to. Each callback is
        called with an :class:`~hazelcast.proxy.base.EntryEvent`, on the client's
        event thread (the event loop for the asyncio client); the events of one
        key come in the order the member applied them.

        Args:
            include_value: Whether the events carry the values (``value``,
                ``old_value``, ``merging_value``); if ``False`` they are ``None``.
            key: Only the events of this key are delivered (optional).
            predicate: Only the events of the entries matching this predicate
                are delivered (optional).
            added_func: Called when an entry is added.
            removed_func: Called when an entry is removed.
            updated_func: Called when an entry is updated.
            evicted_func: Called when an entry is evicted.
            evict_all_func: Called when all entries are evicted (``evict_all``).
            clear_all_func: Called when all entries are cleared (``clear``).
            merged_func: Called when an entry is merged after a split-brain
                (or a WAN replicated entry is merged).
            expired_func: Called when an entry expires (time to live or max
                idle reached).
            loaded_func: Called when an entry is loaded from a MapLoader.

        Returns:
            The registration id, to pass to :meth:`remove_entry_listener`.
        """
        return self._wrapped.add_entry_listener(
            include_value,
            key,
            predicate,
            added_func,
            removed_func,
            updated_func,
            evicted_func,
            evict_all_func,
            clear_all_func,
            merged_func,
            expired_func,
            loaded_func,
        ).result()

    def remove_entry_listener(self, registration_id: str) -> bool:  # type: ignore[override]
        """Removes the entry listener of the registration id: no more events
        reach it once the returned Future is done.

        Args:
            registration_id: The id :meth:`add_entry_listener` gave.

        Returns:
            ``True`` if the listener was registered and is removed, ``False``
            otherwise.
        """
        return self._wrapped.remove_entry_listener(registration_id).result()

    def add_index(  # type: ignore[override]
        self,
        attributes: typing.Optional[typing.Sequence[str]] = None,
        index_type: typing.Union[int, str] = 0,
        name: typing.Optional[str] = None,
        bitmap_index_options: typing.Optional[typing.Dict[str, typing.Any]] = None,
    ) -> None:
        """Adds an index on attributes of the values (or keys) of this map, so
        that queries on them run faster.

        Every member indexes its entries, in parallel per partition, without
        blocking the map; queries scan the entries until the index is built.
        Adding an index that already exists does nothing.

        Example:
            >>> people = client.get_map("people").blocking()
            >>> people.add_index(attributes=["age"])  # SORTED: equality and ranges
            >>> people.add_index(attributes=["city"], index_type=IndexType.HASH)
            >>> people.add_index(attributes=["active"], index_type=IndexType.BITMAP)

        Args:
            attributes: The indexed attributes (several make a composite index).
            index_type: ``SORTED`` (the default), ``HASH`` or ``BITMAP``; see
                :class:`~hazelcast.config.IndexType`.
            name: Name of the index; by default made of the map name, the type
                and the attributes.
            bitmap_index_options: Options of a ``BITMAP`` index:

                - **unique_key** (str): The attribute whose values identify the
                  entries; by default the key (``QueryConstants.KEY_ATTRIBUTE_NAME``).
                - **unique_key_transformation** (int|str): How those values
                  become bitmap ids; by default ``OBJECT``; see
                  :class:`~hazelcast.config.UniqueKeyTransformation`.

        Raises:
            ValueError: If no attribute is given, one is empty, repeated, or a
                ``BITMAP`` index has several.
            InvalidConfigurationError: If ``bitmap_index_options`` holds an
                unknown option.
        """
        return self._wrapped.add_index(attributes, index_type, name, bitmap_index_options).result()

    def add_interceptor(self, interceptor: typing.Any) -> str:  # type: ignore[override]
        """Adds an interceptor to this map: the members call it around the
        map's operations (``get``, ``put``, ``remove``), and it may change
        what they store or return.

        Args:
            interceptor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.MapInterceptor``.

        Returns:
            The registration id of the interceptor, for :meth:`remove_interceptor`.
        """
        return self._wrapped.add_interceptor(interceptor).result()

    def remove_interceptor(self, registration_id: str) -> bool:  # type: ignore[override]
        """Removes an interceptor of this map.

        Args:
            registration_id: The id :meth:`add_interceptor` returned.

        Returns:
            ``True`` if the interceptor was removed, ``False`` if there was none
            with that id.

        Raises:
            AssertionError: If ``registration_id`` is ``None``.
        """
        return self._wrapped.remove_interceptor(registration_id).result()

    def aggregate(
        self, aggregator: Aggregator[typing.Any], predicate: typing.Optional[Predicate] = None
    ) -> typing.Any:
        """Computes an aggregation over the entries of this map, or over the
        entries a predicate selects; the members compute it, only the result
        travels.

        Example:
            >>> from hazelcast.aggregator import int_avg
            >>> from hazelcast.predicate import greater
            >>> people.aggregate(int_avg("age"), greater("age", 18))

        Args:
            aggregator: The aggregator (see :mod:`hazelcast.aggregator`).
            predicate: Predicate to select the entries with (optional).

        Returns:
            The result of the aggregation.

        Raises:
            AssertionError: If ``aggregator`` is ``None`` or ``predicate`` is a
                paging predicate.
        """
        return self._wrapped.aggregate(aggregator, predicate).result()

    def project(  # type: ignore[override]
        self, projection: Projection[ProjectionType], predicate: typing.Optional[Predicate] = None
    ) -> typing.List[ProjectionType]:
        """Applies a projection to each entry of this map, or to each entry a
        predicate selects; the members compute it, only the projected values
        travel.

        Example:
            >>> from hazelcast.projection import single_attribute
            >>> people.project(single_attribute("name"))

        Args:
            projection: The projection (see :mod:`hazelcast.projection`).
            predicate: Predicate to select the entries with (optional).

        Returns:
            The projected values, one per entry, in no particular order.

        Raises:
            AssertionError: If ``projection`` is ``None`` or ``predicate`` is a
                paging predicate.
        """
        return self._wrapped.project(projection, predicate).result()

    def remove_all(self, predicate: Predicate) -> None:  # type: ignore[override]
        """Removes the entries a predicate selects.

        Args:
            predicate: Predicate to select the entries to remove.

        Raises:
            AssertionError: If ``predicate`` is ``None``.
        """
        return self._wrapped.remove_all(predicate).result()

    def lock(  # type: ignore[override]
        self, key: KeyType, lease_time: typing.Optional[float] = None
    ) -> None:
        """Acquires the lock for the key, for ever or for the lease time.

        The caller (the calling thread; for the asyncio client the task, or the
        lock context it runs in) waits until the lock is free, however long
        that takes: the request waits on the member, not in the client, and is
        not bound by the invocation timeout. The lock exists whether the map
        holds the key or not; while it is held, other callers' writes of the
        key wait for it.

        The lock is reentrant: locked N times, it must be unlocked N times. It
        belongs to this map and key only, and it survives the loss of the
        member owning the key (its backup takes over).

        Warning:
            Keys are compared by their serialized form, not by ``__eq__``.

        Args:
            key: The key to lock.
            lease_time: Seconds after which the lock is released on its own;
                ``None`` keeps it until it is unlocked.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.lock(key, lease_time).result()

    def try_lock(  # type: ignore[override]
        self, key: KeyType, lease_time: typing.Optional[float] = None, timeout: float = 0
    ) -> bool:
        """Tries to acquire the lock for the key.

        Without a timeout it returns at once; with one, the caller waits up to
        ``timeout`` seconds for the lock to be free (on the member, as
        :meth:`lock` does, whatever the invocation timeout).

        Args:
            key: The key to lock.
            lease_time: Seconds after which the lock is released on its own;
                ``None`` keeps it until it is unlocked.
            timeout: Seconds to wait for the lock.

        Returns:
            ``True`` if the lock was acquired, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.try_lock(key, lease_time, timeout).result()

    def unlock(self, key: KeyType) -> None:  # type: ignore[override]
        """Releases the lock for the key, once (see :meth:`lock`: locks are
        reentrant).

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
            IllegalMonitorStateError: If the caller does not hold the lock.
        """
        return self._wrapped.unlock(key).result()

    def force_unlock(self, key: KeyType) -> None:  # type: ignore[override]
        """Releases the lock for the key whoever holds it, however many times
        it was locked.

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.force_unlock(key).result()

    def is_locked(self, key: KeyType) -> bool:  # type: ignore[override]
        """Checks whether the key is locked, by any caller.

        Args:
            key: The key to check.

        Returns:
            ``True`` if the lock of the key is held, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.is_locked(key).result()

    def blocking(self) -> "BlockingMap[KeyType, ValueType]":
        """Returns a version of this proxy with only blocking method calls."""
        return self

    def destroy(self) -> bool:
        """Destroys this proxy and the distributed object on the cluster.

        Returns:
            ``True`` if this proxy is destroyed successfully, ``False`` otherwise.
        """
        return self._wrapped.destroy()

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)


# --- end of the generated blocking twin ---
# Hand-written, after the generated twin: the twin of a Map with a Near Cache, whose
# get hands out a cached value without making a Future for it (the common case).


class _NearCacheBlockingMap(BlockingMap[KeyType, ValueType]):
    __slots__ = ("_near_cache", "_key_to_data")
    _wrapped: MapFeatNearCache[KeyType, ValueType]

    def __init__(self, wrapped: MapFeatNearCache[KeyType, ValueType]):
        super().__init__(wrapped)
        self._near_cache = wrapped._near_cache
        self._key_to_data = wrapped._to_data

    def get(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        if key is not None:
            try:
                key_data = self._key_to_data(key)
            except (SchemaNotReplicatedError, SchemaNotFoundError):
                pass  # the proxy's own get sends or fetches the schema first
            else:
                value = self._near_cache.get_value(key_data)
                if value is not _MISS:
                    return value
                # A miss, counted once: fetched (and cached) as the proxy's get does.
                return self._wrapped._get_and_cache(key_data).result()
        return self._wrapped.get(key).result()
