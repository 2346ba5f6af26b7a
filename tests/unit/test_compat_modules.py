"""Every public module of the official client, and each public name in it, imports here.

tests/compat/official_api.json lists the official 5.7.0 modules with their public
names (tools/record_official_api.py, "modules"; the official client's private
packages, wire layer and asyncore reactor are left out there). Code written for the
official client must not fail at import time here: each module exists and each name
resolves. A feature this client does not have yet keeps its names; using it raises
NotImplementedError (tests below).
"""

from __future__ import annotations

import importlib
import json
import os

import pytest

RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
with open(RECORD_PATH, encoding="utf-8") as _f:
    MODULES = json.load(_f)["modules"]

# module: {names}: why these public-looking names of the official module are not
# carried over. Only helpers of the official implementation belong here, never a
# name a user calls.
NOT_CARRIED = {
    "hazelcast.serialization.compact": [
        (
            [
                "ArrayOfBooleanOperations", "ArrayOfCompactOperations", "ArrayOfDateOperations",
                "ArrayOfDecimalOperations", "ArrayOfFloat32Operations", "ArrayOfFloat64Operations",
                "ArrayOfInt16Operations", "ArrayOfInt32Operations", "ArrayOfInt64Operations",
                "ArrayOfInt8Operations", "ArrayOfNullableBooleanOperations", "ArrayOfNullableFloat32Operations",
                "ArrayOfNullableFloat64Operations", "ArrayOfNullableInt16Operations",
                "ArrayOfNullableInt32Operations", "ArrayOfNullableInt64Operations", "ArrayOfNullableInt8Operations",
                "ArrayOfStringOperations", "ArrayOfTimeOperations", "ArrayOfTimestampOperations",
                "ArrayOfTimestampWithTimezoneOperations", "BooleanOperations", "CompactOperations",
                "DateOperations", "DecimalOperations", "FIELD_OPERATIONS", "FieldKindOperations",
                "Float32Operations", "Float64Operations", "Int16Operations", "Int32Operations",
                "Int32PositionReader", "Int64Operations", "Int8Operations", "NullableBooleanOperations",
                "NullableFloat32Operations", "NullableFloat64Operations", "NullableInt16Operations",
                "NullableInt32Operations", "NullableInt64Operations", "NullableInt8Operations", "PositionReader",
                "RabinFingerprint", "StringOperations", "T", "TimeOperations", "TimestampOperations",
                "TimestampWithTimezoneOperations", "UInt16PositionReader", "UInt8PositionReader",
            ],
            "the official Compact codec's per-field-kind tables and offset readers; ours is organised "
            "differently (the user API, CompactReader/CompactWriter/CompactSerializer, is in "
            "hazelcast.serialization.api and hazelcast.compact)",
        )
    ],
    "hazelcast.util": [
        (
            [
                "UUIDUtil", "deserialize_entry_list_in_place", "deserialize_list_in_place", "get_portable_version",
                "int_from_bytes", "int_to_bytes", "member_of_larger_same_version_group", "re_raise", "to_list",
                "to_signed", "try_to_get_error_message", "validate_serializer", "validate_type",
            ],
            "helpers the official proxies and serializers call; not documented API",
        )
    ],
    "hazelcast.proxy": [(["to_list"], "the official hazelcast.util helper its proxy manager imports (see hazelcast.util)")],
    "hazelcast.serialization.objects": [
        (["IdentifiedAddress", "ReliableTopicMessage"], "wire objects the client reads internally "
         "(the reliable topic message is read in hazelcast.proxy.reliable_topic)"),
    ],
    "hazelcast.serialization.output": [(["EmptyObjectDataOutput"], "an internal no-op output of the official serializer")],
    "hazelcast.serialization.service": [(["handle_exception"], "an internal helper of the official serialization service")],
    "hazelcast.listener": [(["ClusterViewListenerService"], "an internal service; here the connection core "
                            "registers the cluster view listener")],
    "hazelcast.connection": [(["DefaultAddressProvider"], "an internal address source; here "
                              "hazelcast.connection.parse_addresses reads network.addresses")],
    "hazelcast.core": [(["AddressHelper"], "an internal address parser (see hazelcast.connection.parse_addresses)")],
    "hazelcast.errors": [(["create_error_from_message"], "decodes a protocol message: "
                          "hazelcast.protocol.errors.create_error_from_message here (errors sit below the protocol layer)")],
}


def test_the_record_lists_the_user_facing_modules():
    for name in ("hazelcast", "hazelcast.config", "hazelcast.predicate", "hazelcast.types",
                 "hazelcast.discovery", "hazelcast.vector", "hazelcast.proxy.queue", "hazelcast.asyncio"):
        assert name in MODULES, "re-run tools/record_official_api.py"


@pytest.mark.parametrize("module_name", sorted(MODULES))
def test_official_module_and_its_public_names_import(module_name):
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        pytest.fail("%s is expected but cannot be imported: %s" % (module_name, e))
    skipped = set()
    for names, _reason in NOT_CARRIED.get(module_name, ()):
        skipped |= set(names)
    missing = [n for n in MODULES[module_name] if n not in skipped and not hasattr(module, n)]
    assert missing == [], "%s lacks official names: %s" % (module_name, ", ".join(missing))


def test_not_carried_names_are_recorded_official_names():
    for module_name, entries in NOT_CARRIED.items():
        for names, reason in entries:
            assert reason
            assert set(names) <= set(MODULES[module_name]), module_name


def _assert_plain_not_implemented(excinfo, words):
    message = str(excinfo.value)
    assert words in message and "not implemented" in message
    assert "_" not in message, message  # no internal names


def test_vector_collection_methods_raise_not_implemented():
    from hazelcast.proxy.vector_collection import BlockingVectorCollection, VectorCollection
    from hazelcast.vector import Document, Type, Vector

    core = VectorCollection.__new__(VectorCollection)  # no client can give one yet
    vector = Vector("", Type.DENSE, [0.5, 0.5])
    for call in (lambda: core.get("k"), lambda: core.set("k", Document("v", vector)),
                 lambda: core.search_near_vector(vector, limit=3), core.size, core.clear):
        with pytest.raises(NotImplementedError) as e:
            call()
        _assert_plain_not_implemented(e, "vector collections")
    with pytest.raises(NotImplementedError):
        BlockingVectorCollection(core).put("k", Document("v", [vector]))


def test_asyncio_vector_collection_raises_not_implemented():
    import asyncio

    from hazelcast.asyncio import VectorCollection

    face = VectorCollection.__new__(VectorCollection)
    with pytest.raises(NotImplementedError) as e:
        asyncio.run(face.size())
    _assert_plain_not_implemented(e, "vector collections")


def test_vector_value_types_hold_their_fields():
    from hazelcast.vector import Document, IndexConfig, Metric, Type, Vector, VectorSearchOptions

    vector = Vector("v", Type.DENSE, [1.0])
    document = Document("value", vector)
    assert document.vectors == [vector] and document.vector is vector
    assert Document("value", []).vector is None
    config = IndexConfig("i", Metric.COSINE, 2)
    assert (config.max_degree, config.ef_construction, config.use_deduplication) == (32, 100, True)
    assert VectorSearchOptions(True, False, 5).hints == {}


def test_small_official_helpers_behave_as_there():
    from hazelcast.partition import string_partition_strategy
    from hazelcast.serialization import bits

    assert string_partition_strategy("name@key") == "key"
    assert string_partition_strategy("a@b@c") == "b@c"
    assert string_partition_strategy("plain") == "plain"
    assert string_partition_strategy(None) is None
    assert bits.BE_INT16.pack(-2) == b"\xff\xfe" and bits.LE_UINT16.pack(1) == b"\x01\x00"
    assert bits.UUID_MSB_MASK | bits.UUID_LSB_MASK == (1 << 128) - 1


def test_io_util_round_trips_java_value_types():
    import datetime
    import decimal

    from hazelcast.serialization.util import IOUtil
    from hazelcast.serialization.input import _ObjectDataInput
    from hazelcast.serialization.output import _ObjectDataOutput

    values = [
        ("big_integer", -(2**70) + 3),
        ("big_decimal", decimal.Decimal("-12345.678900")),
        ("time", datetime.time(13, 14, 15, 123456)),
        ("date", datetime.date(2024, 2, 29)),
        ("timestamp", datetime.datetime(2024, 2, 29, 13, 14, 15, 1)),
        ("timestamp_with_timezone",
         datetime.datetime(2024, 2, 29, 13, 14, 15, 1, datetime.timezone(datetime.timedelta(hours=-3)))),
    ]
    out = _ObjectDataOutput(16, None, True)
    for kind, value in values:
        getattr(IOUtil, "write_" + kind)(out, value)
    inp = _ObjectDataInput(out.to_bytes(), 0, None, True)
    assert [getattr(IOUtil, "read_" + kind)(inp) for kind, _ in values] == [v for _, v in values]


def test_clients_refuse_vector_collections_plainly():
    import asyncio

    from hazelcast.asyncio import HazelcastClient as AsyncioClient
    from hazelcast.client import HazelcastClient

    # the methods check nothing on the client before refusing: no member needed
    for call in (lambda: HazelcastClient.get_vector_collection(None, "vc"),
                 lambda: asyncio.run(AsyncioClient.get_vector_collection(None, "vc"))):
        with pytest.raises(NotImplementedError, match="VectorCollection is not implemented in this client yet"):
            call()
