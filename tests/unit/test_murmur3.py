"""MurmurHash3 x86 32-bit: Java's known answers, every tail length, and the
compiled and pure implementations agreeing on random inputs."""

from __future__ import annotations

import importlib
import platform
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hazelcast.hash

# Produced with Hazelcast 5.7's HashUtil.MurmurHash3_x86_32(buf, 3, n) over
# buf[i] = (byte)(i * 37 + 11), i in 0..63.
JAVA_RAW = [
    -1585187909, -2136742463, 1832102888, -1383692097, 1224595230, -1582277365,
    -1184203043, -310354410, -1007888687, 410807011, 1903092044, 1776514363,
    -770961479, -2112602717, -1483771431, 1555995347, 1785072557, -1753945849,
    439163915, -1888009670, 474054776,
]
JAVA_RAW_BUFFER = bytes((i * 37 + 11) & 0xFF for i in range(64))

# Serialized keys (Data bytes as Java's serialization writes them), with the
# partition hash and partition id (271 partitions) Java computes for them.
JAVA_KEYS = [
    ("00000000fffffff5000000056b65792d31", 2132451398, 94),  # "key-1"
    ("00000000fffffff50000000568656c6c6f", 1985248981, 270),  # "hello"
    ("00000000fffffff500000000", 923237662, 11),  # ""
    ("00000000fffffff500000008c3a7c49ff09f9880", -1865752197, 123),  # "çğ😀"
    ("00000000fffffff90000002a", 2076340387, 175),  # Integer 42
    ("00000000fffffff800000000075bcd15", -2122488953, 151),  # Long 123456789
]


@pytest.mark.parametrize("size", range(len(JAVA_RAW)))
def test_java_known_answers_for_every_tail_length(murmur3_impl, size):
    assert murmur3_impl.murmur_hash3_x86_32(JAVA_RAW_BUFFER, 3, size) == JAVA_RAW[size]


@pytest.mark.parametrize("hex_data, partition_hash, partition_id", JAVA_KEYS)
def test_java_partition_hash_and_id_of_serialized_keys(murmur3_impl, hex_data, partition_hash, partition_id):
    data = bytes.fromhex(hex_data)
    h = murmur3_impl.murmur_hash3_x86_32(data, 8, len(data) - 8)
    assert h == partition_hash
    assert murmur3_impl.hash_to_index(h, 271) == partition_id
    assert murmur3_impl.data_partition_id(data, 271) == partition_id
    # a stored partition hash (a partition-aware key) decides instead of the payload
    aware = (12345).to_bytes(4, "big", signed=True) + data[4:]
    assert murmur3_impl.data_partition_id(aware, 271) == murmur3_impl.hash_to_index(12345, 271)


def test_reference_vectors_with_other_seeds(murmur3_impl):
    # published MurmurHash3_x86_32 values
    assert murmur3_impl.murmur_hash3_x86_32(b"", 0, 0, 0) == 0
    assert murmur3_impl.murmur_hash3_x86_32(b"", 0, 0, 1) == 0x514E28B7
    assert murmur3_impl.murmur_hash3_x86_32(b"hello", 0, 5, 0) == 0x248BFA47
    text = b"The quick brown fox jumps over the lazy dog"
    assert murmur3_impl.murmur_hash3_x86_32(text, 0, len(text), 0x9747B28C) == 0x2FA826CD


def test_accepts_every_bytes_like_type(murmur3_impl):
    raw = bytes(range(50))
    expected = murmur3_impl.murmur_hash3_x86_32(raw, 5, 40)
    assert murmur3_impl.murmur_hash3_x86_32(bytearray(raw), 5, 40) == expected
    assert murmur3_impl.murmur_hash3_x86_32(memoryview(raw), 5, 40) == expected


@pytest.mark.parametrize("offset, size", [(-1, 2), (0, -1), (0, 11), (8, 3), (11, 0)])
def test_range_outside_the_buffer_is_refused(murmur3_impl, offset, size):
    with pytest.raises(ValueError):
        murmur3_impl.murmur_hash3_x86_32(b"0123456789", offset, size)


@pytest.mark.parametrize(
    "h, length, expected",
    [(-0x80000000, 271, 0), (0, 271, 0), (270, 271, 270), (271, 271, 0), (-5, 271, 5), (0x7FFFFFFF, 271, 0x7FFFFFFF % 271)],
)
def test_hash_to_index(murmur3_impl, h, length, expected):
    assert murmur3_impl.hash_to_index(h, length) == expected


def _both():
    pure = importlib.import_module("hazelcast._speedups._murmur3_py")
    try:
        compiled = importlib.import_module("hazelcast._speedups._murmur3_c")
    except ImportError:
        if platform.python_implementation() != "CPython":
            pytest.skip("no compiled murmur3 module on %s: the speedups are built for CPython only"
                        % platform.python_implementation())
        pytest.skip("the compiled murmur3 module is not built")
    return pure, compiled


def test_every_tail_length_agrees_between_implementations():
    pure, compiled = _both()
    rnd = random.Random(7)
    for size in range(0, 300):
        raw = bytes(rnd.getrandbits(8) for _ in range(size + 5))
        for seed in (0, 0x01000193, 0xFFFFFFFF):
            assert compiled.murmur_hash3_x86_32(raw, 5, size, seed) == pure.murmur_hash3_x86_32(raw, 5, size, seed)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048), st.data(), st.integers(0, 0xFFFFFFFF))
def test_random_inputs_agree_between_implementations(raw, data, seed):
    pure, compiled = _both()
    offset = data.draw(st.integers(0, len(raw)))
    size = data.draw(st.integers(0, len(raw) - offset))
    expected = pure.murmur_hash3_x86_32(raw, offset, size, seed)
    assert -(2**31) <= expected < 2**31
    assert compiled.murmur_hash3_x86_32(raw, offset, size, seed) == expected
    assert compiled.hash_to_index(expected, 271) == pure.hash_to_index(expected, 271)


def test_selector_exports_a_working_implementation():
    data = bytes.fromhex(JAVA_KEYS[0][0])
    assert hazelcast.hash.murmur_hash3_x86_32_slice(data, 8, len(data) - 8) == JAVA_KEYS[0][1]
    # the official call: the bytes of a serialized Data, hashed after their 8-byte header
    assert hazelcast.hash.murmur_hash3_x86_32(data) == JAVA_KEYS[0][1]
    assert hazelcast.hash.murmur_hash3_x86_32(b"\x00" * 8) == hazelcast.hash.murmur_hash3_x86_32(b"") == (
        hazelcast.hash.murmur_hash3_x86_32_slice(b"", 0, 0)
    )
    assert hazelcast.hash.hash_to_index(JAVA_KEYS[0][1], 271) == JAVA_KEYS[0][2]


def _outcome(call):
    try:
        return ("ok", call())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        return ("error", type(e), str(e))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.binary(max_size=64), st.binary(min_size=8, max_size=64).map(lambda b: bytes(4) + b[4:])),
    st.sampled_from([bytes, bytearray, memoryview]),
    st.sampled_from([271, 1, 7, 1000, 0, -3]),
)
def test_data_partition_ids_agree_between_implementations(raw, kind, count):
    # the partition of every key the client sends: header, hash and index at once
    pure, compiled = _both()
    expected = _outcome(lambda: pure.data_partition_id(kind(raw), count))
    assert _outcome(lambda: compiled.data_partition_id(kind(raw), count)) == expected
    if expected[0] == "ok" and len(raw) >= 8 and count > 0:
        from hazelcast.serialization.data import Data

        assert expected[1] == pure.hash_to_index(Data(raw).get_partition_hash(), count)
