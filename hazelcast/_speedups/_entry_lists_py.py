"""Reads the entry lists of responses (``get_all``, ``entry_set``, query
results) straight into objects, and writes the frames of serialized keys,
values and entries into requests (``put_all``, ``get_all``): the pure-Python
twin of ``_entry_lists_c``.

An entry list in a message is a begin frame, then a key frame and a value
frame per entry (each the bytes of a serialized ``Data``), then an end frame:
what ``EntryListCodec.decode`` with ``DataCodec.decode`` reads, each side then
deserialized. The compiled twin reads strings and numbers itself, as the
serialization service's own shortcut does, and gives the same objects and the
same errors.
"""

from __future__ import annotations

import struct
from typing import Any, Callable, Iterable, List, Tuple

from hazelcast.protocol.client_message import END_DATA_STRUCTURE_FLAG, IS_NULL_FLAG, Frame
from hazelcast.serialization.data import Data


def read_entries(
    frames: List[Frame], index: int, to_object: Callable[[Data], Any], big_endian: bool
) -> Tuple[List[Tuple[Any, Any]], int]:
    """Reads the entry list whose begin frame is ``frames[index]``.

    Args:
        frames: The frames of the message.
        index: Where the list's begin frame is.
        to_object: The serialization service's ``to_object``.
        big_endian: The serialization service's byte order (the compiled twin
            reads strings and numbers with it; here ``to_object`` does).

    Returns:
        The ``(key, value)`` objects, and the index of the frame after the list.

    Raises:
        IndexError: If the message ends inside the list.
        HazelcastSerializationError: If a key or a value cannot be read.
    """
    index += 1
    pairs: List[Tuple[Any, Any]] = []
    append = pairs.append
    while not frames[index].flags & END_DATA_STRUCTURE_FLAG:
        key = to_object(Data(frames[index].buf))
        append((key, to_object(Data(frames[index + 1].buf))))
        index += 2
    return pairs, index + 1


def read_object(frames: List[Frame], index: int, to_object: Callable[[Data], Any], big_endian: bool) -> Any:
    """Reads the nullable serialized object of ``frames[index]`` (what
    ``DataCodec.decode_nullable`` reads, then deserialized): None for a null frame.

    Raises:
        IndexError: If the message has no such frame.
        HazelcastSerializationError: If the object cannot be read.
    """
    frame = frames[index]
    if frame.flags & IS_NULL_FLAG:
        return None
    return to_object(Data(frame.buf))


_frame_header = struct.Struct("<iH").pack  # frame length (header included), flags


def write_items(buf: bytearray, items: Iterable[Data]) -> None:
    """Appends a frame per serialized item to ``buf``: what ``DataCodec.encode``
    writes for each (flags 0)."""
    for item in items:
        content = item._buffer
        buf += _frame_header(len(content) + 6, 0)
        buf += content


def write_entries(buf: bytearray, entries: Iterable[Tuple[Data, Data]]) -> None:
    """Appends a key frame and a value frame per serialized entry to ``buf``: what
    ``DataCodec.encode`` writes for each side."""
    for key, value in entries:
        content = key._buffer
        buf += _frame_header(len(content) + 6, 0)
        buf += content
        content = value._buffer
        buf += _frame_header(len(content) + 6, 0)
        buf += content
