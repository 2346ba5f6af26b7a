"""Client proxy of the ReliableTopic: a topic whose messages are kept in a Ringbuffer.

Publishing adds a message to the ringbuffer ``_hz_rb_<topic name>``; each listener
has a runner that reads the ringbuffer from its own sequence on, in batches, and
calls the listener with each message in order. The runners hold no thread: each
read is a request that waits on the member, and its response (or a timer, after
an error) starts the next one.
"""

from __future__ import annotations

import logging
import struct
import time
import typing
import uuid as _uuid

from hazelcast.compact import schema_aware
from hazelcast.config import ReliableTopicConfig, TopicOverloadPolicy
from hazelcast.core import Address, MemberInfo, MemberVersion
from hazelcast.errors import (
    ClientOfflineError,
    DistributedObjectDestroyedError,
    HazelcastClientNotActiveError,
    HazelcastInstanceNotActiveError,
    HazelcastIOError,
    IllegalArgumentError,
    MemberLeftError,
    OperationTimeoutError,
    StaleSequenceError,
    TargetDisconnectedError,
    TargetNotMemberError,
    TopicOverloadError,
    is_retryable_error,
)
from hazelcast.future import Future, ImmediateFuture
from hazelcast.lifecycle import LifecycleState
from hazelcast.protocol.codec import ringbuffer_read_many_codec
from hazelcast.proxy.base import Proxy, TopicMessage
from hazelcast.proxy.ringbuffer import OVERFLOW_POLICY_FAIL, OVERFLOW_POLICY_OVERWRITE, Ringbuffer, _BlockingRead
from hazelcast.serialization.data import DATA_OFFSET, Data
from hazelcast.serialization.input import _ObjectDataInput

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext

MessageType = typing.TypeVar("MessageType")

_logger = logging.getLogger(__name__)

_RINGBUFFER_PREFIX = "_hz_rb_"
_RINGBUFFER_SERVICE = "hz:impl:ringbufferService"

# BLOCK publishing: pauses between attempts to add to a full ringbuffer.
_INITIAL_BACKOFF = 0.1
_MAX_BACKOFF = 2.0
# A runner whose read failed with a transient error (no connection, member gone)
# tries again after these pauses.
_RETRY_INITIAL_PAUSE = 0.1
_RETRY_MAX_PAUSE = 2.0

# The member's ReliableTopicMessage: an IdentifiedDataSerializable of the
# topic factory (-9), class 2: publish time (ms), publisher address (an object,
# null from clients), payload (the message's serialized bytes).
_MESSAGE_FACTORY_ID = -9
_MESSAGE_CLASS_ID = 2
_ADDRESS_FACTORY_ID = 0
_ADDRESS_CLASS_ID = 1
_IDENTIFIED_TYPE_ID = -2
_NULL_TYPE_ID = 0
_UNKNOWN_MEMBER_VERSION = MemberVersion(0, 0, 0)


class ReliableMessageListener(typing.Generic[MessageType]):
    """A listener of a :class:`ReliableTopic` that controls how it is fed.

    A plain function given to :meth:`ReliableTopic.add_listener` receives the
    messages published from then on, stops on message loss and keeps running
    when it raises. Subclass this to decide instead:

    - where to start (:meth:`retrieve_initial_sequence`) and remember how far
      it got (:meth:`store_sequence`): a durable subscription;
    - whether to go on when messages were lost (:meth:`is_loss_tolerant`);
    - whether an error raised by :meth:`on_message` ends it (:meth:`is_terminal`).

    The listener is never called concurrently (unless registered twice) and gets
    the messages in the order of the topic, without duplicates; it misses
    messages only when it falls more than the ringbuffer's capacity behind (or
    the cluster lost them), and then it is told (see :meth:`is_loss_tolerant`).

    :meth:`store_sequence` is called before :meth:`on_message` with the
    sequence of the message: returning the stored sequence from
    :meth:`retrieve_initial_sequence` after a restart gives at-least-once
    delivery, returning it plus one at-most-once.
    """

    def on_message(self, message: TopicMessage[MessageType]) -> None:
        """Called with each message of the topic, in order.

        It runs on the client's event thread (the event loop for the asyncio
        client): hand long work to a thread or a task of your own.

        Args:
            message: The message.
        """
        raise NotImplementedError("on_message")

    def retrieve_initial_sequence(self) -> int:
        """Returns the sequence of the first message this listener wants.

        ``-1`` starts with the next message published. To continue a durable
        subscription, return the last stored sequence plus one (the stored
        sequence itself receives that message again).

        Returns:
            The initial sequence, or ``-1``.
        """
        raise NotImplementedError("retrieve_initial_sequence")

    def store_sequence(self, sequence: int) -> None:
        """Called with the sequence of each message before :meth:`on_message`
        receives it, for a durable subscription to store.

        Args:
            sequence: The sequence of the message about to be delivered.
        """
        raise NotImplementedError("store_sequence")

    def is_loss_tolerant(self) -> bool:
        """Tells whether this listener goes on after messages were lost.

        Messages are lost for a listener that falls so far behind that the
        ringbuffer overwrote them, or when the cluster lost its data (a restart
        of the whole cluster). A tolerant listener goes on with the oldest message
        still there; any other is cancelled (a warning is logged and
        :meth:`on_cancel` is called).

        Returns:
            ``True`` if this listener tolerates lost messages.
        """
        raise NotImplementedError("is_loss_tolerant")

    def is_terminal(self, error: Exception) -> bool:
        """Tells whether an error raised by :meth:`on_message` ends this listener.

        Args:
            error: The error :meth:`on_message` raised.

        Returns:
            ``True`` to cancel the listener, ``False`` to go on with the next
            message.
        """
        raise NotImplementedError("is_terminal")

    def on_cancel(self) -> None:
        """Called once when this listener stops: removed, its topic destroyed, the
        client shut down, or cancelled after a loss or a terminal error."""
        pass


class _FunctionListener(ReliableMessageListener):
    """A plain function as a listener: from the next message on, not loss
    tolerant, errors are not terminal."""

    def __init__(self, on_message: typing.Callable[[TopicMessage[typing.Any]], None]):
        self._on_message = on_message

    def on_message(self, message: TopicMessage[typing.Any]) -> None:
        self._on_message(message)

    def retrieve_initial_sequence(self) -> int:
        return -1

    def store_sequence(self, sequence: int) -> None:
        pass

    def is_loss_tolerant(self) -> bool:
        return False

    def is_terminal(self, error: Exception) -> bool:
        return False

    def __repr__(self) -> str:
        return repr(self._on_message)


class _MessageCodec:
    """Writes and reads the member's ReliableTopicMessage without the serializer
    registry: a publish builds its bytes directly."""

    def __init__(self, context: "ClientContext"):
        self._serialization_service = context.serialization_service
        self._to_object = context.serialization_service.to_object
        self._big_endian = bool(context.config.is_big_endian)
        order = ">" if self._big_endian else "<"
        # partition hash and type id (always big endian), then the IDS header,
        # publish time, a null publisher address, the payload's length.
        self._header = struct.Struct(">ii").pack(0, _IDENTIFIED_TYPE_ID) + struct.pack(
            order + "?ii", True, _MESSAGE_FACTORY_ID, _MESSAGE_CLASS_ID
        )
        self._fields = struct.Struct(order + "qii").pack

    def encode(self, payload: Data, publish_time: float) -> Data:
        buffer = payload.buffer
        return Data(self._header + self._fields(int(publish_time * 1000), _NULL_TYPE_ID, len(buffer)) + bytes(buffer))

    def decode(self, data: Data) -> typing.Tuple[float, typing.Optional[Address], typing.Any]:
        """Returns (publish time in seconds, publisher address or None, message)."""
        if data.get_type() != _IDENTIFIED_TYPE_ID:
            raise ValueError("not a reliable topic message: type id %d" % data.get_type())
        inp = _ObjectDataInput(data.buffer, DATA_OFFSET, self._serialization_service, self._big_endian)
        inp.read_boolean()
        factory_id = inp.read_int()
        class_id = inp.read_int()
        if factory_id != _MESSAGE_FACTORY_ID or class_id != _MESSAGE_CLASS_ID:
            raise ValueError("not a reliable topic message: factory id %d, class id %d" % (factory_id, class_id))
        publish_time = inp.read_long() / 1000.0
        address = None
        type_id = inp.read_int()
        if type_id == _IDENTIFIED_TYPE_ID:
            inp.read_boolean()
            if inp.read_int() != _ADDRESS_FACTORY_ID or inp.read_int() != _ADDRESS_CLASS_ID:
                raise ValueError("unexpected publisher address in a reliable topic message")
            port = inp.read_int()
            inp.read_byte()  # the address type
            address = Address(inp.read_string() or "", port)
        elif type_id != _NULL_TYPE_ID:
            raise ValueError("unexpected publisher address type %d in a reliable topic message" % type_id)
        payload = inp.read_byte_array()
        message = self._to_object(Data(bytes(payload))) if payload is not None else None
        return publish_time, address, message


class _MessageRunner:
    """Feeds one listener: reads batches from its sequence on and calls it.

    Every step runs in a callback (of a response or a timer) on the client's
    event thread or loop; nothing here waits.
    """

    def __init__(self, topic: "ReliableTopic[typing.Any]", registration_id: str, listener: ReliableMessageListener):
        self._topic = topic
        self._registration_id = registration_id
        self._listener = listener
        self._name = topic.name
        self._read_batch_size = topic._config.read_batch_size
        self._connection_manager = topic._context.connection_manager
        self._transport = topic._context.transport
        self._sequence = -1
        self._cluster_id: typing.Any = None
        self._cancelled = False
        self._pending: typing.Optional[Future[typing.Any]] = None
        self._retry_pause = _RETRY_INITIAL_PAUSE

    # -- life cycle -------------------------------------------------------------

    def start(self) -> Future[None]:
        """Finds the first sequence: the listener's, or the one after the tail."""
        self._cluster_id = self._connection_manager.cluster_id
        initial = self._listener.retrieve_initial_sequence()
        if initial != -1:
            self._sequence = initial
            return ImmediateFuture(None)

        def from_tail(done: Future[int]) -> None:
            self._cluster_id = self._connection_manager.cluster_id
            self._sequence = done.result() + 1

        return self._topic._ringbuffer.tail_sequence()._then(from_tail)

    def cancel(self) -> None:
        """Stops the runner and tells the listener (once)."""
        if self._cancelled:
            return
        self._cancelled = True
        self._topic._runners.pop(self._registration_id, None)
        pending = self._pending
        if pending is not None:
            pending.cancel()  # the waiting read is forgotten
        try:
            self._listener.on_cancel()
        except Exception:
            _logger.exception("on_cancel of %r on reliable topic %s raised", self._listener, self._name)

    # -- reading ----------------------------------------------------------------

    def next_batch(self) -> None:
        if self._cancelled:
            return
        request = ringbuffer_read_many_codec.encode_request(
            self._topic._ringbuffer_name, self._sequence, 1, self._read_batch_size, None
        )
        invocation = _BlockingRead(
            request,
            partition_id=self._topic._ringbuffer._partition_id,
            response_handler=ringbuffer_read_many_codec.decode_response,
        )
        self._pending = invocation
        self._topic._invoke_invocation(invocation)
        invocation.add_done_callback(self._on_batch)
        if self._cancelled:  # removed from another thread meanwhile
            invocation.cancel()

    def _on_batch(self, done: Future[typing.Any]) -> None:
        if self._cancelled:
            return
        self._pending = None
        if self._connection_manager.cluster_id != self._cluster_id:
            self._on_new_cluster()
            return
        try:
            response = done.result()
        except Exception as error:
            self._on_read_error(error)
            return
        self._retry_pause = _RETRY_INITIAL_PAUSE
        next_sequence = response["next_seq"]
        lost = next_sequence - response["read_count"] - self._sequence
        if lost > 0 and not self._tolerates_loss("%d messages were overwritten before it read them" % lost):
            return
        decode = self._topic._codec.decode
        item_seqs = response["item_seqs"]
        listener = self._listener
        for index, item in enumerate(response["items"]):
            try:
                sequence = item_seqs[index] if item_seqs is not None else next_sequence - len(response["items"]) + index
                publish_time, address, message = decode(item)
                listener.store_sequence(sequence)
                listener.on_message(TopicMessage(self._name, message, publish_time, self._member_at(address)))
            except Exception as error:
                if self._is_terminal(error):
                    self.cancel()
                    return
            if self._cancelled:  # removed by the listener itself
                return
        self._sequence = next_sequence
        self.next_batch()

    def _member_at(self, address: typing.Optional[Address]) -> typing.Optional[MemberInfo]:
        if address is None:
            return None
        for member in self._topic._context.cluster_service.get_members():
            if member.address == address:
                return member
        return MemberInfo(address, None, {}, False, _UNKNOWN_MEMBER_VERSION)  # type: ignore[arg-type]

    # -- loss, errors, restarts -------------------------------------------------

    def _tolerates_loss(self, what: str) -> bool:
        """True to go on; False after cancelling the listener (loss is reported)."""
        try:
            tolerant = self._listener.is_loss_tolerant()
        except Exception:
            _logger.exception("is_loss_tolerant of %r on reliable topic %s raised", self._listener, self._name)
            tolerant = False
        if tolerant:
            _logger.debug("Listener %r on reliable topic %s goes on: %s", self._listener, self._name, what)
            return True
        _logger.warning(
            "Listener %r on reliable topic %s is cancelled, it is not loss tolerant: %s",
            self._listener,
            self._name,
            what,
        )
        self.cancel()
        return False

    def _is_terminal(self, error: Exception) -> bool:
        try:
            terminal = self._listener.is_terminal(error)
        except Exception:
            _logger.exception(
                "is_terminal of %r on reliable topic %s raised: the listener is cancelled", self._listener, self._name
            )
            return True
        if terminal:
            _logger.warning(
                "Listener %r on reliable topic %s is cancelled: on_message raised a terminal error",
                self._listener,
                self._name,
                exc_info=error,
            )
        else:
            _logger.debug("Listener %r on reliable topic %s raised", self._listener, self._name, exc_info=error)
        return terminal

    def _on_new_cluster(self) -> None:
        # The cluster restarted (or the client failed over to another): its
        # ringbuffer starts anew, so the sequence means nothing there, and what the
        # old one held and this listener had not read is gone.
        self._cluster_id = self._connection_manager.cluster_id
        if self._tolerates_loss("the client connected to a new cluster; unread messages of the old one are lost"):
            self._jump_to_head()

    def _jump_to_head(self) -> None:
        def on_head(done: Future[int]) -> None:
            if self._cancelled:
                return
            try:
                head = done.result()
            except Exception as error:
                self._on_read_error(error)
                return
            self._sequence = head
            self.next_batch()

        self._topic._ringbuffer.head_sequence().add_done_callback(on_head)

    def _on_read_error(self, error: BaseException) -> None:
        if isinstance(error, HazelcastClientNotActiveError):
            _logger.debug("Listener %r on reliable topic %s stops: the client shuts down", self._listener, self._name)
            self.cancel()
        elif isinstance(error, DistributedObjectDestroyedError):
            _logger.debug("Listener %r on reliable topic %s stops: the topic is destroyed", self._listener, self._name)
            self.cancel()
        elif isinstance(error, (IllegalArgumentError, StaleSequenceError)):
            # The member has no item at the sequence: the ringbuffer lost its data
            # (a sequence beyond the tail) or overwrote it.
            if self._tolerates_loss("the ringbuffer no longer holds sequence %d (%s)" % (self._sequence, error)):
                self._jump_to_head()
        elif isinstance(
            error,
            (
                ClientOfflineError,
                OperationTimeoutError,
                HazelcastIOError,
                HazelcastInstanceNotActiveError,
                TargetDisconnectedError,
                TargetNotMemberError,
                MemberLeftError,
            ),
        ) or is_retryable_error(error):
            # The cluster is (for now) out of reach: read again from the same
            # sequence after a pause.
            pause = self._retry_pause
            self._retry_pause = min(_RETRY_MAX_PAUSE, 2 * pause)
            _logger.debug(
                "Listener %r on reliable topic %s reads again from %d in %.1f s after %r",
                self._listener,
                self._name,
                self._sequence,
                pause,
                error,
            )
            self._transport.call_later(pause, self._retry)
        else:
            _logger.warning(
                "Listener %r on reliable topic %s is cancelled after an unexpected error",
                self._listener,
                self._name,
                exc_info=error,
            )
            self.cancel()

    def _retry(self) -> None:
        if self._cancelled:
            return
        if self._connection_manager.cluster_id != self._cluster_id:
            self._on_new_cluster()
        else:
            self.next_batch()


class ReliableTopic(Proxy["BlockingReliableTopic"], typing.Generic[MessageType]):
    """Hazelcast ReliableTopic client proxy: a topic whose messages are stored.

    The messages are kept in a Ringbuffer (``_hz_rb_<name>``) of bounded
    capacity, so a listener that is slow or briefly disconnected catches up
    instead of missing them: each listener reads the messages in the order they
    were published (the same order for every listener), without duplicates, and
    is told when it fell too far behind (see :class:`ReliableMessageListener`).

    The ``reliable_topics`` client configuration sets the read batch size and
    what a publish does when the ringbuffer is full (see
    :class:`hazelcast.config.TopicOverloadPolicy`).

    Example:
        >>> topic = client.get_reliable_topic("orders").blocking()
        >>> topic.add_listener(lambda m: print(m.message))
        >>> topic.publish("order-1")
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        config = context.config.reliable_topics.get(name)
        self._config: ReliableTopicConfig = config if config is not None else ReliableTopicConfig()
        self._ringbuffer_name = _RINGBUFFER_PREFIX + name
        # The client's proxy of the ringbuffer (nothing is created on the cluster:
        # the member creates the ringbuffer on first use). Only while another
        # caller's get_ringbuffer of that name is under way is it not ready: then
        # a proxy of its own does as well.
        found = context.proxy_manager.get_or_create(_RINGBUFFER_SERVICE, self._ringbuffer_name, create_on_remote=False)
        ringbuffer = found.result() if found.done() else Ringbuffer(_RINGBUFFER_SERVICE, self._ringbuffer_name, context)
        self._ringbuffer: Ringbuffer[typing.Any] = typing.cast("Ringbuffer[typing.Any]", ringbuffer)
        self._codec = _MessageCodec(context)
        self._runners: typing.Dict[str, _MessageRunner] = {}
        # Registered with the first listener: the client's shutdown cancels them
        # (its event thread stops, so no failed read would tell the runners).
        self._lifecycle_registration: typing.Optional[str] = None

    @schema_aware
    def publish(self, message: MessageType) -> Future[None]:
        """Publishes the message to all subscribers of this topic.

        When the ringbuffer is full, the configured overload policy decides what
        happens (by default the publish waits until there is room).

        Args:
            message: The message to publish.

        Raises:
            AssertionError: If ``message`` is ``None``.
            TopicOverloadError: (in the Future) if the topic is full and its
                overload policy is ``ERROR``.
        """
        if message is None:
            raise AssertionError("Message cannot be None")
        item = self._codec.encode(self._to_data(message), time.time())
        return self._add(self._ringbuffer.add, item)

    @schema_aware
    def publish_all(self, messages: typing.Sequence[MessageType]) -> Future[None]:
        """Publishes the messages, in order, to all subscribers of this topic.

        The messages are added to the ringbuffer together: when there is no room
        for all of them, the overload policy decides as for :meth:`publish`.

        Args:
            messages: The messages to publish.

        Raises:
            AssertionError: If ``messages`` or one of them is ``None``.
            TopicOverloadError: (in the Future) if the topic is full and its
                overload policy is ``ERROR``.
        """
        if messages is None:
            raise AssertionError("Messages cannot be None")
        now = time.time()
        encode = self._codec.encode
        to_data = self._to_data
        items = []
        for message in messages:
            if message is None:
                raise AssertionError("Message cannot be None")
            items.append(encode(to_data(message), now))
        return self._add(self._ringbuffer.add_all, items)

    def _add(self, add: typing.Callable[[typing.Any, int], Future[int]], items: typing.Any) -> Future[None]:
        policy = self._config.overload_policy
        if policy == TopicOverloadPolicy.DISCARD_OLDEST:
            return add(items, OVERFLOW_POLICY_OVERWRITE)._then(_ignore_sequence)
        if policy == TopicOverloadPolicy.DISCARD_NEWEST:
            return add(items, OVERFLOW_POLICY_FAIL)._then(_ignore_sequence)
        if policy == TopicOverloadPolicy.ERROR:
            name = self.name

            def or_fail(done: Future[int]) -> None:
                if done.result() == -1:
                    raise TopicOverloadError(
                        "Failed to publish on topic %s: its ringbuffer is full and the overload policy is ERROR"
                        % name
                    )

            return add(items, OVERFLOW_POLICY_FAIL)._then(or_fail)
        # BLOCK: try again after growing pauses until there is room.
        result: Future[None] = Future()
        call_later = self._context.transport.call_later

        def attempt(pause: float) -> None:
            # Inline: the client's own callback, run where the response is read (a
            # listener busy on the event thread does not hold the publish up).
            add(items, OVERFLOW_POLICY_FAIL)._add_inline_callback(lambda done: added(done, pause))

        def added(done: Future[int], pause: float) -> None:
            try:
                sequence = done.result()
            except Exception as error:
                result.set_exception(error)
                return
            if sequence != -1:
                result.set_result(None)
            elif not result.done():  # not cancelled by the caller
                call_later(pause, attempt, min(_MAX_BACKOFF, 2 * pause))

        attempt(_INITIAL_BACKOFF)
        return result

    def add_listener(
        self,
        listener: typing.Union[ReliableMessageListener, typing.Callable[[TopicMessage[MessageType]], None]],
    ) -> Future[str]:
        """Subscribes to this reliable topic.

        ``listener`` is a function called with each message, or a
        :class:`ReliableMessageListener` for control over the initial sequence,
        message loss and errors. Several listeners may be added.

        Args:
            listener: The listener.

        Returns:
            The registration id, to give to :meth:`remove_listener`.

        Raises:
            AssertionError: If ``listener`` is ``None``.
            TypeError: If ``listener`` is neither callable nor a
                :class:`ReliableMessageListener`.
        """
        if listener is None:
            raise AssertionError("None listener is not allowed")
        if not isinstance(listener, ReliableMessageListener):
            if not callable(listener):
                raise TypeError("Listener must be a callable or a ReliableMessageListener")
            listener = _FunctionListener(listener)
        registration_id = str(_uuid.uuid4())
        runner = _MessageRunner(self, registration_id, listener)
        if self._lifecycle_registration is None:
            self._lifecycle_registration = self._context.lifecycle_service.add_listener(self._on_lifecycle_event)

        def started(done: Future[None]) -> str:
            done.result()
            self._runners[registration_id] = runner
            runner.next_batch()
            return registration_id

        return runner.start().continue_with(started)

    def remove_listener(self, registration_id: str) -> Future[bool]:
        """Stops the listener of this registration (its ``on_cancel`` is called).

        Args:
            registration_id: The id :meth:`add_listener` returned.

        Returns:
            ``True`` if the listener was removed, ``False`` if it was not registered.

        Raises:
            AssertionError: If ``registration_id`` is ``None``.
        """
        if registration_id is None:
            raise AssertionError("Registration id cannot be None")
        runner = self._runners.get(registration_id)
        if runner is None:
            return ImmediateFuture(False)
        runner.cancel()
        return ImmediateFuture(True)

    def blocking(self) -> "BlockingReliableTopic[MessageType]":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingReliableTopic(self)

    def _on_lifecycle_event(self, state: str) -> None:
        if state == LifecycleState.SHUTTING_DOWN:
            for runner in list(self._runners.values()):
                runner.cancel()

    def _destroy(self) -> Future[bool]:
        # destroy() waits for this, the asyncio face awaits it: the listeners stop,
        # then the topic and its ringbuffer are destroyed.
        for runner in list(self._runners.values()):
            runner.cancel()
        self._runners.clear()
        if self._lifecycle_registration is not None:
            self._context.lifecycle_service.remove_listener(self._lifecycle_registration)
            self._lifecycle_registration = None
        manager = self._context.proxy_manager
        ringbuffer_name = self._ringbuffer_name

        def then_ringbuffer(done: Future[bool]) -> Future[bool]:
            done.result()  # raises the member's error
            return manager.destroy_proxy(_RINGBUFFER_SERVICE, ringbuffer_name)

        return manager.destroy_proxy(self.service_name, self.name)._then(then_ringbuffer)


def _ignore_sequence(done: Future[int]) -> None:
    done.result()


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingReliableTopic(ReliableTopic[MessageType]):
    """The blocking twin of :class:`ReliableTopic`: each method waits for the result that
    :class:`ReliableTopic` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`ReliableTopic.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: ReliableTopic[MessageType]):  # pylint: disable=super-init-not-called
        # No ReliableTopic.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def publish(self, message: MessageType) -> None:  # type: ignore[override]
        """Publishes the message to all subscribers of this topic.

        When the ringbuffer is full, the configured overload policy decides what
        happens (by default the publish waits until there is room).

        Args:
            message: The message to publish.

        Raises:
            AssertionError: If ``message`` is ``None``.
            TopicOverloadError: (in the Future) if the topic is full and its
                overload policy is ``ERROR``.
        """
        return self._wrapped.publish(message).result()

    def publish_all(self, messages: typing.Sequence[MessageType]) -> None:  # type: ignore[override]
        """Publishes the messages, in order, to all subscribers of this topic.

        The messages are added to the ringbuffer together: when there is no room
        for all of them, the overload policy decides as for :meth:`publish`.

        Args:
            messages: The messages to publish.

        Raises:
            AssertionError: If ``messages`` or one of them is ``None``.
            TopicOverloadError: (in the Future) if the topic is full and its
                overload policy is ``ERROR``.
        """
        return self._wrapped.publish_all(messages).result()

    def add_listener(  # type: ignore[override]
        self,
        listener: typing.Union[ReliableMessageListener, typing.Callable[[TopicMessage[MessageType]], None]],
    ) -> str:
        """Subscribes to this reliable topic.

        ``listener`` is a function called with each message, or a
        :class:`ReliableMessageListener` for control over the initial sequence,
        message loss and errors. Several listeners may be added.

        Args:
            listener: The listener.

        Returns:
            The registration id, to give to :meth:`remove_listener`.

        Raises:
            AssertionError: If ``listener`` is ``None``.
            TypeError: If ``listener`` is neither callable nor a
                :class:`ReliableMessageListener`.
        """
        return self._wrapped.add_listener(listener).result()

    def remove_listener(self, registration_id: str) -> bool:  # type: ignore[override]
        """Stops the listener of this registration (its ``on_cancel`` is called).

        Args:
            registration_id: The id :meth:`add_listener` returned.

        Returns:
            ``True`` if the listener was removed, ``False`` if it was not registered.

        Raises:
            AssertionError: If ``registration_id`` is ``None``.
        """
        return self._wrapped.remove_listener(registration_id).result()

    def blocking(self) -> "BlockingReliableTopic[MessageType]":
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
