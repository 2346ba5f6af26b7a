"""Hazelcast core value types: addresses, members, entry views and JSON values."""

from __future__ import annotations

import json
import uuid as _uuid
from typing import Any, Dict, Generic, Optional, TypeVar

from hazelcast.util import SlotsPickleMixin

KeyType = TypeVar("KeyType")
ValueType = TypeVar("ValueType")

CLIENT_TYPE = "PYH"
"""Client type sent to the members when authenticating (the Python client)."""
SERIALIZATION_VERSION = 1
"""Serialization version sent to the members when authenticating."""


class Address(SlotsPickleMixin):
    """Network address of a cluster member.

    Args:
        host: Host name or IP address.
        port: Port number.
    """

    __slots__ = ("host", "port")

    def __init__(self, host: str, port: int):
        self.host = host
        self.port = port

    def __repr__(self) -> str:
        return "Address(host=%s, port=%d)" % (self.host, self.port)

    def __str__(self) -> str:
        if ":" in self.host:  # IPv6 literal
            return "[%s]:%d" % (self.host, self.port)
        return "%s:%d" % (self.host, self.port)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Address) and self.host == other.host and self.port == other.port

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self.host, self.port))


class ProtocolType:
    """Types of endpoints a member may expose (values as sent by the member)."""

    MEMBER = 0
    CLIENT = 1
    WAN = 2
    REST = 3
    MEMCACHE = 4


class EndpointQualifier:
    """Identifies one of a member's endpoints (protocol type and optional identifier).

    Args:
        protocol_type: The endpoint's protocol type, see :class:`ProtocolType`.
        identifier: The endpoint identifier, or None.
    """

    __slots__ = ("_protocol_type", "_identifier")

    def __init__(self, protocol_type: int, identifier: Optional[str]):
        self._protocol_type = protocol_type
        self._identifier = identifier

    @property
    def protocol_type(self) -> int:
        """The endpoint's protocol type (see :class:`ProtocolType`)."""
        return self._protocol_type

    @property
    def identifier(self) -> Optional[str]:
        """The identifier telling apart endpoints of the same protocol type, or None."""
        return self._identifier

    @property
    def type(self) -> int:
        """The protocol type, under its name in the protocol (the codec reads it)."""
        return self._protocol_type

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, EndpointQualifier)
            and self._protocol_type == other._protocol_type
            and self._identifier == other._identifier
        )

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self._protocol_type, self._identifier))

    def __repr__(self) -> str:
        return "EndpointQualifier(protocol_type=%s, identifier=%s)" % (self._protocol_type, self._identifier)


class MemberVersion:
    """Codebase version of a member: major.minor.patch."""

    __slots__ = ("major", "minor", "patch")

    def __init__(self, major: int, minor: int, patch: int):
        self.major = major
        self.minor = minor
        self.patch = patch

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MemberVersion) and (self.major, self.minor, self.patch) == (
            other.major,
            other.minor,
            other.patch,
        )

    def __hash__(self) -> int:
        return hash((self.major, self.minor, self.patch))

    def __repr__(self) -> str:
        return "MemberVersion(major=%s, minor=%s, patch=%s)" % (self.major, self.minor, self.patch)


_CLIENT_ENDPOINT = EndpointQualifier(ProtocolType.CLIENT, None)
_PUBLIC_CLIENT_ENDPOINT = EndpointQualifier(ProtocolType.CLIENT, "public")


class MemberInfo:
    """A member of the cluster as the member list reports it.

    Attributes:
        address: The address clients connect to.
        uuid: The member's UUID.
        attributes: Configured member attributes.
        lite_member: True for a lite member (no partitions).
        version: The member's codebase version.
        address_map: The member's endpoints, by qualifier.
    """

    __slots__ = ("address", "uuid", "attributes", "lite_member", "version", "address_map")

    def __init__(
        self,
        address: Address,
        member_uuid: _uuid.UUID,
        attributes: Dict[str, str],
        lite_member: bool,
        version: MemberVersion,
        _: Any = None,
        address_map: Optional[Dict[EndpointQualifier, Address]] = None,
    ):
        # The official positional form passes a flag ("the address map exists")
        # sixth and the map seventh; the member-list codec passes the map sixth.
        if address_map is None and isinstance(_, dict):
            address_map = _
        self.address = address
        self.uuid = member_uuid
        self.attributes = attributes
        self.lite_member = lite_member
        self.version = version
        self.address_map = address_map or {}

    def client_address(self, use_public_ip: bool = False) -> Address:
        """The address a client connects to: the public client endpoint when asked
        for and reported, else the client endpoint, else the member address."""
        if use_public_ip:
            public = self.address_map.get(_PUBLIC_CLIENT_ENDPOINT)
            if public is not None:
                return public
        return self.address_map.get(_CLIENT_ENDPOINT, self.address)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MemberInfo) and self.uuid == other.uuid

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self.uuid)

    def __repr__(self) -> str:
        return "Member [%s]:%s - %s%s" % (
            self.address.host,
            self.address.port,
            self.uuid,
            " lite" if self.lite_member else "",
        )


class DistributedObjectInfo(SlotsPickleMixin):
    """Service name and object name of a distributed object."""

    __slots__ = ("service_name", "name")

    def __init__(self, service_name: str, name: str):
        self.service_name = service_name
        self.name = name

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DistributedObjectInfo)
            and self.service_name == other.service_name
            and self.name == other.name
        )

    def __hash__(self) -> int:
        return hash((self.service_name, self.name))

    def __repr__(self) -> str:
        return "DistributedObjectInfo(service_name=%s, name=%s)" % (self.service_name, self.name)


class DistributedObjectEventType:
    """Type of a distributed object event."""

    CREATED = "CREATED"
    DESTROYED = "DESTROYED"


class DistributedObjectEvent(SlotsPickleMixin):
    """A distributed object was created or destroyed.

    Attributes:
        name: Name of the object.
        service_name: Service name of the object.
        event_type: A :class:`DistributedObjectEventType` value.
        source: UUID of the member that fired the event.
    """

    __slots__ = ("name", "service_name", "event_type", "source")

    def __init__(self, name: str, service_name: str, event_type: str, source: _uuid.UUID):
        self.name = name
        self.service_name = service_name
        self.event_type = event_type
        self.source = source

    def __repr__(self) -> str:
        return "DistributedObjectEvent(name=%s, service_name=%s, event_type=%s, source=%s)" % (
            self.name,
            self.service_name,
            self.event_type,
            self.source,
        )


class SimpleEntryView(Generic[KeyType, ValueType]):
    """A view of a map entry with its statistics (times are epoch milliseconds)."""

    __slots__ = (
        "key",
        "value",
        "cost",
        "creation_time",
        "expiration_time",
        "hits",
        "last_access_time",
        "last_stored_time",
        "last_update_time",
        "version",
        "ttl",
        "max_idle",
    )

    def __init__(
        self,
        key: KeyType,
        value: ValueType,
        cost: int,
        creation_time: int,
        expiration_time: int,
        hits: int,
        last_access_time: int,
        last_stored_time: int,
        last_update_time: int,
        version: int,
        ttl: int,
        max_idle: int,
    ):
        self.key = key
        self.value = value
        self.cost = cost
        self.creation_time = creation_time
        self.expiration_time = expiration_time
        self.hits = hits
        self.last_access_time = last_access_time
        self.last_stored_time = last_stored_time
        self.last_update_time = last_update_time
        self.version = version
        self.ttl = ttl
        self.max_idle = max_idle

    def __repr__(self) -> str:
        return "SimpleEntryView(%s)" % ", ".join(
            "%s=%r" % (name, getattr(self, name)) for name in self.__slots__
        )


class HazelcastJsonValue(SlotsPickleMixin):
    """A JSON string stored as a JSON value on the cluster, queryable by members.

    Args:
        value: A JSON string, or any object ``json.dumps`` can serialize; not None.

    Raises:
        AssertionError: If ``value`` is None (as in the official client).
    """

    __slots__ = ("_json_string",)

    def __init__(self, value: Any):
        if value is None:
            # AssertionError, as the official client raises here
            raise AssertionError("HazelcastJsonValue cannot hold None: pass a JSON string or an object "
                                 "json.dumps accepts (the JSON null is the string \"null\")")
        if isinstance(value, str):
            self._json_string = value
        else:
            self._json_string = json.dumps(value)

    def to_string(self) -> str:
        """Returns the JSON string."""
        return self._json_string

    def loads(self) -> Any:
        """Returns the JSON string parsed into Python objects."""
        return json.loads(self._json_string)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HazelcastJsonValue) and self._json_string == other._json_string

    def __hash__(self) -> int:
        return hash(self._json_string)

    def __repr__(self) -> str:
        return "HazelcastJsonValue(%s)" % self._json_string


class MapEntry(Generic[KeyType, ValueType]):
    """A map entry: a key and its value, as aggregations and projections return them.

    Args:
        key: The key.
        value: The value.
    """

    __slots__ = ("_key", "_value")

    def __init__(self, key: Optional[KeyType] = None, value: Optional[ValueType] = None):
        self._key = key
        self._value = value

    @property
    def key(self) -> KeyType:
        """The key of the entry."""
        return self._key  # type: ignore[return-value]  # None only while being read

    @property
    def value(self) -> ValueType:
        """The value of the entry."""
        return self._value  # type: ignore[return-value]  # None only while being read

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MapEntry) and self._key == other._key and self._value == other._value

    def __hash__(self) -> int:
        return hash((self._key, self._value))

    def __repr__(self) -> str:
        return "MapEntry(key=%r, value=%r)" % (self._key, self._value)
