"""Client proxy of the ReplicatedMap: a map copied in full onto every member."""

from __future__ import annotations

import random
import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    replicated_map_add_entry_listener_codec,
    replicated_map_add_entry_listener_to_key_codec,
    replicated_map_add_entry_listener_to_key_with_predicate_codec,
    replicated_map_add_entry_listener_with_predicate_codec,
    replicated_map_clear_codec,
    replicated_map_contains_key_codec,
    replicated_map_contains_value_codec,
    replicated_map_entry_set_codec,
    replicated_map_get_codec,
    replicated_map_is_empty_codec,
    replicated_map_key_set_codec,
    replicated_map_put_all_codec,
    replicated_map_put_codec,
    replicated_map_remove_codec,
    replicated_map_remove_entry_listener_codec,
    replicated_map_size_codec,
    replicated_map_values_codec,
)
from hazelcast.proxy._collection import entry_list_handler, list_handler, nullable_object_handler
from hazelcast.proxy._entry_listener import register_entry_listener
from hazelcast.proxy.base import EntryEvent, EntryEventType, Proxy
from hazelcast.util import seconds_to_millis

if typing.TYPE_CHECKING:
    from hazelcast.predicate import Predicate
    from hazelcast.proxy.context import ClientContext

KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")

EntryEventCallable = typing.Callable[[EntryEvent[KeyType, ValueType]], None]

_KEY_NONE = "key can't be None"
_VALUE_NONE = "value can't be None"


def _to_millis(seconds: typing.Optional[float], argument: str = "seconds") -> int:
    return seconds_to_millis(seconds, argument)


class ReplicatedMap(Proxy["BlockingReplicatedMap"], typing.Generic[KeyType, ValueType]):
    """A map whose entries are held by every member of the cluster.

    A write goes to the member owning the key's partition, which copies it to
    the other members asynchronously: a read on another member (or through a
    client connected to it) sees the new value shortly after, not at once.
    Reads of the whole map (size, key_set...) are answered by one member from
    its own copy. A member joining the cluster copies the entries from the
    others.

    Every method returns a :class:`~hazelcast.future.Future` of its result;
    :meth:`blocking` returns a version of this proxy whose methods wait and
    return the result instead.

    Example:
        >>> settings = client.get_replicated_map("settings").blocking()
        >>> settings.put("colour", "blue")
        >>> settings.get("colour")
        'blue'

    Keys and values are stored in serialized form: keys compare by their
    serialized bytes, not by ``__eq__``/``__hash__``. ``None`` is not allowed
    as a key or a value.
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        self._listener_service = context.listener_service
        # A smart client registers a listener on every member: each member then
        # sends only the events it fires itself, so that every event comes once.
        self._local_only = bool(context.config.smart_routing)
        # The whole-map reads of this proxy all go to the owner of one partition
        # picked at random (as the official client does), which spreads the
        # proxies of many maps over the members. Picked on first use: the
        # partition count is known once the client is connected.
        self._read_partition_id = -1
        self._internal_partitions = context.internal_partition_service
        to_object = self._to_object
        # get, put and remove answer the same way: one nullable value
        value_handler = nullable_object_handler(to_object, context.serialization_service.is_big_endian)
        self._decode_get = self._decode_put = self._decode_remove = value_handler
        self._decode_key_set = list_handler(replicated_map_key_set_codec.decode_response, to_object)
        self._decode_values = list_handler(replicated_map_values_codec.decode_response, to_object)
        self._decode_entry_set = entry_list_handler(to_object, context.serialization_service.is_big_endian)

    # -- listeners ----------------------------------------------------------------

    @schema_aware
    def add_entry_listener(
        self,
        key: typing.Optional[KeyType] = None,
        predicate: typing.Optional["Predicate"] = None,
        added_func: typing.Optional[EntryEventCallable] = None,
        removed_func: typing.Optional[EntryEventCallable] = None,
        updated_func: typing.Optional[EntryEventCallable] = None,
        evicted_func: typing.Optional[EntryEventCallable] = None,
        clear_all_func: typing.Optional[EntryEventCallable] = None,
    ) -> Future[str]:
        """Adds an entry listener for this map.

        The events always carry the key and the values. Each event is
        delivered once, however many members the cluster has.

        Args:
            key: Only the events of this key are delivered, if given.
            predicate: Only the events of entries matching this predicate
                (see :mod:`hazelcast.predicate`) are delivered, if given.
            added_func: Called with the event when an entry is added.
            removed_func: Called with the event when an entry is removed.
            updated_func: Called with the event when an entry's value is
                replaced.
            evicted_func: Called with the event when an entry is evicted (its
                ttl elapsed).
            clear_all_func: Called with the event when the map is cleared.

        Returns:
            The registration id, to remove the listener with.
        """
        local_only = self._local_only
        codec: typing.Any
        if key is not None and predicate is not None:
            codec = replicated_map_add_entry_listener_to_key_with_predicate_codec
            request = codec.encode_request(self.name, self._to_data(key), self._to_data(predicate), local_only)
        elif key is not None:
            codec = replicated_map_add_entry_listener_to_key_codec
            request = codec.encode_request(self.name, self._to_data(key), local_only)
        elif predicate is not None:
            codec = replicated_map_add_entry_listener_with_predicate_codec
            request = codec.encode_request(self.name, self._to_data(predicate), local_only)
        else:
            codec = replicated_map_add_entry_listener_codec
            request = codec.encode_request(self.name, local_only)
        callbacks = {
            EntryEventType.ADDED: added_func,
            EntryEventType.REMOVED: removed_func,
            EntryEventType.UPDATED: updated_func,
            EntryEventType.EVICTED: evicted_func,
            EntryEventType.CLEAR_ALL: clear_all_func,
        }
        return register_entry_listener(self, request, codec, replicated_map_remove_entry_listener_codec, callbacks)

    def remove_entry_listener(self, registration_id: str) -> Future[bool]:
        """Removes the entry listener with the given registration id.

        Nothing happens if there is no such listener.

        Args:
            registration_id: The id :meth:`add_entry_listener` returned.

        Returns:
            ``True`` if the listener was removed, ``False`` otherwise.
        """
        return self._listener_service.deregister_listener(registration_id)

    # -- single-key operations ----------------------------------------------------

    @schema_aware
    def get(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        """Returns the value of the key, or ``None`` if this map does not
        contain the key.

        Args:
            key: The specified key.

        Returns:
            The value of the key, or ``None``.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = replicated_map_get_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, self._decode_get)

    @schema_aware
    def put(self, key: KeyType, value: ValueType, ttl: float = 0) -> Future[typing.Optional[ValueType]]:
        """Associates the value with the key, replacing the key's value if it
        had one.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Seconds the entry stays in the map before it is evicted;
                ``0`` (the default) means for ever.

        Returns:
            The previous value of the key, or ``None`` if it had none.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        if value is None:
            raise AssertionError(_VALUE_NONE)
        key_data = self._to_data(key)
        request = replicated_map_put_codec.encode_request(
            self.name, key_data, self._to_data(value), _to_millis(ttl, "ttl")
        )
        return self._invoke_on_key(request, key_data, self._decode_put)

    @schema_aware
    def remove(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        """Removes the entry of the key if there is one.

        Args:
            key: The key of the entry to remove.

        Returns:
            The value the key had, or ``None`` if it had none.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = replicated_map_remove_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, self._decode_remove)

    @schema_aware
    def contains_key(self, key: KeyType) -> Future[bool]:
        """Determines whether this map contains an entry for the key.

        Args:
            key: The specified key.

        Returns:
            ``True`` if this map contains the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        if key is None:
            raise AssertionError(_KEY_NONE)
        key_data = self._to_data(key)
        request = replicated_map_contains_key_codec.encode_request(self.name, key_data)
        return self._invoke_on_key(request, key_data, replicated_map_contains_key_codec.decode_response)

    # -- whole-map operations -----------------------------------------------------

    @schema_aware
    def put_all(self, source: typing.Dict[KeyType, ValueType]) -> Future[None]:
        """Copies all the entries of the dictionary into this map.

        There is no atomicity: if the call fails, some entries may have been
        written and others not.

        Args:
            source: The entries to put.

        Raises:
            AssertionError: If ``source``, or a key or value in it, is ``None``.
        """
        if source is None:
            raise AssertionError("source can't be None")
        to_data = self._to_data
        entries = []
        for key, value in source.items():
            if key is None:
                raise AssertionError(_KEY_NONE)
            if value is None:
                raise AssertionError(_VALUE_NONE)
            entries.append((to_data(key), to_data(value)))
        return self._invoke(replicated_map_put_all_codec.encode_request(self.name, entries))

    @schema_aware
    def contains_value(self, value: ValueType) -> Future[bool]:
        """Determines whether some key of this map holds the value.

        Args:
            value: The specified value.

        Returns:
            ``True`` if this map contains the value.

        Raises:
            AssertionError: If ``value`` is ``None``.
        """
        if value is None:
            raise AssertionError(_VALUE_NONE)
        request = replicated_map_contains_value_codec.encode_request(self.name, self._to_data(value))
        return self._invoke_on_read_partition(request, replicated_map_contains_value_codec.decode_response)

    def clear(self) -> Future[None]:
        """Removes every entry of this map, on every member.

        The listeners receive one ``CLEAR_ALL`` event.
        """
        return self._invoke(replicated_map_clear_codec.encode_request(self.name))

    def size(self) -> Future[int]:
        """Returns the number of entries of this map.

        Returns:
            The number of entries.
        """
        request = replicated_map_size_codec.encode_request(self.name)
        return self._invoke_on_read_partition(request, replicated_map_size_codec.decode_response)

    def is_empty(self) -> Future[bool]:
        """Returns whether this map has no entries.

        Returns:
            ``True`` if this map has no entries.
        """
        request = replicated_map_is_empty_codec.encode_request(self.name)
        return self._invoke_on_read_partition(request, replicated_map_is_empty_codec.decode_response)

    def key_set(self) -> Future[typing.List[KeyType]]:
        """Returns the keys of this map.

        The list is a copy: later changes of the map do not show in it.

        Returns:
            The keys.
        """
        request = replicated_map_key_set_codec.encode_request(self.name)
        return self._invoke_on_read_partition(request, self._decode_key_set)

    def values(self) -> Future[typing.List[ValueType]]:
        """Returns the values of this map.

        The list is a copy: later changes of the map do not show in it.

        Returns:
            The values.
        """
        request = replicated_map_values_codec.encode_request(self.name)
        return self._invoke_on_read_partition(request, self._decode_values)

    def entry_set(self) -> Future[typing.List[typing.Tuple[KeyType, ValueType]]]:
        """Returns the ``(key, value)`` pairs of this map.

        The list is a copy: later changes of the map do not show in it.

        Returns:
            The entries as ``(key, value)`` tuples.
        """
        request = replicated_map_entry_set_codec.encode_request(self.name)
        return self._invoke_on_read_partition(request, self._decode_entry_set)

    def blocking(self) -> "BlockingReplicatedMap[KeyType, ValueType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingReplicatedMap(self)

    # -- helpers ------------------------------------------------------------------

    def _invoke_on_read_partition(
        self, request: typing.Any, response_handler: typing.Callable[[typing.Any], typing.Any]
    ) -> Future[typing.Any]:
        partition_id = self._read_partition_id
        if partition_id < 0:
            count = self._internal_partitions.partition_count
            if count <= 0:  # not connected yet: any member will do
                return self._invoke(request, response_handler)
            partition_id = self._read_partition_id = random.randrange(count)
        return self._invoke_on_partition(request, partition_id, response_handler)


def create_replicated_map_proxy(
    service_name: str, name: str, context: "ClientContext"
) -> "ReplicatedMap[typing.Any, typing.Any]":
    """Creates the ReplicatedMap proxy for ``name``."""
    return ReplicatedMap(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingReplicatedMap(ReplicatedMap[KeyType, ValueType]):
    """The blocking twin of :class:`ReplicatedMap`: each method waits for the result that
    :class:`ReplicatedMap` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`ReplicatedMap.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: ReplicatedMap[KeyType, ValueType]):  # pylint: disable=super-init-not-called
        # No ReplicatedMap.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def add_entry_listener(  # type: ignore[override]
        self,
        key: typing.Optional[KeyType] = None,
        predicate: typing.Optional["Predicate"] = None,
        added_func: typing.Optional[EntryEventCallable] = None,
        removed_func: typing.Optional[EntryEventCallable] = None,
        updated_func: typing.Optional[EntryEventCallable] = None,
        evicted_func: typing.Optional[EntryEventCallable] = None,
        clear_all_func: typing.Optional[EntryEventCallable] = None,
    ) -> str:
        """Adds an entry listener for this map.

        The events always carry the key and the values. Each event is
        delivered once, however many members the cluster has.

        Args:
            key: Only the events of this key are delivered, if given.
            predicate: Only the events of entries matching this predicate
                (see :mod:`hazelcast.predicate`) are delivered, if given.
            added_func: Called with the event when an entry is added.
            removed_func: Called with the event when an entry is removed.
            updated_func: Called with the event when an entry's value is
                replaced.
            evicted_func: Called with the event when an entry is evicted (its
                ttl elapsed).
            clear_all_func: Called with the event when the map is cleared.

        Returns:
            The registration id, to remove the listener with.
        """
        return self._wrapped.add_entry_listener(
            key,
            predicate,
            added_func,
            removed_func,
            updated_func,
            evicted_func,
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

    def get(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        """Returns the value of the key, or ``None`` if this map does not
        contain the key.

        Args:
            key: The specified key.

        Returns:
            The value of the key, or ``None``.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.get(key).result()

    def put(  # type: ignore[override]
        self, key: KeyType, value: ValueType, ttl: float = 0
    ) -> typing.Optional[ValueType]:
        """Associates the value with the key, replacing the key's value if it
        had one.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Seconds the entry stays in the map before it is evicted;
                ``0`` (the default) means for ever.

        Returns:
            The previous value of the key, or ``None`` if it had none.

        Raises:
            AssertionError: If ``key`` or ``value`` is ``None``.
        """
        return self._wrapped.put(key, value, ttl).result()

    def remove(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        """Removes the entry of the key if there is one.

        Args:
            key: The key of the entry to remove.

        Returns:
            The value the key had, or ``None`` if it had none.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.remove(key).result()

    def contains_key(self, key: KeyType) -> bool:  # type: ignore[override]
        """Determines whether this map contains an entry for the key.

        Args:
            key: The specified key.

        Returns:
            ``True`` if this map contains the key.

        Raises:
            AssertionError: If ``key`` is ``None``.
        """
        return self._wrapped.contains_key(key).result()

    def put_all(self, source: typing.Dict[KeyType, ValueType]) -> None:  # type: ignore[override]
        """Copies all the entries of the dictionary into this map.

        There is no atomicity: if the call fails, some entries may have been
        written and others not.

        Args:
            source: The entries to put.

        Raises:
            AssertionError: If ``source``, or a key or value in it, is ``None``.
        """
        return self._wrapped.put_all(source).result()

    def contains_value(self, value: ValueType) -> bool:  # type: ignore[override]
        """Determines whether some key of this map holds the value.

        Args:
            value: The specified value.

        Returns:
            ``True`` if this map contains the value.

        Raises:
            AssertionError: If ``value`` is ``None``.
        """
        return self._wrapped.contains_value(value).result()

    def clear(self) -> None:  # type: ignore[override]
        """Removes every entry of this map, on every member.

        The listeners receive one ``CLEAR_ALL`` event.
        """
        return self._wrapped.clear().result()

    def size(self) -> int:  # type: ignore[override]
        """Returns the number of entries of this map.

        Returns:
            The number of entries.
        """
        return self._wrapped.size().result()

    def is_empty(self) -> bool:  # type: ignore[override]
        """Returns whether this map has no entries.

        Returns:
            ``True`` if this map has no entries.
        """
        return self._wrapped.is_empty().result()

    def key_set(self) -> typing.List[KeyType]:  # type: ignore[override]
        """Returns the keys of this map.

        The list is a copy: later changes of the map do not show in it.

        Returns:
            The keys.
        """
        return self._wrapped.key_set().result()

    def values(self) -> typing.List[ValueType]:  # type: ignore[override]
        """Returns the values of this map.

        The list is a copy: later changes of the map do not show in it.

        Returns:
            The values.
        """
        return self._wrapped.values().result()

    def entry_set(self) -> typing.List[typing.Tuple[KeyType, ValueType]]:  # type: ignore[override]
        """Returns the ``(key, value)`` pairs of this map.

        The list is a copy: later changes of the map do not show in it.

        Returns:
            The entries as ``(key, value)`` tuples.
        """
        return self._wrapped.entry_set().result()

    def blocking(self) -> "BlockingReplicatedMap[KeyType, ValueType]":
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
