"""The java command line of a member: flag profiles and a class-data-sharing archive.

Measured on a 2-core machine with Hazelcast 5.7.0 and Java 17 (time to 'is STARTED'):
  Serial GC, full JIT                     2.6 s
  Serial GC, C1 only                      2.7 s
  + CDS archive of the member's classes   1.7 s (C1 only) / 1.8-1.9 s (full JIT)
The archive is what matters, so it is built once per jar and JVM and kept in the cache.
The 'test' profile stops at C1, whose compiler threads take less CPU from the Python
client on 2 cores; 'perf' keeps the full JIT and a fixed 1 GB heap for benchmarks.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import subprocess
import time
from typing import List, Optional

from . import logs, processes, settings
from .filelock import FileLock
from .jar import require_tool

_log = logging.getLogger("harness")

MAIN_CLASS = "com.hazelcast.core.server.HazelcastMemberStarter"

PROFILES = {
    "test": ["-Xms512m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"],
    "perf": ["-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"],
}

# Lets Hazelcast use the JDK internals it asks for instead of warning at start-up.
MODULE_FLAGS = [
    "--add-modules", "java.se",
    "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens", "java.management/sun.management=ALL-UNNAMED",
    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
]

COMMON_FLAGS = [
    "-XX:-UsePerfData",
    "-Djava.net.preferIPv4Stack=true",
    "-Dhazelcast.phone.home.enabled=false",
    # SIGTERM runs Hazelcast's shutdown hook, which then migrates partitions away.
    "-Dhazelcast.shutdownhook.enabled=true",
    "-Dhazelcast.shutdownhook.policy=GRACEFUL",
    # One line per record, with milliseconds.
    "-Djava.util.logging.SimpleFormatter.format=%1$tH:%1$tM:%1$tS.%1$tL %4$s [%3$s] %5$s%6$s%n",
]


def profile_flags(profile: Optional[str] = None) -> List[str]:
    """Heap/GC/JIT flags of a profile ('test' or 'perf')."""
    profile = profile or settings.jvm_profile()
    try:
        return list(PROFILES[profile])
    except KeyError:
        raise settings.HarnessError(
            "invalid JVM profile %r (HZ_TEST_JVM_PROFILE): must be one of %s" % (profile, ", ".join(PROFILES))
        )


SUPPORT_SOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "java")
LOG_MANAGER = "harnesssupport.KeepLoggingLogManager"


def support_classes(jar: str) -> Optional[str]:
    """Compiled harness support classes (a log manager that keeps logging through the
    shutdown hooks), or None if they cannot be compiled: members then run without."""
    from .javac import compiled_classes

    try:
        return compiled_classes(SUPPORT_SOURCES, jar=jar)
    except settings.HarnessError as e:
        _log.warning("harness support classes unavailable, graceful shutdowns may leave no log: %s", e)
        return None


def member_command(
    jar: str,
    config_path: str,
    classpath_extra: Optional[List[str]] = None,
    profile: Optional[str] = None,
    extra_flags: Optional[List[str]] = None,
    cds_archive: Optional[str] = None,
    support_dir: Optional[str] = None,
) -> List[str]:
    """Full argv of a member JVM."""
    java = require_tool("java")
    cmd = [java] + profile_flags(profile) + MODULE_FLAGS + COMMON_FLAGS + [processes.MARKER]
    classpath = [jar] + list(classpath_extra or [])
    if support_dir:
        cmd.append("-Djava.util.logging.manager=" + LOG_MANAGER)
        classpath.append(support_dir)
    if cds_archive:
        # -Xshare:auto (the default) quietly falls back if the archive does not fit.
        cmd.append("-XX:SharedArchiveFile=" + cds_archive)
    cmd += settings.extra_jvm_flags() + list(extra_flags or [])
    cmd += ["-Dhazelcast.config=" + config_path]
    cmd += ["-cp", os.pathsep.join(classpath), MAIN_CLASS]
    return cmd


def _archive_key(jar: str) -> str:
    java = os.path.realpath(require_tool("java"))
    h = hashlib.sha256()
    h.update(java.encode())
    h.update(str(os.path.getmtime(java)).encode())
    h.update(os.path.abspath(jar).encode())
    h.update(str(os.path.getsize(jar)).encode())
    return h.hexdigest()[:16]


_failed_archives = set()


def cds_archive(jar: str, timeout: float = 120.0) -> Optional[str]:
    """Path of a dynamic CDS archive for members of this jar, built on first use.

    Building it starts one throw-away member (a few seconds, once per jar and JVM);
    the archive then takes about a second off every member start. Returns None if
    CDS is off (HZ_TEST_CDS=0) or the archive could not be built.
    """
    if not settings.cds_enabled():
        return None
    from .member_config import member_xml
    from .ports import allocate_block

    base = os.path.join(settings.cache_dir(), "cds")
    key = _archive_key(jar)
    archive = os.path.join(base, key + ".jsa")
    if os.path.isfile(archive):
        return archive
    if key in _failed_archives:  # tried in this process already: don't pay again
        return None
    with FileLock(os.path.join(base, ".lock")):
        if os.path.isfile(archive):
            return archive
        tmp = "%s.%d.tmp" % (archive, os.getpid())
        port = allocate_block()
        config = os.path.join(base, "dump-%d.xml" % os.getpid())
        with open(config, "w") as f:
            f.write(member_xml("hz-cds-dump-%d" % os.getpid(), port, [port]))
        log_path = os.path.join(base, "dump.log")
        if os.path.exists(log_path):
            os.remove(log_path)
        cmd = member_command(
            jar, config, extra_flags=["-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
        )
        started = time.monotonic()
        proc = processes.spawn(cmd, log_path)
        try:
            deadline = started + timeout
            while not logs.has_started(logs.read(log_path)):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise settings.HarnessError("member for the CDS archive did not start:\n" + logs.tail(log_path))
                time.sleep(0.05)
            processes.signal_group(proc, signal.SIGTERM)
            proc.wait(max(5.0, deadline - time.monotonic()))
        except (settings.HarnessError, subprocess.TimeoutExpired) as e:
            _log.warning("no CDS archive, members start slower: %s", e)
            processes.kill_and_reap(proc)
            _failed_archives.add(key)
            return None
        finally:
            processes.forget(proc)
            if os.path.exists(config):
                os.remove(config)
        if not os.path.isfile(tmp):
            _log.warning("the JVM wrote no CDS archive; members start slower (see %s)", log_path)
            _failed_archives.add(key)
            return None
        os.replace(tmp, archive)
        _log.info("built CDS archive %s in %.1f s", archive, time.monotonic() - started)
        return archive


def clear_cds_archives() -> None:
    """Remove every cached archive (they are rebuilt on the next member start)."""
    shutil.rmtree(os.path.join(settings.cache_dir(), "cds"), ignore_errors=True)
