from __future__ import annotations

import datetime
import decimal
import struct
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hazelcast.protocol import ErrorHolder, StackTraceElement
from hazelcast.protocol.builtin import (
    ByteArrayCodec,
    CodecUtil,
    DataCodec,
    EntryListCodec,
    EntryListIntegerIntegerCodec,
    EntryListIntegerLongCodec,
    EntryListIntegerUUIDCodec,
    EntryListLongByteArrayCodec,
    EntryListUUIDListIntegerCodec,
    EntryListUUIDLongCodec,
    EntryListUUIDUUIDCodec,
    FixSizedTypesCodec,
    FloatArrayCodec,
    ListDataCodec,
    ListIntegerCodec,
    ListLongCodec,
    ListMultiFrameCodec,
    ListUUIDCodec,
    LongArrayCodec,
    MapCodec,
    SqlPageCodec,
    StringCodec,
    decode_error_holders,
)
from hazelcast.protocol.client_message import (
    BEGIN_DATA_STRUCTURE_FLAG,
    END_DATA_STRUCTURE_FLAG,
    IS_NULL_FLAG,
)
from hazelcast.protocol.codec.custom.error_holder_codec import ErrorHolderCodec
from hazelcast.serialization.data import Data

from protocol_helpers import encoded, frame, response, wrapped

ints = st.integers(-(2**31), 2**31 - 1)
longs = st.integers(-(2**63), 2**63 - 1)
uuids = st.uuids()
datas = st.binary(min_size=8, max_size=64).map(Data)


def roundtrip(codec, value):
    return codec.decode(wrapped(codec.encode, value))


@given(ints, longs, st.booleans(), st.integers(-128, 127), st.one_of(st.none(), uuids))
def test_fix_sized_types(i, l, b, y, u):
    buf = bytearray(4 + 8 + 1 + 1 + 17)
    FixSizedTypesCodec.encode_int(buf, 0, i)
    FixSizedTypesCodec.encode_long(buf, 4, l)
    FixSizedTypesCodec.encode_boolean(buf, 12, b)
    FixSizedTypesCodec.encode_byte(buf, 13, y)
    FixSizedTypesCodec.encode_uuid(buf, 14, u)
    data = bytes(buf)
    assert FixSizedTypesCodec.decode_int(data, 0) == i
    assert FixSizedTypesCodec.decode_long(data, 4) == l
    assert FixSizedTypesCodec.decode_boolean(data, 12) is b
    assert FixSizedTypesCodec.decode_byte(data, 13) == y
    assert FixSizedTypesCodec.decode_uuid(data, 14) == u


def test_uuid_layout():
    u = uuid.UUID("00010203-0405-0607-0809-0a0b0c0d0e0f")
    buf = bytearray(17)
    FixSizedTypesCodec.encode_uuid(buf, 0, u)
    # is-null flag, then msb and lsb as little-endian longs
    assert bytes(buf) == b"\x00" + bytes(range(7, -1, -1)) + bytes(range(15, 7, -1))
    FixSizedTypesCodec.encode_uuid(buf, 0, None)
    assert buf[0] == 1 and FixSizedTypesCodec.decode_uuid(bytes(buf), 0) is None
    decoded = FixSizedTypesCodec.decode_uuid(b"\x00" + bytes(range(7, -1, -1)) + bytes(range(15, 7, -1)), 0)
    assert decoded == u and hash(decoded) == hash(u) and str(decoded) == str(u)


@given(st.text())
def test_string(s):
    assert roundtrip(StringCodec, s) == s


def test_string_bytes():
    assert encoded(StringCodec.encode, "héllo") == struct.pack("<iH", 12, 0) + "héllo".encode()


@given(st.binary())
def test_byte_array(b):
    assert roundtrip(ByteArrayCodec, b) == b


@given(datas)
def test_data(d):
    decoded = roundtrip(DataCodec, d)
    assert isinstance(decoded, Data) and decoded.buffer == d.buffer
    assert encoded(DataCodec.encode, d) == struct.pack("<iH", len(d.buffer) + 6, 0) + d.buffer


@given(st.one_of(st.none(), datas))
def test_nullable_data(d):
    msg = wrapped(DataCodec.encode_nullable, d)
    got = DataCodec.decode_nullable(msg)
    assert (got is None) if d is None else (got == d)


@given(st.one_of(st.none(), st.text()))
def test_codec_util_nullable(s):
    msg = wrapped(lambda b, v, f: CodecUtil.encode_nullable(b, v, StringCodec.encode, f), s)
    assert CodecUtil.decode_nullable(msg, StringCodec.decode) == s
    assert not msg.has_next_frame()


@given(st.lists(ints))
def test_list_integer(items):
    assert roundtrip(ListIntegerCodec, items) == items


@given(st.lists(longs))
def test_list_long_and_long_array(items):
    assert roundtrip(ListLongCodec, items) == items
    assert roundtrip(LongArrayCodec, items) == items


@given(st.lists(st.floats(width=32, allow_nan=False)))
def test_float_array(items):
    assert roundtrip(FloatArrayCodec, items) == items


@given(st.lists(uuids))
def test_list_uuid(items):
    assert roundtrip(ListUUIDCodec, items) == items


@given(st.lists(datas))
def test_list_data(items):
    assert roundtrip(ListDataCodec, items) == items
    msg = wrapped(lambda b, v, f: ListMultiFrameCodec.encode(b, v, DataCodec.encode, f), items)
    assert ListDataCodec.decode(msg) == items


@given(st.lists(st.one_of(st.none(), st.text())))
def test_list_multi_frame_contains_nullable(items):
    msg = wrapped(lambda b, v, f: ListMultiFrameCodec.encode_contains_nullable(b, v, StringCodec.encode, f), items)
    assert ListMultiFrameCodec.decode_contains_nullable(msg, StringCodec.decode) == items


@given(st.one_of(st.none(), st.lists(st.text())))
def test_list_multi_frame_nullable(items):
    msg = wrapped(lambda b, v, f: ListMultiFrameCodec.encode_nullable(b, v, StringCodec.encode, f), items)
    assert ListMultiFrameCodec.decode_nullable(msg, StringCodec.decode) == items


@given(st.lists(st.tuples(datas, datas)))
def test_entry_list(entries):
    msg = wrapped(lambda b, v, f: EntryListCodec.encode(b, v, DataCodec.encode, DataCodec.encode, f), entries)
    assert EntryListCodec.decode(msg, DataCodec.decode, DataCodec.decode) == entries


@given(st.one_of(st.none(), st.dictionaries(st.text(), st.text())))
def test_map_nullable(mapping):
    msg = wrapped(lambda b, v, f: MapCodec.encode_nullable(b, v, StringCodec.encode, StringCodec.encode, f), mapping)
    assert MapCodec.decode_nullable(msg, StringCodec.decode, StringCodec.decode) == mapping


@given(st.lists(st.tuples(ints, uuids)))
def test_entry_list_integer_uuid(entries):
    assert roundtrip(EntryListIntegerUUIDCodec, entries) == entries


@given(st.lists(st.tuples(ints, longs)))
def test_entry_list_integer_long(entries):
    assert roundtrip(EntryListIntegerLongCodec, entries) == entries


@given(st.lists(st.tuples(ints, ints)))
def test_entry_list_integer_integer(entries):
    assert roundtrip(EntryListIntegerIntegerCodec, entries) == entries


@given(st.lists(st.tuples(uuids, longs)))
def test_entry_list_uuid_long(entries):
    assert roundtrip(EntryListUUIDLongCodec, entries) == entries


@given(st.lists(st.tuples(uuids, uuids)))
def test_entry_list_uuid_uuid(entries):
    assert roundtrip(EntryListUUIDUUIDCodec, entries) == entries


@given(st.lists(st.tuples(uuids, st.lists(ints))))
def test_entry_list_uuid_list_integer(entries):
    assert roundtrip(EntryListUUIDListIntegerCodec, entries) == entries


def test_entry_list_uuid_list_integer_layout():
    u = uuid.uuid4()
    buf = encoded(EntryListUUIDListIntegerCodec.encode, [(u, [1, 2])])
    # values first, as a list of integer-list frames, then all keys in one frame
    expected = (
        frame(b"", BEGIN_DATA_STRUCTURE_FLAG)
        + frame(struct.pack("<ii", 1, 2))
        + frame(b"", END_DATA_STRUCTURE_FLAG)
        + frame(b"\x00" + struct.pack("<QQ", u.int >> 64, u.int & (2**64 - 1)))
    )
    assert buf == expected


@given(st.lists(st.tuples(longs, st.binary())))
def test_entry_list_long_byte_array(entries):
    assert roundtrip(EntryListLongByteArrayCodec, entries) == entries


def test_fast_forward_skips_nested_structures():
    frames = [
        frame(b"", BEGIN_DATA_STRUCTURE_FLAG),
        frame(b"x"),
        frame(b"", END_DATA_STRUCTURE_FLAG),
        frame(b"y"),
        frame(b"", END_DATA_STRUCTURE_FLAG),  # end of the structure being read
        frame(b"after"),
    ]
    msg = response(1, frames=frames)
    msg.next_frame()
    CodecUtil.fast_forward_to_end_frame(msg)
    assert msg.next_frame().buf == b"after"


def test_next_frame_is_null_frame_skips_only_null_frames():
    msg = response(1, frames=[frame(b"", IS_NULL_FLAG), frame(b"v")])
    msg.next_frame()
    assert CodecUtil.next_frame_is_null_frame(msg) is True
    assert CodecUtil.next_frame_is_null_frame(msg) is False
    assert msg.next_frame().buf == b"v"


def test_decode_error_holders():
    holders = [
        ErrorHolder(31, "java.lang.IllegalStateException", "boom",
                    [StackTraceElement("com.example.A", "run", "A.java", 12),
                     StackTraceElement("com.example.B", "call", None, -1)]),
        ErrorHolder(0, "java.lang.RuntimeException", None, []),
    ]
    frames = encoded(lambda b, v: ListMultiFrameCodec.encode(b, v, ErrorHolderCodec.encode), holders)
    msg = response(0, frames=[frames])
    assert decode_error_holders(msg) == holders


def _cn_frame(kind, values_fmt, values, count=None):
    body = struct.pack("<bi", kind, len(values) if count is None else count)
    return frame(body + (struct.pack("<" + values_fmt, *values) if values_fmt else b""))


def test_sql_page():
    frames = [
        frame(b"", BEGIN_DATA_STRUCTURE_FLAG),
        frame(b"\x01"),  # last page
        frame(struct.pack("<6i", 0, 4, 5, 14, 9, 6)),  # VARCHAR, INTEGER, BIGINT, NULL, DATE, DECIMAL
        encoded(lambda b, v: ListMultiFrameCodec.encode_contains_nullable(b, v, StringCodec.encode), ["a", None, "c"]),
        # INTEGER mixed: mask 0b101 -> 1, None, 3
        frame(struct.pack("<bi", 3, 3) + b"\x05" + struct.pack("<ii", 1, 3)),
        _cn_frame(2, "qqq", [7, 8, 9]),
        frame(struct.pack("<i", 3)),
        frame(struct.pack("<bi", 3, 3) + b"\x01" + struct.pack("<ibb", 2024, 2, 29)),
        frame(b"", BEGIN_DATA_STRUCTURE_FLAG),
        frame(struct.pack("<i", 2) + (12345).to_bytes(2, "big", signed=True) + struct.pack("<i", 2)),
        frame(b"", IS_NULL_FLAG),
        frame(struct.pack("<i", 1) + (-1).to_bytes(1, "big", signed=True) + struct.pack("<i", 0)),
        frame(b"", END_DATA_STRUCTURE_FLAG),
        frame(b"", END_DATA_STRUCTURE_FLAG),
    ]
    msg = response(1, frames=frames)
    msg.next_frame()
    page = SqlPageCodec.decode(msg)
    assert page.is_last is True
    assert page.column_type_ids == [0, 4, 5, 14, 9, 6]
    assert page.columns == [
        ["a", None, "c"],
        [1, None, 3],
        [7, 8, 9],
        [None, None, None],
        [datetime.date(2024, 2, 29), None, None],
        [decimal.Decimal("123.45"), None, decimal.Decimal(-1)],
    ]
    assert not msg.has_next_frame()


def test_sql_page_unknown_column_type():
    frames = [frame(b"", BEGIN_DATA_STRUCTURE_FLAG), frame(b"\x00"), frame(struct.pack("<i", 99))]
    msg = response(1, frames=frames)
    msg.next_frame()
    with pytest.raises(ValueError, match="99"):
        SqlPageCodec.decode(msg)
