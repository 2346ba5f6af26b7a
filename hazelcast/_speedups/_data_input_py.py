"""The ObjectDataInput implementation: reads from a bytes-like buffer (pure
Python; the compiled twin is ``_data_input_c``, selected by
:mod:`hazelcast.serialization.input`).

Every read checks the bounds, so truncated or corrupt input raises
HazelcastSerializationError instead of returning garbage, and a length
prefix larger than the remaining bytes is refused before anything is
allocated.
"""

from __future__ import annotations

import struct
import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import ObjectDataInput
from hazelcast.serialization.bits import (
    BE_BYTE,
    BE_DOUBLE,
    BE_FLOAT,
    BE_INT,
    BE_LONG,
    BE_SHORT,
    BE_USHORT,
    LE_DOUBLE,
    LE_FLOAT,
    LE_INT,
    LE_LONG,
    LE_SHORT,
    LE_USHORT,
    NULL_ARRAY_LENGTH,
)

if typing.TYPE_CHECKING:
    from hazelcast.serialization.service import SerializationServiceV1

_unpack_byte = BE_BYTE.unpack_from
_StructError = struct.error


class _ObjectDataInput(ObjectDataInput):
    """Reads from ``buff`` starting at ``offset``; multi-byte values follow
    ``is_big_endian``."""

    __slots__ = (
        "_buffer",
        "_pos",
        "_size",
        "_service",
        "_is_big_endian",
        "_order",
        "_u_short",
        "_u_ushort",
        "_u_int",
        "_u_long",
        "_u_float",
        "_u_double",
        "_utf16",
    )

    def __init__(
        self,
        buff: typing.Union[bytes, bytearray, memoryview],
        offset: int = 0,
        serialization_service: typing.Optional["SerializationServiceV1"] = None,
        is_big_endian: bool = True,
    ):
        self._buffer = buff
        self._size = len(buff)
        if offset < 0 or offset > self._size:
            raise HazelcastSerializationError(
                "invalid offset %d for a buffer of %d bytes" % (offset, self._size)
            )
        self._pos = offset
        self._service = serialization_service
        self._is_big_endian = is_big_endian
        if is_big_endian:
            self._order = ">"
            self._u_short = BE_SHORT.unpack_from
            self._u_ushort = BE_USHORT.unpack_from
            self._u_int = BE_INT.unpack_from
            self._u_long = BE_LONG.unpack_from
            self._u_float = BE_FLOAT.unpack_from
            self._u_double = BE_DOUBLE.unpack_from
            self._utf16 = "utf-16-be"
        else:
            self._order = "<"
            self._u_short = LE_SHORT.unpack_from
            self._u_ushort = LE_USHORT.unpack_from
            self._u_int = LE_INT.unpack_from
            self._u_long = LE_LONG.unpack_from
            self._u_float = LE_FLOAT.unpack_from
            self._u_double = LE_DOUBLE.unpack_from
            self._utf16 = "utf-16-le"

    # -- errors and bounds ----------------------------------------------

    def _eof(self, needed: int, pos: int) -> HazelcastSerializationError:
        return HazelcastSerializationError(
            "cannot read %d bytes at position %d: the input has %d bytes"
            % (needed, pos, self._size)
        )

    def _take(self, n: int) -> int:
        """Reserves ``n`` bytes at the current position; returns their start."""
        pos = self._pos
        if n < 0 or pos + n > self._size:
            raise self._eof(n, pos)
        self._pos = pos + n
        return pos

    def _read_length(self, item_size: int) -> int:
        """Reads an array length prefix, checked against the remaining bytes
        (``item_size`` is the smallest size of one item)."""
        n = self.read_int()
        if n < NULL_ARRAY_LENGTH:
            raise HazelcastSerializationError(
                "invalid length %d at position %d" % (n, self._pos - 4)
            )
        if n > 0 and n * item_size > self._size - self._pos:
            raise HazelcastSerializationError(
                "length %d at position %d exceeds the %d remaining bytes"
                % (n, self._pos - 4, self._size - self._pos)
            )
        return n

    # -- raw ------------------------------------------------------------

    def read_into(
        self, buff: bytearray, offset: typing.Optional[int] = None, length: typing.Optional[int] = None
    ) -> bytearray:
        if offset is None:
            offset = 0
        if length is None:
            length = len(buff) - offset
        if offset < 0 or length < 0 or offset + length > len(buff):
            raise HazelcastSerializationError(
                "invalid range offset=%d length=%d for a buffer of %d bytes"
                % (offset, length, len(buff))
            )
        pos = self._take(length)
        buff[offset : offset + length] = self._buffer[pos : pos + length]
        return buff

    def skip_bytes(self, count: int) -> int:
        if count <= 0:
            return 0
        skipped = min(count, self._size - self._pos)
        self._pos += skipped
        return skipped

    # -- primitives -----------------------------------------------------

    def read_boolean(self, position: typing.Optional[int] = None) -> bool:
        return self.read_byte(position) != 0

    def read_byte(self, position: typing.Optional[int] = None) -> int:
        pos = self._pos if position is None else position
        try:
            val = _unpack_byte(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(1, pos) from None
        if position is None:
            self._pos = pos + 1
        return val

    def read_unsigned_byte(self, position: typing.Optional[int] = None) -> int:
        return self.read_byte(position) & 0xFF

    def read_short(self, position: typing.Optional[int] = None) -> int:
        pos = self._pos if position is None else position
        try:
            val = self._u_short(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(2, pos) from None
        if position is None:
            self._pos = pos + 2
        return val

    def read_unsigned_short(self, position: typing.Optional[int] = None) -> int:
        return self.read_short(position) & 0xFFFF

    def read_char(self, position: typing.Optional[int] = None) -> str:
        pos = self._pos if position is None else position
        try:
            val = self._u_ushort(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(2, pos) from None
        if position is None:
            self._pos = pos + 2
        return chr(val)

    def read_int(self, position: typing.Optional[int] = None) -> int:
        pos = self._pos if position is None else position
        try:
            val = self._u_int(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(4, pos) from None
        if position is None:
            self._pos = pos + 4
        return val

    def read_long(self, position: typing.Optional[int] = None) -> int:
        pos = self._pos if position is None else position
        try:
            val = self._u_long(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(8, pos) from None
        if position is None:
            self._pos = pos + 8
        return val

    def read_float(self, position: typing.Optional[int] = None) -> float:
        pos = self._pos if position is None else position
        try:
            val = self._u_float(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(4, pos) from None
        if position is None:
            self._pos = pos + 4
        return val

    def read_double(self, position: typing.Optional[int] = None) -> float:
        pos = self._pos if position is None else position
        try:
            val = self._u_double(self._buffer, pos)[0]
        except _StructError:
            raise self._eof(8, pos) from None
        if position is None:
            self._pos = pos + 8
        return val

    def read_string(self) -> typing.Optional[str]:
        n = self.read_int()
        if n == NULL_ARRAY_LENGTH:
            return None
        pos = self._pos
        if n < 0 or pos + n > self._size:
            raise HazelcastSerializationError(
                "string length %d at position %d exceeds the %d remaining bytes"
                % (n, pos - 4, self._size - pos)
            )
        self._pos = pos + n
        try:
            return str(self._buffer[pos : pos + n], "utf-8")
        except UnicodeDecodeError as e:
            raise HazelcastSerializationError(
                "invalid UTF-8 string at position %d: %s" % (pos, e)
            ) from None

    def read_utf(self) -> typing.Optional[str]:
        return self.read_string()

    # -- arrays ---------------------------------------------------------

    def _read_packed(self, code: str, size: int) -> typing.Optional[list]:
        n = self._read_length(size)
        if n == NULL_ARRAY_LENGTH:
            return None
        pos = self._pos
        self._pos = pos + n * size
        return list(struct.unpack_from("%s%d%s" % (self._order, n, code), self._buffer, pos))

    def read_byte_array(self) -> typing.Optional[bytearray]:
        n = self._read_length(1)
        if n == NULL_ARRAY_LENGTH:
            return None
        pos = self._pos
        self._pos = pos + n
        return bytearray(self._buffer[pos : pos + n])

    def read_boolean_array(self) -> typing.Optional[typing.List[bool]]:
        n = self._read_length(1)
        if n == NULL_ARRAY_LENGTH:
            return None
        pos = self._pos
        self._pos = pos + n
        return [b != 0 for b in bytes(self._buffer[pos : pos + n])]

    def read_char_array(self) -> typing.Optional[typing.List[str]]:
        codes = self._read_packed("H", 2)
        if codes is None:
            return None
        return [chr(c) for c in codes]

    def read_short_array(self) -> typing.Optional[typing.List[int]]:
        return self._read_packed("h", 2)

    def read_int_array(self) -> typing.Optional[typing.List[int]]:
        return self._read_packed("i", 4)

    def read_long_array(self) -> typing.Optional[typing.List[int]]:
        return self._read_packed("q", 8)

    def read_float_array(self) -> typing.Optional[typing.List[float]]:
        return self._read_packed("f", 4)

    def read_double_array(self) -> typing.Optional[typing.List[float]]:
        return self._read_packed("d", 8)

    def read_string_array(self) -> typing.Optional[typing.List[typing.Optional[str]]]:
        n = self._read_length(4)
        if n == NULL_ARRAY_LENGTH:
            return None
        return [self.read_string() for _ in range(n)]

    def read_utf_array(self) -> typing.Optional[typing.List[typing.Optional[str]]]:
        return self.read_string_array()

    # -- objects and access ---------------------------------------------

    def read_object(self) -> typing.Any:
        service = self._service
        if service is None:
            raise HazelcastSerializationError("cannot read an object: the input has no serialization service")
        return service.read_object(self)

    def get_byte_order(self) -> str:
        return "BIG_ENDIAN" if self._is_big_endian else "LITTLE_ENDIAN"

    def position(self) -> int:
        return self._pos

    def set_position(self, position: int) -> None:
        """Moves the read position.

        Raises:
            HazelcastSerializationError: If the position is outside the buffer.
        """
        if position < 0 or position > self._size:
            raise HazelcastSerializationError(
                "position %d is outside the %d-byte input" % (position, self._size)
            )
        self._pos = position

    def size(self) -> int:
        return self._size
