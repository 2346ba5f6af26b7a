"""Sans-I/O reader turning received bytes into protocol messages.

The transport hands every chunk it reads to :meth:`FrameReader.feed` and gets back the
messages completed by that chunk. The reader owns no socket and never blocks, so the
threaded and asyncio transports share it.

This module only selects the implementation (compiled when built and allowed, else
pure Python); both produce the same messages and raise the same errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["FrameReader", "DEFAULT_MAX_MESSAGE_SIZE", "max_message_size"]

if TYPE_CHECKING:
    from hazelcast._speedups._frame_reader_py import DEFAULT_MAX_MESSAGE_SIZE, FrameReader
else:
    from hazelcast._speedups._select import select as _select

    _impl = _select(
        "frame_reader", "hazelcast._speedups._frame_reader_c", "hazelcast._speedups._frame_reader_py"
    )
    FrameReader = _impl.FrameReader
    DEFAULT_MAX_MESSAGE_SIZE = _impl.DEFAULT_MAX_MESSAGE_SIZE
    del _select, _impl


def max_message_size(transport: Any) -> int:
    """The ``max_message_size`` of the config a transport was made with (the
    protocol's limit when it has none)."""
    config = getattr(transport, "_config", None)
    size = getattr(config, "max_message_size", None)
    return size if isinstance(size, int) else DEFAULT_MAX_MESSAGE_SIZE
