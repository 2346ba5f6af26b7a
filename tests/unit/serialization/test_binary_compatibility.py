"""Known answers from Java: the builtin types of
``1.serialization.compatibility.binary`` (written by Hazelcast's Java
``BinaryCompatibilityFileGenerator``) read to the reference values, and
writing those values gives the same bytes, in both byte orders."""

from __future__ import annotations

import datetime
import decimal
import os
import struct
import uuid

import pytest

from hazelcast.config import Config, IntType
from hazelcast.serialization.api import StreamSerializer
from hazelcast.serialization.data import DATA_OFFSET, Data
from hazelcast.serialization.output import _ObjectDataOutput
from hazelcast.serialization import serializer as builtin
from hazelcast.serialization.service import SerializationServiceV1

# Kept in the repository (tests/data/test-vectors, Apache-2.0): a missing file fails.
VECTORS_FILE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "test-vectors", "1.serialization.compatibility.binary"
)


def _load():
    path = VECTORS_FILE
    raw = open(path, "rb").read()
    entries, pos = {}, 0
    while pos < len(raw):
        (key_len,) = struct.unpack_from(">H", raw, pos)
        key = raw[pos + 2 : pos + 2 + key_len].decode("utf-8")
        pos += 2 + key_len
        (n,) = struct.unpack_from(">i", raw, pos)
        pos += 4
        if n < 0:
            entries[key] = None
        else:
            entries[key] = raw[pos : pos + n]
            pos += n
    return entries


ENTRIES = _load()


def _f32(x: float) -> float:
    return struct.unpack(">f", struct.pack(">f", x))[0]


def _reference_string() -> str:
    # every BMP code point except the surrogates, then zeros up to 0xFFFF chars
    chars = [chr(i) for i in range(0xFFFF) if not 0xD800 <= i <= 0xDFFF]
    chars.extend("\x00" * (0xFFFF - len(chars)))
    return "".join(chars)


TZ18 = datetime.timezone(datetime.timedelta(hours=18))
DECIMAL = decimal.Decimal("31231.12331")

# name -> (value, serializer class writing it, int type to serialize it with, reachable via to_data)
REFERENCE = {
    "Boolean": (True, builtin.BooleanSerializer, None, True),
    "Byte": (113, builtin.ByteSerializer, IntType.BYTE, True),
    "Character": ("x", builtin.CharSerializer, None, False),
    "Double": (-897543.3678909, builtin.DoubleSerializer, None, True),
    "Short": (-500, builtin.ShortSerializer, IntType.SHORT, True),
    "Float": (_f32(900.5678), builtin.FloatSerializer, None, False),
    "Integer": (56789, builtin.IntegerSerializer, IntType.INT, True),
    "Long": (-50992225, builtin.LongSerializer, IntType.LONG, True),
    "String": (_reference_string(), builtin.StringSerializer, None, True),
    "UUID": (uuid.UUID("ffffffff-fcf5-eb9f-0000-00000000ddd5"), builtin.UuidSerializer, None, True),
    "boolean[]": ([True, False, True], builtin.BooleanArraySerializer, None, False),
    "byte[]": (bytearray([112, 4, 255, 4, 112, 221, 43]), builtin.ByteArraySerializer, None, True),
    "char[]": (["a", "b", "c"], builtin.CharArraySerializer, None, False),
    "double[]": ([-897543.3678909, 11.1, 22.2, 33.3], builtin.DoubleArraySerializer, None, False),
    "short[]": ([-500, 2, 3], builtin.ShortArraySerializer, None, False),
    "float[]": ([_f32(x) for x in (900.5678, 1.0, 2.1, 3.4)], builtin.FloatArraySerializer, None, False),
    "int[]": ([56789, 2, 3], builtin.IntegerArraySerializer, None, False),
    "long[]": ([-50992225, 1231232141, 2, 3], builtin.LongArraySerializer, None, False),
    "String[]": (
        [
            "Pijamalı hasta, yağız şoföre çabucak güvendi.",
            "イロハニホヘト チリヌルヲ ワカヨタレソ ツネナラム",
            "The quick brown fox jumps over the lazy dog",
        ],
        builtin.StringArraySerializer,
        None,
        False,
    ),
    "LocalDate": (datetime.date(2021, 6, 28), builtin.LocalDateSerializer, None, True),
    "LocalTime": (datetime.time(11, 22, 41, 123456), builtin.LocalTimeSerializer, None, True),
    "LocalDateTime": (datetime.datetime(2021, 6, 28, 11, 22, 41, 123456), builtin.LocalDateTimeSerializer, None, False),
    "OffsetDateTime": (datetime.datetime(2021, 6, 28, 11, 22, 41, 123456, TZ18), builtin.OffsetDateTimeSerializer, None, True),
    "BigInteger": (1314432323232411, builtin.BigIntegerSerializer, IntType.BIG_INT, True),
    "BigDecimal": (DECIMAL, builtin.BigDecimalSerializer, None, True),
    "Class": ("java.math.BigDecimal", builtin.JavaClassSerializer, None, False),
}

ORDERS = ["BIG_ENDIAN", "LITTLE_ENDIAN"]


class CustomStreamSerializable:
    def __init__(self, i, f):
        self.i, self.f = i, f

    def __eq__(self, other):
        return type(other) is type(self) and (self.i, self.f) == (other.i, other.f)


class CustomByteArraySerializable(CustomStreamSerializable):
    pass


class CustomStreamSerializer(StreamSerializer):
    def write(self, out, obj):
        out.write_int(obj.i)
        out.write_float(obj.f)

    def read(self, inp):
        return CustomStreamSerializable(inp.read_int(), inp.read_float())

    def get_type_id(self):
        return 1

    def destroy(self):
        pass


class CustomByteArraySerializer(StreamSerializer):
    # Java writes a 10-byte array: big-endian int and float, then 2 zero bytes
    def write(self, out, obj):
        buf = bytearray(10)
        struct.pack_into(">if", buf, 0, obj.i, obj.f)
        out.write_byte_array(buf)

    def read(self, inp):
        i, f = struct.unpack_from(">if", inp.read_byte_array(), 0)
        return CustomByteArraySerializable(i, f)

    def get_type_id(self):
        return 2

    def destroy(self):
        pass


def _service(order: str, int_type=IntType.INT) -> SerializationServiceV1:
    config = Config()
    config.is_big_endian = order == "BIG_ENDIAN"
    config.default_int_type = int_type
    config.custom_serializers = {
        CustomStreamSerializable: CustomStreamSerializer,
        CustomByteArraySerializable: CustomByteArraySerializer,
    }
    return SerializationServiceV1(config)


def _entry(name: str, order: str) -> bytes:
    return ENTRIES["1-%s-%s" % (name, order)]


def test_vector_file_has_both_orders_of_every_builtin():
    for name in list(REFERENCE) + ["NULL", "CustomStreamSerializable", "CustomByteArraySerializable"]:
        for order in ORDERS:
            assert "1-%s-%s" % (name, order) in ENTRIES


@pytest.mark.parametrize("order", ORDERS)
def test_null(order):
    assert _entry("NULL", order) is None
    assert _service(order).to_data(None) is None


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_read_java_bytes(name, order):
    value = REFERENCE[name][0]
    assert _service(order).to_object(Data(_entry(name, order))) == value


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_serializer_writes_java_bytes(name, order):
    value, serializer_class, _, _ = REFERENCE[name]
    serializer = serializer_class()
    out = _ObjectDataOutput(64, None, order == "BIG_ENDIAN")
    out.write_int_big_endian(0)
    out.write_int_big_endian(serializer.get_type_id())
    serializer.write(out, value)
    assert out.to_bytes() == _entry(name, order)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("name", sorted(n for n, v in REFERENCE.items() if v[3]))
def test_to_data_writes_java_bytes(name, order):
    value, _, int_type, _ = REFERENCE[name]
    service = _service(order, int_type if int_type is not None else IntType.INT)
    assert service.to_data(value).to_bytes() == _entry(name, order)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize(
    "name, cls", [("CustomStreamSerializable", CustomStreamSerializable), ("CustomByteArraySerializable", CustomByteArraySerializable)]
)
def test_custom_serializers_match_java(name, cls, order):
    value = cls(56789, _f32(900.5678))
    service = _service(order)
    assert service.to_object(Data(_entry(name, order))) == value
    assert service.to_data(value).to_bytes() == _entry(name, order)


@pytest.mark.parametrize("order", ORDERS)
def test_partition_hash_of_java_data(order):
    data = Data(_entry("String", order))
    assert not data.has_partition_hash()
    assert data.get_partition_hash() == data.hash_code()
    assert data.get_type() == -11
    assert data.data_size() == data.total_size() - DATA_OFFSET
