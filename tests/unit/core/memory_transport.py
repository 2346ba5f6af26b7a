"""An in-memory transport with a virtual clock, and scripted fake members.

Drives the sans-I/O core (hazelcast.connection, hazelcast.invocation) without a
socket, a thread or a real clock: time moves only when a test calls
:meth:`MemoryTransport.advance`, and bytes travel through queued calls run by
:meth:`MemoryTransport.run_pending` (which ``advance`` runs too).

A :class:`FakeCluster` holds what its members share (name, id, member list, map
entries); each :class:`FakeMember` decodes the client's requests and answers
authentication, the cluster view listener, map get/put, and any other request with
an empty response (ping, backup listener, proxy creation), unless told to stay silent.
"""

from __future__ import annotations

import collections
import heapq
import itertools
import struct
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple

from hazelcast.core import Address, MemberInfo, MemberVersion
from hazelcast.protocol.builtin import (
    EntryListUUIDListIntegerCodec,
    ListMultiFrameCodec,
    StringCodec,
    uuid_fields,
)
from hazelcast.protocol.client_message import IS_EVENT_FLAG, IS_NULL_FLAG, UNFRAGMENTED_MESSAGE, InboundMessage
from hazelcast.protocol.codec.custom.address_codec import AddressCodec
from hazelcast.protocol.codec.custom.member_info_codec import MemberInfoCodec
from hazelcast.protocol.frame_reader import FrameReader
from tests.unit.protocol.protocol_helpers import frame, mark_final

PARTITION_COUNT = 271

# Request message types the fake member knows, by the names tests use.
REQUEST_NAMES = {
    0x000100: "auth",
    0x000300: "view_listener",
    0x000400: "create_proxy",
    0x000B00: "ping",
    0x000F00: "backup_listener",
    0x010100: "map.put",
    0x010200: "map.get",
}
_MEMBERS_VIEW_EVENT = 0x000302
_PARTITIONS_VIEW_EVENT = 0x000303
# status, member uuid, serialization version, partition count, cluster id,
# failover supported, member list version, partition list version
_AUTH_FIXED = struct.Struct("<b?QQbi?QQ?ii")


class _Timer:
    __slots__ = ("when", "function", "args", "cancelled")

    def __init__(self, when: float, function: Callable[..., Any], args: Tuple[Any, ...]):
        self.when = when
        self.function = function
        self.args = args
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class MemoryTransport:
    """A :class:`hazelcast.transport.Transport` whose clock and network are in memory."""

    def __init__(self) -> None:
        self._now = 0.0
        self._timers: List[Tuple[float, int, _Timer]] = []
        self._order = itertools.count()
        self._soon: collections.deque = collections.deque()
        self.members: Dict[Address, "FakeMember"] = {}
        self.connect_attempts: List[Tuple[float, Address]] = []
        self._connection_ids = itertools.count(1)

    def now(self) -> float:
        return self._now

    def call_later(self, delay: float, function: Callable[..., Any], *args: Any) -> _Timer:
        timer = _Timer(self._now + delay, function, args)
        heapq.heappush(self._timers, (timer.when, next(self._order), timer))
        return timer

    def call_soon(self, function: Callable[..., Any], *args: Any) -> None:
        self._soon.append((function, args))

    def in_event_thread(self) -> bool:
        return True

    def run_pending(self) -> None:
        """Runs the queued calls, and the timers due now, until none is left."""
        self.advance(0)

    def advance(self, seconds: float) -> None:
        """Moves the clock ``seconds`` ahead, running each due timer at its time."""
        end = self._now + seconds
        while True:
            while self._soon:
                function, args = self._soon.popleft()
                function(*args)
            if not self._timers or self._timers[0][0] > end:
                break
            when, _, timer = heapq.heappop(self._timers)
            if not timer.cancelled:
                self._now = max(self._now, when)
                timer.function(*timer.args)
        self._now = end

    def connect(self, address: Address, events: Any, on_connected: Callable, on_failed: Callable) -> None:
        self.connect_attempts.append((self._now, address))
        member = self.members.get(address)
        if member is None:
            self.call_soon(on_failed, ConnectionRefusedError("Connection refused: %s" % address))
            return
        connection = MemoryConnection(self, next(self._connection_ids), address, events, member)
        member.connections.append(connection)
        self.call_soon(on_connected, connection)

    def shutdown(self) -> None:
        self._timers.clear()
        self._soon.clear()


class MemoryConnection:
    """A :class:`hazelcast.transport.Connection` between the client and a fake member."""

    def __init__(
        self, transport: MemoryTransport, connection_id: int, address: Address, events: Any, member: "FakeMember"
    ):
        self._transport = transport
        self._events = events
        self._member = member
        self._client_reader = FrameReader()
        self._member_reader = FrameReader()
        self._preamble_read = False
        self.connection_id = connection_id
        self.remote_address = address
        self.remote_uuid: Optional[uuid.UUID] = None
        self.local_address = Address("127.0.0.1", 40000 + connection_id)
        self.live = True
        self.close_reason: Optional[str] = None
        now = transport.now()
        self.start_time = now
        self.start_time_millis = int(now * 1000)
        self.last_read_time = now
        self.last_write_time = now
        self.written: List[bytes] = []  # what the client sent, chunk by chunk

    def send(self, data: bytes) -> bool:
        if not self.live:
            return False
        data = bytes(data)
        self.written.append(data)
        self.last_write_time = self._transport.now()
        self._transport.call_soon(self._to_member, data)
        return True

    def _to_member(self, data: bytes) -> None:
        if not self.live:
            return
        if not self._preamble_read:
            assert data == b"CP2", "the client must open with the protocol preamble"
            self._preamble_read = True
            return
        for message in self._member_reader.feed(data):
            self._member.handle(message, self)

    def push(self, data: bytes) -> None:
        """Sends bytes from the member to the client (delivered by run_pending)."""
        self._transport.call_soon(self._to_client, data)

    def _to_client(self, data: bytes) -> None:
        if not self.live:
            return
        self.last_read_time = self._transport.now()
        for message in self._client_reader.feed(data):
            self._events.on_message(message, self)

    def close(self, reason: str, cause: Optional[BaseException]) -> None:
        if not self.live:
            return
        self.live = False
        self.close_reason = reason
        self._events.on_connection_closed(self, reason, cause)

    def close_by_member(self) -> None:
        self.close("Connection closed by the member", None)

    def help_wait(self, pending: Any) -> None:
        raise AssertionError("the core must never wait on the in-memory transport")

    def __repr__(self) -> str:
        return "MemoryConnection(id=%d, live=%s, to=%s)" % (self.connection_id, self.live, self.remote_address)


class FakeCluster:
    """What the members of one cluster share: its name, id, member list and map entries."""

    def __init__(self, transport: MemoryTransport, name: str = "dev"):
        self.transport = transport
        self.name = name
        self.id = uuid.uuid4()
        self.members: List[FakeMember] = []
        self.view_version = 0
        self.entries: Dict[bytes, bytes] = {}
        # what the members send: the count in the authentication response,
        # and the partition ids of the table (default: all of them)
        self.partition_count = PARTITION_COUNT
        self.partition_ids: Optional[List[int]] = None

    def start_member(self, port: int = 5701, publish: bool = True) -> "FakeMember":
        member = FakeMember(self, Address("127.0.0.1", port))
        self.transport.members[member.address] = member
        self.members.append(member)
        if publish:
            self.publish_view()
        return member

    def leave(self, member: "FakeMember") -> None:
        """The member leaves gracefully: the others tell the client; its connections stay open."""
        self.members.remove(member)
        self.publish_view()

    def crash(self, member: "FakeMember") -> None:
        """The member is gone at once: its connections close, nobody accepts at its address."""
        self.transport.members.pop(member.address, None)
        for connection in list(member.connections):
            connection.close_by_member()

    def owner(self, partition_id: int) -> "FakeMember":
        return self.members[partition_id % len(self.members)]

    def publish_view(self) -> None:
        """Sends the member list and partition table to every registered view listener."""
        self.view_version += 1
        for member in self.members:
            for connection, correlation_id in member.view_listeners:
                if connection.live:
                    member.send_views(connection, correlation_id)


class FakeMember:
    """A scripted member: records each request and answers it (see the module doc)."""

    def __init__(self, cluster: FakeCluster, address: Address):
        self.cluster = cluster
        self.address = address
        self.uuid = uuid.uuid4()
        self.info = MemberInfo(address, self.uuid, {}, False, MemberVersion(5, 5, 0))
        self.connections: List[MemoryConnection] = []
        self.view_listeners: List[Tuple[MemoryConnection, int]] = []
        self.requests: List[Tuple[float, str, MemoryConnection, Any]] = []
        self.silent: set = set()  # request names left unanswered
        self.backup_acks = 0  # backups the responses to map.put announce

    def seen(self, name: str) -> List[Tuple[float, str, MemoryConnection, Any]]:
        return [r for r in self.requests if r[1] == name]

    def handle(self, message: InboundMessage, connection: MemoryConnection) -> None:
        request_type = message.get_message_type()
        name = REQUEST_NAMES.get(request_type, hex(request_type))
        correlation_id = message.get_correlation_id()
        message.next_frame()  # the initial frame: no fixed parameter used here
        detail: Any = None
        fixed, frames = b"", bytearray()
        if name == "auth":
            detail = StringCodec.decode(message)  # the cluster name
            status = 0 if detail == self.cluster.name else 1
            fixed = _AUTH_FIXED.pack(
                status, *uuid_fields(self.uuid), 1, self.cluster.partition_count, *uuid_fields(self.cluster.id), False, 0, 0
            )
            AddressCodec.encode(frames, self.address)
            StringCodec.encode(frames, "5.5.0")
        elif name in ("map.get", "map.put"):
            StringCodec.decode(message)  # the map name
            key = bytes(message.next_frame().buf)
            entries = self.cluster.entries
            detail = key
            old = entries.get(key)
            if name == "map.put":
                entries[key] = bytes(message.next_frame().buf)
            frames += frame(b"", IS_NULL_FLAG) if old is None else frame(old)
        self.requests.append((self.cluster.transport.now(), name, connection, detail))
        if name == "view_listener":  # FakeCluster.publish_view sends to it even if silent
            self.view_listeners.append((connection, correlation_id))
        if name in self.silent:
            return
        acks = self.backup_acks if name == "map.put" else 0
        connection.push(_message(request_type + 1, correlation_id, fixed, frames, backup_acks=acks))
        if name == "view_listener":
            self.send_views(connection, correlation_id)

    def send_views(self, connection: MemoryConnection, correlation_id: int) -> None:
        cluster = self.cluster
        version = struct.pack("<i", cluster.view_version)
        frames = bytearray()
        ListMultiFrameCodec.encode(frames, [m.info for m in cluster.members], MemberInfoCodec.encode)
        connection.push(_message(_MEMBERS_VIEW_EVENT, correlation_id, version, frames, event=True))
        owned: Dict[uuid.UUID, List[int]] = {m.uuid: [] for m in cluster.members}
        partition_ids = cluster.partition_ids
        for partition_id in range(PARTITION_COUNT) if partition_ids is None else partition_ids:
            owned[cluster.owner(partition_id).uuid].append(partition_id)
        frames = bytearray()
        EntryListUUIDListIntegerCodec.encode(frames, owned.items())
        connection.push(_message(_PARTITIONS_VIEW_EVENT, correlation_id, version, frames, event=True))


def _message(
    message_type: int, correlation_id: int, fixed: bytes, frames: bytes, event: bool = False, backup_acks: int = 0
) -> bytes:
    """A response (header: backup acks) or an event (header: partition id -1)."""
    if event:
        header = struct.pack("<iqi", message_type, correlation_id, -1)
        flags = UNFRAGMENTED_MESSAGE | IS_EVENT_FLAG
    else:
        header = struct.pack("<iqB", message_type, correlation_id, backup_acks)
        flags = UNFRAGMENTED_MESSAGE
    return bytes(mark_final(bytearray(frame(header + fixed, flags)) + frames))
