"""Discovery of the members of a Hazelcast Cloud (Viridian) cluster.

With ``cloud_discovery_token`` set, the client asks the cloud's discovery
service (an HTTPS ``GET <base URL>/cluster/discovery?token=<token>``) for the
cluster's members: a JSON list of ``{"private-address": ...,
"public-address": ...}`` objects. Members know each other by their private
addresses; the client connects to the public address of each.

The base URL is ``https://api.cloud.hazelcast.com`` unless the
``HAZELCAST_CLIENT_CLOUD_URL`` environment variable gives another one (the
counterpart of the Java client's ``hazelcast.client.cloud.url`` property,
e.g. for a test or a private deployment of the service).

The request is blocking; the client core never makes it on its event
thread (see :class:`_CloudAddresses`).
"""

from __future__ import annotations

import json
import logging
import os
import ssl
import threading
import typing
import urllib.parse
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from typing import Dict, List, Optional, Tuple

from hazelcast.core import Address
from hazelcast.errors import HazelcastCertificationError, HazelcastError, InvalidConfigurationError

_logger = logging.getLogger(__name__)

CLOUD_URL_ENVIRONMENT_VARIABLE = "HAZELCAST_CLIENT_CLOUD_URL"
"""Environment variable overriding the discovery service's base URL."""

# A member list is a few KB; a larger answer is not a discovery response.
_MAX_RESPONSE_SIZE = 1 << 20


class HazelcastCloudAddressProvider:
    """Gives the addresses of a Hazelcast Cloud cluster's members and
    translates their private addresses to public ones.

    Args:
        token: The cluster's discovery token.
        connection_timeout: Timeout of the discovery request, in seconds.
    """

    def __init__(self, token: str, connection_timeout: float):
        self.cloud_discovery = HazelcastCloudDiscovery(token, connection_timeout)
        self._private_to_public: Dict[Address, Address] = {}

    def load_addresses(self) -> Tuple[List[Address], List[Address]]:
        """Asks the discovery service for the members.

        Returns:
            The members' private addresses (to try first), and an empty list
            (nothing to try second); both empty if the request failed (the
            failure is logged).
        """
        try:
            nodes = self.cloud_discovery.discover_nodes()
        except Exception as e:
            _logger.warning("Failed to load addresses from Hazelcast Cloud: %s", e)
            return [], []
        self._private_to_public = nodes
        return list(nodes.keys()), []

    def translate(self, address: Optional[Address]) -> Optional[Address]:
        """Returns the public address of a member's private one, asking the
        discovery service again if it is not known.

        Args:
            address: The private address.

        Returns:
            The public address, or None if the service does not know it.
        """
        if address is None:
            return None
        public = self._private_to_public.get(address)
        if public is not None:
            return public
        self.refresh()
        return self._private_to_public.get(address)

    def refresh(self) -> None:
        """Reloads the private to public address table (a failure is logged)."""
        try:
            self._private_to_public = self.cloud_discovery.discover_nodes()
        except Exception as e:
            _logger.warning("Failed to load addresses from Hazelcast Cloud: %s", e)


class HazelcastCloudDiscovery:
    """Asks the Hazelcast Cloud discovery service for a cluster's members.

    Args:
        token: The cluster's discovery token.
        connection_timeout: Timeout of the request, in seconds.
    """

    _CLOUD_URL_BASE = "api.cloud.hazelcast.com"
    _CLOUD_URL_PATH = "/cluster/discovery?token="
    _PRIVATE_ADDRESS_PROPERTY = "private-address"
    _PUBLIC_ADDRESS_PROPERTY = "public-address"

    def __init__(self, token: str, connection_timeout: float):
        self._token = token
        self._connection_timeout = connection_timeout
        base = os.environ.get(CLOUD_URL_ENVIRONMENT_VARIABLE) or "https://" + self._CLOUD_URL_BASE
        parsed = urllib.parse.urlsplit(base if "://" in base else "https://" + base)
        if parsed.scheme not in ("https", "http") or not parsed.hostname:
            raise InvalidConfigurationError(
                "invalid Hazelcast Cloud URL %r (from %s): expected https://host[:port]"
                % (base, CLOUD_URL_ENVIRONMENT_VARIABLE)
            )
        self._scheme = parsed.scheme
        self._netloc = parsed.netloc
        self._url = parsed.path.rstrip("/") + self._CLOUD_URL_PATH + urllib.parse.quote(token, safe="")
        # verifies the service's certificate and host name (system CAs)
        self._ctx = ssl.create_default_context()

    @property
    def url(self) -> str:
        """The discovery URL, without the token."""
        return "%s://%s%s" % (self._scheme, self._netloc, self._url.split("?", 1)[0])

    def discover_nodes(self) -> Dict[Address, Address]:
        """Asks the service for the members.

        Returns:
            The members' private addresses mapped to their public ones.

        Raises:
            HazelcastCertificationError: If the service's certificate is not
                trusted.
            InvalidConfigurationError: If the service refused the token.
            HazelcastError: If the service cannot be reached or its answer
                is not a member list.
        """
        timeout = self._connection_timeout or None
        if self._scheme == "https":
            connection: HTTPConnection = HTTPSConnection(self._netloc, timeout=timeout, context=self._ctx)
        else:
            connection = HTTPConnection(self._netloc, timeout=timeout)
        try:
            try:
                connection.request("GET", self._url, headers={"Accept-Charset": "UTF-8"})
                response = connection.getresponse()
                body = response.read(_MAX_RESPONSE_SIZE + 1)
            except ssl.SSLCertVerificationError as e:
                raise HazelcastCertificationError(
                    "Hazelcast Cloud discovery at %s: the service's certificate is not trusted: %s" % (self.url, e)
                ) from None
            except (OSError, HTTPException) as e:
                raise HazelcastError(
                    "Hazelcast Cloud discovery at %s is unreachable: %s: %s" % (self.url, type(e).__name__, e)
                ) from None
        finally:
            connection.close()
        text = body[:_MAX_RESPONSE_SIZE].decode("utf-8", "replace")
        if response.status != 200:
            message = "Hazelcast Cloud discovery at %s answered HTTP %d: %s" % (
                self.url,
                response.status,
                text[:500],
            )
            if 400 <= response.status < 500 and response.status not in (408, 429):
                raise InvalidConfigurationError(message + " (check cloud_discovery_token)")
            raise HazelcastError(message)
        if len(body) > _MAX_RESPONSE_SIZE:
            raise HazelcastError(
                "Hazelcast Cloud discovery at %s answered more than %d bytes" % (self.url, _MAX_RESPONSE_SIZE)
            )
        return self._parse(text)

    def _parse(self, text: str) -> Dict[Address, Address]:
        try:
            nodes = json.loads(text)
            result: Dict[Address, Address] = {}
            for node in nodes:
                public = _parse_address(node[self._PUBLIC_ADDRESS_PROPERTY], None)
                # without a port, the private address uses the public one's
                private = _parse_address(node[self._PRIVATE_ADDRESS_PROPERTY], public.port)
                result[private] = public
            return result
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            raise HazelcastError(
                "Hazelcast Cloud discovery at %s answered something else than a member list: %s: %s (%r)"
                % (self.url, type(e).__name__, e, text[:200])
            ) from None


def _parse_address(text: typing.Any, default_port: Optional[int]) -> Address:
    if not isinstance(text, str) or not text:
        raise ValueError("invalid address %r" % (text,))
    text = text.strip()
    if text.startswith("["):  # [IPv6]:port
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    else:  # a host name, an IPv4 address or a bare IPv6 address
        host, port_text = text, ""
    if port_text:
        port = int(port_text)
    elif default_port is not None:
        port = default_port
    else:
        port = 5701
    if not 0 < port < 65536:
        raise ValueError("invalid port in address %r" % text)
    return Address(host, port)


class _CloudAddresses:
    """What the connection manager needs of cloud discovery without ever
    blocking its event thread: the request runs on a short-lived thread,
    and its outcome is handed back through ``transport.call_soon``.

    Args:
        discovery: The discovery service client.
    """

    def __init__(self, discovery: HazelcastCloudDiscovery):
        self.discovery = discovery
        self._private_to_public: Dict[Address, Address] = {}
        self._threads: List[threading.Thread] = []
        self._lock = threading.Lock()

    def private_addresses(self) -> List[Address]:
        """The members' private addresses the last discovery gave."""
        return list(self._private_to_public)

    def translate(self, address: Address) -> Address:
        """The public address of a private one (the address itself if the
        last discovery did not name it: a member may also be reached
        directly, e.g. with ``use_public_ip``)."""
        return self._private_to_public.get(address, address)

    def discover(self, transport: typing.Any, done: typing.Callable[[Optional[BaseException]], None]) -> None:
        """Asks the service on another thread; ``done(error)`` then runs
        on the transport's event thread (``error`` None on success)."""

        def run() -> None:
            error: Optional[BaseException] = None
            try:
                table = self.discovery.discover_nodes()
            except BaseException as e:  # handed to the core, which reports it
                error = e
            else:
                self._private_to_public = table
            try:
                transport.call_soon(done, error)
            except Exception:  # the transport is shut down
                pass
            with self._lock:
                self._threads = [t for t in self._threads if t is not threading.current_thread()]

        thread = threading.Thread(target=run, name="hazelcast-cloud-discovery", daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def join(self, timeout: float) -> None:
        """Waits for the discovery requests still running (at most
        ``timeout`` seconds each; they are bounded by connection_timeout)."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
