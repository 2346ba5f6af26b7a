"""Small helpers shared across the client, and the load balancers."""

from __future__ import annotations

import itertools
import random
import threading
import time
import typing
from collections.abc import Iterable, Sequence

if typing.TYPE_CHECKING:
    from hazelcast.core import MemberInfo

DEFAULT_ADDRESS = "127.0.0.1"
DEFAULT_PORT = 5701

MILLISECONDS_IN_SECONDS = 1000
NANOSECONDS_IN_SECONDS = 1e9

number_types = (int, float)
none_type = type(None)


# Argument checks. They raise AssertionError, as the official client's do, since
# callers (proxies) rely on that class for bad arguments.


def check_not_none(val: typing.Any, message: str) -> None:
    if val is None:
        raise AssertionError(message)


def check_true(val: typing.Any, message: str) -> None:
    if not val:
        raise AssertionError(message)


def check_not_negative(val: typing.Any, message: str) -> None:
    if val < 0:
        raise AssertionError(message)


def check_not_empty(collection: typing.Any, message: str) -> None:
    if not collection:
        raise AssertionError(message)


def check_is_number(val: typing.Any, message: str = "Number value expected") -> None:
    if not isinstance(val, number_types):
        raise AssertionError(message)


def check_is_int(val: typing.Any, message: str = "Int value expected") -> None:
    if not isinstance(val, int):
        raise AssertionError(message)


# Time.


def current_time() -> float:
    """Returns the wall-clock time in seconds since the epoch."""
    return time.time()


def current_time_in_millis() -> int:
    """Returns the wall-clock time in milliseconds since the epoch."""
    return to_millis(current_time())


def thread_id() -> int:
    """Returns the identifier of the calling thread."""
    return threading.get_ident()


def to_millis(seconds: typing.Optional[float]) -> int:
    """Converts seconds to whole milliseconds; ``None`` becomes ``-1`` (no limit)."""
    if seconds is None:
        return -1
    return int(seconds * MILLISECONDS_IN_SECONDS)


def seconds_to_millis(seconds: typing.Optional[float], argument: str) -> int:
    """Converts a duration argument in seconds to whole milliseconds for the
    protocol; ``None`` becomes ``-1`` (not given).

    Raises:
        TypeError: If the value is not a number (a ``str`` such as ``"5"``
            would otherwise be repeated 1000 times).
        ValueError: If the value is NaN or too large for the protocol.
    """
    if seconds is None:
        return -1
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(
            "%s must be a number of seconds (int or float) or None, got %r (%s)"
            % (argument, seconds, type(seconds).__name__)
        )
    if seconds != seconds:
        raise ValueError("%s must be a number of seconds, got NaN" % argument)
    millis = seconds * MILLISECONDS_IN_SECONDS
    if not -0x8000000000000000 <= millis <= 0x7FFFFFFFFFFFFFFF:
        raise ValueError("%s=%r seconds is out of range" % (argument, seconds))
    return int(millis)


def to_nanos(seconds: float) -> int:
    """Converts seconds to whole nanoseconds."""
    return int(seconds * NANOSECONDS_IN_SECONDS)


class AtomicInteger:
    """An integer counter safe to update from several threads."""

    def __init__(self, initial: int = 0):
        self._lock = threading.Lock()
        self._counter = initial

    def get_and_increment(self) -> int:
        """Increments the value and returns the value before the increment.

        Returns:
            The previous value.
        """
        with self._lock:
            value = self._counter
            self._counter += 1
            return value

    def increment_and_get(self) -> int:
        """Increments the value and returns the new value.

        Returns:
            The incremented value.
        """
        with self._lock:
            self._counter += 1
            return self._counter

    def get(self) -> int:
        """Returns the current value."""
        with self._lock:
            return self._counter

    def add(self, count: int) -> None:
        """Adds ``count`` to the value.

        Args:
            count: The value to add.
        """
        with self._lock:
            self._counter += count


class ImmutableLazyDataList(Sequence):
    """Read-only list over serialized items, deserialized on first access.

    Items may be single values or ``(key, value)`` pairs; pairs are
    deserialized element-wise.

    Args:
        list_data: The serialized items.
        to_object: Function that deserializes one item.
    """

    _NOT_YET = object()

    def __init__(self, list_data: typing.Sequence, to_object: typing.Callable):
        self._list_data = list_data
        self._list_obj = [self._NOT_YET] * len(list_data)
        self.to_object = to_object

    def __len__(self) -> int:
        return len(self._list_data)

    @typing.overload
    def __getitem__(self, index: int) -> typing.Any: ...

    @typing.overload
    def __getitem__(self, index: slice) -> typing.List[typing.Any]: ...

    def __getitem__(self, index: typing.Union[int, slice]) -> typing.Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        obj = self._list_obj[index]
        if obj is self._NOT_YET:
            data = self._list_data[index]
            if isinstance(data, tuple):
                key, value = data
                obj = (self.to_object(key), self.to_object(value))
            else:
                obj = self.to_object(data)
            self._list_obj[index] = obj
        return obj

    def _populate(self) -> list:
        return [self[i] for i in range(len(self))]

    def __eq__(self, other: typing.Any) -> bool:
        if not isinstance(other, Iterable):
            return False
        return self._populate() == list(other)

    def __repr__(self) -> str:
        return repr(self._populate())


class IterationType:
    """What a map-wide paging query returns."""

    KEY = 0
    """Iterate over keys."""

    VALUE = 1
    """Iterate over values."""

    ENTRY = 2
    """Iterate over entries."""


# Versions. A version string "major.minor[.patch][-suffix]" is compared as the
# number major * 10000 + minor * 100 + patch.

UNKNOWN_VERSION = -1
MAJOR_VERSION_MULTIPLIER = 10000
MINOR_VERSION_MULTIPLIER = 100


def calculate_version(version_str: typing.Optional[str]) -> int:
    """Turns a version string into a comparable number.

    Args:
        version_str: A version such as ``"5.3.1"`` or ``"4.0-SNAPSHOT"``.

    Returns:
        ``major * 10000 + minor * 100 + patch``, or :data:`UNKNOWN_VERSION`
        if the string cannot be parsed.
    """
    if not version_str:
        return UNKNOWN_VERSION
    tokens = version_str.split("-")[0].split(".")
    if len(tokens) < 2:
        return UNKNOWN_VERSION
    try:
        version = int(tokens[0]) * MAJOR_VERSION_MULTIPLIER + int(tokens[1]) * MINOR_VERSION_MULTIPLIER
        if len(tokens) > 2:
            version += int(tokens[2])
        return version
    except ValueError:
        return UNKNOWN_VERSION


# Enum-like classes (plain classes with upper-case int or str constants).


def _enum_members(enum_class: type) -> typing.Dict[str, typing.Any]:
    return {
        name: value
        for name, value in vars(enum_class).items()
        if not name.startswith("_") and isinstance(value, (int, str)) and not isinstance(value, bool)
    }


def get_attr_name(cls: type, value: typing.Any) -> typing.Optional[str]:
    """Returns the name of the member of the enum-like ``cls`` with the given value.

    Returns:
        The member name, or ``None`` if no member has that value.
    """
    for name, member_value in _enum_members(cls).items():
        if type(member_value) is type(value) and member_value == value:
            return name
    return None


def try_to_get_enum_value(
    value: typing.Any, enum_class: type, option: typing.Optional[str] = None
) -> typing.Any:
    """Resolves a member of an enum-like class given by value or by name.

    Args:
        value: A member's value (e.g. ``1``) or a member's name, spelled as in
            the class (e.g. ``"ON"``).
        enum_class: The enum-like class.
        option: Name of the option being set, used in the error message.

    Returns:
        The member's value.

    Raises:
        TypeError: If ``value`` is neither a member value nor a member name.
    """
    if get_attr_name(enum_class, value) is not None:
        return value
    members = _enum_members(enum_class)
    if isinstance(value, str) and value in members:
        return members[value]
    raise TypeError(
        "invalid value %r for %r: must be one of the values or names of %s (%s)"
        % (
            value,
            option or enum_class.__name__,
            enum_class.__name__,
            ", ".join("%s=%r" % item for item in members.items()),
        )
    )


# Load balancers.


class ClusterService(typing.Protocol):
    """What a load balancer uses of :class:`hazelcast.cluster.ClusterService` (a
    protocol here: value types know nothing of the runtime)."""

    def get_members(
        self, member_selector: typing.Optional[typing.Callable[["MemberInfo"], bool]] = None
    ) -> typing.List["MemberInfo"]: ...

    def add_listener(
        self,
        member_added: typing.Optional[typing.Callable[["MemberInfo"], None]] = None,
        member_removed: typing.Optional[typing.Callable[["MemberInfo"], None]] = None,
        fire_for_existing: bool = False,
    ) -> str: ...


class LoadBalancer:
    """Picks the member that receives the next request not bound to a partition.

    With smart routing, key-based operations go to the key's owner and only
    the others go through the load balancer.
    """

    def init(self, cluster_service: "ClusterService") -> None:
        """Initializes the load balancer.

        Args:
            cluster_service (hazelcast.cluster.ClusterService): The cluster
                service to select members from.
        """
        raise NotImplementedError("init")

    def next(self) -> typing.Optional["MemberInfo"]:
        """Returns the next member to route to.

        Returns:
            The next member, or ``None`` if no member is available.
        """
        raise NotImplementedError("next")


class _AbstractLoadBalancer(LoadBalancer):
    # Keeps a snapshot of the member list, refreshed on every membership event.
    # next() reads the snapshot without locking: it is replaced, never mutated.

    def __init__(self) -> None:
        self._cluster_service: typing.Optional["ClusterService"] = None
        self._members: typing.List["MemberInfo"] = []

    def init(self, cluster_service: "ClusterService") -> None:
        self._cluster_service = cluster_service
        self._members = list(cluster_service.get_members())
        cluster_service.add_listener(self._listener, self._listener, True)

    def _listener(self, _member: "MemberInfo") -> None:
        # Listeners are added by init(), after the service is set.
        assert self._cluster_service is not None
        self._members = list(self._cluster_service.get_members())


class RoundRobinLB(_AbstractLoadBalancer):
    """Load balancer that goes through the members in turn.

    The order is best effort: concurrent callers of :meth:`next` may see it
    interleaved.
    """

    def __init__(self) -> None:
        super().__init__()
        # next() on a count is atomic under the GIL, so no lock is needed.
        self._counter = itertools.count()

    def next(self) -> typing.Optional["MemberInfo"]:
        members = self._members
        if not members:
            return None
        return members[next(self._counter) % len(members)]


class RandomLB(_AbstractLoadBalancer):
    """Load balancer that picks a member at random."""

    def next(self) -> typing.Optional["MemberInfo"]:
        members = self._members
        if not members:
            return None
        return members[random.randrange(len(members))]


class SlotsPickleMixin:
    """Makes a class with ``__slots__`` pickle with every protocol, 0 included.

    The official client's classes of the same names have no ``__slots__``: their
    objects pickle with protocol 0 (which the pickle fallback serializer uses) and
    their state is a dict of attributes. This keeps both: the state is the dict of
    the slots' values, so pickles move between the two clients.
    """

    __slots__ = ()

    def __getstate__(self) -> typing.Dict[str, typing.Any]:
        state = {}
        for klass in type(self).__mro__:
            slots = klass.__dict__.get("__slots__", ())
            for name in (slots,) if isinstance(slots, str) else slots:
                if name not in ("__weakref__", "__dict__") and hasattr(self, name):
                    state[name] = getattr(self, name)
        return state

    def __setstate__(self, state: typing.Dict[str, typing.Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
