from __future__ import annotations

import struct

from hazelcast.protocol import client_message as cm
from hazelcast.protocol.client_message import Frame, InboundMessage, OutboundMessage, create_initial_buffer

from protocol_helpers import event, frame, read_one, response


def test_flag_values_match_the_protocol():
    assert cm.BEGIN_FRAGMENT_FLAG == 0x8000
    assert cm.END_FRAGMENT_FLAG == 0x4000
    assert cm.IS_FINAL_FLAG == 0x2000
    assert cm.BEGIN_DATA_STRUCTURE_FLAG == 0x1000
    assert cm.END_DATA_STRUCTURE_FLAG == 0x0800
    assert cm.IS_NULL_FLAG == 0x0400
    assert cm.IS_EVENT_FLAG == 0x0200
    assert cm.BACKUP_AWARE_FLAG == 0x0100
    assert cm.BACKUP_EVENT_FLAG == 0x0080
    assert cm.UNFRAGMENTED_MESSAGE == 0xC000


def test_standalone_frames():
    assert cm.NULL_FRAME_BUF == struct.pack("<iH", 6, 0x0400)
    assert cm.BEGIN_FRAME_BUF == struct.pack("<iH", 6, 0x1000)
    assert cm.END_FRAME_BUF == struct.pack("<iH", 6, 0x0800)
    assert cm.END_FINAL_FRAME_BUF == struct.pack("<iH", 6, 0x2800)


def test_initial_buffer_layout():
    buf = create_initial_buffer(cm.REQUEST_HEADER_SIZE + 4, 0x010203)
    assert len(buf) == 6 + 20
    assert struct.unpack_from("<iHiqi", buf) == (26, 0xC000, 0x010203, 0, -1)
    final = create_initial_buffer(cm.REQUEST_HEADER_SIZE, 1, is_final=True)
    assert struct.unpack_from("<H", final, 4)[0] == 0xE000


def test_outbound_message_patches_header_in_place():
    buf = create_initial_buffer(cm.REQUEST_HEADER_SIZE, 0x010100)
    msg = OutboundMessage(buf, True)
    msg.set_correlation_id(0x1122334455667788)
    msg.set_partition_id(271)
    assert msg.buf is buf
    assert msg.get_correlation_id() == 0x1122334455667788
    assert msg.get_partition_id() == 271
    assert msg.get_message_type() == 0x010100
    assert struct.unpack_from("<qi", buf, 10) == (0x1122334455667788, 271)
    assert msg.retryable is True
    assert not msg.is_backup_aware()
    msg.set_backup_aware_flag()
    assert msg.is_backup_aware()
    assert struct.unpack_from("<H", buf, 4)[0] == 0xC000 | 0x0100


def test_outbound_copy_does_not_share_the_buffer():
    msg = OutboundMessage(create_initial_buffer(cm.REQUEST_HEADER_SIZE, 5), False)
    msg.set_correlation_id(1)
    copy = msg.copy()
    copy.set_correlation_id(2)
    assert msg.get_correlation_id() == 1
    assert copy.get_correlation_id() == 2
    assert copy.retryable is False and copy.buf is not msg.buf


def test_inbound_header_accessors_and_cursor():
    msg = response(0x010101, b"\x2a", [frame(b"abc"), frame(b"", cm.IS_NULL_FLAG)], correlation_id=99,
                   backup_acks=2)
    assert msg.get_message_type() == 0x010101
    assert msg.get_correlation_id() == 99
    assert msg.get_number_of_backup_acks() == 2
    assert not msg.is_event()
    assert msg.next_frame() is msg.start_frame
    assert msg.peek_next_frame().buf == b"abc"
    msg.skip_frame()
    last = msg.next_frame()
    assert last.is_null_frame() and last.is_final_frame() and not last.is_begin_frame()
    assert msg.peek_next_frame() is None and not msg.has_next_frame()
    msg.reset_cursor()
    assert msg.next_frame() is msg.start_frame


def test_event_accessors():
    msg = event(0x011902, partition_id=13, flags=cm.IS_EVENT_FLAG | cm.BACKUP_EVENT_FLAG)
    assert msg.is_event() and msg.is_backup_event()
    assert msg.get_partition_id() == 13
    assert msg.get_message_type() == 0x011902


def test_frame_flags():
    assert Frame(b"", cm.BEGIN_DATA_STRUCTURE_FLAG).is_begin_frame()
    assert Frame(b"", cm.END_DATA_STRUCTURE_FLAG).is_end_frame()
    assert not Frame(b"").is_end_frame()
    msg = InboundMessage([Frame(b"x" * 16, cm.UNFRAGMENTED_MESSAGE)])
    assert msg.get_total_size() == 22
    assert read_one(frame(b"\x00" * 16, 0xE000)).frames[0].flags == 0xE000
