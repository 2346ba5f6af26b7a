"""Reads the entry lists of responses straight into objects (see
``hazelcast._speedups._entry_lists_py``).

This module only selects the implementation (compiled when built and allowed,
else pure Python); both give the same objects and raise the same errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["read_entries"]

if TYPE_CHECKING:
    from hazelcast._speedups._entry_lists_py import read_entries
else:
    from hazelcast._speedups._select import select as _select

    _impl = _select("entry_lists", "hazelcast._speedups._entry_lists_c", "hazelcast._speedups._entry_lists_py")
    read_entries = _impl.read_entries
    del _select, _impl
