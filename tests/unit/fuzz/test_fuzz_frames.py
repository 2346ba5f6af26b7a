"""Fuzzing of the frame reader (pure and compiled): random or corrupt byte
streams either give messages or raise MalformedMessageError at once, never
another exception, a hang, or an allocation sized by a corrupt length."""

from __future__ import annotations

import struct

import pytest
from allocation import allocation_at_most
from hypothesis import given, settings
from hypothesis import strategies as st

from hazelcast.errors import MalformedMessageError
from hazelcast.protocol.client_message import IS_FINAL_FLAG, UNFRAGMENTED_MESSAGE

HEADER = struct.Struct("<iH")
FUZZ = settings(max_examples=150, deadline=2000)


def _feed(reader, chunks):
    try:
        for chunk in chunks:
            for msg in reader.feed(chunk):
                assert msg.frames and msg.start_frame is msg.frames[0]
    except MalformedMessageError:
        pass


@FUZZ
@given(chunks=st.lists(st.binary(max_size=64), max_size=8), max_size=st.sampled_from([6, 64, 1 << 20, 0x7FFFFFFF]))
def test_random_bytes(frame_reader_impl, chunks, max_size):
    _feed(frame_reader_impl.FrameReader(max_size), chunks)


@FUZZ
@given(
    frames=st.lists(
        st.tuples(st.integers(-(2**31), 2**31 - 1) | st.integers(0, 40), st.integers(0, 0xFFFF), st.binary(max_size=40)),
        max_size=6,
    ),
    split=st.integers(0, 300),
)
def test_frames_with_any_length_and_flags(frame_reader_impl, frames, split):
    data = b"".join(HEADER.pack(length, flags) + body for length, flags, body in frames)
    _feed(frame_reader_impl.FrameReader(1 << 16), [data[:split], data[split:]])


@pytest.mark.parametrize("length", [-1, 0, 5, -(2**31)])
def test_length_below_the_header_fails_at_once(frame_reader_impl, length):
    with pytest.raises(MalformedMessageError, match="invalid frame length"):
        frame_reader_impl.FrameReader().feed(HEADER.pack(length, 0))


@pytest.mark.parametrize("length", [2**31 - 1, 1 << 24])
def test_huge_length_fails_before_its_bytes_arrive(frame_reader_impl, length):
    reader = frame_reader_impl.FrameReader(1 << 20)
    with allocation_at_most(64 * 1024):
        with pytest.raises(MalformedMessageError, match="maximum message size"):
            reader.feed(HEADER.pack(length, UNFRAGMENTED_MESSAGE) + b"\x00" * 10)


def test_truncated_stream_waits_without_error(frame_reader_impl):
    data = HEADER.pack(6 + 100, UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG) + b"x" * 100
    for cut in range(len(data)):
        reader = frame_reader_impl.FrameReader()
        assert reader.feed(data[:cut]) == []
        assert reader.has_pending_data() == (cut > 0)
        assert len(reader.feed(data[cut:])) == 1
