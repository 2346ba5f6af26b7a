"""PNCounter against real members: every method in the three faces, concurrent
clients, and replicas dying between calls (own 3-member cluster)."""

from __future__ import annotations

import asyncio
import inspect
import threading
import uuid

import pytest

import hazelcast
from hazelcast.errors import ConsistencyLostError
from hazelcast.future import Future
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import pn_counter_get_codec
from hazelcast.proxy.pn_counter import BlockingPNCounter, PNCounter

from client_faces import FACES, AsyncioClientDriver, start_client
from waiting import wait_until


def get_proxy(client, getter, name):
    """The proxy from either client: the threaded client's own, or the asyncio
    face run to completion on the driver's loop."""
    if isinstance(client, AsyncioClientDriver):
        return client._blocking(client.run(getattr(client.client, getter)(name)))
    return getattr(client, getter)(name)


@pytest.fixture(scope="module", params=FACES)
def client(request, hz_cluster3):
    c = start_client(request.param, **hz_cluster3.client_config())
    yield c
    c.shutdown()


@pytest.fixture
def counter(client):
    """The blocking twin of the threaded client, or the asyncio face."""
    return get_proxy(client, "get_pn_counter", "pn-" + uuid.uuid4().hex).blocking()


def test_every_method_returns_the_value_before_or_after_the_update(counter):
    assert counter.get() == 0
    assert counter.add_and_get(5) == 5
    assert counter.get_and_add(3) == 5
    assert counter.get() == 8
    assert counter.subtract_and_get(2) == 6
    assert counter.get_and_subtract(1) == 6
    assert counter.get() == 5
    assert counter.increment_and_get() == 6
    assert counter.get_and_increment() == 6
    assert counter.get() == 7
    assert counter.decrement_and_get() == 6
    assert counter.get_and_decrement() == 6
    assert counter.get() == 5
    assert counter.add_and_get(-10) == -5
    assert counter.get_and_subtract(-5) == -5
    assert counter.get() == 0
    assert counter.add_and_get(2**62) == 2**62


def test_reset_keeps_the_value_and_is_a_plain_method_in_every_face(counter):
    counter.add_and_get(3)
    assert not inspect.iscoroutinefunction(counter.reset)
    assert counter.reset() is None
    assert counter.get() == 3


def test_future_face_returns_futures(hz_cluster3, client):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face")
    c = client.get_pn_counter("pn-" + uuid.uuid4().hex)
    assert isinstance(c, PNCounter)
    assert isinstance(c.blocking(), BlockingPNCounter)
    futures = [c.add_and_get(1) for _ in range(20)]
    assert all(isinstance(f, Future) for f in futures)
    assert sorted(f.result() for f in futures) == list(range(1, 21))
    assert c.get().result() == 20


def test_asyncio_face_awaits(hz_cluster3, client):
    if not isinstance(client, AsyncioClientDriver):
        pytest.skip("asyncio face only")

    async def body():
        c = await client.client.get_pn_counter("pn-" + uuid.uuid4().hex)
        results = await asyncio.gather(*[c.increment_and_get() for _ in range(20)])
        return sorted(results), await c.get()

    results, value = client.run(body())
    assert results == list(range(1, 21))
    assert value == 20


def test_two_clients_counting_concurrently_reach_the_exact_total(hz_cluster3):
    name = "pn-" + uuid.uuid4().hex
    clients = [start_client(face, **hz_cluster3.client_config()) for face in FACES]
    try:
        counters = [get_proxy(c, "get_pn_counter", name).blocking() for c in clients]
        per_thread = 300
        errors = []

        def count(c, up):
            try:
                for _ in range(per_thread):
                    if up:
                        c.increment_and_get()
                    else:
                        c.add_and_get(2)
            except Exception as e:  # reported below
                errors.append(e)

        threads = [
            threading.Thread(target=count, args=(counters[i % 2], i < 4)) for i in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors
        total = 4 * per_thread + 2 * 2 * per_thread
        # Each client reads its own writes at once; the other's arrive by replication.
        for c in counters:
            wait_until(lambda: c.get() == total, interval=0.1, message="the total on both clients")
    finally:
        for c in clients:
            c.shutdown()


# -- replicas dying between calls --------------------------------------------------


def value_on(client, name, member):
    """The counter's value on one replica, without session (empty timestamps)."""
    invocation = Invocation(
        pn_counter_get_codec.encode_request(name, [], member.uuid),
        uuid=member.uuid,
        response_handler=pn_counter_get_codec.decode_response,
    )
    client._invocation_service.invoke(invocation)
    return invocation.future.result()["value"]


def harness_member(cluster, member_info):
    for m in cluster.members:
        if m.is_running() and m.uuid == str(member_info.uuid):
            return m
    raise AssertionError("no running member with uuid %s" % member_info.uuid)


SINGLE_REPLICA_XML = """
  <pn-counter name="single-*">
    <replica-count>1</replica-count>
  </pn-counter>
"""


@pytest.mark.slow
def test_replicas_dying_between_calls(cluster_factory):
    cluster = cluster_factory(member_count=3, extra_xml=SINGLE_REPLICA_XML)
    client = hazelcast.HazelcastClient(**cluster.client_config())
    try:
        members = lambda: client.cluster_service.get_members()  # noqa: E731
        wait_until(lambda: len(members()) == 3, interval=0.1, message="3 members")

        # A counter replicated on every member: killing the replica in use moves the
        # session to another one, which has the observed state.
        name = "multi-" + uuid.uuid4().hex
        proxy = client.get_pn_counter(name)
        counter = proxy.blocking()
        assert counter.add_and_get(10) == 10
        wait_until(lambda: all(value_on(client, name, m) == 10 for m in members()), interval=0.1, message="replication")
        harness_member(cluster, proxy._current_target).kill()
        wait_until(lambda: len(members()) == 2, interval=0.1, message="the killed member to leave")
        assert counter.add_and_get(5) == 15
        assert counter.get() == 15
        wait_until(lambda: all(value_on(client, name, m) == 15 for m in members()), interval=0.1, message="replication")

        # A counter with one replica (the first data member): once it is gone, no
        # replica has what this session observed.
        single_name = "single-" + uuid.uuid4().hex
        single_proxy = client.get_pn_counter(single_name)
        single = single_proxy.blocking()
        assert single.add_and_get(7) == 7
        replica = single_proxy._current_target
        assert replica.uuid == members()[0].uuid
        harness_member(cluster, replica).kill()
        wait_until(lambda: len(members()) == 1, interval=0.1, message="the killed replica to leave")
        with pytest.raises(ConsistencyLostError):
            single.get()
        with pytest.raises(ConsistencyLostError):
            single.add_and_get(1)
        single.reset()
        assert single.get() == 0  # a new replica, a new session
        assert single.add_and_get(1) == 1
        # The replicated counter kept its value on the survivor.
        assert counter.get() == 15
    finally:
        client.shutdown()
