"""Checks the lengths and memo indices a pickle declares against its size
before it is unpickled (see ``hazelcast._speedups._pickle_scan_py``).

This module only selects the implementation (compiled when built and
allowed, else pure Python); both accept and refuse the same pickles, with
the same messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["check_sizes"]

if TYPE_CHECKING:
    from hazelcast._speedups._pickle_scan_py import check_sizes
else:
    from hazelcast._speedups._select import select as _select

    _impl = _select("pickle_scan", "hazelcast._speedups._pickle_scan_c", "hazelcast._speedups._pickle_scan_py")
    check_sizes = _impl.check_sizes
    del _select, _impl
