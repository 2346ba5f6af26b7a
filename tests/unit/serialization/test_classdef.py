"""Portable class definitions built field by field."""

from __future__ import annotations

import pytest

from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.portable.classdef import ClassDefinitionBuilder, FieldType


def test_builder_keeps_order_types_and_nested_ids():
    inner = ClassDefinitionBuilder(1, 2).add_int_field("i").add_float_field("f").build()
    cd = (
        ClassDefinitionBuilder(1, 1, 3)
        .add_portable_field("p", inner)
        .add_string_field("s")
        .add_timestamp_with_timezone_array_field("odts")
        .build()
    )
    assert cd.get_field_names() == ["p", "s", "odts"]
    assert cd.get_field(2).field_name == "odts"
    assert cd.get_field_type("odts") == FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY
    p = cd.get_field("p")
    assert (p.field_type, p.factory_id, p.class_id, p.version) == (FieldType.PORTABLE, 1, 2, 3)
    assert cd.get_field_class_id("p") == 2
    assert cd.has_field("s") and not cd.has_field("x") and cd.get_field("x") is None
    assert cd == ClassDefinitionBuilder(1, 1, 3).add_portable_field("p", inner).add_string_field("s").add_timestamp_with_timezone_array_field("odts").build()
    with pytest.raises(IndexError):
        cd.get_field(3)


def test_builder_refuses_duplicates_and_changes_after_build():
    builder = ClassDefinitionBuilder(1, 1).add_int_field("a")
    with pytest.raises(HazelcastSerializationError, match="'a'"):
        builder.add_long_field("a")
    builder.build()
    with pytest.raises(HazelcastSerializationError):
        builder.add_long_field("b")
