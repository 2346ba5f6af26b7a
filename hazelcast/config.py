"""Client configuration: the options of :class:`hazelcast.client.HazelcastClient`.

Every keyword argument of the client is an option of :class:`Config`. Each
option is a property whose setter validates the value; invalid values raise
``TypeError`` (wrong type) or ``ValueError`` (out of range), and unknown option
names raise :class:`hazelcast.errors.InvalidConfigurationError`. Messages name
the option and the value, e.g. ``invalid value -1 for 'retry_multiplier': must
be >= 1``.

Options taking one of the enum-like classes below accept a member's value
(``ReconnectMode.ASYNC``, ``2``) or a member's name (``"ASYNC"``).

The options are declared once, in tables (:class:`_Option` rows); the
properties, the defaults and ``from_dict`` are generated from those tables.
"""

from __future__ import annotations

import difflib
import re
import types
import typing

from hazelcast.errors import InvalidConfigurationError
from hazelcast.util import LoadBalancer, check_not_none, try_to_get_enum_value

if typing.TYPE_CHECKING:
    from hazelcast.core import MemberInfo
    from hazelcast.security import TokenProvider
    from hazelcast.serialization.api import (
        CompactSerializer,
        IdentifiedDataSerializable,
        Portable,
        StreamSerializer,
    )
    from hazelcast.serialization.portable.classdef import ClassDefinition

# --------------------------------------------------------------------------
# Enum-like classes (plain int constants, as in the official client).
# --------------------------------------------------------------------------


class IntType:
    """How Python ``int`` values are serialized (``default_int_type``)."""

    VAR = 0
    """The smallest of byte, short, int, long or BigInteger that holds the
    value. The member-side type then depends on the value, which statically
    typed clients may not expect."""

    BYTE = 1
    """As an 8-bit integer (Java ``byte``)."""

    SHORT = 2
    """As a 16-bit integer (Java ``short``)."""

    INT = 3
    """As a 32-bit integer (Java ``int``)."""

    LONG = 4
    """As a 64-bit integer (Java ``long``)."""

    BIG_INT = 5
    """As Java ``BigInteger``: any size, but slower to serialize."""


class EvictionPolicy:
    """Near Cache eviction policies."""

    NONE = 0
    """No eviction."""

    LRU = 1
    """Evicts the least recently used entries."""

    LFU = 2
    """Evicts the least frequently used entries."""

    RANDOM = 3
    """Evicts random entries."""


class InMemoryFormat:
    """Format of the values kept in a Near Cache."""

    BINARY = 0
    """Serialized form; deserialized on every read."""

    OBJECT = 1
    """Deserialized objects."""


class SSLProtocol:
    """SSL/TLS protocol versions (``ssl_protocol``)."""

    SSLv2 = 0
    """SSL 2.0 (prohibited by RFC 6176)."""

    SSLv3 = 1
    """SSL 3.0 (prohibited by RFC 7568)."""

    TLSv1 = 2
    """TLS 1.0 (RFC 2246)."""

    TLSv1_1 = 3
    """TLS 1.1 (RFC 4346)."""

    TLSv1_2 = 4
    """TLS 1.2 (RFC 5246)."""

    TLSv1_3 = 5
    """TLS 1.3 (RFC 8446); needs Python built with OpenSSL 1.1.1 or later."""


class QueryConstants:
    """Special attribute names usable in queries and indexes."""

    KEY_ATTRIBUTE_NAME = "__key"
    """Attribute name of the entry key."""

    THIS_ATTRIBUTE_NAME = "this"
    """Attribute name of the entry value."""


class UniqueKeyTransformation:
    """How a bitmap index turns unique key values into ids."""

    OBJECT = 0
    """Each distinct object value gets a non-negative unique id."""

    LONG = 1
    """The value is an integral number, widened to long; each distinct value
    gets a non-negative unique id."""

    RAW = 2
    """The value is an integral number, widened to long, and used as the id."""


class IndexType:
    """Types of map indexes."""

    SORTED = 0
    """Sorted index: equality and range predicates."""

    HASH = 1
    """Hash index: equality predicates."""

    BITMAP = 2
    """Bitmap index: equality predicates, compact for low-cardinality values."""


class ReconnectMode:
    """What the client does after it loses the connection to the cluster."""

    OFF = 0
    """Do not reconnect; the client shuts down."""

    ON = 1
    """Reconnect; invocations block until the client is connected again."""

    ASYNC = 2
    """Reconnect in the background; meanwhile invocations fail with
    :class:`hazelcast.errors.ClientOfflineError`."""


class TopicOverloadPolicy:
    """What a reliable topic publisher does when the ringbuffer is full.

    The reliable topic stores messages in a ringbuffer of fixed capacity,
    which does not know where its readers are. With a time-to-live on the
    ringbuffer, the oldest item may not be old enough to be overwritten; this
    policy decides what happens to the publish then.
    """

    DISCARD_OLDEST = 0
    """Overwrite the oldest message even if it has not expired, at the expense
    of slow readers."""

    DISCARD_NEWEST = 1
    """Drop the message being published."""

    BLOCK = 2
    """Wait until there is room in the ringbuffer."""

    ERROR = 3
    """Fail the publish at once with
    :class:`hazelcast.errors.TopicOverloadError`."""


# --------------------------------------------------------------------------
# Validators. Each takes (option name, value) and returns the value to store,
# or raises TypeError/ValueError naming the option and the value.
# --------------------------------------------------------------------------

_Validator = typing.Callable[[str, typing.Any], typing.Any]


def _invalid(error: type, name: str, value: typing.Any, requirement: str) -> Exception:
    return error("invalid value %r for %r: must be %s" % (value, name, requirement))


def _is_number(value: typing.Any) -> bool:
    # bool is an int subclass, but True is never a sensible timeout or count.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: typing.Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _instance_of(cls: type, requirement: str) -> _Validator:
    def check(name: str, value: typing.Any) -> typing.Any:
        if not isinstance(value, cls):
            raise _invalid(TypeError, name, value, requirement)
        return value

    return check


_boolean = _instance_of(bool, "a bool")
_string = _instance_of(str, "a str")


def _number(
    minimum: typing.Optional[float] = None,
    positive: bool = False,
    maximum: typing.Optional[float] = None,
    integer: bool = False,
    or_value: typing.Optional[float] = None,
) -> _Validator:
    """Number check: ``minimum <= value`` (``0 < value`` if ``positive``),
    ``value <= maximum``; ``or_value`` is accepted besides the range."""
    kind = "an int" if integer else "a number"
    if positive:
        rule = "> 0"
    elif minimum is not None and maximum is not None:
        rule = "in range [%s, %s]" % (minimum, maximum)
    elif minimum is not None:
        rule = ">= %s" % minimum
    elif maximum is not None:
        rule = "<= %s" % maximum
    else:
        rule = ""  # no range: never reported
    if rule and or_value is not None:
        rule += " or %s" % or_value

    def check(name: str, value: typing.Any) -> typing.Any:
        if not (_is_int(value) if integer else _is_number(value)):
            raise _invalid(TypeError, name, value, kind)
        if value == or_value:
            return value
        if (
            (positive and value <= 0)
            or (minimum is not None and value < minimum)
            or (maximum is not None and value > maximum)
        ):
            raise _invalid(ValueError, name, value, rule)
        return value

    return check


def _enum(enum_class: type) -> _Validator:
    def check(name: str, value: typing.Any) -> typing.Any:
        return try_to_get_enum_value(value, enum_class, name)

    return check


def _list_of(item_ok: typing.Callable[[typing.Any], bool], requirement: str) -> _Validator:
    def check(name: str, value: typing.Any) -> typing.Any:
        if not isinstance(value, list):
            raise _invalid(TypeError, name, value, requirement)
        for item in value:
            if not item_ok(item):
                raise _invalid(TypeError, name, value, "%s (bad item %r)" % (requirement, item))
        return value

    return check


def _subclass_of(base: type, item: typing.Any) -> bool:
    return isinstance(item, type) and issubclass(item, base)


# The serialization API classes are imported when a value is checked, not when
# this module is imported: the serialization package imports this module.


def _serialization_api() -> types.ModuleType:
    from hazelcast.serialization import api

    return api


def _factories(kind: str) -> _Validator:
    requirement = "a dict of int factory id to a dict of int class id to a %s subclass" % kind

    def check(name: str, value: typing.Any) -> typing.Any:
        base = getattr(_serialization_api(), kind)
        if not isinstance(value, dict):
            raise _invalid(TypeError, name, value, requirement)
        for factory_id, factory in value.items():
            if not _is_int(factory_id) or not isinstance(factory, dict):
                raise _invalid(TypeError, name, value, requirement)
            for class_id, cls in factory.items():
                if not _is_int(class_id) or not _subclass_of(base, cls):
                    raise _invalid(TypeError, name, value, requirement)
        return value

    return check


def _compact_serializers(name: str, value: typing.Any) -> typing.Any:
    base = _serialization_api().CompactSerializer
    return _list_of(lambda s: isinstance(s, base), "a list of CompactSerializer instances")(
        name, value
    )


def _class_definitions(name: str, value: typing.Any) -> typing.Any:
    from hazelcast.serialization.portable.classdef import ClassDefinition

    return _list_of(lambda cd: isinstance(cd, ClassDefinition), "a list of ClassDefinition")(
        name, value
    )


def _global_serializer(name: str, value: typing.Any) -> typing.Any:
    if not _subclass_of(_serialization_api().StreamSerializer, value):
        raise _invalid(TypeError, name, value, "a StreamSerializer subclass")
    return value


def _custom_serializers(name: str, value: typing.Any) -> typing.Any:
    base = _serialization_api().StreamSerializer
    requirement = "a dict of class to a StreamSerializer subclass"
    if not isinstance(value, dict):
        raise _invalid(TypeError, name, value, requirement)
    for cls, serializer in value.items():
        if not isinstance(cls, type) or not _subclass_of(base, serializer):
            raise _invalid(TypeError, name, value, requirement)
    return value


def _pickle_allowed_classes(name: str, value: typing.Any) -> typing.Any:
    requirement = "a list of classes or 'module.qualname' strings"
    if value is None:  # the client's keyword default: nothing beyond plain data
        return []
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise _invalid(TypeError, name, value, requirement)
    for item in value:
        if not (isinstance(item, type) or (isinstance(item, str) and "." in item)):
            raise _invalid(TypeError, name, value, "%s (bad item %r)" % (requirement, item))
    return list(value)


def _socket_option(item: typing.Any) -> bool:
    return isinstance(item, tuple) and len(item) == 3


def _membership_listener(item: typing.Any) -> bool:
    if not isinstance(item, tuple) or len(item) != 2:
        return False
    added, removed = item
    return (
        (added is None or callable(added))
        and (removed is None or callable(removed))
        and (added is not None or removed is not None)
    )


def _ssl_password(name: str, value: typing.Any) -> typing.Any:
    if isinstance(value, (str, bytes, bytearray)) or callable(value):
        return value
    raise _invalid(TypeError, name, value, "a str, bytes, bytearray or a callable returning one")


def _load_balancer(name: str, value: typing.Any) -> typing.Any:
    if not isinstance(value, LoadBalancer):
        raise _invalid(TypeError, name, value, "a hazelcast.util.LoadBalancer")
    return value


def _token_provider(name: str, value: typing.Any) -> typing.Any:
    # Any object with a token() method will do, as in the official client.
    if not isinstance(getattr(value, "token", None), types.MethodType):
        raise _invalid(TypeError, name, value, "an object with a token() method (TokenProvider)")
    return value


def _named_configs(cls: typing.Type[_Options], kind: str) -> _Validator:
    """Dict of structure name to a sub-config or a dict of its options."""
    requirement = "a dict of %s name to a %s or a dict" % (kind, cls.__name__)

    def check(name: str, value: typing.Any) -> typing.Any:
        if not isinstance(value, dict):
            raise _invalid(TypeError, name, value, requirement)
        configs = {}
        for key, config in value.items():
            if not isinstance(key, str) or not isinstance(config, (dict, cls)):
                raise _invalid(TypeError, name, value, requirement)
            if isinstance(config, dict):
                try:
                    config = cls.from_dict(config)
                except (TypeError, ValueError, InvalidConfigurationError) as e:
                    # Same class, with the place of the bad option prefixed.
                    raise type(e)("%s[%r]: %s" % (name, key, e)) from e
            configs[key] = config
        return configs

    return check


# --------------------------------------------------------------------------
# The option tables and the machinery that turns them into properties.
# --------------------------------------------------------------------------


class _Option(typing.NamedTuple):
    name: str
    default: typing.Any  # empty list/dict defaults are copied per instance
    check: _Validator
    doc: str


def _property(option: _Option) -> property:
    slot = "_" + option.name

    def fget(self: typing.Any) -> typing.Any:
        return getattr(self, slot)

    def fset(self: typing.Any, value: typing.Any) -> None:
        setattr(self, slot, option.check(option.name, value))

    fget.__name__ = fset.__name__ = option.name
    return property(fget, fset, doc=option.doc)


_GetT = typing.TypeVar("_GetT")
_SetT = typing.TypeVar("_SetT")


class _Setting(typing.Generic[_GetT, _SetT]):
    """What type checkers see of an option: reading it gives ``_GetT``, and it
    can be set to a ``_SetT`` (which the property then validates).

    Each options class declares its options as annotations of this type, one
    per row of ``_OPTIONS``; :func:`_with_options` makes the properties.
    """

    @typing.overload
    def __get__(self, instance: None, owner: typing.Any) -> "_Setting[_GetT, _SetT]": ...

    @typing.overload
    def __get__(self, instance: object, owner: typing.Any) -> _GetT: ...

    def __get__(self, instance: typing.Any, owner: typing.Any) -> typing.Any:
        raise NotImplementedError  # never instantiated: the options are properties

    def __set__(self, instance: object, value: _SetT) -> None:
        raise NotImplementedError


# Most options read as they are set.
_Same = _Setting[_GetT, _GetT]
# Options without a default: None until set, and they cannot be set to None.
_Unset = _Setting[typing.Optional[_GetT], _GetT]
# Options taking a value of an enum-like class, given by value or by name.
_EnumValue = _Setting[int, typing.Union[int, str]]
# Dictionaries of structure name to a sub-config, given as one or as a dict.
_Named = _Setting[
    typing.Dict[str, _GetT], typing.Dict[str, typing.Union[_GetT, typing.Dict[str, typing.Any]]]
]


_OptionsT = typing.TypeVar("_OptionsT", bound="_Options")


def _with_options(cls: typing.Type[_OptionsT]) -> typing.Type[_OptionsT]:
    """Class decorator: adds a validating property per row of ``cls._OPTIONS``."""
    for option in cls._OPTIONS:
        setattr(cls, option.name, _property(option))
    cls._OPTIONS_BY_NAME = {option.name: option for option in cls._OPTIONS}
    return cls


def _slots(options: typing.Sequence[_Option]) -> typing.Tuple[str, ...]:
    return tuple("_" + option.name for option in options)


class _Options:
    __slots__ = ()

    _OPTIONS: typing.ClassVar[typing.Tuple[_Option, ...]] = ()
    _OPTIONS_BY_NAME: typing.ClassVar[typing.Dict[str, _Option]] = {}
    _KIND: typing.ClassVar[str] = "config"
    # Config.from_dict ignores None values (the client's keyword defaults);
    # sub-configs reject them like any other wrong type, as officially.
    _FROM_DICT_SKIPS_NONE: typing.ClassVar[bool] = False

    def __init__(self) -> None:
        for option in self._OPTIONS:
            default = option.default
            if isinstance(default, (list, dict)):
                default = type(default)(default)
            setattr(self, "_" + option.name, default)

    @classmethod
    def from_dict(cls: typing.Type[_OptionsT], d: typing.Dict[str, typing.Any]) -> _OptionsT:
        """Creates a configuration from a dictionary of option name to value.

        Options missing from the dictionary keep their default values.

        Args:
            d: Dictionary of option name to value.

        Returns:
            The configuration.

        Raises:
            InvalidConfigurationError: If an option name is unknown.
            TypeError: If a value has the wrong type.
            ValueError: If a value is out of range.
        """
        if not isinstance(d, dict):
            raise TypeError("invalid %s: must be a dict, got %r" % (cls._KIND, d))
        config = cls()
        for name, value in d.items():
            if name not in cls._OPTIONS_BY_NAME:
                raise InvalidConfigurationError(cls._unknown_option_message(name, value))
            if value is None and cls._FROM_DICT_SKIPS_NONE:
                continue
            setattr(config, name, value)
        return config

    @classmethod
    def _unknown_option_message(cls, name: typing.Any, value: typing.Any) -> str:
        message = "Unrecognized config option for the %s: %r (value %r)" % (cls._KIND, name, value)
        if isinstance(name, str):
            close = difflib.get_close_matches(name, cls._OPTIONS_BY_NAME, n=1)
            if close:
                message += "; did you mean %r?" % close[0]
        return message

    def __repr__(self) -> str:
        return "%s(%s)" % (
            type(self).__name__,
            ", ".join(
                "%s=%r" % (option.name, getattr(self, "_" + option.name))
                for option in self._OPTIONS
            ),
        )


# -- Near Cache, Flake ID generator and reliable topic configs -----------------


@_with_options
class NearCacheConfig(_Options):
    """Near Cache configuration of one map (an item of ``near_caches``)."""

    invalidate_on_change: _Same[bool]
    in_memory_format: _EnumValue
    time_to_live: _Unset[float]
    max_idle: _Unset[float]
    eviction_policy: _EnumValue
    eviction_max_size: _Same[int]
    eviction_sampling_count: _Same[int]
    eviction_sampling_pool_size: _Same[int]

    _KIND = "near cache"
    _OPTIONS = (
        _Option(
            "invalidate_on_change",
            True,
            _boolean,
            "When ``True``, entries are invalidated when they change in the "
            "cluster. By default, set to ``True``.",
        ),
        _Option(
            "in_memory_format",
            InMemoryFormat.BINARY,
            _enum(InMemoryFormat),
            "Format of the cached values; see :class:`InMemoryFormat`. "
            "By default, set to ``BINARY``.",
        ),
        _Option(
            "time_to_live",
            None,
            _number(minimum=0),
            "Seconds an entry may stay in the Near Cache. When not set, entries "
            "do not expire.",
        ),
        _Option(
            "max_idle",
            None,
            _number(minimum=0),
            "Seconds an entry may stay in the Near Cache without being read. "
            "When not set, entries are not evicted for inactivity.",
        ),
        _Option(
            "eviction_policy",
            EvictionPolicy.LRU,
            _enum(EvictionPolicy),
            "Which entries are evicted when the cache is full; see "
            ":class:`EvictionPolicy`. By default, set to ``LRU``.",
        ),
        _Option(
            "eviction_max_size",
            10000,
            _number(minimum=1, integer=True),
            "Number of entries above which eviction starts. By default, set to ``10000``.",
        ),
        _Option(
            "eviction_sampling_count",
            8,
            _number(minimum=1, integer=True),
            "Number of random entries examined per eviction. By default, set to ``8``.",
        ),
        _Option(
            "eviction_sampling_pool_size",
            16,
            _number(minimum=1, integer=True),
            "Size of the pool of eviction candidates, kept sorted by the eviction "
            "policy. By default, set to ``16``.",
        ),
    )
    __slots__ = _slots(_OPTIONS)


@_with_options
class FlakeIdGeneratorConfig(_Options):
    """Configuration of one Flake ID generator (an item of ``flake_id_generators``)."""

    prefetch_count: _Same[int]
    prefetch_validity: _Same[float]

    _KIND = "flake id generator"
    _OPTIONS = (
        _Option(
            "prefetch_count",
            100,
            _number(minimum=1, maximum=100000, integer=True),
            "How many IDs are fetched from the cluster at once. Must be in range "
            "``1..100000``. By default, set to ``100``.",
        ),
        _Option(
            "prefetch_validity",
            600,
            _number(minimum=0),
            "Seconds a fetched batch of IDs stays usable; after that a new batch "
            "is fetched. IDs carry a timestamp, so old ones break the rough "
            "ordering of IDs; ``0`` means no limit. By default, set to ``600``.",
        ),
    )
    __slots__ = _slots(_OPTIONS)


@_with_options
class ReliableTopicConfig(_Options):
    """Configuration of one reliable topic (an item of ``reliable_topics``)."""

    read_batch_size: _Same[int]
    overload_policy: _EnumValue

    _KIND = "reliable topic"
    _OPTIONS = (
        _Option(
            "read_batch_size",
            10,
            _number(positive=True, integer=True),
            "Maximum number of messages read from the ringbuffer in one call "
            "(at least one is read). By default, set to ``10``.",
        ),
        _Option(
            "overload_policy",
            TopicOverloadPolicy.BLOCK,
            _enum(TopicOverloadPolicy),
            "What a publish does when the topic is full; see "
            ":class:`TopicOverloadPolicy`. By default, set to ``BLOCK``.",
        ),
    )
    __slots__ = _slots(_OPTIONS)


# -- The client configuration -------------------------------------------------


@_with_options
class Config(_Options):
    """Hazelcast client configuration.

    ``HazelcastClient(**kwargs)`` builds one with ``Config.from_dict(kwargs)``;
    every keyword argument of the client is a property here.
    """

    # Network
    cluster_members: _Same[typing.List[str]]
    cluster_name: _Same[str]
    client_name: _Unset[str]
    connection_timeout: _Same[float]
    max_message_size: _Same[int]
    socket_options: _Same[typing.List[typing.Tuple[int, int, typing.Union[int, bytes]]]]
    redo_operation: _Same[bool]
    smart_routing: _Same[bool]
    # TLS
    ssl_enabled: _Same[bool]
    ssl_cafile: _Unset[str]
    ssl_certfile: _Unset[str]
    ssl_keyfile: _Unset[str]
    ssl_password: _Unset[
        typing.Union[str, bytes, bytearray, typing.Callable[[], typing.Union[str, bytes, bytearray]]]
    ]
    ssl_protocol: _EnumValue
    ssl_ciphers: _Unset[str]
    ssl_check_hostname: _Same[bool]
    # Cloud and connection strategy
    cloud_discovery_token: _Unset[str]
    async_start: _Same[bool]
    reconnect_mode: _EnumValue
    retry_initial_backoff: _Same[float]
    retry_max_backoff: _Same[float]
    retry_jitter: _Same[float]
    retry_multiplier: _Same[float]
    cluster_connect_timeout: _Same[float]
    # Serialization
    portable_version: _Same[int]
    data_serializable_factories: _Same[
        typing.Dict[int, typing.Dict[int, typing.Type["IdentifiedDataSerializable"]]]
    ]
    portable_factories: _Same[typing.Dict[int, typing.Dict[int, typing.Type["Portable"]]]]
    compact_serializers: _Same[typing.List["CompactSerializer[typing.Any]"]]
    class_definitions: _Same[typing.List["ClassDefinition"]]
    check_class_definition_errors: _Same[bool]
    is_big_endian: _Same[bool]
    default_int_type: _EnumValue
    global_serializer: _Unset[typing.Type["StreamSerializer"]]
    custom_serializers: _Same[typing.Dict[type, typing.Type["StreamSerializer"]]]
    pickle_allowed_classes: _Setting[
        typing.List[typing.Union[type, str]],
        typing.Optional[typing.Collection[typing.Union[type, str]]],
    ]
    pickle_trust_all: _Same[bool]
    # Data structures
    near_caches: _Named[NearCacheConfig]
    load_balancer: _Unset[LoadBalancer]
    membership_listeners: _Same[
        typing.List[
            typing.Tuple[
                typing.Optional[typing.Callable[["MemberInfo"], None]],
                typing.Optional[typing.Callable[["MemberInfo"], None]],
            ]
        ]
    ]
    lifecycle_listeners: _Same[typing.List[typing.Callable[[str], None]]]
    flake_id_generators: _Named[FlakeIdGeneratorConfig]
    reliable_topics: _Named[ReliableTopicConfig]
    labels: _Same[typing.List[str]]
    # Heartbeats and invocations
    heartbeat_interval: _Same[float]
    heartbeat_timeout: _Same[float]
    invocation_timeout: _Same[float]
    invocation_retry_pause: _Same[float]
    statistics_enabled: _Same[bool]
    statistics_period: _Same[float]
    shuffle_member_list: _Same[bool]
    backup_ack_to_client_enabled: _Same[bool]
    operation_backup_timeout: _Same[float]
    fail_on_indeterminate_operation_state: _Same[bool]
    # Security
    creds_username: _Unset[str]
    creds_password: _Unset[str]
    token_provider: _Unset["TokenProvider"]
    use_public_ip: _Same[bool]

    _KIND = "client"
    _FROM_DICT_SKIPS_NONE = True
    _OPTIONS = (
        # -- Network
        _Option(
            "cluster_members",
            [],
            _list_of(lambda a: isinstance(a, str), "a list of str addresses"),
            "Addresses (``host``, ``host:port``) the client tries for the first "
            "connection. When empty, ``127.0.0.1`` is used (ports ``5701`` to ``5703``).",
        ),
        _Option(
            "cluster_name",
            "dev",
            _string,
            "Name of the cluster to connect to, sent in the authentication request. "
            "By default, set to ``dev``.",
        ),
        _Option(
            "client_name",
            None,
            _string,
            "Name of the client instance. When not set, ``hz.client_${CLIENT_ID}`` "
            "with ``CLIENT_ID`` counting clients from ``0``.",
        ),
        _Option(
            "connection_timeout",
            5.0,
            _number(minimum=0),
            "Socket connect timeout in seconds; ``0`` makes connecting blocking. "
            "By default, set to ``5.0``.",
        ),
        _Option(
            "max_message_size",
            1 << 30,
            _number(minimum=6, maximum=0x7FFFFFFF, integer=True),
            "Largest message, in bytes, the client accepts from a member (a "
            "fragmented message counts whole). A member that sends a larger one "
            "is treated as broken: the connection is closed with a "
            "``MalformedMessageError`` naming the size, before the message is "
            "buffered. By default, set to ``1073741824`` (1 GiB).",
        ),
        _Option(
            "socket_options",
            [],
            _list_of(_socket_option, "a list of (level, option, value) tuples"),
            "Socket options, as tuples of the arguments of :func:`socket.setsockopt`.",
        ),
        _Option(
            "redo_operation",
            False,
            _boolean,
            "When ``True``, operations that may have run on a member whose "
            "connection was lost are retried, possibly on another member. Safe "
            "for idempotent operations only. By default, set to ``False``.",
        ),
        _Option(
            "smart_routing",
            True,
            _boolean,
            "When ``True``, the client connects to every member and sends "
            "key-based operations to the key's owner; when ``False`` (unisocket) "
            "it uses a single connection. By default, set to ``True``.",
        ),
        # -- TLS
        _Option(
            "ssl_enabled",
            False,
            _boolean,
            "Enables TLS. By default, set to ``False``.",
        ),
        _Option(
            "ssl_cafile",
            None,
            _string,
            "Path of the PEM file of CA certificates that verify the members' "
            "certificates. When not set, the system's default CAs are used.",
        ),
        _Option(
            "ssl_certfile",
            None,
            _string,
            "Path of the client certificate, in PEM format.",
        ),
        _Option(
            "ssl_keyfile",
            None,
            _string,
            "Path of the private key of the client certificate, in PEM format. "
            "When not set, the key is read from ``ssl_certfile``.",
        ),
        _Option(
            "ssl_password",
            None,
            _ssl_password,
            "Password of an encrypted ``ssl_keyfile``: a str (encoded as UTF-8), "
            "bytes, bytearray, or a function without arguments returning one.",
        ),
        _Option(
            "ssl_protocol",
            SSLProtocol.TLSv1_2,
            _enum(SSLProtocol),
            "TLS protocol version; see :class:`SSLProtocol`. By default, set to ``TLSv1_2``.",
        ),
        _Option(
            "ssl_ciphers",
            None,
            _string,
            "Available ciphers, in the OpenSSL cipher list format (colon separated).",
        ),
        _Option(
            "ssl_check_hostname",
            False,
            _boolean,
            "When ``True``, the TLS handshake checks that the member's certificate "
            "matches its host name. By default, set to ``False``.",
        ),
        # -- Cloud and connection strategy
        _Option(
            "cloud_discovery_token",
            None,
            _string,
            "Discovery token of a Hazelcast Cloud cluster; setting it enables "
            "Hazelcast Cloud discovery.",
        ),
        _Option(
            "async_start",
            False,
            _boolean,
            "When ``True``, creating the client does not wait for the cluster "
            "connection; operations fail until the client is connected. By "
            "default, set to ``False``.",
        ),
        _Option(
            "reconnect_mode",
            ReconnectMode.ON,
            _enum(ReconnectMode),
            "What the client does after a disconnect; see :class:`ReconnectMode`. "
            "By default, set to ``ON``.",
        ),
        _Option(
            "retry_initial_backoff",
            1.0,
            _number(minimum=0),
            "Seconds to wait after the first failed connection attempt. "
            "By default, set to ``1.0``.",
        ),
        _Option(
            "retry_max_backoff",
            30.0,
            _number(minimum=0),
            "Upper bound of the wait between attempts, in seconds. By default, set to ``30.0``.",
        ),
        _Option(
            "retry_jitter",
            0.0,
            _number(minimum=0, maximum=1),
            "Randomizes each wait by up to ``jitter * wait`` either way. Must be "
            "in range ``[0.0, 1.0]``. By default, set to ``0.0`` (no randomization).",
        ),
        _Option(
            "retry_multiplier",
            1.05,
            _number(minimum=1),
            "Factor applied to the wait after each failed attempt. Must be "
            "``>= 1``. By default, set to ``1.05``.",
        ),
        _Option(
            "cluster_connect_timeout",
            -1,
            _number(minimum=0, or_value=-1),
            "Seconds after which the client gives up connecting to the cluster; "
            "``-1`` means never. By default, set to ``-1``.",
        ),
        # -- Serialization
        _Option(
            "portable_version",
            0,
            _number(minimum=0, integer=True),
            "Portable version used for Portable classes without "
            "``get_class_version()``. By default, set to ``0``.",
        ),
        _Option(
            "data_serializable_factories",
            {},
            _factories("IdentifiedDataSerializable"),
            "Dictionary of factory id to a factory of "
            ":class:`hazelcast.serialization.api.IdentifiedDataSerializable` "
            "classes; a factory is a dictionary of class id to class.",
        ),
        _Option(
            "portable_factories",
            {},
            _factories("Portable"),
            "Dictionary of factory id to a factory of "
            ":class:`hazelcast.serialization.api.Portable` classes; a factory is "
            "a dictionary of class id to class.",
        ),
        _Option(
            "compact_serializers",
            [],
            _compact_serializers,
            "List of :class:`hazelcast.serialization.api.CompactSerializer` instances.",
        ),
        _Option(
            "class_definitions",
            [],
            _class_definitions,
            "List of Portable class definitions "
            "(:class:`hazelcast.serialization.portable.classdef.ClassDefinition`).",
        ),
        _Option(
            "check_class_definition_errors",
            True,
            _boolean,
            "When ``True``, the configured class definitions are checked at start "
            "and errors raise :class:`hazelcast.errors.HazelcastSerializationError`. "
            "By default, set to ``True``.",
        ),
        _Option(
            "is_big_endian",
            True,
            _boolean,
            "Byte order of the serialized data. By default, set to ``True`` (big-endian).",
        ),
        _Option(
            "default_int_type",
            IntType.INT,
            _enum(IntType),
            "How ``int`` values are serialized; see :class:`IntType`. By default, "
            "set to ``INT`` (32 bits).",
        ),
        _Option(
            "global_serializer",
            None,
            _global_serializer,
            "A :class:`hazelcast.serialization.api.StreamSerializer` subclass used "
            "for objects that no other serializer handles.",
        ),
        _Option(
            "custom_serializers",
            {},
            _custom_serializers,
            "Dictionary of class to the "
            ":class:`hazelcast.serialization.api.StreamSerializer` subclass that "
            "serializes its instances.",
        ),
        _Option(
            "pickle_allowed_classes",
            [],
            _pickle_allowed_classes,
            "Classes the client may unpickle, beyond plain data, when it reads "
            "values that were serialized with pickle (the fallback for objects "
            "no other serializer handles): a list of classes or "
            "``\"module.qualname\"`` strings. Builtin values (list, dict, set, "
            "int, str...), the standard types the client serializes itself "
            "(datetime, Decimal, UUID...) and the classes of the configured "
            "serializers need no entry. Any other class named by a pickle is "
            "refused with a ``HazelcastSerializationError``, before it is "
            "imported. By default, set to ``[]``.",
        ),
        _Option(
            "pickle_trust_all",
            False,
            _boolean,
            "When ``True``, values serialized with pickle are unpickled whatever "
            "classes and functions they name, as the official client does. "
            "Unsafe when anyone you do not trust can write to the cluster: "
            "unpickling can run arbitrary code. By default, set to ``False``.",
        ),
        # -- Data structures
        _Option(
            "near_caches",
            {},
            _named_configs(NearCacheConfig, "map"),
            "Dictionary of map name to its Near Cache configuration: a "
            ":class:`NearCacheConfig` or a dictionary of its options (missing "
            "options take their defaults).",
        ),
        _Option(
            "load_balancer",
            None,
            _load_balancer,
            "The :class:`hazelcast.util.LoadBalancer` that picks the member for "
            "requests not bound to a partition. When not set, round robin.",
        ),
        _Option(
            "membership_listeners",
            [],
            _list_of(
                _membership_listener,
                "a list of (member_added, member_removed) tuples of functions or None, "
                "not both None",
            ),
            "List of ``(member_added, member_removed)`` tuples; each function is "
            "called with the :class:`hazelcast.core.MemberInfo`. One of the two "
            "may be ``None``.",
        ),
        _Option(
            "lifecycle_listeners",
            [],
            _list_of(callable, "a list of functions"),
            "List of functions called with the new state when the client's "
            "lifecycle state changes.",
        ),
        _Option(
            "flake_id_generators",
            {},
            _named_configs(FlakeIdGeneratorConfig, "flake id generator"),
            "Dictionary of Flake ID generator name to its configuration: a "
            ":class:`FlakeIdGeneratorConfig` or a dictionary of its options.",
        ),
        _Option(
            "reliable_topics",
            {},
            _named_configs(ReliableTopicConfig, "reliable topic"),
            "Dictionary of reliable topic name to its configuration: a "
            ":class:`ReliableTopicConfig` or a dictionary of its options.",
        ),
        _Option(
            "labels",
            [],
            _list_of(lambda label: isinstance(label, str), "a list of str"),
            "Labels of the client, sent to the cluster.",
        ),
        # -- Heartbeats and invocations
        _Option(
            "heartbeat_interval",
            5.0,
            _number(positive=True),
            "Seconds between heartbeats on an idle connection. By default, set to ``5.0``.",
        ),
        _Option(
            "heartbeat_timeout",
            60.0,
            _number(positive=True),
            "Seconds without any message from a member after which its "
            "connection is closed. By default, set to ``60.0``.",
        ),
        _Option(
            "invocation_timeout",
            120.0,
            _number(positive=True),
            "Seconds after the start of an invocation during which it is retried "
            "when it fails with a retryable error (member error, closed "
            "connection, heartbeat timeout); a call with no response by then "
            "fails with OperationTimeoutError. By default, set to ``120.0``.",
        ),
        _Option(
            "invocation_retry_pause",
            1.0,
            _number(positive=True),
            "Seconds between the retries of an invocation. By default, set to ``1.0``.",
        ),
        _Option(
            "statistics_enabled",
            False,
            _boolean,
            "When ``True``, the client sends its statistics to the cluster. "
            "By default, set to ``False``.",
        ),
        _Option(
            "statistics_period",
            3.0,
            _number(positive=True),
            "Seconds between two statistics reports. By default, set to ``3.0``.",
        ),
        _Option(
            "shuffle_member_list",
            True,
            _boolean,
            "When ``True``, the candidate addresses are tried in random order so "
            "that clients spread over the members; when ``False``, in the given "
            "order. By default, set to ``True``.",
        ),
        _Option(
            "backup_ack_to_client_enabled",
            True,
            _boolean,
            "When ``True``, smart clients receive backup acknowledgements directly "
            "from the backup members. No effect on unisocket clients. By default, "
            "set to ``True``.",
        ),
        _Option(
            "operation_backup_timeout",
            5.0,
            _number(positive=True),
            "Seconds an invocation waits for the acknowledgements of its backups. "
            "By default, set to ``5.0``.",
        ),
        _Option(
            "fail_on_indeterminate_operation_state",
            False,
            _boolean,
            "When ``True``, an invocation whose backup acknowledgements do not "
            "arrive in time fails with "
            ":class:`hazelcast.errors.IndeterminateOperationStateError` (nothing "
            "is rolled back); when ``False``, late acknowledgements count as "
            "success. Either way, an invocation whose primary replica's member "
            "leaves before every backup acknowledged fails with that error, so "
            "that no write is reported done that may exist on no surviving "
            "replica. By default, set to ``False``.",
        ),
        # -- Security
        _Option(
            "creds_username",
            None,
            _string,
            "Username for credentials authentication (Enterprise feature).",
        ),
        _Option(
            "creds_password",
            None,
            _string,
            "Password for credentials authentication (Enterprise feature).",
        ),
        _Option(
            "token_provider",
            None,
            _token_provider,
            "A :class:`hazelcast.security.TokenProvider` for token authentication "
            "(Enterprise feature); it takes priority over the credentials.",
        ),
        _Option(
            "use_public_ip",
            False,
            _boolean,
            "When ``True``, the client connects to the public addresses that "
            "members report, when they have one. By default, set to ``False``.",
        ),
    )
    __slots__ = _slots(_OPTIONS)


# --------------------------------------------------------------------------
# Index configuration (map.add_index).
# --------------------------------------------------------------------------


class BitmapIndexOptions:
    """Options of a bitmap index.

    Args:
        unique_key: Attribute whose values identify the entries; a
            :class:`QueryConstants` value or name. By default, the entry key.
        unique_key_transformation: How unique keys become ids; see
            :class:`UniqueKeyTransformation`. By default, ``OBJECT``.
    """

    __slots__ = ("_unique_key", "_unique_key_transformation")

    def __init__(
        self,
        unique_key: typing.Optional[str] = None,
        unique_key_transformation: typing.Optional[typing.Union[int, str]] = None,
    ):
        self._unique_key = QueryConstants.KEY_ATTRIBUTE_NAME
        if unique_key is not None:
            self.unique_key = unique_key
        self._unique_key_transformation = UniqueKeyTransformation.OBJECT
        if unique_key_transformation is not None:
            self.unique_key_transformation = unique_key_transformation

    @property
    def unique_key(self) -> str:
        """Attribute whose values identify the entries."""
        return self._unique_key

    @unique_key.setter
    def unique_key(self, value: str) -> None:
        self._unique_key = try_to_get_enum_value(value, QueryConstants, "unique_key")

    @property
    def unique_key_transformation(self) -> int:
        """How unique keys become ids; see :class:`UniqueKeyTransformation`."""
        return self._unique_key_transformation

    @unique_key_transformation.setter
    def unique_key_transformation(self, value: typing.Union[int, str]) -> None:
        self._unique_key_transformation = try_to_get_enum_value(
            value, UniqueKeyTransformation, "unique_key_transformation"
        )

    @classmethod
    def from_dict(cls, d: typing.Dict[str, typing.Any]) -> "BitmapIndexOptions":
        """Creates the options from a dictionary of option name to value.

        Raises:
            InvalidConfigurationError: If an option name is unknown.
        """
        options = cls()
        for name, value in d.items():
            if name not in ("unique_key", "unique_key_transformation"):
                raise InvalidConfigurationError(
                    "Unrecognized config option for the bitmap index options: %r (value %r)"
                    % (name, value)
                )
            setattr(options, name, value)
        return options

    def __repr__(self) -> str:
        return "BitmapIndexOptions(unique_key=%s, unique_key_transformation=%s)" % (
            self._unique_key,
            self._unique_key_transformation,
        )


class IndexConfig:
    """Configuration of a map index.

    Args:
        name: Name of the index; generated from the map name, type and
            attributes when not set.
        type: Type of the index; see :class:`IndexType`. By default, ``SORTED``.
        attributes: Names of the indexed attributes.
        bitmap_index_options: Options of a bitmap index, as a dictionary.
    """

    __slots__ = ("_name", "_type", "_attributes", "_bitmap_index_options")

    def __init__(
        self,
        name: typing.Optional[str] = None,
        type: typing.Optional[typing.Union[int, str]] = None,
        attributes: typing.Optional[typing.List[str]] = None,
        bitmap_index_options: typing.Optional[typing.Dict[str, typing.Any]] = None,
    ):
        self._name: typing.Optional[str] = None
        if name is not None:
            self.name = name
        self._type = IndexType.SORTED
        if type is not None:
            self.type = type
        self._attributes: typing.List[str] = []
        if attributes is not None:
            self.attributes = attributes
        self._bitmap_index_options = BitmapIndexOptions()
        if bitmap_index_options is not None:
            self.bitmap_index_options = bitmap_index_options

    def add_attribute(self, attribute: str) -> None:
        """Adds an indexed attribute.

        Raises:
            AssertionError: If the attribute is ``None``.
            ValueError: If the attribute is empty or ends with a dot.
        """
        IndexUtil.validate_attribute(attribute)
        self._attributes.append(attribute)

    @property
    def name(self) -> typing.Optional[str]:
        """Name of the index."""
        return self._name

    @name.setter
    def name(self, value: typing.Optional[str]) -> None:
        if value is not None and not isinstance(value, str):
            raise _invalid(TypeError, "name", value, "a str or None")
        self._name = value

    @property
    def type(self) -> int:
        """Type of the index; see :class:`IndexType`."""
        return self._type

    @type.setter
    def type(self, value: typing.Union[int, str]) -> None:
        self._type = try_to_get_enum_value(value, IndexType, "type")

    @property
    def attributes(self) -> typing.List[str]:
        """Names of the indexed attributes."""
        return self._attributes

    @attributes.setter
    def attributes(self, value: typing.List[str]) -> None:
        if not isinstance(value, list):
            raise _invalid(TypeError, "attributes", value, "a list of str")
        for attribute in value:
            IndexUtil.validate_attribute(attribute)
        self._attributes = value

    @property
    def bitmap_index_options(self) -> BitmapIndexOptions:
        """Options of a bitmap index."""
        return self._bitmap_index_options

    @bitmap_index_options.setter
    def bitmap_index_options(
        self, value: typing.Union[typing.Dict[str, typing.Any], BitmapIndexOptions]
    ) -> None:
        if isinstance(value, dict):
            self._bitmap_index_options = BitmapIndexOptions.from_dict(value)
        elif isinstance(value, BitmapIndexOptions):
            # Used when decoding index configs received from the member.
            self._bitmap_index_options = value
        else:
            raise _invalid(TypeError, "bitmap_index_options", value, "a dict")

    @classmethod
    def from_dict(cls, d: typing.Dict[str, typing.Any]) -> "IndexConfig":
        """Creates an index config from a dictionary of option name to value.

        Raises:
            InvalidConfigurationError: If an option name is unknown.
        """
        config = cls()
        for name, value in d.items():
            if name not in ("name", "type", "attributes", "bitmap_index_options"):
                raise InvalidConfigurationError(
                    "Unrecognized config option for the index config: %r (value %r)"
                    % (name, value)
                )
            if value is not None:
                setattr(config, name, value)
        return config

    def __repr__(self) -> str:
        return "IndexConfig(name=%s, type=%s, attributes=%s, bitmap_index_options=%s)" % (
            self._name,
            self._type,
            self._attributes,
            self._bitmap_index_options,
        )


class IndexUtil:
    """Validation and normalization of index configs before they are sent."""

    _MAX_ATTRIBUTES = 255
    _THIS_PREFIX = re.compile(r"^this\.")
    _TYPE_NAMES = {IndexType.SORTED: "sorted", IndexType.HASH: "hash", IndexType.BITMAP: "bitmap"}

    @staticmethod
    def validate_attribute(attribute: str) -> None:
        """Checks an attribute name.

        Raises:
            AssertionError: If it is ``None``.
            ValueError: If it is blank or ends with a dot.
        """
        check_not_none(attribute, "Attribute name cannot be None")
        stripped = attribute.strip()
        if not stripped:
            raise ValueError("invalid attribute name %r: cannot be empty" % (attribute,))
        if stripped.endswith("."):
            raise ValueError("invalid attribute name %r: cannot end with a dot" % (attribute,))

    @staticmethod
    def canonicalize_attribute(attribute: str) -> str:
        """Removes the ``this.`` prefix: ``this.x`` and ``x`` are the same attribute."""
        return IndexUtil._THIS_PREFIX.sub("", attribute)

    @staticmethod
    def build_normalized_config(
        map_name: str, index_type: int, index_name: typing.Optional[str], normalized_attributes: typing.List[str]
    ) -> IndexConfig:
        """An index config of these normalized attributes; one without a name is named
        ``<map>_<type>_<attr1>_<attr2>...``."""
        if index_name is None:
            index_name = "_".join([map_name, IndexUtil._TYPE_NAMES[index_type]] + list(normalized_attributes))
        return IndexConfig(index_name, index_type, list(normalized_attributes))

    @staticmethod
    def validate_and_normalize(map_name: str, index_config: IndexConfig) -> IndexConfig:
        """Checks an index config and returns its normalized copy.

        Attributes are stripped and canonicalized, and an unnamed index gets
        the name ``<map>_<type>_<attr1>_<attr2>...``.

        Raises:
            ValueError: If there are no attributes, too many, duplicates, or
                several attributes in a bitmap index.
        """
        attributes = index_config.attributes
        if not attributes:
            raise ValueError("Index must have at least one attribute: %s" % index_config)
        if len(attributes) > IndexUtil._MAX_ATTRIBUTES:
            raise ValueError(
                "Index cannot have more than %s attributes: %s"
                % (IndexUtil._MAX_ATTRIBUTES, index_config)
            )
        if index_config.type == IndexType.BITMAP and len(attributes) > 1:
            raise ValueError("Composite bitmap indexes are not supported: %s" % index_config)

        normalized: typing.List[str] = []
        for attribute in attributes:
            IndexUtil.validate_attribute(attribute)
            attribute = attribute.strip()
            canonical = IndexUtil.canonicalize_attribute(attribute)
            if canonical in normalized:
                first = attributes[normalized.index(canonical)]
                raise ValueError(
                    "Duplicate attribute names %r and %r in %s" % (first, attribute, index_config)
                )
            normalized.append(canonical)

        name = index_config.name
        if name is not None and not name.strip():
            name = None
        result = IndexUtil.build_normalized_config(map_name, index_config.type, name, normalized)
        if index_config.type == IndexType.BITMAP:
            options = index_config.bitmap_index_options
            IndexUtil.validate_attribute(options.unique_key)
            result.bitmap_index_options = BitmapIndexOptions(
                IndexUtil.canonicalize_attribute(options.unique_key),
                options.unique_key_transformation,
            )
        return result
