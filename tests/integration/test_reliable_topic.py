"""ReliableTopic against real members: delivery in order without duplicates,
durable listeners, loss tolerance, overload policies, terminal errors, and a
listener that survives a member's death and a restart of the whole cluster.

The member has small ringbuffers for the topics named ``rt-small*`` (capacity 10,
overwritten when full), ``rt-full*`` (capacity 10, ten-minute time-to-live: full
means full) and ``rt-ttl*`` (capacity 10, two-second time-to-live); see
messaging_cluster.py.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.config import TopicOverloadPolicy
from hazelcast.errors import HazelcastError, TopicOverloadError
from hazelcast.proxy.base import TopicMessage
from hazelcast.proxy.reliable_topic import ReliableMessageListener

from client_faces import FACES, AsyncioClientDriver, start_client
from messaging_cluster import MEMBER_XML
from waiting import wait_until

pytestmark = [pytest.mark.java_classes]

POLICIES = ("DISCARD_OLDEST", "DISCARD_NEWEST", "BLOCK", "ERROR")


def overload_topic(policy, face, kind="full"):
    return "rt-%s-%s-%s" % (kind, policy.lower(), face)


def client_options(face):
    topics = {
        overload_topic(policy, face, kind): {"overload_policy": getattr(TopicOverloadPolicy, policy)}
        for policy in POLICIES
        for kind in ("full", "ttl")
    }
    topics["batch-of-3-%s" % face] = {"read_batch_size": 3}
    return {"reliable_topics": topics}


@pytest.fixture(scope="module")
def cluster():
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=MEMBER_XML)
    yield c
    c.shutdown()


@pytest.fixture(scope="module", params=FACES)
def client(request, cluster):
    c = start_client(request.param, **cluster.client_config(), **client_options(request.param))
    c.face_name = request.param
    yield c
    c.shutdown()


def unique(prefix="rt"):
    return "%s-%s" % (prefix, uuid.uuid4().hex)


class Recorder(ReliableMessageListener):
    """A ReliableMessageListener that records what the topic tells it."""

    def __init__(self, initial=-1, loss_tolerant=False, terminal=False, fail_on=()):
        self.initial = initial
        self.loss_tolerant = loss_tolerant
        self.terminal = terminal
        self.fail_on = set(fail_on)
        self.messages = []
        self.sequences = []
        self.stored_before_delivery = True
        self.errors = []
        self.cancelled = 0

    def on_message(self, message):
        if len(self.sequences) != len(self.messages) + 1:
            self.stored_before_delivery = False
        self.messages.append(message)
        if message.message in self.fail_on:
            raise ValueError("cannot handle %r" % message.message)

    def retrieve_initial_sequence(self):
        return self.initial

    def store_sequence(self, sequence):
        self.sequences.append(sequence)

    def is_loss_tolerant(self):
        return self.loss_tolerant

    def is_terminal(self, error):
        self.errors.append(error)
        return self.terminal

    def on_cancel(self):
        self.cancelled += 1

    def values(self):
        return [m.message for m in self.messages]

    def wait_for(self, count, timeout=30.0):
        wait_until(
            lambda: len(self.messages) >= count, timeout, lambda: "%d messages (got %d)" % (count, len(self.messages))
        )
        return self.values()


# -- delivery ------------------------------------------------------------------------


def test_function_listener_receives_messages(client):
    topic = client.get_reliable_topic(unique()).blocking()
    received = []
    before = time.time()
    topic.add_listener(received.append)
    topic.publish("hello")
    wait_until(lambda: received, message="the message")
    (message,) = received
    assert isinstance(message, TopicMessage)
    assert message.message == "hello"
    assert message.name == topic.name
    assert before - 1 <= message.publish_time <= time.time() + 1
    assert message.member is None  # published by a client, not a member


def test_many_messages_arrive_in_order_once(client):
    name = unique()
    topic = client.get_reliable_topic(name).blocking()
    first, second = Recorder(), Recorder()
    topic.add_listener(first)
    topic.add_listener(second)
    count = 1000
    for start in range(0, count, 100):
        topic.publish_all(list(range(start, start + 50)))
        for i in range(start + 50, start + 100):
            topic.publish(i)
    assert first.wait_for(count) == list(range(count))
    assert second.wait_for(count) == list(range(count))
    assert first.sequences == list(range(count))
    assert first.stored_before_delivery
    time.sleep(0.3)
    assert len(first.messages) == count and first.cancelled == 0


def test_read_batch_size_from_the_config(client):
    topic = client.get_reliable_topic("batch-of-3-%s" % client.face_name)
    if isinstance(client, AsyncioClientDriver):
        core = topic.face._proxy
    else:
        core = topic
    assert core._config.read_batch_size == 3
    recorder = Recorder()
    topic.blocking().add_listener(recorder)
    topic.blocking().publish_all(list(range(20)))
    assert recorder.wait_for(20) == list(range(20))


def test_durable_listener_starts_from_its_sequence(client):
    topic = client.get_reliable_topic(unique()).blocking()
    topic.publish_all(["a", "b", "c", "d"])
    recorder = Recorder(initial=2)
    topic.add_listener(recorder)
    assert recorder.wait_for(2) == ["c", "d"]
    assert recorder.sequences == [2, 3]
    topic.publish("e")
    assert recorder.wait_for(3) == ["c", "d", "e"]


def test_remove_listener_cancels_it(client):
    topic = client.get_reliable_topic(unique()).blocking()
    recorder = Recorder()
    registration = topic.add_listener(recorder)
    topic.publish(1)
    recorder.wait_for(1)
    assert topic.remove_listener(registration) is True
    assert recorder.cancelled == 1
    assert topic.remove_listener(registration) is False
    topic.publish(2)
    time.sleep(0.3)
    assert recorder.values() == [1]


def test_listener_errors_terminal_or_not(client):
    topic = client.get_reliable_topic(unique()).blocking()
    going_on = Recorder(fail_on={2}, terminal=False)
    stopping = Recorder(fail_on={2}, terminal=True)
    plain = []

    def failing_function(message):
        plain.append(message.message)
        raise RuntimeError("a plain function's errors are not terminal")

    topic.add_listener(going_on)
    topic.add_listener(stopping)
    topic.add_listener(failing_function)
    topic.publish_all([1, 2, 3])
    assert going_on.wait_for(3) == [1, 2, 3]
    assert [type(e) for e in going_on.errors] == [ValueError]
    wait_until(lambda: stopping.cancelled == 1, message="the terminal listener's cancellation")
    assert stopping.values() == [1, 2]
    wait_until(lambda: plain == [1, 2, 3], message="the plain function's messages")


def test_destroy_cancels_listeners_and_empties_the_ringbuffer(client):
    name = unique()
    topic = client.get_reliable_topic(name).blocking()
    recorder = Recorder()
    topic.add_listener(recorder)
    topic.publish_all([1, 2])
    recorder.wait_for(2)
    assert topic.destroy() is True
    assert recorder.cancelled == 1
    assert client.get_ringbuffer("_hz_rb_" + name).blocking().size() == 0


def test_client_shutdown_cancels_listeners(cluster):
    c = hazelcast.HazelcastClient(**cluster.client_config())
    recorder = Recorder()
    topic = c.get_reliable_topic(unique()).blocking()
    topic.add_listener(recorder)
    topic.publish(1)
    recorder.wait_for(1)
    c.shutdown()
    wait_until(lambda: recorder.cancelled == 1, message="the cancellation")


def test_argument_checks(client):
    topic = client.get_reliable_topic(unique()).blocking()
    with pytest.raises(AssertionError):
        topic.publish(None)
    with pytest.raises(AssertionError):
        topic.publish_all([1, None])
    with pytest.raises(AssertionError):
        topic.add_listener(None)
    with pytest.raises(TypeError):
        topic.add_listener("not callable")


# -- loss tolerance ------------------------------------------------------------------


def test_loss_tolerant_listener_skips_to_the_oldest_message(client):
    topic = client.get_reliable_topic(unique("rt-small")).blocking()
    for start in range(0, 30, 10):  # capacity 10: 0..19 are overwritten
        topic.publish_all(list(range(start, start + 10)))
    recorder = Recorder(initial=0, loss_tolerant=True)
    topic.add_listener(recorder)
    assert recorder.wait_for(10) == list(range(20, 30))
    assert recorder.sequences == list(range(20, 30))
    topic.publish(30)
    assert recorder.wait_for(11)[-1] == 30
    assert recorder.cancelled == 0


def test_listener_not_loss_tolerant_is_cancelled_and_the_loss_reported(client, caplog):
    topic = client.get_reliable_topic(unique("rt-small")).blocking()
    for start in range(0, 30, 10):
        topic.publish_all(list(range(start, start + 10)))
    recorder = Recorder(initial=0, loss_tolerant=False)
    with caplog.at_level(logging.WARNING, logger="hazelcast"):
        topic.add_listener(recorder)
        wait_until(lambda: recorder.cancelled == 1, message="the cancellation")
    assert recorder.values() == []
    assert any("not loss tolerant" in r.getMessage() and "20 messages" in r.getMessage() for r in caplog.records)


def test_slow_listener_falls_behind_and_tolerates_the_loss(client, cluster):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("a listener blocking the event loop would stop the asyncio client itself")
    name = unique("rt-small")
    topic = client.get_reliable_topic(name).blocking()
    release = threading.Event()

    class Slow(Recorder):
        def on_message(self, message):
            super().on_message(message)
            if message.message == 0:
                release.wait(30)

    slow = Slow(loss_tolerant=True)
    topic.add_listener(slow)
    # Another client publishes (a listener stuck in on_message holds up its own
    # client's event thread, as the official client's reactor thread).
    publisher = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        other = publisher.get_reliable_topic(name).blocking()
        other.publish(0)
        wait_until(lambda: slow.messages, message="the first message")
        # While the listener is stuck on message 0, 25 more overwrite the capacity of 10.
        for i in range(1, 26):
            other.publish(i)
        release.set()
        wait_until(lambda: slow.values()[-1:] == [25], message="the last message")
    finally:
        release.set()
        publisher.shutdown()
    values = slow.values()
    assert values[0] == 0 and values[1:] == list(range(16, 26))
    assert slow.cancelled == 0


# -- overload policies ---------------------------------------------------------------


def test_overload_error_raises(client):
    topic = client.get_reliable_topic(overload_topic("ERROR", client.face_name)).blocking()
    topic.publish_all(list(range(10)))
    with pytest.raises(TopicOverloadError):
        topic.publish(10)
    with pytest.raises(TopicOverloadError):
        topic.publish_all([10, 11])
    rb = client.get_ringbuffer("_hz_rb_" + topic.name).blocking()
    assert rb.tail_sequence() == 9


def test_overload_discard_newest_drops_the_message(client):
    topic = client.get_reliable_topic(overload_topic("DISCARD_NEWEST", client.face_name)).blocking()
    topic.publish_all(list(range(10)))
    topic.publish(10)  # dropped, quietly
    topic.publish_all([11, 12])
    rb = client.get_ringbuffer("_hz_rb_" + topic.name).blocking()
    assert rb.tail_sequence() == 9
    recorder = Recorder(initial=0)
    topic.add_listener(recorder)
    assert recorder.wait_for(10) == list(range(10))


def test_overload_discard_oldest_overwrites(client):
    topic = client.get_reliable_topic(overload_topic("DISCARD_OLDEST", client.face_name)).blocking()
    topic.publish_all(list(range(10)))
    topic.publish(10)
    rb = client.get_ringbuffer("_hz_rb_" + topic.name).blocking()
    assert rb.tail_sequence() == 10
    assert rb.head_sequence() == 1


def test_overload_block_waits_for_room(client):
    # Items live two seconds: the publish goes through once the oldest expire.
    name = overload_topic("BLOCK", client.face_name, kind="ttl")
    topic = client.get_reliable_topic(name).blocking()
    topic.publish_all(list(range(10)))
    done = []
    started = time.monotonic()
    publisher = threading.Thread(target=lambda: (topic.publish(10), done.append(time.monotonic() - started)))
    publisher.start()
    time.sleep(0.5)
    assert done == []  # still waiting for room
    publisher.join(30)
    assert done and done[0] >= 1.0
    assert client.get_ringbuffer("_hz_rb_" + name).blocking().tail_sequence() == 10


def test_overload_block_future_face(client):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face")
    name = overload_topic("BLOCK", client.face_name)  # ten-minute time-to-live
    topic = client.get_reliable_topic(name)
    topic.publish_all(list(range(10))).result()
    future = topic.publish(10)
    time.sleep(0.5)
    assert not future.done()
    # Room made: the next attempt (at most 2 s later) succeeds.
    client.get_ringbuffer("_hz_rb_" + name).destroy()
    future.result()


# -- member death and cluster restart ------------------------------------------------


def _owner_address(client, name):
    partition_id = client.partition_service.get_partition_id("_hz_rb_" + name)
    owner = client.partition_service.get_partition_owner(partition_id)
    members = [m for m in client.cluster_service.get_members() if m.uuid == owner]
    if not members:
        return None
    member = members[0]
    return "%s:%d" % (member.address.host, member.address.port)


@pytest.mark.slow
def test_listener_survives_the_death_of_the_ringbuffer_owner(cluster_factory):
    cluster = cluster_factory(member_count=3)
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        victim = cluster.members[1]
        client.get_map("assigns-the-partitions").blocking().put(1, 1)
        wait_until(
            lambda: len(client.cluster_service.get_members()) == 3
            and client.partition_service.get_partition_owner(0) is not None,
            60,
            "the partition table",
        )
        name = next(n for n in (unique() for _ in range(1000)) if _owner_address(client, n) == victim.address)
        topic = client.get_reliable_topic(name).blocking()
        recorder = Recorder()
        topic.add_listener(recorder)
        acknowledged = []
        stop = threading.Event()

        def publish():
            i = 0
            while not stop.is_set():
                try:
                    topic.publish(i)
                    acknowledged.append(i)
                except HazelcastError:
                    pass  # in flight on the killed member: not acknowledged
                i += 1
                time.sleep(0.002)

        publisher = threading.Thread(target=publish)
        publisher.start()
        wait_until(lambda: len(recorder.messages) > 100, message="messages before the kill")
        victim.kill()
        wait_until(lambda: len(client.cluster_service.get_members()) == 2, 60, "the member's removal")
        count = len(acknowledged)
        wait_until(lambda: len(acknowledged) > count + 100, 60, "publishing to go on")
        stop.set()
        publisher.join(60)
        last = acknowledged[-1]
        wait_until(lambda: recorder.values()[-1:] == [last], 60, "the last message")
        values = recorder.values()
        assert values == sorted(set(values)), "duplicates or disorder"
        assert set(acknowledged) <= set(values), "acknowledged messages lost"
        assert recorder.cancelled == 0
    finally:
        client.shutdown()


@pytest.mark.slow
@pytest.mark.parametrize("face", FACES)
def test_listeners_across_a_whole_cluster_restart(cluster_factory, face, caplog):
    cluster = cluster_factory(member_count=1)
    client = start_client(
        face,
        invocation_timeout=5,
        retry_initial_backoff=0.1,
        retry_max_backoff=0.5,
        **cluster.client_config(),
    )
    try:
        name = unique()
        topic = client.get_reliable_topic(name).blocking()
        tolerant = Recorder(loss_tolerant=True)
        strict = Recorder(loss_tolerant=False)
        topic.add_listener(tolerant)
        topic.add_listener(strict)
        topic.publish_all(["before-1", "before-2"])
        tolerant.wait_for(2)
        strict.wait_for(2)
        old_members = {m.uuid for m in client.cluster_service.get_members()}
        with caplog.at_level(logging.WARNING, logger="hazelcast"):
            cluster.members[0].restart()
            wait_until(
                lambda: {m.uuid for m in client.cluster_service.get_members()} - old_members, 60, "the new cluster"
            )
            publish_deadline = time.monotonic() + 60
            while True:
                try:
                    topic.publish_all(["after-1", "after-2", "after-3"])
                    break
                except HazelcastError:
                    if time.monotonic() > publish_deadline:
                        raise
                    time.sleep(0.2)
            # The loss-tolerant listener goes on with the new cluster's messages:
            # none lost, none twice.
            assert tolerant.wait_for(5, 60) == ["before-1", "before-2", "after-1", "after-2", "after-3"]
            # The other one cannot know what it missed: it is cancelled, and says so.
            wait_until(lambda: strict.cancelled == 1, 60, "the strict listener's cancellation")
        assert strict.values() == ["before-1", "before-2"]
        assert any("new cluster" in r.getMessage() for r in caplog.records)
        time.sleep(0.5)
        assert len(tolerant.messages) == 5 and tolerant.cancelled == 0
    finally:
        client.shutdown()
