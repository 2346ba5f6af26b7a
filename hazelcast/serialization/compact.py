"""Compact serialization (type id -55): schemas, their 64-bit Rabin
fingerprint, and the reader and writer of the binary form.

Binary form of one object (after the schema id, an int64)::

    int32   length of the data section (only with variable-size fields)
    fixed-size fields, by size descending, then booleans as bits
    variable-size fields, in the order they were written
    offsets of the variable-size fields (relative to the data start):
        1 byte each when the data section is shorter than 255 bytes,
        2 bytes when shorter than 65535, else 4; -1 (0xFF..) means null

The schema itself is not in the data: the client sends it to the cluster
before the first object of a new schema is written (see
:mod:`hazelcast.compact`), and fetches unknown schemas on read.
"""

from __future__ import annotations

import datetime  # named by the annotations the generated methods copy from the api
import decimal  # likewise
import struct
import threading
import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import nesting as _nesting
from hazelcast.serialization.api import (
    CompactReader,
    CompactSerializer,
    CompactWriter,
    FieldKind,
    ObjectDataInput,
    ObjectDataOutput,
)
from hazelcast.serialization.bits import NULL_ARRAY_LENGTH
from hazelcast.serialization.serialization_const import TYPE_COMPACT
from hazelcast.serialization.serializer import (
    BaseSerializer,
    read_big_decimal,
    read_local_date,
    read_local_date_time,
    read_local_time,
    read_offset_date_time,
    write_big_decimal,
    write_local_date,
    write_local_date_time,
    write_local_time,
    write_offset_date_time,
)

if typing.TYPE_CHECKING:
    from hazelcast.serialization.input import _ObjectDataInput
    from hazelcast.serialization.output import _ObjectDataOutput

__all__ = [
    "CompactStreamSerializer",
    "Schema",
    "FieldDescriptor",
    "SchemaWriter",
    "DefaultCompactReader",
    "DefaultCompactWriter",
    "SchemaNotReplicatedError",
    "SchemaNotFoundError",
    "rabin_fingerprint64",
]

NULL_OFFSET = -1
_BYTE_OFFSET_RANGE = 255
_SHORT_OFFSET_RANGE = 65535
_VARIABLE_SIZE = -1

# fixed-size kinds: size in bytes and struct code; BOOLEAN is a single bit
_FIXED_SIZES = {
    FieldKind.BOOLEAN: 0,
    FieldKind.INT8: 1,
    FieldKind.INT16: 2,
    FieldKind.INT32: 4,
    FieldKind.INT64: 8,
    FieldKind.FLOAT32: 4,
    FieldKind.FLOAT64: 8,
}
_FIXED_CODES = {
    FieldKind.INT8: "b",
    FieldKind.INT16: "h",
    FieldKind.INT32: "i",
    FieldKind.INT64: "q",
    FieldKind.FLOAT32: "f",
    FieldKind.FLOAT64: "d",
}


def kind_size_in_bytes(kind: FieldKind) -> int:
    """Returns the size of a fixed-size kind, or -1 for variable-size kinds."""
    return _FIXED_SIZES.get(kind, _VARIABLE_SIZE)


# ---------------------------------------------------------------- errors


class SchemaNotReplicatedError(HazelcastSerializationError):
    """Raised by ``to_data`` when an object needs a schema the cluster does
    not know yet. The caller sends the schema (see
    :meth:`hazelcast.compact.CompactSchemaService.send_schema_and_retry`)
    and serializes again.

    Attributes:
        schema: The schema to send.
        clazz: The class written with it.
    """

    def __init__(self, schema: "Schema", clazz: type):
        super().__init__("the schema %s of %s is not replicated to the cluster yet" % (schema, clazz))
        self.schema = schema
        self.clazz = clazz


class SchemaNotFoundError(HazelcastSerializationError):
    """Raised by ``to_object`` when the data has a schema id the client does
    not know. The caller fetches the schema (see
    :meth:`hazelcast.compact.CompactSchemaService.fetch_schema`) and reads
    again.

    Attributes:
        schema_id: The id of the unknown schema.
    """

    def __init__(self, schema_id: int):
        super().__init__("the schema with id %d is not known to the client" % schema_id)
        self.schema_id = schema_id


# ---------------------------------------------------------------- Rabin fingerprint

_FP_INIT = 0xC15D213AA4D7A795
_MASK64 = 0xFFFFFFFFFFFFFFFF


def _make_fp_table() -> typing.List[int]:
    table = []
    for i in range(256):
        fp = i
        for _ in range(8):
            fp = (fp >> 1) ^ (_FP_INIT if fp & 1 else 0)
        table.append(fp)
    return table


_FP_TABLE = _make_fp_table()


def _fp_bytes(fp: int, data: typing.Iterable[int]) -> int:
    table = _FP_TABLE
    for b in data:
        fp = (fp >> 8) ^ table[(fp ^ b) & 0xFF]
    return fp


def _fp_int(fp: int, value: int) -> int:
    # little-endian bytes of a 32-bit int
    return _fp_bytes(fp, (value & 0xFFFFFFFF).to_bytes(4, "little"))


def _fp_string(fp: int, value: str) -> int:
    raw = value.encode("utf-8", "surrogatepass")
    return _fp_bytes(_fp_int(fp, len(raw)), raw)


def rabin_fingerprint64(type_name: str, fields: typing.Sequence["FieldDescriptor"]) -> int:
    """The schema id: Java's 64-bit Rabin fingerprint of the type name, the
    field count and each field's name and kind (fields sorted by name), as
    a signed 64-bit int."""
    fp = _fp_string(_FP_INIT, type_name)
    fp = _fp_int(fp, len(fields))
    for field in fields:
        fp = _fp_string(fp, field.name)
        fp = _fp_int(fp, int(field.kind))
    return fp - (1 << 64) if fp >> 63 else fp


# ---------------------------------------------------------------- schema


def _java_string_order(name: str) -> bytes:
    # Java sorts strings by UTF-16 code units; big-endian UTF-16 bytes sort alike
    return name.encode("utf-16-be", "surrogatepass")


class FieldDescriptor:
    """A field of a schema: its name and kind, and where it is in the data
    (``offset``/``bit_offset`` for fixed-size fields, ``index`` in the
    offset table for variable-size ones).

    Args:
        name: The field name.
        kind: The field kind.
    """

    __slots__ = ("name", "kind", "index", "offset", "bit_offset")

    def __init__(self, name: str, kind: FieldKind):
        self.name = name
        self.kind = FieldKind(kind)
        self.index = -1
        self.offset = -1
        self.bit_offset = -1

    @property
    def field_name(self) -> str:
        """The field name (the protocol codec's attribute name)."""
        return self.name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldDescriptor) and self.name == other.name and self.kind == other.kind

    def __hash__(self) -> int:
        return hash((self.name, self.kind))

    def __repr__(self) -> str:
        return "FieldDescriptor(name=%s, kind=%s, index=%s, offset=%s, bit_offset=%s)" % (
            self.name, self.kind.name, self.index, self.offset, self.bit_offset
        )


class Schema:
    """The fields of one version of a Compact type, with their layout and
    the schema id (the Rabin fingerprint).

    Args:
        type_name: The type name.
        fields: The fields, in any order (a list, or a dict of name to field).

    Raises:
        HazelcastSerializationError: If two fields have the same name.
    """

    def __init__(
        self,
        type_name: str,
        fields: typing.Union[typing.Iterable[FieldDescriptor], typing.Dict[str, FieldDescriptor]],
    ):
        if isinstance(fields, dict):
            fields = fields.values()
        fields_dict: typing.Dict[str, FieldDescriptor] = {}
        for field in fields:
            # fields may come from the protocol codec: copy, keeping name and kind
            name = getattr(field, "name", None)
            if name is None:
                name = field.field_name
            if name in fields_dict:
                raise HazelcastSerializationError(
                    "duplicate field %s in the schema of %s" % (name, type_name)
                )
            fields_dict[name] = FieldDescriptor(name, field.kind)
        self.type_name = type_name
        self.fields: typing.List[FieldDescriptor] = sorted(
            fields_dict.values(), key=lambda f: _java_string_order(f.name)
        )
        self.fields_dict = {f.name: f for f in self.fields}
        self._lay_out()
        self.schema_id = rabin_fingerprint64(type_name, self.fields)

    def _lay_out(self) -> None:
        fixed, booleans, variable = [], [], []
        for field in self.fields:
            size = kind_size_in_bytes(field.kind)
            if size == _VARIABLE_SIZE:
                variable.append(field)
            elif field.kind == FieldKind.BOOLEAN:
                booleans.append(field)
            else:
                fixed.append(field)
        # biggest first keeps every field aligned; the sort is stable, as Java's
        fixed.sort(key=lambda f: -kind_size_in_bytes(f.kind))
        offset = 0
        for field in fixed:
            field.offset = offset
            offset += kind_size_in_bytes(field.kind)
        for bit, field in enumerate(booleans):
            field.offset = offset + bit // 8
            field.bit_offset = bit % 8
        offset += (len(booleans) + 7) // 8
        self.fixed_size_fields_length = offset
        for index, field in enumerate(variable):
            field.index = index
        self.number_of_var_size_fields = len(variable)

    def get_field(self, field_name: str) -> typing.Optional[FieldDescriptor]:
        return self.fields_dict.get(field_name, None)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Schema)
            and self.schema_id == other.schema_id
            and self.type_name == other.type_name
            and self.fields == other.fields
        )

    def __hash__(self) -> int:
        return hash(self.schema_id)

    def __repr__(self) -> str:
        return "Schema(type_name=%s, schema_id=%s, fields=%s)" % (
            self.type_name, self.schema_id, [(f.name, f.kind.name) for f in self.fields]
        )


# ---------------------------------------------------------------- field values

# variable-size single values: kind -> (write(out, value), read(inp))
_NULLABLE_ITEM_IO = {
    FieldKind.NULLABLE_BOOLEAN: ("write_boolean", "read_boolean"),
    FieldKind.NULLABLE_INT8: ("write_byte", "read_byte"),
    FieldKind.NULLABLE_INT16: ("write_short", "read_short"),
    FieldKind.NULLABLE_INT32: ("write_int", "read_int"),
    FieldKind.NULLABLE_INT64: ("write_long", "read_long"),
    FieldKind.NULLABLE_FLOAT32: ("write_float", "read_float"),
    FieldKind.NULLABLE_FLOAT64: ("write_double", "read_double"),
}
_PRIMITIVE_ARRAY_IO = {
    FieldKind.ARRAY_OF_INT16: ("write_short_array", "read_short_array"),
    FieldKind.ARRAY_OF_INT32: ("write_int_array", "read_int_array"),
    FieldKind.ARRAY_OF_INT64: ("write_long_array", "read_long_array"),
    FieldKind.ARRAY_OF_FLOAT32: ("write_float_array", "read_float_array"),
    FieldKind.ARRAY_OF_FLOAT64: ("write_double_array", "read_double_array"),
}


def _method(name):
    def call(stream, *args):
        return getattr(stream, name)(*args)

    return call


_OBJECT_WRITERS = {
    FieldKind.STRING: _method("write_string"),
    FieldKind.DECIMAL: write_big_decimal,
    FieldKind.TIME: write_local_time,
    FieldKind.DATE: write_local_date,
    FieldKind.TIMESTAMP: write_local_date_time,
    FieldKind.TIMESTAMP_WITH_TIMEZONE: write_offset_date_time,
}
_OBJECT_READERS = {
    FieldKind.STRING: _method("read_string"),
    FieldKind.DECIMAL: read_big_decimal,
    FieldKind.TIME: read_local_time,
    FieldKind.DATE: read_local_date,
    FieldKind.TIMESTAMP: read_local_date_time,
    FieldKind.TIMESTAMP_WITH_TIMEZONE: read_offset_date_time,
}
for _kind, (_write, _read) in _NULLABLE_ITEM_IO.items():
    _OBJECT_WRITERS[_kind] = _method(_write)
    _OBJECT_READERS[_kind] = _method(_read)
del _kind, _write, _read

# array kind -> the kind of its items (arrays written item by item with offsets)
_ARRAY_ITEM_KIND = {
    FieldKind.ARRAY_OF_STRING: FieldKind.STRING,
    FieldKind.ARRAY_OF_DECIMAL: FieldKind.DECIMAL,
    FieldKind.ARRAY_OF_TIME: FieldKind.TIME,
    FieldKind.ARRAY_OF_DATE: FieldKind.DATE,
    FieldKind.ARRAY_OF_TIMESTAMP: FieldKind.TIMESTAMP,
    FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE: FieldKind.TIMESTAMP_WITH_TIMEZONE,
    FieldKind.ARRAY_OF_COMPACT: FieldKind.COMPACT,
    FieldKind.ARRAY_OF_NULLABLE_BOOLEAN: FieldKind.NULLABLE_BOOLEAN,
    FieldKind.ARRAY_OF_NULLABLE_INT8: FieldKind.NULLABLE_INT8,
    FieldKind.ARRAY_OF_NULLABLE_INT16: FieldKind.NULLABLE_INT16,
    FieldKind.ARRAY_OF_NULLABLE_INT32: FieldKind.NULLABLE_INT32,
    FieldKind.ARRAY_OF_NULLABLE_INT64: FieldKind.NULLABLE_INT64,
    FieldKind.ARRAY_OF_NULLABLE_FLOAT32: FieldKind.NULLABLE_FLOAT32,
    FieldKind.ARRAY_OF_NULLABLE_FLOAT64: FieldKind.NULLABLE_FLOAT64,
}


def _write_offsets(out, data_length: int, offsets: typing.Sequence[int]) -> None:
    if data_length < _BYTE_OFFSET_RANGE:
        for offset in offsets:
            out.write_byte(offset)
    elif data_length < _SHORT_OFFSET_RANGE:
        for offset in offsets:
            out.write_short(offset)
    else:
        for offset in offsets:
            out.write_int(offset)


def _offset_reader(data_length: int):
    """Returns ``read(inp, offsets_position, index) -> offset or -1`` for
    the offset size the data length implies."""
    if data_length < _BYTE_OFFSET_RANGE:

        def read_byte_offset(inp, position, index):
            offset = inp.read_byte(position + index)
            return NULL_OFFSET if offset == -1 else offset & 0xFF

        return read_byte_offset
    if data_length < _SHORT_OFFSET_RANGE:

        def read_short_offset(inp, position, index):
            offset = inp.read_short(position + index * 2)
            return NULL_OFFSET if offset == -1 else offset & 0xFFFF

        return read_short_offset

    def read_int_offset(inp, position, index):
        return inp.read_int(position + index * 4)

    return read_int_offset


def _write_boolean_bits(out, values) -> None:
    out.write_int(len(values))
    packed = bytearray((len(values) + 7) // 8)
    for i, value in enumerate(values):
        if value:
            packed[i >> 3] |= 1 << (i & 7)
    out.write_from(packed)


def _read_boolean_bits(inp) -> typing.Optional[typing.List[bool]]:
    length = inp.read_int()
    if length == NULL_ARRAY_LENGTH:
        return None
    size = (length + 7) // 8
    if length < 0 or size > inp.size() - inp.position():
        raise HazelcastSerializationError("invalid boolean array length %d" % length)
    packed = inp.read_into(bytearray(size))
    return [bool(packed[i >> 3] & (1 << (i & 7))) for i in range(length)]


def _read_int8_array(inp) -> typing.Optional[typing.List[int]]:
    raw = inp.read_byte_array()
    if raw is None:
        return None
    return list(memoryview(bytes(raw)).cast("b"))


# ---------------------------------------------------------------- writers


class SchemaWriter(CompactWriter):
    """Records the fields a Compact serializer writes as a schema.

    Args:
        type_name: The type name of the schema.
    """

    def __init__(self, type_name: str):
        self._type_name = type_name
        self._fields: typing.Dict[str, FieldDescriptor] = {}

    def _add(self, field_name: str, kind: FieldKind) -> None:
        if field_name in self._fields:
            raise HazelcastSerializationError(
                "field %s is written twice for Compact type %s" % (field_name, self._type_name)
            )
        self._fields[field_name] = FieldDescriptor(field_name, kind)

    def build(self) -> Schema:
        return Schema(self._type_name, list(self._fields.values()))


class DefaultCompactWriter(CompactWriter):
    """Writes the fields of an object following a schema.

    Args:
        compact_serializer: Writes nested Compact objects.
        out: The output.
        schema: The schema of the object.
    """

    def __init__(self, compact_serializer: "CompactStreamSerializer", out: "_ObjectDataOutput", schema: Schema):
        self._serializer = compact_serializer
        self._out = out
        self._schema = schema
        self._order = ">" if out.get_byte_order() == "BIG_ENDIAN" else "<"
        self._fixed = bytearray(schema.fixed_size_fields_length)
        # Variable-size values are written at end(), after the fixed-size
        # section (which the output cannot patch later), in write order.
        self._pending: typing.List[typing.Tuple[FieldDescriptor, typing.Any, typing.Any]] = []

    def _field(self, field_name: str, kind: FieldKind) -> FieldDescriptor:
        field = self._schema.fields_dict.get(field_name, None)
        if field is None:
            raise HazelcastSerializationError(
                "invalid field name %s for %s" % (field_name, self._schema)
            )
        if field.kind != kind:
            raise HazelcastSerializationError(
                "invalid field kind %s for field %s of %s: it is %s"
                % (kind.name, field_name, self._schema.type_name, field.kind.name)
            )
        return field

    def _write_fixed(self, field_name: str, kind: FieldKind, value) -> None:
        field = self._field(field_name, kind)
        try:
            struct.pack_into(self._order + _FIXED_CODES[kind], self._fixed, field.offset, value)
        except struct.error as e:
            raise HazelcastSerializationError(
                "cannot write %r as %s field %s: %s" % (value, kind.name, field_name, e)
            ) from None

    def _write_boolean(self, field_name: str, value) -> None:
        field = self._field(field_name, FieldKind.BOOLEAN)
        if value:
            self._fixed[field.offset] |= 1 << field.bit_offset
        else:
            self._fixed[field.offset] &= ~(1 << field.bit_offset) & 0xFF

    def _write_variable(self, field_name: str, kind: FieldKind, value, write) -> None:
        field = self._field(field_name, kind)
        if value is not None:
            self._pending.append((field, value, write))

    def _write_item_array(self, out, items, item_kind) -> None:
        write = self._item_writer(item_kind)
        length_position = out.position()
        out.write_zero_bytes(4)
        out.write_int(len(items))
        start = out.position()
        offsets = []
        for item in items:
            if item is None:
                offsets.append(NULL_OFFSET)
            else:
                offsets.append(out.position() - start)
                write(out, item)
        data_length = out.position() - start
        out.write_int_positional(data_length, length_position)
        _write_offsets(out, data_length, offsets)

    def _item_writer(self, kind):
        if kind == FieldKind.COMPACT:
            return self._serializer.write_object
        return _OBJECT_WRITERS[kind]

    def end(self) -> None:
        """Writes the fields: data length, fixed-size fields, variable-size
        fields and their offsets."""
        out = self._out
        count = self._schema.number_of_var_size_fields
        if not count:
            out.write_from(self._fixed)
            return
        length_position = out.position()
        out.write_zero_bytes(4)
        data_start = out.position()
        out.write_from(self._fixed)
        offsets = [NULL_OFFSET] * count
        for field, value, write in self._pending:
            offsets[field.index] = out.position() - data_start
            write(out, value)
        data_length = out.position() - data_start
        _write_offsets(out, data_length, offsets)
        out.write_int_positional(data_length, length_position)


class DefaultCompactReader(CompactReader):
    """Reads the fields of an object written with a schema; leaves the
    input at the end of the object.

    Args:
        compact_serializer: Reads nested Compact objects.
        inp: The input, at the start of the object (after its schema id).
        schema: The schema the object was written with.
    """

    def __init__(self, compact_serializer: "CompactStreamSerializer", inp: "_ObjectDataInput", schema: Schema):
        self._serializer = compact_serializer
        self._in = inp
        self._schema = schema
        count = schema.number_of_var_size_fields
        if count:
            data_length = inp.read_int()
            self._data_start = inp.position()
            if data_length < 0 or data_length > inp.size() - self._data_start:
                raise HazelcastSerializationError(
                    "invalid Compact data length %d at position %d" % (data_length, self._data_start - 4)
                )
            self._offsets_position = self._data_start + data_length
            if data_length < _BYTE_OFFSET_RANGE:
                end = self._offsets_position + count
            elif data_length < _SHORT_OFFSET_RANGE:
                end = self._offsets_position + count * 2
            else:
                end = self._offsets_position + count * 4
            self._read_offset = _offset_reader(data_length)
        else:
            self._data_start = inp.position()
            self._offsets_position = 0
            end = self._data_start + schema.fixed_size_fields_length
            self._read_offset = None
        inp.set_position(end)

    def get_field_kind(self, field_name: str) -> FieldKind:
        field = self._schema.fields_dict.get(field_name, None)
        return FieldKind.NOT_AVAILABLE if field is None else field.kind

    def _field(self, field_name: str) -> FieldDescriptor:
        field = self._schema.fields_dict.get(field_name, None)
        if field is None:
            raise HazelcastSerializationError(
                "unknown field name %s for %s" % (field_name, self._schema)
            )
        return field

    def _read_variable(self, field: FieldDescriptor, read):
        inp = self._in
        offset = self._read_offset(inp, self._offsets_position, field.index)
        if offset == NULL_OFFSET:
            return None
        current = inp.position()
        try:
            inp.set_position(self._data_start + offset)
            return read(inp)
        finally:
            inp.set_position(current)

    def _read_fixed(self, field: FieldDescriptor):
        inp = self._in
        position = self._data_start + field.offset
        kind = field.kind
        if kind == FieldKind.BOOLEAN:
            return bool(inp.read_byte(position) & (1 << field.bit_offset))
        return _FIXED_READERS[kind](inp, position)

    def _read_item_array(self, inp, item_kind):
        read = self._item_reader(item_kind)
        data_length = inp.read_int()
        count = inp.read_int()
        start = inp.position()
        if data_length < 0 or count < 0 or data_length > inp.size() - start or count > inp.size() - start - data_length:
            raise HazelcastSerializationError(
                "invalid Compact array: %d items in %d bytes at position %d" % (count, data_length, start)
            )
        read_offset = _offset_reader(data_length)
        offsets_position = start + data_length
        values: typing.List[typing.Any] = []
        for i in range(count):
            offset = read_offset(inp, offsets_position, i)
            if offset == NULL_OFFSET:
                values.append(None)
            else:
                inp.set_position(start + offset)
                values.append(read(inp))
        return values

    def _item_reader(self, kind):
        if kind == FieldKind.COMPACT:
            return self._serializer.read_object
        return _OBJECT_READERS[kind]

    def _unexpected(self, field: FieldDescriptor, method: str) -> HazelcastSerializationError:
        return HazelcastSerializationError(
            "cannot read field %s of %s with %s: its kind is %s"
            % (field.name, self._schema.type_name, method, field.kind.name)
        )


def _null_error(field: FieldDescriptor, method: str, nullable_method: str) -> HazelcastSerializationError:
    return HazelcastSerializationError(
        "field %s is None: None cannot be read with %s, use %s instead" % (field.name, method, nullable_method)
    )


_FIXED_READERS = {
    FieldKind.INT8: lambda inp, pos: inp.read_byte(pos),
    FieldKind.INT16: lambda inp, pos: inp.read_short(pos),
    FieldKind.INT32: lambda inp, pos: inp.read_int(pos),
    FieldKind.INT64: lambda inp, pos: inp.read_long(pos),
    FieldKind.FLOAT32: lambda inp, pos: inp.read_float(pos),
    FieldKind.FLOAT64: lambda inp, pos: inp.read_double(pos),
}


# -- generate the writer and reader methods of every kind ------------------------

_PRIMITIVES = [
    # name, kind, nullable kind, array kind, nullable array kind
    ("boolean", FieldKind.BOOLEAN, FieldKind.NULLABLE_BOOLEAN, FieldKind.ARRAY_OF_BOOLEAN, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN),
    ("int8", FieldKind.INT8, FieldKind.NULLABLE_INT8, FieldKind.ARRAY_OF_INT8, FieldKind.ARRAY_OF_NULLABLE_INT8),
    ("int16", FieldKind.INT16, FieldKind.NULLABLE_INT16, FieldKind.ARRAY_OF_INT16, FieldKind.ARRAY_OF_NULLABLE_INT16),
    ("int32", FieldKind.INT32, FieldKind.NULLABLE_INT32, FieldKind.ARRAY_OF_INT32, FieldKind.ARRAY_OF_NULLABLE_INT32),
    ("int64", FieldKind.INT64, FieldKind.NULLABLE_INT64, FieldKind.ARRAY_OF_INT64, FieldKind.ARRAY_OF_NULLABLE_INT64),
    ("float32", FieldKind.FLOAT32, FieldKind.NULLABLE_FLOAT32, FieldKind.ARRAY_OF_FLOAT32, FieldKind.ARRAY_OF_NULLABLE_FLOAT32),
    ("float64", FieldKind.FLOAT64, FieldKind.NULLABLE_FLOAT64, FieldKind.ARRAY_OF_FLOAT64, FieldKind.ARRAY_OF_NULLABLE_FLOAT64),
]
_OBJECTS = [
    ("string", FieldKind.STRING, FieldKind.ARRAY_OF_STRING),
    ("decimal", FieldKind.DECIMAL, FieldKind.ARRAY_OF_DECIMAL),
    ("time", FieldKind.TIME, FieldKind.ARRAY_OF_TIME),
    ("date", FieldKind.DATE, FieldKind.ARRAY_OF_DATE),
    ("timestamp", FieldKind.TIMESTAMP, FieldKind.ARRAY_OF_TIMESTAMP),
    ("timestamp_with_timezone", FieldKind.TIMESTAMP_WITH_TIMEZONE, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE),
    ("compact", FieldKind.COMPACT, FieldKind.ARRAY_OF_COMPACT),
]


def _primitive_array_writer(array_kind):
    if array_kind == FieldKind.ARRAY_OF_BOOLEAN:
        return _write_boolean_bits
    if array_kind == FieldKind.ARRAY_OF_INT8:
        return _method("write_byte_array")
    return _method(_PRIMITIVE_ARRAY_IO[array_kind][0])


def _primitive_array_reader(array_kind):
    if array_kind == FieldKind.ARRAY_OF_BOOLEAN:
        return _read_boolean_bits
    if array_kind == FieldKind.ARRAY_OF_INT8:
        return _read_int8_array
    return _method(_PRIMITIVE_ARRAY_IO[array_kind][1])


def _annotate(method, interface) -> None:
    # A generated method gets the annotations of the api method it implements
    # (strings: datetime, decimal and typing resolve here too).
    method.__annotations__ = dict(getattr(interface, method.__name__).__annotations__)


def _define_schema_writer(method_name, kind):
    def write(self, field_name, value):
        self._add(field_name, kind)

    write.__name__ = method_name
    _annotate(write, CompactWriter)
    setattr(SchemaWriter, method_name, write)


def _define_primitive(name, kind, nullable_kind, array_kind, nullable_array_kind):
    cap = name
    read_name, nullable_name = "read_" + cap, "read_nullable_" + cap
    array_name, nullable_array_name = "read_array_of_" + cap, "read_array_of_nullable_" + cap
    item_read = _OBJECT_READERS[nullable_kind]
    array_write = _primitive_array_writer(array_kind)
    array_read = _primitive_array_reader(array_kind)

    # writers
    if kind == FieldKind.BOOLEAN:

        def write(self, field_name, value):
            self._write_boolean(field_name, value)

    else:

        def write(self, field_name, value):
            self._write_fixed(field_name, kind, value)

    def write_nullable(self, field_name, value):
        self._write_variable(field_name, nullable_kind, value, _OBJECT_WRITERS[nullable_kind])

    def write_array(self, field_name, value):
        self._write_variable(field_name, array_kind, value, array_write)

    def write_nullable_array(self, field_name, value):
        self._write_variable(
            field_name, nullable_array_kind, value,
            lambda out, items: self._write_item_array(out, items, nullable_kind),
        )

    # readers: the nullable and non-nullable kinds read each other, as in Java
    def read(self, field_name):
        field = self._field(field_name)
        if field.kind == kind:
            return self._read_fixed(field)
        if field.kind == nullable_kind:
            value = self._read_variable(field, item_read)
            if value is None:
                raise _null_error(field, read_name, nullable_name)
            return value
        raise self._unexpected(field, read_name)

    def read_nullable(self, field_name):
        field = self._field(field_name)
        if field.kind == kind:
            return self._read_fixed(field)
        if field.kind == nullable_kind:
            return self._read_variable(field, item_read)
        raise self._unexpected(field, nullable_name)

    def read_array(self, field_name):
        field = self._field(field_name)
        if field.kind == array_kind:
            return self._read_variable(field, array_read)
        if field.kind == nullable_array_kind:
            values = self._read_variable(field, lambda inp: self._read_item_array(inp, nullable_kind))
            if values is not None and any(v is None for v in values):
                raise _null_error(field, array_name, nullable_array_name)
            return values
        raise self._unexpected(field, array_name)

    def read_nullable_array(self, field_name):
        field = self._field(field_name)
        if field.kind == array_kind:
            return self._read_variable(field, array_read)
        if field.kind == nullable_array_kind:
            return self._read_variable(field, lambda inp: self._read_item_array(inp, nullable_kind))
        raise self._unexpected(field, nullable_array_name)

    for method_name, method in [
        ("write_" + cap, write),
        ("write_nullable_" + cap, write_nullable),
        ("write_array_of_" + cap, write_array),
        ("write_array_of_nullable_" + cap, write_nullable_array),
    ]:
        method.__name__ = method_name
        _annotate(method, CompactWriter)
        setattr(DefaultCompactWriter, method_name, method)
    for reader_name, reader in [
        (read_name, read),
        (nullable_name, read_nullable),
        (array_name, read_array),
        (nullable_array_name, read_nullable_array),
    ]:
        reader.__name__ = reader_name
        _annotate(reader, CompactReader)
        setattr(DefaultCompactReader, reader_name, reader)
    _define_schema_writer("write_" + cap, kind)
    _define_schema_writer("write_nullable_" + cap, nullable_kind)
    _define_schema_writer("write_array_of_" + cap, array_kind)
    _define_schema_writer("write_array_of_nullable_" + cap, nullable_array_kind)


def _define_object(name, kind, array_kind):
    def write(self, field_name, value):
        self._write_variable(field_name, kind, value, self._item_writer(kind))

    def write_array(self, field_name, value):
        self._write_variable(
            field_name, array_kind, value, lambda out, items: self._write_item_array(out, items, kind)
        )

    def read(self, field_name):
        field = self._field(field_name)
        if field.kind != kind:
            raise self._unexpected(field, "read_" + name)
        return self._read_variable(field, self._item_reader(kind))

    def read_array(self, field_name):
        field = self._field(field_name)
        if field.kind != array_kind:
            raise self._unexpected(field, "read_array_of_" + name)
        return self._read_variable(field, lambda inp: self._read_item_array(inp, kind))

    for cls, method_name, method in [
        (DefaultCompactWriter, "write_" + name, write),
        (DefaultCompactWriter, "write_array_of_" + name, write_array),
        (DefaultCompactReader, "read_" + name, read),
        (DefaultCompactReader, "read_array_of_" + name, read_array),
    ]:
        method.__name__ = method_name
        _annotate(method, CompactReader if cls is DefaultCompactReader else CompactWriter)
        setattr(cls, method_name, method)
    _define_schema_writer("write_" + name, kind)
    _define_schema_writer("write_array_of_" + name, array_kind)


for _primitive in _PRIMITIVES:
    _define_primitive(*_primitive)
for _object in _OBJECTS:
    _define_object(*_object)
del _primitive, _object


def _define_or_default(read_name: str, kind: FieldKind) -> None:
    # As the official reader's: the default when the schema has no such field, or
    # has it with another kind (a field added or changed by a later class version).
    read = getattr(DefaultCompactReader, read_name)

    def read_or_default(self, field_name, default):
        field = self._schema.fields_dict.get(field_name, None)
        if field is None or field.kind != kind:
            return default
        return read(self, field_name)

    read_or_default.__name__ = read_name + "_or_default"
    # the value type of CompactReader's read_<kind>
    value_type = typing.get_type_hints(getattr(CompactReader, read_name))["return"]
    read_or_default.__annotations__ = {"field_name": str, "default": value_type, "return": value_type}
    setattr(DefaultCompactReader, read_or_default.__name__, read_or_default)


for _read_name in [n for n in vars(DefaultCompactReader) if n.startswith("read_")]:
    _define_or_default(_read_name, FieldKind[_read_name[len("read_"):].upper()])
del _read_name

# the generated methods implement the abstract ones
for _cls in (SchemaWriter, DefaultCompactWriter, DefaultCompactReader):
    _cls.__abstractmethods__ = frozenset()
del _cls


# ---------------------------------------------------------------- the serializer


class CompactStreamSerializer(BaseSerializer):
    """Serializes the objects of the classes of ``compact_serializers``
    (type id -55): the schema id (int64), then the fields.

    Args:
        compact_serializers: The user's Compact serializers.

    Raises:
        HazelcastSerializationError: If two serializers share a class or a
            type name.
    """

    def __init__(self, compact_serializers: typing.Sequence[CompactSerializer]):
        self._by_class: typing.Dict[type, CompactSerializer] = {}
        self._by_type_name: typing.Dict[str, CompactSerializer] = {}
        for serializer in compact_serializers or []:
            clazz = serializer.get_class()
            type_name = serializer.get_type_name()
            if clazz in self._by_class:
                raise HazelcastSerializationError("duplicate Compact serializer for class %s" % clazz)
            if type_name in self._by_type_name:
                raise HazelcastSerializationError("duplicate Compact serializer for type name %s" % type_name)
            self._by_class[clazz] = serializer
            self._by_type_name[type_name] = serializer
        self._type_to_schema: typing.Dict[type, Schema] = {}
        self._id_to_schema: typing.Dict[int, Schema] = {}
        self._lock = threading.Lock()

    def get_type_id(self) -> int:
        return TYPE_COMPACT

    def is_registered_as_compact(self, clazz: type) -> bool:
        """Returns whether a class has a Compact serializer."""
        return clazz in self._by_class

    # -- schemas -------------------------------------------------------------

    def register_schema_to_type(self, schema: Schema, clazz: type) -> None:
        """Records that the cluster knows the schema of a class."""
        with self._lock:
            self._id_to_schema[schema.schema_id] = schema
            self._type_to_schema[clazz] = schema

    def register_schema_to_id(self, schema: Schema) -> None:
        """Records a schema fetched from the cluster."""
        with self._lock:
            self._id_to_schema[schema.schema_id] = schema

    def get_schemas(self) -> typing.List[Schema]:
        """Returns the schemas known to the cluster, to send them again to a
        new cluster."""
        return list(self._id_to_schema.values())

    def get_schema(self, schema_id: int) -> typing.Optional[Schema]:
        return self._id_to_schema.get(schema_id, None)

    # -- writing ---------------------------------------------------------------

    def write(self, out: ObjectDataOutput, obj: typing.Any) -> None:
        self.write_object(out, obj)  # type: ignore[arg-type]  # the service's stream is an _ObjectDataOutput

    def write_object(self, out: "_ObjectDataOutput", obj: typing.Any) -> None:
        """Writes the schema id, then the fields of ``obj``.

        Raises:
            SchemaNotReplicatedError: If the object needs a schema the
                cluster does not know yet.
        """
        clazz = type(obj)
        serializer = self._by_class.get(clazz, None)
        if serializer is None:
            raise HazelcastSerializationError("no Compact serializer is registered for %s" % clazz)
        schema = self._type_to_schema.get(clazz, None)
        if schema is None:
            schema_writer = SchemaWriter(serializer.get_type_name())  # type: ignore[abstract]  # methods generated at import, see _define_primitive
            serializer.write(schema_writer, obj)
            schema = schema_writer.build()
            if schema.schema_id not in self._id_to_schema:
                raise SchemaNotReplicatedError(schema, clazz)
            # fetched from the cluster before: known there
            self.register_schema_to_type(schema, clazz)
        out.write_long(schema.schema_id)
        writer = DefaultCompactWriter(self, out, schema)  # type: ignore[abstract]  # methods generated at import, see _define_primitive
        depth = _nesting.enter("write")
        try:
            serializer.write(writer, obj)
        finally:
            _nesting.leave(depth)
        writer.end()

    # -- reading ---------------------------------------------------------------

    def read(self, inp: ObjectDataInput) -> typing.Any:
        return self.read_object(inp)  # type: ignore[arg-type]  # the service's _ObjectDataInput

    def read_object(self, inp: "_ObjectDataInput") -> typing.Any:
        """Reads an object written by :func:`write_object`.

        Raises:
            SchemaNotFoundError: If the schema id is unknown.
        """
        schema_id = inp.read_long()
        schema = self._id_to_schema.get(schema_id, None)
        if schema is None:
            raise SchemaNotFoundError(schema_id)
        serializer = self._by_type_name.get(schema.type_name, None)
        if serializer is None:
            raise HazelcastSerializationError(
                "no Compact serializer is registered for type name %s (see compact_serializers)"
                % schema.type_name
            )
        depth = _nesting.enter("read")
        try:
            return serializer.read(DefaultCompactReader(self, inp, schema))  # type: ignore[abstract]  # methods generated at import, see _define_primitive
        finally:
            _nesting.leave(depth)

    def destroy(self) -> None:
        pass
