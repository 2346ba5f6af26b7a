"""The transactional Set: a Set's operations inside a transaction."""

from __future__ import annotations

from hazelcast.protocol.codec import (
    transactional_set_add_codec,
    transactional_set_remove_codec,
    transactional_set_size_codec,
)
from hazelcast.proxy._collection import TransactionalItemCodecs, TransactionalItemCollection
from hazelcast.proxy.base import ItemType


class TransactionalSet(TransactionalItemCollection[ItemType]):
    """Transactional implementation of :class:`~hazelcast.proxy.set.Set`.

    Get it from an active transaction with
    :meth:`Transaction.get_set <hazelcast.transaction.Transaction.get_set>`.
    Each method blocks until the member answered, as in the official client.
    """

    _codecs = TransactionalItemCodecs(
        add=transactional_set_add_codec,
        remove=transactional_set_remove_codec,
        size=transactional_set_size_codec,
    )
