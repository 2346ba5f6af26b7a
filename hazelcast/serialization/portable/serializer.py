"""The Portable serializer (type id -1) and its creation from the config."""

from __future__ import annotations

import typing

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import nesting as _nesting
from hazelcast.serialization.api import ObjectDataInput, ObjectDataOutput, Portable, StreamSerializer
from hazelcast.serialization.portable.classdef import ClassDefinition, FieldType
from hazelcast.serialization.portable.context import PortableContext
from hazelcast.serialization.portable.reader import DefaultPortableReader, MorphingPortableReader
from hazelcast.serialization.portable.writer import DefaultPortableWriter
from hazelcast.serialization.serialization_const import CONSTANT_TYPE_PORTABLE

if typing.TYPE_CHECKING:
    from hazelcast.serialization.input import _ObjectDataInput
    from hazelcast.serialization.output import _ObjectDataOutput

__all__ = ["PortableSerializer", "create_portable_serializer"]

PortableFactories = typing.Dict[int, typing.Dict[int, typing.Callable[[], Portable]]]


class PortableSerializer(StreamSerializer):
    """Writes factory id, class id, version, then the fields (see
    :mod:`hazelcast.serialization.portable.writer`).

    Args:
        portable_context: The class definitions.
        portable_factories: ``{factory_id: {class_id: constructor}}``.
    """

    def __init__(self, portable_context: PortableContext, portable_factories: PortableFactories):
        self._portable_context = portable_context
        self._portable_factories = portable_factories

    @property
    def portable_context(self) -> PortableContext:
        return self._portable_context

    def write(self, out: ObjectDataOutput, obj: Portable) -> None:
        if not isinstance(obj, Portable):
            raise HazelcastSerializationError("%s is not a Portable" % type(obj).__name__)
        if obj.get_class_id() == 0:
            raise HazelcastSerializationError(
                "the class id of Portable %s cannot be zero" % type(obj).__name__
            )
        out.write_int(obj.get_factory_id())
        out.write_int(obj.get_class_id())
        self.write_internal(out, obj)  # type: ignore[arg-type]  # the service's stream is an _ObjectDataOutput

    def write_internal(self, out: "_ObjectDataOutput", portable: Portable) -> None:
        """Writes the version and the fields of a Portable."""
        depth = _nesting.enter("write")
        try:
            class_def = self._portable_context.lookup_or_register_class_definition(portable)
            out.write_int(class_def.version)
            writer = DefaultPortableWriter(self, out, class_def)
            portable.write_portable(writer)
            writer.end()
        finally:
            _nesting.leave(depth)

    def read(self, inp: ObjectDataInput) -> Portable:
        factory_id = inp.read_int()
        class_id = inp.read_int()
        return self.read_internal(inp, factory_id, class_id)  # type: ignore[arg-type]  # the service's _ObjectDataInput

    def read_internal(self, inp: "_ObjectDataInput", factory_id: int, class_id: int) -> Portable:
        """Reads the version and the fields of a Portable whose factory and
        class ids were read."""
        depth = _nesting.enter("read")
        try:
            version = inp.read_int()
            portable = self._create_new_portable_instance(factory_id, class_id)
            portable_version = self._find_portable_version(factory_id, class_id, portable)
            reader = self.create_reader(inp, factory_id, class_id, version, portable_version)
            portable.read_portable(reader)
            reader.end()
            return portable
        finally:
            _nesting.leave(depth)

    def create_reader(
        self, inp: "_ObjectDataInput", factory_id: int, class_id: int, version: int, portable_version: int
    ) -> DefaultPortableReader:
        """Returns the reader of data written with ``version``: a morphing
        reader when the local class has another version."""
        context = self._portable_context
        effective_version = version if version >= 0 else context.get_version()
        class_def = context.lookup_class_definition(factory_id, class_id, effective_version)
        if class_def is None:
            begin = inp.position()
            class_def = context.read_class_definition(inp, factory_id, class_id, effective_version)
            inp.set_position(begin)
        if portable_version == effective_version:
            return DefaultPortableReader(self, inp, class_def)
        return MorphingPortableReader(self, inp, class_def)

    def _find_portable_version(self, factory_id: int, class_id: int, portable: Portable) -> int:
        from hazelcast.serialization.portable.context import get_portable_version

        context = self._portable_context
        current = context.get_class_version(factory_id, class_id)
        if current < 0:
            current = get_portable_version(portable, context.get_version())
            if current > 0:
                context.set_class_version(factory_id, class_id, current)
        return current

    def _create_new_portable_instance(self, factory_id: int, class_id: int) -> Portable:
        factory = self._portable_factories.get(factory_id, None)
        if factory is None:
            raise HazelcastSerializationError(
                "no Portable factory is registered for factory id %d (see portable_factories)" % factory_id
            )
        constructor = factory.get(class_id, None)
        if constructor is None:
            raise HazelcastSerializationError(
                "the Portable factory of factory id %d has no class id %d (see portable_factories)"
                % (factory_id, class_id)
            )
        return constructor()

    def get_type_id(self) -> int:
        return CONSTANT_TYPE_PORTABLE

    def destroy(self) -> None:
        pass


def register_class_definitions(
    portable_context: PortableContext,
    class_definitions: typing.Iterable[ClassDefinition],
    check_error: bool,
) -> None:
    """Registers configured class definitions, nested ones first.

    Raises:
        HazelcastSerializationError: On a duplicate (factory id, class id),
            or, when ``check_error``, a nested Portable field whose class
            definition is not among them.
    """
    factories: typing.Dict[int, typing.Dict[int, ClassDefinition]] = {}
    for class_def in class_definitions:
        class_defs = factories.setdefault(class_def.factory_id, {})
        if class_def.class_id in class_defs:
            raise HazelcastSerializationError(
                "duplicate class definition for factory id %d, class id %d"
                % (class_def.factory_id, class_def.class_id)
            )
        class_defs[class_def.class_id] = class_def
    for class_def in class_definitions:
        _register_class_definition(portable_context, class_def, factories, check_error, set())


def _register_class_definition(context, class_def, factories, check_error, seen) -> None:
    key = (class_def.factory_id, class_def.class_id)
    if key in seen:  # a class that nests itself (a tree node, say)
        return
    seen.add(key)
    for field_name in class_def.get_field_names():
        field_def = class_def.get_field(field_name)
        if field_def.field_type not in (FieldType.PORTABLE, FieldType.PORTABLE_ARRAY):
            continue
        nested = factories.get(field_def.factory_id, {}).get(field_def.class_id, None)
        if nested is not None:
            _register_class_definition(context, nested, factories, check_error, seen)
            context.register_class_definition(nested)
        elif check_error:
            raise HazelcastSerializationError(
                "could not find a registered class definition for factory id %d, class id %d "
                "(field %s of %s)" % (field_def.factory_id, field_def.class_id, field_name, class_def)
            )
    context.register_class_definition(class_def)


def create_portable_serializer(serialization_service: typing.Any, config: typing.Any) -> PortableSerializer:
    """Creates the Portable serializer of a serialization service from the
    config's ``portable_version``, ``portable_factories``,
    ``class_definitions`` and ``check_class_definition_errors``.

    Raises:
        HazelcastSerializationError: If the class definitions are invalid.
    """
    context = PortableContext(serialization_service, getattr(config, "portable_version", 0) or 0)
    register_class_definitions(
        context,
        getattr(config, "class_definitions", None) or [],
        getattr(config, "check_class_definition_errors", True),
    )
    return PortableSerializer(context, getattr(config, "portable_factories", None) or {})
