"""Turns the member's error responses into the errors raised to the user.

The error classes live in :mod:`hazelcast.errors`, below the protocol layer; this
module decodes the response and hands its error holders to them.
"""

from __future__ import annotations

from hazelcast.errors import create_error_from_holders
from hazelcast.protocol.builtin import decode_error_holders
from hazelcast.protocol.client_message import InboundMessage

__all__ = ["create_error_from_message"]


def create_error_from_message(message: InboundMessage) -> BaseException:
    """Decodes an error response (message type 0) into the error to raise.

    Args:
        message: The error response, its cursor at the initial frame.

    Returns:
        The error the member sent, its causes chained (see
        :func:`hazelcast.errors.create_error_from_holders`).
    """
    return create_error_from_holders(decode_error_holders(message))
