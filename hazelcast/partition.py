"""Partition table: which member owns each partition, and the partition of a key."""

from __future__ import annotations

import logging
import threading
import uuid
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from hazelcast.errors import ClientOfflineError
from hazelcast.hash import data_partition_id

if TYPE_CHECKING:
    from hazelcast.serialization.data import Data

_logger = logging.getLogger(__name__)

# The protocol carries the count as a 32-bit int.
MAX_PARTITION_COUNT = 0x7FFFFFFF


class PartitionService:
    """Lets you find the partition of a key and the member owning a partition."""

    def __init__(self, internal: "_InternalPartitionService", serialization_service: Any):
        self._internal = internal
        self._serialization_service = serialization_service

    def get_partition_owner(self, partition_id: int) -> Optional[uuid.UUID]:
        """Returns the UUID of the member owning a partition.

        Args:
            partition_id: The partition id.

        Returns:
            The owner's UUID, or None if the client does not know it yet.
        """
        return self._internal.get_partition_owner(partition_id)

    def get_partition_id(self, key: Any) -> int:
        """Returns the partition id of a key.

        Args:
            key: The key, as an object or serialized.

        Returns:
            The partition id.

        Raises:
            ClientOfflineError: If the partition count is not known yet.
        """
        return self._internal.get_partition_id(self._serialization_service.to_data(key))

    def get_partition_count(self) -> int:
        """Returns the number of partitions of the cluster (0 until connected).

        Returns:
            The partition count.
        """
        return self._internal.partition_count


class _InternalPartitionService:
    def __init__(self) -> None:
        self.partition_count = 0
        # The owner UUID of each partition id the member sent: sized by what
        # arrived, never allocated from the count (a number the member
        # sends); replaced whole on each update so readers never see a
        # half-built table.
        self._owners: Dict[int, uuid.UUID] = {}
        self._version = -1
        self._connection: Any = None
        self._lock = threading.Lock()

    def get_partition_owner(self, partition_id: int) -> Optional[uuid.UUID]:
        return self._owners.get(partition_id)

    def get_partition_id(self, key_data: "Data") -> int:
        count = self.partition_count
        if count == 0:
            # The partition count arrives with the first authentication.
            raise ClientOfflineError()
        return data_partition_id(key_data._buffer, count)

    def check_and_set_partition_count(self, count: int) -> bool:
        """Records the cluster's partition count; False if it differs from the one known.

        Raises:
            ValueError: If the count is not a positive 32-bit int.
        """
        if not isinstance(count, int) or not 1 <= count <= MAX_PARTITION_COUNT:
            raise ValueError("invalid partition count %r: must be in 1..%d" % (count, MAX_PARTITION_COUNT))
        if self.partition_count == 0:
            self.partition_count = count
            return True
        return self.partition_count == count

    def reset(self) -> None:
        """Forgets the partition table (a new cluster will send its own)."""
        with self._lock:
            self._owners = {}
            self._version = -1
            self._connection = None

    def handle_partitions_view_event(
        self, connection: Any, partitions: List[Tuple[uuid.UUID, List[int]]], version: int
    ) -> None:
        with self._lock:
            # A table from a newer view, or from another connection (the listener
            # moved after a connection closed), replaces the one held.
            if connection is self._connection and version <= self._version:
                return
            count = self.partition_count or MAX_PARTITION_COUNT
            owners: Dict[int, uuid.UUID] = {}
            for owner, partition_ids in partitions:
                for partition_id in partition_ids:
                    if 0 <= partition_id < count:
                        owners[partition_id] = owner
            self._owners = owners
            self._version = version
            self._connection = connection
        _logger.debug("Partition table updated to version %d", version)


def string_partition_strategy(key: Optional[str]) -> Optional[str]:
    """Returns the partition key of a name: the part after its first ``@``, or the name.

    Distributed objects named ``"name@key"`` live on the partition of ``"key"``.
    """
    if key is None:
        return None
    at = key.find("@")
    return key if at < 0 else key[at + 1 :]
