"""Serialization: turning Python objects into Hazelcast's binary ``Data``
and back (builtin types, IdentifiedDataSerializable, Portable, Compact,
custom and global serializers).

The user-facing abstract API lives in :mod:`hazelcast.serialization.api`.
"""

from hazelcast.serialization.bits import *  # noqa: F401,F403 (struct formats and sizes)
from hazelcast.serialization.service import SerializationServiceV1  # noqa: F401
