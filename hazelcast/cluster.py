"""The client's view of the cluster members, and membership listeners."""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from hazelcast.core import Address, MemberInfo
from hazelcast.future import Future

_logger = logging.getLogger(__name__)

MemberListener = Optional[Callable[[MemberInfo], None]]


class ClientInfo:
    """Local information of a client.

    Attributes:
        uuid: Unique id of the client instance.
        address: Local address of its connection to the cluster.
        name: Name of the client.
        labels: The client's labels.
    """

    __slots__ = ("uuid", "address", "name", "labels")

    def __init__(self, client_uuid: uuid.UUID, address: Optional[Address], name: str, labels: Set[str]):
        self.uuid = client_uuid
        self.address = address
        self.name = name
        self.labels = labels

    def __repr__(self) -> str:
        return "ClientInfo(uuid=%s, address=%s, name=%s, labels=%s)" % (self.uuid, self.address, self.name, self.labels)


class ClusterService:
    """Gives the members of the cluster and lets you listen to membership changes."""

    def __init__(self, internal: "_InternalClusterService"):
        self._internal = internal

    def add_listener(
        self,
        member_added: MemberListener = None,
        member_removed: MemberListener = None,
        fire_for_existing: bool = False,
    ) -> str:
        """Adds a membership listener.

        Args:
            member_added: Function called with the :class:`hazelcast.core.MemberInfo`
                of a member that joined.
            member_removed: Function called with the MemberInfo of a member that left.
            fire_for_existing: If True, ``member_added`` is called at once for each
                member already in the cluster.

        Returns:
            The registration id, to remove the listener with.
        """
        return self._internal.add_listener(member_added, member_removed, fire_for_existing)

    def remove_listener(self, registration_id: str) -> bool:
        """Removes a membership listener.

        Args:
            registration_id: The id returned by :meth:`add_listener`.

        Returns:
            True if the listener was removed, False if there was none with that id.
        """
        return self._internal.remove_listener(registration_id)

    def get_members(self, member_selector: Optional[Callable[[MemberInfo], bool]] = None) -> List[MemberInfo]:
        """Returns the members of the cluster the client knows of.

        Args:
            member_selector: If given, only the members for which it returns True.

        Returns:
            The members.
        """
        return self._internal.get_members(member_selector)


class _InternalClusterService:
    def __init__(self, membership_listeners: Optional[List[Tuple[MemberListener, MemberListener]]] = None):
        self._lock = threading.Lock()
        self._members: Dict[uuid.UUID, MemberInfo] = {}
        self._version = -1
        self._listeners: Dict[str, Tuple[MemberListener, MemberListener]] = {}
        # Completed when the first member list arrives (a start waits for it).
        self.initial_member_list: Future[None] = Future()
        # Called with no argument whenever the member list changes (the connection
        # manager opens or closes connections from it).
        self.on_member_list_change: Optional[Callable[[], None]] = None
        for added, removed in membership_listeners or ():
            self.add_listener(added, removed)

    def get_members(self, member_selector: Optional[Callable[[MemberInfo], bool]] = None) -> List[MemberInfo]:
        members = list(self._members.values())
        if member_selector is None:
            return members
        return [m for m in members if member_selector(m)]

    def get_member(self, member_uuid: uuid.UUID) -> Optional[MemberInfo]:
        return self._members.get(member_uuid)

    def size(self) -> int:
        return len(self._members)

    def add_listener(
        self, member_added: MemberListener = None, member_removed: MemberListener = None, fire_for_existing: bool = False
    ) -> str:
        registration_id = str(uuid.uuid4())
        with self._lock:
            self._listeners[registration_id] = (member_added, member_removed)
            existing = list(self._members.values()) if fire_for_existing else []
        if member_added is not None:
            for member in existing:
                _call(member_added, member)
        return registration_id

    def remove_listener(self, registration_id: str) -> bool:
        with self._lock:
            return self._listeners.pop(registration_id, None) is not None

    def member_list_is_current(self) -> bool:
        """False between connecting to a new cluster and receiving its member list."""
        return self._version != -1

    def clear_member_list_version(self) -> None:
        # A new cluster (after a restart) starts its member list versions anew.
        with self._lock:
            self._version = -1

    def clear_member_list(self) -> None:
        """Forgets every member (the client lost the cluster); fires member removed."""
        with self._lock:
            removed = list(self._members.values())
            self._members = {}
            self._version = -1
            listeners = list(self._listeners.values())
        self._fire(removed, [], listeners)

    def handle_members_view_event(self, version: int, member_infos: List[MemberInfo]) -> None:
        with self._lock:
            if version <= self._version and self.initial_member_list.done():
                return
            old = self._members
            new = {m.uuid: m for m in member_infos}
            self._members = new
            self._version = version
            listeners = list(self._listeners.values())
        removed = [m for u, m in old.items() if u not in new]
        added = [m for u, m in new.items() if u not in old]
        _logger.info("Members [%d] {\n\t%s\n}", len(new), "\n\t".join(str(m) for m in new.values()))
        self.initial_member_list.set_result(None)
        self._fire(removed, added, listeners)
        if self.on_member_list_change is not None:
            self.on_member_list_change()

    @staticmethod
    def _fire(
        removed: List[MemberInfo], added: List[MemberInfo], listeners: List[Tuple[MemberListener, MemberListener]]
    ) -> None:
        for member in removed:
            for _, on_removed in listeners:
                if on_removed is not None:
                    _call(on_removed, member)
        for member in added:
            for on_added, _ in listeners:
                if on_added is not None:
                    _call(on_added, member)


def _call(listener: Callable[[MemberInfo], None], member: MemberInfo) -> None:
    try:
        listener(member)
    except Exception:
        _logger.exception("Exception in membership listener %r", listener)


class VectorClock:
    """Logical timestamps of the replicas, one per replica id.

    Reads may come from any thread; updates are serialized by the owner (the
    PN counter proxy replaces its clock under a lock, never mutates it in place).
    """

    __slots__ = ("_replica_timestamps",)

    def __init__(self) -> None:
        self._replica_timestamps: Dict[Any, int] = {}

    def is_after(self, other: "VectorClock") -> bool:
        """Returns whether this clock is causally strictly after ``other``.

        That holds when no timestamp of ``other`` is missing here or greater than
        ours, and at least one of ours is greater or we know more replicas.

        Args:
            other: The vector clock to compare with.

        Returns:
            ``True`` if this clock is strictly after ``other``, ``False`` otherwise.
        """
        ours = self._replica_timestamps
        greater = False
        for replica_id, timestamp in other._replica_timestamps.items():
            local = ours.get(replica_id)
            if local is None or local < timestamp:
                return False
            if local > timestamp:
                greater = True
        return greater or len(other._replica_timestamps) < len(ours)

    def set_replica_timestamp(self, replica_id: Any, timestamp: int) -> None:
        """Sets the logical timestamp of a replica.

        Args:
            replica_id: The replica's id.
            timestamp: Its logical timestamp.
        """
        self._replica_timestamps[replica_id] = timestamp

    def entry_set(self) -> List[Tuple[Any, int]]:
        """Returns the ``(replica id, timestamp)`` pairs of this clock."""
        return list(self._replica_timestamps.items())

    def size(self) -> int:
        """Returns the number of replicas this clock has a timestamp for."""
        return len(self._replica_timestamps)
