"""CPMap sends the CPMap codecs' requests and reads their responses (no member: only
Enterprise members serve CPMap, so the integration tests see its Community error only)."""

from __future__ import annotations

import struct
import types

import pytest

from hazelcast.config import Config
from hazelcast.cp import MAP_SERVICE
from hazelcast.errors import UnsupportedOperationError
from hazelcast.protocol import RaftGroupId
from hazelcast.protocol.builtin import DataCodec, StringCodec
from hazelcast.protocol.client_message import IS_FINAL_FLAG, IS_NULL_FLAG, UNFRAGMENTED_MESSAGE
from hazelcast.protocol.codec import (
    cp_map_compare_and_set_codec,
    cp_map_delete_codec,
    cp_map_get_codec,
    cp_map_put_codec,
    cp_map_put_if_absent_codec,
    cp_map_remove_codec,
    cp_map_set_codec,
)
from hazelcast.protocol.codec.custom.raft_group_id_codec import RaftGroupIdCodec
from hazelcast.proxy.cp.cp_map import CPMap
from hazelcast.protocol.frame_reader import FrameReader
from hazelcast.serialization.service import SerializationServiceV1

GROUP = RaftGroupId("orders", 3, 42)
_FRAME = struct.Struct("<iH")


def _frame(content=b"", flags=0):
    return _FRAME.pack(len(content) + _FRAME.size, flags) + content


def _read_one(data):
    messages = FrameReader().feed(bytes(data))
    assert len(messages) == 1
    return messages[0]


def _response(message_type, fixed=b"", frames=()):
    """A response message as a member sends it: header and fixed fields, then frames."""
    parts = [(struct.pack("<iqB", message_type, 7, 0) + fixed, UNFRAGMENTED_MESSAGE)] + [
        (content, flags) for content, flags in frames
    ]
    last = len(parts) - 1
    return _read_one(b"".join(_frame(c, f | (IS_FINAL_FLAG if i == last else 0)) for i, (c, f) in enumerate(parts)))


class FakeInvocations:
    """Keeps each invocation and answers it with the next queued response message."""

    def __init__(self):
        self.sent = []
        self.responses = []

    def invoke(self, invocation):
        self.sent.append(invocation)
        answer = self.responses.pop(0)
        if isinstance(answer, BaseException):
            invocation.set_exception(answer)
        else:
            invocation.set_result(invocation.response_handler(answer))


@pytest.fixture
def setup():
    serialization = SerializationServiceV1(Config())
    invocations = FakeInvocations()
    context = types.SimpleNamespace(
        invocation_service=invocations,
        serialization_service=serialization,
        caller_id=lambda: 1,
        compact_schema_service=None,
    )
    cp_map = CPMap(context, GROUP, MAP_SERVICE, "accounts@orders", "accounts")
    return cp_map, invocations, serialization


def _request(invocation):
    """The message type and the group, name and Data frames of a sent request."""
    msg = _read_one(invocation.request.buf)
    message_type = msg.get_message_type()
    msg.next_frame()  # the initial frame
    group = RaftGroupIdCodec.decode(msg)
    name = StringCodec.decode(msg)
    datas = []
    while msg.has_next_frame():
        datas.append(DataCodec.decode(msg))
    return message_type, group, name, datas


def _nullable_data_response(codec, data):
    return _response(codec._RESPONSE_MESSAGE_TYPE,
                     frames=[(bytes(data.buffer), 0)] if data is not None else [(b"", IS_NULL_FLAG)])


def _empty_response(codec):
    return _response(codec._RESPONSE_MESSAGE_TYPE)


def _bool_response(codec, value):
    return _response(codec._RESPONSE_MESSAGE_TYPE, fixed=struct.pack("<B", value))


def test_each_method_sends_its_codec_with_group_name_and_serialized_arguments(setup):
    cp_map, invocations, serialization = setup
    old = serialization.to_data("old")
    calls = [
        (lambda: cp_map.get("k"), cp_map_get_codec, ["k"], _nullable_data_response(cp_map_get_codec, old), "old"),
        (lambda: cp_map.put("k", "v"), cp_map_put_codec, ["k", "v"],
         _nullable_data_response(cp_map_put_codec, None), None),
        (lambda: cp_map.set("k", "v"), cp_map_set_codec, ["k", "v"], _empty_response(cp_map_set_codec), None),
        (lambda: cp_map.put_if_absent("k", "v"), cp_map_put_if_absent_codec, ["k", "v"],
         _nullable_data_response(cp_map_put_if_absent_codec, old), "old"),
        (lambda: cp_map.remove("k"), cp_map_remove_codec, ["k"],
         _nullable_data_response(cp_map_remove_codec, old), "old"),
        (lambda: cp_map.delete("k"), cp_map_delete_codec, ["k"], _empty_response(cp_map_delete_codec), None),
        (lambda: cp_map.compare_and_set("k", "v", 7), cp_map_compare_and_set_codec, ["k", "v", 7],
         _bool_response(cp_map_compare_and_set_codec, True), True),
    ]
    for call, codec, arguments, answer, expected in calls:
        invocations.responses.append(answer)
        assert call().result() == expected, codec.__name__
        message_type, group, name, datas = _request(invocations.sent[-1])
        assert message_type == codec._REQUEST_MESSAGE_TYPE, codec.__name__
        assert (group, name) == (GROUP, "accounts")  # the object's name inside its group
        assert [serialization.to_object(d) for d in datas] == arguments, codec.__name__
    # The blocking twin sends the same.
    invocations.responses.append(_bool_response(cp_map_compare_and_set_codec, False))
    assert cp_map.blocking().compare_and_set("k", "v", "w") is False


def test_nones_are_refused_and_a_community_refusal_names_enterprise(setup):
    cp_map, invocations, _ = setup
    for call in (lambda: cp_map.get(None), lambda: cp_map.put("k", None), lambda: cp_map.compare_and_set("k", None, 1)):
        with pytest.raises(AssertionError):
            call()
    assert invocations.sent == []
    invocations.responses.append(UnsupportedOperationError("CPMap is not supported"))
    with pytest.raises(UnsupportedOperationError, match="Enterprise"):
        cp_map.blocking().get("k")
