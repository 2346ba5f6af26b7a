"""The CP Subsystem's CPMap: a small key-value map kept linearizable by its CP group.

Beyond the official Python client: the members serve CPMap in Hazelcast
Enterprise only; a Community member answers with an error saying so.
"""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.errors import UnsupportedOperationError
from hazelcast.future import Future
from hazelcast.protocol.codec import (
    cp_map_compare_and_set_codec,
    cp_map_delete_codec,
    cp_map_get_codec,
    cp_map_put_codec,
    cp_map_put_if_absent_codec,
    cp_map_remove_codec,
    cp_map_set_codec,
)
from hazelcast.proxy.cp import BaseCPProxy

KeyType = typing.TypeVar("KeyType")
ValueType = typing.TypeVar("ValueType")


def _not_none(value: typing.Any, what: str) -> None:
    if value is None:
        raise AssertionError("%s can't be None" % what)


def _explain_unsupported(done: Future[typing.Any]) -> typing.Any:
    error = done.exception()
    if isinstance(error, UnsupportedOperationError):
        raise UnsupportedOperationError(
            "CPMap is served by Hazelcast Enterprise members (5.4 and later) only; this cluster does not serve "
            "it. The member said: %s" % (str(error).splitlines()[0],),
            error,
        )
    return done.result()


class CPMap(BaseCPProxy["BlockingCPMap[KeyType, ValueType]"], typing.Generic[KeyType, ValueType]):
    """A key-value map of the CP Subsystem (Hazelcast Enterprise members only).

    Each operation goes through the CP group's Raft log. Values are compared
    serialized by :meth:`compare_and_set`.
    """

    @schema_aware
    def get(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        """Returns the value of ``key``, or ``None``."""
        _not_none(key, "key")
        request = cp_map_get_codec.encode_request(self._group_id, self._object_name, self._to_data(key))
        return self._invoke(request, self._object_handler(cp_map_get_codec.decode_response))

    @schema_aware
    def put(self, key: KeyType, value: ValueType) -> Future[typing.Optional[ValueType]]:
        """Sets the value of ``key`` and returns the previous value, or ``None``."""
        _not_none(key, "key")
        _not_none(value, "value")
        request = cp_map_put_codec.encode_request(
            self._group_id, self._object_name, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, self._object_handler(cp_map_put_codec.decode_response))

    @schema_aware
    def set(self, key: KeyType, value: ValueType) -> Future[None]:
        """Sets the value of ``key``."""
        _not_none(key, "key")
        _not_none(value, "value")
        request = cp_map_set_codec.encode_request(
            self._group_id, self._object_name, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request)

    @schema_aware
    def put_if_absent(self, key: KeyType, value: ValueType) -> Future[typing.Optional[ValueType]]:
        """Sets the value of ``key`` if it has none; returns the existing value, or ``None``."""
        _not_none(key, "key")
        _not_none(value, "value")
        request = cp_map_put_if_absent_codec.encode_request(
            self._group_id, self._object_name, self._to_data(key), self._to_data(value)
        )
        return self._invoke(request, self._object_handler(cp_map_put_if_absent_codec.decode_response))

    @schema_aware
    def remove(self, key: KeyType) -> Future[typing.Optional[ValueType]]:
        """Removes ``key`` and returns its value, or ``None``."""
        _not_none(key, "key")
        request = cp_map_remove_codec.encode_request(self._group_id, self._object_name, self._to_data(key))
        return self._invoke(request, self._object_handler(cp_map_remove_codec.decode_response))

    @schema_aware
    def delete(self, key: KeyType) -> Future[None]:
        """Removes ``key``."""
        _not_none(key, "key")
        request = cp_map_delete_codec.encode_request(self._group_id, self._object_name, self._to_data(key))
        return self._invoke(request)

    @schema_aware
    def compare_and_set(self, key: KeyType, expected_value: ValueType, new_value: ValueType) -> Future[bool]:
        """Sets the value of ``key`` to ``new_value`` if it is ``expected_value``.

        Returns:
            ``True`` if the value was set.
        """
        _not_none(key, "key")
        _not_none(expected_value, "expected_value")
        _not_none(new_value, "new_value")
        request = cp_map_compare_and_set_codec.encode_request(
            self._group_id, self._object_name, self._to_data(key), self._to_data(expected_value),
            self._to_data(new_value),
        )
        return self._invoke(request, cp_map_compare_and_set_codec.decode_response)

    def _invoke(
        self,
        request: typing.Any,
        response_handler: typing.Callable[[typing.Any], typing.Any] = lambda _: None,
        timeout: typing.Optional[float] = None,
    ) -> Future[typing.Any]:
        return super()._invoke(request, response_handler, timeout).continue_with(_explain_unsupported)

    def _object_handler(self, decode: typing.Callable[[typing.Any], typing.Any]) -> typing.Callable[[typing.Any], typing.Any]:
        to_object = self._to_object

        def handler(message: typing.Any) -> typing.Any:
            return to_object(decode(message))

        return handler

    def blocking(self) -> "BlockingCPMap[KeyType, ValueType]":
        return BlockingCPMap(self)


# --- generated by tools.face_generator: the blocking twin; do not edit ---


class BlockingCPMap(CPMap[KeyType, ValueType]):
    """The blocking twin of :class:`CPMap`: each method waits for the result that
    :class:`CPMap` gives in a :class:`~hazelcast.future.Future` and returns it.

    It shares the wrapped proxy's state; get it with :meth:`CPMap.blocking`.
    """

    __slots__ = ("_wrapped", "name", "service_name")

    def __init__(self, wrapped: CPMap[KeyType, ValueType]):  # pylint: disable=super-init-not-called
        # No CPMap.__init__: every call is delegated to the wrapped proxy.
        self.name = wrapped.name
        self.service_name = wrapped.service_name
        self._wrapped = wrapped

    def get(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        """Returns the value of ``key``, or ``None``."""
        return self._wrapped.get(key).result()

    def put(  # type: ignore[override]
        self, key: KeyType, value: ValueType
    ) -> typing.Optional[ValueType]:
        """Sets the value of ``key`` and returns the previous value, or ``None``."""
        return self._wrapped.put(key, value).result()

    def set(self, key: KeyType, value: ValueType) -> None:  # type: ignore[override]
        """Sets the value of ``key``."""
        return self._wrapped.set(key, value).result()

    def put_if_absent(  # type: ignore[override]
        self, key: KeyType, value: ValueType
    ) -> typing.Optional[ValueType]:
        """Sets the value of ``key`` if it has none; returns the existing value, or ``None``."""
        return self._wrapped.put_if_absent(key, value).result()

    def remove(self, key: KeyType) -> typing.Optional[ValueType]:  # type: ignore[override]
        """Removes ``key`` and returns its value, or ``None``."""
        return self._wrapped.remove(key).result()

    def delete(self, key: KeyType) -> None:  # type: ignore[override]
        """Removes ``key``."""
        return self._wrapped.delete(key).result()

    def compare_and_set(  # type: ignore[override]
        self, key: KeyType, expected_value: ValueType, new_value: ValueType
    ) -> bool:
        """Sets the value of ``key`` to ``new_value`` if it is ``expected_value``.

        Returns:
            ``True`` if the value was set.
        """
        return self._wrapped.compare_and_set(key, expected_value, new_value).result()

    def blocking(self) -> "BlockingCPMap[KeyType, ValueType]":
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
