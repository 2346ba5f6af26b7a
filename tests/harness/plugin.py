"""pytest plugin: options, markers, fixtures and failure reports for tests on real members.

Fixtures:
    hz_cluster      session-wide 1-member cluster, default configuration
    hz_cluster3     session-wide 3-member cluster, map backup count 1 (started on first use)
    cluster_factory function-scoped: cluster_factory(member_count=1, map_configs=None,
                    properties=None, extra_xml=None, java_classes=False, ...) -> Cluster;
                    its clusters are stopped after the test
    java_classes_dir  folder of the compiled tests/java classes
    hz_backend      name of the backend in use
"""

from __future__ import annotations

import os
from typing import Any, List

import pytest

from . import backends, cluster as cluster_module, processes, settings
from .versions import satisfies

MARKERS = [
    "integration: talks to real Hazelcast members",
    "members(n): needs a cluster of at least n members",
    "slow: takes more than a few seconds",
    "smoke: quick end-to-end check, also run under PyPy",
    "java_classes: needs the Java test classes of tests/java on the members' classpath",
    'server_version(spec): needs a server version matching spec, e.g. ">=5.3" or ">=5.0,<6"',
]

HARNESS_FIXTURES = {"hz_cluster", "hz_cluster3", "cluster_factory", "java_classes_dir"}
LOG_TAIL_LINES = 30

_wants_java_classes = False
_current_item = None


def pytest_addoption(parser):
    group = parser.getgroup("hazelcast", "Hazelcast test members")
    group.addoption("--hz-version", default=None, help="Hazelcast member version (env HZ_VERSION, default 5.7.0)")
    group.addoption("--hz-backend", default=None, choices=settings.BACKENDS,
                    help="where members run: local JVMs, docker or an existing remote cluster (env HZ_TEST_BACKEND)")
    group.addoption("--hz-jvm-profile", default=None, choices=("test", "perf"),
                    help="member JVM flags: fast start (test) or throughput (perf) (env HZ_TEST_JVM_PROFILE)")


def pytest_configure(config):
    for line in MARKERS:
        config.addinivalue_line("markers", line)
    # Options become environment variables so that settings, subprocesses and
    # benchmark scripts all see one truth.
    for option, env in (("hz_version", "HZ_VERSION"), ("hz_backend", "HZ_TEST_BACKEND"),
                        ("hz_jvm_profile", "HZ_TEST_JVM_PROFILE")):
        value = config.getoption(option, None)
        if value:
            os.environ[env] = value
    cluster_module.cluster_listeners.append(_on_cluster_created)


def pytest_sessionstart(session):
    if settings.backend_name() == "local":
        processes.sweep_stale()


def pytest_sessionfinish(session, exitstatus):
    backends.stop_shared()
    for c in list(cluster_module.all_clusters):
        c.shutdown()
    processes.kill_all()


def _server_version():
    if settings.backend_name() == "remote":
        return settings.remote_server_version()
    return settings.server_version()


def pytest_collection_modifyitems(config, items):
    global _wants_java_classes
    backend = settings.backend_name()
    version = _server_version()
    for item in items:
        if HARNESS_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)
        if item.get_closest_marker("java_classes"):
            _wants_java_classes = True
            if backend == "remote" and not settings.remote_has_java_classes():
                item.add_marker(pytest.mark.skip(
                    reason="the remote backend (HZ_TEST_BACKEND=remote) has no Java test classes "
                           "(set HZ_TEST_REMOTE_JAVA_CLASSES=1 if its members have them)"))
        for marker in item.iter_markers("server_version"):
            spec = marker.args[0] if marker.args else marker.kwargs.get("spec", "")
            if version and not satisfies(version, spec):
                item.add_marker(pytest.mark.skip(reason="needs server version %s, members run %s" % (spec, version)))
        members = item.get_closest_marker("members")
        if members and backend == "remote":
            needed = int(members.args[0] if members.args else members.kwargs.get("n", 1))
            available = len(settings.remote_addresses())
            if needed > available:
                item.add_marker(pytest.mark.skip(
                    reason="the remote backend (HZ_TEST_BACKEND=remote) has %d member(s), the test needs %d"
                           % (available, needed)))


# -- fixtures -------------------------------------------------------------------

@pytest.fixture(scope="session")
def hz_backend() -> str:
    """Name of the backend the members come from: local, docker or remote."""
    return settings.backend_name()


@pytest.fixture(scope="session")
def hz_cluster():
    """A 1-member cluster with the default configuration, shared by the whole session.

    Tests must not stop its member or depend on data other tests left (use unique
    map names)."""
    return backends.shared_cluster("single", java_classes=_wants_java_classes)


@pytest.fixture(scope="session")
def hz_cluster3():
    """A 3-member cluster (map backup count 1) shared by the session, started on first use."""
    return backends.shared_cluster("triple", java_classes=_wants_java_classes)


@pytest.fixture(scope="session")
def java_classes_dir() -> str:
    """Folder of the compiled tests/java classes (compiled on first use)."""
    from .javac import compiled_classes

    return compiled_classes()


class ClusterFactory:
    """Starts clusters for one test and stops them after it."""

    def __init__(self, java_classes_default: bool) -> None:
        self.clusters: List[Any] = []
        self._java_default = java_classes_default

    def __call__(self, member_count: int = 1, map_configs=None, properties=None, extra_xml=None,
                 java_classes=None, **options: Any):
        """Start a cluster; see harness.Cluster for the options."""
        if java_classes is None:
            java_classes = self._java_default
        cluster = backends.make_cluster(
            member_count, map_configs=map_configs, properties=properties, extra_xml=extra_xml,
            java_classes=java_classes, **options)
        self.clusters.append(cluster)
        return cluster

    def shutdown(self) -> None:
        for c in self.clusters:
            c.shutdown()


@pytest.fixture
def cluster_factory(request):
    """cluster_factory(member_count=1, map_configs=None, properties=None, extra_xml=None,
    java_classes=False, ...) -> Cluster; every cluster it made is stopped after the test."""
    factory = ClusterFactory(request.node.get_closest_marker("java_classes") is not None)
    yield factory
    factory.shutdown()


# -- failure reports --------------------------------------------------------------

def _on_cluster_created(cluster) -> None:
    item = _current_item
    if item is not None:
        item.__dict__.setdefault("_hz_clusters", []).append(cluster)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    global _current_item
    _current_item = item


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    global _current_item
    _current_item = None


def _clusters_of(item) -> List[Any]:
    found: List[Any] = []
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, ClusterFactory):
            found.extend(value.clusters)
        elif hasattr(value, "log_tails") and hasattr(value, "members"):
            found.append(value)
    found.extend(item.__dict__.get("_hz_clusters", []))
    unique = []
    for c in found:
        if all(c is not u for u in unique):
            unique.append(c)
    return unique


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when in ("setup", "call"):
        parts = []
        for c in _clusters_of(item):
            try:
                tails = c.log_tails(LOG_TAIL_LINES)
            except Exception as e:  # a report must never fail the run
                tails = "<could not read member logs: %s>" % e
            if tails:
                parts.append("cluster %s (%s backend)\n%s" % (c.cluster_name, c.backend, tails))
        if parts:
            report.sections.append(("hazelcast member logs (%s)" % call.when, "\n\n".join(parts)))
