"""Clusters of real Hazelcast members for tests: the local-JVM backend and the
shared Member/Cluster logic that the docker backend reuses."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import threading
import time
import uuid as uuid_module
from typing import Any, Callable, Dict, List, Mapping, Optional

from . import jvm, logs, processes, settings
from .jar import member_jar, sql_jar
from .javac import compiled_classes
from .member_config import member_xml
from .ports import BLOCK_SIZE, allocate_block, port_is_free
from .settings import HarnessError

_counter = itertools.count(1)
_run_dir: Optional[str] = None
_run_dir_lock = threading.Lock()
KEEP_RUNS = 5

# Every cluster created in this process, for log tails and the final clean-up.
all_clusters: List["Cluster"] = []
# Called with each new cluster (the pytest plugin records which test made it).
cluster_listeners: List[Callable[["Cluster"], None]] = []


def _run_in_progress(name: str) -> bool:
    pid = name.rsplit("-", 1)[-1]
    return pid.isdigit() and processes.pid_alive(int(pid))


def run_dir() -> str:
    """This process's log folder; older runs beyond the last KEEP_RUNS are pruned."""
    global _run_dir
    with _run_dir_lock:
        if _run_dir is None:
            base = os.path.join(settings.cache_dir(), "run", "logs")
            os.makedirs(base, exist_ok=True)
            runs = sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))
            for old in runs[:-KEEP_RUNS]:
                if not _run_in_progress(old):  # a concurrent run still writes there
                    shutil.rmtree(os.path.join(base, old), ignore_errors=True)
            _run_dir = os.path.join(base, time.strftime("%Y%m%d-%H%M%S") + "-%d" % os.getpid())
            os.makedirs(_run_dir, exist_ok=True)
        return _run_dir


def unique_cluster_name(prefix: str = "hztest") -> str:
    """A name no other cluster of this or any concurrent run uses."""
    return "%s-%d-%d-%s" % (prefix, os.getpid(), next(_counter), uuid_module.uuid4().hex[:6])


class Member:
    """One member of a test cluster.

    Attributes:
        host: interface the member binds ("127.0.0.1").
        port: its fixed port; a restart keeps it.
        address: "host:port", as clients print member addresses.
        log_path: log file of the current (or last) incarnation.
        log_paths: every incarnation's log file, oldest first.
    """

    def __init__(self, cluster: "Cluster", index: int, port: int) -> None:
        self.cluster = cluster
        self.index = index
        self.host = cluster.host
        self.port = port
        self.address = "%s:%d" % (self.host, port)
        self.log_paths: List[str] = []
        self._uuid: Optional[str] = None

    def __repr__(self) -> str:
        return "Member(%s, running=%s)" % (self.address, self.is_running())

    @property
    def log_path(self) -> Optional[str]:
        return self.log_paths[-1] if self.log_paths else None

    @property
    def uuid(self) -> Optional[str]:
        """The member's UUID as its log shows it (a restart gives a new one)."""
        if self._uuid is None and self.log_path:
            self._uuid = logs.own_uuid(self.log_text())
        return self._uuid

    def log_text(self) -> str:
        return logs.read(self.log_path) if self.log_path else ""

    def log_tail(self, lines: int = 40) -> str:
        return logs.tail(self.log_path, lines) if self.log_path else ""

    def members_view(self) -> Optional[logs.MembersView]:
        """The latest membership list this member logged."""
        return logs.latest_view(self.log_text())

    # -- backend hooks ------------------------------------------------------
    def _launch(self, log_path: str) -> None:
        raise NotImplementedError

    def _send_stop(self) -> None:
        raise NotImplementedError

    def _send_kill(self) -> None:
        raise NotImplementedError

    def _wait_exit(self, timeout: float) -> bool:
        raise NotImplementedError

    def _refresh_log(self) -> None:
        """Backends whose logs are not written straight to log_path copy them here."""

    def is_running(self) -> bool:
        raise NotImplementedError

    # -- control ------------------------------------------------------------
    def start(self) -> None:
        """Launch a new incarnation (non-blocking; see wait_started)."""
        if self.is_running():
            raise HarnessError("member %s is already running" % self.address)
        n = len(self.log_paths) + 1
        name = "member-%d.log" % self.port if n == 1 else "member-%d.%d.log" % (self.port, n)
        path = os.path.join(self.cluster.directory, name)
        self.log_paths.append(path)
        self._uuid = None
        self._launch(path)

    def wait_started(self, timeout: Optional[float] = None) -> None:
        """Block until the member logs 'is STARTED'.

        Raises:
            HarnessError: it exited or timed out; the message holds its log tail.
        """
        timeout = settings.start_timeout() if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            self._refresh_log()
            if logs.has_started(self.log_text()):
                return
            if not self.is_running():
                raise HarnessError(
                    "member %s of cluster %s exited during start-up; log %s:\n%s"
                    % (self.address, self.cluster.cluster_name, self.log_path, self.log_tail(60))
                )
            if time.monotonic() > deadline:
                raise HarnessError(
                    "member %s of cluster %s did not start within %.0f s; log %s:\n%s"
                    % (self.address, self.cluster.cluster_name, timeout, self.log_path, self.log_tail(60))
                )
            time.sleep(0.05)

    def shutdown(self, timeout: float = 60.0) -> None:
        """Graceful shutdown (SIGTERM runs Hazelcast's GRACEFUL shutdown hook: the
        member hands its partitions over first). Kills it if it has not exited in time."""
        if not self.is_running():
            return
        self._send_stop()
        if not self._wait_exit(timeout):
            self._send_kill()
            self._wait_exit(10.0)
            raise HarnessError(
                "member %s did not shut down within %.0f s and was killed; log:\n%s"
                % (self.address, timeout, self.log_tail())
            )
        self._refresh_log()

    def kill(self) -> None:
        """Kill at once (SIGKILL): the cluster sees a crashed member."""
        if not self.log_paths:
            return
        if self.is_running():
            self._send_kill()
        self._wait_exit(10.0)  # also reaps a member that had already died
        self._refresh_log()

    def restart(self, graceful: bool = True, wait: bool = True) -> None:
        """Stop (gracefully unless graceful=False) and start again on the same port;
        with wait, returns once it has joined the rest of the running cluster."""
        if self.is_running():
            if graceful:
                self.shutdown()
            else:
                self.kill()
        self.start()
        if wait:
            self.wait_started()
            self.cluster.wait_for_size(len(self.cluster.running_members()))


class LocalMember(Member):
    """A member running as a JVM on this machine."""

    def __init__(self, cluster: "LocalCluster", index: int, port: int) -> None:
        super().__init__(cluster, index, port)
        self.process: Optional[subprocess.Popen] = None
        self.config_path = os.path.join(cluster.directory, "member-%d.xml" % port)

    @property
    def pid(self) -> Optional[int]:
        return self.process.pid if self.process else None

    def _launch(self, log_path: str) -> None:
        if not port_is_free(self.port, self.host):
            raise HarnessError("port %d of member %s is in use by another process" % (self.port, self.address))
        cluster = self.cluster
        with open(self.config_path, "w") as f:
            f.write(cluster.member_xml(self.port))
        cmd = jvm.member_command(
            cluster.jar,
            self.config_path,
            classpath_extra=cluster.classpath_extra,
            profile=cluster.jvm_profile,
            extra_flags=cluster.jvm_flags,
            cds_archive=cluster.cds_archive,
            support_dir=cluster.support_dir,
        )
        with open(log_path, "w") as f:
            f.write("# " + " ".join(cmd) + "\n")
        self.process = processes.spawn(cmd, log_path, cwd=cluster.directory)

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _send_stop(self) -> None:
        processes.signal_group(self.process, signal.SIGTERM)

    def _send_kill(self) -> None:
        processes.signal_group(self.process, signal.SIGKILL)

    def _wait_exit(self, timeout: float) -> bool:
        if self.process is None:
            return True
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        processes.forget(self.process)
        return True


class Cluster:
    """A cluster of test members on one port block.

    Args:
        member_count: members started by start() (and by the constructor unless start=False).
        cluster_name: default: a unique name, so clusters never merge.
        map_configs: map name or wildcard -> options (backup_count, async_backup_count, ...).
        properties: member properties (added to the harness's test defaults).
        extra_xml: raw XML put inside <hazelcast>.
        java_classes: put the compiled classes of tests/java/ on the members' classpath.
        partition_count: override hazelcast.partition.count.
        jet_enabled: enable the Jet engine (SQL needs it).
        sql: put the hazelcast-sql jar on the members' classpath and enable Jet.
        jvm_profile: 'test' or 'perf' flag set (default HZ_TEST_JVM_PROFILE or 'test').
        jvm_flags: more JVM flags.
        version: Hazelcast version (default HZ_VERSION or 5.7.0).
        start: start the members now.
    """

    backend = "local"
    supports_member_control = True
    member_class = LocalMember

    def __init__(
        self,
        member_count: int = 1,
        cluster_name: Optional[str] = None,
        map_configs: Optional[Mapping[str, Mapping[str, Any]]] = None,
        properties: Optional[Mapping[str, Any]] = None,
        extra_xml: Optional[str] = None,
        java_classes: bool = False,
        partition_count: Optional[int] = None,
        jet_enabled: bool = False,
        sql: bool = False,
        jvm_profile: Optional[str] = None,
        jvm_flags: Optional[List[str]] = None,
        version: Optional[str] = None,
        host: str = "127.0.0.1",
        start: bool = True,
    ) -> None:
        if not 1 <= member_count <= BLOCK_SIZE:
            raise ValueError("invalid value %r for 'member_count': must be 1..%d" % (member_count, BLOCK_SIZE))
        self.cluster_name = cluster_name or unique_cluster_name()
        self.host = host
        self.version = version or settings.server_version()
        self.map_configs: Dict[str, Mapping[str, Any]] = dict(map_configs or {})
        self.properties = dict(properties or {})
        self.extra_xml = extra_xml
        self.partition_count = partition_count
        self.sql = sql
        self.jet_enabled = jet_enabled or sql
        self.java_classes = java_classes
        self.jvm_profile = jvm_profile
        jvm.profile_flags(jvm_profile)  # reject a bad profile before anything starts
        self.jvm_flags = list(jvm_flags or [])
        self.initial_member_count = member_count
        self.base_port = allocate_block(host)
        self.directory = os.path.join(run_dir(), self.cluster_name)
        os.makedirs(self.directory, exist_ok=True)
        self.members: List[Member] = []
        self._prepare()
        all_clusters.append(self)
        for listener in list(cluster_listeners):
            listener(self)
        if start:
            self.start()

    def _prepare(self) -> None:
        self.jar = member_jar(self.version)
        self.classpath_extra = [compiled_classes(jar=self.jar)] if self.java_classes else []
        if self.sql:
            self.classpath_extra.append(sql_jar(self.version))
        self.support_dir = jvm.support_classes(self.jar)
        self.cds_archive = jvm.cds_archive(self.jar)

    def __repr__(self) -> str:
        return "%s(%r, members=%r)" % (type(self).__name__, self.cluster_name, self.addresses)

    def __enter__(self) -> "Cluster":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()

    # -- configuration --------------------------------------------------------
    def block_ports(self) -> List[int]:
        return list(range(self.base_port, self.base_port + BLOCK_SIZE))

    def join_ports(self, port: int) -> List[int]:
        """Where a member starting on `port` looks for the cluster: the running members.

        A member that lists absent addresses spends a second probing them before it
        makes itself master, so the first member lists only itself."""
        running = [m.port for m in self.members if m.port != port and m.is_running()]
        return sorted(set(running + [port]))

    def member_xml(self, port: int) -> str:
        return member_xml(
            self.cluster_name,
            port,
            self.join_ports(port),
            host=self.host,
            map_configs=self.map_configs,
            properties=self.properties,
            partition_count=self.partition_count,
            jet_enabled=self.jet_enabled,
            extra_xml=self.extra_xml,
        )

    # -- views ----------------------------------------------------------------
    @property
    def addresses(self) -> List[str]:
        """"host:port" of every member, in start order."""
        return [m.address for m in self.members]

    def running_members(self) -> List[Member]:
        return [m for m in self.members if m.is_running()]

    def client_config(self) -> Dict[str, Any]:
        """Keyword arguments for HazelcastClient(**cluster.client_config())."""
        return {"cluster_name": self.cluster_name, "cluster_members": list(self.addresses)}

    def log_tails(self, lines: int = 40) -> str:
        """The tail of every member's latest log, for error reports."""
        parts = []
        for m in self.members:
            m._refresh_log()
            parts.append("--- %s (%s) %s\n%s" % (m.address, "running" if m.is_running() else "stopped",
                                                 m.log_path, m.log_tail(lines)))
        return "\n".join(parts)

    # -- control --------------------------------------------------------------
    def _new_member(self) -> Member:
        used = {m.port for m in self.members}
        for port in self.block_ports():
            if port not in used:
                member = self.member_class(self, len(self.members), port)
                self.members.append(member)
                return member
        raise HarnessError("cluster %s already has %d members, the most its port block holds"
                           % (self.cluster_name, BLOCK_SIZE))

    def start(self) -> None:
        """Start the initial members and wait until they form one cluster.

        The first member starts alone; the others then join it together, which is
        seconds faster than letting all of them race for mastership.
        """
        timeout = settings.start_timeout()
        try:
            first = self._new_member()
            first.start()
            first.wait_started(timeout)
            rest = [self._new_member() for _ in range(self.initial_member_count - 1)]
            for m in rest:
                m.start()
            for m in rest:
                m.wait_started(timeout)
            self.wait_for_size(self.initial_member_count, timeout)
        except BaseException:
            self.shutdown()
            raise

    def start_member(self, wait: bool = True) -> Member:
        """Add one member on the next port of the block; with wait, returns once it joined."""
        member = self._new_member()
        member.start()
        if wait:
            member.wait_started()
            self.wait_for_size(len(self.running_members()))
        return member

    def wait_for_size(self, size: int, timeout: Optional[float] = None) -> None:
        """Block until every running member's latest membership list has `size` members.

        Raises:
            HarnessError: not reached in time; the message holds the members' log tails.
        """
        timeout = settings.start_timeout() if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            running = self.running_members()
            sizes = []
            for m in running:
                m._refresh_log()
                view = m.members_view()
                sizes.append(view.size if view else 0)
            if running and all(s == size for s in sizes):
                return
            if time.monotonic() > deadline:
                raise HarnessError(
                    "cluster %s did not reach %d members within %.0f s (members report %s):\n%s"
                    % (self.cluster_name, size, timeout, dict(zip([m.address for m in running], sizes)),
                       self.log_tails())
                )
            time.sleep(0.05)

    def shutdown(self, graceful: bool = False) -> None:
        """Stop every member: at once by default (the fastest clean-up at the end of a
        test), or one by one with graceful shutdowns."""
        if graceful:
            for m in reversed(self.members):
                m.shutdown()
            return
        for m in self.members:
            if m.is_running():
                m._send_kill()
        for m in self.members:
            m.kill()


LocalCluster = Cluster
