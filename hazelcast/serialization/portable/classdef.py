"""Class definitions of Portable objects: the named, typed fields of one
version of a Portable class."""

from __future__ import annotations

import typing

from hazelcast.errors import HazelcastSerializationError

__all__ = ["FieldType", "FieldDefinition", "ClassDefinition", "ClassDefinitionBuilder"]


class FieldType:
    """Types of Portable fields (the numbers are those of the wire format).

    A plain class of int constants, as in the official client; ``UTF`` and
    ``UTF_ARRAY`` are older names of ``STRING`` and ``STRING_ARRAY``.
    """

    PORTABLE = 0
    BYTE = 1
    BOOLEAN = 2
    CHAR = 3
    SHORT = 4
    INT = 5
    LONG = 6
    FLOAT = 7
    DOUBLE = 8
    UTF = 9  # kept for compatibility; same as STRING
    STRING = 9
    PORTABLE_ARRAY = 10
    BYTE_ARRAY = 11
    BOOLEAN_ARRAY = 12
    CHAR_ARRAY = 13
    SHORT_ARRAY = 14
    INT_ARRAY = 15
    LONG_ARRAY = 16
    FLOAT_ARRAY = 17
    DOUBLE_ARRAY = 18
    UTF_ARRAY = 19  # kept for compatibility; same as STRING_ARRAY
    STRING_ARRAY = 19
    DECIMAL = 20
    DECIMAL_ARRAY = 21
    TIME = 22
    TIME_ARRAY = 23
    DATE = 24
    DATE_ARRAY = 25
    TIMESTAMP = 26
    TIMESTAMP_ARRAY = 27
    TIMESTAMP_WITH_TIMEZONE = 28
    TIMESTAMP_WITH_TIMEZONE_ARRAY = 29


# type id -> name, the current names winning over the older aliases
_FIELD_TYPE_NAMES: typing.Dict[int, str] = {}
for _name, _value in vars(FieldType).items():
    if _name.isupper() and _name not in ("UTF", "UTF_ARRAY"):
        _FIELD_TYPE_NAMES[_value] = _name
del _name, _value


def field_type_name(field_type: int) -> str:
    """The name of a Portable field type id (``"INT"``), or the number itself."""
    return _FIELD_TYPE_NAMES.get(field_type, str(field_type))


def is_field_type(type_id: int) -> bool:
    """True for the id of a known Portable field type."""
    return type_id in _FIELD_TYPE_NAMES


class FieldDefinition:
    """One field of a class definition: its position, name and type (and the
    factory/class ids of Portable fields)."""

    def __init__(
        self,
        index: int,
        field_name: str,
        field_type: int,
        version: int,
        factory_id: int = 0,
        class_id: int = 0,
    ):
        self.index = index
        self.field_name = field_name
        self.field_type = field_type
        self.version = version
        self.factory_id = factory_id
        self.class_id = class_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldDefinition) and (
            self.index, self.field_name, self.field_type, self.version, self.factory_id, self.class_id
        ) == (other.index, other.field_name, other.field_type, other.version, other.factory_id, other.class_id)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self.index, self.field_name, self.field_type, self.version, self.factory_id, self.class_id))

    def __repr__(self) -> str:
        return "FieldDefinition(index=%s, field_name=%s, field_type=%s, version=%s, factory_id=%s, class_id=%s)" % (
            self.index, self.field_name, self.field_type, self.version, self.factory_id, self.class_id
        )


class ClassDefinition:
    """The fields of one version of a Portable class."""

    def __init__(self, factory_id: int, class_id: int, version: int):
        self.factory_id = factory_id
        self.class_id = class_id
        self.version = version
        self.field_defs: typing.Dict[str, FieldDefinition] = {}

    def add_field_def(self, field_def: FieldDefinition) -> None:
        self.field_defs[field_def.field_name] = field_def

    def get_field(self, field_name_or_index: typing.Union[str, int]) -> typing.Optional[FieldDefinition]:
        """Returns a field by name (None if absent) or by index.

        Raises:
            IndexError: If the index is out of range.
        """
        if isinstance(field_name_or_index, int):
            for field in self.field_defs.values():
                if field.index == field_name_or_index:
                    return field
            raise IndexError("index %d is out of range for %d fields" % (field_name_or_index, len(self.field_defs)))
        return self.field_defs.get(field_name_or_index, None)

    def has_field(self, field_name: str) -> bool:
        return field_name in self.field_defs

    def get_field_names(self) -> typing.List[str]:
        return list(self.field_defs.keys())

    def get_field_type(self, field_name: str) -> int:
        """Raises:
        ValueError: If there is no such field."""
        fd = self.get_field(field_name)
        if fd is None:
            raise ValueError("unknown field: %s" % field_name)
        return fd.field_type

    def get_field_class_id(self, field_name: str) -> int:
        """Raises:
        ValueError: If there is no such field."""
        fd = self.get_field(field_name)
        if fd is None:
            raise ValueError("unknown field: %s" % field_name)
        return fd.class_id

    def get_field_count(self) -> int:
        return len(self.field_defs)

    def set_version_if_not_set(self, version: int) -> None:
        if self.version < 0:
            self.version = version

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClassDefinition) and (
            self.factory_id, self.class_id, self.version, self.field_defs
        ) == (other.factory_id, other.class_id, other.version, other.field_defs)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self.factory_id, self.class_id, self.version))

    def __repr__(self) -> str:
        return "ClassDefinition(factory_id=%s, class_id=%s, version=%s, field_defs=%s)" % (
            self.factory_id, self.class_id, self.version, self.field_defs
        )


class ClassDefinitionBuilder:
    """Builds a ClassDefinition field by field, in write order.

    Args:
        factory_id: Factory id of the Portable class.
        class_id: Class id of the Portable class.
        version: Version of the class definition.
    """

    def __init__(self, factory_id: int, class_id: int, version: int = 0):
        self.factory_id = factory_id
        self.class_id = class_id
        self.version = version
        self._index = 0
        self._done = False
        self._field_defs: typing.List[FieldDefinition] = []
        self._field_names: typing.Set[str] = set()

    def _add(self, field_name: str, field_type: int, factory_id: int = 0, class_id: int = 0) -> "ClassDefinitionBuilder":
        if self._done:
            raise HazelcastSerializationError(
                "ClassDefinition is already built for %s" % self.class_id
            )
        if field_name in self._field_names:
            raise HazelcastSerializationError("field with name '%s' already exists" % field_name)
        self._field_names.add(field_name)
        self._field_defs.append(FieldDefinition(self._index, field_name, field_type, self.version, factory_id, class_id))
        self._index += 1
        return self

    def _add_portable(self, field_name: str, field_type: int, class_def: ClassDefinition) -> "ClassDefinitionBuilder":
        if class_def.class_id == 0:
            raise ValueError("Portable class id cannot be zero")
        return self._add(field_name, field_type, class_def.factory_id, class_def.class_id)

    def add_portable_field(self, field_name: str, class_def: ClassDefinition) -> "ClassDefinitionBuilder":
        return self._add_portable(field_name, FieldType.PORTABLE, class_def)

    def add_portable_array_field(self, field_name: str, class_def: ClassDefinition) -> "ClassDefinitionBuilder":
        return self._add_portable(field_name, FieldType.PORTABLE_ARRAY, class_def)

    def add_field_def(self, field_def: FieldDefinition) -> "ClassDefinitionBuilder":
        """Adds a prepared field; its index must be the next one.

        Raises:
            HazelcastSerializationError: If the index is not the next one.
        """
        if self._index != field_def.index:
            raise HazelcastSerializationError("invalid field index %d, expected %d" % (field_def.index, self._index))
        self._field_names.add(field_def.field_name)
        self._field_defs.append(field_def)
        self._index += 1
        return self

    def build(self) -> ClassDefinition:
        self._done = True
        cd = ClassDefinition(self.factory_id, self.class_id, self.version)
        for fd in self._field_defs:
            cd.add_field_def(fd)
        return cd


def _field_adder(field_type: int) -> typing.Callable[[ClassDefinitionBuilder, str], ClassDefinitionBuilder]:
    def add(self: ClassDefinitionBuilder, field_name: str) -> ClassDefinitionBuilder:
        return self._add(field_name, field_type)

    add.__doc__ = "Adds a %s field." % field_type_name(field_type).lower().replace("_", " ")
    return add


for _name, _type in [
    ("int", FieldType.INT), ("long", FieldType.LONG), ("string", FieldType.STRING), ("utf", FieldType.STRING),
    ("boolean", FieldType.BOOLEAN), ("byte", FieldType.BYTE), ("char", FieldType.CHAR), ("double", FieldType.DOUBLE),
    ("float", FieldType.FLOAT), ("short", FieldType.SHORT), ("decimal", FieldType.DECIMAL), ("time", FieldType.TIME),
    ("date", FieldType.DATE), ("timestamp", FieldType.TIMESTAMP),
    ("timestamp_with_timezone", FieldType.TIMESTAMP_WITH_TIMEZONE),
    ("byte_array", FieldType.BYTE_ARRAY), ("boolean_array", FieldType.BOOLEAN_ARRAY), ("char_array", FieldType.CHAR_ARRAY),
    ("int_array", FieldType.INT_ARRAY), ("long_array", FieldType.LONG_ARRAY), ("double_array", FieldType.DOUBLE_ARRAY),
    ("float_array", FieldType.FLOAT_ARRAY), ("short_array", FieldType.SHORT_ARRAY), ("string_array", FieldType.STRING_ARRAY),
    ("utf_array", FieldType.STRING_ARRAY), ("decimal_array", FieldType.DECIMAL_ARRAY), ("time_array", FieldType.TIME_ARRAY),
    ("date_array", FieldType.DATE_ARRAY), ("timestamp_array", FieldType.TIMESTAMP_ARRAY),
    ("timestamp_with_timezone_array", FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY),
]:
    setattr(ClassDefinitionBuilder, "add_%s_field" % _name, _field_adder(_type))
del _name, _type
