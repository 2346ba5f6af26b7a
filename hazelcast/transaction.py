"""Client transactions: :class:`Transaction` and the manager that creates them.

A transaction lives on one member connection, chosen when it is created; its
requests (begin, commit, rollback and those of its transactional data structures)
all go on that connection. It is bound to the owner that began it: the thread for
:class:`hazelcast.client.HazelcastClient`, the asyncio task (or the open lock
context) for :class:`hazelcast.asyncio.HazelcastClient`.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
import typing
import uuid

from hazelcast.errors import IllegalStateError, TransactionError
from hazelcast.future import Future, ImmediateFuture
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import (
    transaction_commit_codec,
    transaction_create_codec,
    transaction_rollback_codec,
)
from hazelcast.proxy.transactional_list import TransactionalList
from hazelcast.proxy.transactional_map import TransactionalMap
from hazelcast.proxy.transactional_multi_map import TransactionalMultiMap
from hazelcast.proxy.transactional_queue import TransactionalQueue
from hazelcast.proxy.transactional_set import TransactionalSet

if typing.TYPE_CHECKING:
    from hazelcast.transport import Connection
    from hazelcast.proxy.base import TransactionalProxy
    from hazelcast.proxy.context import ClientContext

_logger = logging.getLogger(__name__)

_STATE_ACTIVE = "active"
_STATE_NOT_STARTED = "not_started"
_STATE_COMMITTED = "committed"
_STATE_ROLLED_BACK = "rolled_back"
_STATE_PARTIAL_COMMIT = "rolling_back"

TWO_PHASE = 1
"""
The two phase commit: the commit first prepares the transaction on every member
involved (conflicts make it fail there, before anything is written), then writes
the changes. A member other than the coordinator dying while the changes are
written does not fail the commit: the coordinator writes that member's part on
the partitions' new owners. The coordinator dying fails the commit with
``TargetDisconnectedError`` and can leave part of it written (see
docs/transactions.md).
"""

ONE_PHASE = 2
"""
The one phase commit: no prepare step; the changes are written in one step at the
end. Conflicts are not detected beforehand, so a failure during the commit can leave
some changes written and others not.
"""

RETRY_COUNT = 20
"""How many times a connection is looked for when a transaction is created."""

_TransactionalProxyType = typing.TypeVar("_TransactionalProxyType", bound="TransactionalProxy")


class _Owners:
    """The owners (threads or asyncio tasks) that have begun a transaction not yet
    ended: a second begin by the same owner is a nested transaction."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # owner id -> (transaction, thread that began it). A thread id can be reused
        # by a later thread: an entry of another (dead) thread object does not count.
        self._active: typing.Dict[int, typing.Tuple["Transaction", threading.Thread]] = {}

    def enter(self, owner: int, transaction: "Transaction") -> bool:
        current = threading.current_thread()
        with self._lock:
            entry = self._active.get(owner)
            if entry is not None and entry[1] is current:
                return False
            self._active[owner] = (transaction, current)
            return True

    def leave(self, owner: typing.Optional[int], transaction: "Transaction") -> None:
        with self._lock:
            entry = self._active.get(owner)  # type: ignore[arg-type]
            if entry is not None and entry[0] is transaction:
                del self._active[owner]  # type: ignore[arg-type]


_owners = _Owners()


class TransactionManager:
    """Manages the execution of client transactions and provides Transaction objects."""

    def __init__(self, context: "ClientContext"):
        self._context = context

    def _connect(self) -> "Connection":
        connection_manager = self._context.connection_manager
        for attempt in range(1, RETRY_COUNT + 1):
            connection = connection_manager.get_random_connection()
            if connection is not None:
                return connection
            _logger.debug("No connection for the transaction yet (attempt %d of %d)", attempt, RETRY_COUNT)
        raise IllegalStateError("No active connection is found")

    def new_transaction(self, timeout: float, durability: int, transaction_type: int) -> "Transaction":
        """Creates a Transaction object with given timeout, durability and
        transaction type.

        Args:
            timeout: The timeout in seconds determines the maximum lifespan
                of a transaction.
            durability: The durability is the number of machines that can take
                over if a member fails during a transaction commit or rollback.
            transaction_type: the transaction type which can be
                ``hazelcast.transaction.TWO_PHASE`` or
                ``hazelcast.transaction.ONE_PHASE``.

        Returns:
            New created Transaction.

        Raises:
            IllegalStateError: If the client has no connection to a member.
        """
        connection = self._connect()
        return Transaction(self._context, connection, timeout, durability, transaction_type)


class Transaction:
    """Provides transactional operations: beginning/committing transactions,
    but also retrieving transactional data-structures like the
    TransactionalMap.

    A transaction is bound to the thread that begins it: :meth:`commit`,
    :meth:`rollback` and the ``get_*`` methods raise
    :class:`~hazelcast.errors.TransactionError` in any other thread, and a thread
    cannot begin a second transaction before the first ends.

    Used as a context manager, it begins on entering and, on leaving, commits when
    the block ended normally and rolls back when it raised::

        with client.new_transaction() as transaction:
            transaction.get_map("accounts").put("alice", 10)

    Attributes:
        state: One of ``"not_started"``, ``"active"``, ``"committed"``,
            ``"rolled_back"``, ``"rolling_back"`` (a commit failed or timed out).
        id: The transaction's id on the cluster (``None`` before :meth:`begin`).
        start_time: When :meth:`begin` was called (seconds since the epoch).
        thread_id: The id of the owner that began it.
        connection: The connection all its requests go on.
        timeout: Its maximum lifespan in seconds.
        durability: Number of members that back its log up.
        transaction_type: :data:`TWO_PHASE` or :data:`ONE_PHASE`.
    """

    state = _STATE_NOT_STARTED
    id: typing.Optional[uuid.UUID] = None
    start_time: typing.Optional[float] = None
    thread_id: typing.Optional[int] = None

    def __init__(
        self, context: "ClientContext", connection: "Connection", timeout: float, durability: int, transaction_type: int
    ):
        self._context = context
        self.connection = connection
        self.timeout = timeout
        self.durability = durability
        self.transaction_type = transaction_type
        self._objects: typing.Dict[typing.Tuple[type, str], typing.Any] = {}
        self._deadline = 0.0
        # The requests of the transaction go one at a time (see _send).
        self._send_lock = threading.Lock()
        self._queued: typing.Deque[Invocation] = collections.deque()
        self._sending = False
        self._draining = False
        self._answered = False

    def begin(self) -> None:
        """Begins this transaction.

        Raises:
            TransactionError: If it was begun before, or the calling thread has
                begun another transaction that has not ended.
        """
        self._begin().result()

    def commit(self) -> None:
        """Commits this transaction.

        When it succeeds, every change of the transaction is visible. When it
        raises, the state is ``"rolling_back"``: call :meth:`rollback`.

        Raises:
            TransactionError: If the transaction is not active, has timed out, or
                is used from another thread than the one that began it.
            HazelcastError: If the member refused the commit (e.g. a conflict
                found by the prepare step), or ``TargetDisconnectedError`` if the
                connection to it closed: then the client cannot know how much of
                the commit the members wrote.
        """
        self._commit().result()

    def rollback(self) -> None:
        """Rollback of this current transaction.

        Raises:
            TransactionError: If the transaction is neither active nor after a
                failed commit, or is used from another thread than the one that
                began it.
        """
        self._rollback().result()

    def get_list(self, name: str) -> TransactionalList[typing.Any]:
        """Returns the transactional list instance with the specified name.

        Args:
            name: The specified name.

        Returns:
            The instance of Transactional List with the specified name.
        """
        return self._get_or_create_object(name, TransactionalList)

    def get_map(self, name: str) -> TransactionalMap[typing.Any, typing.Any]:
        """Returns the transactional map instance with the specified name.

        Args:
            name: The specified name.

        Returns:
            The instance of Transactional Map with the specified name.
        """
        return self._get_or_create_object(name, TransactionalMap)

    def get_multi_map(self, name: str) -> TransactionalMultiMap[typing.Any, typing.Any]:
        """Returns the transactional multimap instance with the specified name.

        Args:
            name: The specified name.

        Returns:
            The instance of Transactional MultiMap with the specified name.
        """
        return self._get_or_create_object(name, TransactionalMultiMap)

    def get_queue(self, name: str) -> TransactionalQueue[typing.Any]:
        """Returns the transactional queue instance with the specified name.

        Args:
            name: The specified name.

        Returns:
            The instance of Transactional Queue with the specified name.
        """
        return self._get_or_create_object(name, TransactionalQueue)

    def get_set(self, name: str) -> TransactionalSet[typing.Any]:
        """Returns the transactional set instance with the specified name.

        Args:
            name: The specified name.

        Returns:
            The instance of Transactional Set with the specified name.
        """
        return self._get_or_create_object(name, TransactionalSet)

    def __enter__(self) -> "Transaction":
        self.begin()
        return self

    def __exit__(self, type: typing.Any, value: typing.Any, traceback: typing.Any) -> None:
        if type is None and value is None and self.state == _STATE_ACTIVE:
            self.commit()
        elif self.state in (_STATE_PARTIAL_COMMIT, _STATE_ACTIVE):
            self.rollback()

    def __repr__(self) -> str:
        return "Transaction(id=%s, state=%s, type=%s)" % (self.id, self.state, self.transaction_type)

    # -- the one body of begin, commit and rollback (the asyncio face awaits them) --

    def _begin(self) -> Future[None]:
        owner = self._context.caller_id()
        if not _owners.enter(owner, self):
            raise TransactionError("Nested transactions are not allowed.")
        if self.state != _STATE_NOT_STARTED:
            _owners.leave(owner, self)
            raise TransactionError("Transaction has already been started.")
        self.start_time = time.time()
        self._deadline = time.monotonic() + self.timeout
        self.thread_id = owner
        try:
            request = transaction_create_codec.encode_request(
                int(self.timeout * 1000), self.durability, self.transaction_type, owner
            )
            invocation = Invocation(
                request, connection=self.connection, response_handler=transaction_create_codec.decode_response
            )
            self._context.invocation_service.invoke(invocation)
        except BaseException:
            _owners.leave(owner, self)
            raise

        def created(done: Future[uuid.UUID]) -> None:
            try:
                self.id = done.result()
            except BaseException:
                _owners.leave(owner, self)
                raise
            self.state = _STATE_ACTIVE

        return invocation._then(created)

    def _commit(self) -> Future[None]:
        self._check_active_owner()
        if self._deadline < time.monotonic():
            self.state = _STATE_PARTIAL_COMMIT
            _owners.leave(self.thread_id, self)
            raise TransactionError("Transaction has timed out.")
        try:
            invocation = Invocation(
                transaction_commit_codec.encode_request(self._id(), self._owner()), connection=self.connection
            )
            self._send(invocation)
        except BaseException:
            self.state = _STATE_PARTIAL_COMMIT
            _owners.leave(self.thread_id, self)
            raise

        def committed(done: Future[typing.Any]) -> None:
            _owners.leave(self.thread_id, self)
            try:
                done.result()
            except BaseException:
                self.state = _STATE_PARTIAL_COMMIT
                raise
            self.state = _STATE_COMMITTED

        return invocation._then(committed)

    def _rollback(self) -> Future[None]:
        if self.state not in (_STATE_ACTIVE, _STATE_PARTIAL_COMMIT):
            raise TransactionError("Transaction is not active.")
        self._check_owner()
        if self.state == _STATE_PARTIAL_COMMIT:
            # As the official client: after a failed commit nothing is sent; the
            # members end the transaction (its timeout releases what it holds).
            self.state = _STATE_ROLLED_BACK
            _owners.leave(self.thread_id, self)
            return ImmediateFuture(None)
        try:
            invocation = Invocation(
                transaction_rollback_codec.encode_request(self._id(), self._owner()), connection=self.connection
            )
            self._send(invocation)
        except BaseException:
            _owners.leave(self.thread_id, self)
            raise

        def rolled_back(done: Future[typing.Any]) -> None:
            _owners.leave(self.thread_id, self)
            done.result()
            self.state = _STATE_ROLLED_BACK

        return invocation._then(rolled_back)

    def _send(self, invocation: Invocation) -> None:
        # Sends a request of this transaction (its structures' calls, commit,
        # rollback) once the previous one has been answered. The member keeps a
        # transaction's state without synchronisation: overlapping calls (asyncio
        # tasks gathering them, Futures of the private methods, other threads) can
        # lose writes there. Calls waiting their turn keep their order.
        with self._send_lock:
            self._queued.append(invocation)
            if self._sending:
                return
            self._sending = True
        self._drain()

    def _drain(self) -> None:
        # Sends the queued requests one at a time. An answer that arrives while
        # this loop is on the stack (even on this thread, inside invoke) lets the
        # loop go on instead of recursing; one that arrives later calls _drain.
        invoke = self._context.invocation_service.invoke
        while True:
            with self._send_lock:
                if not self._queued:
                    self._sending = False
                    return
                invocation = self._queued.popleft()
                self._draining = True
                self._answered = False
            invocation._add_inline_callback(self._on_answer)
            try:
                invoke(invocation)
            except BaseException as e:  # pylint: disable=broad-except
                if not invocation.done():
                    invocation.set_exception(e)
            with self._send_lock:
                self._draining = False
                if not self._answered:
                    return  # _on_answer goes on with the next one

    def _on_answer(self, _: Future[typing.Any]) -> None:
        with self._send_lock:
            if self._draining:
                self._answered = True
                return
        self._drain()

    def _get_or_create_object(
        self, name: str, proxy_type: typing.Type[_TransactionalProxyType]
    ) -> _TransactionalProxyType:
        if self.state != _STATE_ACTIVE:
            raise TransactionError("Transaction is not in active state.")
        self._check_owner()
        key = (proxy_type, name)
        proxy = self._objects.get(key)
        if proxy is None:
            proxy = self._objects[key] = proxy_type(name, self, self._context)
        return typing.cast(_TransactionalProxyType, proxy)

    def _id(self) -> uuid.UUID:
        # Only called once begun: the id is known then.
        return typing.cast(uuid.UUID, self.id)

    def _owner(self) -> int:
        return typing.cast(int, self.thread_id)

    def _check_active_owner(self) -> None:
        if self.state != _STATE_ACTIVE:
            raise TransactionError("Transaction is not active.")
        self._check_owner()

    def _check_owner(self) -> None:
        if self._context.caller_id() != self.thread_id:
            raise TransactionError("Transaction cannot span multiple threads.")
