"""Serialization proven against Java, not only by round trips.

The member runs the Java classes of tests/java/com/hazelcast/pyclienttest/serialization:
IdentifiedDataSerializable and Portable twins of the Python classes below
(registered through the member's serialization config), and three entry
processors the client sends as IdentifiedDataSerializable objects:

- ``DescribeEntryProcessor`` returns the stored value as Java sees it: its Java
  class and value (floats with their bits, strings with their code points,
  decimals as unscaled value and scale, Compact records field by field);
- ``CheckEntryProcessor(kind)`` returns "OK" when the stored value, decoded by
  the member, describes exactly as the Java-built sample of that kind
  (``Samples.make(kind)``: same Java types, same values);
- ``WriteValueEntryProcessor(kind)`` stores the Java-built sample and returns it,
  so the client reads values the member serialized.

``SAMPLES`` below holds the Python side of each Java sample: what the client
writes for it and what it must read back from the Java one.
"""

from __future__ import annotations

import datetime
import decimal
import struct
import uuid

import pytest

import hazelcast
from hazelcast.config import IntType
from hazelcast.core import HazelcastJsonValue
from hazelcast.serialization.api import CompactSerializer, IdentifiedDataSerializable, Portable

pytestmark = [pytest.mark.java_classes]

FACTORY_ID = 1000
PORTABLE_FACTORY_ID = 1001
PKG = "com.hazelcast.pyclienttest.serialization."

MEMBER_XML = """
<serialization>%s
    <data-serializable-factories>
        <data-serializable-factory factory-id="%d">%sTestDataSerializableFactory</data-serializable-factory>
    </data-serializable-factories>
    <portable-factories>
        <portable-factory factory-id="%d">%sTestPortableFactory</portable-factory>
    </portable-factories>
</serialization>
"""
BIG_ENDIAN_XML = MEMBER_XML % ("", FACTORY_ID, PKG, PORTABLE_FACTORY_ID, PKG)
LITTLE_ENDIAN_XML = MEMBER_XML % (
    "\n    <byte-order>LITTLE_ENDIAN</byte-order>", FACTORY_ID, PKG, PORTABLE_FACTORY_ID, PKG
)

STR = "h\u00e9llo w\u00f6rld \u4e16\u754c \U0001F600\U0001F389"
TIME = datetime.time(13, 45, 30, 123456)
DATE = datetime.date(2024, 2, 29)
DATE_TIME = datetime.datetime.combine(DATE, TIME)
TZ_0530 = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
OFFSET_DATE_TIME = DATE_TIME.replace(tzinfo=TZ_0530)


class _Equality:
    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, vars(self))


# -- IdentifiedDataSerializable twins ---------------------------------------------------


class AllTypesIds(_Equality, IdentifiedDataSerializable):
    """Twin of AllTypesIds.java: one field per ObjectDataOutput method."""

    FIELDS = [
        ("bool", "boolean"), ("b", "byte"), ("c", "char"), ("s", "short"), ("i", "int"),
        ("l", "long"), ("f", "float"), ("d", "double"), ("str", "string"), ("null_str", "string"),
        ("bytes", "byte_array"), ("bools", "boolean_array"), ("chars", "char_array"),
        ("shorts", "short_array"), ("ints", "int_array"), ("longs", "long_array"),
        ("floats", "float_array"), ("doubles", "double_array"), ("strings", "string_array"),
        ("obj", "object"),
    ]

    def __init__(self, **values):
        for name, _ in self.FIELDS:
            setattr(self, name, values.get(name))

    def write_data(self, out):
        for name, kind in self.FIELDS:
            getattr(out, "write_" + kind)(getattr(self, name))

    def read_data(self, inp):
        for name, kind in self.FIELDS:
            setattr(self, name, getattr(inp, "read_" + kind)())

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1


class _Processor(IdentifiedDataSerializable):
    """Twin of the Java entry processors taking a sample kind."""

    CLASS_ID = 0

    def __init__(self, kind=None):
        self.kind = kind

    def write_data(self, out):
        out.write_string(self.kind)

    def read_data(self, inp):
        self.kind = inp.read_string()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return self.CLASS_ID


class DescribeProcessor(_Processor):
    CLASS_ID = 2

    def write_data(self, out):
        pass  # no argument

    def read_data(self, inp):
        pass


class WriteValueProcessor(_Processor):
    CLASS_ID = 3


class CheckProcessor(_Processor):
    CLASS_ID = 4


# -- Portable twins ----------------------------------------------------------------------


class PortableAddress(_Equality, Portable):
    def __init__(self, street=None, zip=0):
        self.street = street
        self.zip = zip

    def write_portable(self, w):
        w.write_string("street", self.street)
        w.write_int("zip", self.zip)

    def read_portable(self, r):
        self.street = r.read_string("street")
        self.zip = r.read_int("zip")

    def get_factory_id(self):
        return PORTABLE_FACTORY_ID

    def get_class_id(self):
        return 2


class PortableCustomer(_Equality, Portable):
    """Twin of PortableCustomer.java (same fields, same order, same types)."""

    FIELDS = [
        ("name", "string"), ("age", "int"), ("id", "long"), ("active", "boolean"),
        ("score", "double"), ("ratio", "float"), ("level", "short"), ("flags", "byte"),
        ("initial", "char"), ("address", "portable"), ("noAddress", None),
        ("history", "portable_array"), ("nums", "int_array"), ("tags", "string_array"),
        ("balance", "decimal"), ("birthday", "date"), ("wakeUp", "time"),
        ("joined", "timestamp"), ("lastSeen", "timestamp_with_timezone"),
    ]

    def __init__(self, **values):
        for name, _ in self.FIELDS:
            setattr(self, name, values.get(name))

    def write_portable(self, w):
        for name, kind in self.FIELDS:
            if kind is None:
                w.write_null_portable(name, PORTABLE_FACTORY_ID, 2)
            else:
                getattr(w, "write_" + kind)(name, getattr(self, name))

    def read_portable(self, r):
        for name, kind in self.FIELDS:
            setattr(self, name, r.read_portable(name) if kind is None else getattr(r, "read_" + kind)(name))

    def get_factory_id(self):
        return PORTABLE_FACTORY_ID

    def get_class_id(self):
        return 1


# -- Compact twins (the member has no class: it sees GenericRecords) ------------------


class Address(_Equality):
    def __init__(self, street, zip):
        self.street = street
        self.zip = zip


class AddressSerializer(CompactSerializer):
    def read(self, reader):
        return Address(reader.read_string("street"), reader.read_int32("zip"))

    def write(self, writer, obj):
        writer.write_string("street", obj.street)
        writer.write_int32("zip", obj.zip)

    def get_class(self):
        return Address

    def get_type_name(self):
        return "pyclienttest.Address"


# field name -> writer/reader method suffix; the Java sample names its fields the same
ALL_KINDS_FIELDS = {
    "boolean": "boolean", "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64",
    "float32": "float32", "float64": "float64", "string": "string", "null_string": "string",
    "decimal": "decimal", "time": "time", "date": "date", "timestamp": "timestamp",
    "timestamp_with_timezone": "timestamp_with_timezone", "compact": "compact",
    "null_compact": "compact",
    "nullable_boolean": "nullable_boolean", "nullable_int8": "nullable_int8",
    "nullable_int16": "nullable_int16", "nullable_int32": "nullable_int32",
    "nullable_int64": "nullable_int64", "nullable_float32": "nullable_float32",
    "nullable_float64": "nullable_float64",
    "array_of_boolean": "array_of_boolean", "array_of_int8": "array_of_int8",
    "array_of_int16": "array_of_int16", "array_of_int32": "array_of_int32",
    "null_array_of_int32": "array_of_int32", "array_of_int64": "array_of_int64",
    "array_of_float32": "array_of_float32", "array_of_float64": "array_of_float64",
    "array_of_string": "array_of_string", "array_of_decimal": "array_of_decimal",
    "array_of_time": "array_of_time", "array_of_date": "array_of_date",
    "array_of_timestamp": "array_of_timestamp",
    "array_of_timestamp_with_timezone": "array_of_timestamp_with_timezone",
    "array_of_compact": "array_of_compact",
    "array_of_nullable_boolean": "array_of_nullable_boolean",
    "array_of_nullable_int8": "array_of_nullable_int8",
    "array_of_nullable_int16": "array_of_nullable_int16",
    "array_of_nullable_int32": "array_of_nullable_int32",
    "array_of_nullable_int64": "array_of_nullable_int64",
    "array_of_nullable_float32": "array_of_nullable_float32",
    "array_of_nullable_float64": "array_of_nullable_float64",
}


class AllKinds(_Equality):
    def __init__(self, values):
        self.values = values


class AllKindsSerializer(CompactSerializer):
    def read(self, reader):
        return AllKinds({name: getattr(reader, "read_" + m)(name) for name, m in ALL_KINDS_FIELDS.items()})

    def write(self, writer, obj):
        for name, method in ALL_KINDS_FIELDS.items():
            getattr(writer, "write_" + method)(name, obj.values[name])

    def get_class(self):
        return AllKinds

    def get_type_name(self):
        return "pyclienttest.AllKinds"


def utc_offset(hours):
    return datetime.timezone(datetime.timedelta(hours=hours))


def sample_ids():
    return AllTypesIds(
        bool=True, b=-7, c="\u00e9", s=-300, i=123456789, l=-1234567890123, f=1.5, d=0.1,
        str=STR, null_str=None, bytes=bytearray([0, 1, 128, 127, 255]), bools=[True, False],
        chars=["a", "\u00e9"], shorts=[-32768, 32767], ints=[-(2**31), 2**31 - 1],
        longs=[-(2**63), 2**63 - 1], floats=[1.5, -0.25], doubles=[0.1, -2.5],
        strings=["a", STR, None], obj=[DATE, decimal.Decimal("1.5")],
    )


def sample_portable():
    return PortableCustomer(
        name=STR, age=42, id=-1234567890123, active=True, score=0.1, ratio=1.5, level=-300,
        flags=-7, initial="\u00e9", address=PortableAddress("Main St \u00e9", 12345), noAddress=None,
        history=[PortableAddress("Old St", 1), PortableAddress("\U0001F600 Ave", 2)],
        nums=[1, 2, 3], tags=["x", STR], balance=decimal.Decimal("-1234.5678"), birthday=DATE,
        wakeUp=datetime.time(6, 30, 0, 123456), joined=datetime.datetime(2020, 1, 2, 3, 4, 5, 6),
        lastSeen=datetime.datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=utc_offset(-5)),
    )


def sample_compact():
    return AllKinds({
        "boolean": True, "int8": -7, "int16": -300, "int32": 123456789, "int64": -1234567890123,
        "float32": 1.5, "float64": 0.1, "string": STR, "null_string": None,
        "decimal": decimal.Decimal("-1234.5678"), "time": TIME, "date": DATE, "timestamp": DATE_TIME,
        "timestamp_with_timezone": OFFSET_DATE_TIME, "compact": Address("Main St \u00e9", 12345),
        "null_compact": None,
        "nullable_boolean": False, "nullable_int8": None, "nullable_int16": 7, "nullable_int32": None,
        "nullable_int64": 9, "nullable_float32": None, "nullable_float64": 2.5,
        "array_of_boolean": [True, False, True], "array_of_int8": [-128, 0, 127],
        "array_of_int16": [-32768, 32767], "array_of_int32": [-(2**31), 2**31 - 1],
        "null_array_of_int32": None, "array_of_int64": [-(2**63), 2**63 - 1],
        "array_of_float32": [1.5, -0.25], "array_of_float64": [0.1, -2.5],
        "array_of_string": ["a", None, STR],
        "array_of_decimal": [decimal.Decimal("1.5"), None, decimal.Decimal("-0.001")],
        "array_of_time": [datetime.time(0, 0), None, TIME],
        "array_of_date": [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)],
        "array_of_timestamp": [datetime.datetime(1970, 1, 1), DATE_TIME],
        "array_of_timestamp_with_timezone": [
            datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc),
            DATE_TIME.replace(tzinfo=utc_offset(-18)),
        ],
        "array_of_compact": [Address("Old St", 1), None, Address("\U0001F600 Ave", 2)],
        "array_of_nullable_boolean": [True, None], "array_of_nullable_int8": [1, None],
        "array_of_nullable_int16": [2, None], "array_of_nullable_int32": [3, None],
        "array_of_nullable_int64": [4, None], "array_of_nullable_float32": [5.5, None],
        "array_of_nullable_float64": [6.5, None],
    })


_NO_WRITE = object()

# kind (Samples.make on the member) -> (what the client writes for it, what the client
# must read from the Java value). _NO_WRITE: Python has no value that maps to the kind.
SAMPLES = {
    "null": (_NO_WRITE, None),
    "boolean": (True, True),
    "byte": (-7, -7),  # with default_int_type BYTE (or VAR)
    "short": (-300, -300),  # SHORT (or VAR)
    "int": (123456789, 123456789),  # INT (or VAR)
    "long": (-1234567890123, -1234567890123),  # LONG (or VAR)
    "biginteger": (-123456789012345678901234567890, -123456789012345678901234567890),  # BIG_INT (or VAR)
    "float": (_NO_WRITE, 1.5),
    "double": (-2.25, -2.25),
    "double_tenth": (0.1, 0.1),
    "char": (_NO_WRITE, "\u00e9"),
    "string": (STR, STR),
    "empty_string": ("", ""),
    "bytes": (bytes([0, 1, 128, 127, 255]), bytearray([0, 1, 128, 127, 255])),
    "booleans": (_NO_WRITE, [True, False, True]),
    "chars": (_NO_WRITE, ["a", "\u00e9", "z"]),
    "shorts": (_NO_WRITE, [-32768, 0, 32767]),
    "ints": (_NO_WRITE, [-(2**31), 0, 2**31 - 1]),
    "longs": (_NO_WRITE, [-(2**63), 0, 2**63 - 1]),
    "floats": (_NO_WRITE, [1.5, -0.25]),
    "doubles": (_NO_WRITE, [0.1, -2.5]),
    "strings": (_NO_WRITE, ["a", STR, None, ""]),
    "arraylist": ([1, "two", 3.0, None, True], [1, "two", 3.0, None, True]),
    "nested_list": ([[1], []], [[1], []]),
    "linkedlist": (_NO_WRITE, [1, "x"]),
    "objectarray": (_NO_WRITE, [1, "x"]),
    "uuid": (uuid.UUID("01234567-89ab-cdef-fedc-ba9876543210"),) * 2,
    "bigdecimal": (decimal.Decimal("-1234567890.0987654321"),) * 2,
    "bigdecimal_exp": (decimal.Decimal("1.5E+10"),) * 2,
    "localdate": (DATE, DATE),
    "localtime": (TIME, TIME),
    "localdatetime": (_NO_WRITE, DATE_TIME),  # a naive datetime is written as OffsetDateTime (UTC)
    "offsetdatetime": (OFFSET_DATE_TIME, OFFSET_DATE_TIME),
    "offsetdatetime_utc": (DATE_TIME, DATE_TIME.replace(tzinfo=datetime.timezone.utc)),
    "json": (HazelcastJsonValue('{"a": [1, 2.5, null], "b": "\u00e9\U0001F600"}'),) * 2,
    "ids": (sample_ids(), sample_ids()),
    "portable": (sample_portable(), sample_portable()),
    "compact": (sample_compact(), sample_compact()),
}

INT_KINDS = {
    IntType.BYTE: "byte",
    IntType.SHORT: "short",
    IntType.INT: "int",
    IntType.LONG: "long",
    IntType.BIG_INT: "biginteger",
}

# kinds the default client (default_int_type INT) writes; the int kinds need their own int type
WRITABLE_KINDS = [k for k, (w, _) in SAMPLES.items() if w is not _NO_WRITE and k not in INT_KINDS.values()]


# -- fixtures ----------------------------------------------------------------------------


def client_options():
    return dict(
        data_serializable_factories={
            FACTORY_ID: {1: AllTypesIds, 2: DescribeProcessor, 3: WriteValueProcessor, 4: CheckProcessor}
        },
        portable_factories={PORTABLE_FACTORY_ID: {1: PortableCustomer, 2: PortableAddress}},
        compact_serializers=[AddressSerializer(), AllKindsSerializer()],
    )


@pytest.fixture(scope="module")
def cluster():
    # One member for the module: the Java classes on its classpath and the
    # factories in its serialization config.
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=BIG_ENDIAN_XML)
    yield c
    c.shutdown()


@pytest.fixture(scope="module")
def clients(cluster):
    """Clients by default_int_type, made on first use and shared by the module."""
    made = {}

    def get(int_type=IntType.INT):
        if int_type not in made:
            made[int_type] = hazelcast.HazelcastClient(
                **cluster.client_config(), default_int_type=int_type, **client_options()
            )
        return made[int_type]

    yield get
    for c in made.values():
        c.shutdown()


@pytest.fixture(scope="module")
def client(clients):
    return clients()


@pytest.fixture
def fresh_client(cluster):
    """A client that has written nothing: it knows no Portable class definition
    and no Compact schema of its own."""
    c = hazelcast.HazelcastClient(**cluster.client_config(), **client_options())
    yield c
    c.shutdown()


@pytest.fixture(scope="module")
def jmap(client):
    return client.get_map("java-serialization").blocking()


_keys = iter(range(10**9))


def new_key():
    return "k%d" % next(_keys)


def describe_on_member(client, value):
    m = client.get_map("java-serialization").blocking()
    key = new_key()
    m.set(key, value)
    return m.execute_on_key(key, DescribeProcessor())


def check_on_member(client, value, kind):
    m = client.get_map("java-serialization").blocking()
    key = new_key()
    m.set(key, value)
    return m.execute_on_key(key, CheckProcessor(kind))


def double_bits(x):
    return struct.pack(">d", x).hex().lstrip("0") or "0"


# -- the client writes, Java reads --------------------------------------------------------


@pytest.mark.parametrize("kind", WRITABLE_KINDS)
def test_member_decodes_what_the_client_wrote_as_the_java_sample(client, kind):
    written = SAMPLES[kind][0]
    assert check_on_member(client, written, kind) == "OK"


def test_bytearray_is_a_java_byte_array_too(client):
    assert check_on_member(client, bytearray([0, 1, 128, 127, 255]), "bytes") == "OK"


@pytest.mark.parametrize("int_type", sorted(INT_KINDS), ids=lambda t: INT_KINDS[t])
def test_int_is_the_java_type_of_default_int_type(clients, int_type):
    client = clients(int_type)
    kind = INT_KINDS[int_type]
    assert check_on_member(client, SAMPLES[kind][0], kind) == "OK"
    java_class = {
        IntType.BYTE: "java.lang.Byte",
        IntType.SHORT: "java.lang.Short",
        IntType.INT: "java.lang.Integer",
        IntType.LONG: "java.lang.Long",
        IntType.BIG_INT: "java.math.BigInteger",
    }[int_type]
    assert describe_on_member(client, 5) == java_class + ":5"
    assert describe_on_member(client, -1) == java_class + ":-1"


@pytest.mark.parametrize(
    "value, expected",
    [
        (5, "java.lang.Byte:5"),
        (-128, "java.lang.Byte:-128"),
        (300, "java.lang.Short:300"),
        (-32769, "java.lang.Integer:-32769"),
        (2**31, "java.lang.Long:2147483648"),
        (-(2**63), "java.lang.Long:-9223372036854775808"),
        (2**63, "java.math.BigInteger:9223372036854775808"),
        (-(2**70), "java.math.BigInteger:-1180591620717411303424"),
    ],
)
def test_var_int_type_picks_the_smallest_java_type(clients, value, expected):
    assert describe_on_member(clients(IntType.VAR), value) == expected


def test_var_int_type_matches_the_java_samples(clients):
    var_client = clients(IntType.VAR)
    for kind in INT_KINDS.values():
        assert check_on_member(var_client, SAMPLES[kind][0], kind) == "OK", kind


# Literal descriptions: the member really sees these Java types and values (and the
# description is not vacuous, which the "OK" checks above rely on).
@pytest.mark.parametrize(
    "value, expected",
    [
        (True, "java.lang.Boolean:true"),
        (False, "java.lang.Boolean:false"),
        (-2.25, "java.lang.Double:-2.25 bits=c002000000000000"),
        (0.1, "java.lang.Double:0.1 bits=" + double_bits(0.1)),
        ("a\U0001F600\u00e9", "java.lang.String:a\U0001F600\u00e9 cps=61,1f600,e9"),
        ("", "java.lang.String: cps="),
        (b"\x00\xff", "byte[]:[java.lang.Byte:0, java.lang.Byte:-1]"),
        (bytearray(b"\x80"), "byte[]:[java.lang.Byte:-128]"),
        (uuid.UUID("01234567-89ab-cdef-fedc-ba9876543210"), "java.util.UUID:01234567-89ab-cdef-fedc-ba9876543210"),
        (decimal.Decimal("-1.50"), "java.math.BigDecimal:-150 scale=2"),
        (decimal.Decimal("1.5E+10"), "java.math.BigDecimal:15 scale=-9"),
        (decimal.Decimal("0"), "java.math.BigDecimal:0 scale=0"),
        (DATE, "java.time.LocalDate:2024-02-29"),
        (datetime.date(1, 1, 1), "java.time.LocalDate:0001-01-01"),
        (TIME, "java.time.LocalTime:13:45:30.123456"),
        (DATE_TIME, "java.time.OffsetDateTime:2024-02-29T13:45:30.123456Z"),
        (OFFSET_DATE_TIME, "java.time.OffsetDateTime:2024-02-29T13:45:30.123456+05:30"),
        (HazelcastJsonValue({"a": 1}), 'com.hazelcast.core.HazelcastJsonValue:{"a": 1}'),
        ([1, None, "x"], "java.util.ArrayList:[java.lang.Integer:1, null, java.lang.String:x cps=78]"),
        ([], "java.util.ArrayList:[]"),
    ],
    ids=repr,
)
def test_member_sees_java_type_and_value(client, value, expected):
    assert describe_on_member(client, value) == expected


def test_member_reads_the_fields_of_an_identified_data_serializable(client):
    described = describe_on_member(client, sample_ids())
    assert described.startswith(PKG + "AllTypesIds:AllTypesIds{bool=true, b=-7, c=java.lang.Character:\u00e9 cp=e9, s=-300, ")
    assert ", i=123456789, l=-1234567890123, " in described
    assert ", nullStr=null, " in described
    assert ", ints=int[]:[java.lang.Integer:-2147483648, java.lang.Integer:2147483647], " in described
    assert described.endswith(
        "obj=java.util.ArrayList:[java.time.LocalDate:2024-02-29, java.math.BigDecimal:15 scale=1]}"
    )


def test_member_reads_the_fields_of_a_portable_and_its_nested_portables(client):
    described = describe_on_member(client, sample_portable())
    assert described.startswith(PKG + "PortableCustomer:PortableCustomer{name=java.lang.String:" + STR)
    assert ", age=42, id=-1234567890123, active=true, " in described
    assert ", address=PortableAddress{street=java.lang.String:Main St \u00e9 cps=" in described
    assert ", zip=12345}, noAddress=null, history=PortableAddress[]:[" in described
    assert "PortableAddress{street=java.lang.String:\U0001F600 Ave cps=1f600,20,41,76,65, zip=2}" in described
    assert ", balance=java.math.BigDecimal:-12345678 scale=4, birthday=2024-02-29, wakeUp=06:30:00.123456, " in described
    assert described.endswith("joined=2020-01-02T03:04:05.000006, lastSeen=2020-01-02T03:04:05.000006-05:00}")


def test_member_reads_the_fields_of_a_compact_object_as_a_generic_record(client):
    described = describe_on_member(client, sample_compact())
    assert described.startswith("GenericRecord(pyclienttest.AllKinds){array_of_boolean:ARRAY_OF_BOOLEAN=")
    for part in [
        "int32:INT32=java.lang.Integer:123456789",
        "int8:INT8=java.lang.Byte:-7",
        "nullable_int16:NULLABLE_INT16=java.lang.Short:7",
        "nullable_int8:NULLABLE_INT8=null",
        "null_compact:COMPACT=null",
        "compact:COMPACT=GenericRecord(pyclienttest.Address){street:STRING=java.lang.String:Main St \u00e9 cps="
        "4d,61,69,6e,20,53,74,20,e9; zip:INT32=java.lang.Integer:12345}",
        "array_of_compact:ARRAY_OF_COMPACT=GenericRecord[]:[GenericRecord(pyclienttest.Address){",
        "decimal:DECIMAL=java.math.BigDecimal:-12345678 scale=4",
        "array_of_time:ARRAY_OF_TIME=LocalTime[]:[java.time.LocalTime:00:00, null, java.time.LocalTime:13:45:30.123456]",
        "timestamp_with_timezone:TIMESTAMP_WITH_TIMEZONE=java.time.OffsetDateTime:2024-02-29T13:45:30.123456+05:30",
        "array_of_nullable_float64:ARRAY_OF_NULLABLE_FLOAT64=Double[]:[java.lang.Double:6.5 bits=401a000000000000, null]",
    ]:
        assert part in described


def test_entry_processor_runs_on_every_key_it_is_given(client):
    m = client.get_map("java-serialization-keys").blocking()
    m.put_all({"a": sample_ids(), "b": sample_compact(), "c": 7})
    results = dict(m.execute_on_keys(["a", "b", "c", "absent"], CheckProcessor("ids")))
    assert results["a"] == "OK"
    assert results["b"].startswith("MISMATCH") and "GenericRecord(pyclienttest.AllKinds)" in results["b"]
    assert results["c"].startswith("MISMATCH") and "client: java.lang.Integer:7" in results["c"]
    # the processor also runs for a key without entry: the member sees a null value
    assert results["absent"].startswith("MISMATCH") and results["absent"].endswith("client: null")


def test_entry_processor_runs_on_every_entry(client):
    m = client.get_map("java-serialization-all").blocking()
    m.put_all({"p": sample_portable(), "s": STR, "u": SAMPLES["uuid"][0]})
    described = dict(m.execute_on_entries(DescribeProcessor()))
    assert set(described) == {"p", "s", "u"}
    assert described["p"].startswith(PKG + "PortableCustomer:")
    assert described["s"] == "java.lang.String:%s cps=%s" % (STR, ",".join("%x" % ord(ch) for ch in STR))
    assert described["u"] == "java.util.UUID:01234567-89ab-cdef-fedc-ba9876543210"


# -- Java writes, the client reads --------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_client_reads_what_the_member_wrote(client, jmap, kind):
    expected = SAMPLES[kind][1]
    key = new_key()
    jmap.set(key, "placeholder")
    returned = jmap.execute_on_key(key, WriteValueProcessor(kind))
    stored = jmap.get(key)
    assert returned == expected
    assert type(returned) is type(expected)
    if kind == "null":  # setValue(null) removes the entry
        assert stored is None and not jmap.contains_key(key)
    else:
        assert stored == expected


def test_member_written_values_keep_their_python_types(client, jmap):
    key = new_key()
    jmap.set(key, 0)
    assert type(jmap.execute_on_key(key, WriteValueProcessor("bytes"))) is bytearray
    assert jmap.execute_on_key(key, WriteValueProcessor("offsetdatetime")).utcoffset() == datetime.timedelta(
        hours=5, minutes=30
    )
    assert jmap.execute_on_key(key, WriteValueProcessor("localdatetime")).tzinfo is None


def test_client_that_never_wrote_reads_member_written_portable_and_compact(fresh_client):
    # Learns the Portable class definitions from the data and fetches the
    # Compact schemas the member registered.
    m = fresh_client.get_map("java-serialization-fresh").blocking()
    m.set("p", 0)
    m.set("c", 0)
    assert m.execute_on_key("p", WriteValueProcessor("portable")) == sample_portable()
    assert m.execute_on_key("c", WriteValueProcessor("compact")) == sample_compact()
    assert m.get("p") == sample_portable()
    assert m.get("c") == sample_compact()


def test_member_written_values_round_trip_through_the_client(client, jmap):
    # The client writes back what it read from Java: the member sees the Java sample again.
    for kind in ("ids", "portable", "compact", "string", "uuid", "bigdecimal", "offsetdatetime"):
        key = new_key()
        jmap.set(key, 0)
        value = jmap.execute_on_key(key, WriteValueProcessor(kind))
        assert check_on_member(client, value, kind) == "OK", kind


# -- little-endian payloads (is_big_endian=False against a LITTLE_ENDIAN member) ------------


@pytest.fixture(scope="module")
def little_endian_client():
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=LITTLE_ENDIAN_XML)
    try:
        client = hazelcast.HazelcastClient(**c.client_config(), is_big_endian=False, **client_options())
        yield client
        client.shutdown()
    finally:
        c.shutdown()


LITTLE_ENDIAN_KINDS = ["int", "double_tenth", "string", "bytes", "arraylist", "uuid", "bigdecimal",
                       "localtime", "offsetdatetime", "json", "ids", "portable", "compact"]


@pytest.mark.parametrize("kind", LITTLE_ENDIAN_KINDS)
def test_little_endian_client_and_member_agree(little_endian_client, kind):
    assert check_on_member(little_endian_client, SAMPLES[kind][0], kind) == "OK"
    m = little_endian_client.get_map("java-serialization").blocking()
    key = new_key()
    m.set(key, 0)
    assert m.execute_on_key(key, WriteValueProcessor(kind)) == SAMPLES[kind][1]
    assert m.get(key) == SAMPLES[kind][1]
