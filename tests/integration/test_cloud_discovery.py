"""Hazelcast Cloud discovery against a local HTTPS discovery endpoint
(HAZELCAST_CLIENT_CLOUD_URL points the client at it): the member list comes
from the endpoint, private addresses are translated to public ones, and a
bad token or an unreachable endpoint is a clear error."""

from __future__ import annotations

import http.server
import json
import socket
import ssl
import threading
import time
import urllib.parse
import uuid

import pytest

import hazelcast
from hazelcast.errors import IllegalStateError, InvalidConfigurationError

from tcp_proxy import StallingProxy
from tls_endpoint import Pki

TOKEN = "good/token+with=odd chars"


class _DiscoveryService:
    """An HTTPS discovery endpoint on 127.0.0.1 answering one member list."""

    def __init__(self, pki: Pki, nodes):
        self.nodes = nodes
        self.requests = []
        service = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                parsed = urllib.parse.urlsplit(self.path)
                token = urllib.parse.parse_qs(parsed.query).get("token", [None])[0]
                service.requests.append((parsed.path, token))
                if parsed.path != "/cluster/discovery":
                    self._answer(404, {"message": "no such path"})
                elif token != TOKEN:
                    self._answer(401, {"message": "Token is invalid"})
                else:
                    self._answer(200, service.nodes)

            def _answer(self, status, body):
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*pki.server)
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.url = "https://localhost:%d" % self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="test-discovery", daemon=True)
        self._thread.start()

    def close(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return Pki(str(tmp_path_factory.mktemp("cloud-pki")))


@pytest.fixture
def public_endpoint(hz_cluster):
    """The member's "public" address: a TCP proxy in front of it."""
    host, port = hz_cluster.addresses[0].rsplit(":", 1)
    proxy = StallingProxy(host, int(port))
    yield proxy
    proxy.close()


@pytest.fixture
def discovery(pki, hz_cluster, public_endpoint, monkeypatch):
    service = _DiscoveryService(
        pki, [{"private-address": hz_cluster.addresses[0], "public-address": public_endpoint.address}]
    )
    monkeypatch.setenv("HAZELCAST_CLIENT_CLOUD_URL", service.url)
    monkeypatch.setenv("SSL_CERT_FILE", pki.ca)  # the system CAs, for this test: our CA
    yield service
    service.close()


def _client(hz_cluster, **options):
    config = {"cluster_name": hz_cluster.cluster_name, "cloud_discovery_token": TOKEN, "cluster_connect_timeout": 5.0}
    config.update(options)
    return hazelcast.HazelcastClient(**config)


@pytest.mark.parametrize(
    "smart, use_public_ip", [(True, False), (False, False), (True, True)], ids=["smart", "unisocket", "use_public_ip"]
)
def test_members_come_from_the_discovery_service_at_their_public_address(
    hz_cluster, discovery, public_endpoint, smart, use_public_ip
):
    # use_public_ip: the member advertises no public address of its own, so the
    # discovery's translation still applies
    client = _client(hz_cluster, smart_routing=smart, use_public_ip=use_public_ip)
    try:
        m = client.get_map("cloud-%s" % uuid.uuid4().hex).blocking()
        m.put("k", "v")
        assert m.get("k") == "v"
        # every connection goes to the public address: through the proxy
        connections = list(client._connection_manager.active_connections.values())
        peers = {"%s:%d" % c._socket.getpeername()[:2] for c in connections}
        assert connections and peers == {public_endpoint.address}
    finally:
        client.shutdown()
    assert discovery.requests and discovery.requests[0] == ("/cluster/discovery", TOKEN)
    assert public_endpoint.accepted >= 1


def test_bad_token_fails_the_start_at_once(hz_cluster, discovery):
    started = time.monotonic()
    with pytest.raises(InvalidConfigurationError, match="HTTP 401.*Token is invalid.*cloud_discovery_token"):
        _client(hz_cluster, cloud_discovery_token="wrong", cluster_connect_timeout=60)
    assert time.monotonic() - started < 15


def test_unreachable_endpoint_is_a_clear_error_within_cluster_connect_timeout(hz_cluster, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens
    monkeypatch.setenv("HAZELCAST_CLIENT_CLOUD_URL", "https://127.0.0.1:%d" % port)
    started = time.monotonic()
    with pytest.raises(IllegalStateError, match="Hazelcast Cloud discovery at https://127.0.0.1:%d/cluster/discovery is unreachable" % port):
        _client(hz_cluster, cluster_connect_timeout=3.0)
    assert time.monotonic() - started < 3.0 + 10


def test_untrusted_discovery_certificate_is_refused(hz_cluster, pki, public_endpoint, monkeypatch):
    service = _DiscoveryService(pki, [])
    try:
        monkeypatch.setenv("HAZELCAST_CLIENT_CLOUD_URL", service.url)
        monkeypatch.setenv("SSL_CERT_FILE", pki.wrong_ca)
        with pytest.raises(IllegalStateError, match="certificate is not trusted"):
            _client(hz_cluster, cluster_connect_timeout=3.0)
    finally:
        service.close()


def test_cluster_members_and_a_token_together_are_refused(hz_cluster):
    with pytest.raises(IllegalStateError, match="Only one discovery method"):
        hazelcast.HazelcastClient(cluster_members=hz_cluster.addresses, cloud_discovery_token=TOKEN)
