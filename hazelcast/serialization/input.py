"""The ObjectDataInput implementation: reads from a bytes-like buffer.

Every read checks the bounds, so truncated or corrupt input raises
HazelcastSerializationError instead of returning garbage, and a length
prefix larger than the remaining bytes is refused before anything is
allocated.

This module only selects the implementation (compiled when built and
allowed, else pure Python); both read the same bytes the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["_ObjectDataInput"]

if TYPE_CHECKING:
    from hazelcast._speedups._data_input_py import _ObjectDataInput
else:
    from hazelcast._speedups._select import select as _select

    _ObjectDataInput = _select(
        "data_input", "hazelcast._speedups._data_input_c", "hazelcast._speedups._data_input_py"
    )._ObjectDataInput
    del _select
