"""The transactional MultiMap: a MultiMap's operations inside a transaction."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    transactional_multi_map_get_codec,
    transactional_multi_map_put_codec,
    transactional_multi_map_remove_codec,
    transactional_multi_map_remove_entry_codec,
    transactional_multi_map_size_codec,
    transactional_multi_map_value_count_codec,
)
from hazelcast.proxy.base import KeyType, TransactionalProxy, ValueType
from hazelcast.util import check_not_none

_KEY_NONE = "key can't be none"
_VALUE_NONE = "value can't be none"


class TransactionalMultiMap(TransactionalProxy, typing.Generic[KeyType, ValueType]):
    """Transactional implementation of :class:`~hazelcast.proxy.multi_map.MultiMap`.

    Get it from an active transaction with
    :meth:`Transaction.get_multi_map <hazelcast.transaction.Transaction.get_multi_map>`.
    Each method blocks until the member answered, as in the official client; its
    one body is the Future-returning private method of the same name.
    """

    def put(self, key: KeyType, value: ValueType) -> bool:
        """Transactional implementation of
        :func:`MultiMap.put(key, value) <hazelcast.proxy.multi_map.MultiMap.put>`

        Args:
            key: The key to add the value to.
            value: The value to add.

        Returns:
            ``True`` if the value was added, ``False`` if the key's collection
            refused it (e.g. a set already holding it).
        """
        return self._put(key, value).result()

    def get(self, key: KeyType) -> typing.Optional[typing.List[ValueType]]:
        """Transactional implementation of
        :func:`MultiMap.get(key) <hazelcast.proxy.multi_map.MultiMap.get>`

        Args:
            key: The specified key.

        Returns:
            The values of the key, as this transaction sees them.
        """
        return self._get(key).result()

    def remove(self, key: KeyType, value: ValueType) -> bool:
        """Transactional implementation of
        :func:`MultiMap.remove(key, value) <hazelcast.proxy.multi_map.MultiMap.remove>`

        Args:
            key: The key of the entry.
            value: The value to remove from the key's values.

        Returns:
            ``True`` if the value was removed, ``False`` otherwise.
        """
        return self._remove(key, value).result()

    def remove_all(self, key: KeyType) -> typing.List[ValueType]:
        """Transactional implementation of
        :func:`MultiMap.remove_all(key) <hazelcast.proxy.multi_map.MultiMap.remove_all>`

        Args:
            key: The key whose values to remove.

        Returns:
            The values that were removed.
        """
        return self._remove_all(key).result()

    def value_count(self, key: KeyType) -> int:
        """Transactional implementation of
        :func:`MultiMap.value_count(key) <hazelcast.proxy.multi_map.MultiMap.value_count>`

        Args:
            key: The key whose values to count.

        Returns:
            The number of values of the key.
        """
        return self._value_count(key).result()

    def size(self) -> int:
        """Transactional implementation of
        :func:`MultiMap.size() <hazelcast.proxy.multi_map.MultiMap.size>`

        Returns:
            The number of key-value pairs, this transaction's writes included.
        """
        return self._size().result()

    # -- the one body of each method ---------------------------------------------

    @schema_aware
    def _put(self, key: KeyType, value: ValueType) -> Future[bool]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_multi_map_put_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, transactional_multi_map_put_codec.decode_response)

    @schema_aware
    def _get(self, key: KeyType) -> Future[typing.Optional[typing.List[ValueType]]]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_multi_map_get_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key)
        )
        return self._invoke(request, self._list_handler(transactional_multi_map_get_codec.decode_response))

    @schema_aware
    def _remove(self, key: KeyType, value: ValueType) -> Future[bool]:
        check_not_none(key, _KEY_NONE)
        check_not_none(value, _VALUE_NONE)
        txn = self.transaction
        request = transactional_multi_map_remove_entry_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, transactional_multi_map_remove_entry_codec.decode_response)

    @schema_aware
    def _remove_all(self, key: KeyType) -> Future[typing.List[ValueType]]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_multi_map_remove_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key)
        )
        return self._invoke(request, self._list_handler(transactional_multi_map_remove_codec.decode_response))

    @schema_aware
    def _value_count(self, key: KeyType) -> Future[int]:
        check_not_none(key, _KEY_NONE)
        txn = self.transaction
        request = transactional_multi_map_value_count_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(key)
        )
        return self._invoke(request, transactional_multi_map_value_count_codec.decode_response)

    def _size(self) -> Future[int]:
        txn = self.transaction
        request = transactional_multi_map_size_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, transactional_multi_map_size_codec.decode_response)
