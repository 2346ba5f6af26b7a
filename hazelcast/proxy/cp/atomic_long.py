"""The CP Subsystem's AtomicLong: a 64-bit counter kept linearizable by its CP group."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    atomic_long_add_and_get_codec,
    atomic_long_alter_codec,
    atomic_long_apply_codec,
    atomic_long_compare_and_set_codec,
    atomic_long_get_and_add_codec,
    atomic_long_get_and_set_codec,
    atomic_long_get_codec,
)
from hazelcast.proxy.cp import BaseCPProxy

_ALTER_RETURN_OLD = 0
_ALTER_RETURN_NEW = 1


def _check_int(value: typing.Any, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AssertionError("%s must be an int, got %r" % (what, value))


class AtomicLong(BaseCPProxy["BlockingAtomicLong"]):
    """A distributed ``long`` with atomic operations, on the CP Subsystem.

    Every operation is applied by the CP group's Raft log: it stays linearizable
    while a majority of the group's members is up.

    Functions given to :meth:`alter`, :meth:`apply` and their variants run on the
    members: they are serializable objects whose Java counterpart implements
    ``com.hazelcast.core.IFunction``.
    """

    def add_and_get(self, delta: int) -> Future[int]:
        """Atomically adds ``delta`` to the value and returns the new value.

        Args:
            delta: The value to add.

        Returns:
            The value after the addition.
        """
        _check_int(delta, "delta")
        request = atomic_long_add_and_get_codec.encode_request(self._group_id, self._object_name, delta)
        return self._invoke(request, atomic_long_add_and_get_codec.decode_response)

    def compare_and_set(self, expect: int, update: int) -> Future[bool]:
        """Atomically sets the value to ``update`` if it equals ``expect``.

        Args:
            expect: The expected value.
            update: The new value.

        Returns:
            ``True`` if the value was set; ``False`` if it differed from ``expect``.
        """
        _check_int(expect, "expect")
        _check_int(update, "update")
        request = atomic_long_compare_and_set_codec.encode_request(self._group_id, self._object_name, expect, update)
        return self._invoke(request, atomic_long_compare_and_set_codec.decode_response)

    def decrement_and_get(self) -> Future[int]:
        """Atomically subtracts one and returns the new value."""
        return self.add_and_get(-1)

    def get_and_decrement(self) -> Future[int]:
        """Atomically subtracts one and returns the old value."""
        return self.get_and_add(-1)

    def get(self) -> Future[int]:
        """Returns the current value."""
        request = atomic_long_get_codec.encode_request(self._group_id, self._object_name)
        return self._invoke(request, atomic_long_get_codec.decode_response)

    def get_and_add(self, delta: int) -> Future[int]:
        """Atomically adds ``delta`` and returns the old value.

        Args:
            delta: The value to add.

        Returns:
            The value before the addition.
        """
        _check_int(delta, "delta")
        request = atomic_long_get_and_add_codec.encode_request(self._group_id, self._object_name, delta)
        return self._invoke(request, atomic_long_get_and_add_codec.decode_response)

    def get_and_set(self, new_value: int) -> Future[int]:
        """Atomically sets the value and returns the old one.

        Args:
            new_value: The new value.

        Returns:
            The value before it was set.
        """
        _check_int(new_value, "new_value")
        request = atomic_long_get_and_set_codec.encode_request(self._group_id, self._object_name, new_value)
        return self._invoke(request, atomic_long_get_and_set_codec.decode_response)

    def increment_and_get(self) -> Future[int]:
        """Atomically adds one and returns the new value."""
        return self.add_and_get(1)

    def get_and_increment(self) -> Future[int]:
        """Atomically adds one and returns the old value."""
        return self.get_and_add(1)

    def set(self, new_value: int) -> Future[None]:
        """Atomically sets the value.

        Args:
            new_value: The new value.
        """
        return self.get_and_set(new_value).continue_with(_none)

    @schema_aware
    def alter(self, function: typing.Any) -> Future[None]:
        """Replaces the value with the result of ``function`` applied to it, on the group.

        Args:
            function: A serializable ``IFunction<Long, Long>``.
        """
        return self._alter(function, _ALTER_RETURN_NEW).continue_with(_none)

    @schema_aware
    def alter_and_get(self, function: typing.Any) -> Future[int]:
        """Replaces the value with the result of ``function`` and returns the new value.

        Args:
            function: A serializable ``IFunction<Long, Long>``.
        """
        return self._alter(function, _ALTER_RETURN_NEW)

    @schema_aware
    def get_and_alter(self, function: typing.Any) -> Future[int]:
        """Replaces the value with the result of ``function`` and returns the old value.

        Args:
            function: A serializable ``IFunction<Long, Long>``.
        """
        return self._alter(function, _ALTER_RETURN_OLD)

    @schema_aware
    def apply(self, function: typing.Any) -> Future[typing.Any]:
        """Returns ``function`` applied to the value, leaving the value as it is.

        Args:
            function: A serializable ``IFunction<Long, R>``.

        Returns:
            The function's result.
        """
        if function is None:
            raise AssertionError("function can't be None")
        request = atomic_long_apply_codec.encode_request(self._group_id, self._object_name, self._to_data(function))
        to_object = self._to_object

        def handler(message: typing.Any) -> typing.Any:
            return to_object(atomic_long_apply_codec.decode_response(message))

        return self._invoke(request, handler)

    def _alter(self, function: typing.Any, return_value_type: int) -> Future[int]:
        if function is None:
            raise AssertionError("function can't be None")
        request = atomic_long_alter_codec.encode_request(
            self._group_id, self._object_name, self._to_data(function), return_value_type
        )
        return self._invoke(request, atomic_long_alter_codec.decode_response)

    def blocking(self) -> "BlockingAtomicLong":
        return BlockingAtomicLong(self)


def _none(done: Future[typing.Any]) -> None:
    done.result()
    return None


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingAtomicLong(AtomicLong):
    """The blocking twin of :class:`AtomicLong`: each method waits for the result that
    :class:`AtomicLong` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`AtomicLong.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: AtomicLong):  # pylint: disable=super-init-not-called
        # No AtomicLong.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def add_and_get(self, delta: int) -> int:  # type: ignore[override]
        """Atomically adds ``delta`` to the value and returns the new value.

        Args:
            delta: The value to add.

        Returns:
            The value after the addition.
        """
        return self._wrapped.add_and_get(delta).result()

    def compare_and_set(self, expect: int, update: int) -> bool:  # type: ignore[override]
        """Atomically sets the value to ``update`` if it equals ``expect``.

        Args:
            expect: The expected value.
            update: The new value.

        Returns:
            ``True`` if the value was set; ``False`` if it differed from ``expect``.
        """
        return self._wrapped.compare_and_set(expect, update).result()

    def decrement_and_get(self) -> int:  # type: ignore[override]
        """Atomically subtracts one and returns the new value."""
        return self._wrapped.decrement_and_get().result()

    def get_and_decrement(self) -> int:  # type: ignore[override]
        """Atomically subtracts one and returns the old value."""
        return self._wrapped.get_and_decrement().result()

    def get(self) -> int:  # type: ignore[override]
        """Returns the current value."""
        return self._wrapped.get().result()

    def get_and_add(self, delta: int) -> int:  # type: ignore[override]
        """Atomically adds ``delta`` and returns the old value.

        Args:
            delta: The value to add.

        Returns:
            The value before the addition.
        """
        return self._wrapped.get_and_add(delta).result()

    def get_and_set(self, new_value: int) -> int:  # type: ignore[override]
        """Atomically sets the value and returns the old one.

        Args:
            new_value: The new value.

        Returns:
            The value before it was set.
        """
        return self._wrapped.get_and_set(new_value).result()

    def increment_and_get(self) -> int:  # type: ignore[override]
        """Atomically adds one and returns the new value."""
        return self._wrapped.increment_and_get().result()

    def get_and_increment(self) -> int:  # type: ignore[override]
        """Atomically adds one and returns the old value."""
        return self._wrapped.get_and_increment().result()

    def set(self, new_value: int) -> None:  # type: ignore[override]
        """Atomically sets the value.

        Args:
            new_value: The new value.
        """
        return self._wrapped.set(new_value).result()

    def alter(self, function: typing.Any) -> None:  # type: ignore[override]
        """Replaces the value with the result of ``function`` applied to it, on the group.

        Args:
            function: A serializable ``IFunction<Long, Long>``.
        """
        return self._wrapped.alter(function).result()

    def alter_and_get(self, function: typing.Any) -> int:  # type: ignore[override]
        """Replaces the value with the result of ``function`` and returns the new value.

        Args:
            function: A serializable ``IFunction<Long, Long>``.
        """
        return self._wrapped.alter_and_get(function).result()

    def get_and_alter(self, function: typing.Any) -> int:  # type: ignore[override]
        """Replaces the value with the result of ``function`` and returns the old value.

        Args:
            function: A serializable ``IFunction<Long, Long>``.
        """
        return self._wrapped.get_and_alter(function).result()

    def apply(self, function: typing.Any) -> typing.Any:
        """Returns ``function`` applied to the value, leaving the value as it is.

        Args:
            function: A serializable ``IFunction<Long, R>``.

        Returns:
            The function's result.
        """
        return self._wrapped.apply(function).result()

    def blocking(self) -> "BlockingAtomicLong":
        return self

    def destroy(self) -> None:  # type: ignore[override]
        """Destroys this object on the CP group, for every client.

        Using it afterwards fails with ``DistributedObjectDestroyedError``;
        getting it again makes a new object on the group.
        """
        return self._wrapped.destroy().result()

    def __repr__(self) -> str:
        return "Blocking%r" % (self._wrapped,)


# --- end of the generated blocking twin ---
