"""User-facing serialization API.

The abstract classes here are what user code implements (serializers,
IdentifiedDataSerializable, Portable, Compact serializers) or receives
(ObjectDataInput/ObjectDataOutput, PortableReader/Writer, CompactReader/Writer).
"""

from __future__ import annotations

import abc
import datetime
import decimal
import enum
import typing

from hazelcast.serialization.portable.classdef import FieldType

__all__ = [
    "ObjectDataOutput",
    "ObjectDataInput",
    "IdentifiedDataSerializable",
    "Portable",
    "StreamSerializer",
    "PortableReader",
    "PortableWriter",
    "CompactReader",
    "CompactWriter",
    "CompactSerializer",
    "CompactSerializableType",
    "FieldKind",
]

class ObjectDataOutput:
    """Writes primitives, arrays of primitives and objects into a growing byte
    buffer, in the byte order of the serialization service."""

    def write_from(self, buff: bytearray, offset: typing.Optional[int] = None, length: typing.Optional[int] = None) -> None:
        """Copies bytes of a buffer into this output.

        Args:
            buff: Source buffer.
            offset: Index of the first byte to copy (0 when omitted).
            length: Number of bytes to copy (up to the end of ``buff`` when omitted).
        """
        raise NotImplementedError()

    def write_boolean(self, val: bool) -> None:
        """Writes a bool as one byte (1 for True, 0 for False).

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_byte(self, val: int) -> None:
        """Writes a signed 8-bit integer.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_short(self, val: int) -> None:
        """Writes a signed 16-bit integer.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_char(self, val: str) -> None:
        """Writes a single UTF-16 code unit as 2 bytes.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_int(self, val: int) -> None:
        """Writes a signed 32-bit integer.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_long(self, val: int) -> None:
        """Writes a signed 64-bit integer.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_float(self, val: float) -> None:
        """Writes a 32-bit IEEE 754 float.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_double(self, val: float) -> None:
        """Writes a 64-bit IEEE 754 float.

        Args:
            val: Value to write.
        """
        raise NotImplementedError()

    def write_bytes(self, val: str) -> None:
        """Writes the low 8 bits of every character of a string.

        Args:
            val: String to write.
        """
        raise NotImplementedError()

    def write_chars(self, val: str) -> None:
        """Writes every character of a string as a 2-byte char.

        Args:
            val: String to write.
        """
        raise NotImplementedError()

    def write_string(self, val: typing.Optional[str]) -> None:
        """Writes a string as its UTF-8 byte length (int) followed by the UTF-8 bytes; None is written as length -1.

        Args:
            val: String to write.
        """
        raise NotImplementedError()

    def write_utf(self, val: typing.Optional[str]) -> None:
        """Same as :func:`write_string`.

        .. deprecated:: 4.1
            Use :func:`write_string` instead.

        Args:
            val: String to write.
        """
        raise NotImplementedError()

    def write_byte_array(self, val: typing.Optional[typing.Union[bytes, bytearray, typing.Sequence[int]]]) -> None:
        """Writes a byte array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_boolean_array(self, val: typing.Optional[typing.Sequence[bool]]) -> None:
        """Writes a boolean array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_char_array(self, val: typing.Optional[typing.Sequence[str]]) -> None:
        """Writes a char array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_int_array(self, val: typing.Optional[typing.Sequence[int]]) -> None:
        """Writes a int array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_long_array(self, val: typing.Optional[typing.Sequence[int]]) -> None:
        """Writes a long array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_double_array(self, val: typing.Optional[typing.Sequence[float]]) -> None:
        """Writes a double array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_float_array(self, val: typing.Optional[typing.Sequence[float]]) -> None:
        """Writes a float array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_short_array(self, val: typing.Optional[typing.Sequence[int]]) -> None:
        """Writes a short array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_string_array(self, val: typing.Optional[typing.Sequence[typing.Optional[str]]]) -> None:
        """Writes a string array as its length (int, -1 for None) followed by the items.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_utf_array(self, val: typing.Optional[typing.Sequence[typing.Optional[str]]]) -> None:
        """Same as :func:`write_string_array`.

        .. deprecated:: 4.1
            Use :func:`write_string_array` instead.

        Args:
            val: Array to write.
        """
        raise NotImplementedError()

    def write_object(self, val: typing.Any) -> None:
        """Writes an object with the serializer the service picks for it (type id, then payload).

        Args:
            val: Object to write.
        """
        raise NotImplementedError()

    def to_byte_array(self) -> bytearray:
        """Returns a copy of the bytes written so far.

        Returns:
            A copy of the written bytes.
        """
        raise NotImplementedError()

    def get_byte_order(self) -> str:
        """Returns the byte order of this output.

        Returns:
            ``"BIG_ENDIAN"`` or ``"LITTLE_ENDIAN"``.
        """
        raise NotImplementedError()


class ObjectDataInput:
    """Reads primitives, arrays of primitives and objects from a byte buffer,
    in the byte order of the serialization service."""

    def read_into(self, buff: bytearray, offset: typing.Optional[int] = None, length: typing.Optional[int] = None) -> bytearray:
        """Reads bytes from this input into a buffer.

        Args:
            buff: Destination buffer.
            offset: Index in ``buff`` where writing starts (0 when omitted).
            length: Number of bytes to read (``len(buff) - offset`` when omitted).

        Returns:
            The destination buffer.
        """
        raise NotImplementedError()

    def skip_bytes(self, count: int) -> int:
        """Skips bytes of the input, never past its end.

        Args:
            count: Number of bytes to skip.

        Returns:
            The number of bytes actually skipped.
        """
        raise NotImplementedError()

    def read_boolean(self) -> bool:
        """Reads a bool stored as one byte.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_byte(self) -> int:
        """Reads a signed 8-bit integer.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_unsigned_byte(self) -> int:
        """Reads an unsigned 8-bit integer.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_short(self) -> int:
        """Reads a signed 16-bit integer.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_unsigned_short(self) -> int:
        """Reads an unsigned 16-bit integer.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_char(self) -> str:
        """Reads a 2-byte char.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_int(self) -> int:
        """Reads a signed 32-bit integer.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_long(self) -> int:
        """Reads a signed 64-bit integer.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_float(self) -> float:
        """Reads a 32-bit IEEE 754 float.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_double(self) -> float:
        """Reads a 64-bit IEEE 754 float.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_string(self) -> typing.Optional[str]:
        """Reads a string written by :func:`ObjectDataOutput.write_string`.

        Returns:
            The string read, or None.
        """
        raise NotImplementedError()

    def read_utf(self) -> typing.Optional[str]:
        """Same as :func:`read_string`.

        .. deprecated:: 4.1
            Use :func:`read_string` instead.

        Returns:
            The string read, or None.
        """
        raise NotImplementedError()

    def read_byte_array(self) -> typing.Optional[bytearray]:
        """Reads a byte array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_boolean_array(self) -> typing.Optional[typing.List[bool]]:
        """Reads a boolean array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_char_array(self) -> typing.Optional[typing.List[str]]:
        """Reads a char array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_int_array(self) -> typing.Optional[typing.List[int]]:
        """Reads a int array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_long_array(self) -> typing.Optional[typing.List[int]]:
        """Reads a long array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_double_array(self) -> typing.Optional[typing.List[float]]:
        """Reads a double array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_float_array(self) -> typing.Optional[typing.List[float]]:
        """Reads a float array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_short_array(self) -> typing.Optional[typing.List[int]]:
        """Reads a short array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_string_array(self) -> typing.Optional[typing.List[typing.Optional[str]]]:
        """Reads a string array written by the matching write method.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_utf_array(self) -> typing.Optional[typing.List[typing.Optional[str]]]:
        """Same as :func:`read_string_array`.

        .. deprecated:: 4.1
            Use :func:`read_string_array` instead.

        Returns:
            The array read, or None.
        """
        raise NotImplementedError()

    def read_object(self) -> typing.Any:
        """Reads an object written by :func:`ObjectDataOutput.write_object`.

        Returns:
            The object read.
        """
        raise NotImplementedError()

    def get_byte_order(self) -> str:
        """Returns the byte order of this input.

        Returns:
            ``"BIG_ENDIAN"`` or ``"LITTLE_ENDIAN"``.
        """
        raise NotImplementedError()

    def position(self) -> int:
        """Returns the current read position.

        Returns:
            Index of the next byte to read.
        """
        raise NotImplementedError()

    def size(self) -> int:
        """Returns the size of the underlying buffer.

        Returns:
            Buffer size in bytes.
        """
        raise NotImplementedError()


class IdentifiedDataSerializable:
    """An object that serializes itself and is created on reading by the
    ``DataSerializableFactory`` registered for its factory id, without
    pickle or reflection."""

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        """Writes the fields of this object.

        Args:
            object_data_output: The output to write to.
        """
        raise NotImplementedError("write_data must be implemented to serialize this IdentifiedDataSerializable")

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        """Reads the fields of this object, in the order :func:`write_data` wrote them.

        Args:
            object_data_input: The input to read from.
        """
        raise NotImplementedError("read_data must be implemented to deserialize this IdentifiedDataSerializable")

    def get_factory_id(self) -> int:
        """Returns the id of the factory that creates this class.

        Returns:
            The factory id.
        """
        raise NotImplementedError("get_factory_id must return the factory id of this IdentifiedDataSerializable")

    def get_class_id(self) -> int:
        """Returns the id of this class, unique within its factory.

        Returns:
            The class id.
        """
        raise NotImplementedError("get_class_id must return the class id of this IdentifiedDataSerializable")


class Portable:
    """An object serialized with named, typed fields described by a class
    definition, so that the cluster can query fields without deserializing,
    and several versions of a class can coexist. Instances are created on
    reading by the ``PortableFactory`` registered for the factory id."""

    def write_portable(self, writer: "PortableWriter") -> None:
        """Writes the fields of this object.

        Args:
            writer: The writer to write the fields with.
        """
        raise NotImplementedError()

    def read_portable(self, reader: "PortableReader") -> None:
        """Reads the fields of this object.

        Args:
            reader: The reader to read the fields with.
        """
        raise NotImplementedError()

    def get_factory_id(self) -> int:
        """Returns the id of the factory that creates this class.

        Returns:
            The factory id.
        """
        raise NotImplementedError()

    def get_class_id(self) -> int:
        """Returns the id of this class, unique within its factory.

        Returns:
            The class id.
        """
        raise NotImplementedError()


class StreamSerializer:
    """Base class of custom serializers, registered by class in
    ``Config.custom_serializers`` (or as ``Config.global_serializer``)."""

    def write(self, out: ObjectDataOutput, obj: typing.Any) -> None:
        """Writes an object.

        Args:
            out: The output to write to.
            obj: The object to write.
        """
        raise NotImplementedError("write must be implemented")

    def read(self, inp: ObjectDataInput) -> typing.Any:
        """Reads an object written by :func:`write`.

        Args:
            inp: The input to read from.

        Returns:
            The object read.
        """
        raise NotImplementedError("read must be implemented")

    def get_type_id(self) -> int:
        """Returns the type id of this serializer; it must be positive and
        unique among the serializers of the cluster's clients and members.

        Returns:
            The type id.
        """
        raise NotImplementedError("get_type_id must be implemented")

    def destroy(self) -> None:
        """Called when the client shuts down, to release resources."""
        raise NotImplementedError()


class PortableReader:
    """Reads the named fields of a Portable."""

    def get_version(self) -> int:
        """Returns the version of the class definition the data was written with.

        Returns:
            The version.
        """
        raise NotImplementedError()

    def has_field(self, field_name: str) -> bool:
        """Tells whether the class definition has a field (no nested paths).

        Args:
            field_name: Name of the field.

        Returns:
            True if the field exists.
        """
        raise NotImplementedError()

    def get_field_names(self) -> typing.Set[str]:
        """Returns the names of the fields of the class definition.

        Returns:
            The field names.
        """
        raise NotImplementedError()

    def get_field_type(self, field_name: str) -> int:
        """Returns the type of a field.

        Args:
            field_name: Name of the field.

        Returns:
            The field type.
        """
        raise NotImplementedError()

    def get_field_class_id(self, field_name: str) -> int:
        """Returns the class id of a Portable field.

        Args:
            field_name: Name of the field.

        Returns:
            The class id.
        """
        raise NotImplementedError()

    def read_int(self, field_name: str) -> int:
        """Reads a int field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_long(self, field_name: str) -> int:
        """Reads a long field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_string(self, field_name: str) -> str:
        """Reads a string field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_utf(self, field_name: str) -> str:
        """Same as :func:`read_string`.

        .. deprecated:: 4.1
            Use :func:`read_string` instead.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_boolean(self, field_name: str) -> bool:
        """Reads a boolean field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_byte(self, field_name: str) -> int:
        """Reads a byte field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_char(self, field_name: str) -> str:
        """Reads a char field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_double(self, field_name: str) -> float:
        """Reads a double field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_float(self, field_name: str) -> float:
        """Reads a float field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_short(self, field_name: str) -> int:
        """Reads a short field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_portable(self, field_name: str) -> Portable:
        """Reads a portable field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_decimal(self, field_name: str) -> decimal.Decimal:
        """Reads a decimal field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_time(self, field_name: str) -> datetime.time:
        """Reads a time field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_date(self, field_name: str) -> datetime.date:
        """Reads a date field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_timestamp(self, field_name: str) -> datetime.datetime:
        """Reads a timestamp field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_timestamp_with_timezone(self, field_name: str) -> datetime.datetime:
        """Reads a timestamp with timezone field.

        Args:
            field_name: Name of the field.

        Returns:
            The value read.
        """
        raise NotImplementedError()

    def read_byte_array(self, field_name: str) -> bytearray:
        """Reads a byte array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_boolean_array(self, field_name: str) -> typing.List[bool]:
        """Reads a boolean array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_char_array(self, field_name: str) -> typing.List[str]:
        """Reads a char array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_int_array(self, field_name: str) -> typing.List[int]:
        """Reads a int array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_long_array(self, field_name: str) -> typing.List[int]:
        """Reads a long array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_double_array(self, field_name: str) -> typing.List[float]:
        """Reads a double array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_float_array(self, field_name: str) -> typing.List[float]:
        """Reads a float array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_short_array(self, field_name: str) -> typing.List[int]:
        """Reads a short array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_string_array(self, field_name: str) -> typing.List[str]:
        """Reads a string array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_utf_array(self, field_name: str) -> typing.List[str]:
        """Same as :func:`read_string_array`.

        .. deprecated:: 4.1
            Use :func:`read_string_array` instead.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_decimal_array(self, field_name: str) -> typing.List[decimal.Decimal]:
        """Reads a decimal array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_time_array(self, field_name: str) -> typing.List[datetime.time]:
        """Reads a time array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_date_array(self, field_name: str) -> typing.List[datetime.date]:
        """Reads a date array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_timestamp_array(self, field_name: str) -> typing.List[datetime.datetime]:
        """Reads a timestamp array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_timestamp_with_timezone_array(self, field_name: str) -> typing.List[datetime.datetime]:
        """Reads a timestamp with timezone array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def read_portable_array(self, field_name: str) -> typing.List[Portable]:
        """Reads a portable array field.

        Args:
            field_name: Name of the field.

        Returns:
            The array read.
        """
        raise NotImplementedError()

    def get_raw_data_input(self) -> ObjectDataInput:
        """Returns an input positioned after the named fields, to read data the writer appended with ``get_raw_data_output``; no field can be read after this call.

        Returns:
            The raw input.
        """
        raise NotImplementedError()


class PortableWriter:
    """Writes the named fields of a Portable."""

    def write_int(self, field_name: str, value: int) -> None:
        """Writes a int field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_long(self, field_name: str, value: int) -> None:
        """Writes a long field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_string(self, field_name: str, value: str) -> None:
        """Writes a string field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_utf(self, field_name: str, value: str) -> None:
        """Same as :func:`write_string`.

        .. deprecated:: 4.1
            Use :func:`write_string` instead.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_boolean(self, field_name: str, value: bool) -> None:
        """Writes a boolean field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_byte(self, field_name: str, value: int) -> None:
        """Writes a byte field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_char(self, field_name: str, value: str) -> None:
        """Writes a char field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_double(self, field_name: str, value: float) -> None:
        """Writes a double field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_float(self, field_name: str, value: float) -> None:
        """Writes a float field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_short(self, field_name: str, value: int) -> None:
        """Writes a short field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_portable(self, field_name: str, portable: Portable) -> None:
        """Writes a portable field.

        Args:
            field_name: Name of the field.
            portable: The Portable to write.
        """
        raise NotImplementedError()

    def write_null_portable(self, field_name: str, factory_id: int, class_id: int) -> None:
        """Writes a None Portable field; the ids name the field's class.

        Args:
            field_name: Name of the field.
            factory_id: Factory id of the field's class.
            class_id: Class id of the field's class.
        """
        raise NotImplementedError()

    def write_decimal(self, field_name: str, value: decimal.Decimal) -> None:
        """Writes a decimal field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_time(self, field_name: str, value: datetime.time) -> None:
        """Writes a time field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_date(self, field_name: str, value: datetime.date) -> None:
        """Writes a date field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_timestamp(self, field_name: str, value: datetime.datetime) -> None:
        """Writes a timestamp field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_timestamp_with_timezone(self, field_name: str, value: datetime.datetime) -> None:
        """Writes a timestamp with timezone field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """
        raise NotImplementedError()

    def write_byte_array(self, field_name: str, values: bytearray) -> None:
        """Writes a byte array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_boolean_array(self, field_name: str, values: typing.Sequence[bool]) -> None:
        """Writes a boolean array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_char_array(self, field_name: str, values: typing.Sequence[str]) -> None:
        """Writes a char array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_int_array(self, field_name: str, values: typing.Sequence[int]) -> None:
        """Writes a int array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_long_array(self, field_name: str, values: typing.Sequence[int]) -> None:
        """Writes a long array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_double_array(self, field_name: str, values: typing.Sequence[float]) -> None:
        """Writes a double array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_float_array(self, field_name: str, values: typing.Sequence[float]) -> None:
        """Writes a float array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_short_array(self, field_name: str, values: typing.Sequence[int]) -> None:
        """Writes a short array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_string_array(self, field_name: str, values: typing.Sequence[str]) -> None:
        """Writes a string array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_utf_array(self, field_name: str, values: typing.Sequence[str]) -> None:
        """Same as :func:`write_string_array`.

        .. deprecated:: 4.1
            Use :func:`write_string_array` instead.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_decimal_array(self, field_name: str, values: typing.Sequence[decimal.Decimal]) -> None:
        """Writes a decimal array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_time_array(self, field_name: str, values: typing.Sequence[datetime.time]) -> None:
        """Writes a time array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_date_array(self, field_name: str, values: typing.Sequence[datetime.date]) -> None:
        """Writes a date array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_timestamp_array(self, field_name: str, values: typing.Sequence[datetime.datetime]) -> None:
        """Writes a timestamp array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_timestamp_with_timezone_array(self, field_name: str, values: typing.Sequence[datetime.datetime]) -> None:
        """Writes a timestamp with timezone array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def write_portable_array(self, field_name: str, values: typing.Sequence[Portable]) -> None:
        """Writes a portable array field.

        Args:
            field_name: Name of the field.
            values: Array to write.
        """
        raise NotImplementedError()

    def get_raw_data_output(self) -> ObjectDataOutput:
        """Returns an output to append unnamed data after the fields; no field can be written after this call.

        Returns:
            The raw output.
        """
        raise NotImplementedError()


class CompactReader(abc.ABC):
    """Reads the fields of a Compact serialized object by name.

    To evolve a class, check :func:`get_field_kind` before reading a field
    that older writers may not have written, and use a default otherwise.
    """

    @abc.abstractmethod
    def get_field_kind(self, field_name: str) -> FieldKind:
        """Returns the kind of a field, or ``FieldKind.NOT_AVAILABLE`` when the schema has no such field.

        Args:
            field_name: Name of the field.

        Returns:
            The field kind.
        """

    @abc.abstractmethod
    def read_boolean(self, field_name: str) -> bool:
        """Reads a boolean field (also a nullable boolean field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_boolean(self, field_name: str) -> typing.Optional[bool]:
        """Reads a nullable boolean field (also a non-nullable boolean field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_int8(self, field_name: str) -> int:
        """Reads a int8 field (also a nullable int8 field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_int8(self, field_name: str) -> typing.Optional[int]:
        """Reads a nullable int8 field (also a non-nullable int8 field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_int16(self, field_name: str) -> int:
        """Reads a int16 field (also a nullable int16 field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_int16(self, field_name: str) -> typing.Optional[int]:
        """Reads a nullable int16 field (also a non-nullable int16 field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_int32(self, field_name: str) -> int:
        """Reads a int32 field (also a nullable int32 field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_int32(self, field_name: str) -> typing.Optional[int]:
        """Reads a nullable int32 field (also a non-nullable int32 field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_int64(self, field_name: str) -> int:
        """Reads a int64 field (also a nullable int64 field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_int64(self, field_name: str) -> typing.Optional[int]:
        """Reads a nullable int64 field (also a non-nullable int64 field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_float32(self, field_name: str) -> float:
        """Reads a float32 field (also a nullable float32 field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_float32(self, field_name: str) -> typing.Optional[float]:
        """Reads a nullable float32 field (also a non-nullable float32 field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_float64(self, field_name: str) -> float:
        """Reads a float64 field (also a nullable float64 field that is not None).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable field holds None.
        """

    @abc.abstractmethod
    def read_nullable_float64(self, field_name: str) -> typing.Optional[float]:
        """Reads a nullable float64 field (also a non-nullable float64 field).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_string(self, field_name: str) -> typing.Optional[str]:
        """Reads a string field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_decimal(self, field_name: str) -> typing.Optional[decimal.Decimal]:
        """Reads a decimal field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_time(self, field_name: str) -> typing.Optional[datetime.time]:
        """Reads a time field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_date(self, field_name: str) -> typing.Optional[datetime.date]:
        """Reads a date field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_timestamp(self, field_name: str) -> typing.Optional[datetime.datetime]:
        """Reads a timestamp field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_timestamp_with_timezone(self, field_name: str) -> typing.Optional[datetime.datetime]:
        """Reads a timestamp with timezone field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_compact(self, field_name: str) -> typing.Optional[typing.Any]:
        """Reads a compact field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_boolean(self, field_name: str) -> typing.Optional[typing.List[bool]]:
        """Reads an array of boolean field (also an array of nullable boolean without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_boolean(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[bool]]]:
        """Reads an array of nullable boolean field (also an array of boolean).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_int8(self, field_name: str) -> typing.Optional[typing.List[int]]:
        """Reads an array of int8 field (also an array of nullable int8 without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_int8(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[int]]]:
        """Reads an array of nullable int8 field (also an array of int8).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_int16(self, field_name: str) -> typing.Optional[typing.List[int]]:
        """Reads an array of int16 field (also an array of nullable int16 without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_int16(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[int]]]:
        """Reads an array of nullable int16 field (also an array of int16).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_int32(self, field_name: str) -> typing.Optional[typing.List[int]]:
        """Reads an array of int32 field (also an array of nullable int32 without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_int32(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[int]]]:
        """Reads an array of nullable int32 field (also an array of int32).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_int64(self, field_name: str) -> typing.Optional[typing.List[int]]:
        """Reads an array of int64 field (also an array of nullable int64 without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_int64(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[int]]]:
        """Reads an array of nullable int64 field (also an array of int64).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_float32(self, field_name: str) -> typing.Optional[typing.List[float]]:
        """Reads an array of float32 field (also an array of nullable float32 without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_float32(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[float]]]:
        """Reads an array of nullable float32 field (also an array of float32).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_float64(self, field_name: str) -> typing.Optional[typing.List[float]]:
        """Reads an array of float64 field (also an array of nullable float64 without None items).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind. Also when a nullable array holds None items.
        """

    @abc.abstractmethod
    def read_array_of_nullable_float64(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[float]]]:
        """Reads an array of nullable float64 field (also an array of float64).

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_string(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[str]]]:
        """Reads an array of string field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_decimal(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[decimal.Decimal]]]:
        """Reads an array of decimal field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_time(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[datetime.time]]]:
        """Reads an array of time field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_date(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[datetime.date]]]:
        """Reads an array of date field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_timestamp(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[datetime.datetime]]]:
        """Reads an array of timestamp field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_timestamp_with_timezone(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[datetime.datetime]]]:
        """Reads an array of timestamp with timezone field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """

    @abc.abstractmethod
    def read_array_of_compact(self, field_name: str) -> typing.Optional[typing.List[typing.Optional[typing.Any]]]:
        """Reads an array of compact field.

        Args:
            field_name: Name of the field.

        Returns:
            The value.

        Raises:
            HazelcastSerializationError: If the schema has no such field, or the field has another kind.
        """


class CompactWriter(abc.ABC):
    """Writes the fields of a Compact serialized object by name."""

    @abc.abstractmethod
    def write_boolean(self, field_name: str, value: bool) -> None:
        """Writes a boolean field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_boolean(self, field_name: str, value: typing.Optional[bool]) -> None:
        """Writes a nullable boolean field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_int8(self, field_name: str, value: int) -> None:
        """Writes a int8 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_int8(self, field_name: str, value: typing.Optional[int]) -> None:
        """Writes a nullable int8 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_int16(self, field_name: str, value: int) -> None:
        """Writes a int16 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_int16(self, field_name: str, value: typing.Optional[int]) -> None:
        """Writes a nullable int16 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_int32(self, field_name: str, value: int) -> None:
        """Writes a int32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_int32(self, field_name: str, value: typing.Optional[int]) -> None:
        """Writes a nullable int32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_int64(self, field_name: str, value: int) -> None:
        """Writes a int64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_int64(self, field_name: str, value: typing.Optional[int]) -> None:
        """Writes a nullable int64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_float32(self, field_name: str, value: float) -> None:
        """Writes a float32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_float32(self, field_name: str, value: typing.Optional[float]) -> None:
        """Writes a nullable float32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_float64(self, field_name: str, value: float) -> None:
        """Writes a float64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_nullable_float64(self, field_name: str, value: typing.Optional[float]) -> None:
        """Writes a nullable float64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_string(self, field_name: str, value: typing.Optional[str]) -> None:
        """Writes a string field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_decimal(self, field_name: str, value: typing.Optional[decimal.Decimal]) -> None:
        """Writes a decimal field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_time(self, field_name: str, value: typing.Optional[datetime.time]) -> None:
        """Writes a time field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_date(self, field_name: str, value: typing.Optional[datetime.date]) -> None:
        """Writes a date field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_timestamp(self, field_name: str, value: typing.Optional[datetime.datetime]) -> None:
        """Writes a timestamp field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_timestamp_with_timezone(self, field_name: str, value: typing.Optional[datetime.datetime]) -> None:
        """Writes a timestamp with timezone field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_compact(self, field_name: str, value: typing.Optional[typing.Any]) -> None:
        """Writes a compact field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_boolean(self, field_name: str, value: typing.Optional[typing.List[bool]]) -> None:
        """Writes an array of boolean field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_boolean(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[bool]]]) -> None:
        """Writes an array of nullable boolean field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_int8(self, field_name: str, value: typing.Optional[typing.List[int]]) -> None:
        """Writes an array of int8 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_int8(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[int]]]) -> None:
        """Writes an array of nullable int8 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_int16(self, field_name: str, value: typing.Optional[typing.List[int]]) -> None:
        """Writes an array of int16 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_int16(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[int]]]) -> None:
        """Writes an array of nullable int16 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_int32(self, field_name: str, value: typing.Optional[typing.List[int]]) -> None:
        """Writes an array of int32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_int32(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[int]]]) -> None:
        """Writes an array of nullable int32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_int64(self, field_name: str, value: typing.Optional[typing.List[int]]) -> None:
        """Writes an array of int64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_int64(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[int]]]) -> None:
        """Writes an array of nullable int64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_float32(self, field_name: str, value: typing.Optional[typing.List[float]]) -> None:
        """Writes an array of float32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_float32(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[float]]]) -> None:
        """Writes an array of nullable float32 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_float64(self, field_name: str, value: typing.Optional[typing.List[float]]) -> None:
        """Writes an array of float64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_nullable_float64(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[float]]]) -> None:
        """Writes an array of nullable float64 field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_string(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[str]]]) -> None:
        """Writes an array of string field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_decimal(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[decimal.Decimal]]]) -> None:
        """Writes an array of decimal field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_time(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[datetime.time]]]) -> None:
        """Writes an array of time field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_date(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[datetime.date]]]) -> None:
        """Writes an array of date field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_timestamp(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[datetime.datetime]]]) -> None:
        """Writes an array of timestamp field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_timestamp_with_timezone(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[datetime.datetime]]]) -> None:
        """Writes an array of timestamp with timezone field.

        Args:
            field_name: Name of the field.
            value: Value to write.
        """

    @abc.abstractmethod
    def write_array_of_compact(self, field_name: str, value: typing.Optional[typing.List[typing.Optional[typing.Any]]]) -> None:
        """Writes an array of compact field.

        Args:
            field_name: Name of the field.
            value: Value to write.

        Raises:
            HazelcastSerializationError: If the items are of different classes.
        """


CompactSerializableType = typing.TypeVar("CompactSerializableType")
"""Type of the objects a Compact serializer reads and writes."""


class CompactSerializer(typing.Generic[CompactSerializableType], abc.ABC):
    """Reads and writes objects of one class with Compact serialization.

    Register instances in ``Config.compact_serializers``; :func:`read` must
    read what :func:`write` writes.
    """

    @abc.abstractmethod
    def read(self, reader: CompactReader) -> CompactSerializableType:
        """Creates an object from the fields of the reader.

        Args:
            reader: The reader of the fields.

        Returns:
            The object read.

        Raises:
            HazelcastSerializationError: If the fields cannot be read.
        """

    @abc.abstractmethod
    def write(self, writer: CompactWriter, obj: CompactSerializableType) -> None:
        """Writes the fields of an object.

        Args:
            writer: The writer of the fields.
            obj: The object to write.

        Raises:
            HazelcastSerializationError: If the fields cannot be written.
        """

    @abc.abstractmethod
    def get_class(self) -> typing.Type[CompactSerializableType]:
        """Returns the class this serializer reads and writes.

        Returns:
            The class.
        """

    @abc.abstractmethod
    def get_type_name(self) -> str:
        """Returns the type name of the class, which must stay the same
        across versions of the class.

        Returns:
            The type name.
        """


class FieldKind(enum.IntEnum):
    """Kinds of the fields of Compact serialized objects (the numbers are
    those of the wire format)."""

    NOT_AVAILABLE = 0
    """The field does not exist."""

    BOOLEAN = 1
    ARRAY_OF_BOOLEAN = 2
    INT8 = 3
    ARRAY_OF_INT8 = 4
    CHAR = 5
    ARRAY_OF_CHAR = 6
    INT16 = 7
    ARRAY_OF_INT16 = 8
    INT32 = 9
    ARRAY_OF_INT32 = 10
    INT64 = 11
    ARRAY_OF_INT64 = 12
    FLOAT32 = 13
    ARRAY_OF_FLOAT32 = 14
    FLOAT64 = 15
    ARRAY_OF_FLOAT64 = 16
    STRING = 17
    ARRAY_OF_STRING = 18
    DECIMAL = 19
    ARRAY_OF_DECIMAL = 20
    TIME = 21
    ARRAY_OF_TIME = 22
    DATE = 23
    ARRAY_OF_DATE = 24
    TIMESTAMP = 25
    ARRAY_OF_TIMESTAMP = 26
    TIMESTAMP_WITH_TIMEZONE = 27
    ARRAY_OF_TIMESTAMP_WITH_TIMEZONE = 28
    COMPACT = 29
    ARRAY_OF_COMPACT = 30
    PORTABLE = 31
    ARRAY_OF_PORTABLE = 32
    NULLABLE_BOOLEAN = 33
    ARRAY_OF_NULLABLE_BOOLEAN = 34
    NULLABLE_INT8 = 35
    ARRAY_OF_NULLABLE_INT8 = 36
    NULLABLE_INT16 = 37
    ARRAY_OF_NULLABLE_INT16 = 38
    NULLABLE_INT32 = 39
    ARRAY_OF_NULLABLE_INT32 = 40
    NULLABLE_INT64 = 41
    ARRAY_OF_NULLABLE_INT64 = 42
    NULLABLE_FLOAT32 = 43
    ARRAY_OF_NULLABLE_FLOAT32 = 44
    NULLABLE_FLOAT64 = 45
    ARRAY_OF_NULLABLE_FLOAT64 = 46
