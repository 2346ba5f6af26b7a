"""Portable writers: DefaultPortableWriter writes the binary form,
ClassDefinitionWriter records the fields a Portable writes as a class
definition.

Binary form of one Portable (after factory id, class id and version)::

    int     end position of the Portable
    int     field count n
    int[n+1] position of each field, then of the raw data
    fields: short name length, name (one byte a char), byte type, value
    raw data (get_raw_data_output)

Positions are absolute within the whole serialized buffer, as in Java.
"""

from __future__ import annotations

import datetime
import decimal
import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import ObjectDataOutput, Portable, PortableWriter
from hazelcast.serialization.bits import INT_SIZE_IN_BYTES, NULL_ARRAY_LENGTH
from hazelcast.serialization.portable.classdef import (
    ClassDefinition,
    ClassDefinitionBuilder,
    FieldType,
    field_type_name,
)
from hazelcast.serialization.serializer import (
    write_big_decimal,
    write_short_year_date,
    write_short_year_date_time,
    write_local_time,
    write_short_year_offset_date_time,
)

if typing.TYPE_CHECKING:
    from hazelcast.serialization.output import _ObjectDataOutput
    from hazelcast.serialization.portable.context import PortableContext
    from hazelcast.serialization.portable.serializer import PortableSerializer

__all__ = ["DefaultPortableWriter", "ClassDefinitionWriter"]


class DefaultPortableWriter(PortableWriter):
    """Writes the fields of a Portable, checked against its class definition.

    Args:
        portable_serializer: Writes nested Portables.
        output: The output (an ``ObjectDataOutput`` of the service).
        class_def: The class definition the fields must follow.
    """

    def __init__(self, portable_serializer: "PortableSerializer", output: "_ObjectDataOutput", class_def: ClassDefinition):
        self._serializer = portable_serializer
        self._out = output
        self._class_def = class_def
        self._written_fields: typing.Set[str] = set()
        self._raw = False
        self._begin = output.position()
        output.write_zero_bytes(4)  # end position, known at end()
        output.write_int(class_def.get_field_count())
        self._offset = output.position()
        # one more slot: the position of the raw data
        output.write_zero_bytes((class_def.get_field_count() + 1) * INT_SIZE_IN_BYTES)

    # -- primitives --------------------------------------------------------

    def write_int(self, field_name: str, value: int) -> None:
        self._set_position(field_name, FieldType.INT)
        self._out.write_int(value)

    def write_long(self, field_name: str, value: int) -> None:
        self._set_position(field_name, FieldType.LONG)
        self._out.write_long(value)

    def write_string(self, field_name: str, value: str) -> None:
        self._set_position(field_name, FieldType.STRING)
        self._out.write_string(value)

    def write_utf(self, field_name: str, value: str) -> None:
        self.write_string(field_name, value)

    def write_boolean(self, field_name: str, value: bool) -> None:
        self._set_position(field_name, FieldType.BOOLEAN)
        self._out.write_boolean(value)

    def write_byte(self, field_name: str, value: int) -> None:
        self._set_position(field_name, FieldType.BYTE)
        self._out.write_byte(value)

    def write_char(self, field_name: str, value: str) -> None:
        self._set_position(field_name, FieldType.CHAR)
        self._out.write_char(value)

    def write_double(self, field_name: str, value: float) -> None:
        self._set_position(field_name, FieldType.DOUBLE)
        self._out.write_double(value)

    def write_float(self, field_name: str, value: float) -> None:
        self._set_position(field_name, FieldType.FLOAT)
        self._out.write_float(value)

    def write_short(self, field_name: str, value: int) -> None:
        self._set_position(field_name, FieldType.SHORT)
        self._out.write_short(value)

    # -- nullable objects: a boolean "is null", then the value -------------

    def _write_nullable(self, field_name, field_type, value, write) -> None:
        self._set_position(field_name, field_type)
        is_null = value is None
        self._out.write_boolean(is_null)
        if not is_null:
            write(self._out, value)

    def write_decimal(self, field_name: str, value: decimal.Decimal) -> None:
        self._write_nullable(field_name, FieldType.DECIMAL, value, write_big_decimal)

    def write_time(self, field_name: str, value: datetime.time) -> None:
        self._write_nullable(field_name, FieldType.TIME, value, write_local_time)

    def write_date(self, field_name: str, value: datetime.date) -> None:
        self._write_nullable(field_name, FieldType.DATE, value, write_short_year_date)

    def write_timestamp(self, field_name: str, value: datetime.datetime) -> None:
        self._write_nullable(field_name, FieldType.TIMESTAMP, value, write_short_year_date_time)

    def write_timestamp_with_timezone(self, field_name: str, value: datetime.datetime) -> None:
        self._write_nullable(field_name, FieldType.TIMESTAMP_WITH_TIMEZONE, value, write_short_year_offset_date_time)

    # -- nested Portables --------------------------------------------------

    def write_portable(self, field_name: str, portable: Portable) -> None:
        field_def = self._set_position(field_name, FieldType.PORTABLE)
        is_null = portable is None
        out = self._out
        out.write_boolean(is_null)
        out.write_int(field_def.factory_id)
        out.write_int(field_def.class_id)
        if not is_null:
            _check_portable_attributes(field_def, portable)
            self._serializer.write_internal(out, portable)

    def write_null_portable(self, field_name: str, factory_id: int, class_id: int) -> None:
        self._set_position(field_name, FieldType.PORTABLE)
        out = self._out
        out.write_boolean(True)
        out.write_int(factory_id)
        out.write_int(class_id)

    def write_portable_array(self, field_name: str, values: typing.Sequence[Portable]) -> None:
        field_def = self._set_position(field_name, FieldType.PORTABLE_ARRAY)
        out = self._out
        length = NULL_ARRAY_LENGTH if values is None else len(values)
        out.write_int(length)
        out.write_int(field_def.factory_id)
        out.write_int(field_def.class_id)
        if length > 0:
            offset = out.position()
            out.write_zero_bytes(length * INT_SIZE_IN_BYTES)
            for i, portable in enumerate(values):
                _check_portable_attributes(field_def, portable)
                out.write_int_positional(out.position(), offset + i * INT_SIZE_IN_BYTES)
                self._serializer.write_internal(out, portable)

    # -- arrays --------------------------------------------------------------

    def write_byte_array(self, field_name: str, values: bytearray) -> None:
        self._set_position(field_name, FieldType.BYTE_ARRAY)
        self._out.write_byte_array(values)

    def write_boolean_array(self, field_name: str, values: typing.Sequence[bool]) -> None:
        self._set_position(field_name, FieldType.BOOLEAN_ARRAY)
        self._out.write_boolean_array(values)

    def write_char_array(self, field_name: str, values: typing.Sequence[str]) -> None:
        self._set_position(field_name, FieldType.CHAR_ARRAY)
        self._out.write_char_array(values)

    def write_int_array(self, field_name: str, values: typing.Sequence[int]) -> None:
        self._set_position(field_name, FieldType.INT_ARRAY)
        self._out.write_int_array(values)

    def write_long_array(self, field_name: str, values: typing.Sequence[int]) -> None:
        self._set_position(field_name, FieldType.LONG_ARRAY)
        self._out.write_long_array(values)

    def write_double_array(self, field_name: str, values: typing.Sequence[float]) -> None:
        self._set_position(field_name, FieldType.DOUBLE_ARRAY)
        self._out.write_double_array(values)

    def write_float_array(self, field_name: str, values: typing.Sequence[float]) -> None:
        self._set_position(field_name, FieldType.FLOAT_ARRAY)
        self._out.write_float_array(values)

    def write_short_array(self, field_name: str, values: typing.Sequence[int]) -> None:
        self._set_position(field_name, FieldType.SHORT_ARRAY)
        self._out.write_short_array(values)

    def write_string_array(self, field_name: str, values: typing.Sequence[str]) -> None:
        self._set_position(field_name, FieldType.STRING_ARRAY)
        self._out.write_string_array(values)

    def write_utf_array(self, field_name: str, values: typing.Sequence[str]) -> None:
        self.write_string_array(field_name, values)

    def _write_object_array(self, field_name, field_type, values, write) -> None:
        # length, a position per item, then the items
        self._set_position(field_name, field_type)
        out = self._out
        length = NULL_ARRAY_LENGTH if values is None else len(values)
        out.write_int(length)
        if length > 0:
            offset = out.position()
            out.write_zero_bytes(length * INT_SIZE_IN_BYTES)
            for i, value in enumerate(values):
                if value is None:
                    raise HazelcastSerializationError(
                        "the items of array field %s cannot be None" % field_name
                    )
                out.write_int_positional(out.position(), offset + i * INT_SIZE_IN_BYTES)
                write(out, value)

    def write_decimal_array(self, field_name: str, values: typing.Sequence[decimal.Decimal]) -> None:
        self._write_object_array(field_name, FieldType.DECIMAL_ARRAY, values, write_big_decimal)

    def write_time_array(self, field_name: str, values: typing.Sequence[datetime.time]) -> None:
        self._write_object_array(field_name, FieldType.TIME_ARRAY, values, write_local_time)

    def write_date_array(self, field_name: str, values: typing.Sequence[datetime.date]) -> None:
        self._write_object_array(field_name, FieldType.DATE_ARRAY, values, write_short_year_date)

    def write_timestamp_array(self, field_name: str, values: typing.Sequence[datetime.datetime]) -> None:
        self._write_object_array(field_name, FieldType.TIMESTAMP_ARRAY, values, write_short_year_date_time)

    def write_timestamp_with_timezone_array(self, field_name: str, values: typing.Sequence[datetime.datetime]) -> None:
        self._write_object_array(
            field_name, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, values, write_short_year_offset_date_time
        )

    # -- raw data and end ----------------------------------------------------

    def get_raw_data_output(self) -> ObjectDataOutput:
        if not self._raw:
            out = self._out
            slot = self._offset + self._class_def.get_field_count() * INT_SIZE_IN_BYTES
            out.write_int_positional(out.position(), slot)
        self._raw = True
        return self._out

    def end(self) -> None:
        """Writes the end position of the Portable at its start."""
        out = self._out
        out.write_int_positional(out.position(), self._begin)

    def _set_position(self, field_name: str, field_type: int):
        if self._raw:
            raise HazelcastSerializationError(
                "cannot write Portable field %s after get_raw_data_output() is called" % field_name
            )
        class_def = self._class_def
        field_def = class_def.get_field(field_name)
        if field_def is None:
            raise HazelcastSerializationError(
                "invalid field name '%s' for ClassDefinition(factory_id=%s, class_id=%s, version=%s)"
                % (field_name, class_def.factory_id, class_def.class_id, class_def.version)
            )
        if field_name in self._written_fields:
            raise HazelcastSerializationError("field '%s' has already been written" % field_name)
        if field_def.field_type != field_type:
            raise HazelcastSerializationError(
                "field type mismatch for '%s': the class definition has %s, written as %s"
                % (field_name, field_type_name(field_def.field_type), field_type_name(field_type))
            )
        self._written_fields.add(field_name)
        out = self._out
        out.write_int_positional(out.position(), self._offset + field_def.index * INT_SIZE_IN_BYTES)
        out.write_short(len(field_name))
        out.write_bytes(field_name)
        out.write_byte(field_type)
        return field_def


def _check_portable_attributes(field_def, portable) -> None:
    if portable is None:
        raise HazelcastSerializationError(
            "the items of Portable array field %s cannot be None" % field_def.field_name
        )
    if field_def.factory_id != portable.get_factory_id():
        raise HazelcastSerializationError(
            "wrong Portable factory id for field %s: expected %s, got %s"
            % (field_def.field_name, field_def.factory_id, portable.get_factory_id())
        )
    if field_def.class_id != portable.get_class_id():
        raise HazelcastSerializationError(
            "wrong Portable class id for field %s: expected %s, got %s"
            % (field_def.field_name, field_def.class_id, portable.get_class_id())
        )


class ClassDefinitionWriter(PortableWriter):
    """Records the fields a Portable writes as a class definition (nested
    Portables are recorded and registered too).

    Args:
        portable_context: Where nested definitions are looked up and registered.
        factory_id: Factory id of the Portable class.
        class_id: Class id of the Portable class.
        version: Version of the Portable class.
    """

    def __init__(self, portable_context: "PortableContext", factory_id: int, class_id: int, version: int):
        self._portable_context = portable_context
        self._builder = ClassDefinitionBuilder(factory_id, class_id, version)

    def _nested_class_def(self, portable) -> ClassDefinition:
        from hazelcast.serialization.portable.context import get_portable_version

        context = self._portable_context
        version = get_portable_version(portable, context.get_version())
        writer = ClassDefinitionWriter(context, portable.get_factory_id(), portable.get_class_id(), version)
        portable.write_portable(writer)
        return writer.register_and_get()

    def write_portable(self, field_name: str, portable: Portable) -> None:
        if portable is None:
            raise HazelcastSerializationError(
                "cannot write a None Portable for field %s without a registered class definition "
                "(see class_definitions)" % field_name
            )
        self._builder.add_portable_field(field_name, self._nested_class_def(portable))

    def write_null_portable(self, field_name: str, factory_id: int, class_id: int) -> None:
        context = self._portable_context
        nested = context.lookup_class_definition(factory_id, class_id, context.get_version())
        if nested is None:
            raise HazelcastSerializationError(
                "cannot write a null Portable for field %s without a registered class definition "
                "for factory id %d, class id %d (see class_definitions)" % (field_name, factory_id, class_id)
            )
        self._builder.add_portable_field(field_name, nested)

    def write_portable_array(self, field_name: str, values: typing.Sequence[Portable]) -> None:
        if not values:
            raise HazelcastSerializationError(
                "cannot write a None or empty Portable array for field %s without a registered "
                "class definition (see class_definitions)" % field_name
            )
        first = values[0]
        for portable in values[1:]:
            if portable.get_factory_id() != first.get_factory_id() or portable.get_class_id() != first.get_class_id():
                raise HazelcastSerializationError(
                    "the items of Portable array field %s must all be of one class" % field_name
                )
        self._builder.add_portable_array_field(field_name, self._nested_class_def(first))

    def get_raw_data_output(self) -> ObjectDataOutput:
        return _NullDataOutput()  # type: ignore[return-value]  # duck-typed: swallows every write_*

    def register_and_get(self) -> ClassDefinition:
        """Builds and registers the recorded class definition."""
        return self._portable_context.register_class_definition(self._builder.build())


def _recorder(method_name: str, builder_method: str):
    # Parameter names as in PortableWriter: ``value``, or ``values`` for an array.
    if method_name.endswith("_array"):

        def write(self, field_name, values):
            getattr(self._builder, builder_method)(field_name)

    else:

        def write(self, field_name, value):
            getattr(self._builder, builder_method)(field_name)

    write.__name__ = method_name
    # PortableWriter's annotations (its names: this module imports them too)
    write.__annotations__ = dict(getattr(PortableWriter, method_name).__annotations__)
    return write


for _method, _builder_method in [
    ("write_int", "add_int_field"),
    ("write_long", "add_long_field"),
    ("write_string", "add_string_field"),
    ("write_utf", "add_string_field"),
    ("write_boolean", "add_boolean_field"),
    ("write_byte", "add_byte_field"),
    ("write_char", "add_char_field"),
    ("write_double", "add_double_field"),
    ("write_float", "add_float_field"),
    ("write_short", "add_short_field"),
    ("write_decimal", "add_decimal_field"),
    ("write_time", "add_time_field"),
    ("write_date", "add_date_field"),
    ("write_timestamp", "add_timestamp_field"),
    ("write_timestamp_with_timezone", "add_timestamp_with_timezone_field"),
    ("write_byte_array", "add_byte_array_field"),
    ("write_boolean_array", "add_boolean_array_field"),
    ("write_char_array", "add_char_array_field"),
    ("write_int_array", "add_int_array_field"),
    ("write_long_array", "add_long_array_field"),
    ("write_double_array", "add_double_array_field"),
    ("write_float_array", "add_float_array_field"),
    ("write_short_array", "add_short_array_field"),
    ("write_string_array", "add_string_array_field"),
    ("write_utf_array", "add_string_array_field"),
    ("write_decimal_array", "add_decimal_array_field"),
    ("write_time_array", "add_time_array_field"),
    ("write_date_array", "add_date_array_field"),
    ("write_timestamp_array", "add_timestamp_array_field"),
    ("write_timestamp_with_timezone_array", "add_timestamp_with_timezone_array_field"),
]:
    setattr(ClassDefinitionWriter, _method, _recorder(_method, _builder_method))
del _method, _builder_method


class _NullDataOutput:
    """Swallows the raw data a Portable writes while its class definition
    is recorded (raw data is not part of the definition)."""

    def __getattr__(self, name):
        if name.startswith("write"):
            return _ignore
        raise AttributeError(name)


def _ignore(*_args, **_kwargs) -> None:
    return None
