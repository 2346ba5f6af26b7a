"""Aggregators: functions (count, sum, average, min, max...) the members
compute over map entries, so that only the result travels to the client.

They are sent as IdentifiedDataSerializable objects of the members'
aggregator factory (id ``-29``).
"""

from __future__ import annotations

import typing

from hazelcast.core import MapEntry
from hazelcast.serialization.api import IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput

__all__ = [
    "Aggregator",
    "count",
    "distinct",
    "double_avg",
    "double_sum",
    "fixed_point_sum",
    "floating_point_sum",
    "int_avg",
    "int_sum",
    "long_avg",
    "long_sum",
    "max_",
    "min_",
    "number_avg",
    "max_by",
    "min_by",
]

AggregatorResultType = typing.TypeVar("AggregatorResultType")
KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")

_AGGREGATOR_FACTORY_ID = -29

# How each aggregator's Java state after the attribute path is written: a
# fresh aggregator has zero accumulators (or null for min/max), in the order
# the member's readData expects.
_LONG = "long"
_INT = "int"
_DOUBLE = "double"
_OBJECT = "object"


class Aggregator(typing.Generic[AggregatorResultType]):
    """Base class of the aggregators.

    An aggregator computes one value over the entries of a map (all, or the
    ones a predicate selects, see :meth:`hazelcast.proxy.map.Map.aggregate`):
    each member aggregates its own entries and the results are combined, so
    only the final value reaches the client.
    """

    __slots__ = ()


class _IdsAggregator(Aggregator[AggregatorResultType], IdentifiedDataSerializable):
    __slots__ = ("_attribute_path",)
    CLASS_ID = -1
    NAME = ""
    # The zero state the member reads after the attribute path.
    STATE: typing.Tuple[str, ...] = ()

    def __init__(self, attribute_path: typing.Optional[str] = None):
        self._attribute_path = attribute_path

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        object_data_output.write_string(self._attribute_path)
        for kind in self.STATE:
            if kind == _LONG:
                object_data_output.write_long(0)
            elif kind == _DOUBLE:
                object_data_output.write_double(0.0)
            elif kind == _INT:
                object_data_output.write_int(0)
            else:
                object_data_output.write_object(None)

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        raise NotImplementedError("aggregators are written, never read")

    def get_factory_id(self) -> int:
        return _AGGREGATOR_FACTORY_ID

    def get_class_id(self) -> int:
        return self.CLASS_ID

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._attribute_path == self._attribute_path

    def __hash__(self) -> int:
        return hash((type(self), self._attribute_path))

    def __repr__(self) -> str:
        return "%s(attribute_path=%r)" % (self.NAME, self._attribute_path)


def _aggregator(name: str, class_id: int, *state: str) -> type:
    return type(name, (_IdsAggregator,), {"__slots__": (), "CLASS_ID": class_id, "NAME": name, "STATE": state})


# Class ids of the members' AggregatorDataSerializerHook.
_Count = _aggregator("CountAggregator", 4, _LONG)
_Distinct = _aggregator("DistinctValuesAggregator", 5, _INT)
_DoubleAvg = _aggregator("DoubleAverageAggregator", 6, _DOUBLE, _LONG)
_DoubleSum = _aggregator("DoubleSumAggregator", 7, _DOUBLE)
_FixedPointSum = _aggregator("FixedSumAggregator", 8, _LONG)
_FloatingPointSum = _aggregator("FloatingPointSumAggregator", 9, _DOUBLE)
_IntAvg = _aggregator("IntegerAverageAggregator", 10, _LONG, _LONG)
_IntSum = _aggregator("IntegerSumAggregator", 11, _LONG)
_LongAvg = _aggregator("LongAverageAggregator", 12, _LONG, _LONG)
_LongSum = _aggregator("LongSumAggregator", 13, _LONG)
_Max = _aggregator("MaxAggregator", 14, _OBJECT)
_Min = _aggregator("MinAggregator", 15, _OBJECT)
_NumberAvg = _aggregator("NumberAverageAggregator", 16, _DOUBLE, _LONG)
_MaxBy = _aggregator("MaxByAggregator", 17, _OBJECT, _OBJECT)
_MinBy = _aggregator("MinByAggregator", 18, _OBJECT, _OBJECT)


def count(attribute_path: typing.Optional[str] = None) -> Aggregator[int]:
    """Creates an aggregator counting the entries (or the values at a path).

    ``None`` values are counted too.

    Args:
        attribute_path: Path of the values to count (optional: the entries).

    Returns:
        The aggregator.
    """
    return _Count(attribute_path)


def distinct(attribute_path: typing.Optional[str] = None) -> Aggregator[typing.Set[AggregatorResultType]]:
    """Creates an aggregator returning the set of distinct values.

    ``None`` is a value like the others.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _Distinct(attribute_path)


def double_avg(attribute_path: typing.Optional[str] = None) -> Aggregator[float]:
    """Creates an aggregator computing the average of ``double`` values.

    The values must be Java ``double`` values or convertible to them (Python
    ``float`` and ``int`` within range); ``None`` values are an error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _DoubleAvg(attribute_path)


def double_sum(attribute_path: typing.Optional[str] = None) -> Aggregator[float]:
    """Creates an aggregator computing the sum of ``double`` values.

    The values must be Java ``double`` values or convertible to them; ``None``
    values are an error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _DoubleSum(attribute_path)


def fixed_point_sum(attribute_path: typing.Optional[str] = None) -> Aggregator[int]:
    """Creates an aggregator computing the sum of integral values as a ``long``.

    Any Java number is accepted and converted with ``longValue()`` (fractions
    are dropped); ``None`` values are an error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _FixedPointSum(attribute_path)


def floating_point_sum(attribute_path: typing.Optional[str] = None) -> Aggregator[float]:
    """Creates an aggregator computing the sum of numbers as a ``double``.

    Any Java number is accepted and converted with ``doubleValue()``; ``None``
    values are an error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _FloatingPointSum(attribute_path)


def int_avg(attribute_path: typing.Optional[str] = None) -> Aggregator[int]:
    """Creates an aggregator computing the average of ``int`` values.

    The values must be Java ``int`` values (Python ``int`` within 32 bits
    with the default ``default_int_type``); ``None`` values are an error.
    The result is a ``float``.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _IntAvg(attribute_path)


def int_sum(attribute_path: typing.Optional[str] = None) -> Aggregator[int]:
    """Creates an aggregator computing the sum of ``int`` values.

    The values must be Java ``int`` values; ``None`` values are an error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _IntSum(attribute_path)


def long_avg(attribute_path: typing.Optional[str] = None) -> Aggregator[int]:
    """Creates an aggregator computing the average of ``long`` values.

    The values must be Java ``long`` values (e.g. Python ``int`` stored with
    ``default_int_type=LONG``); ``None`` values are an error. The result is
    a ``float``.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _LongAvg(attribute_path)


def long_sum(attribute_path: typing.Optional[str] = None) -> Aggregator[int]:
    """Creates an aggregator computing the sum of ``long`` values.

    The values must be Java ``long`` values; ``None`` values are an error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _LongSum(attribute_path)


def max_(attribute_path: typing.Optional[str] = None) -> Aggregator[AggregatorResultType]:
    """Creates an aggregator returning the greatest value.

    The values must be Java ``Comparable`` (numbers, strings...); ``None``
    values are skipped.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _Max(attribute_path)


def min_(attribute_path: typing.Optional[str] = None) -> Aggregator[AggregatorResultType]:
    """Creates an aggregator returning the smallest value.

    The values must be Java ``Comparable`` (numbers, strings...); ``None``
    values are skipped.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _Min(attribute_path)


def number_avg(attribute_path: typing.Optional[str] = None) -> Aggregator[float]:
    """Creates an aggregator computing the average of numbers of any Java type.

    Each value is converted with ``doubleValue()``; ``None`` values are an
    error.

    Args:
        attribute_path: Path of the values (optional: the entry values).

    Returns:
        The aggregator.
    """
    return _NumberAvg(attribute_path)


def max_by(attribute_path: str) -> Aggregator[MapEntry[KeyType, ValueType]]:
    """Creates an aggregator returning the entry whose value at a path is the
    greatest (any one of them on a tie).

    Args:
        attribute_path: Path of the compared values (Java ``Comparable``;
            ``None`` values are skipped).

    Returns:
        The aggregator; its result is a :class:`~hazelcast.core.MapEntry`.
    """
    return _MaxBy(attribute_path)


def min_by(attribute_path: str) -> Aggregator[MapEntry[KeyType, ValueType]]:
    """Creates an aggregator returning the entry whose value at a path is the
    smallest (any one of them on a tie).

    Args:
        attribute_path: Path of the compared values (Java ``Comparable``;
            ``None`` values are skipped).

    Returns:
        The aggregator; its result is a :class:`~hazelcast.core.MapEntry`.
    """
    return _MinBy(attribute_path)
