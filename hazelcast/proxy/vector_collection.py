"""Vector collections: documents with vectors, searchable by similarity.

Not implemented in this client yet (vector collections need a Hazelcast
Enterprise cluster). The classes keep the official names and methods so that code
written for the official client imports and type-checks; every call raises
:class:`NotImplementedError`, and so do ``HazelcastClient.get_vector_collection``
and ``create_vector_collection_config``.
"""

from __future__ import annotations

from typing import Any, Dict, List, NoReturn, Optional

from hazelcast.future import Future
from hazelcast.proxy.base import Proxy
from hazelcast.vector import Document, SearchResult, Vector

_MESSAGE = "vector collections are not implemented in this client yet"


def _not_implemented() -> NoReturn:
    raise NotImplementedError(_MESSAGE)


class VectorCollection(Proxy["BlockingVectorCollection"]):
    """A distributed collection of documents with vectors (not implemented yet).

    Every method raises :class:`NotImplementedError`.
    """

    def blocking(self) -> "BlockingVectorCollection":
        """Returns the blocking variant of this vector collection."""
        return BlockingVectorCollection(self)

    def get(self, key: Any) -> Future[Optional[Document]]:
        """Returns the document stored under ``key`` (not implemented yet)."""
        _not_implemented()

    def set(self, key: Any, document: Document) -> Future[None]:
        """Stores ``document`` under ``key`` (not implemented yet)."""
        _not_implemented()

    def put(self, key: Any, document: Document) -> Future[Optional[Document]]:
        """Stores ``document`` under ``key``, returning the previous one (not implemented yet)."""
        _not_implemented()

    def put_all(self, map: Dict[Any, Document]) -> Future[None]:  # pylint: disable=redefined-builtin
        """Stores every document of ``map`` (not implemented yet)."""
        _not_implemented()

    def put_if_absent(self, key: Any, document: Document) -> Future[Optional[Document]]:
        """Stores ``document`` unless ``key`` has one (not implemented yet)."""
        _not_implemented()

    def search_near_vector(
        self,
        vector: Vector,
        *,
        include_value: bool = False,
        include_vectors: bool = False,
        limit: int = 10,
        hints: Optional[Dict[str, str]] = None,
    ) -> Future[List[SearchResult]]:
        """Returns the documents closest to ``vector`` (not implemented yet)."""
        _not_implemented()

    def remove(self, key: Any) -> Future[Optional[Document]]:
        """Removes and returns the document under ``key`` (not implemented yet)."""
        _not_implemented()

    def delete(self, key: Any) -> Future[None]:
        """Removes the document under ``key`` (not implemented yet)."""
        _not_implemented()

    def optimize(self, index_name: Optional[str] = None) -> Future[None]:
        """Optimizes a vector index (not implemented yet)."""
        _not_implemented()

    def clear(self) -> Future[None]:
        """Removes every document (not implemented yet)."""
        _not_implemented()

    def size(self) -> Future[int]:
        """Returns the number of documents (not implemented yet)."""
        _not_implemented()


class BlockingVectorCollection:
    """The blocking variant of :class:`VectorCollection` (not implemented yet)."""

    __slots__ = ("_wrapped",)

    def __init__(self, wrapped: VectorCollection):
        self._wrapped = wrapped

    def get(self, key: Any) -> Optional[Document]:
        return self._wrapped.get(key).result()

    def set(self, key: Any, document: Document) -> None:
        return self._wrapped.set(key, document).result()

    def search_near_vector(
        self,
        vector: Vector,
        *,
        include_value: bool = False,
        include_vectors: bool = False,
        limit: int = 10,
        hints: Optional[Dict[str, str]] = None,
    ) -> List[SearchResult]:
        return self._wrapped.search_near_vector(
            vector, include_value=include_value, include_vectors=include_vectors, limit=limit, hints=hints
        ).result()

    def delete(self, key: Any) -> None:
        return self._wrapped.delete(key).result()

    def remove(self, key: Any) -> Optional[Document]:
        return self._wrapped.remove(key).result()

    def put(self, key: Any, document: Document) -> Optional[Document]:
        return self._wrapped.put(key, document).result()

    def put_all(self, map: Dict[Any, Document]) -> None:  # pylint: disable=redefined-builtin
        return self._wrapped.put_all(map).result()

    def put_if_absent(self, key: Any, document: Document) -> Optional[Document]:
        return self._wrapped.put_if_absent(key, document).result()

    def clear(self) -> None:
        return self._wrapped.clear().result()

    def optimize(self, index_name: Optional[str] = None) -> None:
        return self._wrapped.optimize(index_name).result()

    def size(self) -> int:
        return self._wrapped.size().result()

    def destroy(self) -> bool:
        return self._wrapped.destroy()
