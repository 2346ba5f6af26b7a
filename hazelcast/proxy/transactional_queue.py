"""The transactional Queue: a Queue's operations inside a transaction."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    transactional_queue_offer_codec,
    transactional_queue_peek_codec,
    transactional_queue_poll_codec,
    transactional_queue_size_codec,
    transactional_queue_take_codec,
)
from hazelcast.proxy.base import ItemType, TransactionalProxy
from hazelcast.util import check_not_none, to_millis


class TransactionalQueue(TransactionalProxy, typing.Generic[ItemType]):
    """Transactional implementation of :class:`~hazelcast.proxy.queue.Queue`.

    Get it from an active transaction with
    :meth:`Transaction.get_queue <hazelcast.transaction.Transaction.get_queue>`.
    Items offered become visible to others when the transaction commits; items
    taken return to the queue when it rolls back. Each method blocks until the
    member answered, as in the official client; its one body is the
    Future-returning private method of the same name.
    """

    def offer(self, item: ItemType, timeout: float = 0) -> bool:
        """Transactional implementation of
        :func:`Queue.offer(item, timeout) <hazelcast.proxy.queue.Queue.offer>`

        Args:
            item: The item to add.
            timeout: Seconds to wait for space when the queue is full.

        Returns:
            ``True`` if the item was added, ``False`` otherwise.
        """
        return self._offer(item, timeout).result()

    def take(self) -> ItemType:
        """Transactional implementation of :func:`Queue.take() <hazelcast.proxy.queue.Queue.take>`

        Waits for an item while the queue is empty (up to the invocation timeout).

        Returns:
            The head of the queue.
        """
        return self._take().result()

    def poll(self, timeout: float = 0) -> typing.Optional[ItemType]:
        """Transactional implementation of
        :func:`Queue.poll(timeout) <hazelcast.proxy.queue.Queue.poll>`

        Args:
            timeout: Seconds to wait for an item when the queue is empty.

        Returns:
            The head of the queue, or ``None`` if it stayed empty.
        """
        return self._poll(timeout).result()

    def peek(self, timeout: float = 0) -> typing.Optional[ItemType]:
        """Transactional implementation of
        :func:`Queue.peek() <hazelcast.proxy.queue.Queue.peek>`

        Args:
            timeout: Seconds to wait for an item when the queue is empty.

        Returns:
            The head of the queue (not removed), or ``None``.
        """
        return self._peek(timeout).result()

    def size(self) -> int:
        """Transactional implementation of :func:`Queue.size() <hazelcast.proxy.queue.Queue.size>`

        Returns:
            The number of items, this transaction's offers and takes included.
        """
        return self._size().result()

    # -- the one body of each method ---------------------------------------------

    @schema_aware
    def _offer(self, item: ItemType, timeout: float = 0) -> Future[bool]:
        check_not_none(item, "item can't be none")
        txn = self.transaction
        request = transactional_queue_offer_codec.encode_request(
            self.name, txn.id, txn.thread_id, self._to_data(item), to_millis(timeout)
        )
        return self._invoke(request, transactional_queue_offer_codec.decode_response)

    def _take(self) -> Future[ItemType]:
        txn = self.transaction
        request = transactional_queue_take_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, self._object_handler(transactional_queue_take_codec.decode_response))

    def _poll(self, timeout: float = 0) -> Future[typing.Optional[ItemType]]:
        txn = self.transaction
        request = transactional_queue_poll_codec.encode_request(self.name, txn.id, txn.thread_id, to_millis(timeout))
        return self._invoke(request, self._object_handler(transactional_queue_poll_codec.decode_response))

    def _peek(self, timeout: float = 0) -> Future[typing.Optional[ItemType]]:
        txn = self.transaction
        request = transactional_queue_peek_codec.encode_request(self.name, txn.id, txn.thread_id, to_millis(timeout))
        return self._invoke(request, self._object_handler(transactional_queue_peek_codec.decode_response))

    def _size(self) -> Future[int]:
        txn = self.transaction
        request = transactional_queue_size_codec.encode_request(self.name, txn.id, txn.thread_id)
        return self._invoke(request, transactional_queue_size_codec.decode_response)
