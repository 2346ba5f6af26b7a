"""Client proxy of the distributed List (``IList`` on the members)."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    list_add_all_codec,
    list_add_all_with_index_codec,
    list_add_codec,
    list_add_listener_codec,
    list_add_with_index_codec,
    list_clear_codec,
    list_compare_and_remove_all_codec,
    list_compare_and_retain_all_codec,
    list_contains_all_codec,
    list_contains_codec,
    list_get_all_codec,
    list_get_codec,
    list_index_of_codec,
    list_is_empty_codec,
    list_iterator_codec,
    list_last_index_of_codec,
    list_list_iterator_codec,
    list_remove_codec,
    list_remove_listener_codec,
    list_remove_with_index_codec,
    list_set_codec,
    list_size_codec,
    list_sub_codec,
)
from hazelcast.proxy._collection import (
    ItemCodecs,
    ItemCollection,
    ITEM_NONE,
    items_to_data,
    list_handler,
    object_handler,
)
from hazelcast.proxy.base import ItemEvent, ItemType

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext


class List(ItemCollection["BlockingList", ItemType], typing.Generic[ItemType]):
    """Concurrent, distributed list, ordered, allowing duplicates and access by
    index.

    The whole list lives on one partition (and its backups). Every method
    returns a :class:`~hazelcast.future.Future` of its result; :meth:`blocking`
    returns a version of this proxy whose methods wait and return the result
    instead.

    Example:
        >>> fruits = client.get_list("fruits").blocking()
        >>> fruits.add("apple")
        True
        >>> fruits.add_at(0, "pear")
        >>> fruits.get_all()
        ['pear', 'apple']

    Items compare by their serialized form, not by ``__eq__``. ``None`` is not
    allowed as an item.
    """

    _codecs = ItemCodecs(
        add_all=list_add_all_codec,
        add_listener=list_add_listener_codec,
        remove_listener=list_remove_listener_codec,
        clear=list_clear_codec,
        contains=list_contains_codec,
        contains_all=list_contains_all_codec,
        is_empty=list_is_empty_codec,
        remove=list_remove_codec,
        remove_all=list_compare_and_remove_all_codec,
        retain_all=list_compare_and_retain_all_codec,
        size=list_size_codec,
    )

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        self._get_handler = object_handler(list_get_codec.decode_response, to_object)
        self._set_handler = object_handler(list_set_codec.decode_response, to_object)
        self._remove_at_handler = object_handler(list_remove_with_index_codec.decode_response, to_object)
        self._get_all_handler = list_handler(list_get_all_codec.decode_response, to_object)
        self._iterator_handler = list_handler(list_iterator_codec.decode_response, to_object)
        self._list_iterator_handler = list_handler(list_list_iterator_codec.decode_response, to_object)
        self._sub_handler = list_handler(list_sub_codec.decode_response, to_object)

    @schema_aware
    def add(self, item: ItemType) -> Future[bool]:
        """Appends the specified item to the end of this list.

        Args:
            item: The item to add.

        Returns:
            ``True`` if this list changed (it does).

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = list_add_codec.encode_request(self.name, self._to_data(item))
        return self._invoke(request, list_add_codec.decode_response)

    @schema_aware
    def add_at(self, index: int, item: ItemType) -> Future[None]:
        """Inserts the specified item at the given position, shifting the item
        there and those after it one position on.

        Args:
            index: The position to insert at (``0`` to ``size()``).
            item: The item to insert.

        Raises:
            AssertionError: If ``item`` is ``None``.
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = list_add_with_index_codec.encode_request(self.name, index, self._to_data(item))
        return self._invoke(request)

    @schema_aware
    def add_all_at(self, index: int, items: typing.Sequence[ItemType]) -> Future[bool]:
        """Inserts the items of the given collection at the given position, in
        the collection's order, shifting the items from there on.

        Args:
            index: The position to insert the first item at.
            items: The items to insert.

        Returns:
            ``True`` if this list changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        data_items = items_to_data(self._to_data, items)
        request = list_add_all_with_index_codec.encode_request(self.name, index, data_items)
        return self._invoke(request, list_add_all_with_index_codec.decode_response)

    def get(self, index: int) -> Future[ItemType]:
        """Returns the item at the given position.

        Args:
            index: The position of the item.

        Returns:
            The item at ``index``.

        Raises:
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        request = list_get_codec.encode_request(self.name, index)
        return self._invoke(request, self._get_handler)

    def get_all(self) -> Future[typing.List[ItemType]]:
        """Returns all the items of this list, in order.

        Returns:
            The items of this list.
        """
        request = list_get_all_codec.encode_request(self.name)
        return self._invoke(request, self._get_all_handler)

    def iterator(self) -> Future[typing.List[ItemType]]:
        """Returns the items of this list, in order (a snapshot to iterate over).

        Returns:
            The items of this list.
        """
        request = list_iterator_codec.encode_request(self.name)
        return self._invoke(request, self._iterator_handler)

    @schema_aware
    def index_of(self, item: ItemType) -> Future[int]:
        """Returns the position of the first occurrence of the specified item.

        Args:
            item: The item to look for.

        Returns:
            The position of the item's first occurrence, or ``-1`` if this list
            does not hold it.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = list_index_of_codec.encode_request(self.name, self._to_data(item))
        return self._invoke(request, list_index_of_codec.decode_response)

    @schema_aware
    def last_index_of(self, item: ItemType) -> Future[int]:
        """Returns the position of the last occurrence of the specified item.

        Args:
            item: The item to look for.

        Returns:
            The position of the item's last occurrence, or ``-1`` if this list
            does not hold it.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = list_last_index_of_codec.encode_request(self.name, self._to_data(item))
        return self._invoke(request, list_last_index_of_codec.decode_response)

    def list_iterator(self, index: int = 0) -> Future[typing.List[ItemType]]:
        """Returns the items of this list from the given position to the end,
        in order.

        Args:
            index: The position of the first item returned.

        Returns:
            The items from ``index`` on.

        Raises:
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        request = list_list_iterator_codec.encode_request(self.name, index)
        return self._invoke(request, self._list_iterator_handler)

    def remove_at(self, index: int) -> Future[ItemType]:
        """Removes the item at the given position, shifting the items after it
        one position back.

        Args:
            index: The position of the item to remove.

        Returns:
            The removed item.

        Raises:
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        request = list_remove_with_index_codec.encode_request(self.name, index)
        return self._invoke(request, self._remove_at_handler)

    @schema_aware
    def set_at(self, index: int, item: ItemType) -> Future[ItemType]:
        """Replaces the item at the given position with the specified item.

        Args:
            index: The position of the item to replace.
            item: The new item.

        Returns:
            The item that was at ``index``.

        Raises:
            AssertionError: If ``item`` is ``None``.
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = list_set_codec.encode_request(self.name, index, self._to_data(item))
        return self._invoke(request, self._set_handler)

    def sub_list(self, from_index: int, to_index: int) -> Future[typing.List[ItemType]]:
        """Returns the items from ``from_index`` (inclusive) to ``to_index``
        (exclusive), in order.

        The result is a copy: changing it does not change this list.

        Args:
            from_index: The position of the first item returned.
            to_index: The position after the last item returned.

        Returns:
            The items in that range.

        Raises:
            IndexOutOfBoundsError: (in the Future) If the range is out of bounds.
        """
        request = list_sub_codec.encode_request(self.name, from_index, to_index)
        return self._invoke(request, self._sub_handler)

    def blocking(self) -> "BlockingList[ItemType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingList(self)


def create_list_proxy(service_name: str, name: str, context: "ClientContext") -> "List[typing.Any]":
    """Creates the List proxy for ``name``."""
    return List(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingList(List[ItemType]):
    """The blocking twin of :class:`List`: each method waits for the result that
    :class:`List` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`List.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: List[ItemType]):  # pylint: disable=super-init-not-called
        # No List.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def add(self, item: ItemType) -> bool:  # type: ignore[override]
        """Appends the specified item to the end of this list.

        Args:
            item: The item to add.

        Returns:
            ``True`` if this list changed (it does).

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.add(item).result()

    def add_at(self, index: int, item: ItemType) -> None:  # type: ignore[override]
        """Inserts the specified item at the given position, shifting the item
        there and those after it one position on.

        Args:
            index: The position to insert at (``0`` to ``size()``).
            item: The item to insert.

        Raises:
            AssertionError: If ``item`` is ``None``.
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        return self._wrapped.add_at(index, item).result()

    def add_all_at(  # type: ignore[override]
        self, index: int, items: typing.Sequence[ItemType]
    ) -> bool:
        """Inserts the items of the given collection at the given position, in
        the collection's order, shifting the items from there on.

        Args:
            index: The position to insert the first item at.
            items: The items to insert.

        Returns:
            ``True`` if this list changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        return self._wrapped.add_all_at(index, items).result()

    def get(self, index: int) -> ItemType:  # type: ignore[override]
        """Returns the item at the given position.

        Args:
            index: The position of the item.

        Returns:
            The item at ``index``.

        Raises:
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        return self._wrapped.get(index).result()

    def get_all(self) -> typing.List[ItemType]:  # type: ignore[override]
        """Returns all the items of this list, in order.

        Returns:
            The items of this list.
        """
        return self._wrapped.get_all().result()

    def iterator(self) -> typing.List[ItemType]:  # type: ignore[override]
        """Returns the items of this list, in order (a snapshot to iterate over).

        Returns:
            The items of this list.
        """
        return self._wrapped.iterator().result()

    def index_of(self, item: ItemType) -> int:  # type: ignore[override]
        """Returns the position of the first occurrence of the specified item.

        Args:
            item: The item to look for.

        Returns:
            The position of the item's first occurrence, or ``-1`` if this list
            does not hold it.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.index_of(item).result()

    def last_index_of(self, item: ItemType) -> int:  # type: ignore[override]
        """Returns the position of the last occurrence of the specified item.

        Args:
            item: The item to look for.

        Returns:
            The position of the item's last occurrence, or ``-1`` if this list
            does not hold it.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.last_index_of(item).result()

    def list_iterator(self, index: int = 0) -> typing.List[ItemType]:  # type: ignore[override]
        """Returns the items of this list from the given position to the end,
        in order.

        Args:
            index: The position of the first item returned.

        Returns:
            The items from ``index`` on.

        Raises:
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        return self._wrapped.list_iterator(index).result()

    def remove_at(self, index: int) -> ItemType:  # type: ignore[override]
        """Removes the item at the given position, shifting the items after it
        one position back.

        Args:
            index: The position of the item to remove.

        Returns:
            The removed item.

        Raises:
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        return self._wrapped.remove_at(index).result()

    def set_at(self, index: int, item: ItemType) -> ItemType:  # type: ignore[override]
        """Replaces the item at the given position with the specified item.

        Args:
            index: The position of the item to replace.
            item: The new item.

        Returns:
            The item that was at ``index``.

        Raises:
            AssertionError: If ``item`` is ``None``.
            IndexOutOfBoundsError: (in the Future) If ``index`` is out of range.
        """
        return self._wrapped.set_at(index, item).result()

    def sub_list(  # type: ignore[override]
        self, from_index: int, to_index: int
    ) -> typing.List[ItemType]:
        """Returns the items from ``from_index`` (inclusive) to ``to_index``
        (exclusive), in order.

        The result is a copy: changing it does not change this list.

        Args:
            from_index: The position of the first item returned.
            to_index: The position after the last item returned.

        Returns:
            The items in that range.

        Raises:
            IndexOutOfBoundsError: (in the Future) If the range is out of bounds.
        """
        return self._wrapped.sub_list(from_index, to_index).result()

    def blocking(self) -> "BlockingList[ItemType]":
        """Returns a version of this proxy with only blocking method calls."""
        return self

    def add_all(self, items: typing.Sequence[ItemType]) -> bool:  # type: ignore[override]
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
        return self._wrapped.add_all(items).result()

    def add_listener(  # type: ignore[override]
        self,
        include_value: bool = False,
        item_added_func: typing.Optional[typing.Callable[[ItemEvent[ItemType]], None]] = None,
        item_removed_func: typing.Optional[typing.Callable[[ItemEvent[ItemType]], None]] = None,
    ) -> str:
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
        return self._wrapped.add_listener(
            include_value,
            item_added_func,
            item_removed_func,
        ).result()

    def clear(self) -> None:  # type: ignore[override]
        """Removes all the items of this collection."""
        return self._wrapped.clear().result()

    def contains(self, item: ItemType) -> bool:  # type: ignore[override]
        """Tells whether this collection holds the specified item.

        Args:
            item: The item to look for.

        Returns:
            ``True`` if the item is in this collection, ``False`` otherwise.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.contains(item).result()

    def contains_all(self, items: typing.Sequence[ItemType]) -> bool:  # type: ignore[override]
        """Tells whether this collection holds all the items of the given one.

        Args:
            items: The items to look for.

        Returns:
            ``True`` if every item is in this collection, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        return self._wrapped.contains_all(items).result()

    def is_empty(self) -> bool:  # type: ignore[override]
        """Tells whether this collection holds no item.

        Returns:
            ``True`` if this collection is empty, ``False`` otherwise.
        """
        return self._wrapped.is_empty().result()

    def remove(self, item: ItemType) -> bool:  # type: ignore[override]
        """Removes one occurrence of the specified item from this collection (a
        list removes the first one).

        Args:
            item: The item to remove.

        Returns:
            ``True`` if the item was in this collection, ``False`` otherwise.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.remove(item).result()

    def remove_all(self, items: typing.Sequence[ItemType]) -> bool:  # type: ignore[override]
        """Removes every item of this collection that is in the given one.

        Args:
            items: The items to remove.

        Returns:
            ``True`` if this collection changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        return self._wrapped.remove_all(items).result()

    def remove_listener(self, registration_id: str) -> bool:  # type: ignore[override]
        """Removes an item listener added with :meth:`add_listener`.

        Args:
            registration_id: The id :meth:`add_listener` gave.

        Returns:
            ``True`` if the listener was registered, ``False`` otherwise.
        """
        return self._wrapped.remove_listener(registration_id).result()

    def retain_all(self, items: typing.Sequence[ItemType]) -> bool:  # type: ignore[override]
        """Removes every item of this collection that is not in the given one.

        Args:
            items: The items to keep.

        Returns:
            ``True`` if this collection changed, ``False`` otherwise.

        Raises:
            AssertionError: If ``items`` or one of them is ``None``.
        """
        return self._wrapped.retain_all(items).result()

    def size(self) -> int:  # type: ignore[override]
        """Returns the number of items in this collection.

        Returns:
            The number of items.
        """
        return self._wrapped.size().result()

    def destroy(self) -> bool:
        """Destroys this proxy and the distributed object on the cluster.

        Returns:
            ``True`` if this proxy is destroyed successfully, ``False`` otherwise.
        """
        return self._wrapped.destroy()

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)


# --- end of the generated blocking twin ---
