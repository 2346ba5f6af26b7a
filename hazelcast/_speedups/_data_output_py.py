"""The ObjectDataOutput implementation: writes into a growing bytearray (pure
Python; the compiled twin is ``_data_output_c``, selected by
:mod:`hazelcast.serialization.output`)."""

from __future__ import annotations

import struct
import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import ObjectDataOutput
from hazelcast.serialization.bits import (
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
    lone_surrogate_error,
)

if typing.TYPE_CHECKING:
    from hazelcast.serialization.service import SerializationServiceV1

_pack_be_int = BE_INT.pack_into


class _ObjectDataOutput(ObjectDataOutput):
    """Writes into a bytearray that grows on demand; ``size`` is its
    initial capacity. Multi-byte values follow ``is_big_endian``."""

    __slots__ = (
        "_buffer",
        "_pos",
        "_service",
        "_is_big_endian",
        "_order",
        "_p_short",
        "_p_char",
        "_p_int",
        "_p_long",
        "_p_float",
        "_p_double",
        "_utf16",
    )

    def __init__(
        self,
        size: int,
        serialization_service: typing.Optional["SerializationServiceV1"] = None,
        is_big_endian: bool = True,
    ):
        self._buffer = bytearray(max(size, 16))
        self._pos = 0
        self._service = serialization_service
        self._is_big_endian = is_big_endian
        if is_big_endian:
            self._order = ">"
            self._p_short = BE_SHORT.pack_into
            self._p_char = BE_USHORT.pack_into
            self._p_int = BE_INT.pack_into
            self._p_long = BE_LONG.pack_into
            self._p_float = BE_FLOAT.pack_into
            self._p_double = BE_DOUBLE.pack_into
            self._utf16 = "utf-16-be"
        else:
            self._order = "<"
            self._p_short = LE_SHORT.pack_into
            self._p_char = LE_USHORT.pack_into
            self._p_int = LE_INT.pack_into
            self._p_long = LE_LONG.pack_into
            self._p_float = LE_FLOAT.pack_into
            self._p_double = LE_DOUBLE.pack_into
            self._utf16 = "utf-16-le"

    # -- capacity -------------------------------------------------------

    def _grow(self, needed: int) -> None:
        buf = self._buffer
        # at least double, so n appends cost O(n) copies in total
        buf.extend(bytes(max(len(buf), needed)))

    def _write_raw(self, data: typing.Union[bytes, bytearray, memoryview]) -> None:
        n = len(data)
        pos = self._pos
        if pos + n > len(self._buffer):
            self._grow(n)
        self._buffer[pos : pos + n] = data
        self._pos = pos + n

    # -- primitives -----------------------------------------------------

    def write_from(
        self, buff: bytearray, offset: typing.Optional[int] = None, length: typing.Optional[int] = None
    ) -> None:
        if offset is None:
            offset = 0
        if length is None:
            length = len(buff) - offset
        if offset < 0 or length < 0 or offset + length > len(buff):
            raise ValueError(
                "invalid range offset=%d length=%d for a buffer of %d bytes"
                % (offset, length, len(buff))
            )
        self._write_raw(memoryview(buff)[offset : offset + length])

    def write_boolean(self, val: bool) -> None:
        pos = self._pos
        if pos + 1 > len(self._buffer):
            self._grow(1)
        self._buffer[pos] = 1 if val else 0
        self._pos = pos + 1

    def write_byte(self, val: int) -> None:
        # Java's writeByte keeps the low 8 bits: accepts signed and unsigned bytes
        pos = self._pos
        if pos + 1 > len(self._buffer):
            self._grow(1)
        self._buffer[pos] = val & 0xFF
        self._pos = pos + 1

    def write_short(self, val: int) -> None:
        pos = self._pos
        if pos + 2 > len(self._buffer):
            self._grow(2)
        self._p_short(self._buffer, pos, val)
        self._pos = pos + 2

    def write_char(self, val: str) -> None:
        pos = self._pos
        if pos + 2 > len(self._buffer):
            self._grow(2)
        self._p_char(self._buffer, pos, ord(val))
        self._pos = pos + 2

    def write_int(self, val: int) -> None:
        pos = self._pos
        if pos + 4 > len(self._buffer):
            self._grow(4)
        self._p_int(self._buffer, pos, val)
        self._pos = pos + 4

    def write_int_big_endian(self, val: int) -> None:
        """Writes an int in big-endian order whatever the configured order."""
        pos = self._pos
        if pos + 4 > len(self._buffer):
            self._grow(4)
        _pack_be_int(self._buffer, pos, val)
        self._pos = pos + 4

    def write_int_positional(self, val: int, position: int) -> None:
        """Overwrites an int at an earlier position (e.g. an offset table)."""
        if position < 0 or position + 4 > self._pos:
            raise ValueError("position %d is outside the %d bytes written" % (position, self._pos))
        self._p_int(self._buffer, position, val)

    def write_long(self, val: int) -> None:
        pos = self._pos
        if pos + 8 > len(self._buffer):
            self._grow(8)
        self._p_long(self._buffer, pos, val)
        self._pos = pos + 8

    def write_float(self, val: float) -> None:
        pos = self._pos
        if pos + 4 > len(self._buffer):
            self._grow(4)
        self._p_float(self._buffer, pos, val)
        self._pos = pos + 4

    def write_double(self, val: float) -> None:
        pos = self._pos
        if pos + 8 > len(self._buffer):
            self._grow(8)
        self._p_double(self._buffer, pos, val)
        self._pos = pos + 8

    def write_bytes(self, val: str) -> None:
        try:
            raw = val.encode("latin-1")
        except UnicodeEncodeError:
            raw = bytes(ord(c) & 0xFF for c in val)
        self._write_raw(raw)

    def write_chars(self, val: str) -> None:
        # UTF-16 code units, as Java's writeChars (non-BMP chars become pairs)
        self._write_raw(val.encode(self._utf16, "surrogatepass"))

    def write_string(self, val: typing.Optional[str]) -> None:
        if val is None:
            self.write_int(NULL_ARRAY_LENGTH)
            return
        try:
            raw = val.encode("utf-8")
        except UnicodeEncodeError as e:  # lone surrogates: refused, never "?"
            raise lone_surrogate_error(val, e) from None
        n = len(raw)
        pos = self._pos
        if pos + 4 + n > len(self._buffer):
            self._grow(4 + n)
        buf = self._buffer
        self._p_int(buf, pos, n)
        pos += 4
        buf[pos : pos + n] = raw
        self._pos = pos + n

    def write_utf(self, val: typing.Optional[str]) -> None:
        self.write_string(val)

    def write_zero_bytes(self, count: int) -> None:
        """Writes ``count`` zero bytes (reserves room to fill in later)."""
        pos = self._pos
        if pos + count > len(self._buffer):
            self._grow(count)
        self._buffer[pos : pos + count] = bytes(count)
        self._pos = pos + count

    # -- arrays ---------------------------------------------------------

    def _write_packed(self, code: str, size: int, val: typing.Optional[typing.Sequence[typing.Any]]) -> None:
        if val is None:
            self.write_int(NULL_ARRAY_LENGTH)
            return
        n = len(val)
        total = 4 + n * size
        pos = self._pos
        if pos + total > len(self._buffer):
            self._grow(total)
        buf = self._buffer
        self._p_int(buf, pos, n)
        if n:
            struct.pack_into("%s%d%s" % (self._order, n, code), buf, pos + 4, *val)
        self._pos = pos + total

    def write_byte_array(self, val: typing.Optional[typing.Union[bytes, bytearray, typing.Sequence[int]]]) -> None:
        if val is None:
            self.write_int(NULL_ARRAY_LENGTH)
            return
        n = len(val)
        pos = self._pos
        if pos + 4 + n > len(self._buffer):
            self._grow(4 + n)
        buf = self._buffer
        self._p_int(buf, pos, n)
        pos += 4
        if isinstance(val, (bytes, bytearray, memoryview)):
            buf[pos : pos + n] = val
        else:
            buf[pos : pos + n] = bytes(v & 0xFF for v in val)
        self._pos = pos + n

    def write_boolean_array(self, val: typing.Optional[typing.Sequence[bool]]) -> None:
        if val is None:
            self.write_int(NULL_ARRAY_LENGTH)
            return
        self.write_int(len(val))
        self._write_raw(bytes([1 if v else 0 for v in val]))

    def write_char_array(self, val: typing.Optional[typing.Sequence[str]]) -> None:
        if val is None:
            self.write_int(NULL_ARRAY_LENGTH)
            return
        self._write_packed("H", 2, [ord(c) for c in val])

    def write_short_array(self, val: typing.Optional[typing.Sequence[int]]) -> None:
        self._write_packed("h", 2, val)

    def write_int_array(self, val: typing.Optional[typing.Sequence[int]]) -> None:
        self._write_packed("i", 4, val)

    def write_long_array(self, val: typing.Optional[typing.Sequence[int]]) -> None:
        self._write_packed("q", 8, val)

    def write_float_array(self, val: typing.Optional[typing.Sequence[float]]) -> None:
        self._write_packed("f", 4, val)

    def write_double_array(self, val: typing.Optional[typing.Sequence[float]]) -> None:
        self._write_packed("d", 8, val)

    def write_string_array(self, val: typing.Optional[typing.Sequence[typing.Optional[str]]]) -> None:
        if val is None:
            self.write_int(NULL_ARRAY_LENGTH)
            return
        start = self._pos
        self.write_int(len(val))
        try:
            for item in val:
                self.write_string(item)
        except BaseException:
            self._pos = start  # a refused item leaves no half-written array behind
            raise

    def write_utf_array(self, val: typing.Optional[typing.Sequence[typing.Optional[str]]]) -> None:
        self.write_string_array(val)

    # -- objects and access ---------------------------------------------

    def write_object(self, val: typing.Any) -> None:
        service = self._service
        if service is None:
            raise HazelcastSerializationError("cannot write an object: the output has no serialization service")
        service.write_object(self, val)

    def to_byte_array(self) -> bytearray:
        return self._buffer[: self._pos]

    def to_bytes(self) -> bytes:
        """Returns the bytes written so far as an immutable copy."""
        return bytes(memoryview(self._buffer)[: self._pos])

    def get_byte_order(self) -> str:
        return "BIG_ENDIAN" if self._is_big_endian else "LITTLE_ENDIAN"

    def position(self) -> int:
        """Returns the number of bytes written so far."""
        return self._pos

    def set_position(self, position: int) -> None:
        """Moves the write position within the bytes written so far."""
        if position < 0 or position > self._pos:
            raise ValueError("position %d is outside the %d bytes written" % (position, self._pos))
        self._pos = position
