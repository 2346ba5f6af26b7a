"""Harness pieces that need no member: versions, log parsing, ports, names, settings."""

from __future__ import annotations

import pytest

from harness import logs, ports, settings
from harness.cluster import unique_cluster_name
from harness.settings import HarnessError
from harness.versions import parse_version, satisfies

SAMPLE_LOG = """\
10:00:00.000 INFO [x] 
Members {size:1, ver:1} [
\tMember [127.0.0.1]:5701 - 11111111-1111-1111-1111-111111111111 this
]
10:00:02.000 INFO [x] 
Members {size:2, ver:2} [
\tMember [127.0.0.1]:5701 - 11111111-1111-1111-1111-111111111111 this
\tMember [127.0.0.1]:5702 - 22222222-2222-2222-2222-222222222222
]
10:00:03.000 INFO [LifecycleService] [127.0.0.1]:5701 is STARTED
"""


def test_version_constraints():
    assert parse_version("5.4.1-SNAPSHOT") == (5, 4, 1)
    assert parse_version("5") == (5, 0, 0)
    assert satisfies("5.7.0", ">=5.3")
    assert satisfies("5.7.0", ">=5.0,<6")
    assert not satisfies("5.7.0", "<5.7")
    assert satisfies("5.7.0", "5.7.0") and not satisfies("5.7.1", "==5.7.0")
    with pytest.raises(ValueError, match="invalid version"):
        parse_version("latest")


def test_log_parsing_finds_latest_membership_and_own_uuid():
    views = logs.members_views(SAMPLE_LOG)
    assert [v.size for v in views] == [1, 2]
    latest = logs.latest_view(SAMPLE_LOG)
    assert [e.address for e in latest.members] == ["127.0.0.1:5701", "127.0.0.1:5702"]
    assert logs.own_uuid(SAMPLE_LOG) == "11111111-1111-1111-1111-111111111111"
    assert logs.has_started(SAMPLE_LOG)
    assert logs.latest_view("nothing yet") is None and logs.own_uuid("") is None


def test_port_blocks_do_not_overlap():
    bases = [ports.allocate_block() for _ in range(20)]
    assert len(set(bases)) == 20
    spans = sorted(bases)
    assert all(b - a >= ports.BLOCK_SIZE for a, b in zip(spans, spans[1:]))
    assert all(ports.FIRST_PORT <= b < 32768 for b in bases)


def test_port_is_free_sees_a_listener():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    try:
        assert not ports.port_is_free(s.getsockname()[1])
    finally:
        s.close()


def test_cluster_names_are_unique():
    names = {unique_cluster_name() for _ in range(100)}
    assert len(names) == 100


def test_settings_read_the_environment(monkeypatch):
    monkeypatch.setenv("HZ_VERSION", "5.3.2")
    monkeypatch.setenv("HZ_TEST_BACKEND", "Remote")
    monkeypatch.setenv("HZ_TEST_ADDRESSES", "10.0.0.1:5701, h2:5702,")
    monkeypatch.delenv("HZ_TEST_DOCKER_IMAGE", raising=False)
    assert settings.server_version() == "5.3.2"
    assert settings.backend_name() == "remote"
    assert settings.remote_addresses() == ["10.0.0.1:5701", "h2:5702"]
    assert settings.docker_image() == "hazelcast/hazelcast:5.3.2"
    monkeypatch.setenv("HZ_TEST_BACKEND", "kubernetes")
    with pytest.raises(HarnessError, match="HZ_TEST_BACKEND"):
        settings.backend_name()
    monkeypatch.setenv("HZ_TEST_START_TIMEOUT", "soon")
    with pytest.raises(HarnessError, match="HZ_TEST_START_TIMEOUT"):
        settings.start_timeout()


def test_jvm_profiles(monkeypatch):
    from harness import jvm

    assert "-XX:+UseParallelGC" in jvm.profile_flags("perf")
    assert "-XX:TieredStopAtLevel=1" in jvm.profile_flags("test")
    with pytest.raises(HarnessError, match="JVM profile"):
        jvm.profile_flags("turbo")
    monkeypatch.setenv("HZ_TEST_JVM_FLAGS", "-Dfoo=1 -Dbar=2")
    cmd = jvm.member_command("/x/hz.jar", "/x/m.xml", classpath_extra=["/x/classes"], profile="perf")
    assert cmd[-3:] == ["-cp", "/x/hz.jar:/x/classes", jvm.MAIN_CLASS]
    assert "-Dfoo=1" in cmd and "-Dbar=2" in cmd and "-Dhazelcast.config=/x/m.xml" in cmd
    assert "-Dhazelcast.shutdownhook.policy=GRACEFUL" in cmd
