"""Queue proxy against real members: the threaded client's Future and blocking faces
and the asyncio client's face, on one member (and a few calls on three).

Each test uses a queue of its own (unique name), so tests share clients and clusters.
"""

from __future__ import annotations

import time
import uuid

import pytest

from hazelcast.core import MemberInfo
from hazelcast.errors import IllegalStateError
from hazelcast.future import Future
from hazelcast.internal.asyncio_proxy.queue import Queue as AsyncioQueue
from hazelcast.proxy.base import ItemEventType
from hazelcast.proxy.queue import BlockingQueue, Queue

from client_faces import FACES, AsyncioClientDriver, start_client
from collection_faces import (
    blocking_proxy,
    call_every_method,
    check_face_types,
    client_fixture,
    connected_to_all,
    in_thread,
    member_uuids,
    name_fixture,
    Recorder,
    wait_until,
)

INT_MAX = 2**31 - 1


client = client_fixture()
name = name_fixture("queue-")


@pytest.fixture
def queue(client, name):
    return blocking_proxy(client, "get_queue", name)


def _pending(client):
    return client._invocation_service.pending_count()


# -- the faces -------------------------------------------------------------------------


def test_faces_are_the_official_types(client, name):
    q = check_face_types(client, "get_queue", name, AsyncioQueue, Queue, BlockingQueue, "hz:impl:queueService")
    if not isinstance(client, AsyncioClientDriver):
        f = q.offer("x")
        assert isinstance(f, Future)
        assert f.result() is True
        assert q.blocking().poll() == "x"


# -- every method ----------------------------------------------------------------------


def test_offer_poll_peek_in_fifo_order(queue):
    assert queue.is_empty() is True
    assert queue.peek() is None
    assert queue.poll() is None
    for i in range(10):
        assert queue.offer("item-%d" % i) is True
    assert queue.size() == 10
    assert queue.is_empty() is False
    assert queue.peek() == "item-0"
    assert queue.iterator() == ["item-%d" % i for i in range(10)]
    assert [queue.poll() for _ in range(10)] == ["item-%d" % i for i in range(10)]
    assert queue.poll() is None


def test_add_put_take_and_contains(queue):
    assert queue.add(1) is True
    assert queue.put(2) is None
    assert queue.add_all([3, 4, 5]) is True
    assert queue.contains(3) is True
    assert queue.contains(99) is False
    assert queue.contains_all([1, 5]) is True
    assert queue.contains_all([1, 99]) is False
    assert queue.take() == 1
    assert queue.iterator() == [2, 3, 4, 5]


def test_remove_remove_all_retain_all_clear(queue):
    queue.add_all(["a", "b", "c", "d", "a"])
    assert queue.remove("a") is True
    assert queue.iterator() == ["b", "c", "d", "a"]
    assert queue.remove("zz") is False
    assert queue.remove_all(["b", "zz"]) is True
    assert queue.remove_all(["zz"]) is False
    assert queue.retain_all(["c", "a"]) is True
    assert queue.iterator() == ["c", "a"]
    assert queue.retain_all(["c", "a"]) is False
    queue.clear()
    assert queue.size() == 0


def test_drain_to_all_and_with_max_size(queue):
    queue.add_all(list(range(10)))
    target = ["already"]
    assert queue.drain_to(target, 3) == 3
    assert target == ["already", 0, 1, 2]
    assert queue.drain_to(target) == 7
    assert target == ["already"] + list(range(10))
    assert queue.drain_to(target, 5) == 0
    assert queue.size() == 0


def test_remaining_capacity_of_an_unbounded_queue(queue):
    assert queue.remaining_capacity() == INT_MAX
    queue.offer(1)
    assert queue.remaining_capacity() == INT_MAX - 1


def test_none_is_refused(queue):
    for call in (lambda: queue.offer(None), lambda: queue.put(None), lambda: queue.add(None),
                 lambda: queue.contains(None), lambda: queue.remove(None),
                 lambda: queue.add_all([1, None]), lambda: queue.add_all(None),
                 lambda: queue.contains_all([None]), lambda: queue.remove_all([None]),
                 lambda: queue.retain_all(None)):
        with pytest.raises(AssertionError):
            call()
    assert queue.size() == 0


def test_timed_poll_gets_an_item_offered_meanwhile(queue):
    waiting = in_thread(lambda: queue.poll(30))
    time.sleep(0.5)  # not a synchronisation: the poll returns the item whenever it comes
    queue.offer("late")
    assert waiting.join() == "late"


def test_timed_poll_of_an_empty_queue_returns_none_after_the_timeout(queue):
    start = time.monotonic()
    assert queue.poll(1) is None
    assert time.monotonic() - start >= 0.9


# -- blocking hand-off -----------------------------------------------------------------


def test_take_hands_items_over_between_two_threads(queue):
    taken = []
    consumer = in_thread(lambda: [taken.append(queue.take()) for _ in range(50)])
    for i in range(50):
        queue.put(i)
    consumer.join()
    assert taken == list(range(50))
    assert queue.size() == 0


def test_take_waits_for_an_item_from_another_client(hz_cluster, client, name):
    consumer_queue = blocking_proxy(client, "get_queue", name)
    waiting = in_thread(consumer_queue.take)
    wait_until(lambda: _pending(client) >= 1)
    producer = start_client("threaded", **hz_cluster.client_config())
    try:
        producer_queue = producer.get_queue(name).blocking()
        assert waiting.alive()
        producer_queue.put("from-the-other-client")
        assert waiting.join() == "from-the-other-client"
        # and the other way round, many items, in order
        received = in_thread(lambda: [producer_queue.take() for _ in range(100)])
        for i in range(100):
            consumer_queue.offer(i)
        assert received.join() == list(range(100))
    finally:
        producer.shutdown()


def test_a_waiting_take_does_not_delay_other_calls_on_the_connection(client, name):
    queue = blocking_proxy(client, "get_queue", name)
    other = blocking_proxy(client, "get_map", "map-" + name)
    other.put("k", "v")
    waiting = in_thread(queue.take)
    wait_until(lambda: _pending(client) >= 1)
    # While the take waits on the member, map calls come and go at their usual pace.
    calls = in_thread(lambda: [other.get("k") for _ in range(200)])
    assert calls.join(30) == ["v"] * 200
    assert waiting.alive()
    queue.offer("done")
    assert waiting.join() == "done"


def test_an_endless_take_survives_the_invocation_timeout(hz_cluster, client, name):
    face = "asyncio" if isinstance(client, AsyncioClientDriver) else "threaded"
    short = start_client(face, invocation_timeout=2, **hz_cluster.client_config())
    try:
        queue = blocking_proxy(short, "get_queue", name)
        waiting = in_thread(queue.take)
        timed = in_thread(lambda: queue.poll(5))
        wait_until(lambda: _pending(short) >= 2)
        # Past twice the invocation timeout (the client sweeps timeouts every second),
        # both still wait on the member.
        deadline = time.monotonic() + 4.5
        while time.monotonic() < deadline:
            assert waiting.alive()
            time.sleep(0.1)
        assert timed.join(30) is None  # the 5 s poll ends empty, not with a timeout error
        queue.offer("finally")
        assert waiting.join(30) == "finally"
    finally:
        short.shutdown()


# -- listeners ---------------------------------------------------------------------------


def test_item_listener_with_values(client, queue):
    added, removed = Recorder(), Recorder()
    registration = queue.add_listener(True, added, removed)
    queue.offer("a")
    queue.offer("b")
    assert queue.poll() == "a"
    wait_until(lambda: len(added.events) == 2 and len(removed.events) == 1)
    assert added.items() == ["a", "b"]
    assert removed.items() == ["a"]
    event = added.events[0]
    assert event.name == queue.name
    assert event.event_type == ItemEventType.ADDED
    assert removed.events[0].event_type == ItemEventType.REMOVED
    assert isinstance(event.member, MemberInfo)
    assert event.member.uuid in member_uuids(client)
    assert queue.remove_listener(registration) is True
    assert queue.remove_listener(registration) is False
    queue.offer("c")
    other = Recorder()
    queue.add_listener(item_added_func=other)
    queue.offer("d")
    wait_until(lambda: len(other.events) == 1)
    assert len(added.events) == 2  # the removed listener heard nothing more


def test_item_listener_without_values_gets_none(queue):
    added, removed = Recorder(), Recorder()
    queue.add_listener(include_value=False, item_added_func=added, item_removed_func=removed)
    queue.offer("a")
    queue.poll()
    wait_until(lambda: len(added.events) == 1 and len(removed.events) == 1)
    assert added.items() == [None]
    assert removed.items() == [None]


# -- distributed object ------------------------------------------------------------------


def test_destroy_and_distributed_objects(client, name):
    queue = blocking_proxy(client, "get_queue", name)
    queue.offer(1)
    assert any(o.name == name and o.service_name == "hz:impl:queueService"
               for o in client.get_distributed_objects())
    assert queue.destroy() is True
    assert not any(o.name == name for o in client.get_distributed_objects())
    assert blocking_proxy(client, "get_queue", name).size() == 0


# -- the Future face -----------------------------------------------------------------------


def test_future_face_pipelines_and_take_completes_later(client, name):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    q = client.get_queue(name)
    take = q.take()
    assert not take.done()
    assert all(f.result() for f in [q.offer(i) for i in range(20)])
    assert take.result() == 0
    assert q.size().result() == 19


# -- bounded queue (a cluster of its own: the member's queue config) -------------------------

BOUNDED_XML = '<queue name="bounded*"><max-size>2</max-size></queue>'


@pytest.mark.parametrize("face", FACES)
def test_bounded_queue_put_waits_for_room_and_offer_times_out(cluster_factory, face):
    cluster = cluster_factory(member_count=1, extra_xml=BOUNDED_XML)
    c = start_client(face, invocation_timeout=2, **cluster.client_config())
    try:
        queue = blocking_proxy(c, "get_queue", "bounded-" + uuid.uuid4().hex)
        assert queue.remaining_capacity() == 2
        assert queue.offer(1) is True
        assert queue.add(2) is True
        assert queue.remaining_capacity() == 0
        assert queue.offer(3) is False
        with pytest.raises(IllegalStateError):
            queue.add(3)
        start = time.monotonic()
        assert queue.offer(3, 1) is False
        assert time.monotonic() - start >= 0.9
        # A put waits for room past the invocation timeout.
        putting = in_thread(lambda: queue.put(3))
        timed = in_thread(lambda: queue.offer(4, 30))
        wait_until(lambda: _pending(c) >= 2)
        deadline = time.monotonic() + 4.5
        while time.monotonic() < deadline:
            assert putting.alive()
            time.sleep(0.1)
        assert queue.take() == 1
        assert queue.take() == 2
        assert putting.join(30) is None
        assert timed.join(30) is True
        assert sorted(queue.iterator()) == [3, 4]
    finally:
        c.shutdown()


# -- three members -------------------------------------------------------------------------


@pytest.mark.parametrize("face", FACES)
def test_three_members_hand_off_and_listener_events_once(hz_cluster3, face):
    name = "queue3-" + uuid.uuid4().hex
    c = start_client(face, **hz_cluster3.client_config())
    try:
        assert connected_to_all(c, 3)
        queue = blocking_proxy(c, "get_queue", name)
        added = Recorder()
        queue.add_listener(True, added)
        taken = in_thread(lambda: [queue.take() for _ in range(20)])
        for i in range(20):
            queue.put(i)
        assert taken.join() == list(range(20))
        wait_until(lambda: len(added.events) >= 20)
        time.sleep(0.5)  # a duplicate delivery would arrive by now
        assert added.items() == list(range(20))
        queue.add_all(list(range(5)))
        target = []
        assert queue.drain_to(target, 2) == 2
        assert target == [0, 1]
        assert queue.iterator() == [2, 3, 4]
    finally:
        c.shutdown()


SMOKE = {
    "add": lambda q: q.add(1),
    "add_all": lambda q: q.add_all([2, 3]),
    "add_listener": lambda q: q.remove_listener(q.add_listener(True, print, print)),
    "blocking": lambda q: q.blocking().size(),
    "clear": lambda q: q.clear(),
    "contains": lambda q: q.contains(1),
    "contains_all": lambda q: q.contains_all([1]),
    "destroy": lambda q: q.destroy(),
    "drain_to": lambda q: q.drain_to([], 1),
    "is_empty": lambda q: q.is_empty(),
    "iterator": lambda q: q.iterator(),
    "offer": lambda q: q.offer(4, 0.1),
    "peek": lambda q: q.peek(),
    "poll": lambda q: q.poll(0.1),
    "put": lambda q: q.put(5),
    "remaining_capacity": lambda q: q.remaining_capacity(),
    "remove": lambda q: q.remove(5),
    "remove_all": lambda q: q.remove_all([4]),
    "remove_listener": lambda q: q.remove_listener("no-such-registration"),
    "retain_all": lambda q: q.retain_all([1, 2, 3]),
    "size": lambda q: q.size(),
    "take": lambda q: (q.offer(6), q.take()),
}


def test_every_official_method_runs(queue):
    queue.add_all([1, 2, 3])
    call_every_method(queue, "hazelcast.proxy.queue.BlockingQueue", SMOKE)
