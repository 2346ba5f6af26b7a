"""Sans-I/O reader turning received bytes into protocol messages (pure Python;
the compiled twin is ``_frame_reader_c``, selected by :mod:`hazelcast.protocol.frame_reader`).

The transport hands every chunk it reads to :meth:`FrameReader.feed` and gets back the
messages completed by that chunk. The reader owns no socket and never blocks, so the
threaded and asyncio transports share it.

A message ends at a frame with the ``IS_FINAL`` flag. A member splits a large message
into fragments: each fragment is a message whose first frame holds the fragmentation
id (int64) and the ``BEGIN_FRAGMENT``/``END_FRAGMENT`` flags; the frames after it are
the next part of the original message.
"""

from __future__ import annotations

import struct
from typing import Dict, List, Optional

from hazelcast.errors import MalformedMessageError
from hazelcast.protocol.client_message import (
    BEGIN_FRAGMENT_FLAG,
    END_FRAGMENT_FLAG,
    IS_FINAL_FLAG,
    SIZE_OF_FRAME_LENGTH_AND_FLAGS,
    UNFRAGMENTED_MESSAGE,
    Frame,
    InboundMessage,
)

# A frame length is an int32, so no frame or message can be larger than this.
DEFAULT_MAX_MESSAGE_SIZE = 0x7FFFFFFF

_HEADER = struct.Struct("<iH")
_LONG = struct.Struct("<q")
_HEADER_SIZE = SIZE_OF_FRAME_LENGTH_AND_FLAGS


class FrameReader:
    """Reassembles protocol messages from a byte stream.

    Args:
        max_message_size: The largest frame or message, in bytes, the reader accepts;
            anything larger is treated as malformed input.

    Raises:
        ValueError: If ``max_message_size`` is smaller than a frame header.
    """

    __slots__ = (
        "_max_message_size",
        "_pending",
        "_pending_size",
        "_needed",
        "_frames",
        "_message_size",
        "_fragments",
    )

    def __init__(self, max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE):
        if max_message_size < _HEADER_SIZE:
            raise ValueError(
                "invalid value %r for 'max_message_size': must be >= %d"
                % (max_message_size, _HEADER_SIZE)
            )
        self._max_message_size = max_message_size
        # Bytes received but not parsed yet (an incomplete frame), kept as chunks so a
        # large frame arriving in many reads is joined once, not once per read.
        self._pending: List[bytes] = []
        self._pending_size = 0
        # How many bytes must be pending before parsing can make progress.
        self._needed = _HEADER_SIZE
        # Frames of the message being read, and their total size with headers.
        self._frames: List[Frame] = []
        self._message_size = 0
        # Fragmentation id -> [frames so far, their total size].
        self._fragments: Dict[int, list] = {}

    def feed(self, data: bytes) -> List[InboundMessage]:
        """Consumes received bytes.

        Args:
            data: The bytes read from the connection, in order.

        Returns:
            The messages completed by these bytes, in arrival order.

        Raises:
            MalformedMessageError: If the stream cannot be a valid message sequence;
                the connection must then be closed.
        """
        if type(data) is not bytes:
            data = bytes(data)
        pending = self._pending
        if pending:
            pending.append(data)
            self._pending_size += len(data)
            if self._pending_size < self._needed:
                return []
            data = b"".join(pending)
            self._pending = []
        elif len(data) < self._needed:
            if data:
                self._pending = [data]
                self._pending_size = len(data)
            return []

        messages: List[InboundMessage] = []
        unpack_header = _HEADER.unpack_from
        max_size = self._max_message_size
        frames = self._frames
        message_size = self._message_size
        pos = 0
        end = len(data)
        needed = _HEADER_SIZE
        while end - pos >= _HEADER_SIZE:
            length, flags = unpack_header(data, pos)
            if length < _HEADER_SIZE:
                raise MalformedMessageError(
                    "invalid frame length %d: must be >= %d" % (length, _HEADER_SIZE)
                )
            message_size += length
            if message_size > max_size:
                raise MalformedMessageError(
                    "message of at least %d bytes exceeds the maximum message size %d (max_message_size)"
                    % (message_size, max_size)
                )
            frame_end = pos + length
            if frame_end > end:
                # Wait for the rest of the frame; count it again once complete.
                message_size -= length
                needed = length
                break
            frames.append(Frame(data[pos + _HEADER_SIZE : frame_end], flags))
            pos = frame_end
            if flags & IS_FINAL_FLAG:
                if frames[0].flags & UNFRAGMENTED_MESSAGE == UNFRAGMENTED_MESSAGE:
                    messages.append(InboundMessage(frames))
                else:
                    message = self._add_fragment(frames, message_size)
                    if message is not None:
                        messages.append(message)
                frames = []
                message_size = 0

        self._frames = frames
        self._message_size = message_size
        if pos < end:
            rest = data[pos:]
            self._pending = [rest]
            self._pending_size = len(rest)
        else:
            self._pending_size = 0
        self._needed = needed
        return messages

    def _add_fragment(self, frames: List[Frame], size: int) -> Optional[InboundMessage]:
        first = frames[0]
        if len(first.buf) < 8:
            raise MalformedMessageError(
                "fragment's first frame has %d bytes: too short for a fragmentation id"
                % len(first.buf)
            )
        fragment_id = _LONG.unpack_from(first.buf, 0)[0]
        flags = first.flags
        if flags & BEGIN_FRAGMENT_FLAG:
            if fragment_id in self._fragments:
                raise MalformedMessageError(
                    "fragmented message %d begins again before it ended" % fragment_id
                )
            self._fragments[fragment_id] = [frames[1:], size]
            return None

        entry = self._fragments.get(fragment_id)
        if entry is None:
            raise MalformedMessageError("fragment of unknown fragmented message %d" % fragment_id)
        entry[0].extend(frames[1:])
        entry[1] += size
        if entry[1] > self._max_message_size:
            raise MalformedMessageError(
                "fragmented message %d of at least %d bytes exceeds the maximum message size %d (max_message_size)"
                % (fragment_id, entry[1], self._max_message_size)
            )
        if flags & END_FRAGMENT_FLAG:
            del self._fragments[fragment_id]
            if not entry[0]:
                raise MalformedMessageError("fragmented message %d has no frames" % fragment_id)
            return InboundMessage(entry[0])
        return None

    def has_pending_data(self) -> bool:
        """Returns True if a partial frame, message or fragmented message is buffered."""
        return bool(self._pending or self._frames or self._fragments)
