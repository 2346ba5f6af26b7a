"""Security against a real member: what another writer to the cluster can
make this client do (safe unpickling by default)."""

from __future__ import annotations

import os
import uuid

import pytest

import hazelcast
from hazelcast.errors import HazelcastSerializationError, OperationTimeoutError


class Shell:
    """A value whose pickle runs a shell command when it is unpickled."""

    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


class Order:
    def __init__(self, number):
        self.number = number

    def __eq__(self, other):
        return isinstance(other, Order) and other.number == self.number


@pytest.fixture
def writer(hz_cluster):
    # anyone who can write to the cluster; writing pickles needs no trust
    c = hazelcast.HazelcastClient(**hz_cluster.client_config())
    yield c
    c.shutdown()


def _client(hz_cluster, **options):
    config = hz_cluster.client_config()
    config.update(options)
    return hazelcast.HazelcastClient(**config)


@pytest.mark.parametrize(
    "options",
    [{}, {"pickle_allowed_classes": [Order, "collections.OrderedDict"]}],
    ids=["default", "allowlist"],
)
def test_malicious_pickle_from_another_writer_runs_nothing(hz_cluster, writer, tmp_path, options):
    marker = tmp_path / "pwned"
    name = "security-%s" % uuid.uuid4().hex
    writer.get_map(name).blocking().put("k", Shell("touch %s" % marker))
    reader = _client(hz_cluster, **options)
    try:
        m = reader.get_map(name).blocking()
        with pytest.raises(HazelcastSerializationError, match="refused to unpickle .*system.*pickle_trust_all"):
            m.get("k")
        with pytest.raises(HazelcastSerializationError, match="refused to unpickle"):
            m.entry_set()
        assert not marker.exists()
        # the client keeps working: plain data and allowed classes still load
        m.put("plain", {"a": [1, 2], "b": {3}})
        assert m.get("plain") == {"a": [1, 2], "b": {3}}
        if options:
            m.put("order", Order(7))
            assert m.get("order") == Order(7)
    finally:
        reader.shutdown()
    assert not marker.exists()


def test_trust_all_is_the_official_behaviour(hz_cluster, writer, tmp_path):
    # what the default protects from: with trust, reading runs the command
    marker = tmp_path / "ran"
    name = "security-%s" % uuid.uuid4().hex
    writer.get_map(name).blocking().put("k", Shell("touch %s" % marker))
    reader = _client(hz_cluster, pickle_trust_all=True)
    try:
        reader.get_map(name).blocking().get("k")
    finally:
        reader.shutdown()
    assert marker.exists()


def test_lone_surrogates_are_refused_and_nothing_is_stored(client):
    m = client.get_map("security-%s" % uuid.uuid4().hex).blocking()
    for key, value in (("report-\udcff.txt", "v"), ("report-\udcfe.txt", "v"), ("k", "bad \ud800 value")):
        with pytest.raises(HazelcastSerializationError, match="lone surrogate .* at position"):
            m.put(key, value)
    assert m.size() == 0
    m.put("report-\udcff.txt".encode("utf-8", "surrogateescape").decode("latin-1"), "v")
    assert m.size() == 1


def test_bad_arguments_get_clear_errors(client):
    m = client.get_map("security-%s" % uuid.uuid4().hex).blocking()
    with pytest.raises(TypeError, match="ttl must be a number of seconds"):
        m.put("k", "v", ttl="5")
    with pytest.raises(TypeError, match="max_idle"):
        m.put("k", "v", max_idle=[1])
    assert m.size() == 0
    with pytest.raises(TypeError, match="name of a distributed object must be a str, got None"):
        client.get_map(None)
    m.put("k", "v", ttl=5)
    assert m.get("k") == "v"


def test_message_larger_than_max_message_size_closes_the_connection_clearly(hz_cluster, writer, caplog):
    name = "security-%s" % uuid.uuid4().hex
    writer.get_map(name).blocking().put("big", "x" * 200_000)
    small = _client(hz_cluster, max_message_size=64 * 1024, invocation_timeout=3)
    try:
        m = small.get_map(name).blocking()
        # the connection is closed before the message is buffered; the get
        # is retried (a new connection) until its timeout, naming the cause
        with caplog.at_level("ERROR", logger="hazelcast"):
            with pytest.raises(OperationTimeoutError) as info:
                m.get("big")
        assert "exceeds the maximum message size 65536 (max_message_size)" in str(info.value)
        assert any("malformed data from the member" in r.getMessage() for r in caplog.records)
        # smaller messages still pass
        m.put("small", "y")
        assert m.get("small") == "y"
    finally:
        small.shutdown()
