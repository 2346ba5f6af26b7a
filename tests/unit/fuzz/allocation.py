"""Measuring that decoding bad input allocates no more than a bound."""

from __future__ import annotations

import contextlib
import resource

try:
    import tracemalloc
except ImportError:  # PyPy has no tracemalloc
    tracemalloc = None

# Where only the peak resident size can be read, growth below this is noise.
_RSS_NOISE = 64 * 1024 * 1024


@contextlib.contextmanager
def allocation_at_most(limit: int):
    """Fails if the block allocates more than ``limit`` bytes at its peak (traced
    Python allocations where tracemalloc exists, peak resident size elsewhere)."""
    if tracemalloc is not None:
        tracemalloc.start()
        try:
            yield
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < limit, "allocated %d bytes, more than %d" % (peak, limit)
    else:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        yield
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
        assert grown < max(limit, _RSS_NOISE), "resident size grew by %d bytes" % grown
