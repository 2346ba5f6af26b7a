"""The CP Subsystem's AtomicReference: one object kept linearizable by its CP group."""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    atomic_ref_apply_codec,
    atomic_ref_compare_and_set_codec,
    atomic_ref_contains_codec,
    atomic_ref_get_codec,
    atomic_ref_set_codec,
)
from hazelcast.proxy.cp import BaseCPProxy

ElementType = typing.TypeVar("ElementType")

_RETURN_NONE = 0
_RETURN_OLD = 1
_RETURN_NEW = 2


class AtomicReference(BaseCPProxy["BlockingAtomicReference[ElementType]"], typing.Generic[ElementType]):
    """A distributed reference to an object, with atomic operations, on the CP Subsystem.

    The object is stored serialized: ``compare_and_set`` and ``contains`` compare
    serialized forms, so equal objects must serialize to equal bytes.
    Functions given to :meth:`alter`, :meth:`apply` and their variants run on the
    members (``com.hazelcast.core.IFunction`` implementations).
    """

    @schema_aware
    def compare_and_set(
        self, expect: typing.Optional[ElementType], update: typing.Optional[ElementType]
    ) -> Future[bool]:
        """Atomically sets the value to ``update`` if the current value equals ``expect``.

        Args:
            expect: The expected value (``None`` for none).
            update: The new value (``None`` to clear).

        Returns:
            ``True`` if the value was set.
        """
        request = atomic_ref_compare_and_set_codec.encode_request(
            self._group_id, self._object_name, self._nullable_data(expect), self._nullable_data(update)
        )
        return self._invoke(request, atomic_ref_compare_and_set_codec.decode_response)

    def get(self) -> Future[typing.Optional[ElementType]]:
        """Returns the current value, or ``None``."""
        request = atomic_ref_get_codec.encode_request(self._group_id, self._object_name)
        return self._invoke(request, self._object_handler(atomic_ref_get_codec.decode_response))

    @schema_aware
    def set(self, new_value: typing.Optional[ElementType]) -> Future[None]:
        """Atomically sets the value.

        Args:
            new_value: The new value (``None`` to clear).
        """
        request = atomic_ref_set_codec.encode_request(
            self._group_id, self._object_name, self._nullable_data(new_value), False
        )
        return self._invoke(request)

    @schema_aware
    def get_and_set(self, new_value: typing.Optional[ElementType]) -> Future[typing.Optional[ElementType]]:
        """Atomically sets the value and returns the old one.

        Args:
            new_value: The new value (``None`` to clear).

        Returns:
            The value before it was set.
        """
        request = atomic_ref_set_codec.encode_request(
            self._group_id, self._object_name, self._nullable_data(new_value), True
        )
        return self._invoke(request, self._object_handler(atomic_ref_set_codec.decode_response))

    def is_none(self) -> Future[bool]:
        """Returns ``True`` if there is no value."""
        return self.contains(None)

    def clear(self) -> Future[None]:
        """Clears the value (sets it to ``None``)."""
        return self.set(None)

    @schema_aware
    def contains(self, value: typing.Optional[ElementType]) -> Future[bool]:
        """Returns ``True`` if the value equals ``value`` (compared serialized).

        Args:
            value: The value to compare with (``None`` checks for no value).
        """
        request = atomic_ref_contains_codec.encode_request(
            self._group_id, self._object_name, self._nullable_data(value)
        )
        return self._invoke(request, atomic_ref_contains_codec.decode_response)

    @schema_aware
    def alter(self, function: typing.Any) -> Future[None]:
        """Replaces the value with ``function`` applied to it, on the group.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._apply(function, _RETURN_NONE, True).continue_with(_none)

    @schema_aware
    def alter_and_get(self, function: typing.Any) -> Future[typing.Optional[ElementType]]:
        """Replaces the value with ``function`` applied to it and returns the new value.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._apply(function, _RETURN_NEW, True)

    @schema_aware
    def get_and_alter(self, function: typing.Any) -> Future[typing.Optional[ElementType]]:
        """Replaces the value with ``function`` applied to it and returns the old value.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._apply(function, _RETURN_OLD, True)

    @schema_aware
    def apply(self, function: typing.Any) -> Future[typing.Any]:
        """Returns ``function`` applied to the value, leaving the value as it is.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._apply(function, _RETURN_NEW, False)

    def _apply(self, function: typing.Any, return_value_type: int, alter: bool) -> Future[typing.Any]:
        if function is None:
            raise AssertionError("function can't be None")
        request = atomic_ref_apply_codec.encode_request(
            self._group_id, self._object_name, self._to_data(function), return_value_type, alter
        )
        return self._invoke(request, self._object_handler(atomic_ref_apply_codec.decode_response))

    def _nullable_data(self, value: typing.Any) -> typing.Any:
        return None if value is None else self._to_data(value)

    def _object_handler(self, decode: typing.Callable[[typing.Any], typing.Any]) -> typing.Callable[[typing.Any], typing.Any]:
        to_object = self._to_object

        def handler(message: typing.Any) -> typing.Any:
            return to_object(decode(message))

        return handler

    def blocking(self) -> "BlockingAtomicReference[ElementType]":
        return BlockingAtomicReference(self)


def _none(done: Future[typing.Any]) -> None:
    done.result()
    return None


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingAtomicReference(AtomicReference[ElementType]):
    """The blocking twin of :class:`AtomicReference`: each method waits for the result that
    :class:`AtomicReference` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`AtomicReference.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: AtomicReference[ElementType]):  # pylint: disable=super-init-not-called
        # No AtomicReference.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def compare_and_set(  # type: ignore[override]
        self, expect: typing.Optional[ElementType], update: typing.Optional[ElementType]
    ) -> bool:
        """Atomically sets the value to ``update`` if the current value equals ``expect``.

        Args:
            expect: The expected value (``None`` for none).
            update: The new value (``None`` to clear).

        Returns:
            ``True`` if the value was set.
        """
        return self._wrapped.compare_and_set(expect, update).result()

    def get(self) -> typing.Optional[ElementType]:  # type: ignore[override]
        """Returns the current value, or ``None``."""
        return self._wrapped.get().result()

    def set(self, new_value: typing.Optional[ElementType]) -> None:  # type: ignore[override]
        """Atomically sets the value.

        Args:
            new_value: The new value (``None`` to clear).
        """
        return self._wrapped.set(new_value).result()

    def get_and_set(  # type: ignore[override]
        self, new_value: typing.Optional[ElementType]
    ) -> typing.Optional[ElementType]:
        """Atomically sets the value and returns the old one.

        Args:
            new_value: The new value (``None`` to clear).

        Returns:
            The value before it was set.
        """
        return self._wrapped.get_and_set(new_value).result()

    def is_none(self) -> bool:  # type: ignore[override]
        """Returns ``True`` if there is no value."""
        return self._wrapped.is_none().result()

    def clear(self) -> None:  # type: ignore[override]
        """Clears the value (sets it to ``None``)."""
        return self._wrapped.clear().result()

    def contains(self, value: typing.Optional[ElementType]) -> bool:  # type: ignore[override]
        """Returns ``True`` if the value equals ``value`` (compared serialized).

        Args:
            value: The value to compare with (``None`` checks for no value).
        """
        return self._wrapped.contains(value).result()

    def alter(self, function: typing.Any) -> None:  # type: ignore[override]
        """Replaces the value with ``function`` applied to it, on the group.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._wrapped.alter(function).result()

    def alter_and_get(  # type: ignore[override]
        self, function: typing.Any
    ) -> typing.Optional[ElementType]:
        """Replaces the value with ``function`` applied to it and returns the new value.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._wrapped.alter_and_get(function).result()

    def get_and_alter(  # type: ignore[override]
        self, function: typing.Any
    ) -> typing.Optional[ElementType]:
        """Replaces the value with ``function`` applied to it and returns the old value.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._wrapped.get_and_alter(function).result()

    def apply(self, function: typing.Any) -> typing.Any:
        """Returns ``function`` applied to the value, leaving the value as it is.

        Args:
            function: A serializable ``IFunction``.
        """
        return self._wrapped.apply(function).result()

    def blocking(self) -> "BlockingAtomicReference[ElementType]":
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
