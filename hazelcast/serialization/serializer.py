"""Builtin serializers: one class per Java type id, each reading and
writing the payload exactly as Hazelcast's Java serializers do."""

from __future__ import annotations

import datetime
import decimal
import pickle
import typing
import uuid

from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import (
    IdentifiedDataSerializable,
    ObjectDataInput,
    ObjectDataOutput,
    StreamSerializer,
)
from hazelcast.serialization.bits import (
    MAX_BYTE,
    MAX_INT,
    MAX_LONG,
    MAX_SHORT,
    MIN_BYTE,
    MIN_INT,
    MIN_LONG,
    MIN_SHORT,
)
from hazelcast.serialization.serialization_const import (
    CONSTANT_TYPE_BOOLEAN,
    CONSTANT_TYPE_BOOLEAN_ARRAY,
    CONSTANT_TYPE_BYTE,
    CONSTANT_TYPE_BYTE_ARRAY,
    CONSTANT_TYPE_CHAR,
    CONSTANT_TYPE_CHAR_ARRAY,
    CONSTANT_TYPE_DATA_SERIALIZABLE,
    CONSTANT_TYPE_DOUBLE,
    CONSTANT_TYPE_DOUBLE_ARRAY,
    CONSTANT_TYPE_FLOAT,
    CONSTANT_TYPE_FLOAT_ARRAY,
    CONSTANT_TYPE_INTEGER,
    CONSTANT_TYPE_INTEGER_ARRAY,
    CONSTANT_TYPE_LONG,
    CONSTANT_TYPE_LONG_ARRAY,
    CONSTANT_TYPE_NULL,
    CONSTANT_TYPE_SHORT,
    CONSTANT_TYPE_SHORT_ARRAY,
    CONSTANT_TYPE_STRING,
    CONSTANT_TYPE_STRING_ARRAY,
    CONSTANT_TYPE_UUID,
    JAVA_DEFAULT_TYPE_ARRAY,
    JAVA_DEFAULT_TYPE_ARRAY_LIST,
    JAVA_DEFAULT_TYPE_BIG_DECIMAL,
    JAVA_DEFAULT_TYPE_BIG_INTEGER,
    JAVA_DEFAULT_TYPE_CLASS,
    JAVA_DEFAULT_TYPE_LINKED_LIST,
    JAVA_DEFAULT_TYPE_LOCAL_DATE,
    JAVA_DEFAULT_TYPE_LOCAL_DATE_TIME,
    JAVA_DEFAULT_TYPE_LOCAL_TIME,
    JAVA_DEFAULT_TYPE_OFFSET_DATE_TIME,
    JAVASCRIPT_JSON_SERIALIZATION_TYPE,
    PYTHON_TYPE_PICKLE,
)

_UINT64 = 1 << 64


class BaseSerializer(StreamSerializer):
    """A serializer without resources to release."""

    def destroy(self) -> None:
        pass


def _check_range(obj: int, low: int, high: int, java_type: str) -> None:
    if not low <= obj <= high:
        raise HazelcastSerializationError(
            "%d does not fit in a Java %s (%d..%d); choose another default_int_type"
            % (obj, java_type, low, high)
        )


# ---------------------------------------------------------------- primitives


class NoneSerializer(BaseSerializer):
    def read(self, inp):
        return None

    def write(self, out, obj):
        pass

    def get_type_id(self):
        return CONSTANT_TYPE_NULL


class BooleanSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_boolean()

    def write(self, out, obj):
        out.write_boolean(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_BOOLEAN


class ByteSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_byte()

    def write(self, out, obj):
        _check_range(obj, MIN_BYTE, MAX_BYTE, "byte")
        out.write_byte(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_BYTE


class CharSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_char()

    def write(self, out, obj):
        out.write_char(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_CHAR


class ShortSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_short()

    def write(self, out, obj):
        _check_range(obj, MIN_SHORT, MAX_SHORT, "short")
        out.write_short(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_SHORT


class IntegerSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_int()

    def write(self, out, obj):
        _check_range(obj, MIN_INT, MAX_INT, "int")
        out.write_int(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_INTEGER


class LongSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_long()

    def write(self, out, obj):
        _check_range(obj, MIN_LONG, MAX_LONG, "long")
        out.write_long(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_LONG


class FloatSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_float()

    def write(self, out, obj):
        out.write_float(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_FLOAT


class DoubleSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_double()

    def write(self, out, obj):
        out.write_double(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_DOUBLE


class StringSerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_string()

    def write(self, out, obj):
        out.write_string(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_STRING


class UuidSerializer(BaseSerializer):
    """Two signed longs: the most then the least significant 64 bits."""

    def read(self, inp):
        msb = inp.read_long() & 0xFFFFFFFFFFFFFFFF
        lsb = inp.read_long() & 0xFFFFFFFFFFFFFFFF
        return uuid.UUID(int=(msb << 64) | lsb)

    def write(self, out, obj):
        value = obj.int
        msb, lsb = value >> 64, value & 0xFFFFFFFFFFFFFFFF
        out.write_long(msb - _UINT64 if msb > MAX_LONG else msb)
        out.write_long(lsb - _UINT64 if lsb > MAX_LONG else lsb)

    def get_type_id(self):
        return CONSTANT_TYPE_UUID


class HazelcastJsonValueSerializer(BaseSerializer):
    def read(self, inp):
        return HazelcastJsonValue(inp.read_string())

    def write(self, out, obj):
        out.write_string(obj.to_string())

    def get_type_id(self):
        return JAVASCRIPT_JSON_SERIALIZATION_TYPE


# ---------------------------------------------------------------- arrays


class ByteArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_byte_array()

    def write(self, out, obj):
        out.write_byte_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_BYTE_ARRAY


class BooleanArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_boolean_array()

    def write(self, out, obj):
        out.write_boolean_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_BOOLEAN_ARRAY


class CharArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_char_array()

    def write(self, out, obj):
        out.write_char_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_CHAR_ARRAY


class ShortArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_short_array()

    def write(self, out, obj):
        out.write_short_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_SHORT_ARRAY


class IntegerArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_int_array()

    def write(self, out, obj):
        out.write_int_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_INTEGER_ARRAY


class LongArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_long_array()

    def write(self, out, obj):
        out.write_long_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_LONG_ARRAY


class FloatArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_float_array()

    def write(self, out, obj):
        out.write_float_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_FLOAT_ARRAY


class DoubleArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_double_array()

    def write(self, out, obj):
        out.write_double_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_DOUBLE_ARRAY


class StringArraySerializer(BaseSerializer):
    def read(self, inp):
        return inp.read_string_array()

    def write(self, out, obj):
        out.write_string_array(obj)

    def get_type_id(self):
        return CONSTANT_TYPE_STRING_ARRAY


# ---------------------------------------------------------------- Java default types


def _big_int_to_bytes(value: int) -> bytes:
    # minimal two's complement, big-endian: Java's BigInteger.toByteArray()
    length = (value + (value < 0)).bit_length() // 8 + 1
    return value.to_bytes(length, "big", signed=True)


def _read_big_int(inp: ObjectDataInput) -> int:
    raw = inp.read_byte_array()
    if not raw:
        raise HazelcastSerializationError("invalid BigInteger: empty or null magnitude")
    return int.from_bytes(raw, "big", signed=True)


class BigIntegerSerializer(BaseSerializer):
    def read(self, inp):
        return _read_big_int(inp)

    def write(self, out, obj):
        out.write_byte_array(_big_int_to_bytes(obj))

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_BIG_INTEGER


class BigDecimalSerializer(BaseSerializer):
    """Unscaled value as a BigInteger, then the scale as an int."""

    def read(self, inp):
        unscaled = _read_big_int(inp)
        scale = inp.read_int()
        sign = 1 if unscaled < 0 else 0
        digits = tuple(int(d) for d in str(abs(unscaled)))
        return decimal.Decimal((sign, digits, -scale))

    def write(self, out, obj):
        sign, digits, exponent = obj.as_tuple()
        if not isinstance(exponent, int):
            raise HazelcastSerializationError(
                "%s cannot be serialized: Java's BigDecimal has no NaN or infinity" % obj
            )
        unscaled = int("".join(map(str, digits)) or "0")
        if sign:
            unscaled = -unscaled
        out.write_byte_array(_big_int_to_bytes(unscaled))
        out.write_int(-exponent)

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_BIG_DECIMAL


class JavaClassSerializer(BaseSerializer):
    """A Java ``Class``, read as its name."""

    def read(self, inp):
        return inp.read_string()

    def write(self, out, obj):
        out.write_string(obj)

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_CLASS


class _ObjectListSerializer(BaseSerializer):
    """Size, then each item as an object (type id and payload)."""

    def read(self, inp):
        size = inp.read_int()
        if size < 0 or size * 4 > inp.size() - inp.position():
            # every item needs at least its 4-byte type id
            raise HazelcastSerializationError(
                "invalid collection size %d at position %d" % (size, inp.position() - 4)
            )
        return [inp.read_object() for _ in range(size)]

    def write(self, out, obj):
        out.write_int(len(obj))
        for item in obj:
            out.write_object(item)


class ArraySerializer(_ObjectListSerializer):
    """A Java ``Object[]``, read as a list."""

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_ARRAY


class ArrayListSerializer(_ObjectListSerializer):
    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_ARRAY_LIST


class LinkedListSerializer(_ObjectListSerializer):
    """A Java ``LinkedList``, read as a list."""

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_LINKED_LIST


def _write_date(out: ObjectDataOutput, obj: datetime.date) -> None:
    out.write_int(obj.year)
    out.write_byte(obj.month)
    out.write_byte(obj.day)


def _read_date(inp: ObjectDataInput) -> datetime.date:
    year = inp.read_int()
    month = inp.read_byte()
    day = inp.read_byte()
    try:
        return datetime.date(year, month, day)
    except ValueError as e:
        raise HazelcastSerializationError(
            "cannot read date %d-%d-%d: %s" % (year, month, day, e)
        ) from None


def _write_time(out: ObjectDataOutput, obj: typing.Union[datetime.time, datetime.datetime]) -> None:
    out.write_byte(obj.hour)
    out.write_byte(obj.minute)
    out.write_byte(obj.second)
    out.write_int(obj.microsecond * 1000)


def _read_time_fields(inp: ObjectDataInput) -> typing.Tuple[int, int, int, int]:
    hour = inp.read_byte()
    minute = inp.read_byte()
    second = inp.read_byte()
    # Python keeps microseconds: the nanoseconds below a microsecond are dropped
    micro = inp.read_int() // 1000
    return hour, minute, second, micro


class LocalDateSerializer(BaseSerializer):
    def read(self, inp):
        return _read_date(inp)

    def write(self, out, obj):
        _write_date(out, obj)

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_LOCAL_DATE


class LocalTimeSerializer(BaseSerializer):
    def read(self, inp):
        fields = _read_time_fields(inp)
        try:
            return datetime.time(*fields)
        except ValueError as e:
            raise HazelcastSerializationError("cannot read time %s: %s" % (fields, e)) from None

    def write(self, out, obj):
        _write_time(out, obj)

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_LOCAL_TIME


def _read_date_time(inp: ObjectDataInput) -> datetime.datetime:
    date = _read_date(inp)
    fields = _read_time_fields(inp)
    try:
        return datetime.datetime(date.year, date.month, date.day, *fields)
    except ValueError as e:
        raise HazelcastSerializationError("cannot read time %s: %s" % (fields, e)) from None


class LocalDateTimeSerializer(BaseSerializer):
    def read(self, inp):
        return _read_date_time(inp)

    def write(self, out, obj):
        _write_date(out, obj)
        _write_time(out, obj)

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_LOCAL_DATE_TIME


class OffsetDateTimeSerializer(BaseSerializer):
    """Local date-time, then the UTC offset in seconds (0 for naive
    datetimes, which are taken as UTC)."""

    def read(self, inp):
        local = _read_date_time(inp)
        offset = inp.read_int()
        try:
            tz = datetime.timezone(datetime.timedelta(seconds=offset))
        except ValueError as e:
            raise HazelcastSerializationError("invalid UTC offset %d s: %s" % (offset, e)) from None
        return local.replace(tzinfo=tz)

    def write(self, out, obj):
        _write_date(out, obj)
        _write_time(out, obj)
        offset = obj.utcoffset()
        out.write_int(int(offset.total_seconds()) if offset is not None else 0)

    def get_type_id(self):
        return JAVA_DEFAULT_TYPE_OFFSET_DATE_TIME


# ---------------------------------------------------------------- Python-only and user types


class PythonObjectSerializer(BaseSerializer):
    """Fallback for objects no other serializer handles: pickle. Only Python
    clients can read these."""

    def read(self, inp):
        return pickle.loads(inp.read_byte_array())

    def write(self, out, obj):
        out.write_byte_array(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))

    def get_type_id(self):
        return PYTHON_TYPE_PICKLE


class IdentifiedDataSerializer(BaseSerializer):
    """IdentifiedDataSerializable objects: a flag (always identified), the
    factory id, the class id, then the object's own fields.

    Args:
        factories: ``{factory_id: {class_id: constructor}}``.
    """

    def __init__(self, factories: typing.Dict[int, typing.Dict[int, typing.Callable[[], IdentifiedDataSerializable]]]):
        self._factories = factories

    def write(self, out, obj):
        out.write_boolean(True)
        out.write_int(obj.get_factory_id())
        out.write_int(obj.get_class_id())
        obj.write_data(out)

    def read(self, inp):
        is_identified = inp.read_boolean()
        if not is_identified:
            raise HazelcastSerializationError(
                "cannot read a plain Java DataSerializable: only IdentifiedDataSerializable is supported"
            )
        factory_id = inp.read_int()
        class_id = inp.read_int()
        factory = self._factories.get(factory_id, None)
        if factory is None:
            raise HazelcastSerializationError(
                "no DataSerializableFactory is registered for factory id %d "
                "(see data_serializable_factories)" % factory_id
            )
        constructor = factory.get(class_id, None)
        if constructor is None:
            raise HazelcastSerializationError(
                "the DataSerializableFactory for factory id %d has no class id %d"
                % (factory_id, class_id)
            )
        obj = constructor()
        obj.read_data(inp)
        return obj

    def get_type_id(self):
        return CONSTANT_TYPE_DATA_SERIALIZABLE
