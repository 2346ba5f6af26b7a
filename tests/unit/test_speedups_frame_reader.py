"""Differential tests of the two frame readers: for any byte stream cut
into any chunks (whole messages, fragmented messages, garbage), both return
the same messages, frame by frame, or the same MalformedMessageError."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hazelcast.errors import MalformedMessageError
from hazelcast.protocol.client_message import (
    BEGIN_FRAGMENT_FLAG,
    END_FRAGMENT_FLAG,
    IS_FINAL_FLAG,
    UNFRAGMENTED_MESSAGE,
    Frame,
    InboundMessage,
)

from hot_paths import load_implementation

HEADER = struct.Struct("<iH")


def frame(content: bytes, flags: int) -> bytes:
    return HEADER.pack(len(content) + 6, flags) + content


flags16 = st.integers(0, 0xFFFF)
contents = st.binary(max_size=24)


@st.composite
def messages(draw):
    """A whole message: first frame unfragmented, last one final."""
    n = draw(st.integers(1, 4))
    out = []
    for i in range(n):
        flags = draw(flags16) & ~(IS_FINAL_FLAG | UNFRAGMENTED_MESSAGE)
        if i == 0:
            flags |= UNFRAGMENTED_MESSAGE
        if i == n - 1:
            flags |= IS_FINAL_FLAG
        out.append(frame(draw(contents), flags))
    return b"".join(out)


@st.composite
def fragmented(draw):
    """A message split into fragments, each a message of its own."""
    fragment_id = draw(st.integers(-(2**63), 2**63 - 1))
    parts = draw(st.lists(contents, min_size=1, max_size=4))
    out = []
    for i, part in enumerate(parts):
        flags = (BEGIN_FRAGMENT_FLAG if i == 0 else 0) | (END_FRAGMENT_FLAG if i == len(parts) - 1 else 0)
        out.append(frame(struct.pack("<q", fragment_id), flags) + frame(part, IS_FINAL_FLAG))
    return out


@st.composite
def streams(draw):
    pieces = []
    for kind in draw(st.lists(st.sampled_from(["msg", "frag", "garbage", "frame"]), max_size=6)):
        if kind == "msg":
            pieces.append(draw(messages()))
        elif kind == "frag":
            pieces.extend(draw(fragmented()))
        elif kind == "garbage":
            pieces.append(draw(st.binary(max_size=16)))
        else:  # a frame with any flags and any declared length
            pieces.append(HEADER.pack(draw(st.integers(-(2**31), 2**31 - 1)), draw(flags16)) + draw(contents))
    return b"".join(pieces)


def _feed_all(kind, data, cuts, max_size):
    reader = load_implementation("frame_reader", kind).FrameReader(max_size)
    trail = []
    prev = 0
    for cut in sorted(set(c for c in cuts if c < len(data))) + [len(data)]:
        try:
            got = reader.feed(data[prev:cut])
        except Exception as e:
            assert type(e) is MalformedMessageError, e
            trail.append(("error", str(e)))
            return trail
        for msg in got:
            assert type(msg) is InboundMessage and all(type(f) is Frame for f in msg.frames)
            assert msg.start_frame is msg.frames[0] and msg.next_frame() is msg.frames[0]
        trail.append([[(f.flags, f.buf) for f in m.frames] for m in got])
        prev = cut
    trail.append(reader.has_pending_data())
    return trail


@settings(max_examples=200, deadline=None)
@given(
    data=streams(),
    cuts=st.lists(st.integers(0, 400), max_size=8),
    max_size=st.sampled_from([6, 40, 100, 0x7FFFFFFF]),
)
def test_both_readers_agree_on_any_stream(data, cuts, max_size):
    assert _feed_all("pure", data, cuts, max_size) == _feed_all("compiled", data, cuts, max_size)


@settings(max_examples=60, deadline=None)
@given(msgs=st.lists(messages(), min_size=1, max_size=5), frags=st.lists(fragmented(), max_size=3))
def test_interleaved_fragments_are_reassembled_alike(msgs, frags):
    # fragments of different messages interleave with whole messages
    pieces = list(msgs)
    for i, parts in enumerate(frags):
        # distinct fragment ids, so none begins again before it ends
        parts = [struct.pack("<iH", 14, HEADER.unpack_from(p)[1]) + struct.pack("<q", i) + p[14:] for p in parts]
        for j, p in enumerate(parts):
            pieces.insert(min(len(pieces), j * 2 + i), p)
    data = b"".join(pieces)
    pure = _feed_all("pure", data, [], 0x7FFFFFFF)
    compiled = _feed_all("compiled", data, list(range(0, len(data), 7)), 0x7FFFFFFF)
    assert _messages(pure) == _messages(compiled)
    assert len(_messages(pure)) == len(msgs) + len(frags)
    assert pure[-1] is False and compiled[-1] is False


def _messages(trail):
    """All messages of a trail, whatever chunks they completed in."""
    return [m for step in trail[:-1] for m in step]


@pytest.mark.parametrize("max_size", [6, 7, 1024])
def test_float_and_int_limits_agree(frame_reader_impl, max_size):
    reader = frame_reader_impl.FrameReader(float(max_size) + 0.5)
    data = frame(b"x" * (max_size - 6), UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG)
    assert len(reader.feed(data)) == 1
    with pytest.raises(MalformedMessageError):
        frame_reader_impl.FrameReader(max_size).feed(frame(b"x" * (max_size - 5), UNFRAGMENTED_MESSAGE))


def test_reading_1000_messages(frame_reader_impl):
    one = frame(struct.pack("<iqB", 0x10101, 7, 0), UNFRAGMENTED_MESSAGE) + frame(b"v" * 20, IS_FINAL_FLAG)
    reader = frame_reader_impl.FrameReader()
    got = reader.feed(one * 1000)
    assert len(got) == 1000
    assert all(m.get_correlation_id() == 7 and m.frames[1].buf == b"v" * 20 for m in got)
    assert got[0].frames[0].flags == UNFRAGMENTED_MESSAGE and got[0].frames[1].flags == IS_FINAL_FLAG
    assert not reader.has_pending_data()
