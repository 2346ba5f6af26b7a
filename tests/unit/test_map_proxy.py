"""Map proxy and ProxyManager against a fake client context (no member).

The fake invocation service records each Invocation; a test completes it with a
hand-made decoded response. Codec ``decode_response`` functions are replaced by
the identity so the response stands for what the codec would have decoded; the
real ``encode_request`` functions run (wrapped by a spy), so argument order and
count are checked against the generated codecs.
"""

from __future__ import annotations

import itertools
import pickle
import struct
import threading
import types

import pytest

from hazelcast.future import Future
from hazelcast.protocol.client_message import (
    BEGIN_DATA_STRUCTURE_FLAG,
    END_DATA_STRUCTURE_FLAG,
    IS_NULL_FLAG,
    Frame,
    InboundMessage,
)
from hazelcast.proxy import MAP_SERVICE, ProxyManager
from hazelcast.proxy import map as map_module
from hazelcast.proxy.map import BlockingMap, Map
from hazelcast.serialization.data import Data

PARTITION_COUNT = 271
_PICKLE_TYPE = -999  # any type id: the fake serializer is the only reader


class FakeSerializationService:
    """Pickles objects into real Data, so real codecs can encode them."""

    is_big_endian = True

    def to_data(self, obj):
        if obj is None or isinstance(obj, Data):
            return obj
        return Data(struct.pack(">ii", 0, _PICKLE_TYPE) + pickle.dumps(obj))

    def to_object(self, data):
        if not isinstance(data, Data):
            return data
        if not data.buffer:  # the Data of None
            return None
        return pickle.loads(data.buffer[8:])


class FakePartitionService:
    """Integer keys land on partition ``key % 271``: tests know the grouping."""

    def __init__(self, serialization):
        self._serialization = serialization

    def get_partition_id(self, key_data):
        key = self._serialization.to_object(key_data)
        return key % PARTITION_COUNT if isinstance(key, int) else hash(key) % PARTITION_COUNT

    def get_partition_count(self):
        return PARTITION_COUNT


class FakeInvocationService:
    def __init__(self):
        self.invocations = []
        self.auto_respond = None  # callable(invocation) -> decoded response, or None

    def invoke(self, invocation):
        self.invocations.append(invocation)
        if self.auto_respond is not None:
            respond(invocation, self.auto_respond(invocation))


def entry_list_message(pairs):
    """A response message made of the initial frame and an entry list: the handlers
    of entry-list responses read it from the frames, without a codec decoder."""
    frames = [Frame(bytes(13)), Frame(b"", BEGIN_DATA_STRUCTURE_FLAG)]
    for key, value in pairs:
        # None: the empty Data the members send for null (e.g. an entry processor's result)
        frames += [Frame(key.to_bytes()), Frame(b"" if value is None else value.to_bytes())]
    return InboundMessage(frames + [Frame(b"", END_DATA_STRUCTURE_FLAG)])


def value_message(value):
    """A response message made of the initial frame and one nullable value: the
    handlers of such responses read it from the frames, without a codec decoder."""
    frame = Frame(b"", IS_NULL_FLAG) if value is None else Frame(value.to_bytes())
    return InboundMessage([Frame(bytes(13)), frame])


# Responses that the proxies read from the frames themselves (no codec decoder):
# one nullable value, or an entry list.
_VALUE_RESPONSES = {
    codec._REQUEST_MESSAGE_TYPE
    for codec in (
        map_module.map_get_codec,
        map_module.map_put_codec,
        map_module.map_put_with_max_idle_codec,
        map_module.map_put_if_absent_codec,
        map_module.map_put_if_absent_with_max_idle_codec,
        map_module.map_remove_codec,
        map_module.map_replace_codec,
        map_module.map_execute_on_key_codec,
    )
}
_ENTRY_LIST_RESPONSES = {
    codec._REQUEST_MESSAGE_TYPE
    for codec in (
        map_module.map_get_all_codec,
        map_module.map_entry_set_codec,
        map_module.map_entries_with_predicate_codec,
        map_module.map_execute_on_keys_codec,
        map_module.map_execute_on_all_keys_codec,
        map_module.map_execute_with_predicate_codec,
    )
}


def respond(invocation, decoded_response):
    message_type = invocation.request.get_message_type()
    if message_type in _ENTRY_LIST_RESPONSES:
        decoded_response = entry_list_message(decoded_response)
    elif message_type in _VALUE_RESPONSES:
        decoded_response = value_message(decoded_response)
    invocation.future.set_result(invocation.response_handler(decoded_response))


class FakeContext:
    def __init__(self):
        self.serialization_service = FakeSerializationService()
        self.partition_service = FakePartitionService(self.serialization_service)
        self.internal_partition_service = self.partition_service
        self.invocation_service = FakeInvocationService()
        self.config = types.SimpleNamespace(near_caches={})
        self.caller_id = threading.get_ident
        self.lock_reference_id_generator = itertools.count(1)
        self._map_response_handlers = None
        self.proxy_manager = ProxyManager(self)


class CodecSpy:
    """Records every (codec module name, encode_request arguments)."""

    def __init__(self):
        self.calls = []

    def last(self):
        return self.calls[-1]

    def names(self):
        return [name for name, _ in self.calls]


@pytest.fixture
def spy(monkeypatch):
    spy = CodecSpy()
    for attr in dir(map_module):
        module = getattr(map_module, attr)
        if not (isinstance(module, types.ModuleType) and attr.endswith("_codec")):
            continue
        real_encode = module.encode_request

        def encode(*args, _name=attr, _real=real_encode):
            spy.calls.append((_name, args))
            return _real(*args)

        monkeypatch.setattr(module, "encode_request", encode)
        monkeypatch.setattr(module, "decode_response", lambda message: message, raising=False)
    return spy


@pytest.fixture
def context(spy):
    return FakeContext()


@pytest.fixture
def invocations(context):
    return context.invocation_service.invocations


@pytest.fixture
def m(context):
    # After the spy: Map binds its response decoders when created.
    return Map(MAP_SERVICE, "m", context)


def to_data(obj):
    return FakeSerializationService().to_data(obj)


# -- argument checks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda m: m.put(None, 1), "key can't be None"),
        (lambda m: m.put(1, None), "value can't be None"),
        (lambda m: m.set(None, 1), "key can't be None"),
        (lambda m: m.set(1, None), "value can't be None"),
        (lambda m: m.get(None), "key can't be None"),
        (lambda m: m.remove(None), "key can't be None"),
        (lambda m: m.delete(None), "key can't be None"),
        (lambda m: m.contains_key(None), "key can't be None"),
        (lambda m: m.contains_value(None), "value can't be None"),
        (lambda m: m.put_if_absent(None, 1), "key can't be None"),
        (lambda m: m.put_if_absent(1, None), "value can't be None"),
        (lambda m: m.put_transient(1, None), "value can't be None"),
        (lambda m: m.replace(None, 1), "key can't be None"),
        (lambda m: m.replace(1, None), "value can't be None"),
        (lambda m: m.replace_if_same(None, 1, 2), "key can't be None"),
        (lambda m: m.replace_if_same(1, None, 2), "old_value can't be None"),
        (lambda m: m.replace_if_same(1, 1, None), "new_value can't be None"),
        (lambda m: m.remove_if_same(None, 1), "key can't be None"),
        (lambda m: m.remove_if_same(1, None), "value can't be None"),
        (lambda m: m.set_ttl(None, 1), "key can't be None"),
        (lambda m: m.set_ttl(1, None), "ttl can't be None"),
        (lambda m: m.try_put(1, None), "value can't be None"),
        (lambda m: m.try_remove(None), "key can't be None"),
        (lambda m: m.evict(None), "key can't be None"),
        (lambda m: m.get_entry_view(None), "key can't be None"),
        (lambda m: m.put_all(None), "map can't be None"),
        (lambda m: m.put_all({1: 1, None: 2}), "key can't be None"),
        (lambda m: m.put_all({1: None}), "value can't be None"),
        (lambda m: m.get_all(None), "keys can't be None"),
        (lambda m: m.get_all([1, None]), "key can't be None"),
        (lambda m: m.execute_on_key(None, "processor"), "key can't be None"),
        (lambda m: m.execute_on_keys([1, None], "processor"), "key can't be None"),
    ],
)
def test_none_arguments_raise_assertion_error_and_send_nothing(m, invocations, call, message):
    with pytest.raises(AssertionError) as info:
        call(m)
    assert str(info.value) == message
    assert invocations == []


# -- single-key operations ---------------------------------------------------------


def test_put_sends_one_request_to_the_key_partition_and_returns_old_value(m, spy, invocations):
    future = m.put(300, "new")
    assert isinstance(future, Future)
    assert not future.done()
    name, args = spy.last()
    assert name == "map_put_codec"
    assert args[0] == "m"
    assert args[1] == to_data(300)
    assert args[2] == to_data("new")
    assert args[3] == threading.get_ident()
    assert args[4] == -1  # no ttl: the map config's default
    (invocation,) = invocations
    assert invocation.partition_id == 300 % PARTITION_COUNT
    respond(invocation, to_data("old"))
    assert future.result() == "old"


def test_put_returns_none_when_there_was_no_old_value(m, invocations):
    future = m.put(1, "v")
    respond(invocations[0], None)
    assert future.result() is None


@pytest.mark.parametrize(
    "ttl, expected",
    [(None, -1), (0, 0), (1, 1000), (0.5, 500), (2.0015, 2001), (-1, -1000)],
)
def test_ttl_seconds_are_sent_as_milliseconds(m, spy, ttl, expected):
    m.put(1, "v", ttl=ttl)
    assert spy.last()[1][4] == expected
    m.set(1, "v", ttl=ttl)
    assert spy.last()[1][4] == expected
    m.put_if_absent(1, "v", ttl=ttl)
    assert spy.last()[1][4] == expected
    m.put_transient(1, "v", ttl=ttl)
    assert spy.last()[1][4] == expected


@pytest.mark.parametrize(
    "method, plain, with_max_idle",
    [
        ("put", "map_put_codec", "map_put_with_max_idle_codec"),
        ("set", "map_set_codec", "map_set_with_max_idle_codec"),
        ("put_if_absent", "map_put_if_absent_codec", "map_put_if_absent_with_max_idle_codec"),
        ("put_transient", "map_put_transient_codec", "map_put_transient_with_max_idle_codec"),
    ],
)
def test_max_idle_selects_the_max_idle_codec(m, spy, method, plain, with_max_idle):
    getattr(m, method)(1, "v")
    assert spy.last()[0] == plain
    getattr(m, method)(1, "v", max_idle=3)
    name, args = spy.last()
    assert name == with_max_idle
    assert args[4:] == (-1, 3000)
    getattr(m, method)(1, "v", ttl=2, max_idle=0)
    name, args = spy.last()
    assert name == with_max_idle
    assert args[4:] == (2000, 0)


def test_put_with_max_idle_decodes_the_old_value(m, invocations):
    future = m.put(1, "v", max_idle=1)
    respond(invocations[0], to_data("old"))
    assert future.result() == "old"


def test_set_ttl_sends_milliseconds(m, spy, invocations):
    future = m.set_ttl(5, 1.5)
    name, args = spy.last()
    assert name == "map_set_ttl_codec"
    assert args == ("m", to_data(5), 1500)
    assert invocations[0].partition_id == 5
    respond(invocations[0], True)
    assert future.result() is True


@pytest.mark.parametrize(
    "call, codec, response, expected",
    [
        (lambda m: m.get(7), "map_get_codec", to_data([1, "x"]), [1, "x"]),
        (lambda m: m.get(7), "map_get_codec", None, None),
        (lambda m: m.remove(7), "map_remove_codec", to_data("gone"), "gone"),
        (lambda m: m.delete(7), "map_delete_codec", True, None),
        (lambda m: m.contains_key(7), "map_contains_key_codec", True, True),
        (lambda m: m.put_if_absent(7, 1), "map_put_if_absent_codec", to_data(0), 0),
        (lambda m: m.replace(7, 1), "map_replace_codec", to_data(2.5), 2.5),
        (lambda m: m.replace_if_same(7, 1, 2), "map_replace_if_same_codec", False, False),
        (lambda m: m.remove_if_same(7, 1), "map_remove_if_same_codec", True, True),
        (lambda m: m.set(7, 1), "map_set_codec", None, None),
        (lambda m: m.try_put(7, 1, 2), "map_try_put_codec", True, True),
        (lambda m: m.try_remove(7), "map_try_remove_codec", False, False),
        (lambda m: m.evict(7), "map_evict_codec", True, True),
    ],
)
def test_key_operations_go_to_the_key_partition_and_decode(
    m, spy, invocations, call, codec, response, expected
):
    future = call(m)
    assert spy.last()[0] == codec
    assert spy.last()[1][1] == to_data(7)
    (invocation,) = invocations
    assert invocation.partition_id == 7
    respond(invocation, response)
    assert future.result() == expected


def test_replace_if_same_sends_old_then_new_value(m, spy):
    m.replace_if_same("k", "old", "new")
    assert spy.last()[1][1:4] == (to_data("k"), to_data("old"), to_data("new"))


def test_try_put_and_try_remove_send_timeout_in_milliseconds(m, spy):
    m.try_put(1, "v", timeout=0.25)
    assert spy.last()[1][4] == 250
    m.try_remove(1)
    assert spy.last()[1][3] == 0


def test_get_entry_view_deserializes_key_and_value(m, invocations):
    future = m.get_entry_view(3)
    view = types.SimpleNamespace(key=to_data(3), value=to_data("v"), hits=2)
    respond(invocations[0], {"response": view, "max_idle": 0})
    result = future.result()
    assert (result.key, result.value, result.hits) == (3, "v", 2)


def test_get_entry_view_of_missing_key_is_none(m, invocations):
    future = m.get_entry_view(3)
    respond(invocations[0], {"response": None, "max_idle": 0})
    assert future.result() is None


# -- whole-map operations ----------------------------------------------------------


@pytest.mark.parametrize(
    "call, codec, response, expected",
    [
        (lambda m: m.size(), "map_size_codec", 42, 42),
        (lambda m: m.is_empty(), "map_is_empty_codec", True, True),
        (lambda m: m.contains_value("v"), "map_contains_value_codec", False, False),
        (lambda m: m.clear(), "map_clear_codec", None, None),
        (lambda m: m.evict_all(), "map_evict_all_codec", None, None),
        (lambda m: m.flush(), "map_flush_codec", None, None),
        (lambda m: m.load_all(), "map_load_all_codec", None, None),
        (lambda m: m.load_all([1, 2]), "map_load_given_keys_codec", None, None),
        (
            lambda m: m.key_set(),
            "map_key_set_codec",
            [to_data(1), to_data("two")],
            [1, "two"],
        ),
        (lambda m: m.values(), "map_values_codec", [to_data(None), to_data(b"x")], [None, b"x"]),
        (
            lambda m: m.entry_set(),
            "map_entry_set_codec",
            [(to_data(1), to_data("a")), (to_data(2), to_data("b"))],
            [(1, "a"), (2, "b")],
        ),
    ],
)
def test_map_wide_operations_go_to_any_member(m, spy, invocations, call, codec, response, expected):
    future = call(m)
    assert spy.last()[0] == codec
    assert spy.last()[1][0] == "m"
    (invocation,) = invocations
    assert invocation.partition_id == -1
    assert invocation.uuid is None
    respond(invocation, response)
    assert future.result() == expected


def test_load_all_sends_keys_and_replace_flag(m, spy):
    m.load_all([1, 2], replace_existing_values=False)
    assert spy.last()[1] == ("m", [to_data(1), to_data(2)], False)
    m.load_all(replace_existing_values=False)
    assert spy.last() == ("map_load_all_codec", ("m", False))


def test_contains_value_serializes_the_value(m, spy):
    m.contains_value({"a": 1})
    assert spy.last()[1] == ("m", to_data({"a": 1}))


# -- put_all / get_all grouping -----------------------------------------------------


def test_put_all_sends_one_request_per_partition(m, spy, invocations):
    entries = {key: "v%d" % key for key in range(1000)}
    future = m.put_all(entries)
    put_all_calls = [args for name, args in spy.calls if name == "map_put_all_codec"]
    assert len(put_all_calls) == PARTITION_COUNT
    assert len(invocations) == PARTITION_COUNT
    assert sorted(i.partition_id for i in invocations) == list(range(PARTITION_COUNT))
    sent = {}
    for invocation, (name, entry_list, trigger_map_loader) in zip(invocations, put_all_calls):
        assert name == "m"
        assert trigger_map_loader is False
        for key_data, value_data in entry_list:
            key = pickle.loads(key_data.buffer[8:])
            assert key % PARTITION_COUNT == invocation.partition_id
            sent[key] = pickle.loads(value_data.buffer[8:])
    assert sent == entries
    for invocation in invocations[:-1]:
        respond(invocation, None)
    assert not future.done()  # waits for every partition
    respond(invocations[-1], None)
    assert future.result() is None


def test_put_all_fails_when_one_partition_fails(m, invocations):
    future = m.put_all({1: "a", 2: "b"})
    respond(invocations[0], None)
    invocations[1].future.set_exception(ValueError("boom"))
    with pytest.raises(ValueError, match="boom"):
        future.result()


def test_put_all_of_empty_dict_sends_nothing(m, invocations):
    assert m.put_all({}).result() is None
    assert invocations == []


def test_get_all_groups_keys_per_partition_and_merges_results(m, spy, invocations):
    keys = [1, 272, 543, 2, 5]  # 1, 272 and 543 share partition 1
    future = m.get_all(keys)
    calls = {tuple(pickle.loads(d.buffer[8:]) for d in args[1]) for _, args in spy.calls}
    assert calls == {(1, 272, 543), (2,), (5,)}
    assert sorted(i.partition_id for i in invocations) == [1, 2, 5]
    for invocation in invocations:
        if invocation.partition_id == 1:
            respond(invocation, [(to_data(1), to_data("a")), (to_data(543), to_data("c"))])
        elif invocation.partition_id == 2:
            respond(invocation, [(to_data(2), to_data("b"))])
        else:
            respond(invocation, [])  # key 5 has no entry
    assert future.result() == {1: "a", 543: "c", 2: "b"}


def test_get_all_of_empty_keys_sends_nothing(m, invocations):
    assert m.get_all([]).result() == {}
    assert invocations == []


# -- entry processors ----------------------------------------------------------------


def test_execute_on_key_sends_processor_and_key_to_the_key_partition(m, spy, invocations):
    future = m.execute_on_key(300, "processor")
    name, args = spy.last()
    assert name == "map_execute_on_key_codec"
    assert args[0] == "m"
    assert args[1] == to_data("processor")
    assert args[2] == to_data(300)
    assert args[3] == threading.get_ident()
    (invocation,) = invocations
    assert invocation.partition_id == 300 % PARTITION_COUNT
    respond(invocation, to_data({"result": 1}))
    assert future.result() == {"result": 1}


def test_execute_on_key_returns_none_for_a_null_result(m, invocations):
    future = m.execute_on_key(1, "processor")
    respond(invocations[0], None)
    assert future.result() is None


def test_execute_on_keys_sends_one_request_and_returns_key_result_pairs(m, spy, invocations):
    future = m.execute_on_keys([1, 272, 5], "processor")
    name, args = spy.last()
    assert name == "map_execute_on_keys_codec"
    assert args[0] == "m"
    assert args[1] == to_data("processor")
    assert args[2] == [to_data(1), to_data(272), to_data(5)]
    (invocation,) = invocations
    assert invocation.partition_id == -1  # any member: it fans out to the partitions
    respond(invocation, [(to_data(1), to_data("r1")), (to_data(5), to_data(None))])
    assert future.result() == [(1, "r1"), (5, None)]


def test_execute_on_keys_of_no_keys_sends_nothing(m, invocations):
    assert m.execute_on_keys([], "processor").result() == []
    assert invocations == []


def test_execute_on_entries_without_predicate_runs_on_all_keys(m, spy, invocations):
    future = m.execute_on_entries("processor")
    name, args = spy.last()
    assert name == "map_execute_on_all_keys_codec"
    assert args == ("m", to_data("processor"))
    (invocation,) = invocations
    assert invocation.partition_id == -1
    respond(invocation, [(to_data("a"), to_data(1)), (to_data("b"), to_data(2))])
    assert future.result() == [("a", 1), ("b", 2)]


def test_blocking_entry_processor_methods_return_results(m, context):
    context.invocation_service.auto_respond = lambda invocation: (
        to_data("one") if invocation.partition_id >= 0 else [(to_data(7), to_data("seven"))]
    )
    b = m.blocking()
    assert b.execute_on_key(3, "processor") == "one"
    assert b.execute_on_keys([7], "processor") == [(7, "seven")]
    assert b.execute_on_entries("processor") == [(7, "seven")]


class _FakeSchemaService:
    def __init__(self):
        self.sent = []

    def send_schema_and_retry(self, error, func, *args, **kwargs):
        self.sent.append(error.schema)
        return func(*args, **kwargs)


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.execute_on_key(1, "needs-schema"),
        lambda m: m.execute_on_keys([1], "needs-schema"),
        lambda m: m.execute_on_entries("needs-schema"),
    ],
)
def test_entry_processor_methods_send_a_missing_compact_schema_then_retry(m, context, invocations, call):
    from hazelcast.serialization.compact import SchemaNotReplicatedError

    context.compact_schema_service = _FakeSchemaService()
    real_to_data = m._to_data
    failed = []

    def to_data_needing_schema(obj):
        if obj == "needs-schema" and not failed:
            failed.append(obj)
            raise SchemaNotReplicatedError("the-schema", str)
        return real_to_data(obj)

    m._to_data = to_data_needing_schema
    call(m)
    assert context.compact_schema_service.sent == ["the-schema"]
    assert len(invocations) == 1  # only the retry reached the cluster


# -- not available yet ---------------------------------------------------------------


@pytest.mark.parametrize(
    "call, codec, response, expected",
    [
        (lambda m: m.key_set(_P), "map_key_set_with_predicate_codec", [to_data(1)], [1]),
        (lambda m: m.values(_P), "map_values_with_predicate_codec", [to_data("v")], ["v"]),
        (
            lambda m: m.entry_set(_P),
            "map_entries_with_predicate_codec",
            [(to_data(1), to_data("a"))],
            [(1, "a")],
        ),
        (
            lambda m: m.execute_on_entries("processor", _P),
            "map_execute_with_predicate_codec",
            [(to_data(1), to_data(2))],
            [(1, 2)],
        ),
        (lambda m: m.aggregate("agg"), "map_aggregate_codec", to_data(7), 7),
        (lambda m: m.aggregate("agg", _P), "map_aggregate_with_predicate_codec", to_data(7), 7),
        (lambda m: m.project("proj"), "map_project_codec", [to_data(1), None], [1, None]),
        (lambda m: m.project("proj", _P), "map_project_with_predicate_codec", [to_data(1)], [1]),
        (lambda m: m.remove_all(_P), "map_remove_all_codec", None, None),
        (lambda m: m.add_interceptor("interceptor"), "map_add_interceptor_codec", "id-1", "id-1"),
        (lambda m: m.remove_interceptor("id-1"), "map_remove_interceptor_codec", True, True),
        (lambda m: m.add_index(["a"]), "map_add_index_codec", None, None),
    ],
)
def test_query_operations_send_their_codec_and_decode(m, spy, invocations, call, codec, response, expected):
    future = call(m)
    assert spy.last()[0] == codec
    assert spy.last()[1][0] == "m"
    (invocation,) = invocations
    assert invocation.partition_id == -1
    respond(invocation, response)
    assert future.result() == expected


_P = "a predicate"  # any serializable object: the member evaluates it


def test_add_index_sends_the_normalized_config(m, spy):
    m.add_index(["this.age"], "HASH")
    (name, index) = spy.last()[1]
    assert (index.name, index.type, index.attributes) == ("m_hash_age", 1, ["age"])
    assert index.bitmap_index_options.unique_key == "__key"


@pytest.mark.parametrize(
    "call, codec, iteration_type",
    [
        (lambda m, p: m.key_set(p), "map_key_set_with_paging_predicate_codec", 0),
        (lambda m, p: m.values(p), "map_values_with_paging_predicate_codec", 1),
        (lambda m, p: m.entry_set(p), "map_entries_with_paging_predicate_codec", 2),
    ],
)
def test_paging_sends_the_anchors_and_keeps_the_new_ones(m, spy, invocations, call, codec, iteration_type):
    from hazelcast.predicate import paging
    from hazelcast.protocol import AnchorDataListHolder

    p = paging("inner", 2, "comparator")
    p.anchor_list = [(0, ("k1", 1))]
    p.page = 1
    future = call(m, p)
    name, holder = spy.last()[1]
    assert spy.last()[0] == codec and name == "m"
    assert (holder.page, holder.page_size, holder.iteration_type_id) == (1, 2, iteration_type)
    assert holder.anchor_data_list_holder.anchor_page_list == [0]
    assert holder.anchor_data_list_holder.anchor_data_list == [(to_data("k1"), to_data(1))]
    assert (holder.predicate_data, holder.comparator_data) == (to_data("inner"), to_data("comparator"))
    items = [(to_data("k3"), to_data(3))] if iteration_type == 2 else [to_data(3)]
    new_anchors = AnchorDataListHolder([0, 1], [(to_data("k1"), to_data(1)), (to_data("k3"), to_data(3))])
    respond(invocations[0], {"response": items, "anchor_data_list": new_anchors})
    assert future.result() == ([("k3", 3)] if iteration_type == 2 else [3])
    assert p.anchor_list == [(0, ("k1", 1)), (1, ("k3", 3))]
    assert p.iteration_type == iteration_type


def test_paging_is_refused_for_aggregations_and_projections(m, invocations):
    from hazelcast.predicate import paging

    with pytest.raises(AssertionError):
        m.aggregate("agg", paging(None, 2))
    with pytest.raises(AssertionError):
        m.project("proj", paging(None, 2))
    assert invocations == []


# -- blocking twin -------------------------------------------------------------------


def test_blocking_twin_returns_results(m, context, spy):
    store = {}

    def answer(invocation):
        name, args = spy.last()
        if name == "map_put_codec":
            old = store.get(args[1])
            store[args[1]] = args[2]
            return old
        if name == "map_get_codec":
            return store.get(args[1])
        if name == "map_size_codec":
            return len(store)
        if name == "map_contains_key_codec":
            return args[1] in store
        return None

    context.invocation_service.auto_respond = answer
    b = m.blocking()
    assert isinstance(b, BlockingMap)
    assert isinstance(b, Map)
    assert b.name == "m" and b.service_name == MAP_SERVICE
    assert b.put("k", "v1") is None
    assert b.put("k", "v2") == "v1"
    assert b.get("k") == "v2"
    assert b.get("missing") is None
    assert b.size() == 1
    assert b.contains_key("k") is True
    assert b.set("k2", 1) is None
    assert b.blocking() is b
    assert "BlockingMap" in repr(b) and '"m"' in repr(b)


def test_blocking_twin_raises_the_operation_error(m, context):
    def fail(invocation):
        invocation.future.set_exception(KeyError("member said no"))
        return None

    context.invocation_service.auto_respond = fail
    # respond() runs after the failure and is ignored: a future completes once.
    with pytest.raises(KeyError):
        m.blocking().get(1)
    with pytest.raises(AssertionError):
        m.blocking().get(None)


def test_blocking_twin_covers_every_public_map_method():
    public = {n for n in dir(Map) if not n.startswith("_")}
    overridden = {n for n in vars(BlockingMap) if not n.startswith("_")}
    # name/service_name are slots; everything callable must be delegated.
    callables = {n for n in public if callable(getattr(Map, n))}
    assert "put" in callables and "destroy" in callables
    assert callables - overridden == set()


# -- ProxyManager --------------------------------------------------------------------


def test_manager_returns_the_same_proxy_and_creates_it_once(context):
    context.invocation_service.auto_respond = lambda inv: None
    manager = context.proxy_manager
    first = manager.get_or_create(MAP_SERVICE, "a").result()
    assert isinstance(first, Map)
    assert first.name == "a"
    assert manager.get_or_create(MAP_SERVICE, "a").result() is first
    assert manager.get_or_create(MAP_SERVICE, "b").result() is not first
    # one Client.createProxy request per new (service, name)
    assert len(context.invocation_service.invocations) == 2
    assert set(manager.get_distributed_objects()) == {first, manager.get_or_create(MAP_SERVICE, "b").result()}


def test_manager_without_remote_creation_sends_nothing(context):
    proxy = context.proxy_manager.get_or_create(MAP_SERVICE, "local", create_on_remote=False).result()
    assert isinstance(proxy, Map)
    assert context.invocation_service.invocations == []


def test_manager_is_thread_safe(context):
    context.invocation_service.auto_respond = lambda inv: None
    results = []
    barrier = threading.Barrier(8)

    def worker():
        barrier.wait()
        results.append(context.proxy_manager.get_or_create(MAP_SERVICE, "shared").result())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8
    assert all(r is results[0] for r in results)
    assert len(context.invocation_service.invocations) == 1


def test_manager_does_not_cache_a_proxy_whose_creation_failed(context):
    def fail(invocation):
        invocation.future.set_exception(ConnectionError("offline"))

    context.invocation_service.invoke = fail
    with pytest.raises(ConnectionError):
        context.proxy_manager.get_or_create(MAP_SERVICE, "x").result()
    assert context.proxy_manager.get_distributed_objects() == []


def test_manager_refuses_unknown_service(context):
    with pytest.raises(ValueError, match="hz:impl:nope"):
        context.proxy_manager.get_or_create("hz:impl:nope", "x")
    assert context.invocation_service.invocations == []


def test_destroy_forgets_the_proxy_and_destroys_on_cluster(context):
    context.invocation_service.auto_respond = lambda inv: None
    manager = context.proxy_manager
    proxy = manager.get_or_create(MAP_SERVICE, "d").result()
    assert proxy.destroy() is True
    assert len(context.invocation_service.invocations) == 2  # create + destroy
    assert manager.get_distributed_objects() == []
    assert proxy.blocking().destroy() is False  # already gone here...
    assert len(context.invocation_service.invocations) == 3  # ...but destroyed on the cluster again
    assert manager.get_or_create(MAP_SERVICE, "d").result() is not proxy
