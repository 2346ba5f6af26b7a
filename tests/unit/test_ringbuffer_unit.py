"""Ringbuffer pieces that need no member: ReadResult and the waiting read's deadline."""

from __future__ import annotations

import pytest

from hazelcast.proxy.ringbuffer import ReadResult, _BlockingRead


def test_read_result_is_a_sequence_of_its_items():
    result = ReadResult(5, 12, [7, 9, 11], ["a", "b", "c"])
    assert list(result) == ["a", "b", "c"]
    assert len(result) == result.size == 3
    assert result.read_count == 5
    assert result.next_sequence_to_read_from == 12
    assert result[1] == "b" and result[-1] == "c" and result[:2] == ["a", "b"]
    assert [result.get_sequence(i) for i in range(3)] == [7, 9, 11]
    assert result.index("c") == 2 and result.count("a") == 1
    assert "b" in result


def test_read_result_equality():
    result = ReadResult(2, 2, [0, 1], [1, 2])
    assert result == [1, 2]
    assert result == (1, 2)
    assert result == ReadResult(2, 5, [3, 4], [1, 2])
    assert result != [2, 1]
    assert result != 3
    assert not (result == "12")


def test_sequences_the_member_did_not_send():
    result = ReadResult(2, 2, None, ["x", "y"])
    assert result.get_sequence(1) == ReadResult.SEQUENCE_UNAVAILABLE
    with pytest.raises(IndexError):
        result.get_sequence(2)


class _Connection:
    def __init__(self, live):
        self.live = live


def test_waiting_read_is_not_timed_out_while_its_connection_lives():
    read = _BlockingRead(object())
    read.deadline = 100.0  # set by the invocation service: now + invocation_timeout
    assert read.deadline == 100.0  # not sent yet: retries are bounded
    read.sent_connection = _Connection(live=True)
    assert read.deadline == float("inf")  # waiting on the member
    read.sent_connection.live = False
    assert read.deadline == 100.0  # to be retried: bounded again
    read.sent_connection.live = True
    read.set_result("item")
    assert read.deadline == 100.0
