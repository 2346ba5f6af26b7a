"""Projections: what map queries return of each entry (an attribute, several
attributes, or the entry itself), computed by the members so that only that
travels to the client.

They are sent as IdentifiedDataSerializable objects of the members'
projection factory (id ``-30``).
"""

from __future__ import annotations

import typing

from hazelcast.core import MapEntry
from hazelcast.serialization.api import IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput

__all__ = ["Projection", "single_attribute", "multi_attribute", "identity"]

ProjectionType = typing.TypeVar("ProjectionType")
KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")

_PROJECTION_FACTORY_ID = -30


class Projection(typing.Generic[ProjectionType]):
    """Base class of the projections.

    A projection turns each entry a query selects into the value returned
    for it (see :meth:`hazelcast.proxy.map.Map.project`).
    """

    __slots__ = ()


class _IdsProjection(Projection[ProjectionType], IdentifiedDataSerializable):
    __slots__ = ()
    CLASS_ID = -1

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        raise NotImplementedError("projections are written, never read")

    def get_factory_id(self) -> int:
        return _PROJECTION_FACTORY_ID

    def get_class_id(self) -> int:
        return self.CLASS_ID


def _check_attribute_path(attribute_path: str) -> None:
    if not attribute_path:
        raise ValueError("invalid attribute path %r: must not be None or empty" % (attribute_path,))
    if "[any]" in attribute_path:
        raise ValueError("invalid attribute path %r: [any] is not allowed in projections" % (attribute_path,))


class _SingleAttributeProjection(_IdsProjection[ProjectionType]):
    __slots__ = ("attribute_path",)
    CLASS_ID = 0

    def __init__(self, attribute_path: str):
        _check_attribute_path(attribute_path)
        self.attribute_path = attribute_path

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        object_data_output.write_string(self.attribute_path)

    def __repr__(self) -> str:
        return "SingleAttributeProjection(attribute_path=%r)" % (self.attribute_path,)


class _MultiAttributeProjection(_IdsProjection[typing.List[typing.Any]]):
    __slots__ = ("attribute_paths",)
    CLASS_ID = 1

    def __init__(self, attribute_paths: typing.List[str]):
        if not attribute_paths:
            raise ValueError("a multi-attribute projection needs at least one attribute path")
        for attribute_path in attribute_paths:
            _check_attribute_path(attribute_path)
        self.attribute_paths = attribute_paths

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        object_data_output.write_string_array(self.attribute_paths)

    def __repr__(self) -> str:
        return "MultiAttributeProjection(attribute_paths=%r)" % (self.attribute_paths,)


class _IdentityProjection(_IdsProjection[MapEntry[KeyType, ValueType]]):
    __slots__ = ()
    CLASS_ID = 2

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        pass

    def __repr__(self) -> str:
        return "IdentityProjection()"


def single_attribute(attribute_path: str) -> Projection[ProjectionType]:
    """Creates a projection returning the value at an attribute path of each entry.

    Args:
        attribute_path: The path, e.g. ``"name"`` or ``"address.city"``
            (``[any]`` is not allowed).

    Returns:
        The projection.

    Raises:
        ValueError: If the path is empty or holds ``[any]``.
    """
    return _SingleAttributeProjection(attribute_path)


def multi_attribute(*attribute_paths: str) -> Projection[typing.List[typing.Any]]:
    """Creates a projection returning, for each entry, the list of the values
    at the given attribute paths.

    Args:
        *attribute_paths: The paths (at least one; ``[any]`` is not allowed).

    Returns:
        The projection.

    Raises:
        ValueError: If no path is given, or one is empty or holds ``[any]``.
    """
    return _MultiAttributeProjection(list(attribute_paths))


def identity() -> Projection[MapEntry[KeyType, ValueType]]:
    """Creates a projection returning each entry as it is, as a
    :class:`~hazelcast.core.MapEntry`.

    Returns:
        The projection.
    """
    return _IdentityProjection()
