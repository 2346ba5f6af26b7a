"""The key locks Map and MultiMap share: lock, try_lock, unlock, force_unlock
and is_locked of a key, each with the structure's codecs.

The lock owner (the calling thread; the task or lock context for asyncio) and
the reference id are fixed before the key is serialized: when a Compact schema
must reach the cluster first, the request is retried on another thread.
"""

from __future__ import annotations

import typing

from hazelcast.compact import schema_aware
from hazelcast.future import Future
from hazelcast.invocation import Invocation
from hazelcast.util import seconds_to_millis

if typing.TYPE_CHECKING:
    from hazelcast.proxy.base import Proxy

KEY_NONE = "key can't be None"


class LockCodecs(typing.NamedTuple):
    """The lock codecs of one structure."""

    lock: typing.Any
    try_lock: typing.Any
    unlock: typing.Any
    force_unlock: typing.Any
    is_locked: typing.Any


def _check_key(key: typing.Any) -> None:
    if key is None:
        raise AssertionError(KEY_NONE)


def _next_reference_id(proxy: "Proxy[typing.Any]") -> int:
    # One sequence per client (1, 2, 3...), as the official client sends them: the
    # member recognises a retried request.
    return next(proxy._context.lock_reference_id_generator)


def _invoke_on_key(
    proxy: "Proxy[typing.Any]",
    request: typing.Any,
    key_data: typing.Any,
    wait: typing.Optional[float],
    response_handler: typing.Callable[[typing.Any], typing.Any],
) -> Future[typing.Any]:
    # wait: the invocation's timeout (inf: as long as the member holds the
    # request); None: the configured invocation timeout.
    invocation = Invocation(
        request, partition_id=proxy._get_partition_id(key_data), timeout=wait, response_handler=response_handler
    )
    proxy._invoke_invocation(invocation)
    return invocation.future


def _return_none(_message: typing.Any) -> None:
    return None


def lock(
    proxy: "Proxy[typing.Any]",
    codecs: LockCodecs,
    key: typing.Any,
    lease_time: typing.Optional[float],
    wait: typing.Optional[float],
) -> Future[None]:
    """Acquires the lock of ``key`` for the caller (see the module's docstring);
    ``wait``: the invocation's timeout (``None``: the configured one)."""
    _check_key(key)
    lease = seconds_to_millis(lease_time, "lease_time")
    return _lock(proxy, codecs.lock, key, proxy._caller_id(), lease, _next_reference_id(proxy), wait)


@schema_aware
def _lock(
    proxy: "Proxy[typing.Any]",
    codec: typing.Any,
    key: typing.Any,
    thread_id: int,
    lease: int,
    reference_id: int,
    wait: typing.Optional[float],
) -> Future[None]:
    key_data = proxy._to_data(key)
    request = codec.encode_request(proxy.name, key_data, thread_id, lease, reference_id)
    return _invoke_on_key(proxy, request, key_data, wait, _return_none)


def try_lock(
    proxy: "Proxy[typing.Any]",
    codecs: LockCodecs,
    key: typing.Any,
    lease_time: typing.Optional[float],
    timeout: float,
    wait: typing.Optional[float],
) -> Future[bool]:
    """Tries to acquire the lock of ``key`` for the caller, waiting up to
    ``timeout`` seconds on the member; ``wait`` as in :func:`lock`."""
    _check_key(key)
    lease = seconds_to_millis(lease_time, "lease_time")
    timeout_millis = seconds_to_millis(timeout, "timeout")
    return _try_lock(
        proxy, codecs.try_lock, key, proxy._caller_id(), lease, timeout_millis, _next_reference_id(proxy), wait
    )


@schema_aware
def _try_lock(
    proxy: "Proxy[typing.Any]",
    codec: typing.Any,
    key: typing.Any,
    thread_id: int,
    lease: int,
    timeout: int,
    reference_id: int,
    wait: typing.Optional[float],
) -> Future[bool]:
    key_data = proxy._to_data(key)
    request = codec.encode_request(proxy.name, key_data, thread_id, lease, timeout, reference_id)
    return _invoke_on_key(proxy, request, key_data, wait, codec.decode_response)


def unlock(proxy: "Proxy[typing.Any]", codecs: LockCodecs, key: typing.Any) -> Future[None]:
    """Releases the caller's lock of ``key`` once."""
    _check_key(key)
    return _unlock(proxy, codecs.unlock, key, proxy._caller_id(), _next_reference_id(proxy))


@schema_aware
def _unlock(
    proxy: "Proxy[typing.Any]", codec: typing.Any, key: typing.Any, thread_id: int, reference_id: int
) -> Future[None]:
    key_data = proxy._to_data(key)
    request = codec.encode_request(proxy.name, key_data, thread_id, reference_id)
    return proxy._invoke_on_key(request, key_data)


def force_unlock(proxy: "Proxy[typing.Any]", codecs: LockCodecs, key: typing.Any) -> Future[None]:
    """Releases the lock of ``key`` whoever holds it."""
    _check_key(key)
    return _force_unlock(proxy, codecs.force_unlock, key, _next_reference_id(proxy))


@schema_aware
def _force_unlock(proxy: "Proxy[typing.Any]", codec: typing.Any, key: typing.Any, reference_id: int) -> Future[None]:
    key_data = proxy._to_data(key)
    request = codec.encode_request(proxy.name, key_data, reference_id)
    return proxy._invoke_on_key(request, key_data)


@schema_aware
def is_locked(proxy: "Proxy[typing.Any]", codecs: LockCodecs, key: typing.Any) -> Future[bool]:
    """Tells whether some owner holds the lock of ``key``."""
    _check_key(key)
    codec = codecs.is_locked
    key_data = proxy._to_data(key)
    request = codec.encode_request(proxy.name, key_data)
    return proxy._invoke_on_key(request, key_data, codec.decode_response)
