"""Where the harness keeps its files and which knobs the environment turns.

Every knob has an environment variable so that scripts outside pytest (benchmarks,
manual runs) see the same defaults as the test suite; the pytest plugin's command
line options only override these values.
"""

from __future__ import annotations

import os
import shlex
from typing import List, Optional

DEFAULT_VERSION = "5.7.0"
BACKENDS = ("local", "docker", "remote")

# tests/harness/settings.py -> repository root
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TESTS_DIR = os.path.join(REPO_ROOT, "tests")
JAVA_SOURCES_DIR = os.path.join(TESTS_DIR, "java")


class HarnessError(Exception):
    """The harness could not do what it was asked (missing tool, member that did not start...)."""


def _env(name: str, default: Optional[str] = None) -> Optional[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


def server_version() -> str:
    """Hazelcast version the members run (HZ_VERSION, default 5.7.0)."""
    return _env("HZ_VERSION", DEFAULT_VERSION)


def backend_name() -> str:
    """Which backend provides members: local (default), docker or remote (HZ_TEST_BACKEND)."""
    name = _env("HZ_TEST_BACKEND", "local").lower()
    if name not in BACKENDS:
        raise HarnessError(
            "invalid value %r for HZ_TEST_BACKEND: must be one of %s" % (name, ", ".join(BACKENDS))
        )
    return name


def cache_dir() -> str:
    """Git-ignored folder for the jar, compiled classes, CDS archives and member logs."""
    return os.path.abspath(_env("HZ_TEST_CACHE_DIR", os.path.join(REPO_ROOT, ".cache", "hazelcast")))


def explicit_jar() -> Optional[str]:
    """HZ_JAR: use this member jar instead of fetching one from Maven."""
    return _env("HZ_JAR")


def jvm_profile() -> str:
    """HZ_TEST_JVM_PROFILE: 'test' (fast start, default) or 'perf' (throughput)."""
    return _env("HZ_TEST_JVM_PROFILE", "test").lower()


def extra_jvm_flags() -> List[str]:
    """HZ_TEST_JVM_FLAGS: more JVM flags appended to every member's command line."""
    return shlex.split(_env("HZ_TEST_JVM_FLAGS", ""))


def cds_enabled() -> bool:
    """HZ_TEST_CDS=0 turns off the class-data-sharing archive that speeds up member start."""
    return _env("HZ_TEST_CDS", "1") not in ("0", "false", "no", "off")


def start_timeout() -> float:
    """HZ_TEST_START_TIMEOUT: seconds a member or cluster may take to start (default 90)."""
    raw = _env("HZ_TEST_START_TIMEOUT", "90")
    try:
        value = float(raw)
    except ValueError:
        raise HarnessError("invalid value %r for HZ_TEST_START_TIMEOUT: must be a number of seconds" % raw)
    if value <= 0:
        raise HarnessError("invalid value %r for HZ_TEST_START_TIMEOUT: must be > 0" % raw)
    return value


def remote_addresses() -> List[str]:
    """HZ_TEST_ADDRESSES: comma-separated host:port list of an existing cluster (remote backend)."""
    raw = _env("HZ_TEST_ADDRESSES", "")
    return [a.strip() for a in raw.split(",") if a.strip()]


def remote_cluster_name() -> str:
    """HZ_TEST_CLUSTER_NAME: cluster name of the existing cluster (remote backend, default 'dev')."""
    return _env("HZ_TEST_CLUSTER_NAME", "dev")


def remote_has_java_classes() -> bool:
    """HZ_TEST_REMOTE_JAVA_CLASSES=1: the remote members have tests/java's classes on their classpath."""
    return _env("HZ_TEST_REMOTE_JAVA_CLASSES", "0") in ("1", "true", "yes", "on")


def remote_server_version() -> Optional[str]:
    """HZ_TEST_SERVER_VERSION: version of the remote cluster, for server_version markers."""
    return _env("HZ_TEST_SERVER_VERSION")


def docker_image() -> str:
    """HZ_TEST_DOCKER_IMAGE: image for the docker backend (default hazelcast/hazelcast:<version>)."""
    return _env("HZ_TEST_DOCKER_IMAGE", "hazelcast/hazelcast:%s" % server_version())
