"""The connections to the cluster: opening, authenticating, smart routing,
heartbeats and reconnection.

How one connection reads and writes its bytes is in hazelcast._connection_io
(re-exported here as :class:`Connection`).
"""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
import uuid
from typing import Any, Dict, List, Optional

from hazelcast import __version__
from hazelcast.config import ReconnectMode
from hazelcast.core import Address
from hazelcast.errors import (
    AuthenticationError,
    ClientNotAllowedInClusterError,
    HazelcastClientNotActiveError,
    HazelcastError,
    IllegalStateError,
    InvalidConfigurationError,
    OperationTimeoutError,
    TargetDisconnectedError,
)
from hazelcast.invocation import Invocation
from hazelcast.lifecycle import LifecycleState
from hazelcast.protocol.codec import (
    client_add_cluster_view_listener_codec,
    client_authentication_codec,
    client_authentication_custom_codec,
    client_local_backup_listener_codec,
    client_ping_codec,
)
from hazelcast._connection_io import FLUSH_DELAY, Connection

_logger = logging.getLogger(__name__)

_PROTOCOL_PREAMBLE = b"CP2"
_CLIENT_TYPE = "PYH"
_SERIALIZATION_VERSION = 1
_DEFAULT_PORTS = (5701, 5702, 5703)

# Authentication status codes sent by the member.
_AUTHENTICATED = 0
_CREDENTIALS_FAILED = 1
_SERIALIZATION_VERSION_MISMATCH = 2
_NOT_ALLOWED_IN_CLUSTER = 3

# Routing modes told to the member at authentication.
_UNISOCKET = 0
_SMART = 1


def parse_addresses(entries: List[str]) -> List[Address]:
    """Turns ``cluster_members`` entries into addresses; an entry without a port
    stands for the default ports 5701-5703, and no entry for 127.0.0.1."""
    addresses: List[Address] = []
    for entry in entries or ["127.0.0.1"]:
        entry = entry.strip()
        host, port = entry, None
        if entry.startswith("["):  # [IPv6]:port
            end = entry.index("]")
            host = entry[1:end]
            rest = entry[end + 1 :]
            if rest.startswith(":"):
                port = int(rest[1:])
        elif entry.count(":") == 1:
            host, port_text = entry.split(":")
            port = int(port_text)
        if port is None:
            addresses.extend(Address(host, p) for p in _DEFAULT_PORTS)
        else:
            addresses.append(Address(host, port))
    return addresses


class _WaitStrategy:
    """Exponential backoff with jitter between cluster connection attempts, bounded by
    ``cluster_connect_timeout``."""

    def __init__(self, config: Any):
        self._initial = config.retry_initial_backoff
        self._max = config.retry_max_backoff
        self._multiplier = config.retry_multiplier
        self._jitter = config.retry_jitter
        self._timeout = config.cluster_connect_timeout
        self.reset()

    def reset(self) -> None:
        self._attempt = 0
        self._backoff = self._initial
        self._start = time.monotonic()

    def sleep(self, stop: threading.Event) -> bool:
        """Waits before the next attempt; False if the timeout is over or stopped."""
        self._attempt += 1
        elapsed = time.monotonic() - self._start
        if self._timeout != -1 and elapsed >= self._timeout:
            return False
        delay = self._backoff * (1 + self._jitter * (2 * random.random() - 1))
        delay = max(0.0, delay)
        if self._timeout != -1:
            delay = min(delay, self._timeout - elapsed)
        _logger.info("Unable to get live cluster connection, retry in %.2f s, attempt %d", delay, self._attempt)
        if stop.wait(delay):
            return False
        self._backoff = min(self._backoff * self._multiplier, self._max)
        return True


class ConnectionManager:
    """Opens and keeps the connections to the cluster's members."""

    def __init__(
        self,
        client: Any,
        config: Any,
        lifecycle: Any,
        cluster: Any,
        partitions: Any,
        invocations: Any,
        scheduler: Any,
        load_balancer: Any,
    ):
        self._client = client
        self._config = config
        self._lifecycle = lifecycle
        self._cluster = cluster
        self._partitions = partitions
        self._invocations = invocations
        self._scheduler = scheduler
        self._load_balancer = load_balancer
        self._smart = config.smart_routing
        self.client_uuid = uuid.uuid4()
        self.cluster_id: Optional[uuid.UUID] = None
        self.active_connections: Dict[uuid.UUID, Connection] = {}
        self._all_connections: Dict[int, Connection] = {}
        self._lock = threading.RLock()
        self._connection_ids = 0
        self._stop = threading.Event()
        self._member_change = threading.Event()
        self._connected_once = False
        self._connecting = threading.Lock()
        self._reconnect_thread: Optional[threading.Thread] = None
        self._member_connector: Optional[threading.Thread] = None
        self._heartbeat_task: Any = None
        self._view_listener_connection: Optional[Connection] = None
        self._view_listener_correlation: Optional[int] = None
        self._wait_strategy = _WaitStrategy(config)
        self._connection_listeners: List[Any] = []
        self._seed_addresses = parse_addresses(config.cluster_members)
        cluster.on_member_list_change = self._member_change.set

    # -- start and stop ------------------------------------------------------------

    def start(self) -> None:
        interval = self._config.heartbeat_interval
        self._heartbeat_task = self._scheduler.schedule_periodic(interval, self._heartbeat)
        if self._smart:
            self._member_connector = threading.Thread(
                target=self._connect_to_members_loop, name="hazelcast-member-connector", daemon=True
            )
            self._member_connector.start()
        if self._config.async_start:
            self._start_reconnect()
        else:
            self._connect_to_cluster()

    def shutdown(self) -> None:
        self._stop.set()
        self._member_change.set()
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
        with self._lock:
            connections = list(self._all_connections.values())
        for connection in connections:
            connection.close("The client is shutting down", None)
        for thread in (self._reconnect_thread, self._member_connector):
            if thread is not None and thread is not threading.current_thread():
                thread.join(10)
        for connection in connections:
            connection.join_reader()

    def schedule_flush(self, connection: Connection) -> None:
        self._scheduler.schedule(FLUSH_DELAY, connection.timed_flush)

    def add_connection_listener(self, on_added: Any, on_removed: Any) -> None:
        """Registers functions called with each connection opened and closed."""
        self._connection_listeners.append((on_added, on_removed))

    def _fire_connection_event(self, index: int, connection: Connection) -> None:
        for listener in self._connection_listeners:
            try:
                listener[index](connection)
            except Exception:
                _logger.exception("Exception in a connection listener")

    # -- lookups used by invocations -----------------------------------------------

    def get_connection(self, member_uuid: uuid.UUID) -> Optional[Connection]:
        return self.active_connections.get(member_uuid)

    def get_random_connection(self) -> Optional[Connection]:
        connections = self.active_connections
        if not connections:
            return None
        if self._smart:
            member = self._load_balancer.next()
            if member is not None:
                connection = connections.get(member.uuid)
                if connection is not None:
                    return connection
        for connection in list(connections.values()):
            return connection
        return None

    def is_offline_error_due(self) -> bool:
        """True when an invocation without a connection should fail at once with
        ClientOfflineError (async start or async reconnect) rather than retry."""
        mode = self._config.reconnect_mode
        if not self._connected_once:
            return bool(self._config.async_start)
        return mode == ReconnectMode.ASYNC

    # -- connecting to the cluster -------------------------------------------------

    def _connect_to_cluster(self) -> None:
        with self._connecting:
            self._wait_strategy.reset()
            tried: List[str] = []
            while not self._stop.is_set():
                for address in self._candidate_addresses():
                    if self._stop.is_set():
                        break
                    tried.append(str(address))
                    if self._try_connect(address) is not None:
                        return
                if not self._wait_strategy.sleep(self._stop):
                    break
            if self._stop.is_set():
                raise HazelcastClientNotActiveError("The client was shut down while connecting")
            raise IllegalStateError(
                "Unable to connect to any cluster: tried %s within cluster_connect_timeout=%s"
                % (", ".join(sorted(set(tried))), self._config.cluster_connect_timeout)
            )

    def _candidate_addresses(self) -> List[Address]:
        members = [m.client_address(self._config.use_public_ip) for m in self._cluster.get_members()]
        seeds = list(self._seed_addresses)
        if self._config.shuffle_member_list:
            random.shuffle(members)
            random.shuffle(seeds)
        seen = set()
        result = []
        for address in members + seeds:
            if address not in seen:
                seen.add(address)
                result.append(address)
        return result

    def _try_connect(self, address: Address) -> Optional[Connection]:
        try:
            return self._open_and_authenticate(address)
        except (AuthenticationError, ClientNotAllowedInClusterError, InvalidConfigurationError):
            raise
        except HazelcastClientNotActiveError:
            raise
        except Exception as e:
            _logger.info("Could not connect to %s: %s", address, e)
            return None

    def _open_and_authenticate(self, address: Address) -> Connection:
        sock = self._open_socket(address)
        with self._lock:
            self._connection_ids += 1
            connection = Connection(self, self._connection_ids, sock, address)
            self._all_connections[connection.connection_id] = connection
        connection.start(self._handle_message)
        connection.send(_PROTOCOL_PREAMBLE)
        request, codec = self._authentication_request(address)
        # connection_timeout bounds the whole opening: the TCP connect and the
        # member's answer to the authentication (0: no bound but the invocation's).
        timeout = self._config.connection_timeout or self._config.invocation_timeout
        invocation = Invocation(
            request,
            connection=connection,
            urgent=True,
            timeout=timeout,
            response_handler=codec.decode_response,
        )
        answered = threading.Event()
        invocation.future.add_done_callback(lambda _: answered.set())
        self._invocations.invoke(invocation)
        try:
            if not answered.wait(timeout):
                raise OperationTimeoutError(
                    "The member at %s did not answer the authentication within connection_timeout=%s"
                    % (address, self._config.connection_timeout)
                )
            response = invocation.future.result()
        except BaseException as e:
            connection.close("Authentication failed: %s" % e, e)
            raise
        try:
            self._on_authenticated(connection, response)
        except BaseException as e:
            connection.close("Authentication failed: %s" % e, e)
            raise
        return connection

    def _authentication_request(self, address: Address) -> Any:
        """The authentication request and its codec: a token from ``token_provider``
        (it has priority) or the username and password credentials."""
        config = self._config
        routing_mode = _SMART if self._smart else _UNISOCKET
        token_provider = config.token_provider
        if token_provider is not None:
            codec: Any = client_authentication_custom_codec
            request = codec.encode_request(
                config.cluster_name,
                bytes(token_provider.token(address)),
                self.client_uuid,
                _CLIENT_TYPE,
                _SERIALIZATION_VERSION,
                __version__,
                self._client.name,
                list(config.labels),
                routing_mode,
                False,
            )
            return request, codec
        codec = client_authentication_codec
        request = codec.encode_request(
            config.cluster_name,
            config.creds_username,
            config.creds_password,
            self.client_uuid,
            _CLIENT_TYPE,
            _SERIALIZATION_VERSION,
            __version__,
            self._client.name,
            list(config.labels),
            routing_mode,
            False,
        )
        return request, codec

    def _open_socket(self, address: Address) -> socket.socket:
        config = self._config
        timeout = config.connection_timeout
        sock = socket.create_connection((address.host, address.port), timeout=timeout or None)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for option in config.socket_options:
                sock.setsockopt(*option)
            if config.ssl_enabled:
                sock = self._wrap_ssl(sock, address)
            sock.settimeout(None)
        except BaseException:
            sock.close()
            raise
        return sock

    def _wrap_ssl(self, sock: socket.socket, address: Address) -> socket.socket:
        import ssl

        config = self._config
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        if config.ssl_cafile:
            context.load_verify_locations(config.ssl_cafile)
        else:
            context.load_default_certs()
        if config.ssl_certfile:
            context.load_cert_chain(config.ssl_certfile, config.ssl_keyfile, config.ssl_password)
        if config.ssl_ciphers:
            context.set_ciphers(config.ssl_ciphers)
        context.check_hostname = bool(getattr(config, "ssl_check_hostname", False))
        return context.wrap_socket(sock, server_hostname=address.host)

    def _on_authenticated(self, connection: Connection, response: Dict[str, Any]) -> None:
        status = response["status"]
        if status == _CREDENTIALS_FAILED:
            raise AuthenticationError(
                "Authentication failed: the member at %s rejected cluster_name=%r (or the credentials); "
                "check that the client's cluster_name matches the cluster's"
                % (connection.remote_address, self._config.cluster_name)
            )
        if status == _NOT_ALLOWED_IN_CLUSTER:
            raise ClientNotAllowedInClusterError("The client is not allowed in the cluster")
        if status == _SERIALIZATION_VERSION_MISMATCH:
            raise IllegalStateError("The member's serialization version does not match the client's")
        if status != _AUTHENTICATED:
            raise AuthenticationError("Authentication failed with status %s" % status)
        if not self._partitions.check_and_set_partition_count(response["partition_count"]):
            raise ClientNotAllowedInClusterError(
                "The member's partition count %d differs from the cluster's the client knows (%d)"
                % (response["partition_count"], self._partitions.partition_count)
            )
        member_uuid = response["member_uuid"]
        connection.remote_uuid = member_uuid
        if response.get("address") is not None:
            connection.remote_address = response["address"]
        cluster_id = response["cluster_id"]
        if self._invocations.backup_acks_enabled:
            self._register_backup_listener(connection)
        with self._lock:
            if not connection.live:
                raise TargetDisconnectedError("Connection closed during authentication")
            first = not self.active_connections
            if not first and cluster_id != self.cluster_id:
                # Connections to the old cluster are still being closed (it restarted):
                # never mix two clusters; the reconnection that follows starts anew.
                raise TargetDisconnectedError(
                    "Member %s belongs to cluster %s, not to the connected cluster %s"
                    % (connection.remote_address, cluster_id, self.cluster_id)
                )
            if self.active_connections.get(member_uuid) is not None:
                # Already connected to this member: keep that connection.
                raise TargetDisconnectedError("Duplicate connection to member %s" % member_uuid)
            new_cluster = first and self.cluster_id is not None and self.cluster_id != cluster_id
            if new_cluster:
                # A different cluster (the old one restarted): forget its state.
                _logger.warning("Connected to a new cluster %s (was %s)", cluster_id, self.cluster_id)
                self._cluster.clear_member_list_version()
                self._partitions.reset()
            self.cluster_id = cluster_id
            self.active_connections = _with(self.active_connections, member_uuid, connection)
        _logger.info(
            "Authenticated with server %s:%s, server version: %s, local address: %s",
            connection.remote_address,
            member_uuid,
            response.get("server_hazelcast_version"),
            connection,
        )
        if new_cluster:
            schemas = self._client._compact_schema_service
            if schemas.has_replicated_schemas():
                # The new cluster must know the Compact schemas of data the client
                # may send again (retries, values it read before) before anything else.
                schemas.send_all_schemas().result()
        if first:
            self._connected_once = True
            self._lifecycle.fire_lifecycle_event(LifecycleState.CONNECTED)
        if self._view_listener_connection is None or not self._view_listener_connection.live:
            self._register_cluster_view_listener(connection)
        self._fire_connection_event(0, connection)
        if first and not self._config.async_start and not self._cluster.wait_initial_member_list_fetched(120):
            raise IllegalStateError("The member list did not arrive in 120 seconds")

    def _register_backup_listener(self, connection: Connection) -> None:
        # Registered before the connection serves requests, so that backups of the
        # operations sent on it can be acknowledged by this member.
        invocation = Invocation(
            client_local_backup_listener_codec.encode_request(),
            connection=connection,
            event_handler=_ignore_event,
            urgent=True,
        )
        self._invocations.invoke(invocation)
        invocation.future.result()

    def _register_cluster_view_listener(self, connection: Connection) -> None:
        with self._lock:
            if self._view_listener_correlation is not None:
                self._invocations.remove_event_handler(self._view_listener_correlation)
            self._view_listener_connection = connection

        def on_event(message: Any) -> None:
            client_add_cluster_view_listener_codec.handle(
                message,
                self._cluster.handle_members_view_event,
                lambda version, partitions: self._partitions.handle_partitions_view_event(
                    connection, partitions, version
                ),
            )

        request = client_add_cluster_view_listener_codec.encode_request()
        invocation = Invocation(request, connection=connection, event_handler=on_event, urgent=True)
        self._invocations.invoke(invocation)
        self._view_listener_correlation = request.get_correlation_id()

    def _handle_message(self, message: Any, connection: Connection) -> None:
        self._invocations.handle_client_message(message)

    # -- smart routing: a connection to every member ---------------------------------

    def _connect_to_members_loop(self) -> None:
        while not self._stop.is_set():
            self._member_change.wait(1.0)
            self._member_change.clear()
            if self._stop.is_set() or not self.active_connections:
                continue
            for member in self._cluster.get_members():
                if self._stop.is_set():
                    return
                if member.uuid in self.active_connections:
                    continue
                try:
                    self._open_and_authenticate(member.client_address(self._config.use_public_ip))
                except Exception as e:
                    _logger.debug("Could not connect to member %s: %s", member, e)
            self._close_connections_to_departed_members()

    def _close_connections_to_departed_members(self) -> None:
        if not self._cluster.member_list_is_current():
            return  # the list still describes a cluster the client left
        members = {m.uuid for m in self._cluster.get_members()}
        if not members:
            return
        for member_uuid, connection in list(self.active_connections.items()):
            if member_uuid not in members:
                connection.close("The member left the cluster", None)

    # -- connection loss and reconnection --------------------------------------------

    def on_connection_close(self, connection: Connection, reason: str, cause: Optional[BaseException]) -> None:
        with self._lock:
            self._all_connections.pop(connection.connection_id, None)
            removed = False
            if connection.remote_uuid is not None and self.active_connections.get(connection.remote_uuid) is connection:
                self.active_connections = {u: c for u, c in self.active_connections.items() if c is not connection}
                removed = True
            now_empty = removed and not self.active_connections
        if removed:
            _logger.info("Removed connection to %s:%s, reason: %s", connection.remote_address, connection.remote_uuid, reason)
            self._fire_connection_event(1, connection)
        self._invocations.on_connection_closed(connection, HazelcastError(reason, cause))
        if self._stop.is_set():
            if now_empty:
                self._lifecycle.fire_lifecycle_event(LifecycleState.DISCONNECTED)
            return
        if connection is self._view_listener_connection:
            self._view_listener_connection = None
            for other in list(self.active_connections.values()):
                self._register_cluster_view_listener(other)
                break
        if now_empty:
            self._lifecycle.fire_lifecycle_event(LifecycleState.DISCONNECTED)
            if self._config.reconnect_mode == ReconnectMode.OFF:
                _logger.info("reconnect_mode is OFF: shutting the client down")
                threading.Thread(target=self._client.shutdown, name="hazelcast-shutdown", daemon=True).start()
            else:
                self._start_reconnect()

    def _start_reconnect(self) -> None:
        with self._lock:
            if self._stop.is_set() or (self._reconnect_thread is not None and self._reconnect_thread.is_alive()):
                return
            self._reconnect_thread = threading.Thread(
                target=self._reconnect, name="hazelcast-reconnect", daemon=True
            )
            self._reconnect_thread.start()

    def _reconnect(self) -> None:
        try:
            self._connect_to_cluster()
        except HazelcastClientNotActiveError:
            return
        except Exception as e:
            if self._stop.is_set():
                return
            _logger.error("Could not reconnect to the cluster, shutting the client down: %s", e)
            threading.Thread(target=self._client.shutdown, name="hazelcast-shutdown", daemon=True).start()

    # -- heartbeats --------------------------------------------------------------------

    def _heartbeat(self) -> None:
        now = time.monotonic()
        timeout = self._config.heartbeat_timeout
        interval = self._config.heartbeat_interval
        for connection in list(self.active_connections.values()):
            if now - connection.last_read_time > timeout:
                _logger.warning("Heartbeat to %s timed out: nothing read for %.1f s", connection, now - connection.last_read_time)
                connection.close("Heartbeat timed out", None)
            elif now - connection.last_write_time > interval:
                request = client_ping_codec.encode_request()
                self._invocations.invoke(Invocation(request, connection=connection, urgent=True))


def _ignore_event(message: Any) -> None:
    # Backup ack events are recognised by their flag, not by their listener.
    pass


def _with(mapping: Dict[Any, Any], key: Any, value: Any) -> Dict[Any, Any]:
    # Readers look connections up without a lock: they always see a whole dict.
    copy = dict(mapping)
    copy[key] = value
    return copy

