"""Portable serialization: round trips, nested and null Portables, arrays,
configured class definitions, versions and reading another version."""

from __future__ import annotations

import datetime
import decimal

import pytest
from hypothesis import given, settings, strategies as st

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import Portable
from hazelcast.serialization.portable.classdef import ClassDefinitionBuilder, FieldType
from hazelcast.serialization.service import SerializationServiceV1

FACTORY = 7


class Node(Portable):
    """A Portable that nests itself (a linked list)."""

    def __init__(self, value=0, next_node=None, children=None):
        self.value, self.next_node, self.children = value, next_node, children

    def write_portable(self, writer):
        writer.write_int("value", self.value)
        if self.next_node is None:
            writer.write_null_portable("next", FACTORY, 2)
        else:
            writer.write_portable("next", self.next_node)
        writer.write_portable_array("children", self.children)

    def read_portable(self, reader):
        self.value = reader.read_int("value")
        self.next_node = reader.read_portable("next")
        self.children = reader.read_portable_array("children")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 2

    def __eq__(self, other):
        return isinstance(other, Node) and (self.value, self.next_node, self.children) == (
            other.value, other.next_node, other.children
        )


NODE_DEF = (
    ClassDefinitionBuilder(FACTORY, 2)
    .add_int_field("value")
    .add_portable_field("next", ClassDefinitionBuilder(FACTORY, 2).build())
    .add_portable_array_field("children", ClassDefinitionBuilder(FACTORY, 2).build())
    .build()
)

# (method suffix, field name, strategy)
f32 = st.floats(width=32, allow_nan=False)
naive_dt = st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31))
aware_dt = naive_dt.map(lambda d: d.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=3))))
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**9, max_value=10**9)
texts = st.text()
FIELDS = [
    ("int", "i", st.integers(-(2**31), 2**31 - 1)),
    ("long", "l", st.integers(-(2**63), 2**63 - 1)),
    ("string", "s", st.one_of(st.none(), texts)),
    ("boolean", "bo", st.booleans()),
    ("byte", "by", st.integers(-128, 127)),
    ("char", "c", st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",))),
    ("double", "d", st.floats(allow_nan=False)),
    ("float", "f", f32),
    ("short", "sh", st.integers(-(2**15), 2**15 - 1)),
    ("decimal", "dec", st.one_of(st.none(), decimals)),
    ("time", "t", st.one_of(st.none(), st.times())),
    ("date", "da", st.one_of(st.none(), st.dates())),
    ("timestamp", "ts", st.one_of(st.none(), naive_dt)),
    ("timestamp_with_timezone", "tz", st.one_of(st.none(), aware_dt)),
    ("byte_array", "bya", st.one_of(st.none(), st.binary().map(bytearray))),
    ("boolean_array", "boa", st.one_of(st.none(), st.lists(st.booleans()))),
    ("char_array", "ca", st.one_of(st.none(), st.lists(st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",))))),
    ("int_array", "ia", st.one_of(st.none(), st.lists(st.integers(-(2**31), 2**31 - 1)))),
    ("long_array", "la", st.one_of(st.none(), st.lists(st.integers(-(2**63), 2**63 - 1)))),
    ("double_array", "da2", st.one_of(st.none(), st.lists(st.floats(allow_nan=False)))),
    ("float_array", "fa", st.one_of(st.none(), st.lists(f32))),
    ("short_array", "sa", st.one_of(st.none(), st.lists(st.integers(-(2**15), 2**15 - 1)))),
    ("string_array", "stra", st.one_of(st.none(), st.lists(st.one_of(st.none(), texts)))),
    ("decimal_array", "deca", st.one_of(st.none(), st.lists(decimals))),
    ("time_array", "ta", st.one_of(st.none(), st.lists(st.times()))),
    ("date_array", "daa", st.one_of(st.none(), st.lists(st.dates()))),
    ("timestamp_array", "tsa", st.one_of(st.none(), st.lists(naive_dt))),
    ("timestamp_with_timezone_array", "tza", st.one_of(st.none(), st.lists(aware_dt))),
]


class AllFields(Portable):
    def __init__(self, values=None):
        self.values = values

    def write_portable(self, writer):
        for kind, name, _ in FIELDS:
            getattr(writer, "write_" + kind)(name, self.values[name])

    def read_portable(self, reader):
        self.values = {name: getattr(reader, "read_" + kind)(name) for kind, name, _ in FIELDS}

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 1


def service(order="BIG_ENDIAN", **options) -> SerializationServiceV1:
    config = Config()
    config.is_big_endian = order == "BIG_ENDIAN"
    config.portable_factories = {FACTORY: {1: AllFields, 2: Node}}
    for name, value in options.items():
        setattr(config, name, value)
    return SerializationServiceV1(config)


SERVICES = {order: service(order) for order in ("BIG_ENDIAN", "LITTLE_ENDIAN")}


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({name: strategy for _, name, strategy in FIELDS}), st.sampled_from(sorted(SERVICES)))
def test_every_field_kind_round_trips(values, order):
    svc = SERVICES[order]
    data = svc.to_data(AllFields(values))
    assert data.get_type() == -1
    back = svc.to_object(data).values
    # Python keeps naive datetimes naive; time zones come back as fixed offsets
    assert back == values


def test_class_definition_is_recorded_from_write_portable():
    svc = service()
    values = {name: None for _, name, _ in FIELDS}
    values.update({"i": 1, "l": 2, "bo": True, "by": 3, "c": "x", "d": 1.0, "f": 2.0, "sh": 4})
    svc.to_data(AllFields(values))
    class_def = svc.portable_serializer.portable_context.lookup_class_definition(FACTORY, 1, 0)
    assert class_def.get_field_names() == [name for _, name, _ in FIELDS]
    assert class_def.get_field_type("tz") == FieldType.TIMESTAMP_WITH_TIMEZONE


def test_nested_null_and_array_portables_round_trip_with_configured_definition():
    svc = service(class_definitions=[NODE_DEF])
    tree = Node(1, Node(2, None, [Node(3, None, None)]), [Node(4, None, []), Node(5, None, None)])
    assert svc.to_object(svc.to_data(tree)) == tree


def test_null_portable_needs_a_registered_class_definition():
    with pytest.raises(HazelcastSerializationError, match="class definition"):
        service().to_data(Node(1, None, [Node(2, Node(3), [Node(4)])]))


class Holder(Portable):
    def __init__(self, items=None):
        self.items = items

    def write_portable(self, writer):
        writer.write_portable_array("items", self.items)

    def read_portable(self, reader):
        self.items = reader.read_portable_array("items")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 30


def test_empty_portable_array_needs_a_registered_class_definition():
    # the class definition of the items cannot be learned from no items
    for items in ([], None):
        with pytest.raises(HazelcastSerializationError, match="empty Portable array"):
            service().to_data(Holder(items))
    svc = service(portable_factories={FACTORY: {30: Holder, 10: PersonV1}})
    holder = svc.to_object(svc.to_data(Holder([PersonV1("a", 1), PersonV1("b", 2)])))
    assert [(p.name, p.age) for p in holder.items] == [("a", 1), ("b", 2)]
    for items in ([], None):  # now the definition is known
        assert svc.to_object(svc.to_data(Holder(items))).items == items


def test_check_class_definition_errors():
    missing_nested = (
        ClassDefinitionBuilder(FACTORY, 3)
        .add_portable_field("p", ClassDefinitionBuilder(FACTORY, 99).build())
        .build()
    )
    with pytest.raises(HazelcastSerializationError, match="class id 99"):
        service(class_definitions=[missing_nested])
    svc = service(class_definitions=[missing_nested], check_class_definition_errors=False)
    assert svc.portable_serializer.portable_context.lookup_class_definition(FACTORY, 3, 0) == missing_nested


def test_duplicate_class_definitions_are_refused():
    with pytest.raises(HazelcastSerializationError, match="duplicate"):
        service(class_definitions=[NODE_DEF, NODE_DEF])


def test_incompatible_class_definition_with_same_ids_is_refused():
    other = ClassDefinitionBuilder(FACTORY, 2).add_long_field("value").build()
    svc = service(class_definitions=[NODE_DEF])
    with pytest.raises(HazelcastSerializationError, match="incompatible"):
        svc.portable_serializer.portable_context.register_class_definition(other)


def test_unknown_factory_or_class_raises():
    svc = service(class_definitions=[NODE_DEF])
    data = svc.to_data(Node(1))
    for factories in ({}, {FACTORY: {}}):
        reader = service(portable_factories=factories)
        with pytest.raises(HazelcastSerializationError, match="portable_factories"):
            reader.to_object(data)


def test_writing_a_field_twice_or_with_another_type_raises():
    class Twice(Node):
        def write_portable(self, writer):
            writer.write_int("value", 1)
            writer.write_int("value", 2)

    with pytest.raises(HazelcastSerializationError, match="value"):
        service().to_data(Twice())


# -- versions ----------------------------------------------------------------


class PersonV1(Portable):
    def __init__(self, name="", age=0):
        self.name, self.age = name, age

    def write_portable(self, writer):
        writer.write_string("name", self.name)
        writer.write_int("age", self.age)
        writer.write_short("height", 180)

    def read_portable(self, reader):
        self.name = reader.read_string("name")
        self.age = reader.read_int("age")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 10

    def get_class_version(self):
        return 1


class PersonV2(Portable):
    """Version 2: ``age`` widened to a long, ``email`` added."""

    def __init__(self):
        self.name, self.age, self.height, self.email, self.flag = None, None, None, None, None

    def write_portable(self, writer):
        writer.write_string("name", self.name)
        writer.write_long("age", self.age)
        writer.write_double("height", float(self.height))
        writer.write_string("email", self.email)

    def read_portable(self, reader):
        self.name = reader.read_string("name")
        self.age = reader.read_long("age")
        self.height = reader.read_double("height")
        self.email = reader.read_string("email")
        self.flag = reader.read_boolean("flag")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 10

    def get_class_version(self):
        return 2


def test_version_is_written_and_newer_version_reads_older_data():
    writer = service(portable_factories={FACTORY: {10: PersonV1}})
    data = writer.to_data(PersonV1("ann", 42))
    # factory id, class id, then the class version
    assert data.to_bytes()[8:20] == bytes.fromhex("00000007" "0000000a" "00000001")
    reader = service(portable_factories={FACTORY: {10: PersonV2}})
    person = reader.to_object(data)
    assert (person.name, person.age, person.height, person.email, person.flag) == ("ann", 42, 180.0, None, False)
    assert isinstance(person.age, int) and isinstance(person.height, float)


def test_incompatible_field_type_of_another_version_raises():
    class PersonV3(PersonV2):
        def read_portable(self, reader):
            reader.read_int("name")

        def get_class_version(self):
            return 3

    data = service(portable_factories={FACTORY: {10: PersonV1}}).to_data(PersonV1("bob", 1))
    reader = service(portable_factories={FACTORY: {10: PersonV3}})
    with pytest.raises(HazelcastSerializationError, match="incompatible"):
        reader.to_object(data)


class Leaf(Portable):
    def __init__(self, value=0):
        self.value = value

    def write_portable(self, writer):
        writer.write_int("value", self.value)

    def read_portable(self, reader):
        self.value = reader.read_int("value")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 31


def test_portable_version_config_is_the_default_version():
    svc = service(portable_version=5, portable_factories={FACTORY: {30: Holder, 31: Leaf}})
    data = svc.to_data(Holder([Leaf(1), Leaf(2)]))
    assert data.to_bytes()[16:20] == (5).to_bytes(4, "big")
    assert [leaf.value for leaf in svc.to_object(data).items] == [1, 2]
    context = svc.portable_serializer.portable_context
    assert context.lookup_class_definition(FACTORY, 31, 5).get_field_names() == ["value"]


def test_raw_data_and_field_introspection():
    class WithRaw(Portable):
        def __init__(self):
            self.seen = None

        def write_portable(self, writer):
            writer.write_int("a", 1)
            raw = writer.get_raw_data_output()
            raw.write_string("raw text")
            if self.seen == "write after raw":
                writer.write_int("b", 2)

        def read_portable(self, reader):
            self.seen = (
                reader.get_version(), reader.has_field("a"), reader.has_field("b"),
                reader.get_field_names(), reader.get_field_type("a"),
                reader.read_int("a"), reader.get_raw_data_input().read_string(),
            )

        def get_factory_id(self):
            return FACTORY

        def get_class_id(self):
            return 20

    svc = service(portable_factories={FACTORY: {20: WithRaw}})
    obj = svc.to_object(svc.to_data(WithRaw()))
    assert obj.seen == (0, True, False, {"a"}, FieldType.INT, 1, "raw text")
    bad = WithRaw()
    bad.seen = "write after raw"
    with pytest.raises(HazelcastSerializationError, match="get_raw_data_output"):
        service(portable_factories={FACTORY: {20: WithRaw}}).to_data(bad)


def test_portable_inside_list_and_identified_objects_use_absolute_positions():
    svc = service(class_definitions=[NODE_DEF])
    nodes = [Node(1), "x", Node(2, Node(3), [Node(4)])]
    assert svc.to_object(svc.to_data(nodes)) == nodes


def test_truncated_portable_raises_serialization_error():
    svc = service(class_definitions=[NODE_DEF])
    raw = svc.to_data(Node(1, Node(2), [Node(3)])).to_bytes()
    from hazelcast.serialization.data import Data

    for cut in range(9, len(raw), 7):
        with pytest.raises(HazelcastSerializationError):
            svc.to_object(Data(raw[:cut]))
