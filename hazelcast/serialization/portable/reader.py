"""Portable readers: DefaultPortableReader reads fields by name through
the position table; MorphingPortableReader reads data written with
another version of the class (missing fields read as defaults, numbers
widen)."""

from __future__ import annotations

import datetime
import decimal
import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import ObjectDataInput, Portable, PortableReader
from hazelcast.serialization.bits import INT_SIZE_IN_BYTES, NULL_ARRAY_LENGTH
from hazelcast.serialization.portable.classdef import ClassDefinition, FieldType, field_type_name
from hazelcast.serialization.serializer import (
    read_big_decimal,
    read_short_year_date,
    read_short_year_date_time,
    read_local_time,
    read_short_year_offset_date_time,
)

if typing.TYPE_CHECKING:
    from hazelcast.serialization.input import _ObjectDataInput
    from hazelcast.serialization.portable.serializer import PortableSerializer

__all__ = ["DefaultPortableReader", "MorphingPortableReader"]


class DefaultPortableReader(PortableReader):
    """Reads the fields of a Portable written with class definition
    ``class_def``.

    Args:
        portable_serializer: Reads nested Portables.
        data_input: The input, positioned after the Portable's version.
        class_def: The class definition the data was written with.

    Raises:
        HazelcastSerializationError: If the data does not match the definition.
    """

    def __init__(self, portable_serializer: "PortableSerializer", data_input: "_ObjectDataInput", class_def: ClassDefinition):
        self._serializer = portable_serializer
        self._in = data_input
        self._class_def = class_def
        self._raw = False
        self._final_position = data_input.read_int()
        field_count = data_input.read_int()
        if field_count != class_def.get_field_count():
            raise HazelcastSerializationError(
                "field count %d in the data does not match %s" % (field_count, class_def)
            )
        self._offset = data_input.position()

    # -- class definition ----------------------------------------------------

    def get_version(self) -> int:
        return self._class_def.version

    def has_field(self, field_name: str) -> bool:
        return self._class_def.has_field(field_name)

    def get_field_names(self) -> typing.Set[str]:
        return set(self._class_def.get_field_names())

    def get_field_type(self, field_name: str) -> int:
        return self._class_def.get_field_type(field_name)

    def get_field_class_id(self, field_name: str) -> int:
        return self._class_def.get_field_class_id(field_name)

    # -- primitives: read in place -------------------------------------------

    def read_int(self, field_name: str) -> int:
        return self._in.read_int(self._read_position(field_name, FieldType.INT))

    def read_long(self, field_name: str) -> int:
        return self._in.read_long(self._read_position(field_name, FieldType.LONG))

    def read_boolean(self, field_name: str) -> bool:
        return self._in.read_boolean(self._read_position(field_name, FieldType.BOOLEAN))

    def read_byte(self, field_name: str) -> int:
        return self._in.read_byte(self._read_position(field_name, FieldType.BYTE))

    def read_char(self, field_name: str) -> str:
        return self._in.read_char(self._read_position(field_name, FieldType.CHAR))

    def read_double(self, field_name: str) -> float:
        return self._in.read_double(self._read_position(field_name, FieldType.DOUBLE))

    def read_float(self, field_name: str) -> float:
        return self._in.read_float(self._read_position(field_name, FieldType.FLOAT))

    def read_short(self, field_name: str) -> int:
        return self._in.read_short(self._read_position(field_name, FieldType.SHORT))

    # -- variable-size values: move there, read, come back -------------------

    def _read_at(self, field_name, field_type, read):
        inp = self._in
        current = inp.position()
        try:
            inp.set_position(self._read_position(field_name, field_type))
            return read(inp)
        finally:
            inp.set_position(current)

    def read_string(self, field_name: str) -> str:
        return self._read_at(field_name, FieldType.STRING, _read_string)

    def read_utf(self, field_name: str) -> str:
        return self.read_string(field_name)

    def read_byte_array(self, field_name: str) -> bytearray:
        return self._read_at(field_name, FieldType.BYTE_ARRAY, _read_byte_array)

    def read_boolean_array(self, field_name: str) -> typing.List[bool]:
        return self._read_at(field_name, FieldType.BOOLEAN_ARRAY, _read_boolean_array)

    def read_char_array(self, field_name: str) -> typing.List[str]:
        return self._read_at(field_name, FieldType.CHAR_ARRAY, _read_char_array)

    def read_int_array(self, field_name: str) -> typing.List[int]:
        return self._read_at(field_name, FieldType.INT_ARRAY, _read_int_array)

    def read_long_array(self, field_name: str) -> typing.List[int]:
        return self._read_at(field_name, FieldType.LONG_ARRAY, _read_long_array)

    def read_double_array(self, field_name: str) -> typing.List[float]:
        return self._read_at(field_name, FieldType.DOUBLE_ARRAY, _read_double_array)

    def read_float_array(self, field_name: str) -> typing.List[float]:
        return self._read_at(field_name, FieldType.FLOAT_ARRAY, _read_float_array)

    def read_short_array(self, field_name: str) -> typing.List[int]:
        return self._read_at(field_name, FieldType.SHORT_ARRAY, _read_short_array)

    def read_string_array(self, field_name: str) -> typing.List[str]:
        return self._read_at(field_name, FieldType.STRING_ARRAY, _read_string_array)

    def read_utf_array(self, field_name: str) -> typing.List[str]:
        return self.read_string_array(field_name)

    def read_decimal(self, field_name: str) -> decimal.Decimal:
        return self._read_at(field_name, FieldType.DECIMAL, _nullable(read_big_decimal))

    def read_time(self, field_name: str) -> datetime.time:
        return self._read_at(field_name, FieldType.TIME, _nullable(read_local_time))

    def read_date(self, field_name: str) -> datetime.date:
        return self._read_at(field_name, FieldType.DATE, _nullable(read_short_year_date))

    def read_timestamp(self, field_name: str) -> datetime.datetime:
        return self._read_at(field_name, FieldType.TIMESTAMP, _nullable(read_short_year_date_time))

    def read_timestamp_with_timezone(self, field_name: str) -> datetime.datetime:
        return self._read_at(field_name, FieldType.TIMESTAMP_WITH_TIMEZONE, _nullable(read_short_year_offset_date_time))

    def read_decimal_array(self, field_name: str) -> typing.List[decimal.Decimal]:
        return self._read_at(field_name, FieldType.DECIMAL_ARRAY, _object_array(read_big_decimal))

    def read_time_array(self, field_name: str) -> typing.List[datetime.time]:
        return self._read_at(field_name, FieldType.TIME_ARRAY, _object_array(read_local_time))

    def read_date_array(self, field_name: str) -> typing.List[datetime.date]:
        return self._read_at(field_name, FieldType.DATE_ARRAY, _object_array(read_short_year_date))

    def read_timestamp_array(self, field_name: str) -> typing.List[datetime.datetime]:
        return self._read_at(field_name, FieldType.TIMESTAMP_ARRAY, _object_array(read_short_year_date_time))

    def read_timestamp_with_timezone_array(self, field_name: str) -> typing.List[datetime.datetime]:
        return self._read_at(
            field_name, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, _object_array(read_short_year_offset_date_time)
        )

    # -- nested Portables ----------------------------------------------------

    def read_portable(self, field_name: str) -> Portable:
        field_def, position = self._locate(field_name, FieldType.PORTABLE)
        inp = self._in
        current = inp.position()
        try:
            inp.set_position(position)
            is_null = inp.read_boolean()
            factory_id = inp.read_int()
            class_id = inp.read_int()
            _check_factory_and_class(field_def, factory_id, class_id)
            if is_null:
                return None  # type: ignore[return-value]  # a null field (PortableReader's type is the official one)
            return self._serializer.read_internal(inp, factory_id, class_id)
        finally:
            inp.set_position(current)

    def read_portable_array(self, field_name: str) -> typing.List[Portable]:
        field_def, position = self._locate(field_name, FieldType.PORTABLE_ARRAY)
        inp = self._in
        current = inp.position()
        try:
            inp.set_position(position)
            length = inp.read_int()
            factory_id = inp.read_int()
            class_id = inp.read_int()
            if length == NULL_ARRAY_LENGTH:
                return None  # type: ignore[return-value]  # a null field (PortableReader's type is the official one)
            _check_factory_and_class(field_def, factory_id, class_id)
            _check_length(inp, length)
            offset = inp.position()
            portables = []
            for i in range(length):
                inp.set_position(inp.read_int(offset + i * INT_SIZE_IN_BYTES))
                portables.append(self._serializer.read_internal(inp, factory_id, class_id))
            return portables
        finally:
            inp.set_position(current)

    # -- raw data and end ----------------------------------------------------

    def get_raw_data_input(self) -> ObjectDataInput:
        if not self._raw:
            slot = self._offset + self._class_def.get_field_count() * INT_SIZE_IN_BYTES
            self._in.set_position(self._in.read_int(slot))
        self._raw = True
        return self._in

    def end(self) -> None:
        """Moves the input to the end of the Portable."""
        self._in.set_position(self._final_position)

    # -- positions -----------------------------------------------------------

    def _field(self, field_name, field_type):
        if self._raw:
            raise HazelcastSerializationError(
                "cannot read Portable field %s after get_raw_data_input() is called" % field_name
            )
        field_def = self._class_def.get_field(field_name)
        if field_def is None:
            raise self._unknown_field(field_name)
        if field_def.field_type != field_type:
            raise HazelcastSerializationError(
                "not a %s field: %s (it is %s)" % (field_type_name(field_type), field_name, field_type_name(field_def.field_type))
            )
        return field_def

    def _unknown_field(self, field_name):
        return HazelcastSerializationError(
            "unknown field name '%s' for ClassDefinition(factory_id=%s, class_id=%s, version=%s)"
            % (field_name, self._class_def.factory_id, self._class_def.class_id, self._class_def.version)
        )

    def _locate(self, field_name, field_type):
        """The definition of a field and the position of its value. A name with
        dots that is no field of this class is a path through nested Portables
        (``"inner.count"`` reads ``count`` of the Portable field ``inner``), as the
        official client reads it."""
        if self._class_def.get_field(field_name) is None and "." in field_name and not self._raw:
            return self._nested(field_name, field_type)
        field_def = self._field(field_name, field_type)
        return field_def, self._position_of(field_def)

    def _nested(self, path, field_type):
        names = path.split(".")
        inp = self._in
        current = inp.position()
        reader = self
        try:
            for depth, name in enumerate(names):
                field_def = reader._class_def.get_field(name)
                if field_def is None:
                    raise self._unknown_field(path)
                if depth == len(names) - 1:
                    if field_def.field_type != field_type:
                        raise HazelcastSerializationError(
                            "not a %s field: %s (it is %s)" % (field_type_name(field_type), path, field_type_name(field_def.field_type))
                        )
                    return field_def, reader._position_of(field_def)
                if field_def.field_type != FieldType.PORTABLE:
                    raise HazelcastSerializationError(
                        "cannot read %s: %s is a %s field, not a Portable" % (path, name, field_type_name(field_def.field_type))
                    )
                inp.set_position(reader._position_of(field_def))
                if inp.read_boolean():
                    raise HazelcastSerializationError("cannot read %s: the Portable field %s is None" % (path, name))
                factory_id = inp.read_int()
                class_id = inp.read_int()
                _check_factory_and_class(field_def, factory_id, class_id)
                version = inp.read_int()
                reader = self._serializer.create_reader(inp, factory_id, class_id, version, version)
            raise self._unknown_field(path)  # an empty path
        finally:
            inp.set_position(current)

    def _position_of(self, field_def) -> int:
        inp = self._in
        pos = inp.read_int(self._offset + field_def.index * INT_SIZE_IN_BYTES)
        name_length = inp.read_short(pos)
        # skip the name length, the name and the type byte
        return pos + 2 + name_length + 1

    def _read_position(self, field_name, field_type) -> int:
        return self._locate(field_name, field_type)[1]


def _check_factory_and_class(field_def, factory_id, class_id) -> None:
    if factory_id != field_def.factory_id or class_id != field_def.class_id:
        raise HazelcastSerializationError(
            "invalid factory id %d / class id %d of field %s: expected %d / %d"
            % (factory_id, class_id, field_def.field_name, field_def.factory_id, field_def.class_id)
        )


def _check_length(inp, length) -> None:
    if length < 0 or length * INT_SIZE_IN_BYTES > inp.size() - inp.position():
        raise HazelcastSerializationError(
            "invalid array length %d at position %d" % (length, inp.position())
        )


def _read_string(inp):
    return inp.read_string()


def _read_byte_array(inp):
    return inp.read_byte_array()


def _read_boolean_array(inp):
    return inp.read_boolean_array()


def _read_char_array(inp):
    return inp.read_char_array()


def _read_int_array(inp):
    return inp.read_int_array()


def _read_long_array(inp):
    return inp.read_long_array()


def _read_double_array(inp):
    return inp.read_double_array()


def _read_float_array(inp):
    return inp.read_float_array()


def _read_short_array(inp):
    return inp.read_short_array()


def _read_string_array(inp):
    return inp.read_string_array()


def _nullable(read):
    def read_nullable(inp):
        if inp.read_boolean():
            return None
        return read(inp)

    return read_nullable


def _object_array(read):
    def read_array(inp):
        length = inp.read_int()
        if length == NULL_ARRAY_LENGTH:
            return None
        _check_length(inp, length)
        offset = inp.position()
        values = []
        for i in range(length):
            inp.set_position(inp.read_int(offset + i * INT_SIZE_IN_BYTES))
            values.append(read(inp))
        return values

    return read_array


# -- reading another version ------------------------------------------------

# field type read -> types of the data it can be read from (Java's widening)
_WIDENING = {
    FieldType.INT: (FieldType.INT, FieldType.BYTE, FieldType.CHAR, FieldType.SHORT),
    FieldType.LONG: (FieldType.LONG, FieldType.INT, FieldType.BYTE, FieldType.CHAR, FieldType.SHORT),
    FieldType.FLOAT: (FieldType.FLOAT, FieldType.INT, FieldType.BYTE, FieldType.CHAR, FieldType.SHORT),
    FieldType.DOUBLE: (
        FieldType.DOUBLE, FieldType.LONG, FieldType.FLOAT, FieldType.INT,
        FieldType.BYTE, FieldType.CHAR, FieldType.SHORT,
    ),
    FieldType.SHORT: (FieldType.SHORT, FieldType.BYTE),
}


class MorphingPortableReader(DefaultPortableReader):
    """Reads data written with another version of a Portable class: fields
    the data lacks read as the type's default (0, False, None), numbers
    written with a narrower type widen as in Java.

    Raises:
        HazelcastSerializationError: If a field exists with an incompatible type.
    """

    def _number(self, field_name, field_type, default):
        field_def = self._class_def.get_field(field_name)
        if field_def is None:
            return default
        written = field_def.field_type
        if written not in _WIDENING[field_type]:
            raise _incompatible(field_def, field_type)
        inp = self._in
        pos = self._position_of(field_def)
        if written == FieldType.CHAR:
            value = ord(inp.read_char(pos))
        else:
            value = _NUMBER_READERS[written](inp, pos)
        return float(value) if field_type in (FieldType.FLOAT, FieldType.DOUBLE) else value

    def read_int(self, field_name: str) -> int:
        return self._number(field_name, FieldType.INT, 0)

    def read_long(self, field_name: str) -> int:
        return self._number(field_name, FieldType.LONG, 0)

    def read_float(self, field_name: str) -> float:
        return self._number(field_name, FieldType.FLOAT, 0.0)

    def read_double(self, field_name: str) -> float:
        return self._number(field_name, FieldType.DOUBLE, 0.0)

    def read_short(self, field_name: str) -> int:
        return self._number(field_name, FieldType.SHORT, 0)

    def _same_type(self, field_name, field_type, default, read):
        field_def = self._class_def.get_field(field_name)
        if field_def is None:
            return default
        if field_def.field_type != field_type:
            raise _incompatible(field_def, field_type)
        return read(self, field_name)

    def read_byte(self, field_name: str) -> int:
        return self._same_type(field_name, FieldType.BYTE, 0, DefaultPortableReader.read_byte)

    def read_boolean(self, field_name: str) -> bool:
        return self._same_type(field_name, FieldType.BOOLEAN, False, DefaultPortableReader.read_boolean)

    def read_char(self, field_name: str) -> str:
        return self._same_type(field_name, FieldType.CHAR, "\x00", DefaultPortableReader.read_char)

    def read_portable(self, field_name: str) -> Portable:
        return self._same_type(field_name, FieldType.PORTABLE, None, DefaultPortableReader.read_portable)

    def read_portable_array(self, field_name: str) -> typing.List[Portable]:
        return self._same_type(
            field_name, FieldType.PORTABLE_ARRAY, None, DefaultPortableReader.read_portable_array
        )


def _read_number(method):
    def read(inp, pos):
        return getattr(inp, method)(pos)

    return read


_NUMBER_READERS = {
    FieldType.BYTE: _read_number("read_byte"),
    FieldType.SHORT: _read_number("read_short"),
    FieldType.INT: _read_number("read_int"),
    FieldType.LONG: _read_number("read_long"),
    FieldType.FLOAT: _read_number("read_float"),
    FieldType.DOUBLE: _read_number("read_double"),
}


def _incompatible(field_def, field_type) -> HazelcastSerializationError:
    return HazelcastSerializationError(
        "incompatible to read %s from %s while reading field %s"
        % (field_type_name(field_type), field_type_name(field_def.field_type), field_def.field_name)
    )


def _morphing_object_reader(name, field_type):
    def read(self, field_name):
        return self._same_type(field_name, field_type, None, getattr(DefaultPortableReader, name))

    read.__name__ = name
    # the annotations of the DefaultPortableReader method it overrides (this module's names)
    read.__annotations__ = dict(getattr(DefaultPortableReader, name).__annotations__)
    return read


for _name, _type in [
    ("read_string", FieldType.STRING),
    ("read_utf", FieldType.STRING),
    ("read_decimal", FieldType.DECIMAL),
    ("read_time", FieldType.TIME),
    ("read_date", FieldType.DATE),
    ("read_timestamp", FieldType.TIMESTAMP),
    ("read_timestamp_with_timezone", FieldType.TIMESTAMP_WITH_TIMEZONE),
    ("read_byte_array", FieldType.BYTE_ARRAY),
    ("read_boolean_array", FieldType.BOOLEAN_ARRAY),
    ("read_char_array", FieldType.CHAR_ARRAY),
    ("read_int_array", FieldType.INT_ARRAY),
    ("read_long_array", FieldType.LONG_ARRAY),
    ("read_double_array", FieldType.DOUBLE_ARRAY),
    ("read_float_array", FieldType.FLOAT_ARRAY),
    ("read_short_array", FieldType.SHORT_ARRAY),
    ("read_string_array", FieldType.STRING_ARRAY),
    ("read_utf_array", FieldType.STRING_ARRAY),
    ("read_decimal_array", FieldType.DECIMAL_ARRAY),
    ("read_time_array", FieldType.TIME_ARRAY),
    ("read_date_array", FieldType.DATE_ARRAY),
    ("read_timestamp_array", FieldType.TIMESTAMP_ARRAY),
    ("read_timestamp_with_timezone_array", FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY),
]:
    setattr(MorphingPortableReader, _name, _morphing_object_reader(_name, _type))
del _name, _type
