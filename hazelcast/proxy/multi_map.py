"""Client proxy of the distributed MultiMap: a map whose keys hold several values."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future, ImmediateFuture, combine_futures
from hazelcast.protocol.codec import (
    multi_map_add_entry_listener_codec,
    multi_map_add_entry_listener_to_key_codec,
    multi_map_clear_codec,
    multi_map_contains_entry_codec,
    multi_map_contains_key_codec,
    multi_map_contains_value_codec,
    multi_map_entry_set_codec,
    multi_map_force_unlock_codec,
    multi_map_get_codec,
    multi_map_is_locked_codec,
    multi_map_key_set_codec,
    multi_map_lock_codec,
    multi_map_put_all_codec,
    multi_map_put_codec,
    multi_map_remove_codec,
    multi_map_remove_entry_codec,
    multi_map_remove_entry_listener_codec,
    multi_map_size_codec,
    multi_map_try_lock_codec,
    multi_map_unlock_codec,
    multi_map_value_count_codec,
    multi_map_values_codec,
)
from hazelcast.proxy import _key_lock
from hazelcast.proxy._collection import entry_list_handler, list_handler
from hazelcast.proxy._entry_listener import register_entry_listener
from hazelcast.proxy.base import EntryEvent, EntryEventType, Proxy

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext

KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")

EntryEventCallable = typing.Callable[[EntryEvent[KeyType, ValueType]], None]

_KEY_NONE = "key can't be None"
_VALUE_NONE = "value can't be None"
_LOCK_CODECS = _key_lock.LockCodecs(
    lock=multi_map_lock_codec,
    try_lock=multi_map_try_lock_codec,
    unlock=multi_map_unlock_codec,
    force_unlock=multi_map_force_unlock_codec,
    is_locked=multi_map_is_locked_codec,
)


def _return_none(future: Future[typing.Any]) -> None:
    future.result()  # a failed partition fails the whole call
    return None


class MultiMap(Proxy["BlockingMultiMap"], typing.Generic[KeyType, ValueType]):
    """A specialized map whose keys can each be associated with several values.

    Every method returns a :class:`~hazelcast.future.Future` of its result;
    :meth:`blocking` returns a version of this proxy whose methods wait and
    return the result instead.

    Example:
        >>> tags = client.get_multi_map("tags").blocking()
        >>> tags.put("fruit", "apple")
        True
        >>> tags.put("fruit", "pear")
        True
        >>> sorted(tags.get("fruit"))
        ['apple', 'pear']

    Keys and values are stored in serialized form: they compare by their
    serialized bytes, not by ``__eq__``/``__hash__``. ``None`` is not allowed
    as a key or a value.
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        self._listener_service = context.listener_service
        # A smart client registers a listener on every member: each member then
        # sends only the events it fires itself, so that every event comes once.
        self._local_only = bool(context.config.smart_routing)
        to_object = self._to_object
        self._decode_get = list_handler(multi_map_get_codec.decode_response, to_object)
        self._decode_remove = list_handler(multi_map_remove_codec.decode_response, to_object)
        self._decode_key_set = list_handler(multi_map_key_set_codec.decode_response, to_object)
        self._decode_values = list_handler(multi_map_values_codec.decode_response, to_object)
        self._decode_entry_list = entry_list_handler(to_object, context.serialization_service.is_big_endian)

    # -- listeners ----------------------------------------------------------------

    @schema_aware
    def add_entry_listener(
        self,
        include_value: bool = False,
        key: typing.Optional[KeyType] = None,
        added_func: typing.Optional[EntryEventCallable] = None,
        removed_func: typing.Optional[EntryEventCallable] = None,
        clear_all_func: typing.Optional[EntryEventCallable] = None,
    ) -> Future[str]:
        """Adds an entry listener for this multimap.

        The listener is told of the entries added and removed, and of the
        multimap being cleared. Each event is delivered once, however many
        members the cluster has.

        Args:
            include_value: Whether the events carry the value.
            key: Only the events of this key are delivered, if given.
            added_func: Called with the event when an entry is added.
            removed_func: Called with the event when an entry is removed.
            clear_all_func: Called with the event when the multimap is
                cleared.

        Returns:
            The registration id, to remove the listener with.
        """
        codec: typing.Any
        if key is not None:
            codec = multi_map_add_entry_listener_to_key_codec
            request = codec.encode_request(self.name, self._to_data(key), include_value, self._local_only)
        else:
            codec = multi_map_add_entry_listener_codec
            request = codec.encode_request(self.name, include_value, self._local_only)
        callbacks = {
            EntryEventType.ADDED: added_func,
            EntryEventType.REMOVED: removed_func,
            EntryEventType.CLEAR_ALL: clear_all_func,
        }
        return register_entry_listener(self, request, codec, multi_map_remove_entry_listener_codec, callbacks)

    def remove_entry_listener(self, registration_id: str) -> Future[bool]:
        """Removes the entry listener with the given registration id.

        Nothing happens if there is no such listener.

        Args:
            registration_id: The id :meth:`add_entry_listener` returned.

        Returns:
            ``True`` if the listener was removed, ``False`` otherwise.
        """
        return self._listener_service.deregister_listener(registration_id)

    # -- entries ------------------------------------------------------------------

    @schema_aware
    def contains_key(self, key: KeyType) -> Future[bool]:
        """Determines whether this multimap has at least one value for the key.

        Args:
            key: The specified key.

        Returns:
            ``True`` if this multimap contains the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = multi_map_contains_key_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, multi_map_contains_key_codec.decode_response)

    @schema_aware
    def contains_value(self, value: ValueType) -> Future[bool]:
        """Determines whether some key of this multimap holds the value.

        Args:
            value: The specified value.

        Returns:
            ``True`` if this multimap contains the value under some key.

        Raises:
            AssertionError: If ``value`` is ``None``.
        """
        if value is None:
            raise AssertionError(_VALUE_NONE)
        request = multi_map_contains_value_codec.encode_request(self.name, self._to_data(value))
        return self._invoke(request, multi_map_contains_value_codec.decode_response)

    @schema_aware
    def contains_entry(self, key: KeyType, value: ValueType) -> Future[bool]:
        """Determines whether the key holds the value in this multimap.

        Args:
            key: The specified key.
            value: The specified value.

        Returns:
            ``True`` if this multimap contains the key-value pair.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        request = multi_map_contains_entry_codec.encode_request(
            self.name, key_data, self._to_data(value), self._caller_id()
        )
        return self._invoke_on_key(request, key_data, multi_map_contains_entry_codec.decode_response)

    def clear(self) -> Future[None]:
        """Removes every key-value pair of this multimap.

        The listeners receive one ``CLEAR_ALL`` event.
        """
        return self._invoke(multi_map_clear_codec.encode_request(self.name))

    def entry_set(self) -> Future[typing.List[typing.Tuple[KeyType, ValueType]]]:
        """Returns the key-value pairs of this multimap, one per value.

        The list is a copy: later changes of the multimap do not show in it.

        Returns:
            The ``(key, value)`` tuples.
        """
        request = multi_map_entry_set_codec.encode_request(self.name)
        return self._invoke(request, self._decode_entry_list)

    @schema_aware
    def get(self, key: KeyType) -> Future[typing.Optional[typing.List[ValueType]]]:
        """Returns the values the key holds.

        The list is a copy: later changes of the multimap do not show in it.

        Args:
            key: The specified key.

        Returns:
            The values of the key (an empty list if it holds none).

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = multi_map_get_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, self._decode_get)

    def key_set(self) -> Future[typing.List[KeyType]]:
        """Returns the keys of this multimap, each once.

        The list is a copy: later changes of the multimap do not show in it.

        Returns:
            The keys.
        """
        request = multi_map_key_set_codec.encode_request(self.name)
        return self._invoke(request, self._decode_key_set)

    def values(self) -> Future[typing.List[ValueType]]:
        """Returns the values of all keys of this multimap.

        The list is a copy: later changes of the multimap do not show in it.

        Returns:
            The values.
        """
        request = multi_map_values_codec.encode_request(self.name)
        return self._invoke(request, self._decode_values)

    @schema_aware
    def put(self, key: KeyType, value: ValueType) -> Future[bool]:
        """Adds the value to the values of the key.

        Args:
            key: The key.
            value: The value to add.

        Returns:
            ``True`` if the multimap grew, ``False`` if the key already held
            the value (and the multimap's value collection is a set).

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        request = multi_map_put_codec.encode_request(self.name, key_data, self._to_data(value), self._caller_id())
        return self._invoke_on_key(request, key_data, multi_map_put_codec.decode_response)

    @schema_aware
    def put_all(self, multimap: typing.Dict[KeyType, typing.Sequence[ValueType]]) -> Future[None]:
        """Adds the values of each key of the given dictionary.

        One request goes to each partition owning some of the keys. There is
        no atomicity: when a request fails, the keys of other partitions may
        have been written.

        Args:
            multimap: Each key with the values to add to it.

        Raises:
            AssertionError: If ``multimap``, or a key, a value list or a value
                in it, is ``None``.
        """
        if multimap is None:
            raise AssertionError("multimap can't be None")
        if not multimap:
            return ImmediateFuture(None)
        to_data = self._to_data
        get_partition_id = self._get_partition_id
        by_partition: typing.Dict[int, typing.List[typing.Tuple[typing.Any, typing.List[typing.Any]]]] = {}
        for key, values in multimap.items():
            if key is None:
                raise AssertionError(_KEY_NONE)
            if values is None:
                raise AssertionError("values can't be None")
            value_data = []
            for value in values:
                if value is None:
                    raise AssertionError(_VALUE_NONE)
                value_data.append(to_data(value))
            key_data = to_data(key)
            by_partition.setdefault(get_partition_id(key_data), []).append((key_data, value_data))
        name = self.name
        futures = [
            self._invoke_on_partition(multi_map_put_all_codec.encode_request(name, entries), partition_id)
            for partition_id, entries in by_partition.items()
        ]
        return combine_futures(futures)._then(_return_none)

    @schema_aware
    def remove(self, key: KeyType, value: ValueType) -> Future[bool]:
        """Removes the value from the values of the key.

        Args:
            key: The key.
            value: The value to remove.

        Returns:
            ``True`` if the multimap shrank, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        request = multi_map_remove_entry_codec.encode_request(
            self.name, key_data, self._to_data(value), self._caller_id()
        )
        return self._invoke_on_key(request, key_data, multi_map_remove_entry_codec.decode_response)

    @schema_aware
    def remove_all(self, key: KeyType) -> Future[typing.List[ValueType]]:
        """Removes the key with all its values.

        Args:
            key: The key to remove.

        Returns:
            The values the key held.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = multi_map_remove_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, self._decode_remove)

    def size(self) -> Future[int]:
        """Returns the number of key-value pairs of this multimap.

        Returns:
            The number of values, summed over all keys.
        """
        request = multi_map_size_codec.encode_request(self.name)
        return self._invoke(request, multi_map_size_codec.decode_response)

    @schema_aware
    def value_count(self, key: KeyType) -> Future[int]:
        """Returns the number of values the key holds.

        Args:
            key: The key.

        Returns:
            The number of values of the key (``0`` if it holds none).

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = multi_map_value_count_codec.encode_request(self.name, key_data, self._caller_id())
        return self._invoke_on_key(request, key_data, multi_map_value_count_codec.decode_response)

    # -- locks ------------------------------------------------------------------

    def lock(self, key: KeyType, lease_time: typing.Optional[float] = None) -> Future[None]:
        """Acquires the lock of the key, waiting as long as another owner holds it.

        The owner is the calling thread (in the asyncio client: the task, or
        the lock context). Locks are re-entrant: a key locked N times by its
        owner is released by N unlocks. The lock covers the key in this
        multimap only.

        Args:
            key: The key to lock.
            lease_time: Seconds after which the member releases the lock by
                itself; held until unlocked if not given.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.lock(self, _LOCK_CODECS, key, lease_time, None)

    def try_lock(
        self, key: KeyType, lease_time: typing.Optional[float] = None, timeout: float = 0
    ) -> Future[bool]:
        """Tries to acquire the lock of the key.

        If another owner holds the lock, waits up to ``timeout`` seconds for it
        (not at all by default).

        Args:
            key: The key to lock.
            lease_time: Seconds after which the member releases the lock by
                itself; held until unlocked if not given.
            timeout: Maximum time in seconds to wait for the lock.

        Returns:
            ``True`` if the lock was acquired, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.try_lock(self, _LOCK_CODECS, key, lease_time, timeout, None)

    def unlock(self, key: KeyType) -> Future[None]:
        """Releases the lock of the key once. Never waits.

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
            hazelcast.errors.IllegalMonitorStateError: If the caller does not
                hold the lock.
        """
        return _key_lock.unlock(self, _LOCK_CODECS, key)

    def force_unlock(self, key: KeyType) -> Future[None]:
        """Releases the lock of the key, whoever holds it and however often.

        Never waits.

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.force_unlock(self, _LOCK_CODECS, key)

    def is_locked(self, key: KeyType) -> Future[bool]:
        """Checks whether some owner holds the lock of the key.

        Args:
            key: The key.

        Returns:
            ``True`` if the key is locked.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return _key_lock.is_locked(self, _LOCK_CODECS, key)

    def blocking(self) -> "BlockingMultiMap[KeyType, ValueType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingMultiMap(self)


def create_multi_map_proxy(service_name: str, name: str, context: "ClientContext") -> "MultiMap[typing.Any, typing.Any]":
    """Creates the MultiMap proxy for ``name``."""
    return MultiMap(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingMultiMap(MultiMap[KeyType, ValueType]):
    """The blocking twin of :class:`MultiMap`: each method waits for the result that
    :class:`MultiMap` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`MultiMap.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: MultiMap[KeyType, ValueType]):  # pylint: disable=super-init-not-called
        # No MultiMap.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def add_entry_listener(  # type: ignore[override]
        self,
        include_value: bool = False,
        key: typing.Optional[KeyType] = None,
        added_func: typing.Optional[EntryEventCallable] = None,
        removed_func: typing.Optional[EntryEventCallable] = None,
        clear_all_func: typing.Optional[EntryEventCallable] = None,
    ) -> str:
        """Adds an entry listener for this multimap.

        The listener is told of the entries added and removed, and of the
        multimap being cleared. Each event is delivered once, however many
        members the cluster has.

        Args:
            include_value: Whether the events carry the value.
            key: Only the events of this key are delivered, if given.
            added_func: Called with the event when an entry is added.
            removed_func: Called with the event when an entry is removed.
            clear_all_func: Called with the event when the multimap is
                cleared.

        Returns:
            The registration id, to remove the listener with.
        """
        return self._wrapped.add_entry_listener(
            include_value,
            key,
            added_func,
            removed_func,
            clear_all_func,
        ).result()

    def remove_entry_listener(self, registration_id: str) -> bool:  # type: ignore[override]
        """Removes the entry listener with the given registration id.

        Nothing happens if there is no such listener.

        Args:
            registration_id: The id :meth:`add_entry_listener` returned.

        Returns:
            ``True`` if the listener was removed, ``False`` otherwise.
        """
        return self._wrapped.remove_entry_listener(registration_id).result()

    def contains_key(self, key: KeyType) -> bool:  # type: ignore[override]
        """Determines whether this multimap has at least one value for the key.

        Args:
            key: The specified key.

        Returns:
            ``True`` if this multimap contains the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.contains_key(key).result()

    def contains_value(self, value: ValueType) -> bool:  # type: ignore[override]
        """Determines whether some key of this multimap holds the value.

        Args:
            value: The specified value.

        Returns:
            ``True`` if this multimap contains the value under some key.

        Raises:
            AssertionError: If ``value`` is ``None``.
        """
        return self._wrapped.contains_value(value).result()

    def contains_entry(self, key: KeyType, value: ValueType) -> bool:  # type: ignore[override]
        """Determines whether the key holds the value in this multimap.

        Args:
            key: The specified key.
            value: The specified value.

        Returns:
            ``True`` if this multimap contains the key-value pair.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.contains_entry(key, value).result()

    def clear(self) -> None:  # type: ignore[override]
        """Removes every key-value pair of this multimap.

        The listeners receive one ``CLEAR_ALL`` event.
        """
        return self._wrapped.clear().result()

    def entry_set(self) -> typing.List[typing.Tuple[KeyType, ValueType]]:  # type: ignore[override]
        """Returns the key-value pairs of this multimap, one per value.

        The list is a copy: later changes of the multimap do not show in it.

        Returns:
            The ``(key, value)`` tuples.
        """
        return self._wrapped.entry_set().result()

    def get(  # type: ignore[override]
        self, key: KeyType
    ) -> typing.Optional[typing.List[ValueType]]:
        """Returns the values the key holds.

        The list is a copy: later changes of the multimap do not show in it.

        Args:
            key: The specified key.

        Returns:
            The values of the key (an empty list if it holds none).

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.get(key).result()

    def key_set(self) -> typing.List[KeyType]:  # type: ignore[override]
        """Returns the keys of this multimap, each once.

        The list is a copy: later changes of the multimap do not show in it.

        Returns:
            The keys.
        """
        return self._wrapped.key_set().result()

    def values(self) -> typing.List[ValueType]:  # type: ignore[override]
        """Returns the values of all keys of this multimap.

        The list is a copy: later changes of the multimap do not show in it.

        Returns:
            The values.
        """
        return self._wrapped.values().result()

    def put(self, key: KeyType, value: ValueType) -> bool:  # type: ignore[override]
        """Adds the value to the values of the key.

        Args:
            key: The key.
            value: The value to add.

        Returns:
            ``True`` if the multimap grew, ``False`` if the key already held
            the value (and the multimap's value collection is a set).

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.put(key, value).result()

    def put_all(  # type: ignore[override]
        self, multimap: typing.Dict[KeyType, typing.Sequence[ValueType]]
    ) -> None:
        """Adds the values of each key of the given dictionary.

        One request goes to each partition owning some of the keys. There is
        no atomicity: when a request fails, the keys of other partitions may
        have been written.

        Args:
            multimap: Each key with the values to add to it.

        Raises:
            AssertionError: If ``multimap``, or a key, a value list or a value
                in it, is ``None``.
        """
        return self._wrapped.put_all(multimap).result()

    def remove(self, key: KeyType, value: ValueType) -> bool:  # type: ignore[override]
        """Removes the value from the values of the key.

        Args:
            key: The key.
            value: The value to remove.

        Returns:
            ``True`` if the multimap shrank, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.remove(key, value).result()

    def remove_all(self, key: KeyType) -> typing.List[ValueType]:  # type: ignore[override]
        """Removes the key with all its values.

        Args:
            key: The key to remove.

        Returns:
            The values the key held.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.remove_all(key).result()

    def size(self) -> int:  # type: ignore[override]
        """Returns the number of key-value pairs of this multimap.

        Returns:
            The number of values, summed over all keys.
        """
        return self._wrapped.size().result()

    def value_count(self, key: KeyType) -> int:  # type: ignore[override]
        """Returns the number of values the key holds.

        Args:
            key: The key.

        Returns:
            The number of values of the key (``0`` if it holds none).

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.value_count(key).result()

    def lock(  # type: ignore[override]
        self, key: KeyType, lease_time: typing.Optional[float] = None
    ) -> None:
        """Acquires the lock of the key, waiting as long as another owner holds it.

        The owner is the calling thread (in the asyncio client: the task, or
        the lock context). Locks are re-entrant: a key locked N times by its
        owner is released by N unlocks. The lock covers the key in this
        multimap only.

        Args:
            key: The key to lock.
            lease_time: Seconds after which the member releases the lock by
                itself; held until unlocked if not given.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.lock(key, lease_time).result()

    def try_lock(  # type: ignore[override]
        self, key: KeyType, lease_time: typing.Optional[float] = None, timeout: float = 0
    ) -> bool:
        """Tries to acquire the lock of the key.

        If another owner holds the lock, waits up to ``timeout`` seconds for it
        (not at all by default).

        Args:
            key: The key to lock.
            lease_time: Seconds after which the member releases the lock by
                itself; held until unlocked if not given.
            timeout: Maximum time in seconds to wait for the lock.

        Returns:
            ``True`` if the lock was acquired, ``False`` otherwise.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.try_lock(key, lease_time, timeout).result()

    def unlock(self, key: KeyType) -> None:  # type: ignore[override]
        """Releases the lock of the key once. Never waits.

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
            hazelcast.errors.IllegalMonitorStateError: If the caller does not
                hold the lock.
        """
        return self._wrapped.unlock(key).result()

    def force_unlock(self, key: KeyType) -> None:  # type: ignore[override]
        """Releases the lock of the key, whoever holds it and however often.

        Never waits.

        Args:
            key: The key to unlock.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.force_unlock(key).result()

    def is_locked(self, key: KeyType) -> bool:  # type: ignore[override]
        """Checks whether some owner holds the lock of the key.

        Args:
            key: The key.

        Returns:
            ``True`` if the key is locked.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.is_locked(key).result()

    def blocking(self) -> "BlockingMultiMap[KeyType, ValueType]":
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
