"""SerializationServiceV1: builtin types, int sizes, user serializers,
fallbacks and error handling."""

from __future__ import annotations

import datetime
import decimal
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hazelcast.config import Config, IntType
from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import IdentifiedDataSerializable, StreamSerializer
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1


def _service(**options) -> SerializationServiceV1:
    config = Config()
    for name, value in options.items():
        setattr(config, name, value)
    return SerializationServiceV1(config)


@pytest.fixture(params=[True, False], ids=["big_endian", "little_endian"])
def service(request):
    return _service(is_big_endian=request.param)


def test_none_and_data_pass_through(service):
    assert service.to_data(None) is None
    d = service.to_data("x")
    assert service.to_data(d) is d
    assert service.to_object(None) is None
    assert service.to_object("not data") == "not data"


@pytest.mark.parametrize(
    "value, type_id",
    [
        (True, -4),
        ("text", -11),
        (1.25, -10),
        (7, -7),
        (b"\x01\x02", -12),
        (bytearray(b"\x01"), -12),
        ([1, "a", None], -29),
        (uuid.UUID(int=5), -21),
        (decimal.Decimal("-1.50"), -27),
        (datetime.date(2020, 2, 29), -51),
        (datetime.time(23, 59, 59, 999999), -52),
        (datetime.datetime(2020, 1, 1, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))), -54),
        (HazelcastJsonValue('{"a": 1}'), -130),
    ],
)
def test_builtin_types_round_trip_with_java_type_ids(service, value, type_id):
    data = service.to_data(value)
    assert data.get_type() == type_id
    result = service.to_object(data)
    assert result == (bytearray(value) if isinstance(value, bytes) else value)


def test_naive_datetime_is_written_as_utc_offset_datetime(service):
    result = service.to_object(service.to_data(datetime.datetime(2021, 6, 28, 11, 22)))
    assert result == datetime.datetime(2021, 6, 28, 11, 22, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize(
    "value, type_id",
    [(0, -3), (-128, -3), (127, -3), (128, -6), (-32768, -6), (40000, -7), (-(2**31), -7), (2**31, -8), (2**63 - 1, -8), (2**63, -26), (-(2**100), -26)],
)
def test_var_int_type_picks_the_smallest_java_type(value, type_id):
    service = _service(default_int_type=IntType.VAR)
    data = service.to_data(value)
    assert data.get_type() == type_id
    assert service.to_object(data) == value


@pytest.mark.parametrize(
    "int_type, type_id, ok, too_big",
    [
        (IntType.BYTE, -3, -128, 128),
        (IntType.SHORT, -6, 32767, 32768),
        (IntType.INT, -7, -(2**31), 2**31),
        (IntType.LONG, -8, 2**63 - 1, 2**63),
    ],
)
def test_fixed_int_types(int_type, type_id, ok, too_big):
    service = _service(default_int_type=int_type)
    data = service.to_data(ok)
    assert data.get_type() == type_id
    assert service.to_object(data) == ok
    with pytest.raises(HazelcastSerializationError, match=str(too_big)):
        service.to_data(too_big)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-(2**200), max_value=2**200))
def test_big_int_type_round_trips_any_int(value):
    service = _service(default_int_type=IntType.BIG_INT)
    data = service.to_data(value)
    assert data.get_type() == -26
    assert service.to_object(data) == value


@settings(max_examples=100, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimals_round_trip_exactly(value):
    service = _service()
    result = service.to_object(service.to_data(value))
    assert result == value and result.as_tuple().exponent == value.as_tuple().exponent


leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**31), 2**31 - 1), st.floats(allow_nan=False), st.text(),
    st.binary().map(bytearray), st.uuids(), st.dates(), st.times(),
)


@settings(max_examples=100, deadline=None)
@given(st.recursive(leaf, lambda children: st.lists(children, max_size=4), max_leaves=12))
def test_random_values_round_trip(value):
    for big_endian in (True, False):
        service = _service(is_big_endian=big_endian)
        assert service.to_object(service.to_data(value)) == value


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Point3(Point):
    pass


class PointSerializer(StreamSerializer):
    def write(self, out, obj):
        out.write_int(obj.x)
        out.write_int(obj.y)

    def read(self, inp):
        return Point(inp.read_int(), inp.read_int())

    def get_type_id(self):
        return 42

    def destroy(self):
        pass


def test_custom_serializer_applies_to_subclasses_via_mro():
    service = _service(custom_serializers={Point: PointSerializer})
    data = service.to_data(Point3(1, 2))
    assert data.get_type() == 42
    assert data.buffer[8:] == b"\x00\x00\x00\x01\x00\x00\x00\x02"
    assert service.to_object(data) == Point(1, 2)


class GlobalSerializer(StreamSerializer):
    def write(self, out, obj):
        out.write_string(repr(obj.__dict__))

    def read(self, inp):
        return ("global", inp.read_string())

    def get_type_id(self):
        return 99

    def destroy(self):
        pass


def test_global_serializer_before_pickle():
    service = _service(global_serializer=GlobalSerializer)
    data = service.to_data(Point(1, 2))
    assert data.get_type() == 99
    assert service.to_object(data) == ("global", repr({"x": 1, "y": 2}))


@pytest.mark.parametrize("big_endian", [True, False])
def test_pickle_fallback_for_other_objects(big_endian):
    service = _service(is_big_endian=big_endian, pickle_allowed_classes=[Point])
    data = service.to_data({"a": Point(1, 2)})
    assert data.get_type() == -120
    assert service.to_object(data) == {"a": Point(1, 2)}
    # not allowlisted: refused (safe unpickling by default)
    with pytest.raises(HazelcastSerializationError, match="Point"):
        _service(is_big_endian=big_endian).to_object(data)


class Employee(IdentifiedDataSerializable):
    def __init__(self, name=None, age=None, tags=None):
        self.name, self.age, self.tags = name, age, tags

    def write_data(self, out):
        out.write_string(self.name)
        out.write_int(self.age)
        out.write_object(self.tags)

    def read_data(self, inp):
        self.name = inp.read_string()
        self.age = inp.read_int()
        self.tags = inp.read_object()

    def get_factory_id(self):
        return 666

    def get_class_id(self):
        return 2

    def __eq__(self, other):
        return isinstance(other, Employee) and vars(self) == vars(other)


def test_identified_data_serializable_with_factories():
    service = _service(data_serializable_factories={666: {2: Employee}})
    value = Employee("Joe", 33, ["a", 1])
    data = service.to_data(value)
    assert data.get_type() == -2
    assert data.buffer[8:17] == b"\x01\x00\x00\x02\x9a\x00\x00\x00\x02"
    assert service.to_object(data) == value


@pytest.mark.parametrize("factories, message", [({}, "factory id 666"), ({666: {}}, "class id 2")])
def test_missing_factory_or_class_is_reported(factories, message):
    data = _service(data_serializable_factories={666: {2: Employee}}).to_data(Employee("a", 1, None))
    with pytest.raises(HazelcastSerializationError, match=message):
        _service(data_serializable_factories=factories).to_object(data)


class KeyWithPartition:
    def __init__(self, key, partition_key):
        self.key, self.partition_key = key, partition_key

    def get_partition_key(self):
        return self.partition_key


def test_partition_aware_key_stores_the_partition_key_hash(service):
    data = service.to_data(KeyWithPartition("k", "key-1"))
    assert data.has_partition_hash()
    assert data.get_partition_hash() == service.to_data("key-1").get_partition_hash()


def test_unknown_type_id_is_reported(service):
    with pytest.raises(HazelcastSerializationError, match="type id 12345"):
        service.to_object(Data(b"\x00\x00\x00\x00\x00\x00\x30\x39"))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_corrupt_data_raises_serialization_error_only(data):
    service = _service(data_serializable_factories={666: {2: Employee}})
    value = data.draw(st.sampled_from(["text😀", 5, [1, "x", [2.5]], Employee("e", 1, ["t"]), uuid.UUID(int=3), decimal.Decimal("1.5")]))
    raw = bytearray(service.to_data(value).buffer)
    cut = data.draw(st.integers(8, len(raw)))
    raw = raw[:cut]
    if len(raw) > 8:
        i = data.draw(st.integers(8, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    try:
        service.to_object(Data(bytes(raw)))
    except HazelcastSerializationError:
        pass


def test_serializer_cannot_override_builtin_types():
    with pytest.raises(ValueError):
        _service(custom_serializers={str: PointSerializer})


def test_reused_outputs_give_the_same_bytes_as_fresh_ones():
    service = _service()
    big = "x" * 100000
    first = service.to_data("small").buffer
    service.to_data(big)
    service.to_data([1, 2, 3])
    assert service.to_data("small").buffer == first == _service().to_data("small").buffer


def test_concurrent_serialization_from_threads():
    import threading

    service = _service()
    errors = []

    def work(n):
        for i in range(300):
            value = ["t%d" % n, i, "x" * (i % 50)]
            if service.to_object(service.to_data(value)) != value:
                errors.append((n, i))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
