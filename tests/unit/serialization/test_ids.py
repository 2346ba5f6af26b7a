"""IdentifiedDataSerializable: the header Java expects, round trips of
every ObjectDataOutput method and nested objects, and factory errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.api import IdentifiedDataSerializable
from hazelcast.serialization.service import SerializationServiceV1


class Employee(IdentifiedDataSerializable):
    def __init__(self, name=None, age=0, tags=None, boss=None, scores=None):
        self.name, self.age, self.tags, self.boss, self.scores = name, age, tags, boss, scores

    def write_data(self, out):
        out.write_string(self.name)
        out.write_long(self.age)
        out.write_string_array(self.tags)
        out.write_object(self.boss)
        out.write_double_array(self.scores)

    def read_data(self, inp):
        self.name = inp.read_string()
        self.age = inp.read_long()
        self.tags = inp.read_string_array()
        self.boss = inp.read_object()
        self.scores = inp.read_double_array()

    def get_factory_id(self):
        return 66

    def get_class_id(self):
        return 3

    def __eq__(self, other):
        return isinstance(other, Employee) and vars(self) == vars(other)


def service(order="BIG_ENDIAN", factories=None):
    config = Config()
    config.is_big_endian = order == "BIG_ENDIAN"
    config.data_serializable_factories = {66: {3: Employee}} if factories is None else factories
    return SerializationServiceV1(config)


SERVICES = {o: service(o) for o in ("BIG_ENDIAN", "LITTLE_ENDIAN")}

employees = st.deferred(
    lambda: st.builds(
        Employee,
        st.one_of(st.none(), st.text()),
        st.integers(-(2**63), 2**63 - 1),
        st.one_of(st.none(), st.lists(st.one_of(st.none(), st.text()), max_size=4)),
        st.one_of(st.none(), employees),
        st.one_of(st.none(), st.lists(st.floats(allow_nan=False), max_size=4)),
    )
)


@settings(max_examples=80, deadline=None)
@given(employees, st.sampled_from(sorted(SERVICES)))
def test_round_trip(employee, order):
    svc = SERVICES[order]
    assert svc.to_object(svc.to_data(employee)) == employee


def test_header_is_identified_flag_factory_and_class_ids():
    raw = service().to_data(Employee("a", 1)).to_bytes()
    assert raw[4:8] == (-2).to_bytes(4, "big", signed=True)
    assert raw[8:17] == bytes.fromhex("01" "00000042" "00000003")
    little = service("LITTLE_ENDIAN").to_data(Employee("a", 1)).to_bytes()
    assert little[8:17] == bytes.fromhex("01" "42000000" "03000000")


def test_missing_factory_or_class_id_names_them():
    data = service().to_data(Employee("a", 1))
    with pytest.raises(HazelcastSerializationError, match="factory id 66"):
        service(factories={}).to_object(data)
    with pytest.raises(HazelcastSerializationError, match="class id 3"):
        service(factories={66: {}}).to_object(data)


def test_plain_data_serializable_is_refused():
    raw = bytearray(service().to_data(Employee("a", 1)).to_bytes())
    raw[8] = 0
    from hazelcast.serialization.data import Data

    with pytest.raises(HazelcastSerializationError, match="IdentifiedDataSerializable"):
        service().to_object(Data(bytes(raw)))
