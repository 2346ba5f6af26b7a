"""Topic against real members (one, and three): publish, listeners, ordering.

Each test uses a topic of its own (unique name), so tests share the clients and
clusters without seeing each other's messages.
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest

import hazelcast
from hazelcast.core import MemberInfo
from hazelcast.proxy.base import TopicMessage
from hazelcast.proxy.topic import BlockingTopic, Topic

from client_faces import FACES, AsyncioClientDriver, start_client


@pytest.fixture(
    scope="module",
    params=[(cluster, face) for face in FACES for cluster in ("hz_cluster", "hz_cluster3")],
    ids=["%s-%s" % (members, face) for face in FACES for members in ("1-member", "3-members")],
)
def client(request):
    cluster_fixture, face = request.param
    cluster = request.getfixturevalue(cluster_fixture)
    c = start_client(face, **cluster.client_config())
    _cluster_of[id(c)] = cluster
    # A smart client sends a topic's messages to the owner of its partition once it
    # knows the owner and has a connection there (before, to any member, which
    # then delivers them): the order holds from then on.
    members = len(cluster.addresses)
    c.get_map("assigns-the-partitions").blocking().put(1, 1)  # a fresh cluster assigns them on first use
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        len(c._runtime.connection_manager.active_connections) < members
        or c.partition_service.get_partition_owner(0) is None
    ):
        time.sleep(0.05)
    yield c
    c.shutdown()


_cluster_of = {}


@pytest.fixture
def topic_name():
    return "topic-" + uuid.uuid4().hex


@pytest.fixture
def btopic(client, topic_name) -> BlockingTopic:
    return client.get_topic(topic_name).blocking()


@pytest.fixture
def ftopic(client, topic_name) -> Topic:
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    return client.get_topic(topic_name)


class Collector:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    def __call__(self, message):
        with self.lock:
            self.messages.append(message)

    def values(self):
        with self.lock:
            return [m.message for m in self.messages]

    def wait_for(self, count, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return self.values()
            time.sleep(0.02)
        raise AssertionError("got %d of %d messages in %.0f s" % (len(self.messages), count, timeout))


def test_listener_receives_message_with_time_and_publishing_member(client, btopic):
    received = Collector()
    before = time.time()
    btopic.add_listener(received)
    btopic.publish("hello")
    assert received.wait_for(1) == ["hello"]
    message = received.messages[0]
    assert isinstance(message, TopicMessage)
    assert message.name == btopic.name
    # Seconds, as time.time() (allowing for clocks of client and member apart).
    assert before - 5 <= message.publish_time <= time.time() + 5
    assert isinstance(message.member, MemberInfo)
    assert message.member.uuid in {m.uuid for m in client.cluster_service.get_members()}


def test_messages_of_one_publisher_arrive_in_order_once(btopic, client, topic_name):
    received = Collector()
    btopic.add_listener(received)
    count = 2000
    if isinstance(client, AsyncioClientDriver):
        async def publish_all_pipelined():
            face = await client.client.get_topic(topic_name)
            import asyncio

            await asyncio.gather(*(face.publish(i) for i in range(count)))

        client.run(publish_all_pipelined())
    else:
        futures = [client.get_topic(topic_name).publish(i) for i in range(count)]
        for f in futures:
            f.result()
    assert received.wait_for(count) == list(range(count))
    time.sleep(0.2)  # a duplicate would show up behind the last message
    assert len(received.messages) == count


def test_publish_all_delivers_the_batch_in_order(btopic):
    received = Collector()
    btopic.add_listener(received)
    btopic.publish_all(["a", "b", "c", {"k": [1, 2]}])
    assert received.wait_for(4) == ["a", "b", "c", {"k": [1, 2]}]


def test_two_publishers_each_keep_their_order(client, btopic, topic_name):
    received = Collector()
    btopic.add_listener(received)
    other = hazelcast.HazelcastClient(**_cluster_of[id(client)].client_config())
    try:
        other_topic = other.get_topic(topic_name).blocking()
        count = 500

        def publish(topic, tag):
            for i in range(count):
                topic.publish((tag, i))

        threads = [
            threading.Thread(target=publish, args=(btopic, "a")),
            threading.Thread(target=publish, args=(other_topic, "b")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        values = received.wait_for(2 * count)
        assert [i for tag, i in values if tag == "a"] == list(range(count))
        assert [i for tag, i in values if tag == "b"] == list(range(count))
    finally:
        other.shutdown()


def test_removed_listener_gets_nothing_more(btopic):
    removed = Collector()
    kept = Collector()
    registration = btopic.add_listener(removed)
    btopic.add_listener(kept)
    btopic.publish("before")
    removed.wait_for(1)
    assert btopic.remove_listener(registration) is True
    assert btopic.remove_listener(registration) is False
    btopic.publish("after")
    assert kept.wait_for(2) == ["before", "after"]
    assert removed.values() == ["before"]


def test_future_face_returns_futures(ftopic):
    received = Collector()
    registration = ftopic.add_listener(received).result()
    assert isinstance(registration, str)
    assert ftopic.publish(1).result() is None
    assert ftopic.publish_all([2, 3]).result() is None
    assert received.wait_for(3) == [1, 2, 3]
    assert ftopic.remove_listener(registration).result() is True


def test_none_is_refused(btopic):
    with pytest.raises(AssertionError):
        btopic.publish(None)
    with pytest.raises(AssertionError):
        btopic.publish_all([1, None])
    with pytest.raises(AssertionError):
        btopic.add_listener(None)


def test_destroy_and_distributed_objects(client, btopic):
    btopic.publish("x")
    names = [o.name for o in client.get_distributed_objects()]
    assert btopic.name in names
    assert btopic.destroy() is True


def test_unisocket_client_receives_each_message_once(hz_cluster3, topic_name):
    c = hazelcast.HazelcastClient(**hz_cluster3.client_config(), smart_routing=False)
    try:
        received = Collector()
        topic = c.get_topic(topic_name).blocking()
        topic.add_listener(received)
        topic.publish_all(list(range(100)))
        assert received.wait_for(100) == list(range(100))
        time.sleep(0.3)
        assert len(received.messages) == 100
    finally:
        c.shutdown()
