"""Chooses the backend (HZ_TEST_BACKEND) and hands out clusters."""

from __future__ import annotations

import threading
from typing import Any, Dict, Optional

from . import settings
from .cluster import Cluster
from .remote import RemoteCluster, check_request, unsupported

_shared: Dict[str, Any] = {}
_shared_lock = threading.Lock()

# What the shared clusters look like.
SHARED_SPECS = {
    "single": {"member_count": 1},
    "triple": {"member_count": 3, "map_configs": {"default": {"backup_count": 1}}},
}


def make_cluster(member_count: int = 1, backend: Optional[str] = None, **options: Any):
    """A started cluster from the chosen backend.

    Args:
        member_count: number of members.
        backend: 'local', 'docker' or 'remote' (default HZ_TEST_BACKEND, else 'local').
        **options: Cluster options (map_configs, properties, extra_xml, java_classes,
            partition_count, jet_enabled, jvm_profile, jvm_flags, cluster_name, ...).

    Returns:
        A Cluster (local or docker) or a RemoteCluster.

    Raises:
        HarnessError: the members could not be started (the message holds their logs).
    """
    backend = backend or settings.backend_name()
    if backend == "remote":
        remote = RemoteCluster()
        reason = check_request(member_count, options, len(remote.members))
        if reason:
            unsupported(reason)
        return remote
    if backend == "docker":
        from .docker_backend import DockerCluster

        return DockerCluster(member_count, **options)
    return Cluster(member_count, **options)


def shared_cluster(kind: str = "single", java_classes: bool = False):
    """The process-wide shared cluster of a kind ('single': 1 member, default config;
    'triple': 3 members, backup count 1), started on first request."""
    spec = dict(SHARED_SPECS[kind])
    with _shared_lock:
        cluster = _shared.get(kind)
        if cluster is not None and _healthy(cluster, spec["member_count"]):
            return cluster
        if cluster is not None:
            cluster.shutdown()  # a test broke it: replace rather than hand on a broken one
        if settings.backend_name() == "remote":
            cluster = make_cluster(spec["member_count"], java_classes=java_classes)
        else:
            cluster = make_cluster(java_classes=java_classes, **spec)
        _shared[kind] = cluster
        return cluster


def _healthy(cluster, size: int) -> bool:
    if not getattr(cluster, "supports_member_control", False):
        return True
    return len(cluster.running_members()) == size


def stop_shared() -> None:
    with _shared_lock:
        for cluster in _shared.values():
            cluster.shutdown()
        _shared.clear()
