"""Fuzzing of deserialization: random, truncated and corrupt ``Data`` must
make ``to_object`` raise HazelcastSerializationError at once (no other
exception, no hang, no allocation sized by a corrupt length).

The module uses SerializationServiceV1, so the unit-test fixtures run it
once per ObjectDataInput implementation (pure and compiled)."""

from __future__ import annotations

import datetime
import decimal
import struct
import uuid

import pytest
from allocation import allocation_at_most
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hazelcast.config import Config, IntType
from hazelcast.core import HazelcastJsonValue
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization import serialization_const as const
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1

# pickle runs code chosen by the data: never fed random bytes
UNSAFE_TYPE_IDS = {const.PYTHON_TYPE_PICKLE}
TYPE_IDS = sorted(
    v for k, v in vars(const).items()
    if k.isupper() and isinstance(v, int) and v not in UNSAFE_TYPE_IDS and v != 0
)
UNCHECKED_READ_ERRORS = (
    IndexError, struct.error, TypeError, AttributeError, OverflowError,
    MemoryError, UnicodeDecodeError, SystemError, RecursionError,
)
# a fuzz example must fail fast: the deadline catches hangs
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

SAMPLES = [
    1, -129, 70000, 2**40, 2**80, 1.5, True, "héllo😀", "", bytearray(b"abc"), b"xyz",
    [1, "a", None, [2.5]], decimal.Decimal("-12.345"), uuid.UUID(int=12345),
    datetime.date(2024, 2, 29), datetime.time(1, 2, 3, 4000),
    datetime.datetime(2024, 1, 2, 3, 4, 5, 6000, tzinfo=datetime.timezone.utc),
    HazelcastJsonValue('{"a": [1, 2]}'),
]


def _encoded():
    config = Config()
    config.default_int_type = IntType.VAR  # long and BigInteger samples too
    service = SerializationServiceV1(config)
    return [service.to_data(v).to_bytes() for v in SAMPLES]


ENCODED = _encoded()


def _to_object(buff: bytes):
    service = SerializationServiceV1(Config())
    try:
        data = Data(buff)
    except HazelcastSerializationError:
        return
    if data.get_type() in UNSAFE_TYPE_IDS:
        return
    try:
        service.to_object(data)
    except HazelcastSerializationError as e:
        # the service wraps any failure; a wrapped one of these types means
        # some read went unchecked (ValueError stays allowed: a serializer
        # may refuse a well-read but impossible value, e.g. month 13)
        cause = e.__cause__
        assert not isinstance(cause, UNCHECKED_READ_ERRORS), repr(cause)


def _header(type_id: int) -> bytes:
    return struct.pack(">ii", 0, type_id)


@FUZZ
@given(type_id=st.sampled_from(TYPE_IDS) | st.integers(-(2**31), 2**31 - 1), payload=st.binary(max_size=64))
def test_random_payloads(type_id, payload):
    _to_object(_header(type_id) + payload)


@FUZZ
@given(index=st.integers(0, len(ENCODED) - 1), cut=st.integers(0, 200))
def test_truncated_data(index, cut):
    raw = ENCODED[index]
    _to_object(raw[: max(8, len(raw) - 1 - cut % max(1, len(raw) - 8))])


@FUZZ
@given(
    index=st.integers(0, len(ENCODED) - 1),
    edits=st.lists(st.tuples(st.integers(8, 400), st.integers(0, 255)), min_size=1, max_size=4),
)
def test_corrupt_data(index, edits):
    raw = bytearray(ENCODED[index])
    for pos, byte in edits:
        raw[pos % len(raw) if len(raw) > 8 else 8 % len(raw)] = byte
    raw[4:8] = ENCODED[index][4:8]  # keep the type: corrupt its payload
    _to_object(bytes(raw))


@pytest.mark.parametrize("type_id", TYPE_IDS)
def test_unknown_or_empty_payload_of_every_type(type_id):
    _to_object(_header(type_id))


def test_unknown_type_id_is_refused():
    service = SerializationServiceV1(Config())
    with pytest.raises(HazelcastSerializationError, match="12345"):
        service.to_object(Data(_header(12345) + b"\x00" * 8))


@pytest.mark.parametrize(
    "type_id",
    [
        const.CONSTANT_TYPE_STRING, const.CONSTANT_TYPE_BYTE_ARRAY, const.CONSTANT_TYPE_BOOLEAN_ARRAY,
        const.CONSTANT_TYPE_CHAR_ARRAY, const.CONSTANT_TYPE_SHORT_ARRAY, const.CONSTANT_TYPE_INTEGER_ARRAY,
        const.CONSTANT_TYPE_LONG_ARRAY, const.CONSTANT_TYPE_FLOAT_ARRAY, const.CONSTANT_TYPE_DOUBLE_ARRAY,
        const.CONSTANT_TYPE_STRING_ARRAY, const.JAVA_DEFAULT_TYPE_ARRAY_LIST, const.JAVA_DEFAULT_TYPE_LINKED_LIST,
        const.JAVA_DEFAULT_TYPE_ARRAY, const.JAVA_DEFAULT_TYPE_BIG_INTEGER, const.JAVA_DEFAULT_TYPE_BIG_DECIMAL,
    ],
)
@pytest.mark.parametrize("length", [0x7FFFFFFF, 1 << 28, -2, -(2**31)])
def test_huge_or_negative_lengths_fail_without_allocating(type_id, length):
    raw = _header(type_id) + struct.pack(">i", length) + b"\x00" * 12
    service = SerializationServiceV1(Config())
    with allocation_at_most(256 * 1024):
        with pytest.raises(HazelcastSerializationError):
            service.to_object(Data(raw))
