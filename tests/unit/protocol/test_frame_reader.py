from __future__ import annotations

import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hazelcast.errors import MalformedMessageError
from hazelcast.protocol.client_message import (
    BEGIN_FRAGMENT_FLAG,
    END_FRAGMENT_FLAG,
    IS_FINAL_FLAG,
    UNFRAGMENTED_MESSAGE,
)
from hazelcast.protocol.frame_reader import FrameReader

from protocol_helpers import frame


def message(correlation_id: int, payloads=(b"payload",)) -> bytes:
    """A response with an initial frame and the given frames, the last one final."""
    initial = struct.pack("<iqB", 0x10101, correlation_id, 0)
    parts = [frame(initial, UNFRAGMENTED_MESSAGE | (0 if payloads else IS_FINAL_FLAG))]
    for i, p in enumerate(payloads):
        parts.append(frame(p, IS_FINAL_FLAG if i == len(payloads) - 1 else 0))
    return b"".join(parts)


def contents(msg):
    return [f.buf for f in msg.frames]


def test_one_message():
    [msg] = FrameReader().feed(message(5, (b"a", b"bc")))
    assert msg.get_correlation_id() == 5
    assert contents(msg)[1:] == [b"a", b"bc"]
    assert msg.frames[-1].flags == IS_FINAL_FLAG


def test_several_messages_in_one_chunk():
    reader = FrameReader()
    msgs = reader.feed(message(1) + message(2, ()) + message(3))
    assert [m.get_correlation_id() for m in msgs] == [1, 2, 3]
    assert not reader.has_pending_data()


def test_byte_by_byte():
    data = message(1, (b"x" * 100, b"")) + message(2)
    reader = FrameReader()
    got = []
    for i in range(len(data)):
        got += reader.feed(data[i : i + 1])
        if i < len(data) - len(message(2)) - 1:
            assert got == []
    assert [m.get_correlation_id() for m in got] == [1, 2]
    assert contents(got[0])[1:] == [b"x" * 100, b""]


@given(st.lists(st.binary(max_size=40), max_size=5), st.lists(st.integers(0, 200), max_size=10))
def test_any_chunking_gives_the_same_messages(payloads, cuts):
    data = message(1, tuple(payloads)) + message(2, (b"tail",))
    reader = FrameReader()
    got = []
    prev = 0
    for cut in sorted(set(c for c in cuts if c < len(data))) + [len(data)]:
        got += reader.feed(data[prev:cut])
        prev = cut
    assert [m.get_correlation_id() for m in got] == [1, 2]
    assert contents(got[0])[1:] == list(payloads)
    assert not reader.has_pending_data()


def test_truncated_input_waits_for_more_bytes():
    data = message(1, (b"z" * 1000,))
    reader = FrameReader()
    assert reader.feed(data[:3]) == []
    assert reader.feed(data[3:500]) == []
    assert reader.has_pending_data()
    [msg] = reader.feed(data[500:])
    assert msg.frames[1].buf == b"z" * 1000


def test_accepts_bytearray_and_memoryview():
    data = message(4)
    assert FrameReader().feed(bytearray(data))[0].get_correlation_id() == 4
    assert FrameReader().feed(memoryview(data))[0].get_correlation_id() == 4


def fragment(fragment_id: int, flags: int, frames: bytes) -> bytes:
    # The frames' last frame must carry IS_FINAL: callers pass frames built so.
    return frame(struct.pack("<q", fragment_id), flags) + frames


def split_message(fragment_id: int, correlation_id: int, parts):
    """Splits message(correlation_id, parts) into one fragment per frame."""
    initial = struct.pack("<iqB", 0x10101, correlation_id, 0)
    frames = [frame(initial, UNFRAGMENTED_MESSAGE)] + [frame(p) for p in parts]
    fragments = []
    for i, f in enumerate(frames):
        flags = (BEGIN_FRAGMENT_FLAG if i == 0 else 0) | (END_FRAGMENT_FLAG if i == len(frames) - 1 else 0)
        length, fflags = struct.unpack_from("<iH", f)
        final = struct.pack("<iH", length, fflags | IS_FINAL_FLAG) + f[6:]
        fragments.append(fragment(fragment_id, flags, final))
    return fragments


def test_interleaved_fragmented_messages():
    a = split_message(100, 1, [b"a1", b"a2", b"a3"])
    b = split_message(-5, 2, [b"b1", b"b2"])
    stream = [a[0], b[0], message(3), a[1], b[1], a[2], b[2], a[3]]
    reader = FrameReader()
    got = []
    for chunk in stream:
        got += reader.feed(chunk)
    assert [m.get_correlation_id() for m in got] == [3, 2, 1]
    assert contents(got[1])[1:] == [b"b1", b"b2"]
    assert contents(got[2])[1:] == [b"a1", b"a2", b"a3"]
    assert got[2].get_message_type() == 0x10101
    assert not reader.has_pending_data()


@pytest.mark.parametrize("length", [-1, 0, 5, -(2**31)])
def test_frame_length_below_header_size(length):
    with pytest.raises(MalformedMessageError):
        FrameReader().feed(struct.pack("<iH", length, 0) + b"\x00" * 20)


def test_length_above_maximum_raises_before_the_bytes_arrive():
    reader = FrameReader(max_message_size=1024)
    with pytest.raises(MalformedMessageError):
        reader.feed(struct.pack("<iH", 1025, UNFRAGMENTED_MESSAGE))
    # A huge declared length is rejected at once, nothing is allocated for it.
    with pytest.raises(MalformedMessageError):
        FrameReader(max_message_size=1 << 20).feed(struct.pack("<iH", 2**31 - 1, 0))


def test_message_above_maximum_over_several_frames():
    reader = FrameReader(max_message_size=100)
    with pytest.raises(MalformedMessageError):
        reader.feed(frame(b"x" * 60, UNFRAGMENTED_MESSAGE) + frame(b"y" * 60))
    ok = FrameReader(max_message_size=100).feed(message(1, (b"y" * 40,)))
    assert len(ok) == 1


def test_fragmented_message_above_maximum():
    frags = split_message(1, 1, [b"x" * 60, b"y" * 60])
    reader = FrameReader(max_message_size=120)
    reader.feed(frags[0])
    reader.feed(frags[1])
    with pytest.raises(MalformedMessageError):
        reader.feed(frags[2])


def test_continuation_of_unknown_fragment_id():
    with pytest.raises(MalformedMessageError):
        FrameReader().feed(fragment(42, 0, frame(b"x", IS_FINAL_FLAG)))
    with pytest.raises(MalformedMessageError):
        FrameReader().feed(fragment(42, END_FRAGMENT_FLAG, frame(b"x", IS_FINAL_FLAG)))


def test_fragment_without_fragmentation_id():
    with pytest.raises(MalformedMessageError):
        FrameReader().feed(frame(b"abc", BEGIN_FRAGMENT_FLAG | IS_FINAL_FLAG))


def test_fragment_id_reused_before_end():
    reader = FrameReader()
    reader.feed(fragment(7, BEGIN_FRAGMENT_FLAG, frame(b"x" * 16, IS_FINAL_FLAG)))
    with pytest.raises(MalformedMessageError):
        reader.feed(fragment(7, BEGIN_FRAGMENT_FLAG, frame(b"x" * 16, IS_FINAL_FLAG)))


def test_invalid_maximum():
    with pytest.raises(ValueError, match="max_message_size"):
        FrameReader(max_message_size=3)
