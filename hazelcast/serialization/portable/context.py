"""Registry of the Portable class definitions a serialization service knows:
per factory, per class id and version."""

from __future__ import annotations

import threading
import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.bits import INT_SIZE_IN_BYTES
from hazelcast.serialization.nesting import MAX_NESTING_DEPTH
from hazelcast.serialization.portable.classdef import (
    ClassDefinition,
    ClassDefinitionBuilder,
    FieldDefinition,
    FieldType,
    is_field_type,
)

if typing.TYPE_CHECKING:
    from hazelcast.serialization.api import Portable
    from hazelcast.serialization.input import _ObjectDataInput

__all__ = ["PortableContext", "ClassDefinitionContext", "get_portable_version"]


def get_portable_version(portable: typing.Any, default_version: int) -> int:
    """Returns the version of a Portable: its ``get_class_version()`` when
    it defines one (a versioned Portable), else ``default_version``."""
    get_class_version = getattr(portable, "get_class_version", None)
    if get_class_version is None:
        return default_version
    return get_class_version()


class ClassDefinitionContext:
    """The class definitions of one factory, by class id and version.

    Args:
        factory_id: The factory id of the definitions.
        portable_version: The default version of Portable classes.
    """

    def __init__(self, factory_id: int, portable_version: int):
        self.factory_id = factory_id
        self._portable_version = portable_version
        self._versioned_definitions: typing.Dict[typing.Tuple[int, int], ClassDefinition] = {}
        self._current_class_versions: typing.Dict[int, int] = {}
        self._lock = threading.Lock()

    def get_class_version(self, class_id: int) -> int:
        """Returns the version set for a class id, or -1."""
        return self._current_class_versions.get(class_id, -1)

    def set_class_version(self, class_id: int, version: int) -> None:
        """Sets the version of a class id.

        Raises:
            HazelcastSerializationError: If another version is already set.
        """
        with self._lock:
            current = self._current_class_versions.setdefault(class_id, version)
        if current != version:
            raise HazelcastSerializationError(
                "class id %d of factory id %d already has version %d, cannot set %d"
                % (class_id, self.factory_id, current, version)
            )

    def lookup(self, class_id: int, version: int) -> typing.Optional[ClassDefinition]:
        return self._versioned_definitions.get((class_id, version), None)

    @typing.overload
    def register(self, class_def: ClassDefinition) -> ClassDefinition: ...

    @typing.overload
    def register(self, class_def: None) -> None: ...

    def register(self, class_def: typing.Optional[ClassDefinition]) -> typing.Optional[ClassDefinition]:
        """Registers a class definition; returns the registered one (an
        equal definition registered before wins).

        Raises:
            HazelcastSerializationError: If the factory id differs, or another
                definition has the same class id and version.
        """
        if class_def is None:
            return None
        if class_def.factory_id != self.factory_id:
            raise HazelcastSerializationError(
                "invalid factory id %d for the class definitions of factory id %d"
                % (class_def.factory_id, self.factory_id)
            )
        class_def.set_version_if_not_set(self._portable_version)
        key = (class_def.class_id, class_def.version)
        with self._lock:
            current = self._versioned_definitions.setdefault(key, class_def)
        if current is not class_def and current != class_def:
            raise HazelcastSerializationError(
                "incompatible class definition with the same class id: %s (registered: %s)"
                % (class_def, current)
            )
        return current


class PortableContext:
    """Class definitions and class versions of all Portable factories.

    Args:
        serialization_service: The service (for ``is_big_endian``).
        portable_version: The default version of Portable classes.
    """

    def __init__(self, serialization_service: typing.Any, portable_version: int):
        self.serialization_service = serialization_service
        self._portable_version = portable_version
        self._class_defs: typing.Dict[int, ClassDefinitionContext] = {}
        self._lock = threading.Lock()

    def get_version(self) -> int:
        """Returns the default Portable version (``portable_version``)."""
        return self._portable_version

    def get_class_version(self, factory_id: int, class_id: int) -> int:
        return self._get_context(factory_id).get_class_version(class_id)

    def set_class_version(self, factory_id: int, class_id: int, version: int) -> None:
        self._get_context(factory_id).set_class_version(class_id, version)

    def lookup_class_definition(self, factory_id: int, class_id: int, version: int) -> typing.Optional[ClassDefinition]:
        context = self._class_defs.get(factory_id, None)
        if context is None:
            return None
        return context.lookup(class_id, version)

    def register_class_definition(self, class_definition: ClassDefinition) -> ClassDefinition:
        return self._get_context(class_definition.factory_id).register(class_definition)

    def lookup_or_register_class_definition(self, portable: "Portable") -> ClassDefinition:
        """Returns the class definition of a Portable's class, made by
        running its ``write_portable`` against a recording writer the first
        time."""
        from hazelcast.serialization.portable.writer import ClassDefinitionWriter

        version = get_portable_version(portable, self._portable_version)
        factory_id = portable.get_factory_id()
        class_id = portable.get_class_id()
        class_def = self.lookup_class_definition(factory_id, class_id, version)
        if class_def is None:
            writer = ClassDefinitionWriter(self, factory_id, class_id, version)
            portable.write_portable(writer)
            class_def = writer.register_and_get()
        return class_def

    def read_class_definition(
        self, inp: "_ObjectDataInput", factory_id: int, class_id: int, version: int
    ) -> ClassDefinition:
        """Builds the class definition of serialized Portable data from the
        field names and types the data carries (used to read versions this
        client has no definition of). Moves the input's position.

        Each nested definition is built once, however many fields refer to
        it, and nesting is bounded (``MAX_NESTING_DEPTH``), as is the total
        number of fields read (by the size of the input): crafted data
        cannot make this take more than linear time.
        """
        budget = [max(64, inp.size())]
        return self._read_class_definition(inp, factory_id, class_id, version, set(), 0, budget)

    def _read_class_definition(
        self,
        inp: "_ObjectDataInput",
        factory_id: int,
        class_id: int,
        version: int,
        seen: typing.Set[typing.Tuple[int, int, int]],
        depth: int,
        budget: typing.List[int],
    ) -> ClassDefinition:
        if depth > MAX_NESTING_DEPTH:
            raise HazelcastSerializationError(
                "cannot read Portable class definitions nested more than %d levels deep" % MAX_NESTING_DEPTH
            )
        seen.add((factory_id, class_id, version))
        register = True
        builder = ClassDefinitionBuilder(factory_id, class_id, version)
        inp.read_int()  # the end position of the Portable
        field_count = inp.read_int()
        if field_count < 0 or field_count * INT_SIZE_IN_BYTES > inp.size() - inp.position():
            raise HazelcastSerializationError(
                "invalid Portable field count %d at position %d" % (field_count, inp.position() - 4)
            )
        budget[0] -= field_count
        if budget[0] < 0:
            raise HazelcastSerializationError(
                "invalid Portable data: its class definitions have more fields than its %d bytes can hold"
                % inp.size()
            )
        offset = inp.position()
        for i in range(field_count):
            pos = inp.read_int(offset + i * INT_SIZE_IN_BYTES)
            inp.set_position(pos)
            name_length = inp.read_short()
            if name_length < 0:
                raise HazelcastSerializationError("invalid field name length %d" % name_length)
            name = "".join(chr(inp.read_unsigned_byte()) for _ in range(name_length))
            type_id = inp.read_byte()
            if not is_field_type(type_id):
                raise HazelcastSerializationError("unknown Portable field type %d of field %s" % (type_id, name))
            field_type = type_id
            field_factory_id = 0
            field_class_id = 0
            field_version = version
            nested = False
            if field_type == FieldType.PORTABLE:
                is_null = inp.read_boolean()
                field_factory_id = inp.read_int()
                field_class_id = inp.read_int()
                # a null nested Portable leaves its definition unknown: the
                # definition stays unregistered, as it is incomplete
                if is_null:
                    register = False
                else:
                    field_version = inp.read_int()
                    nested = True
            elif field_type == FieldType.PORTABLE_ARRAY:
                length = inp.read_int()
                field_factory_id = inp.read_int()
                field_class_id = inp.read_int()
                if length > 0:
                    first = inp.read_int(inp.position())
                    inp.set_position(first)
                    field_version = inp.read_int()
                    nested = True
                else:
                    register = False
            if nested:
                key = (field_factory_id, field_class_id, field_version)
                # built in this read already (or in progress: a recursive
                # class), or known from before: not read again
                if key not in seen and self.lookup_class_definition(*key) is None:
                    self._read_class_definition(inp, *key, seen, depth + 1, budget)
            builder.add_field_def(
                FieldDefinition(i, name, field_type, field_version, field_factory_id, field_class_id)
            )
        class_def = builder.build()
        if register:
            class_def = self.register_class_definition(class_def)
        return class_def

    def _get_context(self, factory_id: int) -> ClassDefinitionContext:
        context = self._class_defs.get(factory_id, None)
        if context is None:
            with self._lock:
                context = self._class_defs.setdefault(
                    factory_id, ClassDefinitionContext(factory_id, self._portable_version)
                )
        return context
