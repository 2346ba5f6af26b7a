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
from typing import Any, Callable, Dict, Optional, Set, Tuple

from hazelcast.future import Future, combine_futures
from hazelcast.invocation import Invocation

_logger = logging.getLogger(__name__)


class _Registration:
    __slots__ = ("request", "decode_response", "encode_deregister", "handler", "on_connections", "sent_to", "active")

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

        def on_event(message: Any) -> None:
            # Events read before the listener was removed, still queued for the
            # event thread, are dropped: none reaches it after its removal.
            if self.active:
                handler(message)

        self.handler = on_event
        # connection -> (the member's registration id, correlation id of the events)
        self.on_connections: Dict[Any, Tuple[Any, int]] = {}
        # Connections a registration request went to (answered or not): a connection
        # opened while the listener is being added is announced and also seen in
        # the active connections; it must get one registration, not two (two would
        # deliver each event twice).
        self.sent_to: Set[Any] = set()
        # False once deregistered: a registration answered later is undone.
        self.active = True


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
        futures = []
        for connection in connections:
            future = self._register_on(registration, connection)
            if future is not None:
                futures.append(future)

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
            registration.active = False
            registered = list(registration.on_connections.items())
            registration.on_connections.clear()
        # Registrations still unanswered are undone when their answer comes.
        futures = [
            self._deregister_on(registration, connection, server_id, correlation_id)
            for connection, (server_id, correlation_id) in registered
        ]
        # A member that left meanwhile has forgotten the listener anyway.
        return combine_futures(futures).continue_with(lambda _: True)

    def registration_count(self) -> int:
        return len(self._registrations)

    def _register_on(self, registration: _Registration, connection: Any) -> Optional[Future[Any]]:
        """Sends the registration on the connection; None if it went there already."""
        with self._lock:
            if not registration.active or connection in registration.sent_to:
                return None
            registration.sent_to.add(connection)
        request = registration.request.copy()
        invocation = Invocation(request, connection=connection, event_handler=registration.handler, urgent=True)
        self._invocation_service.invoke(invocation)

        def registered(future: Future[Any]) -> None:
            if not future.is_success():
                with self._lock:
                    registration.sent_to.discard(connection)
                future.result()  # raises the registration error
            server_id = registration.decode_response(future.result())
            correlation_id = request.get_correlation_id()
            with self._lock:
                if registration.active and connection.live and connection in registration.sent_to:
                    registration.on_connections[connection] = (server_id, correlation_id)
                    return
                undo = not registration.active and connection.live
            # Deregistered (or the connection closed) while the member answered.
            self._invocation_service.remove_event_handler(correlation_id)
            if undo:
                self._deregister_on(registration, connection, server_id, correlation_id)

        return invocation.future.continue_with(registered)

    def _deregister_on(self, registration: _Registration, connection: Any, server_id: Any, correlation_id: int) -> Future[Any]:
        self._invocation_service.remove_event_handler(correlation_id)
        if not connection.live:
            return _completed(None)  # the member forgets the listeners of a closed connection
        invocation = Invocation(registration.encode_deregister(server_id), connection=connection, urgent=True)
        self._invocation_service.invoke(invocation)
        return invocation.future

    def _on_connection_added(self, connection: Any) -> None:
        with self._lock:
            registrations = list(self._registrations.values())
        for registration in registrations:
            future = self._register_on(registration, connection)
            if future is not None:
                future.add_done_callback(_log_failure)

    def _on_connection_removed(self, connection: Any) -> None:
        with self._lock:
            for registration in self._registrations.values():
                registration.sent_to.discard(connection)
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
