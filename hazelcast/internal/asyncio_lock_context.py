"""The official client's home of :class:`LockContext` (defined in asyncio_proxy/base.py)."""

from hazelcast.internal.asyncio_proxy.base import LockContext

__all__ = ["LockContext"]
