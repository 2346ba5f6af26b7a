"""Backend selection and the remote and docker backends' wiring.

No Docker engine is needed: what reaches the engine (image, environment, volumes,
network mode) is checked on the spec the backend builds, and the clear failure when
no engine answers is checked against an address where none listens."""

from __future__ import annotations

import types

import pytest

from harness import backends, settings
from harness.remote import RemoteCluster, Unsupported, check_request
from harness.settings import HarnessError


@pytest.fixture
def remote_env(monkeypatch):
    monkeypatch.setenv("HZ_TEST_BACKEND", "remote")
    monkeypatch.setenv("HZ_TEST_ADDRESSES", "127.0.0.1:5701,127.0.0.1:5702")
    monkeypatch.setenv("HZ_TEST_CLUSTER_NAME", "prod-like")
    monkeypatch.delenv("HZ_TEST_REMOTE_JAVA_CLASSES", raising=False)


def test_remote_cluster_comes_from_the_environment(remote_env):
    cluster = backends.make_cluster(2)
    assert isinstance(cluster, RemoteCluster)
    assert cluster.client_config() == {
        "cluster_name": "prod-like", "cluster_members": ["127.0.0.1:5701", "127.0.0.1:5702"]}
    assert [m.port for m in cluster.members] == [5701, 5702]
    cluster.shutdown()  # leaves someone else's cluster alone: nothing to assert but no error


def test_remote_backend_skips_what_it_cannot_do(remote_env):
    cluster = backends.make_cluster(1)
    for action in (cluster.members[0].kill, cluster.members[0].restart, cluster.members[0].shutdown,
                   cluster.start_member, lambda: cluster.wait_for_size(3)):
        with pytest.raises(pytest.skip.Exception, match="remote backend"):
            action()
    with pytest.raises(pytest.skip.Exception, match="custom configuration \\(map_configs\\)"):
        backends.make_cluster(1, map_configs={"m": {"backup_count": 2}})
    with pytest.raises(pytest.skip.Exception, match="has 2 member"):
        backends.make_cluster(3)
    with pytest.raises(pytest.skip.Exception, match="no Java test classes"):
        backends.make_cluster(1, java_classes=True)


def test_remote_request_checks_without_pytest():
    assert check_request(1, {"map_configs": None, "java_classes": False}, 1) is None
    assert "custom configuration (properties)" in check_request(1, {"properties": {"a": 1}}, 1)


def test_remote_without_addresses_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("HZ_TEST_BACKEND", "remote")
    monkeypatch.delenv("HZ_TEST_ADDRESSES", raising=False)
    with pytest.raises(HarnessError, match="HZ_TEST_ADDRESSES"):
        backends.make_cluster(1)
    monkeypatch.setenv("HZ_TEST_ADDRESSES", "nohostport")
    with pytest.raises(HarnessError, match="host:port"):
        backends.make_cluster(1)


def test_unsupported_outside_pytest_raises(monkeypatch):
    import sys

    from harness import remote

    monkeypatch.delitem(sys.modules, "pytest")
    with pytest.raises(Unsupported, match="cannot"):
        remote.unsupported("the backend cannot")


docker_backend = pytest.importorskip("harness.docker_backend")


def test_docker_spec_uses_image_host_network_config_and_classes(monkeypatch, tmp_path):
    monkeypatch.setenv("HZ_VERSION", "5.5.0")
    monkeypatch.delenv("HZ_TEST_DOCKER_IMAGE", raising=False)
    monkeypatch.delenv("HZ_TEST_JVM_FLAGS", raising=False)
    fake = types.SimpleNamespace(jvm_profile="perf", jvm_flags=["-Dx=1"], directory=str(tmp_path),
                                 classes_dir="/host/classes", image=None, cluster_name="c1")
    spec = docker_backend.container_spec(fake, 17001)
    assert spec["image"] == "hazelcast/hazelcast:5.5.0"
    assert spec["kwargs"] == {"network_mode": "host"}
    opts = spec["env"]["JAVA_OPTS"].split(" ")
    assert "-Dhazelcast.config=%s/member-17001.xml" % docker_backend.CONFIG_DIR in opts
    assert "-XX:+UseParallelGC" in opts and "-Dx=1" in opts
    assert all("%" not in o for o in opts)  # the image's script splits JAVA_OPTS on spaces
    assert (str(tmp_path), docker_backend.CONFIG_DIR, "ro") in spec["volumes"]
    assert ("/host/classes", docker_backend.CLASSES_DIR, "ro") in spec["volumes"]
    assert spec["env"]["CLASSPATH"] == docker_backend.CLASSES_DIR
    monkeypatch.setenv("HZ_TEST_DOCKER_IMAGE", "registry.local/hz:dev")
    fake.classes_dir = None
    spec = docker_backend.container_spec(fake, 17001)
    assert spec["image"] == "registry.local/hz:dev" and "CLASSPATH" not in spec["env"]


def test_docker_backend_without_engine_fails_clearly(monkeypatch, tmp_path):
    pytest.importorskip("docker")
    monkeypatch.setenv("HZ_TEST_BACKEND", "docker")
    monkeypatch.setenv("DOCKER_HOST", "unix://%s/no-docker.sock" % tmp_path)
    with pytest.raises(HarnessError, match="HZ_TEST_BACKEND=docker cannot start members: no Docker engine answers"):
        backends.make_cluster(1)


def test_backend_default_is_local(monkeypatch):
    monkeypatch.delenv("HZ_TEST_BACKEND", raising=False)
    assert settings.backend_name() == "local"
