"""Known answers from Java for Portable and IdentifiedDataSerializable:
``APortable``, ``AnInnerPortable`` and ``AnIdentifiedDataSerializable`` of
``1.serialization.compatibility.binary`` (Hazelcast's Java
``ReferenceObjects``) read to the reference values, and serializing those
values gives the exact same bytes, in both byte orders."""

from __future__ import annotations

import datetime
import decimal
import os
import struct

import pytest

from hazelcast.config import Config
from hazelcast.serialization.api import IdentifiedDataSerializable, Portable, StreamSerializer
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1

_HERE = os.path.dirname(os.path.abspath(__file__))
# Kept in the repository (tests/data/test-vectors, Apache-2.0): a missing file fails.
VECTORS_FILE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "test-vectors", "1.serialization.compatibility.binary"
)


def _read_vectors():
    path = VECTORS_FILE
    with open(path, "rb") as f:
        raw = f.read()
    vectors, pos = {}, 0
    while pos < len(raw):
        (key_length,) = struct.unpack_from(">H", raw, pos)
        key = raw[pos + 2 : pos + 2 + key_length].decode("utf-8")
        pos += 2 + key_length
        (size,) = struct.unpack_from(">i", raw, pos)
        pos += 4
        vectors[key] = None if size < 0 else raw[pos : pos + size]
        pos += max(size, 0)
    return vectors


VECTORS = _read_vectors()
ORDERS = ["BIG_ENDIAN", "LITTLE_ENDIAN"]


def f32(x: float) -> float:
    return struct.unpack("<f", struct.pack("<f", x))[0]


# ------------------------------------------------------------ reference values (Java's ReferenceObjects)

A_BOOLEAN = True
A_BYTE = 113
A_CHAR = "x"
A_DOUBLE = -897543.3678909
A_SHORT = -500
A_FLOAT = f32(900.5678)
AN_INT = 56789
A_LONG = -50992225
AN_SQL_STRING = "this > 5 AND this < 100"
BOOLEANS = [True, False, True]
BYTES = bytearray([112, 4, 255, 4, 112, 221, 43])
CHARS = ["a", "b", "c"]
DOUBLES = [-897543.3678909, 11.1, 22.2, 33.3]
SHORTS = [-500, 2, 3]
FLOATS = [f32(v) for v in (900.5678, 1.0, 2.1, 3.4)]
INTS = [56789, 2, 3]
LONGS = [-50992225, 1231232141, 2, 3]
STRINGS = [
    "Pijamalı hasta, yağız şoföre çabucak güvendi.",
    "イロハニホヘト チリヌルヲ ワカヨタレソ ツネナラム",
    "The quick brown fox jumps over the lazy dog",
]
A_DATA = Data(b"111313123131313131")
A_DECIMAL = decimal.Decimal("31231.12331")
A_DATE = datetime.date(2021, 6, 28)
A_TIME = datetime.time(11, 22, 41, 123456)
A_DATE_TIME = datetime.datetime(2021, 6, 28, 11, 22, 41, 123456)
AN_OFFSET_DATE_TIME = datetime.datetime(2021, 6, 28, 11, 22, 41, 123456, datetime.timezone(datetime.timedelta(hours=18)))
DECIMALS = [A_DECIMAL] * 3
DATES = [datetime.date(2021, 6, 28), datetime.date(1923, 4, 23), datetime.date(1938, 11, 10)]
TIMES = [datetime.time(9, 5, 10, 123456), datetime.time(18, 30, 55, 567891), datetime.time(15, 44, 39, 192837)]
DATE_TIMES = [
    datetime.datetime(1938, 11, 10, 9, 5, 10, 123456),
    datetime.datetime(1923, 4, 23, 15, 44, 39, 192837),
    datetime.datetime(2021, 6, 28, 18, 30, 55, 567891),
]
OFFSET_DATE_TIMES = [
    datetime.datetime(1938, 11, 10, 9, 5, 10, 123456, datetime.timezone(datetime.timedelta(hours=18))),
    datetime.datetime(1923, 4, 23, 15, 44, 39, 192837, datetime.timezone(datetime.timedelta(hours=5))),
    datetime.datetime(2021, 6, 28, 18, 30, 55, 567891, datetime.timezone(datetime.timedelta(hours=-10))),
]

FACTORY_ID = 1
PORTABLE_CLASS_ID = 1
INNER_PORTABLE_CLASS_ID = 2
IDS_CLASS_ID = 1


class _Equal:
    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, vars(self))


class InnerPortable(_Equal, Portable):
    def __init__(self, i=0, f=0.0):
        self.i, self.f = i, f

    def write_portable(self, writer):
        writer.write_int("i", self.i)
        writer.write_float("f", self.f)

    def read_portable(self, reader):
        self.i = reader.read_int("i")
        self.f = reader.read_float("f")

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return INNER_PORTABLE_CLASS_ID


class StreamCustom(_Equal):
    def __init__(self, i, f):
        self.i, self.f = i, f


class ByteArrayCustom(_Equal):
    def __init__(self, i, f):
        self.i, self.f = i, f


class StreamCustomSerializer(StreamSerializer):
    def write(self, out, obj):
        out.write_int(obj.i)
        out.write_float(obj.f)

    def read(self, inp):
        return StreamCustom(inp.read_int(), inp.read_float())

    def get_type_id(self):
        return 1

    def destroy(self):
        pass


class ByteArrayCustomSerializer(StreamSerializer):
    # Java writes 10 bytes: big-endian int and float and two zero bytes
    def write(self, out, obj):
        out.write_byte_array(struct.pack(">if", obj.i, obj.f) + b"\x00\x00")

    def read(self, inp):
        return ByteArrayCustom(*struct.unpack_from(">if", inp.read_byte_array()))

    def get_type_id(self):
        return 2

    def destroy(self):
        pass


# The scalar, array and null-array values both reference classes write
# (through the portable writer and again as raw data).
PLAIN_VALUES = [
    ("boolean", A_BOOLEAN), ("byte", A_BYTE), ("char", A_CHAR), ("double", A_DOUBLE),
    ("short", A_SHORT), ("float", A_FLOAT), ("int", AN_INT), ("long", A_LONG), ("string", AN_SQL_STRING),
]
ARRAY_VALUES = [
    ("boolean_array", BOOLEANS), ("byte_array", BYTES), ("char_array", CHARS), ("double_array", DOUBLES),
    ("short_array", SHORTS), ("float_array", FLOATS), ("int_array", INTS), ("long_array", LONGS),
    ("string_array", STRINGS),
]


def _write_raw_tail(out, values, objects, data):
    # the part both classes write to a plain ObjectDataOutput
    for kind, value in PLAIN_VALUES:
        getattr(out, "write_" + kind)(values[kind])
    for kind, value in ARRAY_VALUES:
        getattr(out, "write_" + kind)(values[kind])
    for kind, _ in ARRAY_VALUES:
        getattr(out, "write_" + kind)(None)
    raw_bytes = values["byte_array"]
    out.write_byte(len(raw_bytes))
    out.write_from(raw_bytes)
    out.write_byte(raw_bytes[1])
    out.write_byte(raw_bytes[2])
    text = values["string"]
    out.write_int(len(text))
    out.write_chars(text)
    out.write_bytes(text)
    out.write_byte(227)  # an unsigned byte
    out.write_short(-32669)  # an unsigned short, 32867
    for obj in objects:
        out.write_object(obj)
    out.write_byte_array(None if data is None else data.to_bytes())


def _read_raw_tail(inp, n_objects):
    values = {}
    for kind, _ in PLAIN_VALUES:
        values[kind] = getattr(inp, "read_" + kind)()
    for kind, _ in ARRAY_VALUES:
        values[kind] = getattr(inp, "read_" + kind)()
    nulls = [getattr(inp, "read_" + kind)() for kind, _ in ARRAY_VALUES]
    size = inp.read_byte()
    fully = inp.read_into(bytearray(size))
    two = inp.read_into(bytearray(2), 0, 2)
    length = inp.read_int()
    chars = [inp.read_char() for _ in range(length)]
    latin = inp.read_into(bytearray(length))
    extras = (nulls, fully, two, chars, latin, inp.read_unsigned_byte(), inp.read_unsigned_short())
    objects = [inp.read_object() for _ in range(n_objects)]
    raw = inp.read_byte_array()
    return values, extras, objects, None if raw is None else Data(raw)


def _expected_extras(values):
    text = values["string"]
    return (
        [None] * len(ARRAY_VALUES),
        values["byte_array"],
        values["byte_array"][1:3],
        list(text),
        bytearray(ord(c) & 0xFF for c in text),
        227,
        32867,
    )


class IdentifiedReference(_Equal, IdentifiedDataSerializable):
    def __init__(self, values=None, portable=None, identified=None, custom=None, custom_bytes=None, data=None):
        self.values = values
        self.objects = [portable, identified, custom_bytes, custom]
        self.data = data

    def write_data(self, out):
        _write_raw_tail(out, self.values, self.objects, self.data)

    def read_data(self, inp):
        self.values, extras, self.objects, self.data = _read_raw_tail(inp, 4)
        assert extras == _expected_extras(self.values)

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return IDS_CLASS_ID


class PortableReference(_Equal, Portable):
    """Java's APortable: every Portable field kind, then raw data."""

    def __init__(self, values=None, extra=None, portable=None, portables=None, identified=None,
                 custom=None, custom_bytes=None, data=None):
        self.values = values
        self.extra = extra
        self.portable = portable
        self.portables = portables
        self.objects = [portable, identified, custom_bytes, custom]
        self.data = data

    NAMES = {
        "boolean": "bool", "byte": "b", "char": "c", "double": "d", "short": "s", "float": "f",
        "int": "i", "long": "l", "string": "str",
        "boolean_array": "booleans", "byte_array": "bs", "char_array": "cs", "double_array": "ds",
        "short_array": "ss", "float_array": "fs", "int_array": "is", "long_array": "ls", "string_array": "strs",
    }
    EXTRA = [
        ("decimal", "bd"), ("date", "ld"), ("time", "lt"), ("timestamp", "ldt"), ("timestamp_with_timezone", "odt"),
    ]
    EXTRA_ARRAYS = [
        ("decimal_array", "decimals"), ("date_array", "dates"), ("time_array", "times"),
        ("timestamp_array", "dateTimes"), ("timestamp_with_timezone_array", "offsetDateTimes"),
    ]

    def write_portable(self, writer):
        for kind, _ in PLAIN_VALUES:
            getattr(writer, "write_" + kind)(self.NAMES[kind], self.values[kind])
        for kind, name in self.EXTRA:
            getattr(writer, "write_" + kind)(name, self.extra[kind])
        if self.portable is None:
            writer.write_null_portable("p", FACTORY_ID, PORTABLE_CLASS_ID)
        else:
            writer.write_portable("p", self.portable)
        for kind, _ in ARRAY_VALUES:
            getattr(writer, "write_" + kind)(self.NAMES[kind], self.values[kind])
        for kind, name in self.EXTRA_ARRAYS:
            getattr(writer, "write_" + kind)(name, self.extra[kind])
        writer.write_portable_array("ps", self.portables)
        for kind, _ in ARRAY_VALUES:
            getattr(writer, "write_" + kind)(self.NAMES[kind] + "Null", None)
        _write_raw_tail(writer.get_raw_data_output(), self.values, self.objects, self.data)

    def read_portable(self, reader):
        self.values = {kind: getattr(reader, "read_" + kind)(self.NAMES[kind]) for kind, _ in PLAIN_VALUES}
        self.extra = {kind: getattr(reader, "read_" + kind)(name) for kind, name in self.EXTRA}
        self.portable = reader.read_portable("p")
        for kind, _ in ARRAY_VALUES:
            self.values[kind] = getattr(reader, "read_" + kind)(self.NAMES[kind])
        for kind, name in self.EXTRA_ARRAYS:
            self.extra[kind] = getattr(reader, "read_" + kind)(name)
        self.portables = reader.read_portable_array("ps")
        for kind, _ in ARRAY_VALUES:
            assert getattr(reader, "read_" + kind)(self.NAMES[kind] + "Null") is None
        raw_values, extras, self.objects, self.data = _read_raw_tail(reader.get_raw_data_input(), 4)
        assert raw_values == self.values
        assert extras == _expected_extras(self.values)

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return PORTABLE_CLASS_ID


def reference_objects():
    values = dict(PLAIN_VALUES + ARRAY_VALUES)
    inner = InnerPortable(AN_INT, A_FLOAT)
    custom = StreamCustom(AN_INT, A_FLOAT)
    custom_bytes = ByteArrayCustom(AN_INT, A_FLOAT)
    identified = IdentifiedReference(values, inner, None, custom, custom_bytes, A_DATA)
    extra = {
        "decimal": A_DECIMAL, "date": A_DATE, "time": A_TIME, "timestamp": A_DATE_TIME,
        "timestamp_with_timezone": AN_OFFSET_DATE_TIME, "decimal_array": DECIMALS, "date_array": DATES,
        "time_array": TIMES, "timestamp_array": DATE_TIMES, "timestamp_with_timezone_array": OFFSET_DATE_TIMES,
    }
    portable = PortableReference(values, extra, inner, [inner] * 3, identified, custom, custom_bytes, A_DATA)
    return {"AnInnerPortable": inner, "AnIdentifiedDataSerializable": identified, "APortable": portable}


def make_service(order: str) -> SerializationServiceV1:
    config = Config()
    config.is_big_endian = order == "BIG_ENDIAN"
    config.portable_factories = {
        FACTORY_ID: {PORTABLE_CLASS_ID: PortableReference, INNER_PORTABLE_CLASS_ID: InnerPortable}
    }
    config.data_serializable_factories = {FACTORY_ID: {IDS_CLASS_ID: IdentifiedReference}}
    config.custom_serializers = {StreamCustom: StreamCustomSerializer, ByteArrayCustom: ByteArrayCustomSerializer}
    return SerializationServiceV1(config)


NAMES = ["AnInnerPortable", "AnIdentifiedDataSerializable", "APortable"]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("name", NAMES)
def test_reads_java_bytes(name, order):
    expected = reference_objects()[name]
    assert make_service(order).to_object(Data(VECTORS["1-%s-%s" % (name, order)])) == expected


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("name", NAMES)
def test_writes_java_bytes(name, order):
    obj = reference_objects()[name]
    assert make_service(order).to_data(obj).to_bytes() == VECTORS["1-%s-%s" % (name, order)]


@pytest.mark.parametrize("order", ORDERS)
def test_reads_java_bytes_without_local_class_definitions(order):
    # the first read learns the class definitions from the data itself
    service = make_service(order)
    context = service._portable_serializer.portable_context
    assert context.lookup_class_definition(FACTORY_ID, PORTABLE_CLASS_ID, 0) is None
    service.to_object(Data(VECTORS["1-APortable-%s" % order]))
    class_def = context.lookup_class_definition(FACTORY_ID, PORTABLE_CLASS_ID, 0)
    assert class_def.get_field_names()[:3] == ["bool", "b", "c"]
    assert class_def.get_field("ps").class_id == INNER_PORTABLE_CLASS_ID
    assert context.lookup_class_definition(FACTORY_ID, INNER_PORTABLE_CLASS_ID, 0).get_field_names() == ["i", "f"]
