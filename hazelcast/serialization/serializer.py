"""Builtin serializers: one class per Java type id, each reading and
writing the payload exactly as Hazelcast's Java serializers do."""

from __future__ import annotations

import _compat_pickle
import datetime
import decimal
import io
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
from hazelcast.serialization.pickle_scan import check_sizes as _check_pickle_sizes
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
    def read(self, inp: ObjectDataInput) -> None:
        return None

    def write(self, out: ObjectDataOutput, obj: None) -> None:
        pass

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_NULL


class BooleanSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> bool:
        return inp.read_boolean()

    def write(self, out: ObjectDataOutput, obj: bool) -> None:
        out.write_boolean(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_BOOLEAN


class ByteSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> int:
        return inp.read_byte()

    def write(self, out: ObjectDataOutput, obj: int) -> None:
        _check_range(obj, MIN_BYTE, MAX_BYTE, "byte")
        out.write_byte(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_BYTE


class CharSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> str:
        return inp.read_char()

    def write(self, out: ObjectDataOutput, obj: str) -> None:
        out.write_char(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_CHAR


class ShortSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> int:
        return inp.read_short()

    def write(self, out: ObjectDataOutput, obj: int) -> None:
        _check_range(obj, MIN_SHORT, MAX_SHORT, "short")
        out.write_short(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_SHORT


class IntegerSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> int:
        return inp.read_int()

    def write(self, out: ObjectDataOutput, obj: int) -> None:
        _check_range(obj, MIN_INT, MAX_INT, "int")
        out.write_int(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_INTEGER


class LongSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> int:
        return inp.read_long()

    def write(self, out: ObjectDataOutput, obj: int) -> None:
        _check_range(obj, MIN_LONG, MAX_LONG, "long")
        out.write_long(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_LONG


class FloatSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> float:
        return inp.read_float()

    def write(self, out: ObjectDataOutput, obj: float) -> None:
        out.write_float(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_FLOAT


class DoubleSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> float:
        return inp.read_double()

    def write(self, out: ObjectDataOutput, obj: float) -> None:
        out.write_double(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_DOUBLE


class StringSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[str]:
        return inp.read_string()

    def write(self, out: ObjectDataOutput, obj: str) -> None:
        out.write_string(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_STRING


class UuidSerializer(BaseSerializer):
    """Two signed longs: the most then the least significant 64 bits."""

    def read(self, inp: ObjectDataInput) -> uuid.UUID:
        msb = inp.read_long() & 0xFFFFFFFFFFFFFFFF
        lsb = inp.read_long() & 0xFFFFFFFFFFFFFFFF
        return uuid.UUID(int=(msb << 64) | lsb)

    def write(self, out: ObjectDataOutput, obj: uuid.UUID) -> None:
        value = obj.int
        msb, lsb = value >> 64, value & 0xFFFFFFFFFFFFFFFF
        out.write_long(msb - _UINT64 if msb > MAX_LONG else msb)
        out.write_long(lsb - _UINT64 if lsb > MAX_LONG else lsb)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_UUID


class HazelcastJsonValueSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> HazelcastJsonValue:
        return HazelcastJsonValue(inp.read_string())

    def write(self, out: ObjectDataOutput, obj: HazelcastJsonValue) -> None:
        out.write_string(obj.to_string())

    def get_type_id(self) -> int:
        return JAVASCRIPT_JSON_SERIALIZATION_TYPE


# ---------------------------------------------------------------- arrays


class ByteArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[bytearray]:
        return inp.read_byte_array()

    def write(self, out: ObjectDataOutput, obj: typing.Union[bytes, bytearray]) -> None:
        out.write_byte_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_BYTE_ARRAY


class BooleanArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[bool]]:
        return inp.read_boolean_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[bool]) -> None:
        out.write_boolean_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_BOOLEAN_ARRAY


class CharArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[str]]:
        return inp.read_char_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[str]) -> None:
        out.write_char_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_CHAR_ARRAY


class ShortArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[int]]:
        return inp.read_short_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[int]) -> None:
        out.write_short_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_SHORT_ARRAY


class IntegerArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[int]]:
        return inp.read_int_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[int]) -> None:
        out.write_int_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_INTEGER_ARRAY


class LongArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[int]]:
        return inp.read_long_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[int]) -> None:
        out.write_long_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_LONG_ARRAY


class FloatArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[float]]:
        return inp.read_float_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[float]) -> None:
        out.write_float_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_FLOAT_ARRAY


class DoubleArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[float]]:
        return inp.read_double_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[float]) -> None:
        out.write_double_array(obj)

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_DOUBLE_ARRAY


class StringArraySerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> typing.Optional[typing.List[typing.Optional[str]]]:
        return inp.read_string_array()

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[typing.Optional[str]]) -> None:
        out.write_string_array(obj)

    def get_type_id(self) -> int:
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


def read_big_decimal(inp: ObjectDataInput) -> decimal.Decimal:
    """Reads a Java BigDecimal: unscaled BigInteger bytes, then the scale."""
    unscaled = _read_big_int(inp)
    scale = inp.read_int()
    sign = 1 if unscaled < 0 else 0
    digits = tuple(int(d) for d in str(abs(unscaled)))
    return decimal.Decimal((sign, digits, -scale))


def write_big_decimal(out: ObjectDataOutput, obj: decimal.Decimal) -> None:
    """Writes a Decimal as a Java BigDecimal."""
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


class BigIntegerSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> int:
        return _read_big_int(inp)

    def write(self, out: ObjectDataOutput, obj: int) -> None:
        out.write_byte_array(_big_int_to_bytes(obj))

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_BIG_INTEGER


class BigDecimalSerializer(BaseSerializer):
    """Unscaled value as a BigInteger, then the scale as an int."""

    def read(self, inp: ObjectDataInput) -> decimal.Decimal:
        return read_big_decimal(inp)

    def write(self, out: ObjectDataOutput, obj: decimal.Decimal) -> None:
        write_big_decimal(out, obj)

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_BIG_DECIMAL


class JavaClassSerializer(BaseSerializer):
    """A Java ``Class``, read as its name."""

    def read(self, inp: ObjectDataInput) -> typing.Optional[str]:
        return inp.read_string()

    def write(self, out: ObjectDataOutput, obj: str) -> None:
        out.write_string(obj)

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_CLASS


class _ObjectListSerializer(BaseSerializer):
    """Size, then each item as an object (type id and payload)."""

    def read(self, inp: ObjectDataInput) -> typing.List[typing.Any]:
        size = inp.read_int()
        if size < 0 or size * 4 > inp.size() - inp.position():
            # every item needs at least its 4-byte type id
            raise HazelcastSerializationError(
                "invalid collection size %d at position %d" % (size, inp.position() - 4)
            )
        return [inp.read_object() for _ in range(size)]

    def write(self, out: ObjectDataOutput, obj: typing.Sequence[typing.Any]) -> None:
        out.write_int(len(obj))
        for item in obj:
            out.write_object(item)


class ArraySerializer(_ObjectListSerializer):
    """A Java ``Object[]``, read as a list."""

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_ARRAY


class ArrayListSerializer(_ObjectListSerializer):
    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_ARRAY_LIST


class LinkedListSerializer(_ObjectListSerializer):
    """A Java ``LinkedList``, read as a list."""

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_LINKED_LIST


def write_local_date(out: ObjectDataOutput, obj: datetime.date) -> None:
    """Writes a Java LocalDate: int year, byte month, byte day."""
    out.write_int(obj.year)
    out.write_byte(obj.month)
    out.write_byte(obj.day)


def read_local_date(inp: ObjectDataInput) -> datetime.date:
    """Reads a Java LocalDate."""
    return _date(inp.read_int(), inp.read_byte(), inp.read_byte())


def _date(year: int, month: int, day: int) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError as e:
        raise HazelcastSerializationError(
            "cannot read date %d-%d-%d: %s" % (year, month, day, e)
        ) from None


def write_local_time(out: ObjectDataOutput, obj: typing.Union[datetime.time, datetime.datetime]) -> None:
    """Writes a Java LocalTime: byte hour, minute, second, int nanoseconds."""
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


def read_local_time(inp: ObjectDataInput) -> datetime.time:
    """Reads a Java LocalTime (to microsecond precision)."""
    fields = _read_time_fields(inp)
    try:
        return datetime.time(*fields)
    except ValueError as e:
        raise HazelcastSerializationError("cannot read time %s: %s" % (fields, e)) from None


def write_local_date_time(out: ObjectDataOutput, obj: datetime.datetime) -> None:
    """Writes a Java LocalDateTime: the date, then the time."""
    write_local_date(out, obj)
    write_local_time(out, obj)


def read_local_date_time(inp: ObjectDataInput) -> datetime.datetime:
    """Reads a Java LocalDateTime."""
    return _date_time(read_local_date(inp), inp)


def _date_time(date: datetime.date, inp: ObjectDataInput) -> datetime.datetime:
    fields = _read_time_fields(inp)
    try:
        return datetime.datetime(date.year, date.month, date.day, *fields)
    except ValueError as e:
        raise HazelcastSerializationError("cannot read time %s: %s" % (fields, e)) from None


def write_offset_date_time(out: ObjectDataOutput, obj: datetime.datetime) -> None:
    """Writes a Java OffsetDateTime: local date-time, then the UTC offset
    in seconds (0 for naive datetimes, which are taken as UTC)."""
    write_local_date(out, obj)
    write_local_time(out, obj)
    offset = obj.utcoffset()
    out.write_int(int(offset.total_seconds()) if offset is not None else 0)


def read_offset_date_time(inp: ObjectDataInput) -> datetime.datetime:
    """Reads a Java OffsetDateTime as an aware datetime."""
    local = read_local_date_time(inp)
    offset = inp.read_int()
    try:
        tz = datetime.timezone(datetime.timedelta(seconds=offset))
    except ValueError as e:
        raise HazelcastSerializationError("invalid UTC offset %d s: %s" % (offset, e)) from None
    return local.replace(tzinfo=tz)


# Portable and Compact fields store dates as Java's IOUtil does: the year
# in a short (not an int as the LocalDate serializer does).


def write_short_year_date(out: ObjectDataOutput, obj: datetime.date) -> None:
    """Writes a date as Portable/Compact do: short year, byte month, byte day."""
    out.write_short(obj.year)
    out.write_byte(obj.month)
    out.write_byte(obj.day)


def read_short_year_date(inp: ObjectDataInput) -> datetime.date:
    """Reads a date written by :func:`write_short_year_date`."""
    return _date(inp.read_short(), inp.read_byte(), inp.read_byte())


def write_short_year_date_time(out: ObjectDataOutput, obj: datetime.datetime) -> None:
    """Writes a timestamp as Portable/Compact do: the date, then the time."""
    write_short_year_date(out, obj)
    write_local_time(out, obj)


def read_short_year_date_time(inp: ObjectDataInput) -> datetime.datetime:
    """Reads a timestamp written by :func:`write_short_year_date_time`."""
    return _date_time(read_short_year_date(inp), inp)


def write_short_year_offset_date_time(out: ObjectDataOutput, obj: datetime.datetime) -> None:
    """Writes a timestamp with time zone as Portable/Compact do: the
    timestamp, then the UTC offset in seconds (0 for naive datetimes)."""
    write_short_year_date_time(out, obj)
    offset = obj.utcoffset()
    out.write_int(int(offset.total_seconds()) if offset is not None else 0)


def read_short_year_offset_date_time(inp: ObjectDataInput) -> datetime.datetime:
    """Reads a timestamp with time zone as an aware datetime."""
    local = read_short_year_date_time(inp)
    offset = inp.read_int()
    try:
        tz = datetime.timezone(datetime.timedelta(seconds=offset))
    except ValueError as e:
        raise HazelcastSerializationError("invalid UTC offset %d s: %s" % (offset, e)) from None
    return local.replace(tzinfo=tz)


class LocalDateSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> datetime.date:
        return read_local_date(inp)

    def write(self, out: ObjectDataOutput, obj: datetime.date) -> None:
        write_local_date(out, obj)

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_LOCAL_DATE


class LocalTimeSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> datetime.time:
        return read_local_time(inp)

    def write(self, out: ObjectDataOutput, obj: datetime.time) -> None:
        write_local_time(out, obj)

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_LOCAL_TIME


class LocalDateTimeSerializer(BaseSerializer):
    def read(self, inp: ObjectDataInput) -> datetime.datetime:
        return read_local_date_time(inp)

    def write(self, out: ObjectDataOutput, obj: datetime.datetime) -> None:
        write_local_date_time(out, obj)

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_LOCAL_DATE_TIME


class OffsetDateTimeSerializer(BaseSerializer):
    """Local date-time, then the UTC offset in seconds (0 for naive
    datetimes, which are taken as UTC)."""

    def read(self, inp: ObjectDataInput) -> datetime.datetime:
        return read_offset_date_time(inp)

    def write(self, out: ObjectDataOutput, obj: datetime.datetime) -> None:
        write_offset_date_time(out, obj)

    def get_type_id(self) -> int:
        return JAVA_DEFAULT_TYPE_OFFSET_DATE_TIME


# ---------------------------------------------------------------- Python-only and user types


def _class_name(cls: typing.Any) -> str:
    if isinstance(cls, str):
        return cls
    if isinstance(cls, type) or callable(cls):
        return "%s.%s" % (cls.__module__, cls.__qualname__)
    raise TypeError("expected a class or a 'module.qualname' string, got %r" % (cls,))


# Globals pickle itself names to rebuild plain objects and builtin values;
# none runs user code (the classes they are given go through the check
# too), so an allowlist needs not list them.
_PICKLE_MACHINERY = frozenset(
    [
        "copyreg._reconstructor",
        "copyreg.__newobj__",
        "copyreg.__newobj_ex__",
        "builtins.object",
        "builtins.set",
        "builtins.frozenset",
        "builtins.bytearray",
        "builtins.bytes",
        "builtins.complex",
        "builtins.slice",
        "builtins.range",
    ]
)

# Plain-data classes of the standard library, the types the client's own
# serializers know: their constructors and __setstate__ only store values.
_PLAIN_DATA_CLASSES = frozenset(
    [
        "datetime.date",
        "datetime.time",
        "datetime.datetime",
        "datetime.timedelta",
        "datetime.timezone",
        "decimal.Decimal",
        "fractions.Fraction",
        "uuid.UUID",
        "uuid.SafeUUID",
        "collections.OrderedDict",
        "collections.deque",
        "collections.Counter",
        "collections.defaultdict",
        "hazelcast.core.HazelcastJsonValue",
    ]
)

# Protocol 0-3 pickles of bytes call _codecs.encode(text, "latin1"); any
# other codec is refused (codec names import modules).
_PICKLE_CODECS = frozenset(["latin1", "latin-1", "latin_1", "iso8859-1", "iso-8859-1"])


def _pickle_codecs_encode(obj: typing.Any, encoding: str = "utf-8", errors: str = "strict") -> bytes:
    if not isinstance(obj, str) or encoding not in _PICKLE_CODECS or errors != "strict":
        raise HazelcastSerializationError(
            "refused to unpickle _codecs.encode(%s, %r): only latin-1 text is plain data"
            % (type(obj).__name__, encoding)
        )
    return obj.encode("latin-1")


# A protocol-0 pickle starts with an ASCII opcode; the marker below (U+0080,
# then a binary pickle as latin-1 text) can thus never be mistaken for one.
_BINARY_PICKLE_MARKER = b"\xc2\x80"


def _refusal(full_name: str) -> HazelcastSerializationError:
    return HazelcastSerializationError(
        "refused to unpickle %s: it is not in pickle_allowed_classes. Unpickling "
        "can run any code the data names; if this class is trusted, add %r to "
        "the client's pickle_allowed_classes option (or set pickle_trust_all=True "
        "when everyone who can write to the cluster is trusted)" % (full_name, full_name)
    )


class _AllowlistUnpickler(pickle.Unpickler):
    """An unpickler that only loads the globals (classes, functions) named
    in the allowlist; anything else is refused before it is imported.

    Names are compared whole ("module.qualname"), so neither attribute
    chains (``builtins.getattr``, ``os.system`` through an allowed class's
    ``__init__.__globals__``) nor siblings of an allowed class pass.
    """

    def __init__(self, file: typing.IO[bytes], allowed: typing.FrozenSet[str]):
        super().__init__(file)
        self._allowed = allowed

    def find_class(self, module: str, name: str) -> typing.Any:
        # protocol 0-2 pickles use Python 2 names (__builtin__, copy_reg)
        mapped = _compat_pickle.NAME_MAPPING.get((module, name))
        if mapped is not None:
            checked_module, checked_name = mapped
        else:
            checked_module, checked_name = _compat_pickle.IMPORT_MAPPING.get(module, module), name
        full_name = "%s.%s" % (checked_module, checked_name)
        if full_name == "_codecs.encode":
            return _pickle_codecs_encode
        if full_name not in self._allowed and full_name not in _PICKLE_MACHINERY:
            raise _refusal(full_name)
        return super().find_class(module, name)


def _check_sizes(raw: bytes) -> None:
    # before the C unpickler allocates by numbers in the data (see pickle_scan)
    try:
        _check_pickle_sizes(raw)
    except ValueError as e:
        raise HazelcastSerializationError("invalid pickled object: %s" % e) from None


class PythonObjectSerializer(BaseSerializer):
    """Fallback for objects no other serializer handles: pickle (type id
    -120). The format is the official client's: a protocol-0 pickle written
    as a string. Only Python clients can read these.

    Protocol-0 pickles of values with characters U+0080..U+00FF are not
    valid UTF-8 (the official client fails on them); those are written as
    U+0080 followed by a binary pickle, which this serializer reads back.

    Reading is safe by default: only plain data (builtin containers and
    scalars, the standard types the client serializes itself) and the
    classes given here are loaded; any other global a pickle names is
    refused before it is imported.

    Args:
        allowed_classes: The classes (or ``"module.qualname"`` strings)
            :func:`read` may load beyond plain data.
        trust_all: Unpickle anything, as the official client does (unsafe
            with untrusted data: unpickling can run arbitrary code).
    """

    def __init__(
        self,
        allowed_classes: typing.Optional[typing.Iterable[typing.Any]] = (),
        trust_all: bool = False,
    ):
        self._trust_all = bool(trust_all)
        self._allowed = _PLAIN_DATA_CLASSES.union(_class_name(c) for c in (allowed_classes or ()))

    def read(self, inp: ObjectDataInput) -> typing.Any:
        text = inp.read_string()
        if text is None:
            raise HazelcastSerializationError("invalid pickled object: null string")
        raw = text.encode("utf-8")
        if raw.startswith(_BINARY_PICKLE_MARKER):
            raw = text[1:].encode("latin-1")
        if self._trust_all:
            return pickle.loads(raw)
        _check_sizes(raw)
        return _AllowlistUnpickler(io.BytesIO(raw), self._allowed).load()

    def write(self, out: ObjectDataOutput, obj: typing.Any) -> None:
        raw = pickle.dumps(obj, 0)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = "\x80" + pickle.dumps(obj, pickle.HIGHEST_PROTOCOL).decode("latin-1")
        out.write_string(text)

    def get_type_id(self) -> int:
        return PYTHON_TYPE_PICKLE


class IdentifiedDataSerializer(BaseSerializer):
    """IdentifiedDataSerializable objects: a flag (always identified), the
    factory id, the class id, then the object's own fields.

    Args:
        factories: ``{factory_id: {class_id: constructor}}``.
    """

    def __init__(self, factories: typing.Dict[int, typing.Dict[int, typing.Callable[[], IdentifiedDataSerializable]]]):
        self._factories = factories

    def write(self, out: ObjectDataOutput, obj: IdentifiedDataSerializable) -> None:
        out.write_boolean(True)
        out.write_int(obj.get_factory_id())
        out.write_int(obj.get_class_id())
        obj.write_data(out)

    def read(self, inp: ObjectDataInput) -> IdentifiedDataSerializable:
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

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_DATA_SERIALIZABLE
