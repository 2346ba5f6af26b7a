"""Data: header layout, partition hash, equality."""

from __future__ import annotations

import struct

import pytest

from hazelcast.errors import HazelcastSerializationError
from hazelcast.hash import murmur_hash3_x86_32_slice
from hazelcast.serialization.data import Data


def _data(partition_hash: int, type_id: int, payload: bytes) -> Data:
    return Data(struct.pack(">ii", partition_hash, type_id) + payload)


def test_header_fields_and_sizes():
    d = _data(0, -11, b"\x00\x00\x00\x01a")
    assert d.get_type() == -11
    assert d.total_size() == 13 == len(d)
    assert d.data_size() == 5
    assert d.buffer == d.to_bytes() == struct.pack(">ii", 0, -11) + b"\x00\x00\x00\x01a"


def test_partition_hash_is_murmur_of_payload_when_not_stored():
    payload = b"\x00\x00\x00\x05key-1"
    d = _data(0, -11, payload)
    assert not d.has_partition_hash()
    expected = murmur_hash3_x86_32_slice(payload, 0, len(payload))
    assert d.get_partition_hash() == expected == d.hash_code()
    assert d.get_partition_hash() == 2132451398  # Java's value for "key-1"


def test_stored_partition_hash_wins():
    d = _data(-12345, -7, b"\x00\x00\x00\x2a")
    assert d.has_partition_hash()
    assert d.get_partition_hash() == -12345
    assert d.hash_code() != -12345


def test_equality_and_hash_follow_the_bytes():
    a = _data(0, -7, b"\x00\x00\x00\x01")
    b = Data(bytearray(a.buffer))
    c = _data(0, -7, b"\x00\x00\x00\x02")
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert a != a.buffer
    assert len({a, b, c}) == 2


def test_buffer_is_immutable_copy_of_bytearray():
    raw = bytearray(_data(0, -7, b"\x00\x00\x00\x01").buffer)
    d = Data(raw)
    raw[-1] = 9
    assert d.buffer[-1] == 1
    assert isinstance(d.buffer, bytes)


def test_empty_data_is_null():
    d = Data(b"")
    assert d.get_type() == 0
    assert d.total_size() == 0 and d.data_size() == 0
    assert not d.has_partition_hash()


@pytest.mark.parametrize("size", [1, 4, 7])
def test_buffer_shorter_than_header_is_refused(size):
    with pytest.raises(HazelcastSerializationError):
        Data(b"\x00" * size)
