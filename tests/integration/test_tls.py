"""TLS end to end: the client against a TLS endpoint (stunnel) in front of a
member, with certificates made by the tests. Every misconfiguration ends in
a clear error within cluster_connect_timeout."""

from __future__ import annotations

import re
import time
import uuid

import pytest

from hazelcast.errors import HazelcastError, InvalidConfigurationError
from hazelcast.config import SSLProtocol
from hazelcast.lifecycle import LifecycleState

from client_faces import FACES, start_client
from tls_endpoint import KEY_PASSWORD, Pki, Stunnel

CONNECT_TIMEOUT = 3.0


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return Pki(str(tmp_path_factory.mktemp("pki")))


@pytest.fixture
def endpoint(hz_cluster, pki, tmp_path):
    """Starts stunnel endpoints in front of the shared member; stops them after the test."""
    started = []

    def start(cert=None, **options):
        tunnel = Stunnel(str(tmp_path), hz_cluster.addresses[0], cert or pki.server, **options)
        started.append(tunnel)
        return tunnel

    yield start
    for tunnel in started:
        tunnel.close()


def _config(hz_cluster, tunnel, **options):
    config = {
        "cluster_name": hz_cluster.cluster_name,
        "cluster_members": [tunnel.address],
        # starts that must succeed may retry on a loaded machine; refusals
        # (_refused) are timed against CONNECT_TIMEOUT
        "cluster_connect_timeout": 30.0,
        "ssl_enabled": True,
        # the member list names the member's own (plain) address: a single
        # connection, to the endpoint, is what is tested here
        "smart_routing": False,
    }
    config.update(options)
    return config


def _round_trip(client):
    m = client.get_map("tls-%s" % uuid.uuid4().hex).blocking()
    m.put("k", {"v": 1})
    assert m.get("k") == {"v": 1}


def _refused(hz_cluster, tunnel, *reasons, **options):
    """Starting a client fails within cluster_connect_timeout, naming a reason."""
    options.setdefault("cluster_connect_timeout", CONNECT_TIMEOUT)
    started = time.monotonic()
    with pytest.raises(HazelcastError) as info:
        client = start_client("threaded", **_config(hz_cluster, tunnel, **options))
        client.shutdown()
    elapsed = time.monotonic() - started
    assert elapsed < CONNECT_TIMEOUT + 10, elapsed
    text = _chain(info.value)
    assert any(reason.lower() in text.lower() for reason in reasons), text
    if __import__("os").environ.get("TLS_TEST_PRINT"):
        print("\nREFUSED", text)
    return text


def _chain(error):
    parts = []
    while error is not None and len(parts) < 10:
        parts.append("%s: %s" % (type(error).__name__, error))
        error = getattr(error, "cause", None) or error.__cause__ or error.__context__
    return " <- ".join(parts)


@pytest.mark.parametrize("face", FACES)
def test_server_authentication_with_ssl_cafile(hz_cluster, pki, endpoint, face):
    tunnel = endpoint()
    client = start_client(face, **_config(hz_cluster, tunnel, ssl_cafile=pki.ca))
    try:
        _round_trip(client)
    finally:
        client.shutdown()


@pytest.mark.parametrize(
    "password", [KEY_PASSWORD, KEY_PASSWORD.encode(), lambda: KEY_PASSWORD], ids=["str", "bytes", "callable"]
)
def test_mutual_tls_with_an_encrypted_key(hz_cluster, pki, endpoint, password):
    tunnel = endpoint(client_ca=pki.ca)
    certfile, keyfile = pki.client_encrypted
    client = start_client(
        "threaded",
        **_config(hz_cluster, tunnel, ssl_cafile=pki.ca, ssl_certfile=certfile, ssl_keyfile=keyfile, ssl_password=password),
    )
    try:
        _round_trip(client)
    finally:
        client.shutdown()


def test_mutual_tls_with_a_plain_key_on_the_asyncio_face(hz_cluster, pki, endpoint):
    tunnel = endpoint(client_ca=pki.ca)
    certfile, keyfile = pki.client
    client = start_client("asyncio", **_config(hz_cluster, tunnel, ssl_cafile=pki.ca, ssl_certfile=certfile, ssl_keyfile=keyfile))
    try:
        _round_trip(client)
    finally:
        client.shutdown()


@pytest.mark.parametrize(
    "options, named",
    [
        ({"ssl_password": "wrong"}, "wrong ssl_password"),
        ({"ssl_password": lambda: "wrong"}, "wrong ssl_password"),
        ({"ssl_keyfile": "/nonexistent/key.pem"}, "could not load the client certificate"),
        ({"ssl_cafile": "/nonexistent/ca.pem"}, "could not load ssl_cafile='/nonexistent/ca.pem'"),
        ({"ssl_ciphers": "NO-SUCH-CIPHER"}, "no cipher matches ssl_ciphers='NO-SUCH-CIPHER'"),
        ({"ssl_protocol": "SSLv2"}, "ssl_protocol=SSLv2 is not supported"),
    ],
    ids=["password", "password-callable", "keyfile", "cafile", "ciphers", "sslv2"],
)
def test_bad_tls_settings_fail_the_start_at_once(hz_cluster, pki, endpoint, options, named):
    tunnel = endpoint(client_ca=pki.ca)
    certfile, keyfile = pki.client_encrypted
    settings = {"ssl_cafile": pki.ca, "ssl_certfile": certfile, "ssl_keyfile": keyfile, "ssl_password": KEY_PASSWORD}
    settings.update(options)
    started = time.monotonic()
    with pytest.raises(InvalidConfigurationError, match=re.escape(named)):
        start_client("threaded", **_config(hz_cluster, tunnel, cluster_connect_timeout=60, **settings))
    assert time.monotonic() - started < 10  # not retried: retrying cannot help


def test_client_certificate_the_endpoint_does_not_trust_is_refused(hz_cluster, pki, endpoint):
    tunnel = endpoint(client_ca=pki.ca)
    certfile, keyfile = pki.untrusted_client
    _refused(
        hz_cluster, tunnel, "unknown ca", "alert", "certificate", "connection reset", "EOF",
        ssl_cafile=pki.ca, ssl_certfile=certfile, ssl_keyfile=keyfile,
    )


def test_missing_client_certificate_is_refused_when_the_endpoint_requires_one(hz_cluster, pki, endpoint):
    tunnel = endpoint(client_ca=pki.ca)
    _refused(hz_cluster, tunnel, "certificate required", "alert", "connection reset", "EOF", ssl_cafile=pki.ca)


def test_wrong_ca_is_refused(hz_cluster, pki, endpoint):
    tunnel = endpoint()
    _refused(hz_cluster, tunnel, "certificate verify failed", ssl_cafile=pki.wrong_ca)


def test_expired_certificate_is_refused(hz_cluster, pki, endpoint):
    tunnel = endpoint(cert=pki.expired)
    _refused(hz_cluster, tunnel, "certificate has expired", ssl_cafile=pki.ca)


def test_hostname_checking(hz_cluster, pki, endpoint):
    tunnel = endpoint(cert=pki.other_host)
    _refused(hz_cluster, tunnel, "mismatch", "doesn't match", ssl_cafile=pki.ca, ssl_check_hostname=True)
    # the certificate is from the trusted CA: without the check, it is accepted
    client = start_client("threaded", **_config(hz_cluster, tunnel, ssl_cafile=pki.ca, ssl_check_hostname=False))
    try:
        _round_trip(client)
    finally:
        client.shutdown()
    # the right name passes the check
    good = endpoint()
    client = start_client("threaded", **_config(hz_cluster, good, ssl_cafile=pki.ca, ssl_check_hostname=True))
    try:
        _round_trip(client)
    finally:
        client.shutdown()


def test_ssl_protocol_is_applied(hz_cluster, pki, endpoint):
    tls12 = endpoint(min_version="TLSv1.2", max_version="TLSv1.2")
    tls13 = endpoint(min_version="TLSv1.3", max_version="TLSv1.3")
    reasons = ("protocol version", "unsupported protocol", "alert", "wrong version", "no protocols available")
    _refused(hz_cluster, tls12, *reasons, ssl_cafile=pki.ca, ssl_protocol=SSLProtocol.TLSv1_3)
    _refused(hz_cluster, tls13, *reasons, ssl_cafile=pki.ca, ssl_protocol="TLSv1_2")
    for tunnel, protocol in ((tls12, SSLProtocol.TLSv1_2), (tls13, SSLProtocol.TLSv1_3)):
        client = start_client("threaded", **_config(hz_cluster, tunnel, ssl_cafile=pki.ca, ssl_protocol=protocol))
        try:
            _round_trip(client)
        finally:
            client.shutdown()


def test_ssl_ciphers_are_applied(hz_cluster, pki, endpoint):
    tunnel = endpoint(max_version="TLSv1.2", ciphers="ECDHE-ECDSA-AES128-GCM-SHA256")
    _refused(
        hz_cluster, tunnel, "handshake failure", "no shared cipher", "alert",
        ssl_cafile=pki.ca, ssl_ciphers="ECDHE-ECDSA-AES256-GCM-SHA384",
    )
    client = start_client(
        "threaded", **_config(hz_cluster, tunnel, ssl_cafile=pki.ca, ssl_ciphers="ECDHE-ECDSA-AES128-GCM-SHA256")
    )
    try:
        _round_trip(client)
    finally:
        client.shutdown()


def test_map_works_and_reconnects_through_the_endpoint(hz_cluster, pki, endpoint):
    tunnel = endpoint()
    states = []
    client = start_client(
        "threaded",
        **_config(
            hz_cluster, tunnel, ssl_cafile=pki.ca, cluster_connect_timeout=60,
            retry_initial_backoff=0.2, retry_max_backoff=1.0, lifecycle_listeners=[states.append],
        ),
    )
    try:
        m = client.get_map("tls-%s" % uuid.uuid4().hex).blocking()
        m.put("before", 1)
        port = tunnel.port
        tunnel.close()  # the endpoint goes away: the connection drops
        _wait_for(lambda: LifecycleState.DISCONNECTED in states)
        endpoint(port=port)  # back on the same address
        _wait_for(lambda: states.count(LifecycleState.CONNECTED) >= 2)
        m.put("after", 2)
        assert m.get("before") == 1 and m.get("after") == 2
    finally:
        client.shutdown()


def _wait_for(condition, timeout=45.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
