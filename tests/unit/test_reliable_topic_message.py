"""The reliable topic's message bytes, as the member's ReliableTopicMessage
(IdentifiedDataSerializable, factory -9, class 2) writes and reads them."""

from __future__ import annotations

import types

import pytest

from hazelcast.config import Config
from hazelcast.core import Address
from hazelcast.proxy.reliable_topic import _MessageCodec
from hazelcast.serialization.api import IdentifiedDataSerializable
from hazelcast.serialization.data import Data
from hazelcast.serialization.service import SerializationServiceV1


class _Address(IdentifiedDataSerializable):
    # The member's Address (factory 0, class 1): port, type, host.
    def __init__(self, host, port):
        self.host, self.port = host, port

    def write_data(self, out):
        out.write_int(self.port)
        out.write_byte(0)
        out.write_string(self.host)

    def read_data(self, inp):
        raise NotImplementedError

    def get_factory_id(self):
        return 0

    def get_class_id(self):
        return 1


class _Message(IdentifiedDataSerializable):
    """Writes a ReliableTopicMessage as the member's Java class does."""

    def __init__(self, millis, address, payload):
        self.millis, self.address, self.payload = millis, address, payload

    def write_data(self, out):
        out.write_long(self.millis)
        out.write_object(self.address)
        out.write_byte_array(self.payload.buffer)

    def read_data(self, inp):
        raise NotImplementedError

    def get_factory_id(self):
        return -9

    def get_class_id(self):
        return 2


@pytest.fixture(params=[True, False], ids=["big-endian", "little-endian"])
def setup(request):
    config = Config()
    config.is_big_endian = request.param
    service = SerializationServiceV1(config)
    context = types.SimpleNamespace(serialization_service=service, config=config)
    return service, _MessageCodec(context)


def test_written_as_the_member_writes_it(setup):
    service, codec = setup
    payload = service.to_data({"order": 1})
    ours = codec.encode(payload, 1700000000.123)
    assert ours == service.to_data(_Message(1700000000123, None, payload))


def test_reads_a_message_a_member_published(setup):
    service, codec = setup
    data = service.to_data(_Message(1700000000500, _Address("10.0.0.7", 5702), service.to_data("hi")))
    publish_time, address, message = codec.decode(Data(bytes(data.buffer)))
    assert publish_time == 1700000000.5
    assert address == Address("10.0.0.7", 5702)
    assert message == "hi"


def test_round_trip_of_a_client_message(setup):
    service, codec = setup
    publish_time, address, message = codec.decode(codec.encode(service.to_data([1, "two"]), 12.5))
    assert (publish_time, address, message) == (12.5, None, [1, "two"])


def test_refuses_other_objects(setup):
    service, codec = setup
    with pytest.raises(ValueError):
        codec.decode(service.to_data("not a message"))
