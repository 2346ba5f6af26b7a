"""The threaded transport's event thread: timers, and callbacks handed to it.

Heartbeats, reconnection rounds, invocation retries and timeouts, Future callbacks
and listener events all run here, one at a time, in order; none of them is on the
path of an ordinary blocking call.

A connection's reader thread that hands work over while this thread is idle may take
its role instead (:meth:`Scheduler.try_reserve`): it runs that work itself once it
stops reading, and this thread waits meanwhile. The work still runs one piece at a
time and in order, and a wake-up of this thread is saved (an event a reader thread
reads reaches its listener with one thread switch fewer).
"""

from __future__ import annotations

import _thread
import collections
import heapq
import itertools
import logging
import threading
import time
from typing import Any, Callable, Deque, List, Optional, Tuple

from hazelcast.future import thread_role

_logger = logging.getLogger(__name__)


class ScheduledTask:
    """A handle to a scheduled task: ``cancel()`` keeps it from running."""

    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


_Entry = Tuple[float, int, ScheduledTask, Callable[..., Any], Tuple[Any, ...]]

_NEVER = float("inf")


class Scheduler:
    """Runs callables soon, after a delay, or periodically, on one daemon thread.

    Args:
        name: The thread's name.
        on_start: Called first on the thread (e.g. to mark it).
    """

    def __init__(self, name: str = "hazelcast-scheduler", on_start: Optional[Callable[[], None]] = None):
        self._heap: List[_Entry] = []
        self._soon: Deque[Tuple[Callable[..., Any], Tuple[Any, ...]]] = collections.deque()
        self._sequence = itertools.count()
        self._lock = threading.Lock()
        # The thread sleeps on this lock, held while nothing wakes it; a producer
        # that finds it sleeping releases it once. Cheaper than a Condition: every
        # event handed to the thread passes here.
        self._wake_up = _thread.allocate_lock()
        self._wake_up.acquire()
        self._sleeping = False
        # A reader thread holds the thread's role (see try_reserve); _borrower is
        # its id while it runs the work.
        self._borrowed = False
        self._borrower: Optional[int] = None
        # While it sleeps: when it wakes by itself (its earliest timer; never while
        # a timer that fell due waits for the lent role to come back).
        self._sleep_deadline = _NEVER
        self._running = True
        self._on_start = on_start
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._thread_id = self._thread.ident

    def in_thread(self) -> bool:
        """True on the scheduler's thread, or on a thread running work in its role."""
        ident = threading.get_ident()
        return ident == self._thread_id or ident == self._borrower

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None:
        """Runs ``function(*args)`` on the thread, after what was queued before."""
        with self._lock:
            if not self._running:
                return
            self._soon.append((function, args))
            if self._sleeping and not self._borrowed:
                self._wake()

    def try_reserve(self) -> bool:
        """Takes the thread's role for the calling thread if the thread is idle:
        asleep, nothing queued, no timer due, no other holder. Until the caller
        gives it back with :meth:`run_reserved`, the thread runs nothing and what
        others hand over queues behind the caller's work."""
        with self._lock:
            if not (self._running and self._sleeping) or self._borrowed or self._soon:
                return False
            heap = self._heap
            if heap and heap[0][0] <= time.monotonic():
                return False
            self._borrowed = True
            return True

    def run_reserved(self, work: List[Tuple[Callable[..., Any], Tuple[Any, ...]]]) -> None:
        """Runs ``work`` on the calling thread in the thread's role (taken by
        :meth:`try_reserve`), then gives the role back."""
        must_not_block = thread_role.must_not_block
        thread_role.must_not_block = True  # as on the thread itself
        self._borrower = threading.get_ident()
        try:
            for function, args in work:
                try:
                    function(*args)
                except Exception:
                    _logger.exception("Scheduled task %r failed", function)
        finally:
            self._borrower = None
            thread_role.must_not_block = must_not_block
            with self._lock:
                self._borrowed = False
                # Woken only if it has something to do before it would wake by
                # itself: queued work, or a timer due earlier (one that fell due
                # while the role was lent, or one scheduled meanwhile). Otherwise it
                # sleeps on, and the wake-up the lending saved stays saved.
                heap = self._heap
                if self._sleeping and (self._soon or (heap and heap[0][0] < self._sleep_deadline)):
                    self._wake()

    def schedule(self, delay: float, function: Callable[..., Any], *args: Any) -> ScheduledTask:
        """Runs ``function(*args)`` once, ``delay`` seconds from now."""
        task = ScheduledTask()
        with self._lock:
            if not self._running:
                task.cancelled = True
                return task
            entry = (time.monotonic() + max(delay, 0.0), next(self._sequence), task, function, args)
            heapq.heappush(self._heap, entry)
            if self._heap[0] is entry and self._sleeping and not self._borrowed:
                self._wake()  # it sleeps until a later deadline
        return task

    def _wake(self) -> None:
        # Under self._lock, with the thread sleeping: one release per sleep.
        self._sleeping = False
        self._wake_up.release()

    def schedule_periodic(self, interval: float, function: Callable[[], Any], initial_delay: Optional[float] = None) -> ScheduledTask:
        """Runs ``function()`` every ``interval`` seconds until the task is cancelled."""
        handle = ScheduledTask()

        def run() -> None:
            if handle.cancelled:
                return
            try:
                function()
            finally:
                if not handle.cancelled:
                    inner = self.schedule(interval, run)
                    if inner.cancelled:
                        handle.cancelled = True

        self.schedule(interval if initial_delay is None else initial_delay, run)
        return handle

    def _run(self) -> None:
        if self._on_start is not None:
            self._on_start()
        heap = self._heap
        soon = self._soon
        lock = self._lock
        wake_up = self._wake_up
        while True:
            while True:
                with lock:
                    if not self._running:
                        return
                    now = time.monotonic()
                    due = bool(heap) and heap[0][0] <= now
                    if not self._borrowed:
                        # A due timer goes first, so that a stream of callbacks never
                        # starves heartbeats and timeouts.
                        if due:
                            _, _, task, function, args = heapq.heappop(heap)
                            if task.cancelled:
                                continue
                            break
                        if soon:
                            function, args = soon.popleft()
                            break
                    # A timer due while the role is lent runs once the role comes
                    # back (run_reserved wakes this thread then).
                    deadline = heap[0][0] if heap and not due else _NEVER
                    self._sleep_deadline = deadline
                    timeout = -1.0 if deadline == _NEVER else min(deadline - now, threading.TIMEOUT_MAX)
                    self._sleeping = True
                if wake_up.acquire(True, timeout):
                    continue
                with lock:
                    if self._sleeping:  # timed out with nobody waking it
                        self._sleeping = False
                        continue
                # woken just as the wait timed out: take that release back
                wake_up.acquire()
            try:
                function(*args)
            except Exception:
                _logger.exception("Scheduled task %r failed", function)

    def shutdown(self) -> None:
        """Stops the thread; tasks not run yet are dropped."""
        with self._lock:
            self._running = False
            self._heap.clear()
            self._soon.clear()
            if self._sleeping:
                self._wake()
        if threading.current_thread() is not self._thread:
            self._thread.join()
