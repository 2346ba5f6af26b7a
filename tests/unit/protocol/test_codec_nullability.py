"""What the generated codecs do where the protocol's nullability and versions meet."""

from __future__ import annotations

import struct

import pytest

from hazelcast.protocol.builtin import FixSizedTypesCodec, uuid_fields
from hazelcast.protocol.codec.custom.query_cache_event_data_codec import (
    QueryCacheEventData,
    QueryCacheEventDataCodec,
)
from hazelcast.serialization.data import Data

from protocol_helpers import wrapped


def test_param_newer_than_its_type_absent_from_an_older_member_round_trips():
    # map_name came in 2.7: None when an older member sent the value, and left
    # out again when the value is encoded, as that member did.
    event = QueryCacheEventData(Data(b"\x00" * 8 + b"k"), None, 1, 2, 3, None)
    assert QueryCacheEventDataCodec.decode(wrapped(QueryCacheEventDataCodec.encode, event)) == event


def test_non_nullable_uuid_that_is_null_all_the_same_reads_as_none():
    buf = bytearray(17)
    struct.pack_into("<?QQ", buf, 0, *uuid_fields(None))
    assert FixSizedTypesCodec.decode_non_null_uuid(bytes(buf), 0) is None


def test_generated_holders_are_unhashable_values():
    a = QueryCacheEventData(None, None, 1, 2, 3, "m")
    assert a == QueryCacheEventData(None, None, 1, 2, 3, "m")
    with pytest.raises(TypeError):
        hash(a)
