"""Lifecycle of the client: its states and the listeners told of each change."""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Callable, Dict, Iterable, Optional

_logger = logging.getLogger(__name__)


class LifecycleState:
    """Lifecycle states of the client, in the order a client goes through them."""

    STARTING = "STARTING"
    """The client is starting."""

    STARTED = "STARTED"
    """The client has started."""

    SHUTTING_DOWN = "SHUTTING_DOWN"
    """The client is shutting down."""

    SHUTDOWN = "SHUTDOWN"
    """The client has shut down."""

    CONNECTED = "CONNECTED"
    """The client is connected to the cluster."""

    DISCONNECTED = "DISCONNECTED"
    """The client lost its connection to the cluster."""


class LifecycleService:
    """Tells whether the client is running and lets you listen to its state changes."""

    def __init__(self, internal: "_InternalLifecycleService"):
        self._internal = internal

    def is_running(self) -> bool:
        """Checks whether the client is running.

        Returns:
            True if the client is running, False otherwise.
        """
        return self._internal.running

    def add_listener(self, on_state_change: Callable[[str], None]) -> str:
        """Adds a listener called with the new state on each lifecycle change.

        Args:
            on_state_change: Function called with the new :class:`LifecycleState`.

        Returns:
            The registration id, to remove the listener with.
        """
        return self._internal.add_listener(on_state_change)

    def remove_listener(self, registration_id: str) -> bool:
        """Removes a lifecycle listener.

        Args:
            registration_id: The id returned by :meth:`add_listener`.

        Returns:
            True if the listener was removed, False if there was none with that id.
        """
        return self._internal.remove_listener(registration_id)


class _InternalLifecycleService:
    def __init__(self, listeners: Optional[Iterable[Callable[[str], None]]] = None):
        self.running = False
        self.shut_down = False
        self._lock = threading.Lock()
        self._listeners: Dict[str, Callable[[str], None]] = {}
        for listener in listeners or ():
            self.add_listener(listener)

    def add_listener(self, listener: Callable[[str], None]) -> str:
        registration_id = str(uuid.uuid4())
        with self._lock:
            self._listeners[registration_id] = listener
        return registration_id

    def remove_listener(self, registration_id: str) -> bool:
        with self._lock:
            return self._listeners.pop(registration_id, None) is not None

    def start(self) -> None:
        if self.running:
            return
        self.fire_lifecycle_event(LifecycleState.STARTING)
        self.running = True
        self.fire_lifecycle_event(LifecycleState.STARTED)

    def fire_lifecycle_event(self, new_state: str) -> None:
        if new_state == LifecycleState.SHUTTING_DOWN:
            self.running = False
        _logger.info("HazelcastClient is %s", new_state)
        with self._lock:
            listeners = list(self._listeners.values())
        for listener in listeners:
            try:
                listener(new_state)
            except Exception:
                _logger.exception("Exception in lifecycle listener %r", listener)
