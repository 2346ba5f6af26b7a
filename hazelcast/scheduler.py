"""One timer thread for the client's delayed and periodic tasks.

Heartbeats, reconnection attempts and invocation retries are rare and short, so a
single thread with a heap of deadlines serves them all; none of them is on the path
of an ordinary call.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from typing import Any, Callable, List, Tuple

_logger = logging.getLogger(__name__)


class ScheduledTask:
    """A handle to a scheduled task: ``cancel()`` keeps it from running."""

    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Scheduler:
    """Runs callables after a delay, or periodically, on one daemon thread."""

    def __init__(self, name: str = "hazelcast-scheduler"):
        self._heap: List[Tuple[float, int, ScheduledTask, Callable[..., Any], tuple]] = []
        self._sequence = itertools.count()
        self._condition = threading.Condition(threading.Lock())
        self._running = True
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

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

    def schedule_periodic(self, interval: float, function: Callable[[], Any], initial_delay: float = None) -> ScheduledTask:
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
        heap = self._heap
        while True:
            with self._condition:
                while self._running:
                    if heap:
                        wait = heap[0][0] - time.monotonic()
                        if wait <= 0:
                            break
                        self._condition.wait(wait)
                    else:
                        self._condition.wait()
                if not self._running:
                    return
                _, _, task, function, args = heapq.heappop(heap)
            if task.cancelled:
                continue
            try:
                function(*args)
            except Exception:
                _logger.exception("Scheduled task %r failed", function)

    def shutdown(self) -> None:
        """Stops the thread; tasks not run yet are dropped."""
        with self._condition:
            self._running = False
            self._heap.clear()
            self._condition.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join()
