"""Messages of the Hazelcast Open Binary Client Protocol.

A message is a sequence of frames. Each frame starts with a 6-byte header: the frame
length (int32, little-endian, header included) and the flags (uint16, little-endian);
the content follows. The first frame of a message carries the message header (type,
correlation id, then partition id for requests and events or the backup-ack count for
responses) followed by the fixed-size parameters; variable-size parameters follow as
frames of their own, and the last frame of a message has the ``IS_FINAL`` flag.

Outbound requests are kept as one ``bytearray`` holding every frame, so a codec builds
the bytes once and the invocation layer only patches the header fields in place.
Inbound messages are a list of :class:`Frame` objects with a read cursor.
"""

from __future__ import annotations

import struct
from typing import List, Optional

# Frame flags.
BEGIN_FRAGMENT_FLAG = 1 << 15
END_FRAGMENT_FLAG = 1 << 14
IS_FINAL_FLAG = 1 << 13
BEGIN_DATA_STRUCTURE_FLAG = 1 << 12
END_DATA_STRUCTURE_FLAG = 1 << 11
IS_NULL_FLAG = 1 << 10
IS_EVENT_FLAG = 1 << 9
BACKUP_AWARE_FLAG = 1 << 8
BACKUP_EVENT_FLAG = 1 << 7
DEFAULT_FLAGS = 0
UNFRAGMENTED_MESSAGE = BEGIN_FRAGMENT_FLAG | END_FRAGMENT_FLAG

SIZE_OF_FRAME_LENGTH_AND_FLAGS = 6

# Offsets inside the content of the initial frame.
TYPE_FIELD_OFFSET = 0
CORRELATION_ID_FIELD_OFFSET = 4
PARTITION_ID_FIELD_OFFSET = 12
RESPONSE_BACKUP_ACKS_FIELD_OFFSET = 12
FRAGMENTATION_ID_OFFSET = 0

REQUEST_HEADER_SIZE = 16
RESPONSE_HEADER_SIZE = 13
EVENT_HEADER_SIZE = 16

# The same offsets inside an outbound buffer, which starts with the frame header.
_BUF_TYPE = SIZE_OF_FRAME_LENGTH_AND_FLAGS + TYPE_FIELD_OFFSET
_BUF_CORRELATION_ID = SIZE_OF_FRAME_LENGTH_AND_FLAGS + CORRELATION_ID_FIELD_OFFSET
_BUF_PARTITION_ID = SIZE_OF_FRAME_LENGTH_AND_FLAGS + PARTITION_ID_FIELD_OFFSET
# High byte of the initial frame's flags; BACKUP_AWARE_FLAG (1 << 8) is its bit 0.
_BUF_FLAGS_HIGH_BYTE = 5

FRAME_HEADER = struct.Struct("<iH")
_INT = struct.Struct("<i")
_LONG = struct.Struct("<q")
_BYTE = struct.Struct("<B")

# Standalone frames, encoded once.
NULL_FRAME_BUF = FRAME_HEADER.pack(SIZE_OF_FRAME_LENGTH_AND_FLAGS, IS_NULL_FLAG)
NULL_FINAL_FRAME_BUF = FRAME_HEADER.pack(SIZE_OF_FRAME_LENGTH_AND_FLAGS, IS_NULL_FLAG | IS_FINAL_FLAG)
BEGIN_FRAME_BUF = FRAME_HEADER.pack(SIZE_OF_FRAME_LENGTH_AND_FLAGS, BEGIN_DATA_STRUCTURE_FLAG)
END_FRAME_BUF = FRAME_HEADER.pack(SIZE_OF_FRAME_LENGTH_AND_FLAGS, END_DATA_STRUCTURE_FLAG)
END_FINAL_FRAME_BUF = FRAME_HEADER.pack(
    SIZE_OF_FRAME_LENGTH_AND_FLAGS, END_DATA_STRUCTURE_FLAG | IS_FINAL_FLAG
)


def create_initial_buffer(size: int, message_type: int, is_final: bool = False) -> bytearray:
    """Returns the initial frame of a request with room for ``size`` content bytes.

    The header is filled in (message type, correlation id 0, partition id -1); the
    fixed-size parameters are written after :data:`REQUEST_HEADER_SIZE` by the caller.

    Args:
        size: Content size of the initial frame, the request header included.
        message_type: The request's message type.
        is_final: True if the request has no other frame.

    Returns:
        The buffer holding the initial frame.
    """
    frame_size = size + SIZE_OF_FRAME_LENGTH_AND_FLAGS
    buf = bytearray(frame_size)
    flags = UNFRAGMENTED_MESSAGE | IS_FINAL_FLAG if is_final else UNFRAGMENTED_MESSAGE
    FRAME_HEADER.pack_into(buf, 0, frame_size, flags)
    _INT.pack_into(buf, _BUF_TYPE, message_type)
    _INT.pack_into(buf, _BUF_PARTITION_ID, -1)
    return buf


_CORRELATION_AND_PARTITION = struct.Struct("<qi")
assert _BUF_PARTITION_ID == _BUF_CORRELATION_ID + 8


class OutboundMessage:
    """An encoded request: every frame in one buffer.

    Attributes:
        buf: The encoded frames, ready to be written to a connection.
        retryable: True if the request may be sent again after a failure.
    """

    __slots__ = ("buf", "retryable")

    def __init__(self, buf: bytearray, retryable: bool):
        self.buf = buf
        self.retryable = retryable

    def set_correlation_id(self, correlation_id: int) -> None:
        _LONG.pack_into(self.buf, _BUF_CORRELATION_ID, correlation_id)

    def get_correlation_id(self) -> int:
        return _LONG.unpack_from(self.buf, _BUF_CORRELATION_ID)[0]

    def set_ids(self, correlation_id: int, partition_id: int, backup_aware: bool = False) -> None:
        """Sets the correlation id and the partition id (adjacent fields) at once,
        and the backup-aware flag if asked (the member then lets the backups
        acknowledge directly)."""
        buf = self.buf
        _CORRELATION_AND_PARTITION.pack_into(buf, _BUF_CORRELATION_ID, correlation_id, partition_id)
        if backup_aware:
            buf[_BUF_FLAGS_HIGH_BYTE] |= BACKUP_AWARE_FLAG >> 8

    def set_partition_id(self, partition_id: int) -> None:
        _INT.pack_into(self.buf, _BUF_PARTITION_ID, partition_id)

    def get_partition_id(self) -> int:
        return _INT.unpack_from(self.buf, _BUF_PARTITION_ID)[0]

    def get_message_type(self) -> int:
        return _INT.unpack_from(self.buf, _BUF_TYPE)[0]

    def set_backup_aware_flag(self) -> None:
        self.buf[_BUF_FLAGS_HIGH_BYTE] |= BACKUP_AWARE_FLAG >> 8

    def is_backup_aware(self) -> bool:
        return bool(self.buf[_BUF_FLAGS_HIGH_BYTE] & (BACKUP_AWARE_FLAG >> 8))

    def copy(self) -> "OutboundMessage":
        """Returns a message with a copy of this buffer (a retry must not share it)."""
        return OutboundMessage(bytearray(self.buf), self.retryable)

    def __repr__(self) -> str:
        return "OutboundMessage(type=0x%06x, correlation_id=%d, partition_id=%d, size=%d)" % (
            self.get_message_type(),
            self.get_correlation_id(),
            self.get_partition_id(),
            len(self.buf),
        )


class Frame:
    """One received frame.

    Attributes:
        buf: The frame content, without the 6-byte header.
        flags: The frame flags.
    """

    __slots__ = ("buf", "flags")

    def __init__(self, buf: bytes, flags: int = DEFAULT_FLAGS):
        self.buf = buf
        self.flags = flags

    def is_begin_frame(self) -> bool:
        return bool(self.flags & BEGIN_DATA_STRUCTURE_FLAG)

    def is_end_frame(self) -> bool:
        return bool(self.flags & END_DATA_STRUCTURE_FLAG)

    def is_null_frame(self) -> bool:
        return bool(self.flags & IS_NULL_FLAG)

    def is_final_frame(self) -> bool:
        return bool(self.flags & IS_FINAL_FLAG)

    def __repr__(self) -> str:
        return "Frame(flags=0x%04x, size=%d)" % (self.flags, len(self.buf))


class InboundMessage:
    """A received message: its frames and a read cursor for the decoders.

    The cursor starts at the initial frame; decoders take frames in order with
    :meth:`next_frame`.
    """

    __slots__ = ("frames", "start_frame", "_index")

    def __init__(self, frames: List[Frame]):
        self.frames = frames
        self.start_frame = frames[0]
        self._index = 0

    def next_frame(self) -> Frame:
        """Returns the frame at the cursor and moves the cursor past it.

        Raises:
            IndexError: If every frame was read already.
        """
        index = self._index
        self._index = index + 1
        return self.frames[index]

    def peek_next_frame(self) -> Optional[Frame]:
        """Returns the frame at the cursor, or None at the end of the message."""
        index = self._index
        frames = self.frames
        return frames[index] if index < len(frames) else None

    def peek_next_frame_flags(self) -> int:
        """Returns the flags of the frame at the cursor, without moving the cursor.

        Raises:
            IndexError: If every frame was read already.
        """
        return self.frames[self._index].flags

    def has_next_frame(self) -> bool:
        return self._index < len(self.frames)

    def skip_frame(self) -> None:
        self._index += 1

    def reset_cursor(self) -> None:
        """Moves the cursor back to the initial frame (to decode the message again)."""
        self._index = 0

    def get_message_type(self) -> int:
        return _INT.unpack_from(self.start_frame.buf, TYPE_FIELD_OFFSET)[0]

    def get_correlation_id(self) -> int:
        return _LONG.unpack_from(self.start_frame.buf, CORRELATION_ID_FIELD_OFFSET)[0]

    def get_number_of_backup_acks(self) -> int:
        return self.start_frame.buf[RESPONSE_BACKUP_ACKS_FIELD_OFFSET]

    def get_partition_id(self) -> int:
        """Returns the partition id of an event message."""
        return _INT.unpack_from(self.start_frame.buf, PARTITION_ID_FIELD_OFFSET)[0]

    def is_event(self) -> bool:
        return bool(self.start_frame.flags & IS_EVENT_FLAG)

    def is_backup_event(self) -> bool:
        return bool(self.start_frame.flags & BACKUP_EVENT_FLAG)

    def get_total_size(self) -> int:
        return sum(len(f.buf) + SIZE_OF_FRAME_LENGTH_AND_FLAGS for f in self.frames)

    def __repr__(self) -> str:
        return "InboundMessage(type=0x%06x, correlation_id=%d, frames=%d)" % (
            self.get_message_type(),
            self.get_correlation_id(),
            len(self.frames),
        )
