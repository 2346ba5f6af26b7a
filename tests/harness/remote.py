"""The remote backend: tests run against a cluster someone else started
(HZ_TEST_ADDRESSES, HZ_TEST_CLUSTER_NAME). It can neither configure nor stop it,
so tests that need to are skipped with a reason saying so."""

from __future__ import annotations

import sys
from typing import Any, Dict, List, Optional

from . import settings
from .settings import HarnessError


class Unsupported(HarnessError):
    """The backend cannot do what the test asked for."""


def unsupported(reason: str):
    """Skip the running test (inside pytest) or raise Unsupported (outside)."""
    pytest = sys.modules.get("pytest")
    if pytest is not None:
        pytest.skip(reason)
    raise Unsupported(reason)


class RemoteMember:
    """A member of the existing cluster: only its address is known."""

    def __init__(self, address: str) -> None:
        host, sep, port = address.rpartition(":")
        if not sep or not port.isdigit():
            raise HarnessError("invalid address %r in HZ_TEST_ADDRESSES: expected host:port" % address)
        self.host = host
        self.port = int(port)
        self.address = "%s:%d" % (host, self.port)
        self.uuid: Optional[str] = None
        self.log_path: Optional[str] = None
        self.log_paths: List[str] = []

    def __repr__(self) -> str:
        return "RemoteMember(%s)" % self.address

    def is_running(self) -> bool:
        return True

    def log_tail(self, lines: int = 40) -> str:
        return ""

    def _refresh_log(self) -> None:
        pass

    def shutdown(self, timeout: float = 60.0) -> None:
        unsupported("the remote backend (HZ_TEST_BACKEND=remote) cannot shut down a member")

    def kill(self) -> None:
        unsupported("the remote backend (HZ_TEST_BACKEND=remote) cannot kill a member")

    def restart(self, graceful: bool = True, wait: bool = True) -> None:
        unsupported("the remote backend (HZ_TEST_BACKEND=remote) cannot restart a member")


class RemoteCluster:
    """The existing cluster named by HZ_TEST_ADDRESSES and HZ_TEST_CLUSTER_NAME."""

    backend = "remote"
    supports_member_control = False

    def __init__(self, addresses: Optional[List[str]] = None, cluster_name: Optional[str] = None) -> None:
        addresses = addresses if addresses is not None else settings.remote_addresses()
        if not addresses:
            raise HarnessError("HZ_TEST_BACKEND=remote needs HZ_TEST_ADDRESSES=host:port[,host:port...]")
        self.cluster_name = cluster_name or settings.remote_cluster_name()
        self.members = [RemoteMember(a) for a in addresses]
        self.version = settings.remote_server_version()
        self.java_classes = settings.remote_has_java_classes()

    def __repr__(self) -> str:
        return "RemoteCluster(%r, members=%r)" % (self.cluster_name, self.addresses)

    def __enter__(self) -> "RemoteCluster":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()

    @property
    def addresses(self) -> List[str]:
        return [m.address for m in self.members]

    def running_members(self) -> List[RemoteMember]:
        return list(self.members)

    def client_config(self) -> Dict[str, Any]:
        return {"cluster_name": self.cluster_name, "cluster_members": list(self.addresses)}

    def log_tails(self, lines: int = 40) -> str:
        return ""

    def start_member(self, wait: bool = True):
        unsupported("the remote backend (HZ_TEST_BACKEND=remote) cannot start members")

    def wait_for_size(self, size: int, timeout: Optional[float] = None) -> None:
        # Without a client the harness cannot see the membership: trust the configuration.
        if size != len(self.members):
            unsupported(
                "the remote backend (HZ_TEST_BACKEND=remote) cannot wait for %d members: "
                "HZ_TEST_ADDRESSES lists %d" % (size, len(self.members))
            )

    def shutdown(self, graceful: bool = False) -> None:
        """Leaves the cluster running: it is not ours to stop."""


def check_request(member_count: int, custom: Dict[str, Any], members_available: int) -> Optional[str]:
    """Why the remote cluster cannot serve a cluster request, or None if it can."""
    custom = {k: v for k, v in custom.items() if v not in (None, False, {}, [], "")}
    java = custom.pop("java_classes", False)
    if custom:
        return "the remote backend (HZ_TEST_BACKEND=remote) cannot start a cluster with custom configuration (%s)" % (
            ", ".join(sorted(custom)))
    if java and not settings.remote_has_java_classes():
        return ("the remote backend (HZ_TEST_BACKEND=remote) has no Java test classes "
                "(set HZ_TEST_REMOTE_JAVA_CLASSES=1 if its members have tests/java on the classpath)")
    if member_count > members_available:
        return "the remote backend (HZ_TEST_BACKEND=remote) has %d member(s) in HZ_TEST_ADDRESSES, the test needs %d" % (
            members_available, member_count)
    return None
