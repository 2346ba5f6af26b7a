"""Predicates, aggregators and projections serialize to the bytes the members
read: known-answer vectors written by the member's own serialization service
(Hazelcast 5.7.0, ``Predicates``/``Aggregators``/``Projections`` factories), and the
member classes the client reads back (``distinct`` sets, ``max_by`` entries)."""

from __future__ import annotations

import pytest

from hazelcast import aggregator as agg
from hazelcast import predicate as pred
from hazelcast import projection as proj
from hazelcast.config import Config
from hazelcast.core import MapEntry
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1

# (name, Data bytes as hex), printed by Java from the objects of OURS below.
JAVA_VECTORS = dict([
    ("sql", "00000000fffffffe01ffffffec0000000000000007616765203e2033"),
    ("equal", "00000000fffffffe01ffffffec000000030000000161fffffff900000001"),
    ("not_equal", "00000000fffffffe01ffffffec000000090000000161fffffff50000000178"),
    ("like", "00000000fffffffe01ffffffec00000005000000016e000000024125"),
    ("ilike", "00000000fffffffe01ffffffec00000006000000016e000000026125"),
    ("regex", "00000000fffffffe01ffffffec0000000c000000016e00000003412e2a"),
    ("greater", "00000000fffffffe01ffffffec000000040000000161fffffff9000000010000"),
    ("greater_or_equal", "00000000fffffffe01ffffffec000000040000000161fffffff9000000010100"),
    ("less", "00000000fffffffe01ffffffec000000040000000161fffffff9000000010001"),
    ("less_or_equal", "00000000fffffffe01ffffffec000000040000000161fffffff9000000010101"),
    ("between", "00000000fffffffe01ffffffec000000020000000161fffffff900000005fffffff900000001"),
    ("in_", "00000000fffffffe01ffffffec00000007000000016100000002fffffff900000001fffffff50000000162"),
    ("instance_of", "00000000fffffffe01ffffffec00000008000000106a6176612e6c616e672e537472696e67"),
    ("and_", "00000000fffffffe01ffffffec0000000100000002fffffffe01ffffffec000000030000000161fffffff900000001fffffffe01ffffffec0000000e"),
    ("or_", "00000000fffffffe01ffffffec0000000b00000002fffffffe01ffffffec000000030000000161fffffff900000001fffffffe01ffffffec0000000d"),
    ("not_", "00000000fffffffe01ffffffec0000000afffffffe01ffffffec0000000e"),
    ("true", "00000000fffffffe01ffffffec0000000e"),
    ("false", "00000000fffffffe01ffffffec0000000d"),
    ("paging", "00000000fffffffe01ffffffec0000000ffffffffffffffffe01ffffffec000000030000000161fffffff90000000100000000000000020000000500000005454e54525900000000"),
    ("count", "00000000fffffffe01ffffffe30000000400000001610000000000000000"),
    ("distinct", "00000000fffffffe01ffffffe300000005000000016100000000"),
    ("double_avg", "00000000fffffffe01ffffffe300000006000000016100000000000000000000000000000000"),
    ("double_sum", "00000000fffffffe01ffffffe30000000700000001610000000000000000"),
    ("fixed_point_sum", "00000000fffffffe01ffffffe30000000800000001610000000000000000"),
    ("floating_point_sum", "00000000fffffffe01ffffffe30000000900000001610000000000000000"),
    ("int_avg", "00000000fffffffe01ffffffe30000000a000000016100000000000000000000000000000000"),
    ("int_sum", "00000000fffffffe01ffffffe30000000b00000001610000000000000000"),
    ("long_avg", "00000000fffffffe01ffffffe30000000c000000016100000000000000000000000000000000"),
    ("long_sum", "00000000fffffffe01ffffffe30000000d00000001610000000000000000"),
    ("max_", "00000000fffffffe01ffffffe30000000e000000016100000000"),
    ("min_", "00000000fffffffe01ffffffe30000000f000000016100000000"),
    ("number_avg", "00000000fffffffe01ffffffe300000010000000016100000000000000000000000000000000"),
    ("max_by", "00000000fffffffe01ffffffe30000001100000001610000000000000000"),
    ("min_by", "00000000fffffffe01ffffffe30000001200000001610000000000000000"),
    ("count_all", "00000000fffffffe01ffffffe300000004ffffffff0000000000000000"),
    ("single_attribute", "00000000fffffffe01ffffffe2000000000000000161"),
    ("multi_attribute", "00000000fffffffe01ffffffe2000000010000000200000001610000000162"),
    ("identity", "00000000fffffffe01ffffffe200000002"),
])

OURS = {
    "sql": pred.sql("age > 3"),
    "equal": pred.equal("a", 1),
    "not_equal": pred.not_equal("a", "x"),
    "like": pred.like("n", "A%"),
    "ilike": pred.ilike("n", "a%"),
    "regex": pred.regex("n", "A.*"),
    "greater": pred.greater("a", 1),
    "greater_or_equal": pred.greater_or_equal("a", 1),
    "less": pred.less("a", 1),
    "less_or_equal": pred.less_or_equal("a", 1),
    "between": pred.between("a", 1, 5),
    "in_": pred.in_("a", 1, "b"),
    "instance_of": pred.instance_of("java.lang.String"),
    "and_": pred.and_(pred.equal("a", 1), pred.true()),
    "or_": pred.or_(pred.equal("a", 1), pred.false()),
    "not_": pred.not_(pred.true()),
    "true": pred.true(),
    "false": pred.false(),
    "count": agg.count("a"),
    "distinct": agg.distinct("a"),
    "double_avg": agg.double_avg("a"),
    "double_sum": agg.double_sum("a"),
    "fixed_point_sum": agg.fixed_point_sum("a"),
    "floating_point_sum": agg.floating_point_sum("a"),
    "int_avg": agg.int_avg("a"),
    "int_sum": agg.int_sum("a"),
    "long_avg": agg.long_avg("a"),
    "long_sum": agg.long_sum("a"),
    "max_": agg.max_("a"),
    "min_": agg.min_("a"),
    "number_avg": agg.number_avg("a"),
    "max_by": agg.max_by("a"),
    "min_by": agg.min_by("a"),
    "count_all": agg.count(),
    "single_attribute": proj.single_attribute("a"),
    "multi_attribute": proj.multi_attribute("a", "b"),
    "identity": proj.identity(),
}


def _paging():
    # Java: pagingPredicate(equal("a", 1), 5), page 2, iteration type ENTRY
    p = pred.paging(pred.equal("a", 1), 5)
    p.next_page()
    p.next_page()
    return p


OURS["paging"] = _paging()


@pytest.fixture(scope="module")
def service():
    return SerializationServiceV1(Config())


def test_every_factory_has_a_vector():
    assert sorted(OURS) == sorted(JAVA_VECTORS)


# The Java paging predicate writes a user code namespace (null: ffffffff) first in
# streams of a cluster version >= 5.4 only; the members read what clients send
# without a version, so without the namespace, as the official clients write it.
_HEADER = len("00000000fffffffe01ffffffec0000000f")
JAVA_VECTORS["paging"] = JAVA_VECTORS["paging"][:_HEADER] + JAVA_VECTORS["paging"][_HEADER + 8:]


@pytest.mark.parametrize("name", sorted(JAVA_VECTORS))
def test_bytes_equal_the_members(service, name):
    assert service.to_data(OURS[name]).to_bytes().hex() == JAVA_VECTORS[name]


def test_distinct_set_and_map_entry_are_read(service):
    # CanonicalizingHashSet (-29, 19) holding 1 and "b", as Java writes it; the map
    # entry (-4, 120) is composed by hand in the form max_by results arrive in
    # (tests/integration/test_map_query.py reads real ones).
    set_bytes = bytes.fromhex(
        "00000000fffffffe01ffffffe30000001300000002fffffff900000001fffffff50000000162"
    )
    assert service.to_object(Data(set_bytes)) == {1, "b"}
    entry_bytes = bytes.fromhex(
        "00000000fffffffe01fffffffc00000078fffffff50000000161fffffff900000007"
    )
    assert service.to_object(Data(entry_bytes)) == MapEntry("a", 7)


def test_predicates_compare_by_value():
    assert pred.equal("a", 1) == pred.equal("a", 1)
    assert pred.equal("a", 1) != pred.not_equal("a", 1)
    assert pred.and_(pred.true()) != pred.or_(pred.true())
