"""Client proxy of the distributed Queue (``IQueue`` on the members)."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.errors import IllegalStateError
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    queue_add_all_codec,
    queue_add_listener_codec,
    queue_clear_codec,
    queue_compare_and_remove_all_codec,
    queue_compare_and_retain_all_codec,
    queue_contains_all_codec,
    queue_contains_codec,
    queue_drain_to_max_size_codec,
    queue_is_empty_codec,
    queue_iterator_codec,
    queue_offer_codec,
    queue_peek_codec,
    queue_poll_codec,
    queue_put_codec,
    queue_remaining_capacity_codec,
    queue_remove_codec,
    queue_remove_listener_codec,
    queue_size_codec,
    queue_take_codec,
)
from hazelcast.proxy._collection import (
    ItemCodecs,
    ItemCollection,
    ITEM_NONE,
    invoke_waiting,
    list_handler,
    nullable_object_handler,
)
from hazelcast.proxy.base import ItemEvent, ItemType
from hazelcast.util import to_millis

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext

_FOREVER = float("inf")


def _added_or_full(future: Future[bool]) -> bool:
    if future.result():
        return True
    raise IllegalStateError("Queue is full!")


class Queue(ItemCollection["BlockingQueue", ItemType], typing.Generic[ItemType]):
    """Concurrent, blocking, distributed, observable queue.

    The whole queue lives on one partition (and its backups): it does not grow
    with the cluster. Every method returns a :class:`~hazelcast.future.Future` of
    its result; :meth:`blocking` returns a version of this proxy whose methods
    wait and return the result instead.

    Example:
        >>> queue = client.get_queue("tasks").blocking()
        >>> queue.offer("task-1")
        True
        >>> queue.take()
        'task-1'

    Calls that wait for an item or for room (``take``, ``put``, ``poll`` and
    ``offer`` with a timeout) wait on the member: other calls on the same
    connection go on meanwhile.
    """

    _codecs = ItemCodecs(
        add_all=queue_add_all_codec,
        add_listener=queue_add_listener_codec,
        remove_listener=queue_remove_listener_codec,
        clear=queue_clear_codec,
        contains=queue_contains_codec,
        contains_all=queue_contains_all_codec,
        is_empty=queue_is_empty_codec,
        remove=queue_remove_codec,
        remove_all=queue_compare_and_remove_all_codec,
        retain_all=queue_compare_and_retain_all_codec,
        size=queue_size_codec,
    )

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        to_object = self._to_object
        # peek, poll and take answer the same way: one nullable item
        item_handler = nullable_object_handler(to_object, context.serialization_service.is_big_endian)
        self._item_handler_peek = self._item_handler_poll = self._item_handler_take = item_handler
        self._items_handler = list_handler(queue_iterator_codec.decode_response, to_object)
        self._drain_handler = list_handler(queue_drain_to_max_size_codec.decode_response, to_object)

    def add(self, item: ItemType) -> Future[bool]:
        """Adds the specified item to this queue if there is room for it.

        Args:
            item: The item to add.

        Returns:
            ``True`` once the item is added.

        Raises:
            AssertionError: If ``item`` is ``None``.
            IllegalStateError: (in the Future) If the queue is full.
        """
        return self.offer(item)._then(_added_or_full)

    def drain_to(self, target_list: typing.List[ItemType], max_size: int = -1) -> Future[int]:
        """Removes the items of this queue, from the head, and appends them to
        ``target_list``.

        Should the call fail on the way, an item may end up in both or in
        neither.

        Args:
            target_list: The list the items are appended to.
            max_size: The most items to move; ``-1`` moves them all.

        Returns:
            The number of items moved.
        """
        decode_items = self._drain_handler

        def handler(message: typing.Any) -> int:
            items = decode_items(message)
            target_list.extend(items)
            return len(items)

        request = queue_drain_to_max_size_codec.encode_request(self.name, max_size)
        return self._invoke(request, handler)

    def iterator(self) -> Future[typing.List[ItemType]]:
        """Returns the items of this queue, from head to tail.

        Returns:
            The items of this queue.
        """
        request = queue_iterator_codec.encode_request(self.name)
        return self._invoke(request, self._items_handler)

    @schema_aware
    def offer(self, item: ItemType, timeout: float = 0) -> Future[bool]:
        """Inserts the specified item at the tail of this queue if there is room.

        If the queue is full, waits up to ``timeout`` seconds for room (on the
        member); with no timeout, returns ``False`` at once.

        Args:
            item: The item to add.
            timeout: The most seconds to wait for room.

        Returns:
            ``True`` if the item was added, ``False`` otherwise.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = queue_offer_codec.encode_request(self.name, self._to_data(item), to_millis(timeout))
        return invoke_waiting(self, request, self._partition_id, _wait(timeout), queue_offer_codec.decode_response)

    def peek(self) -> Future[typing.Optional[ItemType]]:
        """Returns the head of this queue without removing it.

        Returns:
            The head of this queue, or ``None`` if it is empty.
        """
        request = queue_peek_codec.encode_request(self.name)
        return self._invoke(request, self._item_handler_peek)

    def poll(self, timeout: float = 0) -> Future[typing.Optional[ItemType]]:
        """Removes and returns the head of this queue.

        If the queue is empty, waits up to ``timeout`` seconds for an item (on
        the member); with no timeout, returns ``None`` at once.

        Args:
            timeout: The most seconds to wait for an item.

        Returns:
            The head of this queue, or ``None`` if it stayed empty.
        """
        request = queue_poll_codec.encode_request(self.name, to_millis(timeout))
        return invoke_waiting(self, request, self._partition_id, _wait(timeout), self._item_handler_poll)

    @schema_aware
    def put(self, item: ItemType) -> Future[None]:
        """Inserts the specified item at the tail of this queue, waiting (on the
        member) for room as long as the queue is full.

        The wait is not cut short by ``invocation_timeout``.

        Args:
            item: The item to add.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError(ITEM_NONE)
        request = queue_put_codec.encode_request(self.name, self._to_data(item))
        return invoke_waiting(self, request, self._partition_id, _FOREVER, _return_none)

    def remaining_capacity(self) -> Future[int]:
        """Returns how many more items this queue can take without waiting
        (a queue without a configured ``max-size`` holds up to ``2**31 - 1``).

        Returns:
            The remaining capacity.
        """
        request = queue_remaining_capacity_codec.encode_request(self.name)
        return self._invoke(request, queue_remaining_capacity_codec.decode_response)

    def take(self) -> Future[ItemType]:
        """Removes and returns the head of this queue, waiting (on the member)
        for an item as long as the queue is empty.

        The wait is not cut short by ``invocation_timeout``.

        Returns:
            The head of this queue.
        """
        request = queue_take_codec.encode_request(self.name)
        return invoke_waiting(self, request, self._partition_id, _FOREVER, self._item_handler_take)

    def blocking(self) -> "BlockingQueue[ItemType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingQueue(self)


def _wait(timeout: typing.Optional[float]) -> float:
    # None (-1 on the wire) waits without a limit, as the member reads it.
    return _FOREVER if timeout is None else timeout


def _return_none(_message: typing.Any) -> None:
    return None


def create_queue_proxy(service_name: str, name: str, context: "ClientContext") -> "Queue[typing.Any]":
    """Creates the Queue proxy for ``name``."""
    return Queue(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingQueue(Queue[ItemType]):
    """The blocking twin of :class:`Queue`: each method waits for the result that
    :class:`Queue` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`Queue.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: Queue[ItemType]):  # pylint: disable=super-init-not-called
        # No Queue.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def add(self, item: ItemType) -> bool:  # type: ignore[override]
        """Adds the specified item to this queue if there is room for it.

        Args:
            item: The item to add.

        Returns:
            ``True`` once the item is added.

        Raises:
            AssertionError: If ``item`` is ``None``.
            IllegalStateError: (in the Future) If the queue is full.
        """
        return self._wrapped.add(item).result()

    def drain_to(  # type: ignore[override]
        self, target_list: typing.List[ItemType], max_size: int = -1
    ) -> int:
        """Removes the items of this queue, from the head, and appends them to
        ``target_list``.

        Should the call fail on the way, an item may end up in both or in
        neither.

        Args:
            target_list: The list the items are appended to.
            max_size: The most items to move; ``-1`` moves them all.

        Returns:
            The number of items moved.
        """
        return self._wrapped.drain_to(target_list, max_size).result()

    def iterator(self) -> typing.List[ItemType]:  # type: ignore[override]
        """Returns the items of this queue, from head to tail.

        Returns:
            The items of this queue.
        """
        return self._wrapped.iterator().result()

    def offer(self, item: ItemType, timeout: float = 0) -> bool:  # type: ignore[override]
        """Inserts the specified item at the tail of this queue if there is room.

        If the queue is full, waits up to ``timeout`` seconds for room (on the
        member); with no timeout, returns ``False`` at once.

        Args:
            item: The item to add.
            timeout: The most seconds to wait for room.

        Returns:
            ``True`` if the item was added, ``False`` otherwise.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.offer(item, timeout).result()

    def peek(self) -> typing.Optional[ItemType]:  # type: ignore[override]
        """Returns the head of this queue without removing it.

        Returns:
            The head of this queue, or ``None`` if it is empty.
        """
        return self._wrapped.peek().result()

    def poll(self, timeout: float = 0) -> typing.Optional[ItemType]:  # type: ignore[override]
        """Removes and returns the head of this queue.

        If the queue is empty, waits up to ``timeout`` seconds for an item (on
        the member); with no timeout, returns ``None`` at once.

        Args:
            timeout: The most seconds to wait for an item.

        Returns:
            The head of this queue, or ``None`` if it stayed empty.
        """
        return self._wrapped.poll(timeout).result()

    def put(self, item: ItemType) -> None:  # type: ignore[override]
        """Inserts the specified item at the tail of this queue, waiting (on the
        member) for room as long as the queue is full.

        The wait is not cut short by ``invocation_timeout``.

        Args:
            item: The item to add.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.put(item).result()

    def remaining_capacity(self) -> int:  # type: ignore[override]
        """Returns how many more items this queue can take without waiting
        (a queue without a configured ``max-size`` holds up to ``2**31 - 1``).

        Returns:
            The remaining capacity.
        """
        return self._wrapped.remaining_capacity().result()

    def take(self) -> ItemType:  # type: ignore[override]
        """Removes and returns the head of this queue, waiting (on the member)
        for an item as long as the queue is empty.

        The wait is not cut short by ``invocation_timeout``.

        Returns:
            The head of this queue.
        """
        return self._wrapped.take().result()

    def blocking(self) -> "BlockingQueue[ItemType]":
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
