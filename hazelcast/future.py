"""Futures returned by every asynchronous client operation.

A :class:`Future` is completed once, by the thread that receives the response, and
can be waited on (``result()``) or chained (``add_done_callback``, ``continue_with``).
"""

from __future__ import annotations

import _thread
import functools
import logging
import threading
import weakref
from typing import Any, Callable, Generator, Generic, List, Optional, Protocol, Sequence, Tuple, TypeVar

_logger = logging.getLogger(__name__)

T = TypeVar("T")
U = TypeVar("U")
ResultType = TypeVar("ResultType")  # the official name; Future uses T

_PENDING = 0
_SUCCESS = 1
_FAILURE = 2

# One lock guards the short windows where a waiter or a callback is attached while
# the future may be completing. Completion and attachment hold it for a few
# instructions only, so one lock for all futures costs less than one lock each.
_completion_lock = threading.Lock()
_allocate_lock = _thread.allocate_lock


class _ThreadRole(threading.local):
    """Marks the threads where a wait for a pending Future is refused: a
    transport's event thread (callbacks and listeners run there; a wait would stall
    every response and event behind it)."""

    must_not_block: bool = False
    # On a connection's reader thread while it reads: the work it hands to the
    # event thread (listener events, callbacks) when that thread is idle, to run
    # on the reader itself once it stops reading (see Scheduler.try_reserve).
    deferred: "Optional[List[Tuple[Callable[..., Any], Tuple[Any, ...]]]]" = None


thread_role = _ThreadRole()

# The event loops that asyncio clients run on: a wait for a pending Future on such a
# loop's thread could never end (the loop must run to complete it). Other loops
# are left alone: blocking in a coroutine on a threaded client's Future works.
_refusing_loops: "weakref.WeakSet[Any]" = weakref.WeakSet()
_any_refusing_loop = False  # read on every wait: cheaper than the WeakSet's len()


def refuse_blocking_on(loop: Any) -> None:
    """Marks an event loop on whose thread waits for pending Futures are refused."""
    global _any_refusing_loop
    _refusing_loops.add(loop)
    _any_refusing_loop = True


class Future(Generic[T]):
    """The result of an asynchronous operation."""

    __slots__ = ("_state", "_result", "_exception", "_traceback", "_callbacks", "_gate")

    def __init__(self) -> None:
        self._state = _PENDING
        self._result: Any = None
        self._exception: Optional[BaseException] = None
        self._traceback: Any = None
        self._callbacks: Optional[List[Callable[["Future[T]"], Any]]] = None
        # Waiting threads block on this lock, taken when the first of them comes
        # and released once on completion (cheaper than a threading.Event: no
        # Condition, no lock per waiter); each waiter passes it on to the next.
        self._gate: Optional[_thread.LockType] = None

    def set_result(self, result: T) -> None:
        """Sets the result of the Future.

        Args:
            result: The result of the asynchronous operation.
        """
        with _completion_lock:
            if self._state != _PENDING:
                return
            self._result = result
            self._state = _SUCCESS
            callbacks, gate = self._callbacks, self._gate
            self._callbacks = None
        if gate is not None:
            gate.release()
        if callbacks:
            self._run_callbacks(callbacks)

    def set_exception(self, exception: BaseException, traceback: Any = None) -> None:
        """Sets the exception of the Future.

        Args:
            exception: The exception of the asynchronous operation.
            traceback: The traceback of the exception, if any.
        """
        if not isinstance(exception, BaseException):
            raise RuntimeError("Future can only be completed with an exception, not %r" % (exception,))
        with _completion_lock:
            if self._state != _PENDING:
                return
            self._exception = exception
            self._traceback = traceback if traceback is not None else exception.__traceback__
            self._state = _FAILURE
            callbacks, gate = self._callbacks, self._gate
            self._callbacks = None
        if gate is not None:
            gate.release()
        if callbacks:
            self._run_callbacks(callbacks)

    def result(self) -> T:
        """Returns the result of the Future, waiting for it if necessary.

        Returns:
            The result of the asynchronous operation.

        Raises:
            The exception the operation failed with.
        """
        if self._state == _PENDING:
            self._wait()
        if self._state == _SUCCESS:
            result: T = self._result
            return result
        raise self._exception.with_traceback(self._traceback)  # type: ignore[union-attr]

    def _wait(self) -> None:
        _check_may_block()
        with _completion_lock:
            if self._state != _PENDING:
                return
            gate = self._gate
            if gate is None:
                gate = self._gate = _allocate_lock()
                gate.acquire()
        # Through the gate and open it again for the next waiter; a with block so
        # that Ctrl+C right after the lock is taken cannot leave it shut.
        with gate:
            pass

    def is_success(self) -> bool:
        """Returns True if the Future completed with a result."""
        return self._state == _SUCCESS

    def done(self) -> bool:
        """Returns True if the Future completed, with a result or an exception."""
        return self._state != _PENDING

    def running(self) -> bool:
        """Returns True if the Future has not completed yet."""
        return self._state == _PENDING

    def exception(self) -> Optional[BaseException]:
        """Returns the exception the Future failed with, waiting for it if necessary.

        Returns:
            The exception, or None if the operation succeeded.
        """
        if self._state == _PENDING:
            self._wait()
        return self._exception

    def traceback(self) -> Any:
        """Returns the traceback of the exception, waiting if necessary, or None."""
        if self._state == _PENDING:
            self._wait()
        return self._traceback

    def add_done_callback(self, callback: Callable[["Future[T]"], Any]) -> None:
        """Adds a callback called with this Future once it completes.

        If the Future is already done, the callback runs at once in this thread.

        Args:
            callback: A function taking the completed Future.
        """
        with _completion_lock:
            if self._state == _PENDING:
                if self._callbacks is None:
                    self._callbacks = [callback]
                else:
                    self._callbacks.append(callback)
                return
        self._run_callback(callback)

    def _add_inline_callback(self, callback: Callable[["Future[T]"], Any]) -> None:
        """Adds a callback of the client's own that runs no user code and never
        waits: it runs on whichever thread completes the Future (no hand-off)."""
        self.add_done_callback(_Inline(callback))

    def _event_loop(self) -> Optional["CallbackRunner"]:
        """Where this Future's callbacks run: the transport's event thread of the
        request it stands for, or None (here, on the completing thread)."""
        return None

    def _run_callbacks(self, callbacks: List[Callable[["Future[T]"], Any]]) -> None:
        # A reader thread, or a caller reading its own response, completes the
        # Future: the callbacks that may run user code go to the event thread, so
        # that they never run inside another caller's call.
        if len(callbacks) == 1 and type(callbacks[0]) is _Inline:
            self._run_callback(callbacks[0].function)  # the client's own: no hand-off
            return
        runner = self._event_loop()
        if runner is None or runner.in_event_thread():
            self._run_callbacks_here(callbacks)
            return
        deferred = []
        for callback in callbacks:
            if type(callback) is _Inline:
                self._run_callback(callback.function)
            else:
                deferred.append(callback)
        if deferred:
            runner.call_soon(self._run_callbacks_here, deferred)

    def _run_callbacks_here(self, callbacks: List[Callable[["Future[T]"], Any]]) -> None:
        for callback in callbacks:
            self._run_callback(callback)

    def _run_callback(self, callback: Callable[["Future[T]"], Any]) -> None:
        try:
            callback(self)
        except Exception:
            _logger.exception("Exception in a Future callback %r", callback)

    def continue_with(self, continuation_func: Callable[..., Any], *args: Any) -> "Future[Any]":
        """Creates a Future completed with the result of ``continuation_func``.

        ``continuation_func`` is called with this Future (and ``args``) once it
        completes. If it returns a Future, the returned Future completes with that
        Future's outcome; if it raises, the returned Future fails with that error.

        Args:
            continuation_func: A function taking this completed Future and ``args``.
            *args: Further arguments for ``continuation_func``.

        Returns:
            A new Future.
        """
        return self._continue(continuation_func, args, inline=False)

    def _then(self, continuation_func: Callable[..., Any], *args: Any) -> "Future[Any]":
        """:meth:`continue_with` for the client's own continuations, which run no
        user code and never wait: they run on the thread completing this Future."""
        return self._continue(continuation_func, args, inline=True)

    def _continue(self, continuation_func: Callable[..., Any], args: Any, inline: bool) -> "Future[Any]":
        future: Future[Any] = _Derived([self])

        def callback(done: Future[T]) -> None:
            try:
                value = continuation_func(done, *args)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as e:  # an error, or the cancellation of a source
                future.set_exception(e)
                return
            if isinstance(value, Future):
                value.add_done_callback(functools.partial(_copy_outcome, future))
            else:
                future.set_result(value)

        if inline:
            self._add_inline_callback(callback)
        else:
            self.add_done_callback(callback)
        return future

    def cancel(self) -> bool:
        """Gives up on the operation: a pending Future fails with
        ``asyncio.CancelledError``, and a request still waiting for its response is
        forgotten (its response, when it comes, is dropped).

        Returns:
            True if the Future was pending and is now cancelled, False otherwise.
        """
        import asyncio

        return self.cancel_with(asyncio.CancelledError())

    def cancel_with(self, error: BaseException) -> bool:
        """Gives up on the operation as :meth:`cancel` does, failing the Future with
        ``error``; False if it was done already."""
        if self._state != _PENDING:
            return False
        self._on_cancel()
        self.set_exception(error)
        return True

    def _on_cancel(self) -> None:
        """Hook: releases what the pending operation holds (see Invocation)."""

    def __await__(self) -> Generator[Any, None, T]:
        # An asyncio face awaits the core's Futures directly. A Future done already
        # costs no suspension; otherwise an asyncio future of the running loop is
        # woken on completion (from the loop itself or, thread-safely, from another
        # thread), and cancelling the awaiting task cancels this Future.
        if self._state == _PENDING:
            import asyncio

            runner = self._event_loop()
            loop = runner.asyncio_loop() if runner is not None else None
            if loop is not None and runner is not None and runner.in_event_thread():
                # The asyncio client's request, awaited on its loop, which completes
                # it (the loop is known: asking asyncio for it costs a system call).
                waiter = loop.create_future()
                self.add_done_callback(functools.partial(_wake, waiter))
            else:
                loop = asyncio.get_running_loop()
                waiter = loop.create_future()
                self.add_done_callback(functools.partial(_wake_from_anywhere, loop, waiter))
            try:
                yield from waiter.__await__()
            except asyncio.CancelledError:
                self.cancel()
                raise
        return self.result()

    def __repr__(self) -> str:
        if self._state == _SUCCESS:
            return "Future(result=%r)" % (self._result,)
        if self._state == _FAILURE:
            return "Future(exception=%r)" % (self._exception,)
        return "Future(pending)"


def _check_may_block() -> None:
    if thread_role.must_not_block:
        raise RuntimeError(
            "Waiting for the result of an operation that is not complete is not allowed on the "
            "client's event thread (in a callback or listener): it would stall every response "
            "and event behind it. Use add_done_callback (or await, with the asyncio client) instead."
        )
    if _any_refusing_loop:
        import asyncio

        loop = asyncio._get_running_loop()
        if loop is not None and loop in _refusing_loops:
            raise RuntimeError(
                "Waiting for the result of an operation that is not complete is not allowed on "
                "the event loop of an asyncio client: the loop must run to complete it. Await it instead."
            )


def _wake(waiter: Any, _: Any = None) -> None:
    if not waiter.done():
        waiter.set_result(None)


def _wake_from_anywhere(loop: Any, waiter: Any, _: Any) -> None:
    import asyncio

    if asyncio._get_running_loop() is loop:
        _wake(waiter)
    else:
        loop.call_soon_threadsafe(_wake, waiter)


def _copy_outcome(target: Future[Any], source: Future[Any]) -> None:
    if source.is_success():
        target.set_result(source._result)
    else:
        target.set_exception(source._exception, source._traceback)  # type: ignore[arg-type]


class _Inline:
    """Marks a callback that may run on the thread completing the Future."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]):
        self.function = function

    def __call__(self, future: Any) -> Any:
        return self.function(future)


class CallbackRunner(Protocol):
    """The part of a transport that runs callbacks (see hazelcast.transport)."""

    def in_event_thread(self) -> bool: ...

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None: ...

    def asyncio_loop(self) -> Any: ...


class _Derived(Future[T]):
    """A Future made from others (``continue_with``, ``combine_futures``):
    cancelling it cancels them, so that no request stays pending behind it, and
    its callbacks run where theirs do."""

    __slots__ = ("_sources",)

    def __init__(self, sources: Sequence[Future[Any]]):
        super().__init__()
        self._sources = sources

    def _on_cancel(self) -> None:
        for source in self._sources:
            source.cancel()

    def _wait(self) -> None:
        # A Future made from others completes only after they have: waiting on
        # them first lets a source that can read its own response (a request on
        # the threaded transport) do so on this thread, where the client's inline
        # continuations then complete this Future too, with no hand-off from the
        # reader thread and no wake-up.
        for source in self._sources:
            if self._state != _PENDING:
                return
            if source._state == _PENDING and type(source)._wait is not Future._wait:
                source._wait()
        Future._wait(self)

    def _event_loop(self) -> Optional[CallbackRunner]:
        for source in self._sources:
            runner = source._event_loop()
            if runner is not None:
                return runner
        return None


class ImmediateFuture(Future[T]):
    """A Future that is completed with a result when created.

    Its outcome is fixed: :meth:`set_result` and :meth:`set_exception` raise
    ``NotImplementedError``, as the official client's do.
    """

    __slots__ = ()

    def __init__(self, result: T):
        super().__init__()
        self._result = result
        self._state = _SUCCESS

    def set_result(self, result: T) -> None:
        raise NotImplementedError("an ImmediateFuture is completed when created; its result cannot be set")

    def set_exception(self, exception: BaseException, traceback: Any = None) -> None:
        raise NotImplementedError("an ImmediateFuture is completed when created; its exception cannot be set")


class ImmediateExceptionFuture(Future[T]):
    """A Future that is completed with an exception when created."""

    __slots__ = ()

    def __init__(self, exception: BaseException, traceback: Any = None):
        super().__init__()
        self._exception = exception
        self._traceback = traceback if traceback is not None else exception.__traceback__
        self._state = _FAILURE

    def set_result(self, result: T) -> None:
        raise NotImplementedError("an ImmediateExceptionFuture is completed when created; its result cannot be set")

    def set_exception(self, exception: BaseException, traceback: Any = None) -> None:
        raise NotImplementedError("an ImmediateExceptionFuture is completed when created; its exception cannot be set")


def combine_futures(futures: Sequence[Future[Any]]) -> Future[List[Any]]:
    """Combines futures into one Future that completes when all of them have.

    The combined Future's result is the list of the results, in order. If any of the
    futures fails, the combined one fails with the first error seen, once all are done.

    Args:
        futures: The futures to combine.

    Returns:
        The combined Future.
    """
    count = len(futures)
    combined: Future[List[Any]] = _Derived(futures)
    if count == 0:
        combined.set_result([])
        return combined

    remaining = [count]
    errors: List[Future[Any]] = []
    lock = threading.Lock()

    def on_done(future: Future[Any]) -> None:
        with lock:
            if not future.is_success():
                errors.append(future)
            remaining[0] -= 1
            last = remaining[0] == 0
        if not last:
            return
        if errors:
            first = errors[0]
            combined.set_exception(first._exception, first._traceback)  # type: ignore[arg-type]
        else:
            combined.set_result([f._result for f in futures])

    for f in futures:
        f._add_inline_callback(on_done)
    return combined


class _Blocking:
    """Wraps an object whose methods return futures into one whose methods wait."""

    def __init__(self, wrapped: Any):
        self._wrapped = wrapped

    def __getattr__(self, name: str) -> Any:
        # Called only for names not cached yet: each wrapped method is built once and
        # stored on the instance, so later calls cost a plain attribute lookup.
        attribute = getattr(self._wrapped, name)
        if name == "blocking":
            return lambda: self
        if not callable(attribute):
            return attribute

        @functools.wraps(attribute)
        def call(*args: Any, **kwargs: Any) -> Any:
            value = attribute(*args, **kwargs)
            if isinstance(value, Future):
                return value.result()
            return value

        self.__dict__[name] = call
        return call

    def __repr__(self) -> str:
        return "Blocking(%r)" % (self._wrapped,)


def make_blocking(instance: Any) -> Any:
    """Returns a twin of ``instance`` whose Future-returning methods return results.

    Args:
        instance: An object such as a distributed object proxy.

    Returns:
        The blocking twin.
    """
    return _Blocking(instance)
