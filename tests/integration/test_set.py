"""Set proxy against real members: the threaded client's Future and blocking faces
and the asyncio client's face, on one member (and a few calls on three).

Each test uses a set of its own (unique name), so tests share clients and clusters.
"""

from __future__ import annotations

import time
import uuid

import pytest

from hazelcast.core import MemberInfo
from hazelcast.future import Future
from hazelcast.internal.asyncio_proxy.set import Set as AsyncioSet
from hazelcast.proxy.base import ItemEventType
from hazelcast.proxy.set import BlockingSet, Set

from client_faces import FACES, AsyncioClientDriver, start_client
from collection_faces import (
    blocking_proxy,
    call_every_method,
    check_face_types,
    client_fixture,
    connected_to_all,
    member_uuids,
    name_fixture,
    Recorder,
    wait_until,
)


client = client_fixture()
name = name_fixture("set-")


@pytest.fixture
def hset(client, name):
    return blocking_proxy(client, "get_set", name)


def test_faces_are_the_official_types(client, name):
    proxy = check_face_types(client, "get_set", name, AsyncioSet, Set, BlockingSet, "hz:impl:setService")
    if not isinstance(client, AsyncioClientDriver):
        f = proxy.add("x")
        assert isinstance(f, Future)
        assert f.result() is True


def test_add_keeps_each_item_once(hset):
    assert hset.is_empty() is True
    assert hset.add("a") is True
    assert hset.add("a") is False
    assert hset.add_all(["a", "b", "c"]) is True
    assert hset.add_all(["b"]) is False
    assert hset.size() == 3
    assert hset.is_empty() is False
    assert sorted(hset.get_all()) == ["a", "b", "c"]


def test_contains_remove_and_bulk(hset):
    hset.add_all([1, 2, 3, 4])
    assert hset.contains(3) is True
    assert hset.contains(9) is False
    assert hset.contains_all([1, 4]) is True
    assert hset.contains_all([1, 9]) is False
    assert hset.remove(2) is True
    assert hset.remove(2) is False
    assert hset.remove_all([3, 9]) is True
    assert hset.remove_all([9]) is False
    assert hset.retain_all([1]) is True
    assert hset.get_all() == [1]
    assert hset.retain_all([1]) is False
    hset.clear()
    assert hset.size() == 0


def test_none_is_refused(hset):
    for call in (lambda: hset.add(None), lambda: hset.contains(None), lambda: hset.remove(None),
                 lambda: hset.add_all([None]), lambda: hset.add_all(None), lambda: hset.contains_all([None]),
                 lambda: hset.remove_all(None), lambda: hset.retain_all([None])):
        with pytest.raises(AssertionError):
            call()
    assert hset.size() == 0


def test_item_listener(client, hset):
    added, removed = Recorder(), Recorder()
    registration = hset.add_listener(True, added, removed)
    hset.add("a")
    hset.add("a")  # no change, no event
    hset.add("b")
    hset.remove("a")
    wait_until(lambda: len(added.events) == 2 and len(removed.events) == 1)
    assert added.items() == ["a", "b"]
    assert removed.items() == ["a"]
    assert added.events[0].event_type == ItemEventType.ADDED
    assert removed.events[0].event_type == ItemEventType.REMOVED
    assert isinstance(added.events[0].member, MemberInfo)
    assert added.events[0].member.uuid in member_uuids(client)
    assert hset.remove_listener(registration) is True
    assert hset.remove_listener(registration) is False
    no_values = Recorder()
    hset.add_listener(False, None, no_values)
    hset.remove("b")
    wait_until(lambda: len(no_values.events) == 1)
    assert no_values.items() == [None]
    assert len(removed.events) == 1


def test_destroy_and_distributed_objects(client, name):
    hset = blocking_proxy(client, "get_set", name)
    hset.add(1)
    assert any(o.name == name and o.service_name == "hz:impl:setService"
               for o in client.get_distributed_objects())
    assert hset.destroy() is True
    assert blocking_proxy(client, "get_set", name).size() == 0


def test_future_face(client, name):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    proxy = client.get_set(name)
    futures = [proxy.add(i % 10) for i in range(30)]
    assert [f.result() for f in futures] == [True] * 10 + [False] * 20
    assert sorted(proxy.get_all().result()) == list(range(10))


@pytest.mark.parametrize("face", FACES)
def test_three_members(hz_cluster3, face):
    name = "set3-" + uuid.uuid4().hex
    c = start_client(face, **hz_cluster3.client_config())
    try:
        assert connected_to_all(c, 3)
        hset = blocking_proxy(c, "get_set", name)
        added = Recorder()
        hset.add_listener(True, added)
        assert hset.add_all(list(range(10))) is True
        assert hset.add(3) is False
        assert hset.size() == 10
        assert hset.contains_all([0, 9]) is True
        wait_until(lambda: len(added.events) >= 10)
        time.sleep(0.5)  # a duplicate delivery would arrive by now
        assert sorted(added.items()) == list(range(10))  # each event once
    finally:
        c.shutdown()


SMOKE = {
    "add": lambda s: s.add(1),
    "add_all": lambda s: s.add_all([2, 3]),
    "add_listener": lambda s: s.remove_listener(s.add_listener(True, print, print)),
    "blocking": lambda s: s.blocking().size(),
    "clear": lambda s: (s.clear(), s.add_all([1, 2, 3])),
    "contains": lambda s: s.contains(1),
    "contains_all": lambda s: s.contains_all([1]),
    "destroy": lambda s: s.destroy(),
    "get_all": lambda s: s.get_all(),
    "is_empty": lambda s: s.is_empty(),
    "remove": lambda s: s.remove(3),
    "remove_all": lambda s: s.remove_all([9]),
    "remove_listener": lambda s: s.remove_listener("no-such-registration"),
    "retain_all": lambda s: s.retain_all([1, 2]),
    "size": lambda s: s.size(),
}


def test_every_official_method_runs(hset):
    hset.add_all([1, 2, 3])
    call_every_method(hset, "hazelcast.proxy.set.BlockingSet", SMOKE)
