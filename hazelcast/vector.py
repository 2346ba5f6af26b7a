"""Value types of vector collections (documents, vectors, index configuration).

They are plain data holders with the official client's names and fields; the
vector collection itself (:mod:`hazelcast.proxy.vector_collection`) is not
implemented in this client yet.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Dict, List, Optional, Union

__all__ = "Document", "Vector", "IndexConfig", "SearchResult", "Metric", "Type"


class Type(enum.IntEnum):
    """Kind of a vector."""

    DENSE = 0
    """A vector given as a list of floats."""


VectorType = Type


@dataclasses.dataclass
class Vector:
    """A named vector of floats.

    Args:
        name: Name of the vector index it belongs to; ``""`` for the default index.
        type: Kind of the vector (only ``Type.DENSE`` exists).
        vector: The components.
    """

    name: str
    type: Type
    vector: List[float]


VectorPair = Vector


class Document:
    """A value stored with one or more vectors.

    Args:
        value: The value.
        vectors: One ``Vector`` or a list of them.
    """

    def __init__(self, value: Any, vectors: Union[Vector, List[Vector]]) -> None:
        self.value = value
        self.vectors: List[Vector] = [vectors] if isinstance(vectors, Vector) else vectors

    @property
    def vector(self) -> Optional[Vector]:
        """The first vector of the document, or ``None`` when it has none."""
        return self.vectors[0] if self.vectors else None

    def __copy__(self) -> "Document":
        return Document(self.value, self.vectors)

    def __repr__(self) -> str:
        return "Document<value=%s, vectors=%s>" % (self.value, self.vectors)


VectorDocument = Document


@dataclasses.dataclass
class SearchResult:
    """One result of a vector search.

    Args:
        key: Key of the document found.
        value: Value of the document found.
        score: Similarity to the searched vector, in [0, 1]; higher is closer.
        vectors: Vectors of the document found.
    """

    key: Any
    value: Any
    score: float
    vectors: List[Vector]


VectorSearchResult = SearchResult


class Metric(enum.IntEnum):
    """Similarity metric of a vector index."""

    EUCLIDEAN = 0
    COSINE = 1
    DOT = 2


@dataclasses.dataclass
class IndexConfig:
    """Configuration of one vector index.

    Args:
        name: Name of the index.
        metric: Similarity metric.
        dimension: Number of components of every vector in the index.
        max_degree: Maximum number of connections of a node of the index graph.
        ef_construction: Size of the candidate list while building the index.
        use_deduplication: Whether equal vectors are stored once.
    """

    name: str
    metric: Metric
    dimension: int
    max_degree: int = 32
    ef_construction: int = 100
    use_deduplication: bool = True


VectorIndexConfig = IndexConfig


@dataclasses.dataclass
class VectorSearchOptions:
    """Options of one vector search (built by the client, not by user code)."""

    include_value: bool
    include_vectors: bool
    limit: int
    hints: Dict[str, str] = dataclasses.field(default_factory=dict)
