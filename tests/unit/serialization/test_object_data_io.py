"""ObjectDataOutput / ObjectDataInput: exact bytes, round trips in both
byte orders, and refusal of truncated or corrupt input."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.input import _ObjectDataInput
from hazelcast.serialization.output import _ObjectDataOutput

ORDERS = [True, False]

ints = lambda bits: st.integers(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)  # noqa: E731
f32 = st.floats(width=32, allow_nan=False)
f64 = st.floats(allow_nan=False)
bmp_char = st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",))
any_text = st.text()  # all of Unicode, including 4-byte UTF-8 characters

# method suffix -> strategy of values; arrays accept None
SCALARS = {
    "boolean": st.booleans(),
    "byte": ints(8),
    "short": ints(16),
    "char": bmp_char,
    "int": ints(32),
    "long": ints(64),
    "float": f32,
    "double": f64,
    "string": any_text,
}
ARRAYS = {
    "byte_array": st.binary().map(bytearray),
    "boolean_array": st.lists(st.booleans()),
    "char_array": st.lists(bmp_char),
    "short_array": st.lists(ints(16)),
    "int_array": st.lists(ints(32)),
    "long_array": st.lists(ints(64)),
    "float_array": st.lists(f32),
    "double_array": st.lists(f64),
    "string_array": st.lists(any_text),
}
ALL = dict(SCALARS, **ARRAYS)


def _out(big_endian=True):
    return _ObjectDataOutput(16, None, big_endian)


def _inp(raw, big_endian=True):
    return _ObjectDataInput(raw, 0, None, big_endian)


@pytest.mark.parametrize("big_endian", ORDERS)
def test_exact_bytes_of_primitives(big_endian):
    out = _out(big_endian)
    out.write_boolean(True)
    out.write_byte(-2)
    out.write_short(0x1234)
    out.write_char("A")
    out.write_int(0x01020304)
    out.write_long(-2)
    out.write_float(1.5)
    out.write_double(-0.5)
    e = ">" if big_endian else "<"
    assert out.to_bytes() == b"\x01\xfe" + struct.pack(e + "hHiqfd", 0x1234, 65, 0x01020304, -2, 1.5, -0.5)
    assert out.get_byte_order() == ("BIG_ENDIAN" if big_endian else "LITTLE_ENDIAN")


@pytest.mark.parametrize("big_endian", ORDERS)
def test_string_is_utf8_byte_length_then_utf8(big_endian):
    out = _out(big_endian)
    out.write_string("a😀ç")
    out.write_string(None)
    e = ">" if big_endian else "<"
    raw = "a😀ç".encode("utf-8")
    assert out.to_bytes() == struct.pack(e + "i", len(raw)) + raw + struct.pack(e + "i", -1)


def test_lone_surrogate_is_refused_naming_its_position():
    # "?" in its place would make different strings the same key
    out = _out()
    with pytest.raises(HazelcastSerializationError, match="lone surrogate '\\\\ud800' at position 1"):
        out.write_string("a\ud800b")


def test_write_byte_keeps_low_8_bits_like_java():
    out = _out()
    out.write_byte(227)
    out.write_byte(-29)
    assert out.to_bytes() == b"\xe3\xe3"
    inp = _inp(out.to_bytes())
    assert inp.read_unsigned_byte() == 227
    assert inp.read_byte() == -29


def test_chars_bytes_and_raw_writes():
    out = _out()
    out.write_chars("ab😀")
    out.write_bytes("AĀ")
    out.write_from(b"xyz", 1, 2)
    assert out.to_bytes() == "ab😀".encode("utf-16-be") + b"A\x00" + b"yz"


def test_buffer_grows_past_initial_capacity():
    out = _ObjectDataOutput(1, None, True)
    for i in range(1000):
        out.write_int(i)
    out.write_byte_array(bytes(5000))
    inp = _inp(out.to_bytes())
    assert [inp.read_int() for _ in range(1000)] == list(range(1000))
    assert inp.read_byte_array() == bytearray(5000)
    assert inp.position() == inp.size() == out.position()


@settings(max_examples=60, deadline=None)
@given(st.data())
@pytest.mark.parametrize("big_endian", ORDERS)
def test_round_trip_of_random_sequences(big_endian, data):
    names = data.draw(st.lists(st.sampled_from(sorted(ALL)), max_size=12))
    values = [data.draw(ALL[n]) for n in names]
    nulls = [n for n in names if n in ARRAYS]
    out = _out(big_endian)
    for n, v in zip(names, values):
        getattr(out, "write_" + n)(v)
    for n in nulls:
        getattr(out, "write_" + n)(None)
    inp = _inp(out.to_bytes(), big_endian)
    for n, v in zip(names, values):
        assert getattr(inp, "read_" + n)() == v
    for n in nulls:
        assert getattr(inp, "read_" + n)() is None
    assert inp.position() == inp.size()


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_truncation_raises_serialization_error(name):
    value = {
        "boolean": True, "byte": 1, "short": 2, "char": "c", "int": 3, "long": 4,
        "float": 1.0, "double": 2.0, "string": "héllo😀",
        "byte_array": bytearray(b"abc"), "boolean_array": [True, False], "char_array": ["a", "b"],
        "short_array": [1, 2], "int_array": [1, 2], "long_array": [1, 2], "float_array": [1.0],
        "double_array": [1.0], "string_array": ["a", "bc"],
    }[name]
    out = _out()
    getattr(out, "write_" + name)(value)
    raw = out.to_bytes()
    for cut in range(len(raw)):
        with pytest.raises(HazelcastSerializationError):
            getattr(_inp(raw[:cut]), "read_" + name)()


@pytest.mark.parametrize(
    "name", ["byte_array", "boolean_array", "char_array", "int_array", "long_array", "double_array", "string_array", "string"]
)
@pytest.mark.parametrize("length", [0x7FFFFFFF, 1 << 28, -2])
def test_huge_or_negative_length_is_refused_without_allocating(name, length):
    raw = struct.pack(">i", length) + b"\x00" * 16
    with pytest.raises(HazelcastSerializationError):
        getattr(_inp(raw), "read_" + name)()


def test_invalid_utf8_is_refused():
    with pytest.raises(HazelcastSerializationError):
        _inp(b"\x00\x00\x00\x02\xc3\x28").read_string()


def test_read_into_skip_and_positions():
    inp = _ObjectDataInput(b"0123456789", 2)
    assert inp.position() == 2 and inp.size() == 10
    buf = bytearray(4)
    assert inp.read_into(buf, 1, 2) is buf
    assert buf == bytearray(b"\x0023\x00")
    assert inp.skip_bytes(3) == 3
    assert inp.skip_bytes(100) == 3
    assert inp.skip_bytes(-1) == 0
    with pytest.raises(HazelcastSerializationError):
        inp.read_into(bytearray(1))
    inp.set_position(0)
    assert inp.read_byte() == ord("0")
    assert inp.read_int(4) == struct.unpack(">i", b"4567")[0]
    assert inp.position() == 1
    with pytest.raises(HazelcastSerializationError):
        inp.set_position(11)


def test_positional_int_write():
    out = _out(False)
    out.write_int(0)
    out.write_int(7)
    out.write_int_positional(-1, 0)
    assert out.to_bytes() == struct.pack("<ii", -1, 7)
    with pytest.raises(ValueError):
        out.write_int_positional(1, 6)
