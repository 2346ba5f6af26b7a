"""MurmurHash3 as Hazelcast uses it to map keys to partitions.

This module only selects the implementation (compiled when built and
allowed, else pure Python); both give Java's results.

:func:`murmur_hash3_x86_32` keeps the official client's call: it takes the bytes
of a serialized ``Data`` and hashes its payload (what follows the 8-byte
header). The client's own hot path, :func:`murmur_hash3_x86_32_slice`, hashes a
given range of a buffer without copying it; :func:`hash_to_index` keeps the
official call too, and ``fast_hash_to_index`` is the selected implementation
itself. The partition lookup of every key the client sends calls
:func:`data_partition_id`: header, hash and index in one call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

__all__ = [
    "murmur_hash3_x86_32",
    "murmur_hash3_x86_32_slice",
    "hash_to_index",
    "fast_hash_to_index",
    "data_partition_id",
]

# Bytes of a serialized Data before its payload: partition hash and type id.
_HEAP_DATA_OVERHEAD = 8

if TYPE_CHECKING:
    from hazelcast._speedups._murmur3_py import data_partition_id
    from hazelcast._speedups._murmur3_py import hash_to_index as fast_hash_to_index
    from hazelcast._speedups._murmur3_py import murmur_hash3_x86_32 as murmur_hash3_x86_32_slice
else:
    from hazelcast._speedups._select import select as _select

    _impl = _select(
        "murmur3", "hazelcast._speedups._murmur3_c", "hazelcast._speedups._murmur3_py"
    )
    murmur_hash3_x86_32_slice = _impl.murmur_hash3_x86_32
    fast_hash_to_index = _impl.hash_to_index
    data_partition_id = _impl.data_partition_id
    del _select, _impl


def murmur_hash3_x86_32(data: Union[bytes, bytearray, memoryview]) -> int:
    """Returns the MurmurHash3 of a serialized ``Data``'s payload, as the members compute it.

    Args:
        data: The bytes of a serialized ``Data`` (the hash covers what follows its
            8-byte header; shorter input hashes as empty).

    Returns:
        The hash as a signed 32-bit integer.
    """
    start = min(_HEAP_DATA_OVERHEAD, len(data))
    return murmur_hash3_x86_32_slice(data, start, len(data) - start)


def hash_to_index(mm_hash: int, length: int) -> int:
    """Returns the index (partition id) a hash maps to among ``length`` slots, as Java does.

    Args:
        mm_hash: A signed 32-bit hash.
        length: Number of slots.

    Returns:
        The index, in ``[0, length)``.
    """
    return fast_hash_to_index(mm_hash, length)
