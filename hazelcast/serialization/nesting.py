"""The nesting limit of serialized objects (lists in lists, Portable or
Compact fields holding objects...): the same for writing and reading, so
that what is written can be read back, and low enough that neither runs
out of Python stack. Deeper data is refused with a clear error instead of
a ``RecursionError`` half-way.

Reading also counts the nested objects of one top-level read: Portable and
Compact fields are found through offset tables, so crafted data can make
many fields point at the same bytes, and shared levels would multiply into
exponentially many reads. No real data holds more nested objects than it
has bytes; crafted data that does is refused."""

from __future__ import annotations

import threading

from hazelcast.errors import HazelcastSerializationError

MAX_NESTING_DEPTH = 100
"""Objects may nest this many levels below the top-level object."""

_state = threading.local()


def start_read(size: int) -> None:
    """Begins a top-level read of ``size`` bytes: the budget of nested
    objects it may read. A read started inside another one (a serializer
    that deserializes more data) counts against the outer budget."""
    state = _state
    if getattr(state, "depth", 0) == 0:
        state.count = 0
        state.budget = size


def enter(what: str) -> int:
    """Counts one more level of nesting in this thread; returns the level
    to give back to :func:`leave`.

    Raises:
        HazelcastSerializationError: If the level is beyond
            ``MAX_NESTING_DEPTH``.
    """
    depth: int = getattr(_state, "depth", 0)
    if depth >= MAX_NESTING_DEPTH:
        raise HazelcastSerializationError(
            "cannot %s objects nested more than %d levels deep" % (what, MAX_NESTING_DEPTH)
        )
    if what == "read":
        count: int = getattr(_state, "count", 0) + 1
        budget: int = getattr(_state, "budget", 1 << 62)
        if count > budget:
            raise HazelcastSerializationError(
                "invalid data: it refers to more nested objects (%d) than its %d bytes can hold "
                "(fields sharing their bytes)" % (count, budget)
            )
        _state.count = count
    _state.depth = depth + 1
    return depth


def leave(depth: int) -> None:
    _state.depth = depth

