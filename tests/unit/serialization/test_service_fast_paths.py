"""The str and int shortcuts of to_data give the serializers' exact bytes."""

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
