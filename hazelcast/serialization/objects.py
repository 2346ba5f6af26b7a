"""IdentifiedDataSerializable objects of the members' own factories that the
client reads: results of aggregations and projections."""

from __future__ import annotations

import typing

from hazelcast.core import MapEntry
from hazelcast.serialization.api import IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput


class IdentifiedMapEntry(MapEntry, IdentifiedDataSerializable):
    """A ``java.util.Map.Entry`` written by a member (``max_by``, ``min_by``,
    the identity projection)."""

    __slots__ = ()

    FACTORY_ID = -4
    CLASS_ID = 120

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        raise NotImplementedError("map entries of the members are read, never written")

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        self._key = object_data_input.read_object()
        self._value = object_data_input.read_object()

    def get_factory_id(self) -> int:
        return self.FACTORY_ID

    def get_class_id(self) -> int:
        return self.CLASS_ID


class CanonicalizingHashSet(set, IdentifiedDataSerializable):
    """The set of distinct values the ``distinct`` aggregator returns.

    The member canonicalizes the numbers in it (1 and 1.0 are one value), so
    it reads as a plain set.
    """

    FACTORY_ID = -29
    CLASS_ID = 19

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        raise NotImplementedError("sets of distinct values are read, never written")

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        for _ in range(object_data_input.read_int()):
            self.add(object_data_input.read_object())

    def get_factory_id(self) -> int:
        return self.FACTORY_ID

    def get_class_id(self) -> int:
        return self.CLASS_ID


def builtin_identified_factories() -> typing.Dict[int, typing.Dict[int, typing.Callable[[], IdentifiedDataSerializable]]]:
    """The factories of the member classes the client reads, by factory and class id."""
    return {
        IdentifiedMapEntry.FACTORY_ID: {IdentifiedMapEntry.CLASS_ID: IdentifiedMapEntry},
        CanonicalizingHashSet.FACTORY_ID: {CanonicalizingHashSet.CLASS_ID: CanonicalizingHashSet},
    }
