"""Cloud discovery's answer parsing, and a broken or hostile discovery
endpoint (plain HTTP on loopback: the TLS side is in the integration tests)."""

from __future__ import annotations

import http.server
import threading

import pytest

from hazelcast.core import Address
from hazelcast.discovery import HazelcastCloudAddressProvider, HazelcastCloudDiscovery, _parse_address
from hazelcast.errors import HazelcastError, InvalidConfigurationError


@pytest.mark.parametrize(
    "text, default, expected",
    [
        ("10.0.0.1:5702", None, Address("10.0.0.1", 5702)),
        ("10.0.0.1", 31000, Address("10.0.0.1", 31000)),
        ("member.example.com", None, Address("member.example.com", 5701)),
        ("[::1]:5703", None, Address("::1", 5703)),
        ("::1", 5704, Address("::1", 5704)),
    ],
)
def test_addresses(text, default, expected):
    assert _parse_address(text, default) == expected


@pytest.mark.parametrize("text", ["", "host:0", "host:70000", "host:x", None, 5])
def test_bad_addresses(text):
    with pytest.raises((ValueError, TypeError)):
        _parse_address(text, None)


class _Endpoint:
    def __init__(self, status, body):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


@pytest.fixture
def endpoint(monkeypatch):
    made = []

    def make(status, body):
        e = _Endpoint(status, body)
        made.append(e)
        monkeypatch.setenv("HAZELCAST_CLIENT_CLOUD_URL", e.url)
        return e

    yield make
    for e in made:
        e.close()


def test_member_list_with_private_addresses_translated(endpoint):
    endpoint(
        200,
        b'[{"private-address":"10.0.0.1:5701","public-address":"1.2.3.4:31001"},'
        b'{"private-address":"10.0.0.2","public-address":"1.2.3.5:31002"}]',
    )
    provider = HazelcastCloudAddressProvider("t", 5.0)
    primary, secondary = provider.load_addresses()
    assert set(primary) == {Address("10.0.0.1", 5701), Address("10.0.0.2", 31002)} and secondary == []
    assert provider.translate(Address("10.0.0.2", 31002)) == Address("1.2.3.5", 31002)
    assert provider.translate(None) is None


@pytest.mark.parametrize(
    "status, body, error, named",
    [
        (401, b'{"message":"Token is invalid"}', InvalidConfigurationError, "HTTP 401"),
        (503, b"busy", HazelcastError, "HTTP 503"),
        (200, b"not json", HazelcastError, "something else than a member list"),
        (200, b'{"private-address": 1}', HazelcastError, "something else than a member list"),
        (200, b'[{"public-address": "1.2.3.4:1"}]', HazelcastError, "private-address"),
        (200, b"[" + b" " * (2 << 20) + b"]", HazelcastError, "more than 1048576 bytes"),
    ],
    ids=["bad-token", "unavailable", "garbage", "not-a-list", "missing-field", "huge"],
)
def test_broken_answers_are_clear_errors(endpoint, status, body, error, named):
    endpoint(status, body)
    with pytest.raises(error, match=named):
        HazelcastCloudDiscovery("t", 5.0).discover_nodes()
    # the official provider API logs and gives no addresses
    assert HazelcastCloudAddressProvider("t", 5.0).load_addresses() == ([], [])


def test_bad_base_url_is_a_configuration_error(monkeypatch):
    monkeypatch.setenv("HAZELCAST_CLIENT_CLOUD_URL", "ftp://example.com")
    with pytest.raises(InvalidConfigurationError, match="HAZELCAST_CLIENT_CLOUD_URL"):
        HazelcastCloudDiscovery("t", 5.0)
