"""MurmurHash3 as Hazelcast uses it to map keys to partitions.

This module only selects the implementation (compiled when built and
allowed, else pure Python); both give Java's results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["murmur_hash3_x86_32", "hash_to_index"]

if TYPE_CHECKING:
    from hazelcast._speedups._murmur3_py import hash_to_index, murmur_hash3_x86_32
else:
    from hazelcast._speedups._select import select as _select

    _impl = _select(
        "murmur3", "hazelcast._speedups._murmur3_c", "hazelcast._speedups._murmur3_py"
    )
    murmur_hash3_x86_32 = _impl.murmur_hash3_x86_32
    hash_to_index = _impl.hash_to_index
    del _select, _impl
