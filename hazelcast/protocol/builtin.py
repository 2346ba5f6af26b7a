"""Codecs of the protocol's builtin types, used by the generated codecs.

Encoders append frames to a request buffer (``bytearray``) and take ``is_final`` to
mark the last frame of the request. Decoders read frames from an
:class:`~hazelcast.protocol.client_message.InboundMessage` at its cursor. Fixed-size
values live inside a frame and are read and written at an offset.
"""

from __future__ import annotations

import datetime
import decimal
import struct
import uuid as _uuid
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Collection,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
)

from hazelcast.protocol.client_message import (
    BEGIN_DATA_STRUCTURE_FLAG,
    BEGIN_FRAME_BUF,
    END_DATA_STRUCTURE_FLAG,
    END_FINAL_FRAME_BUF,
    END_FRAME_BUF,
    FRAME_HEADER,
    IS_FINAL_FLAG,
    IS_NULL_FLAG,
    NULL_FINAL_FRAME_BUF,
    NULL_FRAME_BUF,
    SIZE_OF_FRAME_LENGTH_AND_FLAGS,
    InboundMessage,
)
from hazelcast.protocol.entry_lists import write_entries, write_items
from hazelcast.serialization.data import Data

if TYPE_CHECKING:
    from hazelcast.core import HazelcastJsonValue
    from hazelcast.protocol import ErrorHolder

_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")

# Encoders append a value's frames to a buffer: (buf, value[, is_final]).
Encoder = Callable[[bytearray, _T], None]
FinalEncoder = Callable[[bytearray, _T, bool], None]
# Decoders read a value's frames at the message's cursor.
Decoder = Callable[[InboundMessage], _T]

BOOLEAN_SIZE_IN_BYTES = 1
BYTE_SIZE_IN_BYTES = 1
SHORT_SIZE_IN_BYTES = 2
INT_SIZE_IN_BYTES = 4
LONG_SIZE_IN_BYTES = 8
FLOAT_SIZE_IN_BYTES = 4
DOUBLE_SIZE_IN_BYTES = 8
UUID_SIZE_IN_BYTES = 17  # is-null flag + most and least significant 64 bits

_pack_header = FRAME_HEADER.pack
_HEADER_SIZE = SIZE_OF_FRAME_LENGTH_AND_FLAGS
_BOOLEAN = struct.Struct("<?")
_BYTE = struct.Struct("<b")
_SHORT = struct.Struct("<h")
_INT = struct.Struct("<i")
_LONG = struct.Struct("<q")
_FLOAT = struct.Struct("<f")
_DOUBLE = struct.Struct("<d")
_UUID = struct.Struct("<?QQ")
_INT_UUID = struct.Struct("<i?QQ")
_INT_LONG = struct.Struct("<iq")
_INT_INT = struct.Struct("<ii")
_UUID_LONG = struct.Struct("<?QQq")
_UUID_UUID = struct.Struct("<?QQ?QQ")
_MASK_64 = (1 << 64) - 1
_UUID_CLASS = _uuid.UUID
_new_uuid = object.__new__
_set_attr = object.__setattr__


def uuid_fields(value: Optional[_uuid.UUID]) -> Tuple[bool, int, int]:
    """Returns (is_null, most significant 64 bits, least significant 64 bits)."""
    if value is None:
        return True, 0, 0
    i = value.int
    return False, i >> 64, i & _MASK_64


def _make_uuid(msb: int, lsb: int) -> _uuid.UUID:
    # uuid.UUID(int=...) validates its arguments on every call; members send many
    # UUIDs (events, member lists), so build the immutable object directly.
    u = _new_uuid(_UUID_CLASS)
    _set_attr(u, "int", (msb << 64) | lsb)
    _set_attr(u, "is_safe", _uuid.SafeUUID.unknown)
    return u


def _frame(content: bytes, is_final: bool) -> bytes:
    return _pack_header(len(content) + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0) + content


class FixSizedTypesCodec:
    """Fixed-size values at an offset of a frame's content (or of an outbound buffer)."""

    @staticmethod
    def encode_int(buf: bytearray, offset: int, value: int) -> None:
        _INT.pack_into(buf, offset, value)

    @staticmethod
    def decode_int(buf: bytes, offset: int) -> int:
        return _INT.unpack_from(buf, offset)[0]

    @staticmethod
    def encode_long(buf: bytearray, offset: int, value: int) -> None:
        _LONG.pack_into(buf, offset, value)

    @staticmethod
    def decode_long(buf: bytes, offset: int) -> int:
        return _LONG.unpack_from(buf, offset)[0]

    @staticmethod
    def encode_short(buf: bytearray, offset: int, value: int) -> None:
        _SHORT.pack_into(buf, offset, value)

    @staticmethod
    def decode_short(buf: bytes, offset: int) -> int:
        return _SHORT.unpack_from(buf, offset)[0]

    @staticmethod
    def encode_boolean(buf: bytearray, offset: int, value: bool) -> None:
        buf[offset] = 1 if value else 0

    @staticmethod
    def decode_boolean(buf: bytes, offset: int) -> bool:
        return buf[offset] != 0

    @staticmethod
    def encode_byte(buf: bytearray, offset: int, value: int) -> None:
        _BYTE.pack_into(buf, offset, value)

    @staticmethod
    def decode_byte(buf: bytes, offset: int) -> int:
        return _BYTE.unpack_from(buf, offset)[0]

    @staticmethod
    def encode_float(buf: bytearray, offset: int, value: float) -> None:
        _FLOAT.pack_into(buf, offset, value)

    @staticmethod
    def decode_float(buf: bytes, offset: int) -> float:
        return _FLOAT.unpack_from(buf, offset)[0]

    @staticmethod
    def encode_double(buf: bytearray, offset: int, value: float) -> None:
        _DOUBLE.pack_into(buf, offset, value)

    @staticmethod
    def decode_double(buf: bytes, offset: int) -> float:
        return _DOUBLE.unpack_from(buf, offset)[0]

    @staticmethod
    def encode_uuid(buf: bytearray, offset: int, value: Optional[_uuid.UUID]) -> None:
        _UUID.pack_into(buf, offset, *uuid_fields(value))

    @staticmethod
    def decode_uuid(buf: bytes, offset: int) -> Optional[_uuid.UUID]:
        is_null, msb, lsb = _UUID.unpack_from(buf, offset)
        if is_null:
            return None
        return _make_uuid(msb, lsb)

    @staticmethod
    def decode_non_null_uuid(buf: bytes, offset: int) -> _uuid.UUID:
        """Reads a UUID the protocol defines as not nullable (see :func:`_non_null_uuid`)."""
        is_null, msb, lsb = _UUID.unpack_from(buf, offset)
        if is_null:
            return None  # type: ignore[return-value]  # never sent, see _non_null_uuid
        return _make_uuid(msb, lsb)


class CodecUtil:
    """Helpers for nullable values and nested data structures."""

    @staticmethod
    def fast_forward_to_end_frame(msg: InboundMessage) -> None:
        """Skips frames up to and including the end frame of the current structure.

        Nested structures are skipped whole, so fields a newer member appended to a
        custom type are ignored.
        """
        expected_end_frames = 1
        while expected_end_frames:
            flags = msg.next_frame().flags
            if flags & END_DATA_STRUCTURE_FLAG:
                expected_end_frames -= 1
            elif flags & BEGIN_DATA_STRUCTURE_FLAG:
                expected_end_frames += 1

    @staticmethod
    def encode_nullable(
        buf: bytearray, value: Optional[_T], encoder: FinalEncoder[_T], is_final: bool = False
    ) -> None:
        if value is None:
            buf += NULL_FINAL_FRAME_BUF if is_final else NULL_FRAME_BUF
        else:
            encoder(buf, value, is_final)

    @staticmethod
    def decode_nullable(msg: InboundMessage, decoder: Decoder[_T]) -> Optional[_T]:
        if CodecUtil.next_frame_is_null_frame(msg):
            return None
        return decoder(msg)

    @staticmethod
    def next_frame_is_data_structure_end_frame(msg: InboundMessage) -> bool:
        frame = msg.peek_next_frame()
        return frame is None or bool(frame.flags & END_DATA_STRUCTURE_FLAG)

    @staticmethod
    def next_frame_is_null_frame(msg: InboundMessage) -> bool:
        """Returns True, and skips the frame, if the next frame is a null frame."""
        frame = msg.peek_next_frame()
        if frame is not None and frame.flags & IS_NULL_FLAG:
            msg.skip_frame()
            return True
        return False


class StringCodec:
    @staticmethod
    def encode(buf: bytearray, value: str, is_final: bool = False) -> None:
        content = value.encode("utf-8")
        buf += _pack_header(len(content) + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0)
        buf += content

    @staticmethod
    def decode(msg: InboundMessage) -> str:
        return msg.next_frame().buf.decode("utf-8")


class ByteArrayCodec:
    @staticmethod
    def encode(buf: bytearray, value: bytes, is_final: bool = False) -> None:
        buf += _pack_header(len(value) + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0)
        buf += value

    @staticmethod
    def decode(msg: InboundMessage) -> bytes:
        return bytes(msg.next_frame().buf)


class DataCodec:
    """Serialized values: the frame content is the Data buffer."""

    @staticmethod
    def encode(buf: bytearray, value: Data, is_final: bool = False) -> None:
        content = value.buffer
        buf += _pack_header(len(content) + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0)
        buf += content

    @staticmethod
    def decode(msg: InboundMessage) -> Data:
        return Data(msg.next_frame().buf)

    @staticmethod
    def encode_nullable(buf: bytearray, value: Optional[Data], is_final: bool = False) -> None:
        if value is None:
            buf += NULL_FINAL_FRAME_BUF if is_final else NULL_FRAME_BUF
        else:
            DataCodec.encode(buf, value, is_final)

    @staticmethod
    def decode_nullable(msg: InboundMessage) -> Optional[Data]:
        frame = msg.next_frame()
        if frame.flags & IS_NULL_FLAG:
            return None
        return Data(frame.buf)


# A frame holding items of one fixed-size type back to back.


def _encode_fixed_array(buf: bytearray, items: Sequence[_T], is_final: bool, code: str, size: int) -> None:
    n = len(items)
    buf += _pack_header(n * size + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0)
    buf += struct.pack("<%d%s" % (n, code), *items)


def _decode_fixed_array(msg: InboundMessage, code: str, size: int) -> List[Any]:
    content = msg.next_frame().buf
    return list(struct.unpack("<%d%s" % (len(content) // size, code), content))



_encode_data = DataCodec.encode  # what write_entries writes for each side

class ListIntegerCodec:
    @staticmethod
    def encode(buf: bytearray, items: Sequence[int], is_final: bool = False) -> None:
        _encode_fixed_array(buf, items, is_final, "i", INT_SIZE_IN_BYTES)

    @staticmethod
    def decode(msg: InboundMessage) -> List[int]:
        return _decode_fixed_array(msg, "i", INT_SIZE_IN_BYTES)


class ListLongCodec:
    @staticmethod
    def encode(buf: bytearray, items: Sequence[int], is_final: bool = False) -> None:
        _encode_fixed_array(buf, items, is_final, "q", LONG_SIZE_IN_BYTES)

    @staticmethod
    def decode(msg: InboundMessage) -> List[int]:
        return _decode_fixed_array(msg, "q", LONG_SIZE_IN_BYTES)


class LongArrayCodec(ListLongCodec):
    pass


class FloatArrayCodec:
    @staticmethod
    def encode(buf: bytearray, items: Sequence[float], is_final: bool = False) -> None:
        _encode_fixed_array(buf, items, is_final, "f", FLOAT_SIZE_IN_BYTES)

    @staticmethod
    def decode(msg: InboundMessage) -> List[float]:
        return _decode_fixed_array(msg, "f", FLOAT_SIZE_IN_BYTES)


# A frame holding (key, value) entries of fixed-size types back to back.


def _encode_fixed_entries(
    buf: bytearray,
    entries: Collection[Tuple[_K, _V]],
    is_final: bool,
    entry: struct.Struct,
    split: Callable[[_K, _V], Tuple[Any, ...]],
) -> None:
    buf += _pack_header(len(entries) * entry.size + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0)
    pack = entry.pack
    for key, value in entries:
        buf += pack(*split(key, value))


def _decode_fixed_entries(
    msg: InboundMessage, entry: struct.Struct, join: Callable[[Tuple[Any, ...]], Tuple[_K, _V]]
) -> List[Tuple[_K, _V]]:
    content = msg.next_frame().buf
    usable = len(content) - len(content) % entry.size
    return [join(fields) for fields in entry.iter_unpack(content[:usable])]


def _same_entry(key: _K, value: _V) -> Tuple[_K, _V]:
    return key, value


def _non_null_uuid(is_null: bool, msb: int, lsb: int) -> _uuid.UUID:
    # For the UUIDs the protocol defines as not nullable (list items, fields not
    # marked nullable), which members never send as null. Should one be null all
    # the same, it reads as None, as a nullable one would, rather than failing the
    # whole message: the type is what members send, not what the bytes allow.
    if is_null:
        return None  # type: ignore[return-value]  # see above: never sent
    return _make_uuid(msb, lsb)


class ListUUIDCodec:
    @staticmethod
    def encode(buf: bytearray, items: Collection[Optional[_uuid.UUID]], is_final: bool = False) -> None:
        buf += _pack_header(len(items) * UUID_SIZE_IN_BYTES + _HEADER_SIZE, IS_FINAL_FLAG if is_final else 0)
        pack = _UUID.pack
        for item in items:
            buf += pack(*uuid_fields(item))

    @staticmethod
    def decode(msg: InboundMessage) -> List[_uuid.UUID]:
        content = msg.next_frame().buf
        usable = len(content) - len(content) % UUID_SIZE_IN_BYTES
        return [_non_null_uuid(*fields) for fields in _UUID.iter_unpack(content[:usable])]


class EntryListIntegerUUIDCodec:
    @staticmethod
    def encode(
        buf: bytearray, entries: Collection[Tuple[int, Optional[_uuid.UUID]]], is_final: bool = False
    ) -> None:
        _encode_fixed_entries(buf, entries, is_final, _INT_UUID, lambda k, v: (k,) + uuid_fields(v))

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[int, _uuid.UUID]]:
        return _decode_fixed_entries(msg, _INT_UUID, lambda f: (f[0], _non_null_uuid(f[1], f[2], f[3])))


class EntryListIntegerLongCodec:
    @staticmethod
    def encode(buf: bytearray, entries: Collection[Tuple[int, int]], is_final: bool = False) -> None:
        _encode_fixed_entries(buf, entries, is_final, _INT_LONG, _same_entry)

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[int, int]]:
        return _decode_fixed_entries(msg, _INT_LONG, tuple)


class EntryListIntegerIntegerCodec:
    @staticmethod
    def encode(buf: bytearray, entries: Collection[Tuple[int, int]], is_final: bool = False) -> None:
        _encode_fixed_entries(buf, entries, is_final, _INT_INT, _same_entry)

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[int, int]]:
        return _decode_fixed_entries(msg, _INT_INT, tuple)


class EntryListUUIDLongCodec:
    @staticmethod
    def encode(
        buf: bytearray, entries: Collection[Tuple[Optional[_uuid.UUID], int]], is_final: bool = False
    ) -> None:
        _encode_fixed_entries(buf, entries, is_final, _UUID_LONG, lambda k, v: uuid_fields(k) + (v,))

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[_uuid.UUID, int]]:
        return _decode_fixed_entries(msg, _UUID_LONG, lambda f: (_non_null_uuid(f[0], f[1], f[2]), f[3]))


class EntryListUUIDUUIDCodec:
    @staticmethod
    def encode(
        buf: bytearray,
        entries: Collection[Tuple[Optional[_uuid.UUID], Optional[_uuid.UUID]]],
        is_final: bool = False,
    ) -> None:
        _encode_fixed_entries(
            buf, entries, is_final, _UUID_UUID, lambda k, v: uuid_fields(k) + uuid_fields(v)
        )

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[_uuid.UUID, _uuid.UUID]]:
        return _decode_fixed_entries(
            msg, _UUID_UUID, lambda f: (_non_null_uuid(f[0], f[1], f[2]), _non_null_uuid(f[3], f[4], f[5]))
        )


class ListMultiFrameCodec:
    """A list as a BEGIN frame, the items' frames and an END frame."""

    @staticmethod
    def encode(buf: bytearray, items: Iterable[_T], encoder: Encoder[_T], is_final: bool = False) -> None:
        buf += BEGIN_FRAME_BUF
        for item in items:
            encoder(buf, item)
        buf += END_FINAL_FRAME_BUF if is_final else END_FRAME_BUF

    @staticmethod
    def encode_contains_nullable(
        buf: bytearray, items: Iterable[Optional[_T]], encoder: Encoder[_T], is_final: bool = False
    ) -> None:
        buf += BEGIN_FRAME_BUF
        for item in items:
            if item is None:
                buf += NULL_FRAME_BUF
            else:
                encoder(buf, item)
        buf += END_FINAL_FRAME_BUF if is_final else END_FRAME_BUF

    @staticmethod
    def encode_nullable(
        buf: bytearray, items: Optional[Iterable[_T]], encoder: Encoder[_T], is_final: bool = False
    ) -> None:
        if items is None:
            buf += NULL_FINAL_FRAME_BUF if is_final else NULL_FRAME_BUF
        else:
            ListMultiFrameCodec.encode(buf, items, encoder, is_final)

    @staticmethod
    def decode(msg: InboundMessage, decoder: Decoder[_T]) -> List[_T]:
        result = []
        msg.skip_frame()  # begin frame
        while not msg.peek_next_frame_flags() & END_DATA_STRUCTURE_FLAG:
            result.append(decoder(msg))
        msg.skip_frame()  # end frame
        return result

    @staticmethod
    def decode_contains_nullable(msg: InboundMessage, decoder: Decoder[_T]) -> List[Optional[_T]]:
        result: List[Optional[_T]] = []
        msg.skip_frame()
        while True:
            flags = msg.peek_next_frame_flags()
            if flags & END_DATA_STRUCTURE_FLAG:
                break
            if flags & IS_NULL_FLAG:
                msg.skip_frame()
                result.append(None)
            else:
                result.append(decoder(msg))
        msg.skip_frame()
        return result

    @staticmethod
    def decode_nullable(msg: InboundMessage, decoder: Decoder[_T]) -> Optional[List[_T]]:
        if CodecUtil.next_frame_is_null_frame(msg):
            return None
        return ListMultiFrameCodec.decode(msg, decoder)


class ListDataCodec:
    @staticmethod
    def encode(buf: bytearray, items: Iterable[Data], is_final: bool = False) -> None:
        buf += BEGIN_FRAME_BUF
        write_items(buf, items)
        buf += END_FINAL_FRAME_BUF if is_final else END_FRAME_BUF

    @staticmethod
    def decode(msg: InboundMessage) -> List[Data]:
        result: List[Data] = []
        msg.skip_frame()
        while True:
            frame = msg.next_frame()
            if frame.flags & END_DATA_STRUCTURE_FLAG:
                return result
            result.append(Data(frame.buf))


class EntryListCodec:
    """(key, value) entries as a BEGIN frame, key and value frames, an END frame."""

    @staticmethod
    def encode(
        buf: bytearray,
        entries: Iterable[Tuple[_K, _V]],
        key_encoder: Encoder[_K],
        value_encoder: Encoder[_V],
        is_final: bool = False,
    ) -> None:
        buf += BEGIN_FRAME_BUF
        if key_encoder is _encode_data and value_encoder is _encode_data:
            write_entries(buf, entries)  # type: ignore[arg-type]  # serialized keys and values
        else:
            for key, value in entries:
                key_encoder(buf, key)
                value_encoder(buf, value)
        buf += END_FINAL_FRAME_BUF if is_final else END_FRAME_BUF

    @staticmethod
    def encode_nullable(
        buf: bytearray,
        entries: Optional[Iterable[Tuple[_K, _V]]],
        key_encoder: Encoder[_K],
        value_encoder: Encoder[_V],
        is_final: bool = False,
    ) -> None:
        if entries is None:
            buf += NULL_FINAL_FRAME_BUF if is_final else NULL_FRAME_BUF
        else:
            EntryListCodec.encode(buf, entries, key_encoder, value_encoder, is_final)

    @staticmethod
    def decode(msg: InboundMessage, key_decoder: Decoder[_K], value_decoder: Decoder[_V]) -> List[Tuple[_K, _V]]:
        result = []
        msg.skip_frame()
        while not msg.peek_next_frame_flags() & END_DATA_STRUCTURE_FLAG:
            key = key_decoder(msg)
            result.append((key, value_decoder(msg)))
        msg.skip_frame()
        return result

    @staticmethod
    def decode_nullable(
        msg: InboundMessage, key_decoder: Decoder[_K], value_decoder: Decoder[_V]
    ) -> Optional[List[Tuple[_K, _V]]]:
        if CodecUtil.next_frame_is_null_frame(msg):
            return None
        return EntryListCodec.decode(msg, key_decoder, value_decoder)


class MapCodec:
    """A dict, encoded like an entry list."""

    @staticmethod
    def encode(
        buf: bytearray,
        mapping: Mapping[_K, _V],
        key_encoder: Encoder[_K],
        value_encoder: Encoder[_V],
        is_final: bool = False,
    ) -> None:
        EntryListCodec.encode(buf, mapping.items(), key_encoder, value_encoder, is_final)

    @staticmethod
    def encode_nullable(
        buf: bytearray,
        mapping: Optional[Mapping[_K, _V]],
        key_encoder: Encoder[_K],
        value_encoder: Encoder[_V],
        is_final: bool = False,
    ) -> None:
        if mapping is None:
            buf += NULL_FINAL_FRAME_BUF if is_final else NULL_FRAME_BUF
        else:
            EntryListCodec.encode(buf, mapping.items(), key_encoder, value_encoder, is_final)

    @staticmethod
    def decode(msg: InboundMessage, key_decoder: Decoder[_K], value_decoder: Decoder[_V]) -> Dict[_K, _V]:
        return dict(EntryListCodec.decode(msg, key_decoder, value_decoder))

    @staticmethod
    def decode_nullable(
        msg: InboundMessage, key_decoder: Decoder[_K], value_decoder: Decoder[_V]
    ) -> Optional[Dict[_K, _V]]:
        if CodecUtil.next_frame_is_null_frame(msg):
            return None
        return dict(EntryListCodec.decode(msg, key_decoder, value_decoder))


class EntryListUUIDListIntegerCodec:
    """Values as a list of integer lists, then all keys in one UUID list frame."""

    @staticmethod
    def encode(
        buf: bytearray, entries: Iterable[Tuple[Optional[_uuid.UUID], Sequence[int]]], is_final: bool = False
    ) -> None:
        keys = []
        buf += BEGIN_FRAME_BUF
        for key, value in entries:
            keys.append(key)
            ListIntegerCodec.encode(buf, value)
        buf += END_FRAME_BUF
        ListUUIDCodec.encode(buf, keys, is_final)

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[_uuid.UUID, List[int]]]:
        values = ListMultiFrameCodec.decode(msg, ListIntegerCodec.decode)
        keys = ListUUIDCodec.decode(msg)
        return list(zip(keys, values))


class EntryListLongByteArrayCodec:
    """Values as a list of byte-array frames, then all keys in one long list frame."""

    @staticmethod
    def encode(buf: bytearray, entries: Iterable[Tuple[int, bytes]], is_final: bool = False) -> None:
        keys = []
        buf += BEGIN_FRAME_BUF
        for key, value in entries:
            keys.append(key)
            ByteArrayCodec.encode(buf, value)
        buf += END_FRAME_BUF
        ListLongCodec.encode(buf, keys, is_final)

    @staticmethod
    def decode(msg: InboundMessage) -> List[Tuple[int, bytes]]:
        values = ListMultiFrameCodec.decode(msg, ByteArrayCodec.decode)
        keys = ListLongCodec.decode(msg)
        return list(zip(keys, values))


# --- SQL pages --------------------------------------------------------------------


class SqlPage:
    """A page of SQL rows, stored by column.

    Attributes:
        column_type_ids: The SQL column type id of each column.
        columns: The values of each column.
        is_last: True if this is the last page of the result.
    """

    __slots__ = ("column_type_ids", "columns", "is_last")

    def __init__(self, column_type_ids: List[int], columns: List[List[Any]], is_last: bool):
        self.column_type_ids = column_type_ids
        self.columns = columns
        self.is_last = is_last


_CN_NULL_ONLY = 1
_CN_NOT_NULL_ONLY = 2
_CN_MIXED = 3
_CN_HEADER = struct.Struct("<bi")
_DATE = struct.Struct("<ibb")
_TIME = struct.Struct("<bbbi")
_DATETIME = struct.Struct("<ibbbbbi")
_DATETIME_OFFSET = struct.Struct("<ibbbbbii")


def _decode_date(buf: bytes, offset: int) -> datetime.date:
    return datetime.date(*_DATE.unpack_from(buf, offset))


def _decode_time(buf: bytes, offset: int) -> datetime.time:
    hour, minute, second, nano = _TIME.unpack_from(buf, offset)
    return datetime.time(hour, minute, second, nano // 1000)


def _decode_datetime(buf: bytes, offset: int) -> datetime.datetime:
    y, mo, d, h, mi, s, nano = _DATETIME.unpack_from(buf, offset)
    return datetime.datetime(y, mo, d, h, mi, s, nano // 1000)


def _decode_datetime_offset(buf: bytes, offset: int) -> datetime.datetime:
    y, mo, d, h, mi, s, nano, off = _DATETIME_OFFSET.unpack_from(buf, offset)
    tz = datetime.timezone(datetime.timedelta(seconds=off))
    return datetime.datetime(y, mo, d, h, mi, s, nano // 1000, tz)


def _struct_reader(s: struct.Struct) -> Callable[[bytes, int], Any]:
    unpack_from = s.unpack_from
    return lambda buf, offset: unpack_from(buf, offset)[0]


def _decode_cn_fixed(msg: InboundMessage, size: int, read: Callable[[bytes, int], Any]) -> List[Any]:
    # A column of fixed-size values that may hold nulls: a type byte and a count,
    # then the values, or (mixed) per 8 items a presence bitmask and the present ones.
    buf = msg.next_frame().buf
    kind, count = _CN_HEADER.unpack_from(buf, 0)
    if kind == _CN_NULL_ONLY:
        return _Nulls(count)  # type: ignore[return-value]  # made a list by SqlPageCodec.decode
    position = _CN_HEADER.size
    if kind == _CN_NOT_NULL_ONLY:
        return [read(buf, position + i * size) for i in range(count)]
    result: List[Any] = []
    while len(result) < count:
        mask = buf[position]
        position += 1
        for bit in range(min(8, count - len(result))):
            if mask & (1 << bit):
                result.append(read(buf, position))
                position += size
            else:
                result.append(None)
    return result


def _decode_big_decimal(msg: InboundMessage) -> decimal.Decimal:
    buf = msg.next_frame().buf
    size = _INT.unpack_from(buf, 0)[0]
    unscaled = int.from_bytes(buf[4 : 4 + size], "big", signed=True)
    scale = _INT.unpack_from(buf, 4 + size)[0]
    return decimal.Decimal(unscaled).scaleb(-scale)


def _decode_json(msg: InboundMessage) -> HazelcastJsonValue:
    # A HazelcastJsonValue is a custom type: its string sits between begin and end frames.
    from hazelcast.core import HazelcastJsonValue

    msg.skip_frame()
    value = HazelcastJsonValue(StringCodec.decode(msg))
    CodecUtil.fast_forward_to_end_frame(msg)
    return value


# SQL column type id -> (item size, reader) for the fixed-size column types.
_SQL_FIXED_COLUMNS: Dict[int, Tuple[int, Callable[[bytes, int], Any]]] = {
    1: (BOOLEAN_SIZE_IN_BYTES, FixSizedTypesCodec.decode_boolean),
    2: (BYTE_SIZE_IN_BYTES, _struct_reader(_BYTE)),
    3: (SHORT_SIZE_IN_BYTES, _struct_reader(_SHORT)),
    4: (INT_SIZE_IN_BYTES, _struct_reader(_INT)),
    5: (LONG_SIZE_IN_BYTES, _struct_reader(_LONG)),
    7: (FLOAT_SIZE_IN_BYTES, _struct_reader(_FLOAT)),
    8: (DOUBLE_SIZE_IN_BYTES, _struct_reader(_DOUBLE)),
    9: (_DATE.size, _decode_date),
    10: (_TIME.size, _decode_time),
    11: (_DATETIME.size, _decode_datetime),
    12: (_DATETIME_OFFSET.size, _decode_datetime_offset),
}
# SQL column type id -> decoder of one non-null item, for the frame-per-item types.
_SQL_FRAME_COLUMNS: Dict[int, Decoder[Any]] = {
    0: StringCodec.decode,
    6: _decode_big_decimal,
    13: DataCodec.decode,
    15: _decode_json,
}
_SQL_NULL_COLUMN = 14


class SqlPageCodec:
    @staticmethod
    def decode(msg: InboundMessage) -> SqlPage:
        msg.skip_frame()  # begin frame
        is_last = msg.next_frame().buf[0] == 1
        column_type_ids = ListIntegerCodec.decode(msg)
        columns: List[List[Any]] = []
        for type_id in column_type_ids:
            fixed = _SQL_FIXED_COLUMNS.get(type_id)
            if fixed is not None:
                columns.append(_decode_cn_fixed(msg, fixed[0], fixed[1]))
            elif type_id == _SQL_NULL_COLUMN:
                count = _INT.unpack_from(msg.next_frame().buf, 0)[0]
                columns.append(_Nulls(count))  # type: ignore[arg-type]  # made a list below
            else:
                decoder = _SQL_FRAME_COLUMNS.get(type_id)
                if decoder is None:
                    raise ValueError("unknown SQL column type id %d" % type_id)
                columns.append(ListMultiFrameCodec.decode_contains_nullable(msg, decoder))
        CodecUtil.fast_forward_to_end_frame(msg)
        return SqlPage(column_type_ids, _fill_null_columns(columns), is_last)


class _Nulls:
    """A column of nulls as it arrives: only a count, 4 bytes for any number
    of rows. Made a list once the page's row count is known, so that a
    member cannot make the client allocate by a number it sends."""

    __slots__ = ("count",)

    def __init__(self, count: int):
        self.count = count


# An SQL page holds at most cursor_buffer_size rows; a page of only null
# columns carries no row bytes to bound its row count by.
_MAX_NULL_ONLY_ROWS = 1 << 20


def _fill_null_columns(columns: List[Any]) -> List[List[Any]]:
    rows = None
    for column in columns:
        if not isinstance(column, _Nulls):
            rows = len(column)
            break
    result = []
    for column in columns:
        if isinstance(column, _Nulls):
            count = column.count
            if count < 0 or (rows is not None and count != rows) or (rows is None and count > _MAX_NULL_ONLY_ROWS):
                raise ValueError(
                    "invalid SQL page: a null column of %d rows%s"
                    % (count, "" if rows is None else " beside columns of %d" % rows)
                )
            column = [None] * count
        elif len(column) != rows:
            raise ValueError("invalid SQL page: columns of %s and %d rows" % (rows, len(column)))
        result.append(column)
    return result


# --- error responses ----------------------------------------------------------------


def decode_error_holders(msg: InboundMessage) -> List[ErrorHolder]:
    """Decodes an error response (message type 0).

    Args:
        msg: The error response, its cursor at the initial frame.

    Returns:
        The error and then its causes.
    """
    # Imported here: the generated custom codec imports this module.
    from hazelcast.protocol.codec.custom.error_holder_codec import ErrorHolderCodec

    msg.next_frame()  # initial frame: the header only
    return ListMultiFrameCodec.decode(msg, ErrorHolderCodec.decode)


class ErrorsCodec:
    """The official client's name for the error response decoder."""

    decode = staticmethod(decode_error_holders)
