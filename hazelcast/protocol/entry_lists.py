"""Reads the entry lists of responses straight into objects, and writes the
frames of serialized items and entries into requests (see
``hazelcast._speedups._entry_lists_py``).

This module only selects the implementation (compiled when built and allowed,
else pure Python); both give the same objects and raise the same errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["read_entries", "read_object", "write_entries", "write_items"]

if TYPE_CHECKING:
    from hazelcast._speedups._entry_lists_py import read_entries, read_object, write_entries, write_items
else:
    from hazelcast._speedups._select import select as _select

    _impl = _select("entry_lists", "hazelcast._speedups._entry_lists_c", "hazelcast._speedups._entry_lists_py")
    read_entries = _impl.read_entries
    read_object = _impl.read_object
    write_entries = _impl.write_entries
    write_items = _impl.write_items
    del _select, _impl
