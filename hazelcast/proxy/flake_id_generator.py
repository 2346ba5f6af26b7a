"""Client proxy of the Flake ID generator: cluster-wide unique ids, fetched in batches."""

from __future__ import annotations

import collections
import itertools
import threading
import time
import typing

from hazelcast.config import FlakeIdGeneratorConfig
from hazelcast.future import Future, ImmediateFuture
from hazelcast.protocol.codec import flake_id_generator_new_id_batch_codec
from hazelcast.proxy.base import Proxy

if typing.TYPE_CHECKING:
    from hazelcast.proxy.context import ClientContext

_ConfigT = typing.TypeVar("_ConfigT")


def find_config(configs: typing.Mapping[str, _ConfigT], name: str) -> typing.Optional[_ConfigT]:
    """Returns the configuration that applies to the structure ``name``.

    As the Java client looks its configurations up: the name without its
    partition key (``"name@key"``) matches a key exactly, else the key with one
    ``*`` wildcard matching most characters of it (``"ids-*"`` matches
    ``"ids-orders"``), else the key ``"default"``.

    Args:
        configs: Structure name or pattern to configuration.
        name: The structure's name.

    Returns:
        The configuration, or ``None`` when none applies.

    Raises:
        InvalidConfigurationError: If two patterns match the name equally well.
    """
    at = name.find("@")
    base_name = name if at == -1 else name[:at]
    config = configs.get(base_name)
    if config is not None:
        return config
    best: typing.Optional[_ConfigT] = None
    best_pattern = ""
    best_score = -1
    for pattern, candidate in configs.items():
        star = pattern.find("*")
        if star == -1:
            continue
        prefix, suffix = pattern[:star], pattern[star + 1 :]
        if len(prefix) + len(suffix) > len(base_name):
            continue
        if not (base_name.startswith(prefix) and base_name.endswith(suffix)):
            continue
        score = len(prefix) + len(suffix)
        if score == best_score:
            from hazelcast.errors import InvalidConfigurationError

            raise InvalidConfigurationError(
                "the configuration of %r is ambiguous: patterns %r and %r match it equally well"
                % (name, best_pattern, pattern)
            )
        if score > best_score:
            best, best_pattern, best_score = candidate, pattern, score
    if best is not None:
        return best
    return configs.get("default")


class FlakeIdGenerator(Proxy["BlockingFlakeIdGenerator"]):
    """A cluster-wide unique id generator.

    Ids are ``int`` values in ``0 .. 2**63 - 1``, roughly ordered in time
    (k-ordered). An id holds a timestamp (milliseconds since 2018-01-01 UTC, 41
    bits), the id of the member that generated it (16 bits, assigned when the
    member joins) and a sequence (6 bits). Members generate ids without
    coordination, so ids stay unique even in a split-brain.

    The client fetches ids from a member in batches (``prefetch_count`` ids, see
    :class:`hazelcast.config.FlakeIdGeneratorConfig`) and hands them out locally
    until the batch is used up or older than ``prefetch_validity``.

    Node id overflow:
        Generating ids needs at least one member whose join order is below
        ``2**16``; once all members have larger node ids, restarting the cluster
        assigns them from zero again. The timestamp keeps ids unique across the
        restart.
    """

    _BITS_NODE_ID = 16
    _BITS_SEQUENCE = 6

    def __init__(self, service_name: str, name: str, context: "ClientContext"):
        super().__init__(service_name, name, context)
        config = find_config(context.config.flake_id_generators, name)
        if config is None:
            config = FlakeIdGeneratorConfig()
        self._auto_batcher = _AutoBatcher(config.prefetch_count, config.prefetch_validity, self._new_id_batch)

    def new_id(self) -> Future[int]:
        """Returns a new cluster-wide unique id.

        Ids come from a local batch; the first call, and the call after a batch
        ran out or expired, fetches a new batch from a member.

        Note:
            The ids handed out are not strictly ordered.

        Returns:
            A new cluster-wide unique id.

        Raises:
            HazelcastError: If the node id of every member is out of the valid
                range (see ``Node id overflow`` above).
        """
        return self._auto_batcher.new_id()

    def blocking(self) -> "BlockingFlakeIdGenerator":
        """Returns a version of this proxy with only blocking method calls."""
        return _FastBlockingFlakeIdGenerator(self)

    def _new_id_batch(self, batch_size: int) -> Future["_IdBatch"]:
        request = flake_id_generator_new_id_batch_codec.encode_request(self.name, batch_size)
        return self._invoke(request, _decode_batch)


def _decode_batch(message: typing.Any) -> "_IdBatch":
    response = flake_id_generator_new_id_batch_codec.decode_response(message)
    return _IdBatch(response["base"], response["increment"], response["batch_size"])


class _IdBatch:
    """The ids ``base, base + increment, ...`` (``batch_size`` of them)."""

    __slots__ = ("base", "increment", "batch_size")

    def __init__(self, base: int, increment: int, batch_size: int):
        self.base = base
        self.increment = increment
        self.batch_size = batch_size

    def __iter__(self) -> typing.Iterator[int]:
        return itertools.islice(itertools.count(self.base, self.increment), self.batch_size)


class _Block:
    """A batch being handed out, with the time it expires."""

    __slots__ = ("next_id", "expires")

    def __init__(self, batch: _IdBatch, validity: float, now: float):
        # One C-level call per id: the islice iterator hands each id out once, also
        # to threads calling it at the same time (no Python code runs inside it).
        self.next_id: typing.Callable[[], int] = iter(batch).__next__
        self.expires = now + validity if validity > 0 else float("inf")


class _Waiter(Future[int]):
    """A caller's id that comes from the batch being fetched: its callbacks run
    where the fetch's do (the event thread), not on the thread reading it."""

    __slots__ = ("_source",)

    def __init__(self) -> None:
        super().__init__()
        self._source: typing.Optional[Future[typing.Any]] = None

    def _event_loop(self) -> typing.Any:
        source = self._source
        return source._event_loop() if source is not None else None


_EMPTY_BLOCK = _Block(_IdBatch(0, 0, 0), 0, 0.0)


_MAX_SPARES = 4
"""Most batches fetched ahead of need (each of ``prefetch_count`` ids)."""


class _AutoBatcher:
    """Hands out the ids of the current batch and fetches batches from the cluster.

    Callers that find no usable id wait on Futures completed from the next batch
    that arrives (never a blocked thread). Once a batch has been used up within
    its validity, ids are in demand: batches are then fetched ahead (spares), one
    at first and more (up to ``_MAX_SPARES``) while callers still find none
    ready, so that a busy generator does not wait a round trip every
    ``prefetch_count`` ids. A batch that expires before it is used up means
    demand is low: no batch is fetched ahead until the next one is used up.
    Every batch, spare or current, is used only until its own validity ends.
    """

    def __init__(
        self,
        batch_size: int,
        validity: float,
        fetch: typing.Callable[[int], Future[_IdBatch]],
        clock: typing.Callable[[], float] = time.monotonic,
    ):
        self._batch_size = batch_size
        self._validity = validity
        self._fetch = fetch
        self._clock = clock
        self._block = _EMPTY_BLOCK
        self._spares: typing.Deque[_Block] = collections.deque()
        self._wanted_spares = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._waiting: typing.Deque[_Waiter] = collections.deque()

    def new_id(self) -> Future[int]:
        block = self._block
        if block.expires > self._clock():
            try:
                return ImmediateFuture(block.next_id())
            except StopIteration:
                pass
        return self._next_batch(block)

    def _next_batch(self, seen: _Block) -> Future[int]:
        result: Future[int]
        with self._lock:
            now = self._clock()
            block = self._block
            if block is not seen and block.expires > now:
                # Replaced meanwhile: try the new one.
                try:
                    return ImmediateFuture(block.next_id())
                except StopIteration:
                    pass
            spares = self._spares
            while spares and spares[0].expires <= now:
                spares.popleft()  # expired before its turn
            if seen is not _EMPTY_BLOCK:
                if seen.expires <= now:
                    self._wanted_spares = 0
                elif not spares:
                    # Used up, and no spare was ready: fetch more ahead.
                    self._wanted_spares = min(_MAX_SPARES, max(1, 2 * self._wanted_spares))
            if spares:
                block = spares.popleft()
                # Our id is taken before the batch is published: once it is the
                # current one, other threads take ids from it without the lock and
                # may use it up. A fresh batch holds at least one id.
                result = ImmediateFuture(block.next_id())
                self._block = block
            else:
                result = _Waiter()
                self._waiting.append(result)
            fetches = self._fetches_needed()
        for _ in range(fetches):
            self._request_batch()
        return result

    def _fetches_needed(self) -> int:
        # Under the lock: how many fetches to start now.
        needed = self._wanted_spares - len(self._spares) - self._in_flight
        if self._waiting and self._in_flight == 0:
            needed = max(needed, 1)
        if needed <= 0:
            return 0
        self._in_flight += needed
        return needed

    def _request_batch(self) -> None:
        try:
            fetched = self._fetch(self._batch_size)
        except Exception as e:  # e.g. the client is shutting down
            self._on_failure(e, None)
            return
        fetched._add_inline_callback(self._on_batch)

    def _on_batch(self, fetched: Future[_IdBatch]) -> None:
        error = fetched.exception()
        if error is not None:
            self._on_failure(error, fetched)
            return
        block = _Block(fetched.result(), self._validity, self._clock())
        ready: typing.List[typing.Tuple[_Waiter, int]] = []
        with self._lock:
            self._in_flight -= 1
            waiting = self._waiting
            if waiting:
                # Callers wait: the current batch had run out; this one replaces it.
                while waiting:
                    try:
                        ready.append((waiting[0], block.next_id()))
                    except StopIteration:
                        break
                    waiting.popleft()
                self._block = _EMPTY_BLOCK if waiting else block
            else:
                self._spares.append(block)  # fetched ahead
            fetches = self._fetches_needed()
        # Completed outside the lock: a callback may ask for the next id.
        for future, next_id in ready:
            future._source = fetched
            future.set_result(next_id)
        for _ in range(fetches):
            self._request_batch()

    def _on_failure(self, error: BaseException, fetched: typing.Optional[Future[typing.Any]]) -> None:
        with self._lock:
            self._in_flight -= 1
            self._wanted_spares = 0
            failed = list(self._waiting)
            self._waiting.clear()
        for future in failed:
            future._source = fetched
            future.set_exception(error)


def create_flake_id_generator_proxy(service_name: str, name: str, context: "ClientContext") -> FlakeIdGenerator:
    """Creates the FlakeIdGenerator proxy for ``name``."""
    return FlakeIdGenerator(service_name, name, context)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingFlakeIdGenerator(FlakeIdGenerator):
    """The blocking twin of :class:`FlakeIdGenerator`: each method waits for the result that
    :class:`FlakeIdGenerator` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`FlakeIdGenerator.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: FlakeIdGenerator):  # pylint: disable=super-init-not-called
        # No FlakeIdGenerator.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def new_id(self) -> int:  # type: ignore[override]
        """Returns a new cluster-wide unique id.

        Ids come from a local batch; the first call, and the call after a batch
        ran out or expired, fetches a new batch from a member.

        Note:
            The ids handed out are not strictly ordered.

        Returns:
            A new cluster-wide unique id.

        Raises:
            HazelcastError: If the node id of every member is out of the valid
                range (see ``Node id overflow`` above).
        """
        return self._wrapped.new_id().result()

    def blocking(self) -> "BlockingFlakeIdGenerator":
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
# Hand-written, after the generated twin: the twin with a new_id that hands out an
# id of the current batch without making a Future for it (the common case).


class _FastBlockingFlakeIdGenerator(BlockingFlakeIdGenerator):
    __slots__ = ("_batcher",)

    def __init__(self, wrapped: FlakeIdGenerator):
        super().__init__(wrapped)
        self._batcher = wrapped._auto_batcher

    def new_id(self) -> int:  # type: ignore[override]
        batcher = self._batcher
        block = batcher._block
        if block.expires > batcher._clock():
            try:
                return block.next_id()
            except StopIteration:
                pass
        return batcher._next_batch(block).result()
