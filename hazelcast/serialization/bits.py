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
UUID_SIZE_IN_BYTES = 16

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
