"""Client proxy of the distributed Map (``IMap`` on the members)."""

from __future__ import annotations

import itertools
import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future, ImmediateFuture, combine_futures
from hazelcast.protocol.codec import (
    map_clear_codec,
    map_contains_key_codec,
    map_contains_value_codec,
    map_delete_codec,
    map_entry_set_codec,
    map_evict_all_codec,
    map_evict_codec,
    map_execute_on_all_keys_codec,
    map_execute_on_key_codec,
    map_execute_on_keys_codec,
    map_flush_codec,
    map_get_all_codec,
    map_get_codec,
    map_get_entry_view_codec,
    map_is_empty_codec,
    map_key_set_codec,
    map_load_all_codec,
    map_load_given_keys_codec,
    map_put_all_codec,
    map_put_codec,
    map_put_if_absent_codec,
    map_put_if_absent_with_max_idle_codec,
    map_put_transient_codec,
    map_put_transient_with_max_idle_codec,
    map_put_with_max_idle_codec,
    map_remove_codec,
    map_remove_if_same_codec,
    map_replace_codec,
    map_replace_if_same_codec,
    map_set_codec,
    map_set_ttl_codec,
    map_set_with_max_idle_codec,
    map_size_codec,
    map_try_put_codec,
    map_try_remove_codec,
    map_values_codec,
)
from hazelcast.proxy.base import Proxy

if typing.TYPE_CHECKING:
    from hazelcast.core import SimpleEntryView
    from hazelcast.proxy.context import ClientContext

KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")

EntryEventCallable = typing.Callable[[typing.Any], None]

_KEY_NONE = "key can't be None"
_VALUE_NONE = "value can't be None"


def _to_millis(seconds: typing.Optional[float]) -> int:
    # None means "not given": -1 tells the member to use the map config's default.
    if seconds is None:
        return -1
    return int(seconds * 1000)


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

    def __init__(self, to_object: typing.Callable):
        self.to_object = to_object
        self.by_attribute = {
            "_get_handler": _object_handler(map_get_codec.decode_response, to_object),
            "_put_handler": _object_handler(map_put_codec.decode_response, to_object),
            "_put_max_idle_handler": _object_handler(map_put_with_max_idle_codec.decode_response, to_object),
            "_put_if_absent_handler": _object_handler(map_put_if_absent_codec.decode_response, to_object),
            "_put_if_absent_max_idle_handler": _object_handler(
                map_put_if_absent_with_max_idle_codec.decode_response, to_object
            ),
            "_remove_handler": _object_handler(map_remove_codec.decode_response, to_object),
            "_replace_handler": _object_handler(map_replace_codec.decode_response, to_object),
            "_key_set_handler": _list_handler(map_key_set_codec.decode_response, to_object),
            "_values_handler": _list_handler(map_values_codec.decode_response, to_object),
            "_entry_set_handler": _entry_list_handler(map_entry_set_codec.decode_response, to_object),
            "_get_all_handler": _entry_list_handler(map_get_all_codec.decode_response, to_object),
            "_execute_on_key_handler": _object_handler(map_execute_on_key_codec.decode_response, to_object),
            "_execute_on_keys_handler": _entry_list_handler(map_execute_on_keys_codec.decode_response, to_object),
            "_execute_on_all_keys_handler": _entry_list_handler(
                map_execute_on_all_keys_codec.decode_response, to_object
            ),
        }


def _object_handler(decode: typing.Callable, to_object: typing.Callable) -> typing.Callable:
    # Built once per client, so a call does not create a closure of its own.
    def handler(message: typing.Any) -> typing.Any:
        return to_object(decode(message))

    return handler


def _list_handler(decode: typing.Callable, to_object: typing.Callable) -> typing.Callable:
    def handler(message: typing.Any) -> list:
        return [to_object(item) for item in decode(message)]

    return handler


def _entry_list_handler(decode: typing.Callable, to_object: typing.Callable) -> typing.Callable:
    def handler(message: typing.Any) -> list:
        return [(to_object(k), to_object(v)) for k, v in decode(message)]

    return handler


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

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        # The response decoders depend only on the client's serializer: built once
        # per client and shared by its map proxies.
        handlers = context._map_response_handlers
        if handlers is None or handlers.to_object is not self._to_object:
            handlers = _ResponseHandlers(self._to_object)
            context._map_response_handlers = handlers
        self.__dict__.update(handlers.by_attribute)

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
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl)
            )
            return self._invoke_on_key(request, key_data, self._put_handler)
        request = map_put_with_max_idle_codec.encode_request(
            self.name, key_data, value_data, self._caller_id(), _to_millis(ttl), _to_millis(max_idle)
        )
        return self._invoke_on_key(request, key_data, self._put_max_idle_handler)

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
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl)
            )
        else:
            request = map_set_with_max_idle_codec.encode_request(
                self.name,
                key_data,
                value_data,
                self._caller_id(),
                _to_millis(ttl),
                _to_millis(max_idle),
            )
        return self._invoke_on_key(request, key_data)

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
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl)
            )
            return self._invoke_on_key(request, key_data, self._put_if_absent_handler)
        request = map_put_if_absent_with_max_idle_codec.encode_request(
            self.name, key_data, value_data, self._caller_id(), _to_millis(ttl), _to_millis(max_idle)
        )
        return self._invoke_on_key(request, key_data, self._put_if_absent_max_idle_handler)

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
                self.name, key_data, value_data, self._caller_id(), _to_millis(ttl)
            )
        else:
            request = map_put_transient_with_max_idle_codec.encode_request(
                self.name,
                key_data,
                value_data,
                self._caller_id(),
                _to_millis(ttl),
                _to_millis(max_idle),
            )
        return self._invoke_on_key(request, key_data)

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
        return self._invoke_on_key(request, key_data, self._remove_handler)

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
        return self._invoke_on_key(request, key_data)

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
        return self._invoke_on_key(request, key_data, map_remove_if_same_codec.decode_response)

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
        return self._invoke_on_key(request, key_data, self._replace_handler)

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
        return self._invoke_on_key(request, key_data, map_replace_if_same_codec.decode_response)

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
        request = map_set_ttl_codec.encode_request(self.name, key_data, _to_millis(ttl))
        return self._invoke_on_key(request, key_data, map_set_ttl_codec.decode_response)

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
            self.name, key_data, value_data, self._caller_id(), _to_millis(timeout)
        )
        return self._invoke_on_key(request, key_data, map_try_put_codec.decode_response)

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
            self.name, key_data, self._caller_id(), _to_millis(timeout)
        )
        return self._invoke_on_key(request, key_data, map_try_remove_codec.decode_response)

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
        return self._invoke_on_key(request, key_data, map_evict_codec.decode_response)

    @schema_aware
    def get_entry_view(self, key: KeyType) -> Future[typing.Optional["SimpleEntryView"]]:
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

    def key_set(self, predicate: typing.Any = None) -> Future[typing.List[KeyType]]:
        """Returns a list of the keys of this map.

        The list is a copy: later changes of the map do not show in it.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The keys.
        """
        if predicate is not None:
            raise _not_yet("key_set with a predicate", "predicates")
        request = map_key_set_codec.encode_request(self.name)
        return self._invoke(request, self._key_set_handler)

    def values(self, predicate: typing.Any = None) -> Future[typing.List[ValueType]]:
        """Returns a list of the values of this map.

        The list is a copy: later changes of the map do not show in it.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The values.
        """
        if predicate is not None:
            raise _not_yet("values with a predicate", "predicates")
        request = map_values_codec.encode_request(self.name)
        return self._invoke(request, self._values_handler)

    def entry_set(
        self, predicate: typing.Any = None
    ) -> Future[typing.List[typing.Tuple[KeyType, ValueType]]]:
        """Returns a list of the ``(key, value)`` pairs of this map.

        The list is a copy: later changes of the map do not show in it.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The entries as ``(key, value)`` tuples.
        """
        if predicate is not None:
            raise _not_yet("entry_set with a predicate", "predicates")
        request = map_entry_set_codec.encode_request(self.name)
        return self._invoke(request, self._entry_set_handler)

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
        return self._invoke_on_key(request, key_data, self._execute_on_key_handler)

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
        self, entry_processor: typing.Any, predicate: typing.Any = None
    ) -> Future[typing.List[typing.Any]]:
        """Applies the user defined ``EntryProcessor`` to all the entries of
        this map.

        Args:
            entry_processor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.
            predicate: Predicate to select the entries with (not available
                yet: must be ``None``).

        Returns:
            The ``(key, result)`` pairs, one per processed entry.

        Raises:
            NotImplementedError: If a ``predicate`` is given: predicates are
                not available yet.
        """
        if predicate is not None:
            raise _not_yet("execute_on_entries with a predicate", "predicates")
        processor_data = self._to_data(entry_processor)
        request = map_execute_on_all_keys_codec.encode_request(self.name, processor_data)
        return self._invoke(request, self._execute_on_all_keys_handler)

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
        """Adds a continuous entry listener for this map (not available yet).

        Raises:
            NotImplementedError: Always, until listeners are implemented.
        """
        raise _not_yet("add_entry_listener", "entry listeners")

    def remove_entry_listener(self, registration_id: str) -> Future[bool]:
        """Removes an entry listener (not available yet).

        Raises:
            NotImplementedError: Always, until listeners are implemented.
        """
        raise _not_yet("remove_entry_listener", "entry listeners")

    def add_index(
        self,
        attributes: typing.Optional[typing.Sequence[str]] = None,
        index_type: typing.Union[int, str] = 0,
        name: typing.Optional[str] = None,
        bitmap_index_options: typing.Optional[typing.Dict[str, typing.Any]] = None,
    ) -> Future[None]:
        """Adds an index to this map (not available yet).

        Raises:
            NotImplementedError: Always, until indexes are implemented.
        """
        raise _not_yet("add_index", "indexes")

    def add_interceptor(self, interceptor: typing.Any) -> Future[str]:
        """Adds an interceptor for this map (not available yet).

        Raises:
            NotImplementedError: Always, until interceptors are implemented.
        """
        raise _not_yet("add_interceptor", "interceptors")

    def remove_interceptor(self, registration_id: str) -> Future[bool]:
        """Removes an interceptor of this map (not available yet).

        Raises:
            NotImplementedError: Always, until interceptors are implemented.
        """
        raise _not_yet("remove_interceptor", "interceptors")

    def aggregate(self, aggregator: typing.Any, predicate: typing.Any = None) -> Future[typing.Any]:
        """Applies an aggregation to the entries (not available yet).

        Raises:
            NotImplementedError: Always, until aggregations are implemented.
        """
        raise _not_yet("aggregate", "aggregations")

    def project(self, projection: typing.Any, predicate: typing.Any = None) -> Future[typing.Any]:
        """Applies a projection to the entries (not available yet).

        Raises:
            NotImplementedError: Always, until projections are implemented.
        """
        raise _not_yet("project", "projections")

    def remove_all(self, predicate: typing.Any) -> Future[None]:
        """Removes the entries matching a predicate (not available yet).

        Raises:
            NotImplementedError: Always, until predicates are implemented.
        """
        raise _not_yet("remove_all", "predicates")

    def lock(self, key: KeyType, lease_time: typing.Optional[float] = None) -> Future[None]:
        """Acquires the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        raise _not_yet("lock", "map locks")

    def try_lock(self, key: KeyType, lease_time: typing.Optional[float] = None, timeout: float = 0) -> Future[bool]:
        """Tries to acquire the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        raise _not_yet("try_lock", "map locks")

    def unlock(self, key: KeyType) -> Future[None]:
        """Releases the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        raise _not_yet("unlock", "map locks")

    def force_unlock(self, key: KeyType) -> Future[None]:
        """Releases the lock for the key regardless of its owner (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        raise _not_yet("force_unlock", "map locks")

    def is_locked(self, key: KeyType) -> Future[bool]:
        """Checks the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        raise _not_yet("is_locked", "map locks")

    def blocking(self) -> "BlockingMap[KeyType, ValueType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingMap(self)


def create_map_proxy(service_name: str, name: str, context: "ClientContext") -> "Map[typing.Any, typing.Any]":
    """Creates the Map proxy for ``name``.

    Raises:
        NotImplementedError: If a near cache is configured for the map: near
            caches are not available yet.
    """
    near_caches = context.config.near_caches
    if near_caches and name in near_caches:
        raise NotImplementedError(
            "near cache configured for map %r is not available yet: near caches come "
            "with their own issue" % (name,)
        )
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
    ) -> typing.Optional["SimpleEntryView"]:
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
        self, predicate: typing.Any = None
    ) -> typing.List[KeyType]:
        """Returns a list of the keys of this map.

        The list is a copy: later changes of the map do not show in it.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The keys.
        """
        return self._wrapped.key_set(predicate).result()

    def values(  # type: ignore[override]
        self, predicate: typing.Any = None
    ) -> typing.List[ValueType]:
        """Returns a list of the values of this map.

        The list is a copy: later changes of the map do not show in it.

        Args:
            predicate: Predicate to filter the entries with (optional).

        Returns:
            The values.
        """
        return self._wrapped.values(predicate).result()

    def entry_set(  # type: ignore[override]
        self, predicate: typing.Any = None
    ) -> typing.List[typing.Tuple[KeyType, ValueType]]:
        """Returns a list of the ``(key, value)`` pairs of this map.

        The list is a copy: later changes of the map do not show in it.

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
        self, entry_processor: typing.Any, predicate: typing.Any = None
    ) -> typing.List[typing.Any]:
        """Applies the user defined ``EntryProcessor`` to all the entries of
        this map.

        Args:
            entry_processor: A serializable object whose Java counterpart,
                registered on the members, implements
                ``com.hazelcast.map.EntryProcessor``.
            predicate: Predicate to select the entries with (not available
                yet: must be ``None``).

        Returns:
            The ``(key, result)`` pairs, one per processed entry.

        Raises:
            NotImplementedError: If a ``predicate`` is given: predicates are
                not available yet.
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
        """Adds a continuous entry listener for this map (not available yet).

        Raises:
            NotImplementedError: Always, until listeners are implemented.
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
        """Removes an entry listener (not available yet).

        Raises:
            NotImplementedError: Always, until listeners are implemented.
        """
        return self._wrapped.remove_entry_listener(registration_id).result()

    def add_index(  # type: ignore[override]
        self,
        attributes: typing.Optional[typing.Sequence[str]] = None,
        index_type: typing.Union[int, str] = 0,
        name: typing.Optional[str] = None,
        bitmap_index_options: typing.Optional[typing.Dict[str, typing.Any]] = None,
    ) -> None:
        """Adds an index to this map (not available yet).

        Raises:
            NotImplementedError: Always, until indexes are implemented.
        """
        return self._wrapped.add_index(attributes, index_type, name, bitmap_index_options).result()

    def add_interceptor(self, interceptor: typing.Any) -> str:  # type: ignore[override]
        """Adds an interceptor for this map (not available yet).

        Raises:
            NotImplementedError: Always, until interceptors are implemented.
        """
        return self._wrapped.add_interceptor(interceptor).result()

    def remove_interceptor(self, registration_id: str) -> bool:  # type: ignore[override]
        """Removes an interceptor of this map (not available yet).

        Raises:
            NotImplementedError: Always, until interceptors are implemented.
        """
        return self._wrapped.remove_interceptor(registration_id).result()

    def aggregate(self, aggregator: typing.Any, predicate: typing.Any = None) -> typing.Any:
        """Applies an aggregation to the entries (not available yet).

        Raises:
            NotImplementedError: Always, until aggregations are implemented.
        """
        return self._wrapped.aggregate(aggregator, predicate).result()

    def project(self, projection: typing.Any, predicate: typing.Any = None) -> typing.Any:
        """Applies a projection to the entries (not available yet).

        Raises:
            NotImplementedError: Always, until projections are implemented.
        """
        return self._wrapped.project(projection, predicate).result()

    def remove_all(self, predicate: typing.Any) -> None:  # type: ignore[override]
        """Removes the entries matching a predicate (not available yet).

        Raises:
            NotImplementedError: Always, until predicates are implemented.
        """
        return self._wrapped.remove_all(predicate).result()

    def lock(  # type: ignore[override]
        self, key: KeyType, lease_time: typing.Optional[float] = None
    ) -> None:
        """Acquires the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        return self._wrapped.lock(key, lease_time).result()

    def try_lock(  # type: ignore[override]
        self, key: KeyType, lease_time: typing.Optional[float] = None, timeout: float = 0
    ) -> bool:
        """Tries to acquire the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        return self._wrapped.try_lock(key, lease_time, timeout).result()

    def unlock(self, key: KeyType) -> None:  # type: ignore[override]
        """Releases the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        return self._wrapped.unlock(key).result()

    def force_unlock(self, key: KeyType) -> None:  # type: ignore[override]
        """Releases the lock for the key regardless of its owner (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
        """
        return self._wrapped.force_unlock(key).result()

    def is_locked(self, key: KeyType) -> bool:  # type: ignore[override]
        """Checks the lock for the key (not available yet).

        Raises:
            NotImplementedError: Always, until map locks are implemented.
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
