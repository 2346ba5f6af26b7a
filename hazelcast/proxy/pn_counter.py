"""Client proxy of the PN counter (a CRDT counter replicated on the data members)."""

from __future__ import annotations

import logging
import random
import threading
import typing
import uuid as _uuid

from hazelcast.cluster import VectorClock
from hazelcast.errors import NoDataMemberInClusterError
from hazelcast.future import Future, ImmediateExceptionFuture
from hazelcast.protocol.codec import (
    pn_counter_add_codec,
    pn_counter_get_codec,
    pn_counter_get_configured_replica_count_codec,
)
from hazelcast.proxy.base import Proxy

if typing.TYPE_CHECKING:
    from hazelcast.core import MemberInfo
    from hazelcast.proxy.context import ClientContext

_logger = logging.getLogger(__name__)


def _to_vector_clock(timestamps: typing.Iterable[typing.Tuple[typing.Any, int]]) -> VectorClock:
    clock = VectorClock()
    for replica_id, timestamp in timestamps:
        clock.set_replica_timestamp(replica_id, timestamp)
    return clock


class PNCounter(Proxy["BlockingPNCounter"]):
    """PN (Positive-Negative) CRDT counter.

    The counter can be incremented and decremented by any amount and read. Each
    data member keeps a replica that accepts updates without coordinating with
    the others; replicas exchange their states in the background and converge:
    two replicas that received the same updates, in whatever order, hold the
    same value.

    Updates are remote calls: when the connection breaks before the response
    arrives, the update may or may not have been applied, and the call fails
    with ``TargetDisconnectedError``.

    The proxy keeps the replica timestamps it has observed (a vector clock) and
    sends them with every call: a replica that has not yet seen what this proxy
    saw refuses the call, and the proxy tries another replica. This gives
    monotonic reads and read-your-writes within the proxy's session. When no
    reachable replica has seen the observed state (every replica holding it is
    gone), the call fails with ``ConsistencyLostError``. No update is lost by
    that: the session guarantee is. Either wait for such a replica to come back
    or call :meth:`reset` to start a new session.

    Notes:
        The state lives on data (non-lite) members only; without any, the
        methods fail with ``NoDataMemberInClusterError``.
    """

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        self._observed_clock = VectorClock()
        self._clock_lock = threading.Lock()
        # Learned from the cluster on the first call (the counter's replica-count
        # config); 0 until then.
        self._max_replica_count = 0
        self._current_target: typing.Optional["MemberInfo"] = None
        self._cluster_service = context.cluster_service

    def get(self) -> Future[int]:
        """Returns the current value of the counter.

        Returns:
            The current value of the counter.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(None, False)

    def get_and_add(self, delta: int) -> Future[int]:
        """Adds ``delta`` to the counter and returns the value before the update.

        Args:
            delta: The value to add.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(delta, True)

    def add_and_get(self, delta: int) -> Future[int]:
        """Adds ``delta`` to the counter and returns the updated value.

        Args:
            delta: The value to add.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(delta, False)

    def get_and_subtract(self, delta: int) -> Future[int]:
        """Subtracts ``delta`` from the counter and returns the value before the
        update.

        Args:
            delta: The value to subtract.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(-delta, True)

    def subtract_and_get(self, delta: int) -> Future[int]:
        """Subtracts ``delta`` from the counter and returns the updated value.

        Args:
            delta: The value to subtract.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(-delta, False)

    def get_and_decrement(self) -> Future[int]:
        """Subtracts one from the counter and returns the value before the update.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(-1, True)

    def decrement_and_get(self) -> Future[int]:
        """Subtracts one from the counter and returns the updated value.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(-1, False)

    def get_and_increment(self) -> Future[int]:
        """Adds one to the counter and returns the value before the update.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(1, True)

    def increment_and_get(self) -> Future[int]:
        """Adds one to the counter and returns the updated value.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._invoke_internal(1, False)

    def reset(self) -> None:
        """Forgets the replica timestamps this proxy has observed.

        Call it after a ``ConsistencyLostError`` to start a new session: the
        next call is accepted by any replica.
        """
        with self._clock_lock:
            self._observed_clock = VectorClock()

    def blocking(self) -> "BlockingPNCounter":
        """Returns a version of this proxy with only blocking method calls."""
        return BlockingPNCounter(self)

    # -- the invocation and its retries on other replicas ------------------------------

    def _invoke_internal(self, delta: typing.Optional[int], get_before_update: bool) -> Future[int]:
        # delta None: a read. The Future completes once a replica answered or every
        # replica to try has failed. Continuations (not a bare Future) carry the
        # first invocation's event thread, where the user's callbacks run.
        if self._max_replica_count > 0:
            return self._attempt([], None, delta, get_before_update)
        request = pn_counter_get_configured_replica_count_codec.encode_request(self.name)
        fetched = self._invoke(request, pn_counter_get_configured_replica_count_codec.decode_response)
        return fetched._then(self._on_replica_count, delta, get_before_update)

    def _on_replica_count(
        self, done: Future[int], delta: typing.Optional[int], get_before_update: bool
    ) -> Future[int]:
        self._max_replica_count = done.result()  # raises the member's error
        return self._attempt([], None, delta, get_before_update)

    def _attempt(
        self,
        excluded: typing.List[_uuid.UUID],
        last_error: typing.Optional[BaseException],
        delta: typing.Optional[int],
        get_before_update: bool,
    ) -> Future[int]:
        target = self._operation_target(excluded)
        if target is None:
            if last_error is not None:
                return ImmediateExceptionFuture(last_error)
            return ImmediateExceptionFuture(
                NoDataMemberInClusterError(
                    "cannot invoke operations on the PN counter %r: the cluster has no data member" % self.name
                )
            )
        timestamps = self._observed_clock.entry_set()
        if delta is None:
            request = pn_counter_get_codec.encode_request(self.name, timestamps, target.uuid)
            sent = self._invoke_on_target(request, target.uuid, pn_counter_get_codec.decode_response)
        else:
            request = pn_counter_add_codec.encode_request(
                self.name, delta, get_before_update, timestamps, target.uuid
            )
            sent = self._invoke_on_target(request, target.uuid, pn_counter_add_codec.decode_response)
        return sent._then(self._on_response, target, excluded, delta, get_before_update)

    def _on_response(
        self,
        done: Future[typing.Any],
        target: "MemberInfo",
        excluded: typing.List[_uuid.UUID],
        delta: typing.Optional[int],
        get_before_update: bool,
    ) -> typing.Any:
        error = done.exception()
        if error is None:
            response = done.result()
            self._update_observed_clock(response["replica_timestamps"])
            return response["value"]
        _logger.debug(
            "PN counter %r: call on replica %s failed (%s: %s); trying another replica",
            self.name,
            target,
            type(error).__name__,
            error,
        )
        excluded.append(target.uuid)
        return self._attempt(excluded, error, delta, get_before_update)

    def _operation_target(self, excluded: typing.List[_uuid.UUID]) -> typing.Optional["MemberInfo"]:
        # Stay on the replica in use while it answers and is a member; otherwise pick
        # another at random among the replicas not tried yet.
        candidates = self._replica_candidates(excluded)
        current = self._current_target
        if current is not None:
            for member in candidates:
                if member.uuid == current.uuid:
                    return member
        chosen = random.choice(candidates) if candidates else None
        self._current_target = chosen
        return chosen

    def _replica_candidates(self, excluded: typing.List[_uuid.UUID]) -> typing.List["MemberInfo"]:
        # The replicas are the first max-replica-count data members of the member
        # list (the members place them the same way).
        data_members = self._cluster_service.get_members(_is_data_member)
        count = min(self._max_replica_count, len(data_members))
        return [m for m in data_members[:count] if m.uuid not in excluded]

    def _update_observed_clock(self, timestamps: typing.Iterable[typing.Tuple[typing.Any, int]]) -> None:
        received = _to_vector_clock(timestamps)
        with self._clock_lock:
            if received.is_after(self._observed_clock):
                self._observed_clock = received


def _is_data_member(member: "MemberInfo") -> bool:
    return not member.lite_member


def create_pn_counter_proxy(service_name: str, name: str, context: "ClientContext") -> PNCounter:
    """Creates the PN counter proxy for ``name``."""
    return PNCounter(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingPNCounter(PNCounter):
    """The blocking twin of :class:`PNCounter`: each method waits for the result that
    :class:`PNCounter` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`PNCounter.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: PNCounter):  # pylint: disable=super-init-not-called
        # No PNCounter.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def get(self) -> int:  # type: ignore[override]
        """Returns the current value of the counter.

        Returns:
            The current value of the counter.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.get().result()

    def get_and_add(self, delta: int) -> int:  # type: ignore[override]
        """Adds ``delta`` to the counter and returns the value before the update.

        Args:
            delta: The value to add.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.get_and_add(delta).result()

    def add_and_get(self, delta: int) -> int:  # type: ignore[override]
        """Adds ``delta`` to the counter and returns the updated value.

        Args:
            delta: The value to add.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.add_and_get(delta).result()

    def get_and_subtract(self, delta: int) -> int:  # type: ignore[override]
        """Subtracts ``delta`` from the counter and returns the value before the
        update.

        Args:
            delta: The value to subtract.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.get_and_subtract(delta).result()

    def subtract_and_get(self, delta: int) -> int:  # type: ignore[override]
        """Subtracts ``delta`` from the counter and returns the updated value.

        Args:
            delta: The value to subtract.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.subtract_and_get(delta).result()

    def get_and_decrement(self) -> int:  # type: ignore[override]
        """Subtracts one from the counter and returns the value before the update.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.get_and_decrement().result()

    def decrement_and_get(self) -> int:  # type: ignore[override]
        """Subtracts one from the counter and returns the updated value.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.decrement_and_get().result()

    def get_and_increment(self) -> int:  # type: ignore[override]
        """Adds one to the counter and returns the value before the update.

        Returns:
            The previous value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.get_and_increment().result()

    def increment_and_get(self) -> int:  # type: ignore[override]
        """Adds one to the counter and returns the updated value.

        Returns:
            The updated value.

        Raises:
            NoDataMemberInClusterError: If the cluster has no data member.
            ConsistencyLostError: If the session guarantees have been lost.
        """
        return self._wrapped.increment_and_get().result()

    def reset(self) -> None:
        """Forgets the replica timestamps this proxy has observed.

        Call it after a ``ConsistencyLostError`` to start a new session: the
        next call is accepted by any replica.
        """
        return self._wrapped.reset()

    def blocking(self) -> "BlockingPNCounter":
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
