"""The docker backend (HZ_TEST_BACKEND=docker): each member is a container of the
hazelcast/hazelcast:<version> image, started with testcontainers.

Containers use the host's network, so the generated configuration (bind 127.0.0.1,
TCP-IP join on the cluster's port block) and the addresses clients get are the same
as with local JVMs; host networking needs a Linux Docker engine. testcontainers'
reaper container removes the containers if the test process dies.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional

from . import jvm, settings
from .cluster import Cluster, Member
from .javac import compiled_classes
from .settings import HarnessError

CONFIG_DIR = "/opt/hazelcast/harness-config"
CLASSES_DIR = "/opt/hazelcast/harness-classes"


def engine_problem() -> Optional[str]:
    """None if a Docker engine answers, else why not (for a clear failure message)."""
    try:
        import docker  # installed with testcontainers
    except ImportError:
        return "the Python packages 'testcontainers' and 'docker' are not installed (pip install testcontainers)"
    try:
        client = docker.from_env()
        try:
            client.ping()
        finally:
            client.close()
    except Exception as e:  # any failure means: no engine to use
        return "no Docker engine answers (DOCKER_HOST=%s): %s" % (os.environ.get("DOCKER_HOST", "<unset>"), e)
    return None


def container_spec(cluster: "DockerCluster", port: int) -> Dict[str, Any]:
    """Image, environment, volumes and docker options of one member's container."""
    # JAVA_OPTS is split on spaces by the image's start script: only space-free flags.
    flags = jvm.profile_flags(cluster.jvm_profile) + [
        f for f in jvm.COMMON_FLAGS if " " not in f and "%" not in f
    ] + settings.extra_jvm_flags() + cluster.jvm_flags
    flags.append("-Dhazelcast.config=%s/member-%d.xml" % (CONFIG_DIR, port))
    env = {"JAVA_OPTS": " ".join(flags), "HZ_PHONE_HOME_ENABLED": "false"}
    volumes = [(cluster.directory, CONFIG_DIR, "ro")]
    if cluster.classes_dir:
        env["CLASSPATH"] = CLASSES_DIR
        volumes.append((cluster.classes_dir, CLASSES_DIR, "ro"))
    return {
        "image": settings.docker_image() if cluster.image is None else cluster.image,
        "env": env,
        "volumes": volumes,
        "kwargs": {"network_mode": "host"},
        "name": "%s-%d" % (cluster.cluster_name, port),
    }


class DockerMember(Member):
    """A member running in a container."""

    def __init__(self, cluster: "DockerCluster", index: int, port: int) -> None:
        super().__init__(cluster, index, port)
        self.container = None
        self.config_path = os.path.join(cluster.directory, "member-%d.xml" % port)

    def _launch(self, log_path: str) -> None:
        from testcontainers.core.container import DockerContainer

        with open(self.config_path, "w") as f:
            f.write(self.cluster.member_xml(self.port))
        spec = container_spec(self.cluster, self.port)
        container = DockerContainer(spec["image"], env=spec["env"], volumes=spec["volumes"], **spec["kwargs"])
        container.with_name("%s-%d" % (spec["name"], len(self.log_paths)))
        open(log_path, "w").close()
        container.start()
        self.container = container

    def _refresh_log(self) -> None:
        if self.container is None or self.container._container is None:
            return
        try:
            out = self.container._container.logs(stdout=True, stderr=True)
        except Exception:  # the container is gone: keep what was copied
            return
        with open(self.log_path, "wb") as f:
            f.write(out)

    def _status(self) -> str:
        if self.container is None or self.container._container is None:
            return "absent"
        try:
            self.container._container.reload()
            return self.container._container.status
        except Exception:
            return "absent"

    def is_running(self) -> bool:
        return self._status() in ("created", "running", "restarting")

    def _send_stop(self) -> None:
        self.container._container.kill(signal="SIGTERM")

    def _send_kill(self) -> None:
        try:
            self.container._container.kill(signal="SIGKILL")
        except Exception:
            pass

    def _wait_exit(self, timeout: float) -> bool:
        if self.container is None:
            return True
        try:
            self.container._container.wait(timeout=timeout)
        except Exception:
            if self.is_running():
                return False
        self._refresh_log()
        try:
            self.container.stop()  # removes the container; its log was copied above
        except Exception:
            pass
        self.container = None
        return True


class DockerCluster(Cluster):
    """Same API as the local Cluster, members in containers."""

    backend = "docker"
    member_class = DockerMember

    def __init__(self, *args: Any, image: Optional[str] = None, **kwargs: Any) -> None:
        self.image = image
        super().__init__(*args, **kwargs)

    def _prepare(self) -> None:
        problem = engine_problem()
        if problem:
            raise HarnessError("HZ_TEST_BACKEND=docker cannot start members: %s" % problem)
        # The classes are compiled here against the same version's jar.
        self.classes_dir = compiled_classes() if self.java_classes else None
        self.jar = None
        self.classpath_extra: List[str] = []
        self.cds_archive = None
        self.support_dir = None
