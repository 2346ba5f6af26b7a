"""Compact serialization: round trips of every field kind, nullable and
non-nullable kinds reading each other, schema evolution, and the schema
service (send before the first write, fetch on an unknown read, send all
after reconnecting) with a fake invocation service."""

from __future__ import annotations

import datetime
import uuid

import pytest
from hypothesis import given, settings, strategies as st

from hazelcast.compact import (
    CompactSchemaService,
    complete_after_fetching_schema,
    run_with_schemas,
    schema_aware,
)
from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError, IllegalStateError
from hazelcast.future import Future, ImmediateFuture
from hazelcast.protocol.codec import (
    client_fetch_schema_codec,
    client_send_all_schemas_codec,
    client_send_schema_codec,
)
from hazelcast.protocol.codec.custom.field_descriptor_codec import FieldDescriptor as CodecFieldDescriptor
from hazelcast.protocol.codec.custom.schema_codec import Schema as CodecSchema
from hazelcast.serialization.api import CompactSerializer, FieldKind
from hazelcast.serialization.compact import (
    FieldDescriptor,
    Schema,
    SchemaNotFoundError,
    SchemaNotReplicatedError,
)
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1


class Bag:
    def __init__(self, values):
        self.values = values


class Inner:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return isinstance(other, Inner) and other.n == self.n

    def __repr__(self):
        return "Inner(%r)" % self.n


class InnerSerializer(CompactSerializer):
    def read(self, reader):
        return Inner(reader.read_int64("n"))

    def write(self, writer, obj):
        writer.write_int64("n", obj.n)

    def get_class(self):
        return Inner

    def get_type_name(self):
        return "inner"


def ints(bits):
    return st.integers(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)


f32 = st.floats(width=32, allow_nan=False)
f64 = st.floats(allow_nan=False)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12, max_value=10**12)
naive = st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31))
aware = naive.map(lambda d: d.replace(tzinfo=datetime.timezone(datetime.timedelta(minutes=-150))))
inner = st.integers(-(2**63), 2**63 - 1).map(Inner)


def opt(s):
    return st.one_of(st.none(), s)


# method suffix -> strategy of its values
KINDS = {
    "boolean": st.booleans(),
    "int8": ints(8),
    "int16": ints(16),
    "int32": ints(32),
    "int64": ints(64),
    "float32": f32,
    "float64": f64,
    "string": opt(st.text()),
    "decimal": opt(decimals),
    "time": opt(st.times()),
    "date": opt(st.dates()),
    "timestamp": opt(naive),
    "timestamp_with_timezone": opt(aware),
    "compact": opt(inner),
    "array_of_boolean": opt(st.lists(st.booleans(), max_size=20)),
    "array_of_int8": opt(st.lists(ints(8))),
    "array_of_int16": opt(st.lists(ints(16))),
    "array_of_int32": opt(st.lists(ints(32))),
    "array_of_int64": opt(st.lists(ints(64))),
    "array_of_float32": opt(st.lists(f32)),
    "array_of_float64": opt(st.lists(f64)),
    "array_of_string": opt(st.lists(opt(st.text()))),
    "array_of_decimal": opt(st.lists(opt(decimals))),
    "array_of_time": opt(st.lists(opt(st.times()))),
    "array_of_date": opt(st.lists(opt(st.dates()))),
    "array_of_timestamp": opt(st.lists(opt(naive))),
    "array_of_timestamp_with_timezone": opt(st.lists(opt(aware))),
    "array_of_compact": opt(st.lists(opt(inner))),
}
for _name, _strategy in [
    ("boolean", st.booleans()), ("int8", ints(8)), ("int16", ints(16)), ("int32", ints(32)),
    ("int64", ints(64)), ("float32", f32), ("float64", f64),
]:
    KINDS["nullable_" + _name] = opt(_strategy)
    KINDS["array_of_nullable_" + _name] = opt(st.lists(opt(_strategy)))


class BagSerializer(CompactSerializer):
    """Writes the fields of a Bag: {field name: (kind, value)}."""

    def read(self, reader):
        return Bag({name: (kind, getattr(reader, "read_" + kind)(name)) for name, (kind, _) in self.fields.items()})

    def write(self, writer, obj):
        for name, (kind, value) in obj.values.items():
            getattr(writer, "write_" + kind)(name, value)

    def get_class(self):
        return Bag

    def get_type_name(self):
        return "bag"


def make_service(order="BIG_ENDIAN"):
    config = Config()
    config.is_big_endian = order == "BIG_ENDIAN"
    bag = BagSerializer()
    config.compact_serializers = [bag, InnerSerializer()]
    return SerializationServiceV1(config), bag


def to_data(service, obj):
    for _ in range(10):
        try:
            return service.to_data(obj)
        except SchemaNotReplicatedError as e:
            service.compact_stream_serializer.register_schema_to_type(e.schema, e.clazz)
    raise AssertionError("unreachable")


field_names = st.text(min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(field_names, st.sampled_from(sorted(KINDS)), max_size=12).flatmap(
        lambda kinds: st.fixed_dictionaries({n: st.tuples(st.just(k), KINDS[k]) for n, k in kinds.items()})
    ),
    st.sampled_from(["BIG_ENDIAN", "LITTLE_ENDIAN"]),
)
def test_every_field_kind_round_trips(values, order):
    service, bag = make_service(order)
    bag.fields = values
    data = to_data(service, Bag(values))
    assert data.get_type() == -55
    assert service.to_object(data).values == values


def test_offsets_of_one_two_and_four_bytes_round_trip():
    service, bag = make_service()
    for size in (10, 300, 70000):
        values = {"a": ("string", "x" * size), "b": ("nullable_int32", None), "c": ("array_of_string", ["y" * size, None])}
        bag.fields = values
        assert service.to_object(to_data(service, Bag(values))).values == values


def test_nullable_and_plain_kinds_read_each_other():
    service, bag = make_service()
    written = {"p": ("int32", 5), "n": ("nullable_int32", 6), "a": ("array_of_nullable_int64", [1, 2]),
               "b": ("array_of_boolean", [True]), "z": ("nullable_float64", None), "za": ("array_of_nullable_int8", [1, None])}
    bag.fields = {"p": ("nullable_int32", None), "n": ("int32", None), "a": ("array_of_int64", None),
                  "b": ("array_of_nullable_boolean", None)}
    data = to_data(service, Bag(written))
    assert service.to_object(data).values == {
        "p": ("nullable_int32", 5), "n": ("int32", 6), "a": ("array_of_int64", [1, 2]), "b": ("array_of_nullable_boolean", [True])
    }
    bag.fields = {"z": ("float64", None)}
    with pytest.raises(HazelcastSerializationError, match="read_nullable_float64"):
        service.to_object(data)
    bag.fields = {"za": ("array_of_int8", None)}
    with pytest.raises(HazelcastSerializationError, match="read_array_of_nullable_int8"):
        service.to_object(data)
    bag.fields = {"p": ("string", None)}
    with pytest.raises(HazelcastSerializationError, match="INT32"):
        service.to_object(data)


def test_schema_evolution_reader_checks_field_kind():
    class Evolving(BagSerializer):
        def read(self, reader):
            return (reader.get_field_kind("old"), reader.get_field_kind("new"))

    config = Config()
    config.compact_serializers = [Evolving()]
    service = SerializationServiceV1(config)
    data = to_data(service, Bag({"old": ("string", "x")}))
    assert service.to_object(data) == (FieldKind.STRING, FieldKind.NOT_AVAILABLE)


def test_writing_a_field_the_schema_lacks_or_twice_raises():
    service, bag = make_service()
    to_data(service, Bag({"a": ("int32", 1)}))
    with pytest.raises(HazelcastSerializationError, match="invalid field"):
        service.to_data(Bag({"b": ("int32", 1)}))  # the schema of Bag is known: {a}
    with pytest.raises(HazelcastSerializationError, match="invalid field kind"):
        service.to_data(Bag({"a": ("int64", 1)}))

    class Twice(BagSerializer):
        def write(self, writer, obj):
            writer.write_int32("a", 1)
            writer.write_int32("a", 2)

    config = Config()
    config.compact_serializers = [Twice()]
    with pytest.raises(HazelcastSerializationError, match="twice"):
        SerializationServiceV1(config).to_data(Bag({}))


def test_nested_schemas_are_asked_one_at_a_time():
    service, bag = make_service()
    bag.fields = {"i": ("compact", None)}
    asked = []
    for _ in range(3):
        try:
            data = service.to_data(Bag({"i": ("compact", Inner(1))}))
            break
        except SchemaNotReplicatedError as e:
            asked.append(e.schema.type_name)
            service.compact_stream_serializer.register_schema_to_type(e.schema, e.clazz)
    assert asked == ["bag", "inner"]
    assert service.to_object(data).values == {"i": ("compact", Inner(1))}


def test_unknown_schema_on_read_raises_schema_not_found():
    writer, bag = make_service()
    bag.fields = {"a": ("string", None)}
    data = to_data(writer, Bag({"a": ("string", "v")}))
    reader, reader_bag = make_service()
    reader_bag.fields = bag.fields
    with pytest.raises(SchemaNotFoundError) as info:
        reader.to_object(data)
    schema = writer.compact_stream_serializer.get_schemas()[0]
    assert info.value.schema_id == schema.schema_id
    reader.compact_stream_serializer.register_schema_to_id(schema)
    assert reader.to_object(data).values == {"a": ("string", "v")}


def test_schema_layout():
    schema = Schema("t", [FieldDescriptor(n, k) for n, k in [
        ("s", FieldKind.STRING), ("b2", FieldKind.BOOLEAN), ("i8", FieldKind.INT8), ("i64", FieldKind.INT64),
        ("b1", FieldKind.BOOLEAN), ("i32", FieldKind.INT32), ("n", FieldKind.NULLABLE_INT32),
    ]])
    layout = {f.name: (f.offset, f.bit_offset, f.index) for f in schema.fields}
    assert layout == {
        "i64": (0, -1, -1), "i32": (8, -1, -1), "i8": (12, -1, -1),
        "b1": (13, 0, -1), "b2": (13, 1, -1), "n": (-1, -1, 0), "s": (-1, -1, 1),
    }
    assert schema.fixed_size_fields_length == 14 and schema.number_of_var_size_fields == 2
    with pytest.raises(HazelcastSerializationError, match="duplicate"):
        Schema("t", [FieldDescriptor("a", FieldKind.INT8), FieldDescriptor("a", FieldKind.INT16)])


def test_schema_id_known_answers_from_java():
    # computed by Hazelcast 5.7's Java Schema/RabinFingerprint
    assert Schema("Empty", []).schema_id == -7824791657517553487
    inner_schema = Schema("Inner", [FieldDescriptor("x", FieldKind.INT32), FieldDescriptor("s", FieldKind.STRING)])
    assert inner_schema.schema_id == -2637386963372481075
    # the codec's holders give the same schema
    codec_schema = CodecSchema("Inner", [CodecFieldDescriptor("s", 17), CodecFieldDescriptor("x", 9)])
    assert Schema(codec_schema.type_name, codec_schema.fields) == inner_schema


# -- the schema service ----------------------------------------------------------


class Member:
    def __init__(self):
        self.uuid = uuid.uuid4()


class FakeCluster:
    def __init__(self, n):
        self.members = [Member() for _ in range(n)]

    def get_members(self):
        return list(self.members)


class FakeInvocations:
    """Completes invocations at once: sendSchema with the members that
    "have" the schema, fetchSchema from the schemas the "cluster" has."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.cluster_schemas = {}
        self.sent = []
        self.replicated_after = 1  # attempts before every member has a schema

    def invoke(self, invocation):
        handler = invocation.response_handler
        if handler is client_send_schema_codec.decode_response:
            self.sent.append("send")
            attempts = self.sent.count("send")
            members = self.cluster.members if attempts >= self.replicated_after else self.cluster.members[:1]
            invocation.future.set_result([m.uuid for m in members])
        elif handler is client_fetch_schema_codec.decode_response:
            self.sent.append("fetch")
            invocation.future.set_result(self.cluster_schemas.get(self.fetch_id))
        else:
            self.sent.append("send_all")
            invocation.future.set_result(None)


def schema_service(service, replicated_after=1):
    cluster = FakeCluster(3)
    invocations = FakeInvocations(cluster)
    invocations.replicated_after = replicated_after
    return CompactSchemaService(service.compact_stream_serializer, invocations, cluster, None, Config()), invocations


def test_send_schema_before_first_write_then_retry():
    service, bag = make_service()
    schemas, invocations = schema_service(service, replicated_after=3)
    bag.fields = {"i": ("compact", None)}
    future = run_with_schemas(schemas, service.to_data, Bag({"i": ("compact", Inner(7))}))
    data = future.result()
    # bag needed 3 attempts until every member had it, then inner 1 more
    assert invocations.sent == ["send"] * 4
    assert schemas.has_replicated_schemas()
    assert service.to_object(data).values == {"i": ("compact", Inner(7))}
    # later writes need no request
    assert run_with_schemas(schemas, service.to_data, Bag({"i": ("compact", None)})).result() is not None
    assert len(invocations.sent) == 4


def test_send_schema_gives_up_after_retries():
    service, _ = make_service()
    schemas, invocations = schema_service(service, replicated_after=10**6)
    schemas.SEND_SCHEMA_RETRY_COUNT = 3
    future = run_with_schemas(schemas, service.to_data, Inner(1))
    with pytest.raises(IllegalStateError, match="replicated"):
        future.result()
    assert invocations.sent == ["send"] * 3


def test_fetch_unknown_schema_on_read_then_retry():
    writer, _ = make_service()
    data = to_data(writer, Inner(5))
    schema = writer.compact_stream_serializer.get_schemas()[0]
    reader, _ = make_service()
    schemas, invocations = schema_service(reader)
    invocations.fetch_id = schema.schema_id
    invocations.cluster_schemas[schema.schema_id] = CodecSchema(
        schema.type_name, [CodecFieldDescriptor(f.name, f.kind) for f in schema.fields]
    )
    assert run_with_schemas(schemas, reader.to_object, data).result() == Inner(5)
    assert invocations.sent == ["fetch"]
    # the cluster does not know it either: a serialization error
    unknown = Data(data.to_bytes()[:8] + b"\x00" * 8)
    invocations.fetch_id = 0
    with pytest.raises(HazelcastSerializationError, match="cannot be found"):
        run_with_schemas(schemas, reader.to_object, unknown).result()


def test_send_all_schemas_after_reconnecting():
    service, _ = make_service()
    schemas, invocations = schema_service(service)
    assert schemas.send_all_schemas().result() is None and invocations.sent == []
    run_with_schemas(schemas, service.to_data, Inner(1)).result()
    schemas.send_all_schemas().result()
    assert invocations.sent == ["send", "send_all"]


def test_schema_aware_decorator_retries_proxy_method():
    service, _ = make_service()
    schemas, invocations = schema_service(service)

    class Context:
        compact_schema_service = schemas

    class Proxy:
        _context = Context()
        calls = 0

        @schema_aware
        def put(self, value):
            Proxy.calls += 1
            return ImmediateFuture(service.to_data(value))

    future = Proxy().put(Inner(3))
    assert isinstance(future, Future)
    assert service.to_object(future.result()) == Inner(3)
    assert Proxy.calls == 2 and invocations.sent == ["send"]


def test_codecs_encode_our_schema():
    schema = Schema("Inner", [FieldDescriptor("x", FieldKind.INT32)])
    assert client_send_schema_codec.encode_request(schema) is not None
    assert client_send_all_schemas_codec.encode_request([schema]) is not None


def test_invocation_response_decoded_again_after_fetching_schema():
    writer, _ = make_service()
    data = to_data(writer, Inner(9))
    schema = writer.compact_stream_serializer.get_schemas()[0]
    reader, _ = make_service()
    schemas, invocations = schema_service(reader)
    invocations.fetch_id = schema.schema_id
    invocations.cluster_schemas[schema.schema_id] = schema

    class Message:
        resets = 0

        def reset_cursor(self):
            Message.resets += 1

    class PendingInvocation:
        future = Future()

        @staticmethod
        def response_handler(message):
            return reader.to_object(data)

    invocation = PendingInvocation()
    try:
        invocation.response_handler(Message())
    except SchemaNotFoundError as e:
        complete_after_fetching_schema(schemas, e, invocation, Message())
    assert invocation.future.result() == Inner(9)
    assert Message.resets == 1 and invocations.sent == ["fetch"]
