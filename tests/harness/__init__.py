"""Test harness: real Hazelcast members for the client's tests.

    from harness import start_cluster
    cluster = start_cluster(member_count=3, map_configs={"m*": {"backup_count": 1}})
    client = hazelcast.HazelcastClient(**cluster.client_config())
    cluster.members[1].kill()
    cluster.wait_for_size(2)
    cluster.shutdown()

Backends (HZ_TEST_BACKEND): local JVMs (default), docker, remote; see docs/testing.md.
"""

from __future__ import annotations

from .backends import make_cluster as start_cluster
from .backends import shared_cluster
from .cluster import Cluster, Member
from .settings import HarnessError

__all__ = ["Cluster", "HarnessError", "Member", "start_cluster", "shared_cluster"]
