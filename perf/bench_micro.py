"""Microbenchmarks of the client's hot paths, each run once with the pure
and once with the compiled implementation (see ``conftest.py``).

``python perf/ratios.py`` runs them and prints compiled/pure ratios.
"""

from __future__ import annotations

import struct

import pytest

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.protocol.client_message import IS_FINAL_FLAG, UNFRAGMENTED_MESSAGE
from hazelcast.protocol.codec import map_put_codec
from hazelcast.serialization.api import CompactSerializer, IdentifiedDataSerializable, Portable
from hazelcast.serialization.service import SerializationServiceV1

FACTORY_ID = 1


class Employee(IdentifiedDataSerializable):
    def __init__(self, name="", age=0, salary=0.0):
        self.name, self.age, self.salary = name, age, salary

    def write_data(self, out):
        out.write_string(self.name)
        out.write_int(self.age)
        out.write_double(self.salary)

    def read_data(self, inp):
        self.name = inp.read_string()
        self.age = inp.read_int()
        self.salary = inp.read_double()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1


class PortableEmployee(Portable):
    def __init__(self, name="", age=0, salary=0.0):
        self.name, self.age, self.salary = name, age, salary

    def write_portable(self, writer):
        writer.write_string("name", self.name)
        writer.write_int("age", self.age)
        writer.write_double("salary", self.salary)

    def read_portable(self, reader):
        self.name = reader.read_string("name")
        self.age = reader.read_int("age")
        self.salary = reader.read_double("salary")

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 2


class CompactEmployee:
    def __init__(self, name="", age=0, salary=0.0):
        self.name, self.age, self.salary = name, age, salary


class CompactEmployeeSerializer(CompactSerializer):
    def read(self, reader):
        return CompactEmployee(reader.read_string("name"), reader.read_int32("age"), reader.read_float64("salary"))

    def write(self, writer, obj):
        writer.write_string("name", obj.name)
        writer.write_int32("age", obj.age)
        writer.write_float64("salary", obj.salary)

    def get_class(self):
        return CompactEmployee

    def get_type_name(self):
        return "employee"


def _service() -> SerializationServiceV1:
    config = Config()
    config.data_serializable_factories = {FACTORY_ID: {1: Employee}}
    config.portable_factories = {FACTORY_ID: {2: PortableEmployee}}
    config.compact_serializers = [CompactEmployeeSerializer()]
    return SerializationServiceV1(config)


VALUES = {
    "int": 42,
    "str10": "abcdefghij",
    "str10_non_ascii": "héllo wörl",
    "str1000": "x" * 1000,
    "str1000_non_ascii": "é€ü😀" * 250,
    "bytes1k": bytes(range(256)) * 4,
    "list100_ints": list(range(100)),
    "ids_3_fields": Employee("joe", 42, 1234.5),
    "portable_3_fields": PortableEmployee("joe", 42, 1234.5),
    "compact_3_fields": CompactEmployee("joe", 42, 1234.5),
}


def _serializable(service, name):
    try:
        try:
            service.to_data(VALUES[name])
        except HazelcastSerializationError as e:
            schema = getattr(e, "schema", None)
            if schema is None:
                raise
            # what the client does once a member confirms the schema
            service.compact_stream_serializer.register_schema_to_type(schema, e.clazz)
        data = service.to_data(VALUES[name])
        service.to_object(data)
    except Exception as e:  # Portable/Compact may not be available
        pytest.skip("%s cannot be serialized here: %s" % (name, e))
    return data


@pytest.mark.parametrize("name", sorted(VALUES))
def bench_to_data(benchmark, impl, name):
    service = _service()
    _serializable(service, name)
    benchmark.group = "to_data " + name
    benchmark(service.to_data, VALUES[name])


@pytest.mark.parametrize("name", sorted(VALUES))
def bench_to_object(benchmark, impl, name):
    service = _service()
    data = _serializable(service, name)
    benchmark.group = "to_object " + name
    benchmark(service.to_object, data)


@pytest.mark.parametrize("size", [16, 1024])
def bench_murmur3(benchmark, impl, size):
    data = bytes(range(256)) * (size // 256) if size >= 256 else bytes(range(size))
    benchmark.group = "murmur3 %d B" % size
    benchmark(impl.murmur3.murmur_hash3_x86_32, data, 0, size)


def _frame(content, flags):
    return struct.pack("<iH", len(content) + 6, flags) + content


def bench_read_1000_messages(benchmark, impl):
    # a response: initial frame (type, correlation id, backup acks) + one value frame
    one = _frame(struct.pack("<iqB", 0x10101, 7, 0), UNFRAGMENTED_MESSAGE) + _frame(b"v" * 20, IS_FINAL_FLAG)
    data = one * 1000
    reader = impl.frame_reader.FrameReader()
    assert len(reader.feed(data)) == 1000
    benchmark.group = "frame reader: 1000 small messages"
    benchmark(reader.feed, data)


def bench_map_put_request(benchmark, impl):
    """What a Map.put does before the socket: serialize key and value, encode."""
    service = _service()

    def put():
        return map_put_codec.encode_request("my-map", service.to_data("key-1"), service.to_data(12345), 1, -1)

    put()
    benchmark.group = "map.put request: to_data x2 + encode"
    benchmark(put)


def _entry_list_frames(service, count):
    # a get_all response: initial frame, begin, (int key, 100-char str value) frames, end
    from hazelcast.protocol.client_message import BEGIN_DATA_STRUCTURE_FLAG, END_DATA_STRUCTURE_FLAG, Frame

    frames = [Frame(bytes(13)), Frame(b"", BEGIN_DATA_STRUCTURE_FLAG)]
    for k in range(count):
        frames += [Frame(service.to_data(k).to_bytes()), Frame(service.to_data("v" * 100).to_bytes())]
    return frames + [Frame(b"", END_DATA_STRUCTURE_FLAG)]


def bench_read_entries(benchmark, impl):
    """What a get_all does with a response: its entries, as objects."""
    service = _service()
    frames = _entry_list_frames(service, 1000)
    assert len(impl.entry_lists.read_entries(frames, 1, service.to_object, True)[0]) == 1000
    benchmark.group = "entry list: 1000 (int, str100) read into objects"
    benchmark(impl.entry_lists.read_entries, frames, 1, service.to_object, True)


def bench_write_entries(benchmark, impl):
    """What a put_all request does with its serialized entries."""
    service = _service()
    entries = [(service.to_data(k), service.to_data("v" * 100)) for k in range(1000)]

    def write():
        buf = bytearray()
        impl.entry_lists.write_entries(buf, entries)
        return buf

    benchmark.group = "entry list: 1000 serialized entries written"
    benchmark(write)


# -- the ObjectDataOutput/ObjectDataInput layer alone ---------------------------

IO_VALUES = {"100 ints": ("int", list(range(100))), "10 str10": ("string", ["abcdefghij"] * 10)}


@pytest.mark.parametrize("name", sorted(IO_VALUES))
def bench_output_write(benchmark, impl, name):
    method, values = IO_VALUES[name]
    out = impl.data_output._ObjectDataOutput(4096, None, True)
    write = getattr(out, "write_" + method)

    def run():
        out.set_position(0)
        for v in values:
            write(v)
        return out.to_bytes()

    benchmark.group = "ObjectDataOutput: " + name
    benchmark(run)


@pytest.mark.parametrize("name", sorted(IO_VALUES))
def bench_input_read(benchmark, impl, name):
    method, values = IO_VALUES[name]
    out = impl.data_output._ObjectDataOutput(4096, None, True)
    for v in values:
        getattr(out, "write_" + method)(v)
    raw = out.to_bytes()
    cls = impl.data_input._ObjectDataInput
    count = len(values)

    def run():
        inp = cls(raw, 0, None, True)
        read = getattr(inp, "read_" + method)
        for _ in range(count):
            read()

    benchmark.group = "ObjectDataInput: " + name
    benchmark(run)
