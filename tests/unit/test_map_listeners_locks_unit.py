"""Map entry listeners and locks without a member: what the requests carry, and the
listener service's bookkeeping (one registration per connection, none left behind
by a removal racing a registration)."""

from __future__ import annotations

import itertools
import threading
import types

import pytest

from hazelcast.future import Future
from hazelcast.listener import ListenerService
from hazelcast.proxy import MAP_SERVICE
from hazelcast.proxy import map as map_module
from hazelcast.proxy.base import EntryEventType
from hazelcast.proxy.map import Map

from test_map_proxy import FakeContext, to_data  # noqa: E402  (same folder)


class RecordingListenerService:
    def __init__(self):
        self.registered = []

    def register_listener(self, request, decode, encode_deregister, handler):
        self.registered.append((request, decode, encode_deregister, handler))
        future = Future()
        future.set_result("registration-id")
        return future


@pytest.fixture
def context():
    c = FakeContext()
    c.config = types.SimpleNamespace(near_caches={}, smart_routing=True)
    c.listener_service = RecordingListenerService()
    return c


@pytest.fixture
def spy(monkeypatch):
    calls = []
    for attr in dir(map_module):
        module = getattr(map_module, attr)
        if isinstance(module, types.ModuleType) and attr.endswith("_codec"):
            real = module.encode_request

            def encode(*args, _name=attr, _real=real):
                calls.append((_name, args))
                return _real(*args)

            monkeypatch.setattr(module, "encode_request", encode)
    return calls


@pytest.fixture
def m(context, spy):
    return Map(MAP_SERVICE, "m", context)


# -- locks ----------------------------------------------------------------------------


def test_lock_requests_carry_the_caller_a_growing_reference_id_and_no_invocation_timeout(m, context, spy):
    invocations = context.invocation_service.invocations
    m.lock("k")
    m.lock("k", lease_time=1.5)
    m.try_lock("k", lease_time=2, timeout=0.25)
    m.unlock("k")
    m.force_unlock("k")
    me = threading.get_ident()
    key = to_data("k")
    assert spy == [
        ("map_lock_codec", ("m", key, me, -1, 1)),
        ("map_lock_codec", ("m", key, me, 1500, 2)),
        ("map_try_lock_codec", ("m", key, me, 2000, 250, 3)),
        ("map_unlock_codec", ("m", key, me, 4)),
        ("map_force_unlock_codec", ("m", key, 5)),
    ]
    # lock and try_lock wait on the member for as long as it takes; the others do not.
    assert [i.timeout for i in invocations] == [float("inf")] * 3 + [None, None]
    partition = context.partition_service.get_partition_id(key)
    assert all(i.partition_id == partition for i in invocations)
    # lock, unlock and force_unlock give None, whatever the response holds.
    for i in (invocations[0], invocations[3], invocations[4]):
        assert i.response_handler(object()) is None


def test_the_reference_ids_are_shared_by_the_maps_of_one_client(context, spy):
    a = Map(MAP_SERVICE, "a", context)
    b = Map(MAP_SERVICE, "b", context)
    a.lock(1)
    b.lock(1)
    a.unlock(1)
    assert [args[-1] for _, args in spy] == [1, 2, 3]


def test_the_owner_is_the_calling_thread(m, spy):
    owners = []
    all_locked = threading.Barrier(3)  # alive together: thread ids are not reused

    def lock():
        m.lock("k")
        owners.append(threading.get_ident())
        all_locked.wait(10)

    threads = [threading.Thread(target=lock) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(args[2] for _, args in spy) == sorted(owners)
    assert len(set(owners)) == 3


def test_is_locked_and_the_none_key(m, spy):
    m.is_locked("k")
    assert spy == [("map_is_locked_codec", ("m", to_data("k")))]
    for call in (m.lock, m.try_lock, m.unlock, m.force_unlock, m.is_locked):
        with pytest.raises(AssertionError, match="key can't be None"):
            call(None)


def test_a_compact_schema_sent_first_keeps_the_owner_and_the_reference_id(m, context, spy):
    # The request is sent again once the schema is on the cluster, from another
    # thread: the owner and the reference id were fixed by the caller.
    from hazelcast.serialization.compact import SchemaNotReplicatedError

    retried = []

    class SchemaService:
        def send_schema_and_retry(self, error, func, *args, **kwargs):
            done = Future()
            t = threading.Thread(target=lambda: done.set_result(func(*args, **kwargs)))
            retried.append(t)
            t.start()
            t.join()
            return done

    context.compact_schema_service = SchemaService()
    real_to_data = m._to_data
    first = [True]

    def to_data_needing_schema(obj):
        if first[0]:
            first[0] = False
            raise SchemaNotReplicatedError("the-schema", str)
        return real_to_data(obj)

    m._to_data = to_data_needing_schema
    m.lock("k")
    assert len(retried) == 1
    assert spy == [("map_lock_codec", ("m", to_data("k"), threading.get_ident(), -1, 1))]


# -- listeners ----------------------------------------------------------------------


def test_listener_flags_and_codecs(m, context, spy):
    m.add_entry_listener(added_func=print, expired_func=print)
    m.add_entry_listener(True, key="k", merged_func=print)
    m.add_entry_listener(True, predicate="p", loaded_func=print, evict_all_func=print)
    m.add_entry_listener(False, key="k", predicate="p", clear_all_func=print, removed_func=print)
    assert spy == [
        ("map_add_entry_listener_codec", ("m", False, EntryEventType.ADDED | EntryEventType.EXPIRED, True)),
        ("map_add_entry_listener_to_key_codec", ("m", to_data("k"), True, EntryEventType.MERGED, True)),
        (
            "map_add_entry_listener_with_predicate_codec",
            ("m", to_data("p"), True, EntryEventType.LOADED | EntryEventType.EVICT_ALL, True),
        ),
        (
            "map_add_entry_listener_to_key_with_predicate_codec",
            ("m", to_data("k"), to_data("p"), False, EntryEventType.CLEAR_ALL | EntryEventType.REMOVED, True),
        ),
    ]
    assert [flags for _, (*_, flags, _local) in spy] == [17, 128, 544, 66]


def test_a_unisocket_client_asks_for_every_member_s_events(context, spy):
    context.config.smart_routing = False
    Map(MAP_SERVICE, "m", context).add_entry_listener(added_func=print)
    assert spy[-1][1][-1] is False


def test_each_event_goes_to_the_callback_of_its_type(m, context, monkeypatch):
    from hazelcast.protocol.codec import map_add_entry_listener_codec as codec

    got = []
    funcs = {
        name: (lambda event, name=name: got.append((name, event)))
        for name in ("added", "removed", "updated", "evicted", "evict_all", "clear_all", "merged", "expired", "loaded")
    }
    # The codec's handle decodes a message; here the "message" is the decoded tuple.
    monkeypatch.setattr(codec, "handle", lambda message, on_event: on_event(*message))
    m.add_entry_listener(True, **{name + "_func": f for name, f in funcs.items()})
    handler = context.listener_service.registered[-1][3]
    types_by_name = {
        "added": EntryEventType.ADDED,
        "removed": EntryEventType.REMOVED,
        "updated": EntryEventType.UPDATED,
        "evicted": EntryEventType.EVICTED,
        "evict_all": EntryEventType.EVICT_ALL,
        "clear_all": EntryEventType.CLEAR_ALL,
        "merged": EntryEventType.MERGED,
        "expired": EntryEventType.EXPIRED,
        "loaded": EntryEventType.LOADED,
    }
    for name, event_type in types_by_name.items():
        handler((to_data("k"), to_data("v"), to_data("o"), to_data("mv"), event_type, "uuid", 3))
    assert [name for name, _ in got] == list(types_by_name)
    event = got[0][1]
    assert (event.key, event.value, event.old_value, event.merging_value) == ("k", "v", "o", "mv")
    assert (event.event_type, event.uuid, event.number_of_affected_entries) == (EntryEventType.ADDED, "uuid", 3)


# -- the listener service --------------------------------------------------------------


class FakeConnection:
    def __init__(self, name):
        self.name = name
        self.live = True

    def __repr__(self):
        return self.name


class FakeConnectionManager:
    def __init__(self):
        self.active_connections = {}
        self.listeners = []

    def add_connection_listener(self, on_added, on_removed):
        self.listeners.append((on_added, on_removed))


class FakeInvocations:
    def __init__(self):
        self.sent = []
        self.handlers = {}
        self._ids = itertools.count(1)

    def invoke(self, invocation):
        correlation_id = next(self._ids)
        invocation.request.set_ids(correlation_id, -1)
        if invocation.event_handler is not None:
            self.handlers[correlation_id] = invocation.event_handler
        self.sent.append(invocation)

    def remove_event_handler(self, correlation_id):
        self.handlers.pop(correlation_id, None)


def _service():
    manager = FakeConnectionManager()
    invocations = FakeInvocations()
    return ListenerService(manager, invocations), manager, invocations


def _request():
    from hazelcast.protocol.codec import map_add_entry_listener_codec

    return map_add_entry_listener_codec.encode_request("m", True, 1, True)


def _register(service, events):
    return service.register_listener(
        _request(), lambda response: "server-id-%s" % response, lambda server_id: _request(), events.append
    )


def test_a_connection_announced_while_registering_gets_one_registration():
    service, manager, invocations = _service()
    a = FakeConnection("a")
    manager.active_connections = {"a": a}
    events = []
    registered = _register(service, events)
    # The connection manager announces the same connection afterwards.
    service._on_connection_added(a)
    assert [i.connection for i in invocations.sent] == [a]
    invocations.sent[0].set_result(1)
    assert registered.result() is not None
    assert service._registrations[registered.result()].on_connections == {a: ("server-id-1", 1)}


def test_a_new_connection_gets_the_listener_and_a_closed_one_forgets_it():
    service, manager, invocations = _service()
    a, b = FakeConnection("a"), FakeConnection("b")
    manager.active_connections = {"a": a}
    registered = _register(service, [])
    invocations.sent[0].set_result(1)
    service._on_connection_added(b)
    assert [i.connection for i in invocations.sent] == [a, b]
    invocations.sent[1].set_result(2)
    service._on_connection_removed(a)
    assert list(service._registrations[registered.result()].on_connections) == [b]
    assert list(invocations.handlers) == [2]
    # The same member again (a restart, a reconnection): registered again.
    a2 = FakeConnection("a2")
    service._on_connection_added(a2)
    assert invocations.sent[-1].connection is a2


def test_a_removal_before_the_member_answered_undoes_the_late_registration():
    service, manager, invocations = _service()
    a = FakeConnection("a")
    manager.active_connections = {"a": a}
    events = []
    registered = _register(service, events)
    (registration_id,) = service._registrations
    assert service.deregister_listener(registration_id).result() is True
    # An event the member sent before it knew: dropped.
    invocations.handlers[1]("event")
    assert events == []
    invocations.sent[0].set_result(7)
    # The registration answered late is removed from the member, its events dropped.
    assert [i.connection for i in invocations.sent] == [a, a]
    assert invocations.handlers == {}
    assert registered.done()
    assert service.deregister_listener(registration_id).result() is False


def test_events_reach_the_handler_until_the_listener_is_removed():
    service, manager, invocations = _service()
    a = FakeConnection("a")
    manager.active_connections = {"a": a}
    events = []
    registered = _register(service, events)
    invocations.sent[0].set_result(1)
    handler = invocations.handlers[1]
    handler("e1")
    removed = service.deregister_listener(registered.result())
    invocations.sent[1].set_result(True)  # the member removed it
    assert removed.result() is True
    handler("e2")  # read before the removal, run after it
    assert events == ["e1"]
    assert 1 not in invocations.handlers
