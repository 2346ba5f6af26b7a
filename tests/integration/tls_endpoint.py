"""A TLS endpoint in front of a member (Community members have no TLS): stunnel
from Debian on 127.0.0.1, with certificates the tests make.

``Pki`` writes a CA, a second (wrong) CA, server certificates (good, for
another host name, expired) and client certificates (trusted, from the wrong
CA, with an encrypted key) into a directory. ``Stunnel`` runs one stunnel
process accepting TLS on a free loopback port and forwarding plain TCP to
the member; ``close()`` ends that process (by its own pid) and nothing else.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import socket
import subprocess
import time
from typing import List, Optional

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

STUNNEL = shutil.which("stunnel") or shutil.which("stunnel4")
KEY_PASSWORD = "s3cret-key-password"


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


class _Issuer:
    def __init__(self, common_name: str):
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        self.name = _name(common_name)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(self.name)
            .issuer_name(self.name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=False, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                    encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )

    def issue(self, common_name: str, hosts: List[str], client: bool, expired: bool = False):
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        if expired:
            start, end = now - datetime.timedelta(days=30), now - datetime.timedelta(days=1)
        else:
            start, end = now - datetime.timedelta(days=1), now + datetime.timedelta(days=30)
        names: List[x509.GeneralName] = []
        for host in hosts:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                names.append(x509.DNSName(host))
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name))
            .issuer_name(self.name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH if client else ExtendedKeyUsageOID.SERVER_AUTH]),
                critical=False,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False
            )
        )
        if names:
            builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
        return key, builder.sign(self.key, hashes.SHA256())


def _write_cert(path: str, cert) -> str:
    with open(path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return path


def _write_key(path: str, key, password: Optional[str] = None) -> str:
    encryption = (
        serialization.BestAvailableEncryption(password.encode()) if password else serialization.NoEncryption()
    )
    with open(path, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption))
    return path


class Pki:
    """Every certificate and key the TLS tests use, as files in ``directory``."""

    def __init__(self, directory: str):
        self.directory = directory
        ca = _Issuer("hazelcast-test-ca")
        wrong_ca = _Issuer("some-other-ca")
        self.ca = _write_cert(self._path("ca.pem"), ca.cert)
        self.wrong_ca = _write_cert(self._path("wrong-ca.pem"), wrong_ca.cert)

        def pair(name, issuer, common_name, hosts, client, expired=False, password=None):
            key, cert = issuer.issue(common_name, hosts, client, expired)
            return _write_cert(self._path(name + ".pem"), cert), _write_key(self._path(name + ".key"), key, password)

        self.server = pair("server", ca, "localhost", ["localhost", "127.0.0.1"], client=False)
        self.other_host = pair("other-host", ca, "member.example.com", ["member.example.com"], client=False)
        self.expired = pair("expired", ca, "localhost", ["localhost", "127.0.0.1"], client=False, expired=True)
        self.client = pair("client", ca, "python-client", [], client=True)
        self.client_encrypted = pair("client-encrypted", ca, "python-client", [], client=True, password=KEY_PASSWORD)
        self.untrusted_client = pair("untrusted-client", wrong_ca, "python-client", [], client=True)

    def _path(self, name: str) -> str:
        return os.path.join(self.directory, name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stunnel:
    """A stunnel process: TLS on 127.0.0.1:``port``, plain TCP to ``target``.

    Args:
        target: ``host:port`` of the member.
        cert: ``(certificate file, key file)`` of the endpoint.
        client_ca: When given, client certificates are required and must be
            signed by this CA (mutual TLS).
        min_version / max_version: e.g. ``"TLSv1.2"``, ``"TLSv1.3"``.
        ciphers: OpenSSL cipher list for TLS 1.2 and below.
    """

    def __init__(
        self,
        directory: str,
        target: str,
        cert,
        client_ca: Optional[str] = None,
        min_version: Optional[str] = None,
        max_version: Optional[str] = None,
        ciphers: Optional[str] = None,
        port: Optional[int] = None,
    ):
        if STUNNEL is None:
            raise RuntimeError("stunnel is not installed (tools/setup.sh installs the stunnel4 package)")
        self.port = port or _free_port()
        self.address = "127.0.0.1:%d" % self.port
        tag = "stunnel-%d" % self.port
        self.log_path = os.path.join(directory, tag + ".log")
        lines = [
            "foreground = yes",
            "pid =",
            "debug = 5",
            "output = %s" % self.log_path,
            "[member]",
            "client = no",
            "accept = 127.0.0.1:%d" % self.port,
            "connect = %s" % target,
            "cert = %s" % cert[0],
            "key = %s" % cert[1],
        ]
        if client_ca is not None:
            lines += ["CAfile = %s" % client_ca, "verifyChain = yes", "requireCert = yes"]
        if min_version is not None:
            lines.append("sslVersionMin = %s" % min_version)
        if max_version is not None:
            lines.append("sslVersionMax = %s" % max_version)
        if ciphers is not None:
            lines.append("ciphers = %s" % ciphers)
        self.config_path = os.path.join(directory, tag + ".conf")
        with open(self.config_path, "w") as f:
            f.write("\n".join(lines) + "\n")
        self._process = subprocess.Popen(
            [STUNNEL, self.config_path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_listening()

    def _wait_listening(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("stunnel exited at start:\n%s" % self.log())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.close()
        raise RuntimeError("stunnel did not listen within %s s:\n%s" % (timeout, self.log()))

    def log(self) -> str:
        try:
            with open(self.log_path) as f:
                return f.read()[-4000:]
        except OSError:
            return "(no log)"

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(10)

    def __enter__(self) -> "Stunnel":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
