"""util: load balancers, argument checks, time and version helpers; security."""

from __future__ import annotations

import threading
import time

import pytest

from hazelcast.security import BasicTokenProvider, TokenProvider
from hazelcast.util import (
    UNKNOWN_VERSION,
    AtomicInteger,
    ImmutableLazyDataList,
    LoadBalancer,
    RandomLB,
    RoundRobinLB,
    calculate_version,
    check_is_int,
    check_is_number,
    check_not_empty,
    check_not_negative,
    check_not_none,
    check_true,
    current_time,
    current_time_in_millis,
    get_attr_name,
    thread_id,
    to_millis,
    to_nanos,
    try_to_get_enum_value,
)


class FakeClusterService:
    """Membership as the cluster service exposes it to load balancers."""

    def __init__(self, members):
        self.members = list(members)
        self.listeners = []

    def add_listener(self, member_added=None, member_removed=None, fire_for_existing=False):
        self.listeners.append((member_added, member_removed))
        if fire_for_existing and member_added:
            for member in self.members:
                member_added(member)

    def get_members(self):
        return list(self.members)

    def add(self, member):
        self.members.append(member)
        for added, _ in self.listeners:
            added(member)

    def remove(self, member):
        self.members.remove(member)
        for _, removed in self.listeners:
            removed(member)


LBS = [RoundRobinLB, RandomLB]


@pytest.mark.parametrize("lb_class", LBS)
def test_lb_without_members_returns_none(lb_class):
    lb = lb_class()
    lb.init(FakeClusterService([]))
    assert lb.next() is None


@pytest.mark.parametrize("lb_class", LBS)
def test_lb_registers_for_existing_members(lb_class):
    cluster = FakeClusterService(["a"])
    lb = lb_class()
    lb.init(cluster)
    assert len(cluster.listeners) == 1
    assert lb.next() == "a"


def test_round_robin_order():
    lb = RoundRobinLB()
    lb.init(FakeClusterService(["a", "b", "c"]))
    assert [lb.next() for _ in range(7)] == ["a", "b", "c", "a", "b", "c", "a"]


def test_random_returns_only_members_and_all_of_them():
    members = ["a", "b", "c"]
    lb = RandomLB()
    lb.init(FakeClusterService(members))
    seen = {lb.next() for _ in range(300)}
    assert seen == set(members)


@pytest.mark.parametrize("lb_class", LBS)
def test_lb_follows_member_add_and_remove(lb_class):
    cluster = FakeClusterService(["a"])
    lb = lb_class()
    lb.init(cluster)
    cluster.add("b")
    assert {lb.next() for _ in range(100)} == {"a", "b"}
    cluster.remove("a")
    assert {lb.next() for _ in range(20)} == {"b"}
    cluster.remove("b")
    assert lb.next() is None


def test_load_balancer_base_is_abstract():
    lb = LoadBalancer()
    with pytest.raises(NotImplementedError):
        lb.init(FakeClusterService([]))
    with pytest.raises(NotImplementedError):
        lb.next()


def test_round_robin_is_safe_under_threads():
    lb = RoundRobinLB()
    lb.init(FakeClusterService(["a", "b"]))
    results = []
    lock = threading.Lock()

    def work():
        local = [lb.next() for _ in range(1000)]
        with lock:
            results.extend(local)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Every call got a distinct ticket, so the members were used equally.
    assert results.count("a") == results.count("b") == 2000


# -- checks ----------------------------------------------------------------------


def test_checks_raise_assertion_error_with_message():
    with pytest.raises(AssertionError, match="msg"):
        check_not_none(None, "msg")
    with pytest.raises(AssertionError, match="msg"):
        check_true(False, "msg")
    with pytest.raises(AssertionError, match="msg"):
        check_not_negative(-1, "msg")
    with pytest.raises(AssertionError, match="msg"):
        check_not_empty([], "msg")
    with pytest.raises(AssertionError):
        check_is_number("1")
    with pytest.raises(AssertionError):
        check_is_int(1.5)


def test_checks_pass_valid_values():
    check_not_none(0, "msg")
    check_true(1, "msg")
    check_not_negative(0, "msg")
    check_not_empty([0], "msg")
    check_is_number(1.5)
    check_is_int(3)


# -- time --------------------------------------------------------------------------


def test_time_conversions():
    assert to_millis(1.5) == 1500
    assert to_millis(0) == 0
    assert to_millis(None) == -1
    assert to_nanos(0.001) == 1000000
    assert to_nanos(2) == 2000000000


def test_current_time():
    before = time.time()
    now = current_time()
    assert before <= now <= time.time()
    assert abs(current_time_in_millis() - now * 1000) < 1000
    assert isinstance(current_time_in_millis(), int)


def test_thread_id_differs_between_threads():
    ids = []
    t = threading.Thread(target=lambda: ids.append(thread_id()))
    t.start()
    t.join()
    assert ids[0] != thread_id()
    assert thread_id() == threading.get_ident()


# -- AtomicInteger -----------------------------------------------------------------


def test_atomic_integer():
    counter = AtomicInteger(5)
    assert counter.get_and_increment() == 5
    assert counter.increment_and_get() == 7
    counter.add(3)
    assert counter.get() == 10


def test_atomic_integer_under_threads():
    counter = AtomicInteger()

    def work():
        for _ in range(2000):
            counter.get_and_increment()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counter.get() == 8000


# -- versions, enums, lazy list ----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5.3.1", 50301),
        ("4.0", 40000),
        ("4.1-SNAPSHOT", 40100),
        ("3.12.5-BETA", 31205),
        ("5", UNKNOWN_VERSION),
        ("", UNKNOWN_VERSION),
        (None, UNKNOWN_VERSION),
        ("a.b", UNKNOWN_VERSION),
    ],
)
def test_calculate_version(text, expected):
    assert calculate_version(text) == expected


class _Color:
    RED = 0
    GREEN = 1


def test_enum_helpers():
    assert get_attr_name(_Color, 1) == "GREEN"
    assert get_attr_name(_Color, 7) is None
    assert get_attr_name(_Color, True) is None
    assert try_to_get_enum_value(0, _Color) == 0
    assert try_to_get_enum_value("GREEN", _Color) == 1
    with pytest.raises(TypeError, match="'color'"):
        try_to_get_enum_value("BLUE", _Color, "color")


def test_immutable_lazy_data_list_deserializes_once_on_access():
    calls = []

    def to_object(data):
        calls.append(data)
        return data.upper()

    lazy = ImmutableLazyDataList(["a", ("k", "v"), "b"], to_object)
    assert len(lazy) == 3
    assert calls == []
    assert lazy[1] == ("K", "V")
    assert lazy[1] == ("K", "V")
    assert calls == ["k", "v"]
    assert lazy == ["A", ("K", "V"), "B"]
    assert list(lazy) == ["A", ("K", "V"), "B"]
    assert "B" in lazy
    assert lazy[0:2] == ["A", ("K", "V")]
    assert lazy != 1


# -- security ----------------------------------------------------------------------


def test_basic_token_provider():
    assert BasicTokenProvider("tok").token() == b"tok"
    assert BasicTokenProvider(b"\x00\x01").token() == b"\x00\x01"
    assert BasicTokenProvider().token() == b""
    assert isinstance(BasicTokenProvider("x"), TokenProvider)
    with pytest.raises(TypeError, match="'token'"):
        BasicTokenProvider(123)


def test_token_provider_base_is_abstract():
    with pytest.raises(NotImplementedError):
        TokenProvider().token()
