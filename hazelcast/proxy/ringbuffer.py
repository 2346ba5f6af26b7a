"""Client proxy of the distributed Ringbuffer."""

from __future__ import annotations

import typing
from collections.abc import Iterable, Sequence

from hazelcast.compact import schema_aware
from hazelcast.future import Future, ImmediateExceptionFuture, ImmediateFuture
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import (
    ringbuffer_add_all_codec,
    ringbuffer_add_codec,
    ringbuffer_capacity_codec,
    ringbuffer_head_sequence_codec,
    ringbuffer_read_many_codec,
    ringbuffer_read_one_codec,
    ringbuffer_remaining_capacity_codec,
    ringbuffer_size_codec,
    ringbuffer_tail_sequence_codec,
)
from hazelcast.proxy.base import PartitionSpecificProxy

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext

ItemType = typing.TypeVar("ItemType")

OVERFLOW_POLICY_OVERWRITE = 0
"""Overflow policy (the default): adding to a full Ringbuffer overwrites its
oldest item."""

OVERFLOW_POLICY_FAIL = 1
"""Overflow policy: adding to a full Ringbuffer adds nothing and returns ``-1``.

It lets a writer respect the ringbuffer's time-to-live: items are not
overwritten before they expire. A writer that must not lose items retries later,
for instance with an exponential backoff::

    delay = 0.1
    while ringbuffer.add(item, OVERFLOW_POLICY_FAIL) == -1:
        time.sleep(delay)
        delay = min(2 * delay, 5)
"""

MAX_BATCH_SIZE = 1000
"""The most items :meth:`Ringbuffer.add_all` adds or :meth:`Ringbuffer.read_many`
reads in one call."""


class ReadResult(Sequence):
    """The items one :meth:`Ringbuffer.read_many` call read, with their sequences.

    It is a sequence of the items (``len()``, indexing, iteration); equal to any
    iterable holding the same items in the same order.
    """

    SEQUENCE_UNAVAILABLE = -1
    """Returned for a sequence the member did not send (during a rolling upgrade
    with members that do not report it)."""

    def __init__(
        self,
        read_count: int,
        next_seq: int,
        item_seqs: typing.Optional[typing.Sequence[int]],
        items: typing.List[typing.Any],
    ):
        super().__init__()
        self._read_count = read_count
        self._next_seq = next_seq
        self._item_seqs = item_seqs
        self._items = items

    @property
    def read_count(self) -> int:
        """How many items the member read, counting those the filter dropped.

        Without a filter it equals :attr:`size`. To continue reading after this
        result, advance the sequence by :attr:`read_count` (or use
        :attr:`next_sequence_to_read_from`), not by :attr:`size`: otherwise the
        items the filter dropped are read again.
        """
        return self._read_count

    @property
    def size(self) -> int:
        """How many items this result holds (after filtering)."""
        return len(self._items)

    @property
    def next_sequence_to_read_from(self) -> int:
        """The sequence following the last item read: where the next read starts.

        Usually the start sequence of this read plus :attr:`read_count`. It is not
        when the read jumped: a start sequence older than the head reads from the
        head, one beyond the tail from the tail. A reader that tolerates lost
        items must take the next sequence from here.
        :const:`SEQUENCE_UNAVAILABLE` if the member did not send it.
        """
        return self._next_seq

    def get_sequence(self, index: int) -> int:
        """Returns the sequence of the item at ``index``.

        Args:
            index: Position of the item in this result.

        Returns:
            The item's sequence in the Ringbuffer, or
            :const:`SEQUENCE_UNAVAILABLE` if the member did not send it.
        """
        if self._item_seqs is None:
            if not -len(self._items) <= index < len(self._items):
                raise IndexError("index %d out of range for %d items" % (index, len(self._items)))
            return ReadResult.SEQUENCE_UNAVAILABLE
        return self._item_seqs[index]

    def __getitem__(self, index: typing.Any) -> typing.Any:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ReadResult):
            return self._items == other._items
        if not isinstance(other, Iterable):
            return False
        return self._items == (other if isinstance(other, list) else list(other))

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "ReadResult(read_count=%d, next_sequence_to_read_from=%d, items=%r)" % (
            self._read_count,
            self._next_seq,
            self._items,
        )


class _BlockingRead(Invocation):
    """A read that may wait on the member for items to come.

    As in the official client, ``invocation_timeout`` bounds the retries of the
    read, not the wait for its response: while the request is on a live
    connection its response may take as long as items take to be added.
    """

    __slots__ = ("_retry_deadline",)

    @property
    def deadline(self) -> float:
        connection = self.sent_connection
        if connection is not None and connection.live and not self.done():
            return float("inf")
        return self._retry_deadline

    @deadline.setter
    def deadline(self, value: float) -> None:
        self._retry_deadline = value


class Ringbuffer(PartitionSpecificProxy["BlockingRingbuffer"], typing.Generic[ItemType]):
    """Hazelcast Ringbuffer client proxy: a bounded, append-only sequence of items.

    Items are added at the tail and get increasing sequences. The ringbuffer keeps
    its last ``capacity`` items (the oldest, at the head, are overwritten first):

    - :meth:`tail_sequence` is the sequence of the newest item (``-1`` at first);
    - :meth:`head_sequence` is the sequence of the oldest item still stored (one
      more than the tail when the ringbuffer is empty).

    Reading does not remove items, so many readers can read the same items, each
    at its own pace. A reader asking for a sequence already overwritten gets
    :class:`hazelcast.errors.StaleSequenceError` (:meth:`read_one`) or the items
    from the head on (:meth:`read_many`).

    The ringbuffer is replicated but not partitioned: all its items live in one
    partition.

    Example:
        >>> rb = client.get_ringbuffer("events").blocking()
        >>> sequence = rb.add("started")
        >>> rb.read_one(sequence)
        'started'
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        self._capacity: typing.Optional[int] = None

    def capacity(self) -> Future[int]:
        """Returns the capacity of this Ringbuffer (fixed by its configuration).

        Returns:
            The capacity.
        """
        if self._capacity is not None:
            return ImmediateFuture(self._capacity)

        def handler(message: typing.Any) -> int:
            capacity: int = ringbuffer_capacity_codec.decode_response(message)
            self._capacity = capacity
            return capacity

        return self._invoke(ringbuffer_capacity_codec.encode_request(self.name), handler)

    def size(self) -> Future[int]:
        """Returns the number of items in this Ringbuffer.

        Returns:
            The number of items (at most the capacity).
        """
        request = ringbuffer_size_codec.encode_request(self.name)
        return self._invoke(request, ringbuffer_size_codec.decode_response)

    def tail_sequence(self) -> Future[int]:
        """Returns the sequence of the tail: of the newest item.

        Items are added at the tail. It is ``-1`` before the first item is added.

        Returns:
            The sequence of the tail.
        """
        request = ringbuffer_tail_sequence_codec.encode_request(self.name)
        return self._invoke(request, ringbuffer_tail_sequence_codec.decode_response)

    def head_sequence(self) -> Future[int]:
        """Returns the sequence of the head: of the oldest item still stored.

        When the Ringbuffer is empty the head is one more than the tail (``0`` at
        first).

        Returns:
            The sequence of the head.
        """
        request = ringbuffer_head_sequence_codec.encode_request(self.name)
        return self._invoke(request, ringbuffer_head_sequence_codec.decode_response)

    def remaining_capacity(self) -> Future[int]:
        """Returns how many items can be added before the oldest are overwritten.

        With a time-to-live configured, expired items make room; without one the
        remaining capacity is the capacity until the Ringbuffer is full, then 0.

        Returns:
            The remaining capacity.
        """
        request = ringbuffer_remaining_capacity_codec.encode_request(self.name)
        return self._invoke(request, ringbuffer_remaining_capacity_codec.decode_response)

    @schema_aware
    def add(self, item: ItemType, overflow_policy: int = OVERFLOW_POLICY_OVERWRITE) -> Future[int]:
        """Adds the item at the tail of this Ringbuffer.

        When the Ringbuffer is full, ``overflow_policy`` decides:
        :const:`OVERFLOW_POLICY_OVERWRITE` overwrites the oldest item,
        :const:`OVERFLOW_POLICY_FAIL` adds nothing and returns ``-1``.

        Args:
            item: The item to add.
            overflow_policy: What to do when there is no room.

        Returns:
            The sequence of the added item, or ``-1`` if it was not added.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        if item is None:
            raise AssertionError("item can't be None")
        request = ringbuffer_add_codec.encode_request(self.name, overflow_policy, self._to_data(item))
        return self._invoke(request, ringbuffer_add_codec.decode_response)

    @schema_aware
    def add_all(
        self,
        items: typing.Sequence[ItemType],
        overflow_policy: int = OVERFLOW_POLICY_OVERWRITE,
    ) -> Future[int]:
        """Adds the items, in order, at the tail of this Ringbuffer.

        One request for all: much cheaper than calling :meth:`add` for each.
        When there is no room, ``overflow_policy`` decides as for :meth:`add`.

        Args:
            items: The items to add (at most :const:`MAX_BATCH_SIZE`).
            overflow_policy: What to do when there is no room.

        Returns:
            The sequence of the last item added, or ``-1`` if the items were not
            added.

        Raises:
            AssertionError: If ``items`` is empty or longer than
                :const:`MAX_BATCH_SIZE`, or an item is ``None``.
        """
        if not items:
            raise AssertionError("items can't be empty")
        if len(items) > MAX_BATCH_SIZE:
            raise AssertionError("Batch size can't be greater than %d" % MAX_BATCH_SIZE)
        to_data = self._to_data
        data_list = []
        for item in items:
            if item is None:
                raise AssertionError("item can't be None")
            data_list.append(to_data(item))
        request = ringbuffer_add_all_codec.encode_request(self.name, data_list, overflow_policy)
        return self._invoke(request, ringbuffer_add_all_codec.decode_response)

    def read_one(self, sequence: int) -> Future[ItemType]:
        """Reads the item at ``sequence``.

        If ``sequence`` is one beyond the tail, the call waits until an item is
        added. The wait happens on the member: the connection carries other
        requests meanwhile.

        Args:
            sequence: The sequence of the item to read.

        Returns:
            The item.

        Raises:
            AssertionError: If ``sequence`` is negative.
            StaleSequenceError: If the item at ``sequence`` was overwritten.
            IllegalArgumentError: If ``sequence`` is more than one beyond the tail.
        """
        if sequence < 0:
            raise AssertionError("sequence can't be smaller than 0")
        to_object = self._to_object

        def handler(message: typing.Any) -> typing.Any:
            return to_object(ringbuffer_read_one_codec.decode_response(message))

        return self._read(ringbuffer_read_one_codec.encode_request(self.name, sequence), handler)

    @schema_aware
    def read_many(
        self, start_sequence: int, min_count: int, max_count: int, filter: typing.Any = None
    ) -> Future[ReadResult]:
        """Reads a batch of items, from ``start_sequence`` on.

        Returns as soon as at least ``min_count`` items are available (waiting on
        the member until then), with at most ``max_count`` items.

        A start sequence older than the head reads from the head; one beyond the
        tail waits for items from the tail on. Waiting reads hold memory on the
        member: many of them at once may exhaust it.

        ``filter`` is an object the member can deserialize and run (a Java
        ``IFunction`` returning a ``Boolean``, e.g. an IdentifiedDataSerializable
        whose class is on the members' classpath): only the items it accepts are
        returned, but :attr:`ReadResult.read_count` counts all items read.

        Args:
            start_sequence: The sequence of the first item to read.
            min_count: The least number of items to wait for.
            max_count: The most items to return (at most the capacity and
                :const:`MAX_BATCH_SIZE`).
            filter: Selects the items to return; ``None`` returns them all.

        Returns:
            The items read, with their sequences.

        Raises:
            AssertionError: If a count or the sequence is negative, ``max_count``
                is smaller than ``min_count`` or larger than the capacity or
                :const:`MAX_BATCH_SIZE`.
        """
        if start_sequence < 0:
            raise AssertionError("sequence can't be smaller than 0")
        if min_count < 0:
            raise AssertionError("min count can't be smaller than 0")
        if max_count < min_count:
            raise AssertionError("max count should be greater or equal to min count")
        if max_count > MAX_BATCH_SIZE:
            raise AssertionError("max count can't be greater than %d" % MAX_BATCH_SIZE)
        request = ringbuffer_read_many_codec.encode_request(
            self.name, start_sequence, min_count, max_count, self._to_data(filter) if filter is not None else None
        )
        to_object = self._to_object

        def handler(message: typing.Any) -> ReadResult:
            response = ringbuffer_read_many_codec.decode_response(message)
            items = [to_object(item) for item in response["items"]]
            return ReadResult(response["read_count"], response["next_seq"], response["item_seqs"], items)

        def check_capacity(capacity: int) -> Future[ReadResult]:
            if max_count > capacity:
                raise AssertionError(
                    "max count: %d should be smaller or equal to capacity: %d" % (max_count, capacity)
                )
            return self._read(request, handler)

        if self._capacity is not None:
            try:
                return check_capacity(self._capacity)
            except AssertionError as e:  # as when the capacity comes from the member
                return ImmediateExceptionFuture(e)
        return self.capacity()._then(lambda done: check_capacity(done.result()))

    def blocking(self) -> "BlockingRingbuffer[ItemType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingRingbuffer(self)

    def _read(self, request: typing.Any, handler: typing.Callable[[typing.Any], typing.Any]) -> Future[typing.Any]:
        invocation = _BlockingRead(request, partition_id=self._partition_id, response_handler=handler)
        self._invoke_invocation(invocation)
        return invocation


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingRingbuffer(Ringbuffer[ItemType]):
    """The blocking twin of :class:`Ringbuffer`: each method waits for the result that
    :class:`Ringbuffer` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`Ringbuffer.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: Ringbuffer[ItemType]):  # pylint: disable=super-init-not-called
        # No Ringbuffer.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def capacity(self) -> int:  # type: ignore[override]
        """Returns the capacity of this Ringbuffer (fixed by its configuration).

        Returns:
            The capacity.
        """
        return self._wrapped.capacity().result()

    def size(self) -> int:  # type: ignore[override]
        """Returns the number of items in this Ringbuffer.

        Returns:
            The number of items (at most the capacity).
        """
        return self._wrapped.size().result()

    def tail_sequence(self) -> int:  # type: ignore[override]
        """Returns the sequence of the tail: of the newest item.

        Items are added at the tail. It is ``-1`` before the first item is added.

        Returns:
            The sequence of the tail.
        """
        return self._wrapped.tail_sequence().result()

    def head_sequence(self) -> int:  # type: ignore[override]
        """Returns the sequence of the head: of the oldest item still stored.

        When the Ringbuffer is empty the head is one more than the tail (``0`` at
        first).

        Returns:
            The sequence of the head.
        """
        return self._wrapped.head_sequence().result()

    def remaining_capacity(self) -> int:  # type: ignore[override]
        """Returns how many items can be added before the oldest are overwritten.

        With a time-to-live configured, expired items make room; without one the
        remaining capacity is the capacity until the Ringbuffer is full, then 0.

        Returns:
            The remaining capacity.
        """
        return self._wrapped.remaining_capacity().result()

    def add(  # type: ignore[override]
        self, item: ItemType, overflow_policy: int = OVERFLOW_POLICY_OVERWRITE
    ) -> int:
        """Adds the item at the tail of this Ringbuffer.

        When the Ringbuffer is full, ``overflow_policy`` decides:
        :const:`OVERFLOW_POLICY_OVERWRITE` overwrites the oldest item,
        :const:`OVERFLOW_POLICY_FAIL` adds nothing and returns ``-1``.

        Args:
            item: The item to add.
            overflow_policy: What to do when there is no room.

        Returns:
            The sequence of the added item, or ``-1`` if it was not added.

        Raises:
            AssertionError: If ``item`` is ``None``.
        """
        return self._wrapped.add(item, overflow_policy).result()

    def add_all(  # type: ignore[override]
        self, items: typing.Sequence[ItemType], overflow_policy: int = OVERFLOW_POLICY_OVERWRITE
    ) -> int:
        """Adds the items, in order, at the tail of this Ringbuffer.

        One request for all: much cheaper than calling :meth:`add` for each.
        When there is no room, ``overflow_policy`` decides as for :meth:`add`.

        Args:
            items: The items to add (at most :const:`MAX_BATCH_SIZE`).
            overflow_policy: What to do when there is no room.

        Returns:
            The sequence of the last item added, or ``-1`` if the items were not
            added.

        Raises:
            AssertionError: If ``items`` is empty or longer than
                :const:`MAX_BATCH_SIZE`, or an item is ``None``.
        """
        return self._wrapped.add_all(items, overflow_policy).result()

    def read_one(self, sequence: int) -> ItemType:  # type: ignore[override]
        """Reads the item at ``sequence``.

        If ``sequence`` is one beyond the tail, the call waits until an item is
        added. The wait happens on the member: the connection carries other
        requests meanwhile.

        Args:
            sequence: The sequence of the item to read.

        Returns:
            The item.

        Raises:
            AssertionError: If ``sequence`` is negative.
            StaleSequenceError: If the item at ``sequence`` was overwritten.
            IllegalArgumentError: If ``sequence`` is more than one beyond the tail.
        """
        return self._wrapped.read_one(sequence).result()

    def read_many(  # type: ignore[override]
        self, start_sequence: int, min_count: int, max_count: int, filter: typing.Any = None
    ) -> ReadResult:
        """Reads a batch of items, from ``start_sequence`` on.

        Returns as soon as at least ``min_count`` items are available (waiting on
        the member until then), with at most ``max_count`` items.

        A start sequence older than the head reads from the head; one beyond the
        tail waits for items from the tail on. Waiting reads hold memory on the
        member: many of them at once may exhaust it.

        ``filter`` is an object the member can deserialize and run (a Java
        ``IFunction`` returning a ``Boolean``, e.g. an IdentifiedDataSerializable
        whose class is on the members' classpath): only the items it accepts are
        returned, but :attr:`ReadResult.read_count` counts all items read.

        Args:
            start_sequence: The sequence of the first item to read.
            min_count: The least number of items to wait for.
            max_count: The most items to return (at most the capacity and
                :const:`MAX_BATCH_SIZE`).
            filter: Selects the items to return; ``None`` returns them all.

        Returns:
            The items read, with their sequences.

        Raises:
            AssertionError: If a count or the sequence is negative, ``max_count``
                is smaller than ``min_count`` or larger than the capacity or
                :const:`MAX_BATCH_SIZE`.
        """
        return self._wrapped.read_many(start_sequence, min_count, max_count, filter).result()

    def blocking(self) -> "BlockingRingbuffer[ItemType]":
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
