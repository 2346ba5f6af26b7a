"""The transactional Map: a Map's operations inside a transaction."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    transactional_map_contains_key_codec,
    transactional_map_delete_codec,
    transactional_map_get_codec,
    transactional_map_get_for_update_codec,
    transactional_map_is_empty_codec,
    transactional_map_key_set_codec,
    transactional_map_key_set_with_predicate_codec,
    transactional_map_put_codec,
    transactional_map_put_if_absent_codec,
    transactional_map_remove_codec,
    transactional_map_remove_if_same_codec,
    transactional_map_replace_codec,
    transactional_map_replace_if_same_codec,
    transactional_map_set_codec,
    transactional_map_size_codec,
    transactional_map_values_codec,
    transactional_map_values_with_predicate_codec,
)
from hazelcast.proxy.base import KeyType, TransactionalProxy, ValueType
from hazelcast.util import check_not_none, to_millis

if typing.TYPE_CHECKING:
    from hazelcast.predicate import Predicate

_KEY_NONE = "key can't be none"
_VALUE_NONE = "value can't be none"


class TransactionalMap(TransactionalProxy, typing.Generic[KeyType, ValueType]):
    """Transactional implementation of :class:`~hazelcast.proxy.map.Map`.

    Get it from an active transaction with
    :meth:`Transaction.get_map <hazelcast.transaction.Transaction.get_map>`. Its
    writes become visible to others when the transaction commits; the keys it
    writes stay locked for others until then.

    Each method blocks until the member answered, as in the official client. (Its
    one body is the Future-returning private method of the same name, which the
    asyncio client's transactional map awaits.)
    """

    def contains_key(self, key: KeyType) -> bool:
        """Transactional implementation of
        :func:`Map.contains_key(key) <hazelcast.proxy.map.Map.contains_key>`

        Args:
            key: The specified key.

        Returns:
            ``True`` if this map, as this transaction sees it, contains an entry
            for the key, ``False`` otherwise.
        """
        return self._contains_key(key).result()

    def get(self, key: KeyType) -> typing.Optional[ValueType]:
        """Transactional implementation of :func:`Map.get(key) <hazelcast.proxy.map.Map.get>`

        Args:
            key: The specified key.

        Returns:
            The value for the key as this transaction sees it, or ``None``.
        """
        return self._get(key).result()

    def get_for_update(self, key: KeyType) -> typing.Optional[ValueType]:
        """Locks the key and then gets and returns the value to which the key is
        mapped.

        The lock is released at the end of the transaction (commit or rollback).

        Args:
            key: The specified key.

        Returns:
            The value for the key, or ``None``.
        """
        return self._get_for_update(key).result()

    def size(self) -> int:
        """Transactional implementation of :func:`Map.size() <hazelcast.proxy.map.Map.size>`

        Returns:
            Number of entries in this map, this transaction's writes included.
        """
        return self._size().result()

    def is_empty(self) -> bool:
        """Transactional implementation of
        :func:`Map.is_empty() <hazelcast.proxy.map.Map.is_empty>`

        Returns:
            ``True`` if this map contains no entries, ``False`` otherwise.
        """
        return self._is_empty().result()

    def put(self, key: KeyType, value: ValueType, ttl: typing.Optional[float] = None) -> typing.Optional[ValueType]:
        """Transactional implementation of
        :func:`Map.put(key, value, ttl) <hazelcast.proxy.map.Map.put>`

        The key is locked for other transactions until this one ends.

        Args:
            key: The specified key.
            value: The value to associate with the key.
            ttl: Maximum time in seconds for this entry to stay in the map;
                ``None`` for the map's configured default.

        Returns:
            The previous value for the key, or ``None``.
        """
        return self._put(key, value, ttl).result()

    def put_if_absent(self, key: KeyType, value: ValueType) -> typing.Optional[ValueType]:
        """Transactional implementation of
        :func:`Map.put_if_absent(key, value) <hazelcast.proxy.map.Map.put_if_absent>`

        Args:
            key: The specified key.
            value: The value to associate with the key when it has none.

        Returns:
            The current value for the key, or ``None`` if there was none (and the
            value was put).
        """
        return self._put_if_absent(key, value).result()

    def set(self, key: KeyType, value: ValueType) -> None:
        """Transactional implementation of
        :func:`Map.set(key, value) <hazelcast.proxy.map.Map.set>`

        Like :meth:`put`, without returning the previous value.

        Args:
            key: The specified key.
            value: The value to associate with the key.
        """
        return self._set(key, value).result()

    def replace(self, key: KeyType, value: ValueType) -> typing.Optional[ValueType]:
        """Transactional implementation of
        :func:`Map.replace(key, value) <hazelcast.proxy.map.Map.replace>`

        Args:
            key: The specified key.
            value: The value to put when the key has one.

        Returns:
            The previous value for the key, or ``None`` if it had none (and
            nothing was changed).
        """
        return self._replace(key, value).result()

    def replace_if_same(self, key: KeyType, old_value: ValueType, new_value: ValueType) -> bool:
        """Transactional implementation of
        :func:`Map.replace_if_same(key, old_value, new_value) <hazelcast.proxy.map.Map.replace_if_same>`

        Args:
            key: The specified key.
            old_value: The value the key must have now.
            new_value: The value to put then.

        Returns:
            ``True`` if the value was replaced, ``False`` otherwise.
        """
        return self._replace_if_same(key, old_value, new_value).result()

    def remove(self, key: KeyType) -> typing.Optional[ValueType]:
        """Transactional implementation of
        :func:`Map.remove(key) <hazelcast.proxy.map.Map.remove>`

        Args:
            key: The key of the entry to remove.

        Returns:
            The previous value for the key, or ``None``.
        """
        return self._remove(key).result()

    def remove_if_same(self, key: KeyType, value: ValueType) -> bool:
        """Transactional implementation of
        :func:`Map.remove_if_same(key, value) <hazelcast.proxy.map.Map.remove_if_same>`

        Args:
            key: The key of the entry to remove.
            value: The value the key must have for the entry to be removed.

        Returns:
            ``True`` if the entry was removed, ``False`` otherwise.
        """
        return self._remove_if_same(key, value).result()

    def delete(self, key: KeyType) -> None:
        """Transactional implementation of
        :func:`Map.delete(key) <hazelcast.proxy.map.Map.delete>`

        Like :meth:`remove`, without returning the previous value.

        Args:
            key: The key of the entry to remove.
        """
        return self._delete(key).result()

    def key_set(self, predicate: typing.Optional["Predicate"] = None) -> typing.List[KeyType]:
        """Transactional implementation of
        :func:`Map.key_set(predicate) <hazelcast.proxy.map.Map.key_set>`

        Args:
            predicate: When given, only the keys of the entries it matches.

        Returns:
            The keys, as this transaction sees the map.
        """
        return self._key_set(predicate).result()

    def values(self, predicate: typing.Optional["Predicate"] = None) -> typing.List[ValueType]:
        """Transactional implementation of
        :func:`Map.values(predicate) <hazelcast.proxy.map.Map.values>`

        Args:
            predicate: When given, only the values of the entries it matches.

        Returns:
            The values, as this transaction sees the map.
        """
        return self._values(predicate).result()

    # -- the one body of each method ---------------------------------------------

    @schema_aware
    def _contains_key(self, key: KeyType) -> Future[bool]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_map_contains_key_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key)
        )
        return self._invoke(request, transactional_map_contains_key_codec.decode_response)

    @schema_aware
    def _get(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_map_get_codec.encode_request(self.name, txn.id, txn.thread_id, self._to_data(key))
        return self._invoke(request, self._object_handler(transactional_map_get_codec.decode_response))

    @schema_aware
    def _get_for_update(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_map_get_for_update_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key)
        )
        return self._invoke(request, self._object_handler(transactional_map_get_for_update_codec.decode_response))

    def _size(self) -> Future[int]:
        txn = self.transaction
        request = transactional_map_size_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, transactional_map_size_codec.decode_response)

    def _is_empty(self) -> Future[bool]:
        txn = self.transaction
        request = transactional_map_is_empty_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, transactional_map_is_empty_codec.decode_response)

    @schema_aware
    def _put(
        self, key: KeyType, value: ValueType, ttl: typing.Optional[float] = None
    ) -> Future[typing.Optional[ValueType]]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_map_put_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value), to_millis(ttl)
        )
        return self._invoke(request, self._object_handler(transactional_map_put_codec.decode_response))

    @schema_aware
    def _put_if_absent(self, key: KeyType, value: ValueType) -> Future[typing.Optional[ValueType]]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_map_put_if_absent_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, self._object_handler(transactional_map_put_if_absent_codec.decode_response))

    @schema_aware
    def _set(self, key: KeyType, value: ValueType) -> Future[None]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_map_set_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request)

    @schema_aware
    def _replace(self, key: KeyType, value: ValueType) -> Future[typing.Optional[ValueType]]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_map_replace_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, self._object_handler(transactional_map_replace_codec.decode_response))

    @schema_aware
    def _replace_if_same(self, key: KeyType, old_value: ValueType, new_value: ValueType) -> Future[bool]:
        check_not_none(key, _KEY_NONE)
        check_not_none(old_value, "old_value can't be none")
        check_not_none(new_value, "new_value can't be none")
        txn = self.transaction
        to_data = self._to_data
        request = transactional_map_replace_if_same_codec.encode_request(
            self.name, txn.id, txn.thread_id, to_data(key), to_data(old_value), to_data(new_value)
        )
        return self._invoke(request, transactional_map_replace_if_same_codec.decode_response)

    @schema_aware
    def _remove(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_map_remove_codec.encode_request(self.name, txn.id, txn.thread_id, self._to_data(key))
        return self._invoke(request, self._object_handler(transactional_map_remove_codec.decode_response))

    @schema_aware
    def _remove_if_same(self, key: KeyType, value: ValueType) -> Future[bool]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_map_remove_if_same_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, transactional_map_remove_if_same_codec.decode_response)

    @schema_aware
    def _delete(self, key: KeyType) -> Future[None]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_map_delete_codec.encode_request(self.name, txn.id, txn.thread_id, self._to_data(key))
        return self._invoke(request)

    @schema_aware
    def _key_set(self, predicate: typing.Optional["Predicate"] = None) -> Future[typing.List[KeyType]]:
        txn = self.transaction
        if predicate:
            request = transactional_map_key_set_with_predicate_codec.encode_request(
                self.name, txn.id, txn.thread_id, self._to_data(predicate)
            )
            handler = self._list_handler(transactional_map_key_set_with_predicate_codec.decode_response)
            return self._invoke(request, handler)
        request = transactional_map_key_set_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, self._list_handler(transactional_map_key_set_codec.decode_response))

    @schema_aware
    def _values(self, predicate: typing.Optional["Predicate"] = None) -> Future[typing.List[ValueType]]:
        txn = self.transaction
        if predicate:
            request = transactional_map_values_with_predicate_codec.encode_request(
                self.name, txn.id, txn.thread_id, self._to_data(predicate)
            )
            handler = self._list_handler(transactional_map_values_with_predicate_codec.decode_response)
            return self._invoke(request, handler)
        request = transactional_map_values_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, self._list_handler(transactional_map_values_codec.decode_response))
