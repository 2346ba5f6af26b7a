from __future__ import annotations

import filecmp
import os
import shutil
import struct
import subprocess
import sys
import uuid

import pytest

from hazelcast.core import Address, EndpointQualifier, MemberInfo, MemberVersion, SimpleEntryView
from hazelcast.protocol import RaftGroupId
from hazelcast.protocol.builtin import (
    DataCodec,
    EntryListUUIDListIntegerCodec,
    ListIntegerCodec,
    ListMultiFrameCodec,
    MapCodec,
    StringCodec,
)
from hazelcast.protocol.client_message import (
    BEGIN_DATA_STRUCTURE_FLAG,
    END_DATA_STRUCTURE_FLAG,
    IS_EVENT_FLAG,
    IS_FINAL_FLAG,
    IS_NULL_FLAG,
    UNFRAGMENTED_MESSAGE,
)
from hazelcast.protocol.codec import (
    atomic_long_add_and_get_codec,
    client_add_cluster_view_listener_codec,
    client_authentication_codec,
    cp_group_create_cp_group_codec,
    map_add_entry_listener_codec,
    map_delete_codec,
    map_get_codec,
    map_get_entry_view_codec,
    map_put_codec,
    map_size_codec,
    pn_counter_get_codec,
    xa_transaction_commit_codec,
)
from hazelcast.protocol.codec.custom.address_codec import AddressCodec
from hazelcast.protocol.codec.custom.cache_event_data_codec import CacheEventData, CacheEventDataCodec
from hazelcast.protocol.codec.custom.member_info_codec import MemberInfoCodec
from hazelcast.protocol.codec.custom.raft_group_id_codec import RaftGroupIdCodec
from hazelcast.serialization.data import Data

from protocol_helpers import encoded, event, frame, mark_final, read_one, response, wrapped

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CODEC_DIR = os.path.join(REPO_ROOT, "hazelcast", "protocol", "codec")
PROTOCOL_DIR = os.path.join(REPO_ROOT, "..", "shared", "hazelcast-protocol")
KEY = Data(b"\x00\x00\x00\x00\xff\xff\xff\xf9k")
VALUE = Data(b"\x00\x00\x00\x00\xff\xff\xff\xf9value")
UUID = uuid.UUID("12345678-9abc-def0-1122-334455667788")


def uuid_bytes(u):
    if u is None:
        return b"\x01" + b"\x00" * 16
    return b"\x00" + struct.pack("<QQ", u.int >> 64, u.int & (2**64 - 1))


def run_generator(*args):
    if not os.path.isdir(PROTOCOL_DIR):
        pytest.skip("protocol definitions not available")
    return subprocess.run(
        [sys.executable, "-m", "tools.codec_generator", "--protocol-dir", PROTOCOL_DIR, *args],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )


def test_committed_codecs_equal_a_fresh_generation(tmp_path):
    out = tmp_path / "codec"
    result = run_generator("--output-dir", str(out))
    assert result.returncode == 0, result.stderr
    cmp = filecmp.dircmp(str(out), CODEC_DIR, ignore=["__pycache__"])

    def diffs(c, prefix=""):
        found = [prefix + n for n in c.left_only + c.right_only + c.diff_files]
        for name, sub in c.subdirs.items():
            found += diffs(sub, prefix + name + "/")
        return found

    # dircmp compares size and mtime shallowly; compare contents explicitly too
    _, mismatch, errors = filecmp.cmpfiles(str(out), CODEC_DIR, os.listdir(str(out)), shallow=False)
    assert diffs(cmp) == [] and mismatch == [] and errors == ["custom"] or errors == []
    assert len(os.listdir(str(out))) > 400


def test_check_mode_detects_an_edited_codec(tmp_path):
    out = tmp_path / "codec"
    shutil.copytree(CODEC_DIR, str(out), ignore=shutil.ignore_patterns("__pycache__"))
    assert run_generator("--check", "--output-dir", str(out)).returncode == 0
    with open(str(out / "map_put_codec.py"), "a") as f:
        f.write("# edited\n")
    result = run_generator("--check", "--output-dir", str(out))
    assert result.returncode == 1
    assert "map_put_codec.py" in result.stderr


def test_module_names_and_message_types():
    assert map_put_codec._REQUEST_MESSAGE_TYPE == 0x010100
    assert client_authentication_codec._REQUEST_MESSAGE_TYPE == 0x000100
    assert atomic_long_add_and_get_codec._REQUEST_MESSAGE_TYPE >> 16 == 0x09
    assert map_add_entry_listener_codec._EVENT_ENTRY_MESSAGE_TYPE == map_add_entry_listener_codec._REQUEST_MESSAGE_TYPE + 2
    for module in (cp_group_create_cp_group_codec, pn_counter_get_codec, xa_transaction_commit_codec):
        assert callable(module.encode_request)


def test_map_put_request_bytes():
    msg = map_put_codec.encode_request("m", KEY, VALUE, 3, -1)
    assert isinstance(msg.buf, bytearray) and msg.retryable is False
    expected = (
        struct.pack("<iHiqiqq", 38, UNFRAGMENTED_MESSAGE, 0x010100, 0, -1, 3, -1)
        + struct.pack("<iH", 7, 0) + b"m"
        + struct.pack("<iH", 6 + len(KEY.buffer), 0) + KEY.buffer
        + struct.pack("<iH", 6 + len(VALUE.buffer), IS_FINAL_FLAG) + VALUE.buffer
    )
    assert bytes(msg.buf) == expected
    msg.set_correlation_id(12)
    msg.set_partition_id(5)
    assert struct.unpack_from("<qi", msg.buf, 10) == (12, 5)


def test_request_without_variable_params_is_one_final_frame():
    msg = atomic_long_add_and_get_codec.encode_request(RaftGroupId("default", 1, 2), "counter", 5)
    assert struct.unpack_from("<H", msg.buf, 4)[0] == UNFRAGMENTED_MESSAGE
    msg = map_size_codec.encode_request("m")
    assert msg.retryable is True
    assert bytes(msg.buf[22:]) == struct.pack("<iH", 7, IS_FINAL_FLAG) + b"m"


def test_client_authentication_request_bytes():
    msg = client_authentication_codec.encode_request(
        "dev", None, "pw", UUID, "PYH", 1, "5.7.0", "client-1", ["a"], 1, False
    )
    assert msg.retryable is True
    expected = (
        struct.pack("<iHiqi", 6 + 16 + 17 + 1 + 1 + 1, UNFRAGMENTED_MESSAGE, 0x000100, 0, -1)
        + uuid_bytes(UUID) + b"\x01" + b"\x01" + b"\x00"
        + frame(b"dev")
        + frame(b"", IS_NULL_FLAG)
        + frame(b"pw")
        + frame(b"PYH")
        + frame(b"5.7.0")
        + frame(b"client-1")
        + frame(b"", BEGIN_DATA_STRUCTURE_FLAG)
        + frame(b"a")
        + frame(b"", END_DATA_STRUCTURE_FLAG | IS_FINAL_FLAG)
    )
    assert bytes(msg.buf) == expected


def test_map_get_decode_response():
    msg = response(0x010201, frames=[frame(VALUE.buffer)])
    assert map_get_codec.decode_response(msg) == VALUE
    assert map_get_codec.decode_response(response(0x010201, frames=[frame(b"", IS_NULL_FLAG)])) is None


def test_single_fixed_response_and_later_param_default():
    msg = response(0x010F01, struct.pack("<i", 42))
    assert map_size_codec.decode_response(msg) == 42
    # Map.delete's boolean response was added in 2.7: an older member sends none.
    assert map_delete_codec.decode_response(response(0x010901, b"\x01")) is True
    assert map_delete_codec.decode_response(response(0x010901)) is False


def _auth_fixed(member_uuid=UUID, extra=b""):
    return (
        b"\x00" + uuid_bytes(member_uuid) + b"\x01" + struct.pack("<i", 271)
        + uuid_bytes(UUID) + b"\x01" + extra
    )


def test_client_authentication_response_from_an_older_member():
    address = Address("10.0.0.1", 5701)
    msg = response(0x000101, _auth_fixed(), [encoded(AddressCodec.encode, address), frame(b"4.2")])
    r = client_authentication_codec.decode_response(msg)
    assert r["status"] == 0 and r["member_uuid"] == UUID and r["partition_count"] == 271
    assert r["cluster_id"] == UUID and r["failover_supported"] is True
    assert r["address"] == address and r["server_hazelcast_version"] == "4.2"
    # fields added later take their defaults
    assert r["member_list_version"] == 0 and r["partition_list_version"] == 0
    assert r["tpc_ports"] is None and r["member_infos"] is None and r["key_value_pairs"] is None


def test_client_authentication_response_from_a_newer_member():
    member_uuid = uuid.uuid4()
    member = MemberInfo(Address("h", 5702), member_uuid, {"k": "v"}, False, MemberVersion(5, 7, 0),
                        {EndpointQualifier(1, "x"): Address("h2", 1)})
    frames = [
        encoded(lambda b, v: AddressCodec.encode(b, v), Address("h", 5702)),
        frame(b"5.7.0"),
        encoded(ListIntegerCodec.encode, [1, 2]),
        frame(b"token"),
        encoded(lambda b, v: ListMultiFrameCodec.encode(b, v, MemberInfoCodec.encode), [member]),
        encoded(EntryListUUIDListIntegerCodec.encode, [(member_uuid, [0, 1, 2])]),
        encoded(lambda b, v: MapCodec.encode(b, v, StringCodec.encode, StringCodec.encode), {"a": "b"}),
        frame(b"a parameter from a future protocol version"),
    ]
    # a future member also appends unknown fixed-size fields
    fixed = _auth_fixed(None, struct.pack("<ii", 3, 4) + b"\x99" * 5)
    r = client_authentication_codec.decode_response(response(0x000101, fixed, frames))
    assert r["member_uuid"] is None
    assert r["member_list_version"] == 3 and r["partition_list_version"] == 4
    assert r["tpc_ports"] == [1, 2] and r["tpc_token"] == b"token"
    [got] = r["member_infos"]
    assert (got.address, got.uuid, got.attributes, got.lite_member) == (Address("h", 5702), member_uuid, {"k": "v"}, False)
    assert (got.version.major, got.version.minor, got.version.patch) == (5, 7, 0)
    assert got.address_map == {EndpointQualifier(1, "x"): Address("h2", 1)}
    assert r["partitions"] == [(member_uuid, [0, 1, 2])]
    assert r["key_value_pairs"] == {"a": "b"}


def test_event_handler_gets_params_in_definition_order():
    calls = []
    fixed = struct.pack("<i", 1) + uuid_bytes(UUID) + struct.pack("<i", 1)
    frames = [frame(KEY.buffer), frame(VALUE.buffer), frame(b"", IS_NULL_FLAG), frame(b"", IS_NULL_FLAG)]
    msg = event(0x011902, fixed, frames, flags=IS_EVENT_FLAG)
    map_add_entry_listener_codec.handle(msg, lambda *args: calls.append(args))
    assert calls == [(KEY, VALUE, None, None, 1, UUID, 1)]
    # other event types and missing handlers are ignored
    map_add_entry_listener_codec.handle(event(0x999999), lambda *args: calls.append(args))
    map_add_entry_listener_codec.handle(event(0x011902, fixed, frames))
    assert len(calls) == 1


def test_cluster_view_events():
    members = []
    partitions = []
    member = MemberInfo(Address("h", 1), UUID, {}, True, MemberVersion(5, 3, 0), {})
    members_event = event(
        client_add_cluster_view_listener_codec._EVENT_MEMBERS_VIEW_MESSAGE_TYPE,
        struct.pack("<i", 9),
        [encoded(lambda b, v: ListMultiFrameCodec.encode(b, v, MemberInfoCodec.encode), [member])],
    )
    partitions_event = event(
        client_add_cluster_view_listener_codec._EVENT_PARTITIONS_VIEW_MESSAGE_TYPE,
        struct.pack("<i", 4),
        [encoded(EntryListUUIDListIntegerCodec.encode, [(UUID, [0, 2])])],
    )
    for msg in (members_event, partitions_event):
        client_add_cluster_view_listener_codec.handle(
            msg,
            lambda version, infos: members.append((version, infos)),
            lambda version, parts: partitions.append((version, parts)),
        )
    assert members[0][0] == 9 and members[0][1][0].uuid == UUID and members[0][1][0].lite_member is True
    assert partitions == [(4, [(UUID, [0, 2])])]


def test_custom_codec_round_trips():
    view = SimpleEntryView(KEY, VALUE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    msg = response(0x012301, frames=[encoded(lambda b, v: DataCodec.encode_nullable(b, v), None)])
    assert map_get_entry_view_codec.decode_response(msg)["response"] is None
    got = map_get_entry_view_codec.decode_response(
        response(0x012301, struct.pack("<q", 77), [encoded(lambda b, v: _entry_view_codec().encode(b, v), view)])
    )
    assert got["max_idle"] == 77
    r = got["response"]
    assert (r.key, r.value, r.cost, r.ttl, r.max_idle) == (KEY, VALUE, 1, 10, 11 - 1)

    group = RaftGroupId("group", -3, 2**40)
    assert RaftGroupIdCodec.decode(wrapped(RaftGroupIdCodec.encode, group)) == group
    data = CacheEventData("c", 2, KEY, None, VALUE, True)
    assert CacheEventDataCodec.decode(wrapped(CacheEventDataCodec.encode, data)) == data
    assert "cache_event_type=2" in repr(data)


def _entry_view_codec():
    from hazelcast.protocol.codec.custom.simple_entry_view_codec import SimpleEntryViewCodec

    return SimpleEntryViewCodec


def test_custom_type_tolerates_older_and_newer_members():
    # MemberInfo from an older member: no address map (added in 2.0.1).
    initial = uuid_bytes(UUID) + b"\x00"
    old = (
        frame(b"", BEGIN_DATA_STRUCTURE_FLAG)
        + frame(initial)
        + encoded(AddressCodec.encode, Address("a", 1))
        + encoded(lambda b, v: MapCodec.encode(b, v, StringCodec.encode, StringCodec.encode), {})
        + encoded(lambda b, v: _version_codec().encode(b, v), MemberVersion(4, 0, 0))
        + frame(b"", END_DATA_STRUCTURE_FLAG)
    )
    info = MemberInfoCodec.decode(_as_message(old))
    assert info.address == Address("a", 1) and info.address_map == {}

    # Address from a newer member: an extra fixed field, an extra frame and an
    # extra nested structure, all skipped.
    new = (
        frame(b"", BEGIN_DATA_STRUCTURE_FLAG)
        + frame(struct.pack("<iq", 5701, 99))
        + frame(b"host")
        + frame(b"future")
        + frame(b"", BEGIN_DATA_STRUCTURE_FLAG) + frame(b"x") + frame(b"", END_DATA_STRUCTURE_FLAG)
        + frame(b"", END_DATA_STRUCTURE_FLAG)
        + frame(b"next")
    )
    msg = _as_message(new)
    assert AddressCodec.decode(msg) == Address("host", 5701)
    assert msg.next_frame().buf == b"next"


def _version_codec():
    from hazelcast.protocol.codec.custom.member_version_codec import MemberVersionCodec

    return MemberVersionCodec


def _as_message(frames: bytes):
    msg = read_one(mark_final(bytearray(frame(b"\x00" * 13, UNFRAGMENTED_MESSAGE) + frames)))
    msg.next_frame()
    return msg
