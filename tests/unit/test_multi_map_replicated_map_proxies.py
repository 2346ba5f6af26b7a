"""MultiMap and ReplicatedMap proxies against a fake client context (no member).

What the integration tests cannot see directly: the listener requests ask each
member for its local events only when the client registers on every member (smart
routing), and for all events when it has one connection; lock requests carry the
caller id and the client's increasing reference ids.
"""

from __future__ import annotations

import itertools
import threading
import types

import pytest

from hazelcast.future import Future
from hazelcast.proxy import multi_map as multi_map_module
from hazelcast.proxy import replicated_map as replicated_map_module
from hazelcast.proxy.multi_map import MultiMap
from hazelcast.proxy.replicated_map import ReplicatedMap
from hazelcast.serialization.data import Data


class _Serialization:
    is_big_endian = True

    def to_data(self, obj):
        return Data(b"\x00\x00\x00\x00\xff\xff\xff\xf6" + repr(obj).encode())

    def to_object(self, data):
        return data


class _Invocations:
    def __init__(self):
        self.sent = []

    def invoke(self, invocation):
        self.sent.append(invocation)


class _Listeners:
    def __init__(self):
        self.registered = []

    def register_listener(self, request, decode, encode_deregister, handler):
        self.registered.append(request)
        return Future()

    def deregister_listener(self, registration_id):
        return Future()


class _Partitions:
    partition_count = 271

    def get_partition_id(self, key_data):
        return 7


def _context(smart_routing):
    serialization = _Serialization()
    return types.SimpleNamespace(
        serialization_service=serialization,
        partition_service=_Partitions(),
        internal_partition_service=_Partitions(),
        invocation_service=_Invocations(),
        listener_service=_Listeners(),
        config=types.SimpleNamespace(smart_routing=smart_routing),
        caller_id=lambda: 4242,
        lock_reference_id_generator=itertools.count(1),
    )


def _spy(monkeypatch, codec):
    calls = []
    real = codec.encode_request

    def encode_request(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(codec, "encode_request", encode_request)
    return calls


@pytest.mark.parametrize("smart_routing", [True, False])
def test_multi_map_listeners_ask_for_local_events_on_a_smart_client(monkeypatch, smart_routing):
    plain = _spy(monkeypatch, multi_map_module.multi_map_add_entry_listener_codec)
    to_key = _spy(monkeypatch, multi_map_module.multi_map_add_entry_listener_to_key_codec)
    context = _context(smart_routing)
    mm = MultiMap("hz:impl:multiMapService", "m", context)
    mm.add_entry_listener(include_value=True)
    mm.add_entry_listener(key="k")
    assert plain == [("m", True, smart_routing)]
    assert len(to_key) == 1 and to_key[0][2:] == (False, smart_routing)
    assert len(context.listener_service.registered) == 2


@pytest.mark.parametrize("smart_routing", [True, False])
def test_replicated_map_listeners_ask_for_local_events_on_a_smart_client(monkeypatch, smart_routing):
    module = replicated_map_module
    spies = [
        _spy(monkeypatch, module.replicated_map_add_entry_listener_codec),
        _spy(monkeypatch, module.replicated_map_add_entry_listener_to_key_codec),
        _spy(monkeypatch, module.replicated_map_add_entry_listener_with_predicate_codec),
        _spy(monkeypatch, module.replicated_map_add_entry_listener_to_key_with_predicate_codec),
    ]
    rm = ReplicatedMap("hz:impl:replicatedMapService", "r", _context(smart_routing))
    rm.add_entry_listener()
    rm.add_entry_listener(key="k")
    rm.add_entry_listener(predicate="p")
    rm.add_entry_listener(key="k", predicate="p")
    assert [len(calls) for calls in spies] == [1, 1, 1, 1]
    assert all(calls[0][-1] is smart_routing for calls in spies)


def test_multi_map_lock_requests_carry_caller_and_reference_ids(monkeypatch):
    lock = _spy(monkeypatch, multi_map_module.multi_map_lock_codec)
    try_lock = _spy(monkeypatch, multi_map_module.multi_map_try_lock_codec)
    unlock = _spy(monkeypatch, multi_map_module.multi_map_unlock_codec)
    force_unlock = _spy(monkeypatch, multi_map_module.multi_map_force_unlock_codec)
    context = _context(True)
    mm = MultiMap("hz:impl:multiMapService", "m", context)
    mm.lock("k")
    mm.lock("k", lease_time=1.5)
    mm.try_lock("k", timeout=2)
    mm.unlock("k")
    mm.force_unlock("k")
    assert [call[2:] for call in lock] == [(4242, -1, 1), (4242, 1500, 2)]
    assert [call[2:] for call in try_lock] == [(4242, -1, 2000, 3)]
    assert [call[2:] for call in unlock] == [(4242, 4)]
    assert [call[2:] for call in force_unlock] == [(5,)]
    # All to the key's partition.
    assert {inv.partition_id for inv in context.invocation_service.sent} == {7}


def test_multi_map_lock_waits_within_the_invocation_timeout():
    # As in the official client (a Map lock waits without a client-side timeout).
    context = _context(True)
    mm = MultiMap("hz:impl:multiMapService", "m", context)
    mm.lock("k")
    mm.try_lock("k", timeout=2)
    assert [inv.timeout for inv in context.invocation_service.sent] == [None, None]


def test_multi_map_lock_keeps_its_owner_when_a_compact_schema_is_sent_first(monkeypatch):
    # The request is retried on another thread once the schema is on the cluster:
    # the owner and the reference id were fixed by the caller.
    from hazelcast.serialization.compact import SchemaNotReplicatedError

    lock = _spy(monkeypatch, multi_map_module.multi_map_lock_codec)
    context = _context(True)
    context.caller_id = threading.get_ident

    class _SchemaService:
        def send_schema_and_retry(self, error, func, *args, **kwargs):
            done = Future()
            t = threading.Thread(target=lambda: done.set_result(func(*args, **kwargs)))
            t.start()
            t.join()
            return done

    context.compact_schema_service = _SchemaService()
    mm = MultiMap("hz:impl:multiMapService", "m", context)
    real_to_data = mm._to_data
    first = [True]

    def to_data_needing_schema(obj):
        if first[0]:
            first[0] = False
            raise SchemaNotReplicatedError("the-schema", str)
        return real_to_data(obj)

    mm._to_data = to_data_needing_schema
    mm.lock("k")
    assert [call[2:] for call in lock] == [(threading.get_ident(), -1, 1)]


def test_replicated_map_whole_map_reads_go_to_one_partition():
    context = _context(True)
    rm = ReplicatedMap("hz:impl:replicatedMapService", "r", context)
    rm.size()
    rm.key_set()
    rm.values()
    rm.entry_set()
    rm.is_empty()
    rm.contains_value(1)
    partitions = {inv.partition_id for inv in context.invocation_service.sent}
    assert len(partitions) == 1
    assert 0 <= partitions.pop() < 271
