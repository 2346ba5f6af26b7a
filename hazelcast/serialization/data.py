"""``Data``: an object in Hazelcast's binary form, as members store it.

Layout: partition hash (int32, big-endian) at 0, type id (int32,
big-endian) at 4, serializer payload from 8 on.
"""

from __future__ import annotations

from typing import Union

from hazelcast.errors import HazelcastSerializationError
from hazelcast.hash import murmur_hash3_x86_32_slice as _murmur3
from hazelcast.serialization.bits import BE_INT
from hazelcast.serialization.serialization_const import CONSTANT_TYPE_NULL, CONSTANT_TYPE_PORTABLE

PARTITION_HASH_OFFSET = 0
TYPE_OFFSET = 4
DATA_OFFSET = 8
HEAP_DATA_OVERHEAD = DATA_OFFSET

_unpack_int = BE_INT.unpack_from


class Data:
    """Serialized form of an object.

    Args:
        buf: The whole binary form, header included (an empty buffer, or
            ``None``, stands for ``None``).

    Raises:
        HazelcastSerializationError: If the buffer is shorter than the header.
    """

    __slots__ = ("_buffer",)

    def __init__(self, buf: Union[bytes, bytearray, memoryview, None]):
        if buf.__class__ is not bytes:
            buf = bytes(buf) if buf is not None else b""
        if 0 < len(buf) < HEAP_DATA_OVERHEAD:
            raise HazelcastSerializationError(
                "invalid Data of %d bytes: needs at least the %d-byte header"
                % (len(buf), HEAP_DATA_OVERHEAD)
            )
        self._buffer: bytes = buf

    @property
    def buffer(self) -> bytes:
        """The whole binary form (header and payload)."""
        return self._buffer

    def to_bytes(self) -> bytes:
        """Returns the whole binary form (header and payload).

        Returns:
            The bytes.
        """
        return self._buffer

    def total_size(self) -> int:
        """Returns the size of the binary form, header included.

        Returns:
            Size in bytes.
        """
        return len(self._buffer)

    def data_size(self) -> int:
        """Returns the size of the payload (the binary form without header).

        Returns:
            Size in bytes.
        """
        return max(len(self._buffer) - HEAP_DATA_OVERHEAD, 0)

    def get_type(self) -> int:
        """Returns the type id of the serializer that wrote this data.

        Returns:
            The type id (0 for ``None``).
        """
        if not self._buffer:
            return CONSTANT_TYPE_NULL
        return _unpack_int(self._buffer, TYPE_OFFSET)[0]

    def is_portable(self) -> bool:
        """Tells whether a ``Portable`` object was serialized into this data.

        Returns:
            True if the Portable serializer wrote it.
        """
        return self.get_type() == CONSTANT_TYPE_PORTABLE

    def has_partition_hash(self) -> bool:
        """Tells whether the header carries a partition hash (from a
        partitioning key) rather than 0.

        Returns:
            True if a partition hash is stored.
        """
        buff = self._buffer
        return bool(buff) and _unpack_int(buff, PARTITION_HASH_OFFSET)[0] != 0

    def get_partition_hash(self) -> int:
        """Returns the hash that decides the partition of this data: the
        stored partition hash if any, else the MurmurHash3 of the payload.

        Returns:
            A signed 32-bit hash.
        """
        buff = self._buffer
        if not buff:
            return _murmur3(buff, 0, 0)
        stored = _unpack_int(buff, PARTITION_HASH_OFFSET)[0]
        if stored:
            return stored
        return _murmur3(buff, DATA_OFFSET, len(buff) - DATA_OFFSET)

    def hash_code(self) -> int:
        """Returns the MurmurHash3 of the payload (as Java's ``Data.hashCode``).

        Returns:
            A signed 32-bit hash.
        """
        buff = self._buffer
        if not buff:
            return _murmur3(buff, 0, 0)
        return _murmur3(buff, DATA_OFFSET, len(buff) - DATA_OFFSET)

    def is_null(self) -> bool:
        """Tells whether this data stands for ``None``."""
        return self.get_type() == CONSTANT_TYPE_NULL

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Data) and self._buffer == other._buffer

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        # equal buffers give equal hashes; bytes caches its hash, murmur would not
        return hash(self._buffer)

    def __len__(self) -> int:
        return len(self._buffer)

    def __repr__(self) -> str:
        return "Data(type=%d, size=%d)" % (self.get_type(), len(self._buffer))
