"""Differential tests of the two ObjectDataInput/ObjectDataOutput
implementations: what one writes the other reads, both write the same
bytes, and both answer the same (value or error, with its message) to any
input, valid or not."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from hazelcast.errors import HazelcastSerializationError

from hot_paths import load_implementation

KINDS = [("pure", "compiled"), ("compiled", "pure")]
ORDERS = [True, False]

ints = lambda bits: st.integers(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)  # noqa: E731
bmp_char = st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",))
# lone surrogates included: both refuse them with the same error
text = st.text(st.characters(max_codepoint=0x10FFFF, blacklist_categories=()))

VALUES = {
    "boolean": st.booleans(),
    "byte": st.integers(-300, 300),
    "short": ints(16),
    "char": bmp_char,
    "int": ints(32),
    "long": ints(64),
    "float": st.floats(width=32),
    "double": st.floats(),
    "string": text | st.none(),
    "byte_array": st.none() | st.binary() | st.binary().map(bytearray) | st.lists(st.integers(-128, 255)),
    "boolean_array": st.none() | st.lists(st.booleans()),
    "char_array": st.none() | st.lists(bmp_char),
    "short_array": st.none() | st.lists(ints(16)) | st.tuples(ints(16), ints(16)),
    "int_array": st.none() | st.lists(ints(32)),
    "long_array": st.none() | st.lists(ints(64)),
    "float_array": st.none() | st.lists(st.floats(width=32)),
    "double_array": st.none() | st.lists(st.floats()),
    "string_array": st.none() | st.lists(text),
    "chars": st.text(),
    "bytes": st.text(max_size=20),
    "zero_bytes": st.integers(0, 40),
    "int_big_endian": ints(32),
}
READERS = {
    "boolean": "boolean", "byte": "byte", "short": "short", "char": "char", "int": "int",
    "long": "long", "float": "float", "double": "double", "string": "string",
    "byte_array": "byte_array", "boolean_array": "boolean_array", "char_array": "char_array",
    "short_array": "short_array", "int_array": "int_array", "long_array": "long_array",
    "float_array": "float_array", "double_array": "double_array", "string_array": "string_array",
}
ops = st.lists(st.sampled_from(sorted(VALUES)).flatmap(lambda n: st.tuples(st.just(n), VALUES[n])), max_size=12)


def _output(kind, big_endian, size=16):
    return load_implementation("data_output", kind)._ObjectDataOutput(size, None, big_endian)


def _input(kind, raw, big_endian, offset=0):
    return load_implementation("data_input", kind)._ObjectDataInput(raw, offset, None, big_endian)


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b and type(a) is type(b)


def _outcome(call):
    try:
        return ("ok", call())
    except Exception as e:  # the exception itself is what is compared
        return ("error", type(e), str(e))


@pytest.mark.parametrize("big_endian", ORDERS)
@settings(max_examples=80, deadline=None)
@given(ops=ops)
def test_both_write_the_same_bytes_and_read_each_other(big_endian, ops):
    written = {}
    for kind in ("pure", "compiled"):
        out = _output(kind, big_endian, 1)
        outcomes = []
        for name, value in ops:
            before = out.position()
            outcome = _outcome(lambda: getattr(out, "write_" + name)(value))
            if outcome[0] == "error":  # a refused value writes nothing at all
                assert out.position() == before
            outcomes.append(outcome)
        written[kind] = (out.to_bytes(), outcomes)
        assert out.position() == len(written[kind][0])
        assert out.to_byte_array() == bytearray(written[kind][0])
    assert written["pure"] == written["compiled"]

    raw = written["pure"][0]
    ops = [op for op, outcome in zip(ops, written["pure"][1]) if outcome[0] == "ok"]
    results = {}
    for kind in ("pure", "compiled"):
        inp = _input(kind, raw, big_endian)
        got = []
        for name, value in ops:
            if name in READERS:
                got.append(getattr(inp, "read_" + READERS[name])())
            else:  # raw writes: skip what they wrote
                if name == "chars":
                    size = len(value.encode("utf-16-le", "surrogatepass"))
                elif name == "bytes":
                    size = len(value)
                else:
                    size = value if name == "zero_bytes" else 4
                got.append(inp.read_into(bytearray(size)))
        assert inp.position() == inp.size() == len(raw)
        results[kind] = got
    assert _same(results["pure"], results["compiled"])


BAD_VALUES = st.one_of(
    st.integers(-(2 ** 70), 2 ** 70), st.floats(), st.booleans(), st.none(),
    st.text(max_size=3), st.binary(max_size=3), st.lists(st.integers(-(2 ** 40), 2 ** 40), max_size=3),
)
WRITERS = [
    "boolean", "byte", "short", "char", "int", "long", "float", "double", "string", "int_big_endian",
    "byte_array", "boolean_array", "char_array", "short_array", "int_array", "long_array",
    "float_array", "double_array", "string_array", "chars", "bytes", "zero_bytes", "utf",
]


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(WRITERS), value=BAD_VALUES, big_endian=st.booleans())
@example(name="zero_bytes", value=-(1 << 63) - 1, big_endian=False)  # beyond a C size
def test_both_accept_and_refuse_the_same_values(name, value, big_endian):
    # a huge count of zero bytes is a real (failed) allocation in both
    assume(not (name == "zero_bytes" and isinstance(value, int) and value > 1 << 16))
    seen = []
    for kind in ("pure", "compiled"):
        out = _output(kind, big_endian)
        out.write_int(7)
        result = _outcome(lambda: getattr(out, "write_" + name)(value))
        seen.append((result[:2] if result[0] == "ok" else result, out.position(), out.to_bytes()))
    assert seen[0] == seen[1]


READ_NAMES = sorted(READERS.values()) + ["unsigned_byte", "unsigned_short", "utf", "utf_array"]


@settings(max_examples=200, deadline=None)
@given(
    raw=st.binary(max_size=48) | st.lists(st.sampled_from([b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff", b"\x00\x00\x00\x02", b"\xc3\x28", b"a"]), max_size=8).map(b"".join),
    steps=st.lists(st.tuples(st.sampled_from(READ_NAMES), st.none() | st.integers(-60, 60)), max_size=8),
    offset=st.integers(0, 4),
    big_endian=st.booleans(),
)
def test_both_read_any_bytes_alike(raw, steps, offset, big_endian):
    """Values, errors and messages agree step by step on arbitrary input;
    the only error is HazelcastSerializationError."""
    trails = []
    for kind in ("pure", "compiled"):
        inp_or_error = _outcome(lambda: _input(kind, raw, big_endian, offset))
        trail = [inp_or_error[0]]
        if inp_or_error[0] == "ok":
            inp = inp_or_error[1]
            for name, position in steps:
                positional = position is not None and name in ("byte", "int", "long", "short", "double", "float", "char", "boolean", "unsigned_byte", "unsigned_short")
                method = getattr(inp, "read_" + name)
                result = _outcome(lambda: method(position) if positional else method())
                if result[0] == "error":
                    assert result[1] is HazelcastSerializationError, result
                trail.append((result, inp.position()))
        trails.append(trail)
    pure, compiled = trails
    assert len(pure) == len(compiled)
    for a, b in zip(pure, compiled):
        if isinstance(a, tuple) and a[0][0] == "ok":
            assert _same(a[0][1], b[0][1]) and a[1] == b[1], (a, b)
        else:
            assert a == b


@pytest.mark.parametrize("writer,reader", KINDS)
def test_pooled_output_is_rewound_through_pos(writer, reader):
    out = _output(writer, True)
    out.write_string("x" * 100)
    assert len(out._buffer) >= 104
    out._pos = 0
    out.write_int(5)
    assert out.to_bytes() == b"\x00\x00\x00\x05"
    assert _input(reader, out.to_bytes(), True).read_int() == 5


@pytest.mark.parametrize("kind", ["pure", "compiled"])
def test_buffer_growth_matches_the_pure_policy(kind):
    # the service keeps outputs whose buffer stayed small: same sizes either way
    out = _output(kind, True, 16)
    sizes = []
    for n in (3, 20, 1, 100, 7, 1000):
        out.write_zero_bytes(n)
        sizes.append(len(out._buffer))
    assert sizes == [16, 36, 36, 136, 136, 1136]
