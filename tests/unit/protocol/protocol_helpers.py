"""Builders of raw protocol messages for the protocol tests."""

from __future__ import annotations

import struct
from typing import List

from hazelcast.protocol.client_message import (
    IS_FINAL_FLAG,
    REQUEST_HEADER_SIZE,
    UNFRAGMENTED_MESSAGE,
    InboundMessage,
    create_initial_buffer,
)
from hazelcast.protocol.frame_reader import FrameReader

FRAME = struct.Struct("<iH")


def frame(content: bytes = b"", flags: int = 0) -> bytes:
    return FRAME.pack(len(content) + 6, flags) + content


def mark_final(buf: bytearray) -> bytearray:
    """Sets IS_FINAL on the last frame of a buffer of frames."""
    pos = last = 0
    while pos < len(buf):
        last = pos
        pos += FRAME.unpack_from(buf, pos)[0]
    length, flags = FRAME.unpack_from(buf, last)
    FRAME.pack_into(buf, last, length, flags | IS_FINAL_FLAG)
    return buf


def read_one(data: bytes) -> InboundMessage:
    messages = FrameReader().feed(bytes(data))
    assert len(messages) == 1
    return messages[0]


def wrapped(encode, value) -> InboundMessage:
    """Encodes value after a request header as the final param; returns the message
    read back with the cursor past the initial frame."""
    buf = create_initial_buffer(REQUEST_HEADER_SIZE, 0x123)
    encode(buf, value, True)
    msg = read_one(buf)
    msg.next_frame()
    return msg


def response(message_type: int, fixed: bytes = b"", frames: List[bytes] = (), correlation_id: int = 7,
             backup_acks: int = 0) -> InboundMessage:
    """A response: header and fixed params in the initial frame, then frames."""
    initial = struct.pack("<iqB", message_type, correlation_id, backup_acks) + fixed
    buf = bytearray(frame(initial, UNFRAGMENTED_MESSAGE))
    for f in frames:
        buf += f
    return read_one(mark_final(buf))


def event(message_type: int, fixed: bytes = b"", frames: List[bytes] = (), partition_id: int = -1,
          flags: int = 0) -> InboundMessage:
    initial = struct.pack("<iqi", message_type, 0, partition_id) + fixed
    buf = bytearray(frame(initial, UNFRAGMENTED_MESSAGE | flags))
    for f in frames:
        buf += f
    return read_one(mark_final(buf))


def encoded(encode, *args) -> bytes:
    """The frames an encoder appends (non-final) to an empty buffer."""
    buf = bytearray()
    encode(buf, *args)
    return bytes(buf)
