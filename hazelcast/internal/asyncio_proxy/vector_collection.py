"""The asyncio vector collection (hand-written, not generated: not implemented yet).

Keeps the official name and methods so that ``from hazelcast.asyncio import
VectorCollection`` works; every method raises :class:`NotImplementedError`, as
:meth:`hazelcast.asyncio.HazelcastClient.get_vector_collection` does.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from hazelcast.internal.asyncio_proxy.base import Proxy
from hazelcast.proxy import vector_collection as _core
from hazelcast.vector import Document, SearchResult, Vector


class VectorCollection(Proxy[_core.VectorCollection]):
    """The asyncio face of :class:`hazelcast.proxy.vector_collection.VectorCollection`
    (not implemented yet: every method raises :class:`NotImplementedError`)."""

    async def get(self, key: Any) -> Optional[Document]:
        _core._not_implemented()

    async def set(self, key: Any, document: Document) -> None:
        _core._not_implemented()

    async def put(self, key: Any, document: Document) -> Optional[Document]:
        _core._not_implemented()

    async def put_all(self, map: Dict[Any, Document]) -> None:  # pylint: disable=redefined-builtin
        _core._not_implemented()

    async def put_if_absent(self, key: Any, document: Document) -> Optional[Document]:
        _core._not_implemented()

    async def search_near_vector(
        self,
        vector: Vector,
        *,
        include_value: bool = False,
        include_vectors: bool = False,
        limit: int = 10,
        hints: Optional[Dict[str, str]] = None,
    ) -> List[SearchResult]:
        _core._not_implemented()

    async def remove(self, key: Any) -> Optional[Document]:
        _core._not_implemented()

    async def delete(self, key: Any) -> None:
        _core._not_implemented()

    async def optimize(self, index_name: Optional[str] = None) -> None:
        _core._not_implemented()

    async def clear(self) -> None:
        _core._not_implemented()

    async def size(self) -> int:
        _core._not_implemented()
