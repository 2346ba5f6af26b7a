"""Pure-Python MurmurHash3 (x86, 32-bit), the hash Hazelcast partitions keys with.

Blocks are read little-endian whatever the platform, as Java's
``HashUtil.MurmurHash3_x86_32`` does, so both sides agree on partition ids.
"""

from __future__ import annotations

import struct
from typing import Dict, Union

Buffer = Union[bytes, bytearray, memoryview]

_C1 = 0xCC9E2D51
_C2 = 0x1B873593
_MASK = 0xFFFFFFFF

_struct_cache: Dict[int, struct.Struct] = {}


def _blocks_format(count: int) -> struct.Struct:
    fmt = _struct_cache.get(count)
    if fmt is None:
        fmt = struct.Struct("<%dI" % count)
        if count <= 256:  # bounded cache: common key sizes only
            _struct_cache[count] = fmt
    return fmt


def murmur_hash3_x86_32(data: Buffer, offset: int, size: int, seed: int = 0x01000193) -> int:
    """Hashes ``size`` bytes of ``data`` starting at ``offset``.

    Args:
        data: The bytes to hash.
        offset: Index of the first byte.
        size: Number of bytes.
        seed: Hash seed; Hazelcast uses the default.

    Returns:
        The hash as a signed 32-bit integer (as Java's ``int``).

    Raises:
        ValueError: If the range is not inside ``data``.
    """
    if offset < 0 or size < 0 or offset + size > len(data):
        raise ValueError(
            "invalid range offset=%d size=%d for a buffer of %d bytes" % (offset, size, len(data))
        )
    h1 = seed & _MASK
    nblocks = size >> 2
    if nblocks:
        for k1 in _blocks_format(nblocks).unpack_from(data, offset):
            k1 = (k1 * _C1) & _MASK
            k1 = ((k1 << 15) | (k1 >> 17)) & _MASK
            k1 = (k1 * _C2) & _MASK
            h1 ^= k1
            h1 = ((h1 << 13) | (h1 >> 19)) & _MASK
            h1 = (h1 * 5 + 0xE6546B64) & _MASK

    tail = offset + (nblocks << 2)
    rest = size & 3
    if rest:
        k1 = 0
        if rest == 3:
            k1 ^= data[tail + 2] << 16
        if rest >= 2:
            k1 ^= data[tail + 1] << 8
        k1 ^= data[tail]
        k1 = (k1 * _C1) & _MASK
        k1 = ((k1 << 15) | (k1 >> 17)) & _MASK
        k1 = (k1 * _C2) & _MASK
        h1 ^= k1

    h1 ^= size
    h1 ^= h1 >> 16
    h1 = (h1 * 0x85EBCA6B) & _MASK
    h1 ^= h1 >> 13
    h1 = (h1 * 0xC2B2AE35) & _MASK
    h1 ^= h1 >> 16
    return h1 - 0x100000000 if h1 & 0x80000000 else h1


def hash_to_index(hash: int, length: int) -> int:
    """Maps a hash to an index in ``[0, length)`` (a partition id), as Java's
    ``HashUtil.hashToIndex`` does.

    Args:
        hash: A signed 32-bit hash.
        length: Number of slots (partition count); must be positive.

    Returns:
        The index.
    """
    if hash == -0x80000000:
        return 0
    return abs(hash) % length


_DATA_HEADER = 8  # a serialized Data's partition hash and type id, before its payload
_stored_hash = struct.Struct(">i").unpack_from


def data_partition_id(data: Buffer, count: int) -> int:
    """Returns the partition id, among ``count`` partitions, of the bytes of a
    serialized ``Data``: its stored partition hash if not 0, else the MurmurHash3
    of its payload (``Data.get_partition_hash``), mapped as :func:`hash_to_index`
    maps it. Empty bytes (``None``) hash as an empty payload.

    Raises:
        ValueError: If ``data`` is shorter than the 8-byte header but not empty.
    """
    size = len(data)
    if size >= _DATA_HEADER:
        hash = _stored_hash(data, 0)[0] or murmur_hash3_x86_32(data, _DATA_HEADER, size - _DATA_HEADER)
    elif size == 0:
        hash = murmur_hash3_x86_32(data, 0, 0)
    else:
        raise ValueError("a serialized Data has an 8-byte header; got %d bytes" % size)
    return hash_to_index(hash, count)
