"""The bounded wait the integration tests share: poll a condition until it holds,
instead of sleeping for a fixed time."""

from __future__ import annotations

import time
from typing import Callable, TypeVar, Union

T = TypeVar("T")


def wait_until(
    condition: Callable[[], T],
    timeout: float = 30.0,
    message: Union[str, Callable[[], str]] = "condition",
    interval: float = 0.05,
) -> T:
    """Calls ``condition`` every ``interval`` seconds until it returns a truthy value,
    and returns that value.

    After ``timeout`` seconds without one (the condition is still checked once at the
    deadline), raises AssertionError naming what was awaited: ``message``, or what
    ``message()`` returns when it is a callable (for details known only at failure
    time, such as the last value read).
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            what = message() if callable(message) else message
            raise AssertionError("%s not met in %s s" % (what, timeout))
        time.sleep(interval)
