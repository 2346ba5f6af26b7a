"""Entry lists of responses read straight into objects: both twins give what the
codecs' decoders and ``to_object`` give, objects and errors alike."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.protocol.builtin import DataCodec, EntryListCodec
from hazelcast.protocol.client_message import (
    BEGIN_DATA_STRUCTURE_FLAG,
    END_DATA_STRUCTURE_FLAG,
    IS_NULL_FLAG,
    Frame,
    InboundMessage,
)
from hazelcast.protocol.codec import (
    map_execute_on_key_codec,
    map_get_codec,
    map_put_codec,
    map_put_if_absent_codec,
    map_put_if_absent_with_max_idle_codec,
    map_put_with_max_idle_codec,
    map_remove_codec,
    map_replace_codec,
    queue_peek_codec,
    queue_poll_codec,
    queue_take_codec,
    replicated_map_get_codec,
    replicated_map_put_codec,
    replicated_map_remove_codec,
    map_entries_with_predicate_codec,
    map_entry_set_codec,
    map_execute_on_all_keys_codec,
    map_execute_on_keys_codec,
    map_execute_with_predicate_codec,
    map_get_all_codec,
    multi_map_entry_set_codec,
    replicated_map_entry_set_codec,
)
from hazelcast.proxy._collection import entry_list_handler, nullable_object_handler
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1

from hot_paths import IMPLEMENTATION_KINDS, load_implementation

STRING, INTEGER, LONG, BYTE_ARRAY = -11, -7, -8, -12


def _service(big_endian):
    config = Config()
    config.is_big_endian = big_endian
    return SerializationServiceV1(config)


def _data(type_id, payload):
    return struct.pack(">ii", 0, type_id) + payload


def _payloads(big_endian):
    order = ">" if big_endian else "<"
    text = st.text(max_size=6)
    return st.one_of(
        # what members send: strings, ints, longs, other types
        text.map(lambda s: _data(STRING, struct.pack(order + "i", len(s.encode())) + s.encode())),
        st.integers(-(2**31), 2**31 - 1).map(lambda i: _data(INTEGER, struct.pack(order + "i", i))),
        st.integers(-(2**63), 2**63 - 1).map(lambda i: _data(LONG, struct.pack(order + "q", i))),
        st.binary(max_size=6).map(lambda b: _data(BYTE_ARRAY, struct.pack(order + "i", len(b)) + b)),
        # and what they must not: wrong lengths, invalid UTF-8, short or empty Data
        st.tuples(st.sampled_from([STRING, INTEGER, LONG]), st.binary(max_size=14)).map(lambda t: _data(*t)),
        st.binary(max_size=9),
    )


def _entry_list_frames(payloads):
    frames = [Frame(b"\x00" * 13), Frame(b"", BEGIN_DATA_STRUCTURE_FLAG)]
    frames += [Frame(p) for p in payloads]
    frames.append(Frame(b"", END_DATA_STRUCTURE_FLAG))
    return frames


def _outcome(call):
    try:
        return ("ok", call())
    except (HazelcastSerializationError, IndexError) as e:
        return ("error", type(e), str(e))


def _reference(frames, service):
    message = InboundMessage(list(frames))
    message.skip_frame()
    pairs = EntryListCodec.decode(message, DataCodec.decode, DataCodec.decode)
    return [(service.to_object(k), service.to_object(v)) for k, v in pairs]


@pytest.mark.parametrize("big_endian", [True, False])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_both_twins_read_what_the_codec_and_to_object_read(big_endian, data):
    payloads = data.draw(st.lists(_payloads(big_endian), max_size=12))
    truncate = data.draw(st.booleans())
    frames = _entry_list_frames(payloads)
    if truncate:  # a message that ends inside the list
        frames = frames[: data.draw(st.integers(1, len(frames) - 1))]
    service = _service(big_endian)
    outcomes = [
        _outcome(lambda: load_implementation("entry_lists", kind).read_entries(frames, 1, service.to_object, big_endian))
        for kind in IMPLEMENTATION_KINDS
    ]
    # the twins: the same objects, of the same types, or the same error
    assert all(o == outcomes[0] for o in outcomes)
    if outcomes[0][0] == "ok":
        assert all([tuple(map(type, p)) for p in o[1][0]] == [tuple(map(type, p)) for p in outcomes[0][1][0]]
                   for o in outcomes)
    # the codec and to_object: the same entries; where the list is malformed both
    # refuse it (which error comes first may differ: the codec reads all frames
    # before deserializing any)
    expected = _outcome(lambda: _reference(frames, service))
    if expected[0] == "ok":
        assert outcomes[0] == ("ok", (expected[1], len(frames)))
        assert [tuple(map(type, p)) for p in outcomes[0][1][0]] == [tuple(map(type, p)) for p in expected[1]]
    else:
        assert outcomes[0][0] == "error"


@pytest.mark.parametrize(
    "codec",
    [
        map_get_all_codec,
        map_entry_set_codec,
        map_entries_with_predicate_codec,
        map_execute_on_keys_codec,
        map_execute_on_all_keys_codec,
        map_execute_with_predicate_codec,
        multi_map_entry_set_codec,
        replicated_map_entry_set_codec,
    ],
)
def test_every_response_read_this_way_is_an_entry_list_after_the_initial_frame(codec):
    service = _service(True)
    frames = _entry_list_frames([service.to_data("k").to_bytes(), service.to_data(7).to_bytes()] * 2)
    message = InboundMessage(list(frames))
    expected = [(service.to_object(k), service.to_object(v)) for k, v in codec.decode_response(message)]
    assert expected == [("k", 7), ("k", 7)]
    assert entry_list_handler(service.to_object, True)(InboundMessage(list(frames))) == expected


_datas = st.one_of(st.just(b""), st.binary(min_size=8, max_size=40)).map(Data)


@given(
    prefix=st.binary(max_size=10),
    items=st.lists(_datas, max_size=10),
    entries=st.lists(st.tuples(_datas, _datas), max_size=10),
)
def test_both_twins_write_the_frames_data_codec_writes(prefix, items, entries):
    expected_items = bytearray(prefix)
    for item in items:
        DataCodec.encode(expected_items, item)
    expected_entries = bytearray(prefix)
    for key, value in entries:
        DataCodec.encode(expected_entries, key)
        DataCodec.encode(expected_entries, value)
    for kind in IMPLEMENTATION_KINDS:
        twin = load_implementation("entry_lists", kind)
        buf = bytearray(prefix)
        twin.write_items(buf, items)
        assert buf == expected_items
        buf = bytearray(prefix)
        twin.write_entries(buf, iter(entries))  # any iterable, e.g. a dict's items
        assert buf == expected_entries


@pytest.mark.parametrize("bad", [[b"not data"], [(Data(b""),)], [None]])
def test_both_twins_refuse_what_is_not_serialized(bad):
    for kind in IMPLEMENTATION_KINDS:
        twin = load_implementation("entry_lists", kind)
        with pytest.raises((AttributeError, TypeError, ValueError)):
            twin.write_entries(bytearray(), bad)
        if not isinstance(bad[0], tuple):
            with pytest.raises((AttributeError, TypeError)):
                twin.write_items(bytearray(), bad)



@pytest.mark.parametrize("big_endian", [True, False])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_both_twins_read_one_value_as_the_codec_and_to_object_read_it(big_endian, data):
    frames = [Frame(bytes(13))]
    shape = data.draw(st.sampled_from(["value", "null", "missing"]))
    if shape == "value":
        frames.append(Frame(data.draw(_payloads(big_endian))))
    elif shape == "null":
        frames.append(Frame(b"", IS_NULL_FLAG))
    service = _service(big_endian)
    outcomes = [
        _outcome(lambda: load_implementation("entry_lists", kind).read_object(frames, 1, service.to_object, big_endian))
        for kind in IMPLEMENTATION_KINDS
    ]
    assert all(o == outcomes[0] and type(o[-1]) is type(outcomes[0][-1]) for o in outcomes)

    def reference():
        message = InboundMessage(list(frames))
        message.skip_frame()
        return service.to_object(DataCodec.decode_nullable(message))

    expected = _outcome(reference)
    assert outcomes[0] == expected and type(outcomes[0][-1]) is type(expected[-1])


@pytest.mark.parametrize(
    "codec",
    [
        map_get_codec,
        map_put_codec,
        map_put_with_max_idle_codec,
        map_put_if_absent_codec,
        map_put_if_absent_with_max_idle_codec,
        map_remove_codec,
        map_replace_codec,
        map_execute_on_key_codec,
        queue_peek_codec,
        queue_poll_codec,
        queue_take_codec,
        replicated_map_get_codec,
        replicated_map_put_codec,
        replicated_map_remove_codec,
    ],
)
def test_every_response_read_as_one_value_is_a_nullable_value_after_the_initial_frame(codec):
    service = _service(True)
    handler = nullable_object_handler(service.to_object, True)
    for frame, expected in ((Frame(service.to_data("v").to_bytes()), "v"), (Frame(b"", IS_NULL_FLAG), None)):
        frames = [Frame(bytes(13)), frame]
        assert service.to_object(codec.decode_response(InboundMessage(list(frames)))) == expected
        assert handler(InboundMessage(list(frames))) == expected
