"""The pickle fallback (type id -120): the official client's format (a
protocol-0 pickle written as a string) and the pickle_allowed_classes
allowlist."""

from __future__ import annotations

import collections
import pickle

import pytest

from hazelcast.config import Config
from hazelcast.errors import HazelcastSerializationError
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Evil:
    def __reduce__(self):
        return (print, ("pwned",))


def service(allowed="unset"):
    config = Config()
    if allowed != "unset":
        config.pickle_allowed_classes = allowed
    return SerializationServiceV1(config)


def official_bytes(obj) -> bytes:
    # what the official client writes: header, then the protocol-0 pickle as a string
    text = pickle.dumps(obj, 0)
    return b"\x00\x00\x00\x00" + (-120).to_bytes(4, "big", signed=True) + len(text).to_bytes(4, "big") + text


@pytest.mark.parametrize("value", [{"a": 1, "b": [1, 2]}, {1, 2, 3}, (1, "x"), Point(1, 2), frozenset({"k"})])
def test_same_bytes_as_the_official_client_both_ways(value):
    svc = service()
    assert svc.to_data(value).to_bytes() == official_bytes(value)
    assert svc.to_object(Data(official_bytes(value))) == value


def test_values_whose_protocol_0_pickle_is_not_utf8_round_trip():
    # the official client fails on these; they are written as U+0080 + a binary pickle
    value = {"caf\u00e9": b"\xff\x00"}
    svc = service()
    data = svc.to_data(value)
    assert data.get_type() == -120
    assert svc.to_object(data) == value


def test_default_allows_every_class():
    svc = service()
    assert svc.to_object(svc.to_data(Point(3, 4))) == Point(3, 4)


def test_allowlist_refuses_classes_not_listed():
    data = service().to_data(Evil())
    with pytest.raises(HazelcastSerializationError, match="builtins.print"):
        service([]).to_object(data)
    with pytest.raises(HazelcastSerializationError, match="test_pickle.Point"):
        service([]).to_object(service().to_data(Point(1, 2)))


@pytest.mark.parametrize("allowed", [[Point], ["test_pickle.Point"], [Point, collections.OrderedDict]])
def test_allowlisted_classes_and_builtin_values_load(allowed):
    svc = service(allowed)
    assert svc.to_object(svc.to_data(Point(5, 6))) == Point(5, 6)
    builtin_values = {"k": [1, 2.5, None, True], "s": {1, 2}, "f": frozenset(), "t": (1,), "b": bytearray(b"x")}
    assert svc.to_object(svc.to_data(builtin_values)) == builtin_values
    with pytest.raises(HazelcastSerializationError, match="not in pickle_allowed_classes"):
        svc.to_object(svc.to_data(collections.Counter("ab")))


def test_allowlist_config_is_validated():
    config = Config()
    for bad in ("module.Class", [1], ["NoModule"]):
        with pytest.raises((TypeError, ValueError), match="pickle_allowed_classes"):
            config.pickle_allowed_classes = bad
    config.pickle_allowed_classes = ("a.B",)
    assert config.pickle_allowed_classes == ["a.B"]


def test_bytes_are_a_byte_array_not_a_pickle():
    data = service().to_data(b"\x80\xff")
    assert data.get_type() == -12
    assert service().to_object(data) == bytearray(b"\x80\xff")
