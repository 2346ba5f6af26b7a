"""Base classes shared by the distributed object proxies."""

from __future__ import annotations

import abc
import typing
import uuid as _uuid

from hazelcast.future import Future, make_blocking
from hazelcast.invocation import Invocation
from hazelcast.serialization.data import Data

if typing.TYPE_CHECKING:
    from hazelcast.core import MemberInfo
    from hazelcast.proxy.context import ClientContext

MAX_SIZE = float("inf")
"""Sentinel for "no upper bound" used by some proxies (e.g. collection sizes)."""

BlockingProxyType = typing.TypeVar("BlockingProxyType")
ItemType = typing.TypeVar("ItemType")
MessageType = typing.TypeVar("MessageType")
KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")


def _no_op_response_handler(_message: typing.Any) -> None:
    return None


class Proxy(typing.Generic[BlockingProxyType], abc.ABC):
    """Provides basic functionality for Hazelcast proxies.

    A proxy is the client-side handle of a distributed object. It turns each call
    into one request message, sends it through the invocation service and returns
    a :class:`~hazelcast.future.Future` of the decoded response.

    Args:
        service_name: Name of the member-side service owning the object.
        name: Name of the distributed object.
        context: The client context: gives the invocation, partition and
            serialization services and the proxy manager.
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        self.service_name = service_name
        self.name = name
        self._context = context
        # Looked up once: every call goes through these, so the per-call path saves
        # the attribute chains through the context.
        self._invocation_service = context.invocation_service
        self._invoke_invocation = context.invocation_service.invoke
        self._partition_service = context.partition_service
        # Keys reach it serialized: the internal service skips the to_data call.
        self._get_partition_id = context.internal_partition_service.get_partition_id
        serialization_service = context.serialization_service
        self._to_object = serialization_service.to_object
        # Proxies refuse None arguments before serializing them: what they serialize
        # is never None, so neither is its Data.
        self._to_data: typing.Callable[[typing.Any], Data] = serialization_service.to_data  # type: ignore[assignment]
        # Who owns the locks this proxy takes: the calling thread for the threaded
        # client, the lock context (or task) for the asyncio client.
        self._caller_id = context.caller_id

    def destroy(self) -> bool:
        """Destroys this proxy and the distributed object on the cluster.

        Returns:
            ``True`` if this proxy is destroyed successfully, ``False`` otherwise.
        """
        return self._destroy().result()

    def _destroy(self) -> Future[bool]:
        # The one body of destroy(): the asyncio face awaits it.
        self._on_destroy()
        return self._context.proxy_manager.destroy_proxy(self.service_name, self.name)

    def _on_destroy(self) -> None:
        """Hook for proxies holding local state (near caches, listeners)."""

    def __repr__(self) -> str:
        return '%s(name="%s")' % (type(self).__name__, self.name)

    def _invoke(
        self, request: typing.Any, response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler
    ) -> Future[typing.Any]:
        invocation = Invocation(request, response_handler=response_handler)
        self._invoke_invocation(invocation)
        return invocation

    def _invoke_on_target(
        self,
        request: typing.Any,
        uuid: _uuid.UUID,
        response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler,
    ) -> Future[typing.Any]:
        invocation = Invocation(request, uuid=uuid, response_handler=response_handler)
        self._invoke_invocation(invocation)
        return invocation

    def _invoke_on_key(
        self,
        request: typing.Any,
        key_data: typing.Any,
        response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler,
    ) -> Future[typing.Any]:
        invocation = Invocation(
            request,
            partition_id=self._get_partition_id(key_data),
            response_handler=response_handler,
        )
        self._invoke_invocation(invocation)
        return invocation

    def _invoke_on_partition(
        self,
        request: typing.Any,
        partition_id: int,
        response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler,
    ) -> Future[typing.Any]:
        invocation = Invocation(request, partition_id=partition_id, response_handler=response_handler)
        self._invoke_invocation(invocation)
        return invocation

    def blocking(self) -> BlockingProxyType:
        """Returns a version of this proxy with only blocking method calls.

        Every method that returns a :class:`~hazelcast.future.Future` on this proxy
        returns the Future's result on the blocking version.
        """
        return typing.cast(BlockingProxyType, make_blocking(self))


class PartitionSpecificProxy(Proxy[BlockingProxyType], abc.ABC):
    """A proxy whose whole state lives on one partition, chosen by its name."""

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        partition_key = self._to_data(_string_partition_key(name))
        self._partition_id = self._get_partition_id(partition_key)

    def _invoke(
        self, request: typing.Any, response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler
    ) -> Future[typing.Any]:
        invocation = Invocation(
            request, partition_id=self._partition_id, response_handler=response_handler
        )
        self._invoke_invocation(invocation)
        return invocation


class TransactionalProxy:
    """Provides an interface for all transactional distributed objects.

    Every request goes on the connection the transaction was created on, with the
    transaction's id and the id of the owner (thread or asyncio task) that began it.

    Args:
        name: Name of the distributed object.
        transaction: The transaction the object takes part in.
        context: The client context.
    """

    def __init__(self, name: str, transaction: typing.Any, context: "ClientContext"):
        self.name = name
        self.transaction = transaction
        self._context = context
        # Through the transaction: its requests go one at a time (Transaction._send).
        self._invoke_invocation = transaction._send
        serialization_service = context.serialization_service
        self._to_object = serialization_service.to_object
        self._to_data: typing.Callable[[typing.Any], Data] = serialization_service.to_data  # type: ignore[assignment]

    def _invoke(
        self, request: typing.Any, response_handler: typing.Callable[[typing.Any], typing.Any] = _no_op_response_handler
    ) -> Future[typing.Any]:
        invocation = Invocation(request, connection=self.transaction.connection, response_handler=response_handler)
        self._invoke_invocation(invocation)
        return invocation

    def _object_handler(self, decode: typing.Callable[[typing.Any], typing.Any]) -> typing.Callable[[typing.Any], typing.Any]:
        # A response handler turning the decoded Data into an object.
        to_object = self._to_object
        return lambda message: to_object(decode(message))

    def _list_handler(self, decode: typing.Callable[[typing.Any], typing.Any]) -> typing.Callable[[typing.Any], typing.Any]:
        # A response handler turning the decoded list of Data into a list of objects.
        to_object = self._to_object
        return lambda message: [to_object(item) for item in decode(message)]

    def __repr__(self) -> str:
        return '%s(name="%s")' % (type(self).__name__, self.name)


def _string_partition_key(name: str) -> str:
    # "name@key" places the object on the partition of "key", as members do.
    at = name.find("@")
    return name if at == -1 else name[at + 1 :]


class ItemEventType:
    """Type of item events."""

    ADDED = 1
    """Fired when an item is added."""

    REMOVED = 2
    """Fired when an item is removed."""


class EntryEventType:
    """Type of entry events (bit flags, as the member sends them)."""

    ADDED = 1
    """Fired if an entry is added."""

    REMOVED = 2
    """Fired if an entry is removed."""

    UPDATED = 4
    """Fired if an entry is updated."""

    EVICTED = 8
    """Fired if an entry is evicted."""

    EXPIRED = 16
    """Fired if an entry is expired."""

    EVICT_ALL = 32
    """Fired if all entries are evicted."""

    CLEAR_ALL = 64
    """Fired if all entries are cleared."""

    MERGED = 128
    """Fired if an entry is merged after a network partition."""

    INVALIDATION = 256
    """Fired if an entry is invalidated."""

    LOADED = 512
    """Fired if an entry is loaded."""


def _event_type_name(event_types: type, value: int) -> str:
    for name, member in vars(event_types).items():
        if member == value and not name.startswith("_"):
            return name
    return str(value)


class ItemEvent(typing.Generic[ItemType]):
    """An item event of a Queue, List or Set.

    Attributes:
        name: Name of the proxy that fired the event.
        item: The item the event is about (``None`` if the listener was added with
            ``include_value=False``).
        event_type: Type of the event, an :class:`ItemEventType` value.
        member: Member that fired the event.
    """

    __slots__ = ("name", "item", "event_type", "member")

    def __init__(self, name: str, item: ItemType, event_type: int, member: typing.Optional["MemberInfo"]):
        self.name = name
        self.item = item
        self.event_type = event_type
        self.member = member

    def __repr__(self) -> str:
        return "ItemEvent(name=%s, item=%s, event_type=%s, member=%s)" % (
            self.name,
            self.item,
            _event_type_name(ItemEventType, self.event_type),
            self.member,
        )


class EntryEvent(typing.Generic[KeyType, ValueType]):
    """An entry event of a Map, MultiMap or ReplicatedMap.

    Attributes:
        key: The key of the entry.
        value: The value of the entry (``None`` if not included or not applicable).
        old_value: The previous value of the entry.
        merging_value: The incoming value of a merge after a network partition.
        event_type: Type of the event, an :class:`EntryEventType` value.
        uuid: UUID of the member that fired the event.
        number_of_affected_entries: Number of entries affected (for map-wide events
            such as ``clear_all``).
    """

    __slots__ = ("key", "value", "old_value", "merging_value", "event_type", "uuid", "number_of_affected_entries")

    def __init__(
        self,
        key: typing.Optional[KeyType],
        value: typing.Optional[ValueType],
        old_value: typing.Optional[ValueType],
        merging_value: typing.Optional[ValueType],
        event_type: int,
        member_uuid: typing.Optional[_uuid.UUID],
        number_of_affected_entries: int,
    ):
        self.key = key
        self.value = value
        self.old_value = old_value
        self.merging_value = merging_value
        self.event_type = event_type
        self.uuid = member_uuid
        self.number_of_affected_entries = number_of_affected_entries

    def __repr__(self) -> str:
        return (
            "EntryEvent(key=%s, value=%s, old_value=%s, merging_value=%s, event_type=%s, uuid=%s, "
            "number_of_affected_entries=%s)"
            % (
                self.key,
                self.value,
                self.old_value,
                self.merging_value,
                _event_type_name(EntryEventType, self.event_type),
                self.uuid,
                self.number_of_affected_entries,
            )
        )


class TopicMessage(typing.Generic[MessageType]):
    """A message received from a Topic or ReliableTopic.

    Attributes:
        name: Name of the topic.
        message: The published message.
        publish_time: When the message was published, as UNIX time in seconds.
        member: Member that published the message (``None`` if it is not in the
            member list the client knows).
    """

    __slots__ = ("name", "message", "publish_time", "member")

    def __init__(self, name: str, message: MessageType, publish_time: float, member: typing.Optional["MemberInfo"]):
        self.name = name
        self.message = message
        self.publish_time = publish_time
        self.member = member

    def __repr__(self) -> str:
        return "TopicMessage(message=%s, publish_time=%s, topic_name=%s, publishing_member=%s)" % (
            self.message,
            self.publish_time,
            self.name,
            self.member,
        )


def get_entry_listener_flags(**kwargs: typing.Any) -> int:
    """Returns the listener flags for the event types given a truthy value.

    Keyword names are :class:`EntryEventType` attribute names (``ADDED=func``).
    """
    flags = 0
    for key, value in kwargs.items():
        if value:
            flags |= getattr(EntryEventType, key)
    return flags
