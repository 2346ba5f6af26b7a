"""List proxy against real members: the threaded client's Future and blocking faces
and the asyncio client's face, on one member (and a few calls on three).

Each test uses a list of its own (unique name), so tests share clients and clusters.
"""

from __future__ import annotations

import time
import uuid

import pytest

from hazelcast.core import MemberInfo
from hazelcast.errors import HazelcastError
from hazelcast.future import Future
from hazelcast.internal.asyncio_proxy.list import List as AsyncioList
from hazelcast.proxy.base import ItemEventType
from hazelcast.proxy.list import BlockingList, List

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
name = name_fixture("list-")


@pytest.fixture
def lst(client, name):
    return blocking_proxy(client, "get_list", name)


def test_faces_are_the_official_types(client, name):
    proxy = check_face_types(client, "get_list", name, AsyncioList, List, BlockingList, "hz:impl:listService")
    if not isinstance(client, AsyncioClientDriver):
        f = proxy.add("x")
        assert isinstance(f, Future)
        assert f.result() is True


def test_is_empty_of_the_blocking_list_is_a_bool(lst):
    # The official BlockingList.is_empty() returns a Future; ours the bool.
    assert lst.is_empty() is True
    lst.add(1)
    assert lst.is_empty() is False


def test_add_get_size_and_order(lst):
    assert lst.add("a") is True
    assert lst.add("b") is True
    assert lst.add("a") is True  # duplicates are kept
    assert lst.size() == 3
    assert lst.get(0) == "a"
    assert lst.get(1) == "b"
    assert lst.get_all() == ["a", "b", "a"]
    assert lst.iterator() == ["a", "b", "a"]


def test_index_operations(lst):
    lst.add_all(["a", "b", "c"])
    assert lst.add_at(1, "x") is None
    assert lst.get_all() == ["a", "x", "b", "c"]
    assert lst.set_at(0, "z") == "a"
    assert lst.get_all() == ["z", "x", "b", "c"]
    assert lst.remove_at(1) == "x"
    assert lst.get_all() == ["z", "b", "c"]
    assert lst.add_all_at(1, ["p", "q"]) is True
    assert lst.get_all() == ["z", "p", "q", "b", "c"]
    assert lst.list_iterator() == ["z", "p", "q", "b", "c"]
    assert lst.list_iterator(3) == ["b", "c"]
    assert lst.sub_list(1, 3) == ["p", "q"]
    lst.add("p")
    assert lst.index_of("p") == 1
    assert lst.last_index_of("p") == 5
    assert lst.index_of("nope") == -1
    assert lst.last_index_of("nope") == -1


def test_out_of_range_index_fails(lst):
    lst.add("only")
    for call in (lambda: lst.get(5), lambda: lst.set_at(5, "v"), lambda: lst.remove_at(5),
                 lambda: lst.add_at(5, "v"), lambda: lst.sub_list(0, 5)):
        with pytest.raises(HazelcastError):
            call()
    assert lst.get_all() == ["only"]


def test_contains_remove_and_bulk(lst):
    lst.add_all([1, 2, 3, 4, 2])
    assert lst.contains(3) is True
    assert lst.contains(9) is False
    assert lst.contains_all([1, 4]) is True
    assert lst.contains_all([1, 9]) is False
    assert lst.remove(2) is True  # the first occurrence
    assert lst.get_all() == [1, 3, 4, 2]
    assert lst.remove(9) is False
    assert lst.remove_all([3, 9]) is True
    assert lst.remove_all([9]) is False
    assert lst.retain_all([1, 2]) is True
    assert lst.get_all() == [1, 2]
    assert lst.retain_all([1, 2]) is False
    lst.clear()
    assert lst.size() == 0
    assert lst.get_all() == []


def test_none_is_refused(lst):
    for call in (lambda: lst.add(None), lambda: lst.add_at(0, None), lambda: lst.set_at(0, None),
                 lambda: lst.contains(None), lambda: lst.remove(None), lambda: lst.index_of(None),
                 lambda: lst.last_index_of(None), lambda: lst.add_all([None]), lambda: lst.add_all(None),
                 lambda: lst.add_all_at(0, [None]), lambda: lst.contains_all(None),
                 lambda: lst.remove_all([None]), lambda: lst.retain_all([None])):
        with pytest.raises(AssertionError):
            call()
    assert lst.size() == 0


def test_item_listener(client, lst):
    added, removed = Recorder(), Recorder()
    registration = lst.add_listener(True, added, removed)
    lst.add("a")
    lst.add_at(0, "b")
    lst.remove("a")
    wait_until(lambda: len(added.events) == 2 and len(removed.events) == 1)
    assert added.items() == ["a", "b"]
    assert removed.items() == ["a"]
    # A removal by index is an event too (the member sends it without the item).
    assert lst.remove_at(0) == "b"
    wait_until(lambda: len(removed.events) == 2)
    assert added.events[0].event_type == ItemEventType.ADDED
    assert removed.events[0].event_type == ItemEventType.REMOVED
    assert added.events[0].name == lst.name
    assert isinstance(added.events[0].member, MemberInfo)
    assert added.events[0].member.uuid in member_uuids(client)
    assert lst.remove_listener(registration) is True
    no_values = Recorder()
    lst.add_listener(item_added_func=no_values)
    lst.add("c")
    wait_until(lambda: len(no_values.events) == 1)
    assert no_values.items() == [None]
    assert len(added.events) == 2


def test_destroy_and_distributed_objects(client, name):
    lst = blocking_proxy(client, "get_list", name)
    lst.add(1)
    assert any(o.name == name and o.service_name == "hz:impl:listService"
               for o in client.get_distributed_objects())
    assert lst.destroy() is True
    assert blocking_proxy(client, "get_list", name).size() == 0


def test_future_face(client, name):
    if isinstance(client, AsyncioClientDriver):
        pytest.skip("Futures are the threaded client's face; the asyncio client awaits")
    proxy = client.get_list(name)
    futures = [proxy.add(i) for i in range(50)]
    assert all(f.result() for f in futures)
    assert proxy.get_all().result() == list(range(50))
    assert proxy.is_empty().result() is False


@pytest.mark.parametrize("face", FACES)
def test_three_members(hz_cluster3, face):
    name = "list3-" + uuid.uuid4().hex
    c = start_client(face, **hz_cluster3.client_config())
    try:
        assert connected_to_all(c, 3)
        lst = blocking_proxy(c, "get_list", name)
        added = Recorder()
        lst.add_listener(True, added)
        lst.add_all(list(range(10)))
        lst.add_at(0, -1)
        assert lst.get(0) == -1
        assert lst.sub_list(1, 4) == [0, 1, 2]
        assert lst.size() == 11
        wait_until(lambda: len(added.events) >= 11)
        time.sleep(0.5)  # a duplicate delivery would arrive by now
        assert sorted(added.items()) == list(range(-1, 10))  # each event once
    finally:
        c.shutdown()


SMOKE = {
    "add": lambda l: l.add(1),
    "add_all": lambda l: l.add_all([2, 3]),
    "add_all_at": lambda l: l.add_all_at(0, [0]),
    "add_at": lambda l: l.add_at(1, 9),
    "add_listener": lambda l: l.remove_listener(l.add_listener(True, print, print)),
    "blocking": lambda l: l.blocking().size(),
    "clear": lambda l: (l.clear(), l.add_all([1, 2, 3])),
    "contains": lambda l: l.contains(1),
    "contains_all": lambda l: l.contains_all([1]),
    "destroy": lambda l: l.destroy(),
    "get": lambda l: l.get(0),
    "get_all": lambda l: l.get_all(),
    "index_of": lambda l: l.index_of(2),
    "is_empty": lambda l: l.is_empty(),
    "iterator": lambda l: l.iterator(),
    "last_index_of": lambda l: l.last_index_of(2),
    "list_iterator": lambda l: l.list_iterator(1),
    "remove": lambda l: l.remove(3),
    "remove_all": lambda l: l.remove_all([9]),
    "remove_at": lambda l: l.remove_at(0),
    "remove_listener": lambda l: l.remove_listener("no-such-registration"),
    "retain_all": lambda l: l.retain_all([1, 2]),
    "set_at": lambda l: l.set_at(0, 7),
    "size": lambda l: l.size(),
    "sub_list": lambda l: l.sub_list(0, 1),
}


def test_every_official_method_runs(lst):
    lst.add_all([1, 2, 3])
    call_every_method(lst, "hazelcast.proxy.list.BlockingList", SMOKE)
