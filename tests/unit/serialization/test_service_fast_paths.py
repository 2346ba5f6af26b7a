"""The shortcuts of to_data and to_object give what the serializers give."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hazelcast.config import Config, IntType
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.service import SerializationServiceV1


def _services(big_endian, int_type=IntType.INT):
    config = Config()
    config.is_big_endian = big_endian
    config.default_int_type = int_type
    fast = SerializationServiceV1(config)
    slow = SerializationServiceV1(config)
    slow._fast_paths = slow._fast_int = False
    return fast, slow


@pytest.mark.parametrize("big_endian", [True, False])
@given(value=st.one_of(st.text(), st.integers(min_value=-(2**31), max_value=2**31 - 1)))
def test_shortcut_bytes_equal_the_serializer_bytes(big_endian, value):
    fast, slow = _services(big_endian)
    data = fast.to_data(value)
    assert data.to_bytes() == slow.to_data(value).to_bytes()
    assert data.get_partition_hash() == slow.to_data(value).get_partition_hash()
    assert fast.to_object(data) == value


def test_lone_surrogates_and_out_of_range_ints_take_the_serializers():
    fast, slow = _services(True)
    for service in (fast, slow):
        with pytest.raises(HazelcastSerializationError, match="position 1"):
            service.to_data("a\ud800b")
    with pytest.raises(Exception) as fast_error:
        fast.to_data(2**40)
    with pytest.raises(Exception) as slow_error:
        slow.to_data(2**40)
    assert type(fast_error.value) is type(slow_error.value)


def test_other_int_types_do_not_take_the_int_shortcut():
    fast, slow = _services(True, IntType.LONG)
    assert fast.to_data(5).to_bytes() == slow.to_data(5).to_bytes()
    assert fast.to_data(5).get_type() == -8  # Java Long


def _outcome(call):
    try:
        return ("ok", call())
    except HazelcastSerializationError as e:
        return ("error", str(e))


@pytest.mark.parametrize("big_endian", [True, False])
@given(
    type_id=st.sampled_from([-11, -7, -8, -12]),  # string, int, long, byte array
    payload=st.one_of(
        st.binary(max_size=24),
        st.text(max_size=8).map(lambda s: len(s.encode("utf-8", "surrogatepass")).to_bytes(4, "big") + s.encode("utf-8", "surrogatepass")),
    ),
)
def test_read_shortcuts_give_what_the_serializers_read_or_refuse(big_endian, type_id, payload):
    from hazelcast.serialization.data import DATA_OFFSET, Data
    from hazelcast.serialization.input import _ObjectDataInput

    fast, _ = _services(big_endian)
    if not big_endian and len(payload) >= 4 and type_id in (-11, -12):
        payload = payload[3::-1] + payload[4:]  # the length in the stream's byte order
    data = Data((0).to_bytes(4, "big") + type_id.to_bytes(4, "big", signed=True) + payload)
    serializer = fast._registry.serializer_by_type_id(type_id)
    expected = _outcome(lambda: serializer.read(_ObjectDataInput(data.buffer, DATA_OFFSET, fast, big_endian)))
    got = _outcome(lambda: fast.to_object(data))
    assert got == expected
    assert type(got[1]) is type(expected[1])  # a byte array reads as a (mutable) bytearray
