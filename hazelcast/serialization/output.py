"""The ObjectDataOutput implementation: writes into a growing bytearray.

This module only selects the implementation (compiled when built and
allowed, else pure Python); both write the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["_ObjectDataOutput"]

if TYPE_CHECKING:
    from hazelcast._speedups._data_output_py import _ObjectDataOutput
else:
    from hazelcast._speedups._select import select as _select

    _ObjectDataOutput = _select(
        "data_output", "hazelcast._speedups._data_output_c", "hazelcast._speedups._data_output_py"
    )._ObjectDataOutput
    del _select
