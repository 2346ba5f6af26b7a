"""The connections to the cluster: opening, authenticating, smart routing,
heartbeats and reconnection, as a state machine driven by a transport.

Nothing here opens a socket, starts a thread, sleeps or waits: the manager asks its
:class:`~hazelcast.transport.Transport` to connect and to call it back later, and
reacts to what the transport reports (connected, failed, message, closed) and to
the responses of its own requests. Connecting to the cluster and reconnecting are
rounds over the candidate addresses with backoff timers between them.
"""

from __future__ import annotations

import functools
import logging
import random
import uuid
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from hazelcast._version import __version__
from hazelcast.config import Config, ReconnectMode
from hazelcast.core import Address
from hazelcast.discovery import HazelcastCloudDiscovery, _CloudAddresses
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
from hazelcast.future import Future, ImmediateFuture
from hazelcast.invocation import Invocation, InvocationService
from hazelcast.lifecycle import LifecycleState, _InternalLifecycleService
from hazelcast.protocol.client_message import InboundMessage, OutboundMessage
from hazelcast.protocol.codec import (
    client_add_cluster_view_listener_codec,
    client_authentication_codec,
    client_authentication_custom_codec,
    client_local_backup_listener_codec,
    client_ping_codec,
)
from hazelcast.cluster import _InternalClusterService
from hazelcast.compact import CompactSchemaService
from hazelcast.partition import _InternalPartitionService
from hazelcast.transport import Connection, Timer, Transport, call_periodically
from hazelcast.util import LoadBalancer

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

# How long a start waits for the member list after authenticating, at most (the
# official client's bound); a finite cluster_connect_timeout shortens it.
_MEMBER_LIST_WAIT = 120.0
# How often a smart client looks for members it has no connection to.
_MEMBER_CONNECT_INTERVAL = 1.0

# Errors after which trying other addresses cannot help.
_FATAL_CONNECT_ERRORS = (AuthenticationError, ClientNotAllowedInClusterError, InvalidConfigurationError)


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
    """Exponential backoff with jitter between cluster connection rounds, bounded by
    ``cluster_connect_timeout``."""

    def __init__(self, config: Config, now: Callable[[], float]):
        self._initial = config.retry_initial_backoff
        self._max = config.retry_max_backoff
        self._multiplier = config.retry_multiplier
        self._jitter = config.retry_jitter
        self._timeout = config.cluster_connect_timeout
        self._now = now
        self.reset()

    def reset(self) -> None:
        self._attempt = 0
        self._backoff = self._initial
        self._start = self._now()

    def remaining(self) -> Optional[float]:
        """Seconds left of ``cluster_connect_timeout`` (None: no bound)."""
        if self._timeout == -1:
            return None
        return max(0.0, self._timeout - (self._now() - self._start))

    def next_delay(self) -> Optional[float]:
        """The wait before the next round; None once the timeout is over."""
        self._attempt += 1
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            return None
        delay = max(0.0, self._backoff * (1 + self._jitter * (2 * random.random() - 1)))
        if remaining is not None:
            delay = min(delay, remaining)
        self._backoff = min(self._backoff * self._multiplier, self._max)
        return delay

    @property
    def attempt(self) -> int:
        return self._attempt


ConnectionListener = Callable[[Connection], None]


class ConnectionManager:
    """Opens and keeps the connections to the cluster's members.

    Args:
        config: The client configuration.
        transport: Opens connections and runs timers.
        client_name: Sent to the members at authentication.
        lifecycle: Told of CONNECTED and DISCONNECTED.
        cluster: The member list, fed by the cluster view listener.
        partitions: The partition table, fed by the same listener.
        invocations: Sends the manager's own requests.
        load_balancer: Picks the member of requests that need no particular one.
        compact_schemas: Sends the client's Compact schemas to a new cluster.
        on_cluster_lost: Called (on the event thread) when the client must shut
            down: the cluster is lost and ``reconnect_mode`` is OFF, or reconnection
            timed out.
    """

    def __init__(
        self,
        config: Config,
        transport: Transport,
        client_name: str,
        lifecycle: _InternalLifecycleService,
        cluster: _InternalClusterService,
        partitions: _InternalPartitionService,
        invocations: InvocationService,
        load_balancer: LoadBalancer,
        compact_schemas: CompactSchemaService,
        on_cluster_lost: Callable[[], None],
    ):
        self._config = config
        self._transport = transport
        self._client_name = client_name
        self._lifecycle = lifecycle
        self._cluster = cluster
        self._partitions = partitions
        self._invocations = invocations
        self._load_balancer = load_balancer
        self._schemas = compact_schemas
        self._on_cluster_lost = on_cluster_lost
        self._smart = config.smart_routing
        self.client_uuid = uuid.uuid4()
        self.cluster_id: Optional[uuid.UUID] = None
        # Replaced whole on each change: readers look connections up without a lock.
        self.active_connections: Dict[uuid.UUID, Connection] = {}
        self._stopped = False
        self._connected_once = False
        self._wait_strategy = _WaitStrategy(config, transport.now)
        self._cloud: Optional[_CloudAddresses] = None
        if config.cloud_discovery_token is not None:
            if config.cluster_members:
                raise IllegalStateError(
                    "Only one discovery method can be enabled at a time. Cluster members given "
                    "explicitly: True, Hazelcast Cloud enabled: True"
                )
            self._cloud = _CloudAddresses(
                HazelcastCloudDiscovery(config.cloud_discovery_token, config.connection_timeout)
            )
            self._seed_addresses: List[Address] = []
        else:
            self._seed_addresses = parse_addresses(config.cluster_members)
        self._connection_listeners: List[Tuple[ConnectionListener, ConnectionListener]] = []
        self._timers: List[Timer] = []
        # Every connection the transport opened for this manager and not yet closed
        # (authenticated or not), so that shutdown closes each one.
        self._opened: Dict[int, Connection] = {}
        # Connecting to the cluster (start-up or reconnection): one round at a time.
        self._cluster_connect: Optional[Future[None]] = None
        self._round: List[Address] = []
        self._tried: Set[str] = set()
        self._last_error: Optional[BaseException] = None
        self._round_timer: Optional[Timer] = None
        # Addresses being opened by the member connector (smart routing).
        # Connections being opened to members (smart routing), by address.
        self._member_connects: Dict[Address, Future[Connection]] = {}
        self._view_listener_connection: Optional[Connection] = None
        self._view_listener_correlation: Optional[int] = None
        self._start_future: Future[None] = Future()
        self._member_list_timer: Optional[Timer] = None
        cluster.on_member_list_change = self._on_member_list_change

    # -- start and stop ------------------------------------------------------------

    def start(self) -> Future[None]:
        """Starts connecting. The Future completes once the client is connected and
        knows the member list (at once with ``async_start``), or fails with the
        reason it cannot connect."""
        transport = self._transport
        self._timers.append(call_periodically(transport, self._config.heartbeat_interval, self._heartbeat))
        if self._smart:
            self._timers.append(call_periodically(transport, _MEMBER_CONNECT_INTERVAL, self._connect_to_all_members))
        connecting = self._connect_to_cluster()
        if self._config.async_start:
            connecting.add_done_callback(self._after_async_connect)
            self._start_future.set_result(None)
        else:
            connecting.add_done_callback(self._after_start_connect)
        return self._start_future

    def shutdown(self) -> None:
        """Closes every connection and stops every timer; idempotent."""
        if self._stopped:
            return
        self._stopped = True
        for timer in self._timers:
            timer.cancel()
        for pending in (self._round_timer, self._member_list_timer):
            if pending is not None:
                pending.cancel()
        error = HazelcastClientNotActiveError("The client was shut down while connecting")
        if self._cluster_connect is not None:
            self._cluster_connect.set_exception(error)
        self._start_future.set_exception(error)
        for connection in list(self._opened.values()):
            connection.close("The client is shutting down", None)

    def add_connection_listener(self, on_added: ConnectionListener, on_removed: ConnectionListener) -> None:
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
        if not self._connected_once:
            return bool(self._config.async_start)
        return self._config.reconnect_mode == ReconnectMode.ASYNC

    # -- connecting to the cluster: rounds over the candidate addresses -------------

    def _connect_to_cluster(self) -> Future[None]:
        if self._cluster_connect is not None and not self._cluster_connect.done():
            return self._cluster_connect
        self._cluster_connect = Future()
        self._wait_strategy.reset()
        self._tried = set()
        self._last_error = None
        self._start_round()
        return self._cluster_connect

    def _start_round(self) -> None:
        self._round_timer = None
        if self._cloud is not None:
            # the member list comes from the discovery service, asked anew
            # each round (off the event thread)
            self._cloud.discover(self._transport, self._after_discovery)
            return
        self._round = self._candidate_addresses()
        self._try_next_address()

    def _after_discovery(self, error: Optional[BaseException]) -> None:
        connecting = self._cluster_connect
        if connecting is None or connecting.done():
            return
        if error is not None:
            if isinstance(error, _FATAL_CONNECT_ERRORS):
                connecting.set_exception(error)
                return
            _logger.warning("%s", error)
            self._last_error = error
        self._round = self._candidate_addresses()
        self._try_next_address()

    def _try_next_address(self) -> None:
        connecting = self._cluster_connect
        if connecting is None or connecting.done():
            return
        if self._stopped:
            connecting.set_exception(HazelcastClientNotActiveError("The client was shut down while connecting"))
            return
        if self.active_connections:
            # The member connector (or an earlier attempt) connected meanwhile.
            connecting.set_result(None)
            return
        if not self._round:
            delay = self._wait_strategy.next_delay()
            if delay is None:
                connecting.set_exception(
                    IllegalStateError(
                        "Unable to connect to any cluster: tried %s within cluster_connect_timeout=%s%s"
                        % (
                            ", ".join(sorted(self._tried)),
                            self._config.cluster_connect_timeout,
                            "; last error: %s" % self._last_error if self._last_error else "",
                        )
                    )
                )
                return
            _logger.warning(
                "Unable to get live cluster connection, retry in %.2f s, attempt %d", delay, self._wait_strategy.attempt
            )
            self._round_timer = self._transport.call_later(delay, self._start_round)
            return
        address = self._round.pop(0)
        self._tried.add(str(address))
        self._open(address).add_done_callback(lambda attempt: self._on_round_attempt(attempt, address))

    def _on_round_attempt(self, attempt: Future[Connection], address: Address) -> None:
        connecting = self._cluster_connect
        if connecting is None or connecting.done():
            return
        error = attempt.exception()
        if error is None:
            connecting.set_result(None)
            return
        if isinstance(error, _FATAL_CONNECT_ERRORS) or isinstance(error, HazelcastClientNotActiveError):
            connecting.set_exception(error)
            return
        self._last_error = error
        # WARNING, as the official client does: an application logging at WARNING
        # must see why the client, which retries on, does not connect.
        _logger.warning("Could not connect to %s: %s", address, error)
        self._try_next_address()

    def _candidate_addresses(self) -> List[Address]:
        members = [m.client_address(self._config.use_public_ip) for m in self._cluster.get_members()]
        seeds = list(self._seed_addresses) if self._cloud is None else self._cloud.private_addresses()
        if self._config.shuffle_member_list:
            random.shuffle(members)
            random.shuffle(seeds)
        seen: Set[Address] = set()
        result = []
        for address in members + seeds:
            if address not in seen:
                seen.add(address)
                result.append(address)
        return result

    def _after_start_connect(self, connecting: Future[None]) -> None:
        error = connecting.exception()
        if error is not None:
            self._start_future.set_exception(error)
            return
        # A start completes once the member list arrived too, bounded by what is left
        # of cluster_connect_timeout: a member that authenticates the client but never
        # sends its member list must not hold the start forever.
        remaining = self._wait_strategy.remaining()
        wait = _MEMBER_LIST_WAIT if remaining is None else min(_MEMBER_LIST_WAIT, max(remaining, 0.0))
        members = self._cluster.initial_member_list
        if not members.done():
            self._member_list_timer = self._transport.call_later(wait, self._member_list_missing, wait)
        members.add_done_callback(self._member_list_arrived)

    def _member_list_arrived(self, _: Future[None]) -> None:
        if self._member_list_timer is not None:
            self._member_list_timer.cancel()
        attempts = self._connect_to_all_members() if self._smart else []
        if not attempts:
            self._start_future.set_result(None)
            return
        # As the official client does on a (non-async) start: a smart client tries
        # every member once before the start completes, so that listeners added
        # right after it reach every member. A member it cannot reach does not
        # fail the start; it is retried when the member list changes.
        left = [len(attempts)]

        def attempted(_: Future[Connection]) -> None:
            left[0] -= 1
            if left[0] == 0 and not self._start_future.done():
                self._start_future.set_result(None)

        for attempt in attempts:
            attempt.add_done_callback(attempted)

    def _member_list_missing(self, waited: float) -> None:
        if self._start_future.done():
            return
        connections = list(self.active_connections.values())
        error = IllegalStateError(
            "Connected to %s, but the member list did not arrive within %.1f s (cluster_connect_timeout=%s)"
            % (", ".join(str(c.remote_address) for c in connections) or "the cluster", waited, self._config.cluster_connect_timeout)
        )
        self._start_future.set_exception(error)
        for connection in connections:
            connection.close("No member list from the member", error)

    def _after_async_connect(self, connecting: Future[None]) -> None:
        error = connecting.exception()
        if error is None or isinstance(error, HazelcastClientNotActiveError):
            return
        _logger.error("Could not connect to the cluster, shutting the client down: %s", error)
        self._on_cluster_lost()

    # -- opening one connection -----------------------------------------------------

    def _open(self, address: Address) -> Future[Connection]:
        """Connects to ``address`` and authenticates; the Future gives the
        connection once it serves requests."""
        result: Future[Connection] = Future()
        if self._stopped:
            result.set_exception(HazelcastClientNotActiveError("The client is shut down"))
            return result

        def connected(connection: Connection) -> None:
            if self._stopped:
                connection.close("The client is shutting down", None)
                result.set_exception(HazelcastClientNotActiveError("The client is shut down"))
                return
            self._opened[connection.connection_id] = connection
            self._authenticate(connection, result)

        if self._cloud is not None:
            # members know each other by private addresses; the client
            # reaches them at the public ones the discovery service gave
            address = self._cloud.translate(address)
        self._transport.connect(address, self, connected, result.set_exception)
        return result

    def _authenticate(self, connection: Connection, result: Future[Connection]) -> None:
        connection.send(_PROTOCOL_PREAMBLE)
        request, decode = self._authentication_request(connection.remote_address)
        # connection_timeout bounds the member's answer to the authentication
        # (0: no bound but the invocation's).
        timeout = self._config.connection_timeout or self._config.invocation_timeout
        invocation = Invocation(request, connection=connection, urgent=True, timeout=timeout, response_handler=decode)
        self._invocations.invoke(invocation)
        # The invocation service checks deadlines once a second; this bound is exact.
        timer = self._transport.call_later(timeout, invocation.cancel_with, OperationTimeoutError())

        def answered(done: Future[Any]) -> None:
            timer.cancel()
            error = done.exception()
            if error is not None:
                if isinstance(error, OperationTimeoutError):
                    error = OperationTimeoutError(
                        "The member at %s did not answer the authentication within connection_timeout=%s"
                        % (connection.remote_address, self._config.connection_timeout)
                    )
                self._fail_opening(connection, result, error)
                return
            try:
                registered = self._on_authenticated(connection, done.result())
            except Exception as e:
                self._fail_opening(connection, result, e)
                return
            response = done.result()
            registered.add_done_callback(lambda f: self._finish_opening(connection, response, result, f))

        invocation.add_done_callback(answered)

    def _fail_opening(self, connection: Connection, result: Future[Connection], error: BaseException) -> None:
        connection.close("Authentication failed: %s" % error, error)
        result.set_exception(error)

    def _authentication_request(self, address: Address) -> Tuple[OutboundMessage, Callable[[InboundMessage], Any]]:
        """The authentication request and its response decoder: a token from
        ``token_provider`` (it has priority) or the username and password."""
        config = self._config
        routing_mode = _SMART if self._smart else _UNISOCKET
        token_provider = config.token_provider
        common = (self.client_uuid, _CLIENT_TYPE, _SERIALIZATION_VERSION, __version__, self._client_name, list(config.labels), routing_mode, False)
        if token_provider is not None:
            token = bytes(token_provider.token(address))
            request = client_authentication_custom_codec.encode_request(config.cluster_name, token, *common)
            return request, client_authentication_custom_codec.decode_response
        request = client_authentication_codec.encode_request(
            config.cluster_name, config.creds_username, config.creds_password, *common
        )
        return request, client_authentication_codec.decode_response

    def _on_authenticated(self, connection: Connection, response: Dict[str, Any]) -> Future[Any]:
        """Checks the member's answer; the Future completes once the connection may
        serve requests (its backup listener registered)."""
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
        try:
            same_count = self._partitions.check_and_set_partition_count(response["partition_count"])
        except ValueError as e:
            # a broken or hostile member: a count of 0 would make every keyed
            # call fail as if the client were offline
            raise ClientNotAllowedInClusterError(
                "The member at %s sent an invalid authentication response: %s" % (connection.remote_address, e)
            ) from None
        if not same_count:
            raise ClientNotAllowedInClusterError(
                "The member's partition count %d differs from the cluster's the client knows (%d)"
                % (response["partition_count"], self._partitions.partition_count)
            )
        connection.remote_uuid = response["member_uuid"]
        if response.get("address") is not None:
            connection.remote_address = response["address"]
        if self._invocations.backup_acks_enabled:
            # Registered before the connection serves requests, so that the backups
            # of the operations sent on it can be acknowledged by this member.
            backup_listener = Invocation(
                client_local_backup_listener_codec.encode_request(),
                connection=connection,
                event_handler=_ignore_event,
                urgent=True,
            )
            self._invocations.invoke(backup_listener)
            return backup_listener
        return ImmediateFuture(None)

    def _finish_opening(
        self, connection: Connection, response: Dict[str, Any], result: Future[Connection], registered: Future[Any]
    ) -> None:
        error = registered.exception()
        if error is not None:
            self._fail_opening(connection, result, error)
            return
        if not connection.live:
            self._fail_opening(connection, result, TargetDisconnectedError("Connection closed during authentication"))
            return
        member_uuid = connection.remote_uuid
        assert member_uuid is not None
        cluster_id: uuid.UUID = response["cluster_id"]
        first = not self.active_connections
        if not first and cluster_id != self.cluster_id:
            # Connections to the old cluster are still being closed (it restarted):
            # never mix two clusters; the reconnection that follows starts anew.
            self._fail_opening(
                connection,
                result,
                TargetDisconnectedError(
                    "Member %s belongs to cluster %s, not to the connected cluster %s"
                    % (connection.remote_address, cluster_id, self.cluster_id)
                ),
            )
            return
        if member_uuid in self.active_connections:
            self._fail_opening(connection, result, TargetDisconnectedError("Duplicate connection to member %s" % member_uuid))
            return
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
            connection.local_address,
        )
        schemas_sent: Future[Any] = ImmediateFuture(None)
        if new_cluster and self._schemas.has_replicated_schemas():
            # The new cluster must know the Compact schemas of data the client may
            # send again (retries, values it read before) before anything else.
            schemas_sent = self._schemas.send_all_schemas()
        schemas_sent.add_done_callback(lambda f: self._serve(connection, first, result, f))

    def _serve(self, connection: Connection, first: bool, result: Future[Connection], schemas_sent: Future[Any]) -> None:
        error = schemas_sent.exception()
        if error is not None:
            self._fail_opening(connection, result, error)
            return
        if first:
            self._connected_once = True
            self._lifecycle.fire_lifecycle_event(LifecycleState.CONNECTED)
        if self._view_listener_connection is None or not self._view_listener_connection.live:
            self._register_cluster_view_listener(connection)
        self._fire_connection_event(0, connection)
        result.set_result(connection)

    def _register_cluster_view_listener(self, connection: Connection) -> None:
        if self._view_listener_correlation is not None:
            self._invocations.remove_event_handler(self._view_listener_correlation)
        self._view_listener_connection = connection

        def on_event(message: InboundMessage) -> None:
            client_add_cluster_view_listener_codec.handle(
                message,
                self._cluster.handle_members_view_event,
                lambda version, partitions: self._partitions.handle_partitions_view_event(connection, partitions, version),
            )

        request = client_add_cluster_view_listener_codec.encode_request()
        invocation = Invocation(request, connection=connection, event_handler=on_event, urgent=True)
        self._invocations.invoke(invocation)
        self._view_listener_correlation = request.get_correlation_id()

    # -- transport events -----------------------------------------------------------

    def on_message(self, message: InboundMessage, connection: Connection) -> None:
        self._invocations.handle_client_message(message)

    def on_connection_closed(self, connection: Connection, reason: str, cause: Optional[BaseException]) -> None:
        # Called by whichever thread saw the connection close: only bookkeeping here,
        # the reaction runs on the event thread.
        self._opened.pop(connection.connection_id, None)
        removed = False
        member_uuid = connection.remote_uuid
        if member_uuid is not None and self.active_connections.get(member_uuid) is connection:
            self.active_connections = {u: c for u, c in self.active_connections.items() if c is not connection}
            removed = True
        self._invocations.on_connection_closed(connection, HazelcastError(reason, cause))
        if not removed:
            return
        if self._stopped:
            # Shutting down: the event thread may stop before it would run this.
            self._after_connection_removed(connection, reason)
        else:
            self._transport.call_soon(self._after_connection_removed, connection, reason)

    def _after_connection_removed(self, connection: Connection, reason: str) -> None:
        _logger.info("Removed connection to %s:%s, reason: %s", connection.remote_address, connection.remote_uuid, reason)
        self._fire_connection_event(1, connection)
        now_empty = not self.active_connections
        if not self._stopped and connection is self._view_listener_connection:
            self._view_listener_connection = None
            for other in list(self.active_connections.values()):
                self._register_cluster_view_listener(other)
                break
        if not now_empty:
            return
        self._lifecycle.fire_lifecycle_event(LifecycleState.DISCONNECTED)
        start_failed = self._start_future.done() and self._start_future.exception() is not None
        if self._stopped or start_failed:
            # A failed start ends the client: its face shuts it down.
            return
        if self._config.reconnect_mode == ReconnectMode.OFF:
            _logger.info("reconnect_mode is OFF: shutting the client down")
            self._on_cluster_lost()
            return
        self._connect_to_cluster().add_done_callback(self._after_reconnect)

    def _after_reconnect(self, connecting: Future[None]) -> None:
        error = connecting.exception()
        if error is None or self._stopped or isinstance(error, HazelcastClientNotActiveError):
            return
        _logger.error("Could not reconnect to the cluster, shutting the client down: %s", error)
        self._on_cluster_lost()

    # -- smart routing: a connection to every member ---------------------------------

    def _on_member_list_change(self) -> None:
        if self._smart:
            self._transport.call_soon(self._connect_to_all_members)

    def _connect_to_all_members(self) -> List[Future[Connection]]:
        """Opens a connection to every member without one; returns the attempts under way."""
        if self._stopped or not self.active_connections:
            return []
        attempts = []
        for member in self._cluster.get_members():
            if member.uuid in self.active_connections:
                continue
            address = member.client_address(self._config.use_public_ip)
            attempt = self._member_connects.get(address)
            if attempt is None:
                attempt = self._member_connects[address] = self._open(address)
                attempt.add_done_callback(functools.partial(self._member_connect_done, address))
            attempts.append(attempt)
        self._close_connections_to_departed_members()
        return attempts

    def _member_connect_done(self, address: Address, attempt: Future[Connection]) -> None:
        self._member_connects.pop(address, None)
        error = attempt.exception()
        if error is not None:
            _logger.debug("Could not connect to member at %s: %s", address, error)

    def _close_connections_to_departed_members(self) -> None:
        if not self._cluster.member_list_is_current():
            return  # the list still describes a cluster the client left
        members = {m.uuid for m in self._cluster.get_members()}
        if not members:
            return
        for member_uuid, connection in list(self.active_connections.items()):
            if member_uuid not in members:
                connection.close("The member left the cluster", None)

    # -- heartbeats --------------------------------------------------------------------

    def _heartbeat(self) -> None:
        now = self._transport.now()
        timeout = self._config.heartbeat_timeout
        interval = self._config.heartbeat_interval
        for connection in list(self.active_connections.values()):
            if now - connection.last_read_time > timeout:
                _logger.warning(
                    "Heartbeat to %s timed out: nothing read for %.1f s", connection, now - connection.last_read_time
                )
                connection.close("Heartbeat timed out", None)
            elif now - connection.last_write_time >= interval:
                request = client_ping_codec.encode_request()
                self._invocations.invoke(Invocation(request, connection=connection, urgent=True))


def _ignore_event(message: InboundMessage) -> None:
    # Backup ack events are recognised by their flag, not by their listener.
    pass


def _with(mapping: Dict[uuid.UUID, Connection], key: uuid.UUID, value: Connection) -> Dict[uuid.UUID, Connection]:
    copy = dict(mapping)
    copy[key] = value
    return copy
