"""The asyncio face of the CP Subsystem: the same proxies as :mod:`hazelcast.cp`, awaited."""

from __future__ import annotations

import typing

from hazelcast.cp import (
    ATOMIC_LONG_SERVICE,
    ATOMIC_REFERENCE_SERVICE,
    COUNT_DOWN_LATCH_SERVICE,
    LOCK_SERVICE,
    MAP_SERVICE,
    SEMAPHORE_SERVICE,
)
from hazelcast.internal.asyncio_proxy.atomic_long import AtomicLong
from hazelcast.internal.asyncio_proxy.atomic_reference import AtomicReference
from hazelcast.internal.asyncio_proxy.countdown_latch import CountDownLatch
from hazelcast.internal.asyncio_proxy.cp_map import CPMap
from hazelcast.internal.asyncio_proxy.fenced_lock import FencedLock
from hazelcast.internal.asyncio_proxy.semaphore import Semaphore
from hazelcast.proxy.cp import semaphore as _core_semaphore

if typing.TYPE_CHECKING:
    from hazelcast.cp import CPProxyManager
    from hazelcast.protocol import RaftGroupId

_FaceType = typing.TypeVar("_FaceType")


class SessionAwareSemaphore(Semaphore):
    """The asyncio face of a session-aware semaphore: its permits belong to the
    client's CP session on the semaphore's group."""

    def get_group_id(self) -> "RaftGroupId":
        """Returns the id of the CP group the semaphore lives in."""
        return typing.cast(_core_semaphore.SessionAwareSemaphore, self._proxy).get_group_id()


class SessionlessSemaphore(Semaphore):
    """The asyncio face of a sessionless (``jdk-compatible``) semaphore: its
    permits belong to no session."""


class CPSubsystem:
    """Gives the CP Subsystem's data structures to the asyncio client.

    A name may carry its CP group after ``@`` (``"counter@orders"``); without it,
    objects live in the ``default`` group. The members must serve the CP
    Subsystem (Hazelcast 5.4 or before, or Enterprise).
    """

    def __init__(self, proxy_manager: "CPProxyManager"):
        self._proxy_manager = proxy_manager
        # FencedLock faces are kept per proxy: the proxy holds its owners' state.
        self._lock_faces: typing.Dict[int, FencedLock] = {}

    async def get_atomic_long(self, name: str) -> AtomicLong:
        """Returns the AtomicLong named ``name`` (``name@group`` for another group)."""
        return AtomicLong(await self._proxy_manager.get_or_create(ATOMIC_LONG_SERVICE, name))  # type: ignore[arg-type]

    async def get_atomic_reference(self, name: str) -> AtomicReference:
        """Returns the AtomicReference named ``name`` (``name@group`` for another group)."""
        proxy = await self._proxy_manager.get_or_create(ATOMIC_REFERENCE_SERVICE, name)
        return AtomicReference(proxy)  # type: ignore[arg-type]

    async def get_count_down_latch(self, name: str) -> CountDownLatch:
        """Returns the CountDownLatch named ``name`` (``name@group`` for another group)."""
        proxy = await self._proxy_manager.get_or_create(COUNT_DOWN_LATCH_SERVICE, name)
        return CountDownLatch(proxy)  # type: ignore[arg-type]

    async def get_lock(self, name: str) -> FencedLock:
        """Returns the FencedLock named ``name`` (``name@group`` for another group).

        The owner of the lock is the asyncio task (or the open lock context) that
        takes it.
        """
        proxy = await self._proxy_manager.get_or_create(LOCK_SERVICE, name)
        face = self._lock_faces.get(id(proxy))
        if face is None or face._proxy is not proxy:  # pylint: disable=protected-access
            face = self._lock_faces[id(proxy)] = FencedLock(proxy)  # type: ignore[arg-type]
        return face

    async def get_semaphore(self, name: str) -> Semaphore:
        """Returns the Semaphore named ``name`` (``name@group`` for another group).

        A :class:`SessionAwareSemaphore`, or a :class:`SessionlessSemaphore` for a
        name the members configure ``jdk-compatible``.
        """
        proxy = await self._proxy_manager.get_or_create(SEMAPHORE_SERVICE, name)
        if isinstance(proxy, _core_semaphore.SessionAwareSemaphore):
            return SessionAwareSemaphore(proxy)
        return SessionlessSemaphore(proxy)  # type: ignore[arg-type]

    async def get_map(self, name: str) -> CPMap[typing.Any, typing.Any]:
        """Returns the CPMap named ``name`` (Enterprise members only; not in the
        official Python client)."""
        return CPMap(await self._proxy_manager.get_or_create(MAP_SERVICE, name))  # type: ignore[arg-type]
