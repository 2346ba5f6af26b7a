"""Ringbuffer against a real member: sequences, overflow policies, reads that wait,
read_many with a Java filter.

The member has small ringbuffers (see messaging_cluster.py); each test uses a
ringbuffer of its own (unique name).
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.errors import StaleSequenceError
from hazelcast.proxy.ringbuffer import (
    MAX_BATCH_SIZE,
    OVERFLOW_POLICY_FAIL,
    OVERFLOW_POLICY_OVERWRITE,
    BlockingRingbuffer,
    ReadResult,
    Ringbuffer,
)

from client_faces import FACES, AsyncioClientDriver, start_client
from messaging_cluster import MEMBER_XML, PrefixFilter

pytestmark = [pytest.mark.java_classes]


@pytest.fixture(scope="module")
def cluster():
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=MEMBER_XML)
    yield c
    c.shutdown()


@pytest.fixture(scope="module", params=FACES)
def client(request, cluster):
    c = start_client(request.param, **cluster.client_config())
    yield c
    c.shutdown()


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex)


@pytest.fixture
def rb(client) -> BlockingRingbuffer:
    return client.get_ringbuffer(unique("rb")).blocking()


@pytest.fixture
def frb(client) -> Ringbuffer:
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    return client.get_ringbuffer(unique("rb"))


def test_a_new_ringbuffer(rb):
    assert rb.capacity() == 10000  # the member's default
    assert rb.size() == 0
    assert rb.tail_sequence() == -1
    assert rb.head_sequence() == 0
    assert rb.remaining_capacity() == 10000


def test_add_and_read_by_sequence(rb):
    assert rb.add("a") == 0
    assert rb.add({"b": 1}) == 1
    assert rb.add_all(["c", "d", "e"]) == 4
    assert [rb.read_one(i) for i in range(5)] == ["a", {"b": 1}, "c", "d", "e"]
    assert rb.size() == 5
    assert rb.tail_sequence() == 4
    assert rb.head_sequence() == 0


def test_overwrite_drops_the_oldest_items(client):
    rb = client.get_ringbuffer(unique("rb-small")).blocking()
    assert rb.capacity() == 10
    for i in range(15):
        assert rb.add(i, OVERFLOW_POLICY_OVERWRITE) == i
    assert rb.size() == 10
    assert rb.head_sequence() == 5
    assert rb.tail_sequence() == 14
    assert rb.read_one(5) == 5
    with pytest.raises(StaleSequenceError):
        rb.read_one(4)
    # read_many from an overwritten sequence starts at the head, and says so.
    result = rb.read_many(0, 1, 10)
    assert list(result) == list(range(5, 15))
    assert result.get_sequence(0) == 5
    assert result.next_sequence_to_read_from == 15


def test_fail_policy_refuses_items_while_full(client):
    # With a time-to-live, unexpired items may not be overwritten: FAIL returns -1.
    rb = client.get_ringbuffer(unique("rb-full")).blocking()
    assert rb.add_all(list(range(10)), OVERFLOW_POLICY_FAIL) == 9
    assert rb.remaining_capacity() == 0
    assert rb.add("one too many", OVERFLOW_POLICY_FAIL) == -1
    assert rb.add_all(["x", "y"], OVERFLOW_POLICY_FAIL) == -1
    assert rb.size() == 10
    assert rb.read_one(9) == 9
    # OVERWRITE still adds, over the oldest item.
    assert rb.add("over", OVERFLOW_POLICY_OVERWRITE) == 10
    assert rb.head_sequence() == 1


def test_read_many_result(rb):
    rb.add_all(["a", "b", "c", "d"])
    result = rb.read_many(1, 1, 2)
    assert isinstance(result, ReadResult)
    assert result == ["b", "c"]
    assert len(result) == result.size == result.read_count == 2
    assert [result.get_sequence(i) for i in range(2)] == [1, 2]
    assert result.next_sequence_to_read_from == 3
    assert result[0] == "b" and result[-1] == "c"
    assert result.index("c") == 1 and result.count("b") == 1


def test_read_many_with_a_java_filter(rb):
    rb.add_all(["apple", "banana", "avocado", "cherry", "apricot"])
    result = rb.read_many(0, 0, 5, PrefixFilter("a"))
    assert list(result) == ["apple", "avocado", "apricot"]
    assert result.read_count == 5  # items read, before filtering
    assert [result.get_sequence(i) for i in range(3)] == [0, 2, 4]
    assert result.next_sequence_to_read_from == 5


def test_read_many_waits_for_min_count_without_holding_the_connection(client, frb):
    m = client.get_map(unique("map")).blocking()
    future = frb.read_many(0, 2, 10)
    m.put("k", "v")  # answered while the read waits on the same connection
    assert m.get("k") == "v"
    time.sleep(0.3)
    assert not future.done()
    frb.add("first").result()
    time.sleep(0.3)
    assert not future.done()  # min_count is 2
    frb.add("second").result()
    assert future.result() == ["first", "second"]


def test_read_one_waits_for_the_next_item(rb):
    rb.add("zero")
    got = []
    reader = threading.Thread(target=lambda: got.append(rb.read_one(1)))
    reader.start()
    time.sleep(0.5)
    assert got == []
    rb.add("one")
    reader.join(30)
    assert got == ["one"]


def test_waiting_read_outlives_the_invocation_timeout(cluster):
    # invocation_timeout bounds retries, not the wait for an item (as the official client).
    c = hazelcast.HazelcastClient(**cluster.client_config(), invocation_timeout=2)
    try:
        rb = c.get_ringbuffer(unique("rb"))
        future = rb.read_one(0)
        time.sleep(4)
        assert not future.done()
        rb.add("late").result()
        assert future.result() == "late"
    finally:
        c.shutdown()


def test_argument_checks(rb, client):
    with pytest.raises(AssertionError):
        rb.read_one(-1)
    with pytest.raises(AssertionError):
        rb.read_many(-1, 0, 1)
    with pytest.raises(AssertionError):
        rb.read_many(0, 2, 1)
    with pytest.raises(AssertionError):
        rb.read_many(0, 0, MAX_BATCH_SIZE + 1)
    with pytest.raises(AssertionError):
        rb.add_all([])
    with pytest.raises(AssertionError):
        rb.add_all([1] * (MAX_BATCH_SIZE + 1))
    with pytest.raises(AssertionError):
        rb.add(None)
    small = client.get_ringbuffer(unique("rb-small")).blocking()
    with pytest.raises(AssertionError):
        small.read_many(0, 0, 11)  # more than the capacity
    with pytest.raises(AssertionError):
        small.read_many(0, 0, 11)  # again, with the capacity known


def test_future_face(frb):
    assert frb.add("x").result() == 0
    assert frb.capacity().result() == 10000
    assert frb.read_many(0, 1, 1).result() == ["x"]


def test_destroy(client, rb):
    rb.add("x")
    assert rb.destroy() is True
    again = client.get_ringbuffer(rb.name).blocking()
    assert again.size() == 0
