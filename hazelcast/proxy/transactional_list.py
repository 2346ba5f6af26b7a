"""The transactional List: a List's operations inside a transaction."""

from __future__ import annotations

from hazelcast.protocol.codec import (
    transactional_list_add_codec,
    transactional_list_remove_codec,
    transactional_list_size_codec,
)
from hazelcast.proxy._collection import TransactionalItemCodecs, TransactionalItemCollection
from hazelcast.proxy.base import ItemType


class TransactionalList(TransactionalItemCollection[ItemType]):
    """Transactional implementation of :class:`~hazelcast.proxy.list.List`.

    Get it from an active transaction with
    :meth:`Transaction.get_list <hazelcast.transaction.Transaction.get_list>`.
    Each method blocks until the member answered, as in the official client.
    """

    _codecs = TransactionalItemCodecs(
        add=transactional_list_add_codec,
        remove=transactional_list_remove_codec,
        size=transactional_list_size_codec,
    )
