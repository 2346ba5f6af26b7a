"""Listener registrations kept alive across connections.

A smart client registers each listener on every member it is connected to (asking
each member for its local events only); a unisocket client on its one connection.
When a connection opens (a member joins, the client reconnects), every listener is
registered on it; when it closes, its registrations are forgotten.
"""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Any, Callable, Dict, Tuple

from hazelcast.future import Future, combine_futures
from hazelcast.invocation import Invocation

_logger = logging.getLogger(__name__)


class _Registration:
    __slots__ = ("request", "decode_response", "encode_deregister", "handler", "on_connections")

    def __init__(
        self,
        request: Any,
        decode_response: Callable[[Any], Any],
        encode_deregister: Callable[[Any], Any],
        handler: Callable[[Any], None],
    ):
        self.request = request
        self.decode_response = decode_response
        self.encode_deregister = encode_deregister
        self.handler = handler
        # connection -> (the member's registration id, correlation id of the events)
        self.on_connections: Dict[Any, Tuple[Any, int]] = {}


class ListenerService:
    """Registers listeners on the cluster's members and keeps them registered."""

    def __init__(self, connection_manager: Any, invocation_service: Any):
        self._connection_manager = connection_manager
        self._invocation_service = invocation_service
        self._registrations: Dict[str, _Registration] = {}
        self._lock = threading.RLock()
        connection_manager.add_connection_listener(self._on_connection_added, self._on_connection_removed)

    def register_listener(
        self,
        registration_request: Any,
        decode_register_response: Callable[[Any], Any],
        encode_deregister_request: Callable[[Any], Any],
        handler: Callable[[Any], None],
    ) -> Future[Any]:
        """Registers a listener on every connection; the Future gives its id.

        Args:
            registration_request: The encoded add-listener request (copied per member).
            decode_register_response: Decodes the member's registration id.
            encode_deregister_request: Encodes the remove-listener request from a
                member's registration id.
            handler: Called with each event message.

        Returns:
            Future of the registration id (str).
        """
        registration_id = str(uuid.uuid4())
        registration = _Registration(
            registration_request, decode_register_response, encode_deregister_request, handler
        )
        with self._lock:
            self._registrations[registration_id] = registration
            connections = list(self._connection_manager.active_connections.values())
        futures = [self._register_on(registration, connection) for connection in connections]

        def done(combined: Future[Any]) -> str:
            if not combined.is_success():
                self.deregister_listener(registration_id)
                combined.result()  # raises the registration error
            return registration_id

        return combine_futures(futures).continue_with(done)

    def deregister_listener(self, registration_id: str) -> Future[Any]:
        """Removes a listener from every member.

        Returns:
            Future of True if the listener was registered, False otherwise.
        """
        with self._lock:
            registration = self._registrations.pop(registration_id, None)
        if registration is None:
            return _completed(False)
        futures = []
        for connection, (server_id, correlation_id) in list(registration.on_connections.items()):
            self._invocation_service.remove_event_handler(correlation_id)
            if connection.live:
                invocation = Invocation(
                    registration.encode_deregister(server_id), connection=connection, urgent=True
                )
                self._invocation_service.invoke(invocation)
                futures.append(invocation.future)
        registration.on_connections.clear()
        # A member that left meanwhile has forgotten the listener anyway.
        return combine_futures(futures).continue_with(lambda _: True)

    def registration_count(self) -> int:
        return len(self._registrations)

    def _register_on(self, registration: _Registration, connection: Any) -> Future[Any]:
        request = registration.request.copy()
        invocation = Invocation(request, connection=connection, event_handler=registration.handler, urgent=True)
        self._invocation_service.invoke(invocation)

        def registered(future: Future[Any]) -> None:
            server_id = registration.decode_response(future.result())
            with self._lock:
                if connection.live:
                    registration.on_connections[connection] = (server_id, request.get_correlation_id())

        return invocation.future.continue_with(registered)

    def _on_connection_added(self, connection: Any) -> None:
        with self._lock:
            registrations = list(self._registrations.values())
        for registration in registrations:
            self._register_on(registration, connection).add_done_callback(_log_failure)

    def _on_connection_removed(self, connection: Any) -> None:
        with self._lock:
            for registration in self._registrations.values():
                entry = registration.on_connections.pop(connection, None)
                if entry is not None:
                    self._invocation_service.remove_event_handler(entry[1])


def _completed(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


def _log_failure(future: Future[Any]) -> None:
    if not future.is_success():
        _logger.warning("Could not register a listener on a new connection: %s", future.exception())
