"""Finds the Hazelcast member jar, fetching it with Maven once and caching it in the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading

from . import settings
from .settings import HarnessError

_lock = threading.Lock()


def require_tool(name: str) -> str:
    """Path of an executable on PATH, or a HarnessError that says how to get it."""
    path = shutil.which(name)
    if path is None:
        hints = {
            "java": "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)",
            "javac": "install a Java 17+ JDK (Debian: apt-get install openjdk-17-jdk-headless)",
            "mvn": "install Maven (Debian: apt-get install maven) or point HZ_JAR at a member jar",
        }
        raise HarnessError("'%s' is not on PATH: %s" % (name, hints.get(name, "install it")))
    return path


def _m2_candidates(version: str, artifact_id: str = "hazelcast"):
    rel = os.path.join("com", "hazelcast", artifact_id, version, "%s-%s.jar" % (artifact_id, version))
    roots = []
    if os.environ.get("MAVEN_REPO_LOCAL"):
        roots.append(os.environ["MAVEN_REPO_LOCAL"])
    roots.append(os.path.join(os.path.expanduser("~"), ".m2", "repository"))
    return [os.path.join(root, rel) for root in roots]


def _maven_local_repo() -> str:
    # Only asked when the usual places miss: it starts a Maven JVM.
    out = subprocess.run(
        ["mvn", "-q", "help:evaluate", "-Dexpression=settings.localRepository", "-DforceStdout"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        universal_newlines=True,
        timeout=300,
    )
    return out.stdout.strip().splitlines()[-1].strip() if out.returncode == 0 and out.stdout.strip() else ""


def member_jar(version: str = None) -> str:
    """Path of hazelcast-<version>.jar inside the cache folder, fetched with Maven if needed.

    Args:
        version: Hazelcast version; default the one of HZ_VERSION (5.7.0).

    Returns:
        Absolute path of the jar.

    Raises:
        HarnessError: Maven is missing or could not fetch the artifact.
    """
    explicit = settings.explicit_jar()
    if explicit:
        if not os.path.isfile(explicit):
            raise HarnessError("HZ_JAR points at %r, which is not a file" % explicit)
        return os.path.abspath(explicit)
    return hazelcast_jar("hazelcast", version or settings.server_version())


def sql_jar(version: str = None) -> str:
    """Path of hazelcast-sql-<version>.jar (the members' SQL engine), fetched like the member jar."""
    return hazelcast_jar("hazelcast-sql", version or settings.server_version())


def hazelcast_jar(artifact_id: str, version: str) -> str:
    """Path of com.hazelcast:<artifact_id>:<version> in the cache folder, fetched with Maven once."""
    target_dir = os.path.join(settings.cache_dir(), "jars")
    target = os.path.join(target_dir, "%s-%s.jar" % (artifact_id, version))
    with _lock:
        if os.path.isfile(target):
            return target
        found = [p for p in _m2_candidates(version, artifact_id) if os.path.isfile(p)]
        if not found:
            require_tool("mvn")
            artifact = "com.hazelcast:%s:%s" % (artifact_id, version)
            # Transitive resolution fails (optional dependencies outside Maven Central)
            # and the jars need none of them: hazelcast-sql carries its engine inside.
            proc = subprocess.run(
                ["mvn", "-q", "-B", "dependency:get", "-Dartifact=" + artifact, "-Dtransitive=false"],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                universal_newlines=True,
                timeout=600,
            )
            if proc.returncode != 0:
                raise HarnessError(
                    "mvn could not fetch %s (exit %d):\n%s" % (artifact, proc.returncode, proc.stdout[-3000:])
                )
            found = [p for p in _m2_candidates(version, artifact_id) if os.path.isfile(p)]
            if not found:
                repo = _maven_local_repo()
                candidate = os.path.join(
                    repo, "com", "hazelcast", artifact_id, version, "%s-%s.jar" % (artifact_id, version)
                )
                if repo and os.path.isfile(candidate):
                    found = [candidate]
            if not found:
                raise HarnessError("mvn reported success but %s-%s.jar is not in the local repository" % (artifact_id, version))
        os.makedirs(target_dir, exist_ok=True)
        tmp = "%s.%d.tmp" % (target, os.getpid())
        shutil.copyfile(found[0], tmp)
        os.replace(tmp, target)  # atomic: a concurrent run never sees half a jar
        return target
