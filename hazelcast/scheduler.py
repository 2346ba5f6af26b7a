"""The threaded transport's event thread: timers, and callbacks handed to it.

Heartbeats, reconnection rounds, invocation retries and timeouts, Future callbacks
and listener events all run here, one at a time, in order; none of them is on the
path of an ordinary blocking call.
"""

from __future__ import annotations

import collections
import heapq
import itertools
import logging
import threading
import time
from typing import Any, Callable, Deque, List, Optional, Tuple

_logger = logging.getLogger(__name__)


class ScheduledTask:
    """A handle to a scheduled task: ``cancel()`` keeps it from running."""

    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


_Entry = Tuple[float, int, ScheduledTask, Callable[..., Any], Tuple[Any, ...]]


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
        self._condition = threading.Condition(threading.Lock())
        self._running = True
        self._on_start = on_start
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._thread_id = self._thread.ident

    def in_thread(self) -> bool:
        """True on the scheduler's thread."""
        return threading.get_ident() == self._thread_id

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None:
        """Runs ``function(*args)`` on the thread, after what was queued before."""
        with self._condition:
            if not self._running:
                return
            self._soon.append((function, args))
            if len(self._soon) == 1:
                self._condition.notify()

    def schedule(self, delay: float, function: Callable[..., Any], *args: Any) -> ScheduledTask:
        """Runs ``function(*args)`` once, ``delay`` seconds from now."""
        task = ScheduledTask()
        with self._condition:
            if not self._running:
                task.cancelled = True
                return task
            entry = (time.monotonic() + max(delay, 0.0), next(self._sequence), task, function, args)
            heapq.heappush(self._heap, entry)
            if self._heap[0] is entry:
                self._condition.notify()
        return task

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
        while True:
            with self._condition:
                while True:
                    if not self._running:
                        return
                    # A due timer goes first, so that a stream of callbacks never
                    # starves heartbeats and timeouts.
                    if heap and heap[0][0] <= time.monotonic():
                        _, _, task, function, args = heapq.heappop(heap)
                        if task.cancelled:
                            continue
                        break
                    if soon:
                        function, args = soon.popleft()
                        break
                    self._condition.wait(heap[0][0] - time.monotonic() if heap else None)
            try:
                function(*args)
            except Exception:
                _logger.exception("Scheduled task %r failed", function)

    def shutdown(self) -> None:
        """Stops the thread; tasks not run yet are dropped."""
        with self._condition:
            self._running = False
            self._heap.clear()
            self._soon.clear()
            self._condition.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join()
