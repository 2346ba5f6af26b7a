"""What the item collections (Queue, List, Set) share: their common methods
(:class:`ItemCollection`), item lists, item listeners, and the invocation of a
request the member may hold for a while."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.invocation import Invocation
from hazelcast.protocol.client_message import InboundMessage
from hazelcast.protocol.entry_lists import read_entries, read_object
from hazelcast.proxy.base import (
    BlockingProxyType,
    ItemEvent,
    ItemEventType,
    ItemType,
    PartitionSpecificProxy,
    TransactionalProxy,
)
from hazelcast.util import check_not_none

if typing.TYPE_CHECKING:
    from hazelcast.proxy.base import Proxy
    from hazelcast.serialization.data import Data

ITEM_NONE = "Value can't be None"
ITEMS_NONE = "Items can't be None"
_TRANSACTIONAL_ITEM_NONE = "item can't be none"

ItemListener = typing.Optional[typing.Callable[[ItemEvent[typing.Any]], None]]


def items_to_data(to_data: typing.Callable[[typing.Any], "Data"], items: typing.Any) -> typing.List["Data"]:
    """Serializes a collection of items, refusing ``None`` for it and each item."""
    if items is None:
        raise AssertionError(ITEMS_NONE)
    data_items = []
    for item in items:
        if item is None:
            raise AssertionError(ITEM_NONE)
        data_items.append(to_data(item))
    return data_items


def object_handler(decode: typing.Callable[[typing.Any], typing.Any], to_object: typing.Callable) -> typing.Callable:
    """A response handler giving the one item of the response (or ``None``)."""

    def handler(message: typing.Any) -> typing.Any:
        return to_object(decode(message))

    return handler


def nullable_object_handler(to_object: typing.Callable, big_endian: bool) -> typing.Callable:
    """:func:`object_handler` for the responses made of the initial frame and one
    nullable serialized object (``get``, ``put``, ``remove``, ``poll``...: what
    ``DataCodec.decode_nullable`` reads), read straight into the object.

    Args:
        to_object: The serialization service's ``to_object``.
        big_endian: The serialization service's byte order.
    """

    def handler(message: InboundMessage) -> typing.Any:
        return read_object(message.frames, 1, to_object, big_endian)

    return handler


def list_handler(decode: typing.Callable[[typing.Any], typing.Any], to_object: typing.Callable) -> typing.Callable:
    """A response handler giving the items of the response as a list, in order."""

    def handler(message: typing.Any) -> typing.List[typing.Any]:
        return [to_object(item) for item in decode(message)]

    return handler


def entry_list_handler(to_object: typing.Callable, big_endian: bool) -> typing.Callable:
    """A response handler giving the (key, value) pairs of the response as a list,
    for the responses made of the initial frame and an entry list of serialized
    keys and values (``get_all``, ``entry_set``, entry processor and query results:
    what ``EntryListCodec.decode`` with ``DataCodec.decode`` reads), read straight
    into objects.

    Args:
        to_object: The serialization service's ``to_object``.
        big_endian: The serialization service's byte order.
    """

    def handler(message: InboundMessage) -> typing.List[typing.Tuple[typing.Any, typing.Any]]:
        return read_entries(message.frames, 1, to_object, big_endian)[0]

    return handler


def add_item_listener(
    proxy: "Proxy[typing.Any]",
    add_codec: typing.Any,
    remove_codec: typing.Any,
    include_value: bool,
    item_added_func: ItemListener,
    item_removed_func: ItemListener,
) -> Future[str]:
    """Registers an item listener of a Queue, List or Set on the cluster.

    Each event becomes an :class:`ItemEvent` (its item ``None`` unless
    ``include_value``; its member the one the cluster service knows by the
    event's UUID) given to the function of its type.
    """
    context = proxy._context
    name = proxy.name
    to_object = proxy._to_object
    # The public ClusterService has no lookup by UUID (as in the official client).
    get_member = context.cluster_service._internal.get_member
    # A smart client registers on every member and asks each for its own events.
    local_only = bool(context.config.smart_routing)

    def on_item(item_data: typing.Any, member_uuid: typing.Any, event_type: int) -> None:
        item = to_object(item_data) if include_value and item_data is not None else None
        event = ItemEvent(name, item, event_type, get_member(member_uuid))
        if event_type == ItemEventType.ADDED:
            if item_added_func is not None:
                item_added_func(event)
        elif item_removed_func is not None:
            item_removed_func(event)

    handle = add_codec.handle

    def on_event(message: typing.Any) -> None:
        handle(message, on_item)

    return context.listener_service.register_listener(
        add_codec.encode_request(name, include_value, local_only),
        add_codec.decode_response,
        lambda registration_id: remove_codec.encode_request(name, registration_id),
        on_event,
    )


def remove_item_listener(proxy: "Proxy[typing.Any]", registration_id: str) -> Future[bool]:
    """Removes an item listener; the Future gives whether it was registered."""
    if registration_id is None:
        raise AssertionError("registration_id can't be None")
    return proxy._context.listener_service.deregister_listener(registration_id)


def invoke_waiting(
    proxy: "Proxy[typing.Any]",
    request: typing.Any,
    partition_id: int,
    wait: float,
    response_handler: typing.Callable[[typing.Any], typing.Any],
) -> Future[typing.Any]:
    """Invokes a request the member may hold for up to ``wait`` seconds (a timed
    poll or offer; ``inf`` for take and put).

    The request waits on the member: the connection carries other requests
    meanwhile. The invocation's timeout is the configured ``invocation_timeout``
    plus the wait, so a wait longer than ``invocation_timeout`` is not cut short
    by the client; with an endless wait the client waits as long as the member
    does (as the official client, which never times out a sent request).
    """
    if wait <= 0:
        timeout = None
    else:
        timeout = proxy._context.config.invocation_timeout + wait
    invocation = Invocation(request, partition_id=partition_id, timeout=timeout, response_handler=response_handler)
    proxy._invoke_invocation(invocation)
    return invocation


class ItemCodecs(typing.NamedTuple):
    """The codecs of the requests every item collection has (one set per structure)."""

    add_all: typing.Any
    add_listener: typing.Any
    remove_listener: typing.Any
    clear: typing.Any
    contains: typing.Any
    contains_all: typing.Any
    is_empty: typing.Any
    remove: typing.Any
    remove_all: typing.Any
    """The ``compare_and_remove_all`` codec."""
    retain_all: typing.Any
    """The ``compare_and_retain_all`` codec."""
    size: typing.Any


class ItemCollection(PartitionSpecificProxy[BlockingProxyType], typing.Generic[BlockingProxyType, ItemType]):
    """The methods Queue, List and Set share: each subclass names its codecs in
    ``_codecs``. The face generator copies these methods (and their docstrings)
    into the blocking twin and the asyncio face of each subclass."""

    _codecs: typing.ClassVar[ItemCodecs]

    @schema_aware
    def add_all(self, items: typing.Sequence[ItemType]) -> Future[bool]:
        """Adds all the items of the given collection to this collection (a queue
        or a list appends them at its end, in the given order; a set adds those
        it does not hold yet).

        Args:
            items: The items to add.

        Returns:
            ``True`` if this collection changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        codec = self._codecs.add_all
        request = codec.encode_request(self.name, items_to_data(self._to_data, items))
        return self._invoke(request, codec.decode_response)

    def add_listener(
        self,
        include_value: bool = False,
        item_added_func: typing.Optional[typing.Callable[[ItemEvent[ItemType]], None]] = None,
        item_removed_func: typing.Optional[typing.Callable[[ItemEvent[ItemType]], None]] = None,
    ) -> Future[str]:
        """Adds an item listener to this collection: it is told of every item
        added to or removed from it.

        Args:
            include_value: Whether the events carry the item (otherwise their
                ``item`` is ``None``).
            item_added_func: Called with the event of each item added.
            item_removed_func: Called with the event of each item removed.

        Returns:
            The registration id, to remove the listener with.
        """
        codecs = self._codecs
        return add_item_listener(
            self, codecs.add_listener, codecs.remove_listener, include_value, item_added_func, item_removed_func
        )

    def clear(self) -> Future[None]:
        """Removes all the items of this collection."""
        request = self._codecs.clear.encode_request(self.name)
        return self._invoke(request)

    @schema_aware
    def contains(self, item: ItemType) -> Future[bool]:
        """Tells whether this collection holds the specified item.

        Args:
            item: The item to look for.

        Returns:
            ``True`` if the item is in this collection, ``False`` otherwise.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        codec = self._codecs.contains
        request = codec.encode_request(self.name, self._to_data(item))
        return self._invoke(request, codec.decode_response)

    @schema_aware
    def contains_all(self, items: typing.Sequence[ItemType]) -> Future[bool]:
        """Tells whether this collection holds all the items of the given one.

        Args:
            items: The items to look for.

        Returns:
            ``True`` if every item is in this collection, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        codec = self._codecs.contains_all
        request = codec.encode_request(self.name, items_to_data(self._to_data, items))
        return self._invoke(request, codec.decode_response)

    def is_empty(self) -> Future[bool]:
        """Tells whether this collection holds no item.

        Returns:
            ``True`` if this collection is empty, ``False`` otherwise.
        """
        codec = self._codecs.is_empty
        return self._invoke(codec.encode_request(self.name), codec.decode_response)

    @schema_aware
    def remove(self, item: ItemType) -> Future[bool]:
        """Removes one occurrence of the specified item from this collection (a
        list removes the first one).

        Args:
            item: The item to remove.

        Returns:
            ``True`` if the item was in this collection, ``False`` otherwise.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        codec = self._codecs.remove
        request = codec.encode_request(self.name, self._to_data(item))
        return self._invoke(request, codec.decode_response)

    @schema_aware
    def remove_all(self, items: typing.Sequence[ItemType]) -> Future[bool]:
        """Removes every item of this collection that is in the given one.

        Args:
            items: The items to remove.

        Returns:
            ``True`` if this collection changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        codec = self._codecs.remove_all
        request = codec.encode_request(self.name, items_to_data(self._to_data, items))
        return self._invoke(request, codec.decode_response)

    def remove_listener(self, registration_id: str) -> Future[bool]:
        """Removes an item listener added with :meth:`add_listener`.

        Args:
            registration_id: The id :meth:`add_listener` gave.

        Returns:
            ``True`` if the listener was registered, ``False`` otherwise.
        """
        return remove_item_listener(self, registration_id)

    @schema_aware
    def retain_all(self, items: typing.Sequence[ItemType]) -> Future[bool]:
        """Removes every item of this collection that is not in the given one.

        Args:
            items: The items to keep.

        Returns:
            ``True`` if this collection changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        codec = self._codecs.retain_all
        request = codec.encode_request(self.name, items_to_data(self._to_data, items))
        return self._invoke(request, codec.decode_response)

    def size(self) -> Future[int]:
        """Returns the number of items in this collection.

        Returns:
            The number of items.
        """
        codec = self._codecs.size
        return self._invoke(codec.encode_request(self.name), codec.decode_response)


class TransactionalItemCodecs(typing.NamedTuple):
    """The codecs of a transactional List or Set."""

    add: typing.Any
    remove: typing.Any
    size: typing.Any


class TransactionalItemCollection(TransactionalProxy, typing.Generic[ItemType]):
    """What TransactionalList and TransactionalSet share: each names its codecs
    in ``_codecs``.

    Each method blocks until the member answered, as in the official client; its
    one body is the Future-returning private method of the same name (which the
    asyncio faces await).
    """

    _codecs: typing.ClassVar[TransactionalItemCodecs]

    def add(self, item: ItemType) -> bool:
        """Adds the item to the collection, as part of this transaction.

        Args:
            item: The new item to be added.

        Returns:
            ``True`` if the item was added, ``False`` otherwise.
        """
        return self._add(item).result()

    def remove(self, item: ItemType) -> bool:
        """Removes the item from the collection, as part of this transaction.

        Args:
            item: The item to be removed.

        Returns:
            ``True`` if the item was removed, ``False`` otherwise.
        """
        return self._remove(item).result()

    def size(self) -> int:
        """Returns the number of items in the collection.

        Returns:
            The number of items, this transaction's changes included.
        """
        return self._size().result()

    # -- the one body of each method ---------------------------------------------

    @schema_aware
    def _add(self, item: ItemType) -> Future[bool]:
        check_not_none(item, _TRANSACTIONAL_ITEM_NONE)
        txn = self.transaction
        codec = self._codecs.add
        request = codec.encode_request(self.name, txn.id, txn.thread_id, self._to_data(item))
        return self._invoke(request, codec.decode_response)

    @schema_aware
    def _remove(self, item: ItemType) -> Future[bool]:
        check_not_none(item, _TRANSACTIONAL_ITEM_NONE)
        txn = self.transaction
        codec = self._codecs.remove
        request = codec.encode_request(self.name, txn.id, txn.thread_id, self._to_data(item))
        return self._invoke(request, codec.decode_response)

    def _size(self) -> Future[int]:
        txn = self.transaction
        codec = self._codecs.size
        return self._invoke(codec.encode_request(self.name, txn.id, txn.thread_id), codec.decode_response)
