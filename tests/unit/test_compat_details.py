"""Details where code written for the official client relies on its exact behaviour
(issue 13, item 10). tests/unit/test_compat_api.py compares the signatures of these
classes with the recorded official ones; here is what they do."""

from __future__ import annotations

import enum
import inspect
import pickle
import uuid

import pytest

from hazelcast.config import Config
from hazelcast.core import (
    Address,
    DistributedObjectInfo,
    EndpointQualifier,
    HazelcastJsonValue,
    MemberInfo,
    MemberVersion,
    ProtocolType,
    SimpleEntryView,
)
from hazelcast.errors import HazelcastSerializationError
from hazelcast.future import Future, ImmediateExceptionFuture, ImmediateFuture
from hazelcast.serialization.api import Portable
from hazelcast.serialization.data import Data
from hazelcast.serialization.portable.classdef import FieldType
from hazelcast.serialization.service import SerializationServiceV1

# -- Future --------------------------------------------------------------------


def test_continue_with_flattens_a_returned_future():
    source = Future()
    inner = Future()
    chained = source.continue_with(lambda f, extra: inner if f.result() == 1 else extra, "other")
    source.set_result(1)
    assert not chained.done(), "waits for the Future the continuation returned"
    inner.set_result("inner value")
    assert chained.result() == "inner value"

    failing = ImmediateFuture(2).continue_with(lambda f: ImmediateExceptionFuture(KeyError("k")))
    assert isinstance(failing.exception(), KeyError)
    nested = ImmediateFuture(3).continue_with(lambda f: ImmediateFuture(f.result() + 1).continue_with(lambda g: g.result() * 10))
    assert nested.result() == 40


@pytest.mark.parametrize("future", [ImmediateFuture(1), ImmediateExceptionFuture(ValueError("v"))])
def test_immediate_futures_refuse_a_new_outcome(future):
    with pytest.raises(NotImplementedError):
        future.set_result(2)
    with pytest.raises(NotImplementedError):
        future.set_exception(KeyError("k"))
    assert future.done()


# -- HazelcastJsonValue and pickling ----------------------------------------------


def test_json_value_of_none_is_rejected_as_there():
    with pytest.raises(AssertionError, match="cannot hold None"):
        HazelcastJsonValue(None)
    assert HazelcastJsonValue("null").loads() is None


# objects, and the attribute names the official client pickles them with
PICKLED = [
    (HazelcastJsonValue('{"a": 1}'), {"_json_string": '{"a": 1}'}),
    (Address("example.org", 5702), {"host": "example.org", "port": 5702}),
    (DistributedObjectInfo("hz:impl:mapService", "m"), {"service_name": "hz:impl:mapService", "name": "m"}),
]


@pytest.mark.parametrize("obj, state", PICKLED, ids=lambda v: type(v).__name__)
def test_value_classes_pickle_with_every_protocol_as_there(obj, state):
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(obj, protocol)) == obj, protocol
    # the same state as the official (dict-based) objects: pickles move between the clients
    assert obj.__getstate__() == state
    clone = type(obj).__new__(type(obj))
    clone.__setstate__(state)
    assert clone == obj


def test_predicates_pickle_with_protocol_zero():
    from hazelcast import predicate

    for p in (predicate.sql("age > 3"), predicate.and_(predicate.equal("a", 1), predicate.greater("b", 2)),
              predicate.paging(predicate.less("a", 5), 10)):
        assert pickle.loads(pickle.dumps(p, 0)) == p


def test_pickle_fallback_serializer_stores_values_holding_slotted_objects():
    # A tuple of value objects has no serializer of its own: it is pickled with
    # protocol 0, which refuses objects with __slots__ and no __getstate__.
    config = Config()
    config.pickle_allowed_classes = [HazelcastJsonValue, Address]
    service = SerializationServiceV1(config)
    value = (HazelcastJsonValue("[1]"), Address("h", 1))
    assert service.to_object(service.to_data(value)) == value


# -- hash ----------------------------------------------------------------------------


def test_murmur_hash3_keeps_the_official_call():
    from hazelcast import hash as hz_hash

    assert list(inspect.signature(hz_hash.murmur_hash3_x86_32).parameters) == ["data"]
    service = SerializationServiceV1(Config())
    data = service.to_data("key-1")
    # the official function hashes a serialized Data's bytes after the header
    assert hz_hash.murmur_hash3_x86_32(data.to_bytes()) == data.get_partition_hash()
    assert hz_hash.murmur_hash3_x86_32(bytearray(data.to_bytes())) == data.get_partition_hash()
    assert list(inspect.signature(hz_hash.hash_to_index).parameters) == ["mm_hash", "length"]
    assert hz_hash.hash_to_index(mm_hash=-7, length=5) == 2


# -- Portable ------------------------------------------------------------------------

FACTORY = 41


class Leaf(Portable):
    def __init__(self, x=0):
        self.x = x

    def write_portable(self, writer):
        writer.write_int("x", self.x)

    def read_portable(self, reader):
        self.x = reader.read_int("x")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 3


class Inner(Portable):
    def __init__(self, count=0, name=None, leaf=None):
        self.count, self.name, self.leaf = count, name, leaf

    def write_portable(self, writer):
        writer.write_int("count", self.count)
        writer.write_string("name", self.name)
        if self.leaf is None:
            writer.write_null_portable("leaf", FACTORY, 3)
        else:
            writer.write_portable(field_name="leaf", portable=self.leaf)  # the official keywords

    def read_portable(self, reader):
        self.count = reader.read_int("count")
        self.name = reader.read_string("name")
        self.leaf = reader.read_portable("leaf")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 2


class Outer(Portable):
    """Reads its nested fields by path besides the usual way."""

    def __init__(self, ident=0, inner=None):
        self.ident, self.inner = ident, inner
        self.by_path = None

    def write_portable(self, writer):
        writer.write_int("ident", self.ident)
        writer.write_portable("inner", self.inner)

    def read_portable(self, reader):
        self.by_path = (reader.read_int("inner.count"), reader.read_string("inner.name"),
                        reader.read_int("inner.leaf.x"), reader.read_portable("inner.leaf"))
        self.ident = reader.read_int("ident")  # the reader is still positioned for the rest
        self.inner = reader.read_portable("inner")

    def get_factory_id(self):
        return FACTORY

    def get_class_id(self):
        return 1


def _portable_service():
    config = Config()
    config.portable_factories = {FACTORY: {1: Outer, 2: Inner, 3: Leaf}}
    return SerializationServiceV1(config)


def test_portable_readers_accept_nested_field_paths():
    service = _portable_service()
    back = service.to_object(service.to_data(Outer(7, Inner(5, "five", Leaf(9)))))
    assert back.ident == 7 and (back.inner.count, back.inner.name, back.inner.leaf.x) == (5, "five", 9)
    count, name, x, leaf = back.by_path
    assert (count, name, x, leaf.x) == (5, "five", 9, 9)


def test_nested_path_through_a_none_portable_or_a_wrong_type_fails_clearly():
    class BadPath(Outer):
        path = ""

        def read_portable(self, reader):
            reader.read_int(self.path)

    writer = _portable_service()
    writer.to_data(Leaf(0))  # registers Leaf's class definition, which a None field needs
    data = writer.to_data(Outer(1, Inner(2, "two", None)))
    config = Config()
    config.portable_factories = {FACTORY: {1: BadPath, 2: Inner, 3: Leaf}}
    service = SerializationServiceV1(config)
    for path, message in (("inner.leaf.x", "the Portable field leaf is None"),
                          ("inner.name", "not a INT field: inner.name"),
                          ("inner.nope", "unknown field name 'inner.nope'"),
                          ("ident.x", "ident is a INT field, not a Portable")):
        BadPath.path = path
        with pytest.raises(HazelcastSerializationError, match=message):
            service.to_object(data)


def test_portable_writer_parameter_names_are_the_official_ones():
    from hazelcast.serialization.api import PortableWriter
    from hazelcast.serialization.portable.writer import DefaultPortableWriter

    for cls in (PortableWriter, DefaultPortableWriter):
        assert list(inspect.signature(cls.write_portable).parameters) == ["self", "field_name", "portable"]


def test_field_type_is_a_plain_class_with_the_string_aliases():
    assert not issubclass(FieldType, enum.Enum)
    assert type(FieldType.INT) is int
    assert FieldType.STRING == FieldType.UTF == 9 and FieldType.STRING_ARRAY == FieldType.UTF_ARRAY == 19
    assert {"STRING", "STRING_ARRAY", "UTF", "UTF_ARRAY", "PORTABLE"} <= set(dir(FieldType))


# -- Data, MemberInfo, EndpointQualifier, SimpleEntryView ----------------------------


def test_data_takes_buf_and_tells_portables():
    service = _portable_service()
    portable = service.to_data(Leaf(1))
    assert Data(portable.to_bytes()).is_portable()
    assert Data(buf=portable.to_bytes()) == portable
    assert not service.to_data("text").is_portable()
    assert not Data(None).is_portable()


def test_member_info_takes_the_official_positional_arguments():
    address, member_uuid, version = Address("h", 5701), uuid.uuid4(), MemberVersion(5, 7, 0)
    public = Address("public.example", 5701)
    address_map = {EndpointQualifier(ProtocolType.CLIENT, "public"): public}
    official = MemberInfo(address, member_uuid, {"a": "b"}, False, version, True, address_map)
    assert (official.address, official.uuid, official.attributes, official.lite_member, official.version) == (
        address, member_uuid, {"a": "b"}, False, version)
    assert official.address_map == address_map and official.client_address(use_public_ip=True) == public
    by_name = MemberInfo(address=address, member_uuid=member_uuid, attributes={}, lite_member=True,
                         version=version, _=False, address_map=None)
    assert by_name.uuid == member_uuid and by_name.address_map == {}
    assert MemberInfo(address, member_uuid, {}, False, version, address_map).address_map == address_map


def test_endpoint_qualifier_has_protocol_type():
    qualifier = EndpointQualifier(protocol_type=ProtocolType.CLIENT, identifier="public")
    assert qualifier.protocol_type == ProtocolType.CLIENT and qualifier.identifier == "public"
    assert qualifier == EndpointQualifier(ProtocolType.CLIENT, "public")
    assert hash(qualifier) == hash(EndpointQualifier(ProtocolType.CLIENT, "public"))
    with pytest.raises(AttributeError):
        qualifier.protocol_type = 2  # read-only, as there


def test_simple_entry_view_is_generic():
    view_type = SimpleEntryView[str, int]
    view = view_type("k", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    assert (view.key, view.value) == ("k", 1)


# -- Compact reader: read_<kind>_or_default --------------------------------------


def test_compact_reader_or_default_reads_a_field_of_that_kind_else_gives_the_default():
    from hazelcast.serialization.api import CompactSerializer
    from hazelcast.serialization.compact import SchemaNotReplicatedError

    class Point:
        def __init__(self, x):
            self.x = x

    class PointSerializer(CompactSerializer):
        def read(self, reader):
            return (
                reader.read_int32_or_default("x", -1),  # there, of that kind
                reader.read_int64_or_default("x", -2),  # there, of another kind
                reader.read_string_or_default("label", "none"),  # not there (a later version's field)
                reader.read_array_of_nullable_int8_or_default("ys", None),
            )

        def write(self, writer, obj):
            writer.write_int32("x", obj.x)

        def get_class(self):
            return Point

        def get_type_name(self):
            return "point"

    config = Config()
    config.compact_serializers = [PointSerializer()]
    service = SerializationServiceV1(config)
    try:
        data = service.to_data(Point(7))
    except SchemaNotReplicatedError as e:  # no cluster here: the schema is taken as sent
        service.compact_stream_serializer.register_schema_to_type(e.schema, e.clazz)
        data = service.to_data(Point(7))
    assert service.to_object(data) == (7, -2, "none", None)
