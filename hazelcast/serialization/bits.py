"""Sizes, limits and precompiled ``struct`` formats of the binary format.

``BE_*`` formats are big-endian, ``LE_*`` little-endian; the header of a
``Data`` is always big-endian, its payload follows the configured order.
"""

from __future__ import annotations

import struct

BYTE_SIZE_IN_BYTES = 1
BOOLEAN_SIZE_IN_BYTES = 1
SHORT_SIZE_IN_BYTES = 2
CHAR_SIZE_IN_BYTES = 2
INT_SIZE_IN_BYTES = 4
FLOAT_SIZE_IN_BYTES = 4
LONG_SIZE_IN_BYTES = 8
DOUBLE_SIZE_IN_BYTES = 8
UUID_SIZE_IN_BYTES = 17  # as officially: the is-null flag and the two 64-bit halves, as on the wire

NULL_ARRAY_LENGTH = -1

MIN_BYTE, MAX_BYTE = -(1 << 7), (1 << 7) - 1
MIN_SHORT, MAX_SHORT = -(1 << 15), (1 << 15) - 1
MIN_INT, MAX_INT = -(1 << 31), (1 << 31) - 1
MIN_LONG, MAX_LONG = -(1 << 63), (1 << 63) - 1

BE_BYTE = struct.Struct(">b")
BE_UBYTE = struct.Struct(">B")
BE_BOOL = struct.Struct(">?")
BE_SHORT = struct.Struct(">h")
BE_USHORT = struct.Struct(">H")
BE_CHAR = BE_USHORT
BE_INT = struct.Struct(">i")
BE_UINT = struct.Struct(">I")
BE_LONG = struct.Struct(">q")
BE_ULONG = struct.Struct(">Q")
BE_FLOAT = struct.Struct(">f")
BE_DOUBLE = struct.Struct(">d")

# The official client's other names of the same formats.
BE_INT8 = BE_BYTE
BE_UINT8 = BE_UBYTE
BE_INT16 = BE_SHORT
BE_UINT16 = BE_USHORT

LE_BYTE = struct.Struct("<b")
LE_UBYTE = struct.Struct("<B")
LE_BOOL = struct.Struct("<?")
LE_SHORT = struct.Struct("<h")
LE_USHORT = struct.Struct("<H")
LE_CHAR = LE_USHORT
LE_INT = struct.Struct("<i")
LE_UINT = struct.Struct("<I")
LE_LONG = struct.Struct("<q")
LE_ULONG = struct.Struct("<Q")
LE_FLOAT = struct.Struct("<f")
LE_DOUBLE = struct.Struct("<d")

LE_INT8 = LE_BYTE
LE_UINT8 = LE_UBYTE
LE_INT16 = LE_SHORT
LE_UINT16 = LE_USHORT

BIG_ENDIAN = 2
LITTLE_ENDIAN = 1

# A UUID as one 128-bit integer: its most significant long above the least.
UUID_MSB_SHIFT = 64
UUID_LSB_MASK = 0xFFFFFFFFFFFFFFFF
UUID_MSB_MASK = UUID_LSB_MASK << UUID_MSB_SHIFT


def lone_surrogate_error(value: str, error: UnicodeEncodeError) -> Exception:
    """The error for a string that has no UTF-8 form (a lone surrogate, as
    ``os.fsdecode()`` makes of undecodable bytes): refused rather than
    written with "?" in its place, which would make different strings the
    same key."""
    from hazelcast.errors import HazelcastSerializationError

    position = error.start
    return HazelcastSerializationError(
        "cannot serialize a string with a lone surrogate %r at position %d: it has no "
        "UTF-8 form (string starting %r); nothing was written. Encode such text "
        "first, e.g. os.fsencode() to bytes or .encode('utf-8', 'surrogateescape')"
        % (value[position], position, value[:40])
    )
