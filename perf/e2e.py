"""End-to-end benchmark: our client (compiled and pure), the official Python
client and the Java client, one after another against the same members.

    python3 perf/e2e.py [--duration 3] [--warmup 1] [--rounds 3] [--member-warmup 2]
                        [--scenarios "get|N=256"] [--clients compiled,pure,official,java]
                        [--uvloop]

Runs in phases, each on members started through the test harness (perf JVM flags,
a fresh cluster name) and stopped at its end, also on Ctrl-C or failure: one
member for most scenarios, one member with the SQL engine (Jet) for the SQL
scenario, one 5.4.0 member for the CP (atomic long) scenario, three members for the "3 members: ..." scenarios. Each phase first warms
its members up (every scenario of the phase, --member-warmup seconds, with our
compiled client), then runs --rounds rounds; in each round every scenario runs once
per client, in an order rotated from scenario to scenario and round to round. Each
client is one process for the phase (perf/e2e_worker.py --serve for the Python
clients, perf/java/ClientBench.java for the Java client), with a fresh client
object per scenario. Prints one table of medians with the spread of each cell,
ratios to the official Python client (its asyncio client for the asyncio rows) and
to the Java client, writes everything to .cache/perf/last.json. See perf/README.md.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import datetime
import json
import math
import os
import platform
import queue
import signal
import statistics
import subprocess
import sys
import threading
import time
from typing import Dict, List, Optional

PERF_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(PERF_DIR)
CACHE_DIR = os.path.join(REPO_ROOT, ".cache", "perf")
WORKER = os.path.join(PERF_DIR, "e2e_worker.py")
JAVA_SOURCES = os.path.join(PERF_DIR, "java")
OFFICIAL_VERSION = "5.7.0"

sys.path.insert(0, os.path.join(REPO_ROOT, "tests"))
from harness import jvm as harness_jvm  # noqa: E402
from harness.cluster import Cluster, unique_cluster_name  # noqa: E402
from harness.jar import member_jar, require_tool  # noqa: E402
from harness.settings import HarnessError  # noqa: E402
from harness.javac import compiled_classes  # noqa: E402

# The worker's scenario names, in table order; ClientBench.java has the same list.
SCENARIOS = [
    "set 100B, 1 thread",
    "get 100B, 1 thread",
    "set 100B, 8 threads",
    "get 100B, 8 threads",
    "pipelined get, N=1",
    "pipelined get, N=16",
    "pipelined get, N=256",
    "put_all 1000",
    "get_all 1000",
    "set 10KB, 1 thread",
    "get 10KB, 1 thread",
    # One thread offering and polling a Queue (each call an op); Java has no such row yet.
    "queue offer/poll 100B, 1 thread",
    # FlakeIdGenerator.new_id (ids from local batches) and PNCounter.add_and_get;
    # Java has no such rows yet.
    "flake id new_id, 1 thread",
    "pn counter add_and_get, 1 thread",
    # Topic.publish of a 100-byte message, then the wait until the client's own
    # listener received it (each message an op); Java has no such row yet.
    "topic publish/receive 100B, 1 thread",
    # values(equal(...)) on a HASH-indexed field of 100,000 HazelcastJsonValue
    # entries, about 100 results a query; Java has no such row yet.
    "query indexed field, 100k entries",
    # A map with a Near Cache: 9 of 10 ops are gets of cached keys, the 10th a set
    # of another key (a round trip); Java has no such row yet.
    "near cache 90% hits, 1 thread",
    # The asyncio clients (hazelcast.asyncio.HazelcastClient), 100-byte values;
    # the Java client has no such rows.
    "asyncio set, 1 task",
    "asyncio get, 1 task",
    "asyncio get, 256 tasks",
    # Many concurrent tasks on one asyncio client (issue 15, part 3).
    "asyncio get, 100 tasks",
    "asyncio get, 1000 tasks",
    # SELECT v FROM TABLE(generate_series(1, 100000)), cursor_buffer_size 4096: ops are
    # rows. Runs in its own phase, on a member with the SQL engine (Jet).
    "sql select 100k rows, buffer 4096",
    # IAtomicLong.increment_and_get of the CP Subsystem. Runs in its own phase, on one
    # 5.4.0 member (5.5+ Community members refuse CP; one member: CP "unsafe mode").
    "atomic long increment_and_get, 1 thread",
    # On a 3-member cluster, in their own phase (smart routing: a connection per
    # member); compared with the same scenario on one member below the table.
    "3 members: get 100B, 8 threads",
    "3 members: pipelined get, N=256",
    "3 members: asyncio get, 100 tasks",
    "3 members: asyncio get, 1000 tasks",
]
BATCH_SCENARIOS = ("put_all 1000", "get_all 1000")
# Rows ClientBench.java does not have (yet).
NO_JAVA_SCENARIOS = ("query indexed field, 100k entries",)
# Rows where the Java client stands as a reference for the targets of other
# structures (what any client reaches there); issue 15's CPU mean keeps to the rows
# it was defined over.
JAVA_REFERENCE_SCENARIOS = ("queue offer/poll 100B, 1 thread", "topic publish/receive 100B, 1 thread",
                            "flake id new_id, 1 thread", "pn counter add_and_get, 1 thread",
                            "near cache 90% hits, 1 thread")
ASYNC_SCENARIOS = tuple(s for s in SCENARIOS if s.startswith("asyncio ") or s.startswith("3 members: asyncio "))
SQL_SCENARIOS = ("sql select 100k rows, buffer 4096",)
CP_SCENARIOS = ("atomic long increment_and_get, 1 thread",)
CP_VERSION = "5.4.0"
MULTI_MEMBER_PREFIX = "3 members: "
MULTI_MEMBER_COUNT = 3
PIPELINED_256 = "pipelined get, N=256"
ASYNC_256 = "asyncio get, 256 tasks"

# "uvloop" is ours compiled running only the asyncio scenarios on uvloop (--uvloop).
CLIENTS = ["compiled", "pure", "official", "java", "uvloop"]
DEFAULT_CLIENTS = ["compiled", "pure", "official", "java"]
LABELS = {
    "compiled": "ours compiled",
    "pure": "ours pure",
    "official": "official %s" % OFFICIAL_VERSION,
    "java": "java client",
    "uvloop": "ours compiled, uvloop",
}
BASELINE = "official"
UVLOOP_SITE = os.path.join(CACHE_DIR, "uvloop-site")


def client_scenarios(client: str, scenarios: List[str]) -> List[str]:
    """The scenarios a client runs: Java has no asyncio ones, uvloop only those."""
    if client == "java":
        return [s for s in scenarios if s not in ASYNC_SCENARIOS and s not in NO_JAVA_SCENARIOS]
    if client == "uvloop":
        return [s for s in scenarios if s in ASYNC_SCENARIOS]
    return list(scenarios)

def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# A machine where waking a thread on another core is slow (a virtual machine whose
# idle vCPUs halt at once, without halt-polling) slows every row whose op passes work
# between threads, and some clients more than others: each run records what one
# hand-off costs, so that tables from different machines can be read side by side.
HANDOFF_SLOW_US = 20.0


def thread_round_trip_us(rounds: int = 2000) -> float:
    """Median time for two Python threads to pass control there and back through
    locks (each blocks until the other wakes it), in microseconds."""
    there, back = threading.Lock(), threading.Lock()
    there.acquire()
    back.acquire()

    def echo() -> None:
        for _ in range(rounds):
            there.acquire()
            back.release()

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    times = []
    clock = time.perf_counter
    for _ in range(rounds):
        start = clock()
        there.release()
        back.acquire()
        times.append(clock() - start)
    thread.join()
    return statistics.median(times) * 1e6


# -- child processes -----------------------------------------------------------

_libc = None
if sys.platform.startswith("linux"):
    try:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        _libc = None


def _child_setup(parent_pid: int) -> None:
    # Between fork and exec: own session (a terminal's Ctrl-C reaches only us, and
    # we stop the child ourselves), and die with us even if we are SIGKILLed.
    os.setsid()
    if _libc is not None:
        _libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent_pid:
            os._exit(1)


class ClientRunFailed(Exception):
    """A client process died, hung or misbehaved: its remaining runs of the phase are lost."""


class ScenarioFailed(Exception):
    """One run of one scenario failed; the client process goes on with the next."""


# Seconds a run may take beyond its warm-up and measured time (client start and
# shutdown, filling the maps, the query's 100,000 entries): the hang watchdog.
RUN_SLACK = 180.0
# Seconds a client process may take to start and answer its first command.
START_TIMEOUT = 180.0


class ClientProcess:
    """One client's benchmark process in --serve mode (see perf/e2e_worker.py): it
    runs one scenario per command, so that the clients can take turns."""

    def __init__(self, name: str, cmd: List[str], env: dict, cwd: str, log_name: Optional[str] = None) -> None:
        self.name = name
        self.log_path = os.path.join(CACHE_DIR, "logs", (log_name or name) + ".log")
        os.makedirs(os.path.dirname(self.log_path), exist_ok=True)
        self._log = open(self.log_path, "w")
        self._log.write("# " + " ".join(cmd) + "\n")
        self._log.flush()
        self._replies: "queue.Queue[Optional[str]]" = queue.Queue()
        parent = os.getpid()
        self.proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, universal_newlines=True, bufsize=1,
                                     preexec_fn=lambda: _child_setup(parent))
        self._reader = threading.Thread(target=self._read, name="read-" + name, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for line in self.proc.stdout:
                if line.startswith("reply "):
                    self._replies.put(line[6:])
                else:
                    self._log.write(line)
                    self._log.flush()
        except (OSError, ValueError):
            pass
        self._replies.put(None)

    def _tail(self) -> str:
        try:
            with open(self.log_path) as f:
                return "".join(f.readlines()[-40:])
        except OSError:
            return ""

    def request(self, command: str, timeout: float) -> dict:
        """Sends one command line; returns its reply. Raises ScenarioFailed for a
        failed run, ClientRunFailed (and stops the process) for anything worse."""
        try:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        except (OSError, ValueError):
            self.close()
            raise ClientRunFailed("%s exited (code %s); log %s:\n%s"
                                  % (LABELS[self.name], self.proc.poll(), self.log_path, self._tail()))
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            self.close()
            raise ClientRunFailed("%s did not answer %r within %.0f s; log: %s"
                                  % (LABELS[self.name], command, timeout, self.log_path))
        if line is None:
            self.close()
            raise ClientRunFailed("%s exited (code %s); log %s:\n%s"
                                  % (LABELS[self.name], self.proc.poll(), self.log_path, self._tail()))
        reply = json.loads(line)
        if not reply.get("ok"):
            raise ScenarioFailed(str(reply.get("error")))
        return reply

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.close()
                self.proc.wait(15)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
        _kill(self.proc)
        self._reader.join(5)
        try:
            self._log.close()
        except (OSError, ValueError):
            pass


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass


# -- client set-up ---------------------------------------------------------------

def _clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "HAZELCAST_NO_SPEEDUPS", "PYTHONSTARTUP")}
    env["PYTHONNOUSERSITE"] = "1"
    env.update(extra)
    return env


def ours_env(pure: bool, uvloop: bool = False) -> dict:
    env = _clean_env(PYTHONPATH=REPO_ROOT + (os.pathsep + UVLOOP_SITE if uvloop else ""))
    if pure:
        env["HAZELCAST_NO_SPEEDUPS"] = "1"
    return env


def ours_implementations() -> Dict[str, str]:
    out = subprocess.run(
        [sys.executable, "-c", "import json, hazelcast.speedups as s; print(json.dumps(s.implementations()))"],
        env=ours_env(pure=False), cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        universal_newlines=True, timeout=120,
    )
    if out.returncode != 0:
        raise ClientRunFailed("cannot import our client:\n" + out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def official_venv() -> str:
    """Python of a virtual environment holding only the official client (made once)."""
    venv = os.path.join(CACHE_DIR, "venv-official-" + OFFICIAL_VERSION)
    python = os.path.join(venv, "bin", "python")
    probe = [python, "-c", "import hazelcast; print(hazelcast.__version__, hazelcast.__file__)"]

    def installed() -> bool:
        if not os.path.isfile(python):
            return False
        out = subprocess.run(probe, env=_clean_env(), cwd=venv, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True, timeout=120)
        parts = out.stdout.split()
        return out.returncode == 0 and parts[:1] == [OFFICIAL_VERSION] and parts[1].startswith(venv)

    if installed():
        return python
    log("installing hazelcast-python-client==%s into %s" % (OFFICIAL_VERSION, venv))
    subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True, timeout=300)
    subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "hazelcast-python-client==" + OFFICIAL_VERSION],
                   env=_clean_env(), cwd=venv, check=True, timeout=600)
    if not installed():
        raise ClientRunFailed("the official client did not install into %s" % venv)
    return python


def uvloop_available() -> Optional[str]:
    """Makes uvloop importable for our worker (pip install --target into
    .cache/perf/uvloop-site on the first use); returns its version, None if it
    cannot be had."""
    probe = [sys.executable, "-c", "import uvloop; print(uvloop.__version__)"]

    def version() -> Optional[str]:
        out = subprocess.run(probe, env=ours_env(pure=False, uvloop=True), cwd=REPO_ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True, timeout=120)
        return (out.stdout.strip() or None) if out.returncode == 0 else None

    found = version()
    if found:
        return found
    log("installing uvloop into %s" % UVLOOP_SITE)
    out = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                          "--upgrade", "--target", UVLOOP_SITE, "uvloop"],
                         env=_clean_env(), cwd=CACHE_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=600)
    if out.returncode != 0:
        log(out.stdout[-2000:])
        return None
    return version()


# With fewer than 3 cores the JDK's common pool has parallelism 1, and then
# CompletableFuture (and Hazelcast's default async executor, which copies the JDK's
# rule) start a new thread per async completion: the Java client's async calls and
# putAll would measure thread starts. Two workers is what a 3-core machine gets.
_COMMON_POOL = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"


def java_command(jar: str, runtime_jar: Optional[str] = None) -> List[str]:
    """ClientBench compiled against jar, run on runtime_jar (default: jar): the CP
    phase runs the Java client of its member's version, as the 5.5+ Java client
    itself refuses CP without Enterprise."""
    classes = compiled_classes(JAVA_SOURCES, jar=jar)
    java = require_tool("java")
    return ([java, "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"] + harness_jvm.MODULE_FLAGS
            + ["-Djava.net.preferIPv4Stack=true", "-Dhazelcast.phone.home.enabled=false", _COMMON_POOL,
               "-cp", os.pathsep.join([runtime_jar or jar, classes]), "ClientBench"])


# -- table ---------------------------------------------------------------------

def _fmt_num(value: Optional[float]) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return "{:,.0f}".format(value)
    if value >= 10:
        return "%.1f" % value
    return "%.2f" % value


def _ratio(value: Optional[float], base: Optional[float]) -> str:
    if value is None or not base:
        return "-"
    return "%.2fx" % (value / base)


# A cell whose ops/s spread ((max - min) / median over the rounds) exceeds this is
# flagged in the table.
SPREAD_LIMIT = 0.20
STAT_KEYS = ("ops_per_s", "p50_us", "p99_us", "cpu_us_per_op")


def aggregate(runs: List[dict]) -> Optional[dict]:
    """The median of each statistic over a cell's rounds, with the spread of ops/s
    ((max - min) / median), the rounds counted and the members' load summed."""
    if not runs:
        return None
    out: dict = {k: statistics.median(r[k] for r in runs) for k in STAT_KEYS}
    ops = [r["ops_per_s"] for r in runs]
    out["spread"] = (max(ops) - min(ops)) / out["ops_per_s"] if out["ops_per_s"] else 0.0
    out["rounds"] = len(runs)
    out["ops"] = sum(r.get("ops", 0) for r in runs)
    loads = [r["per_member"] for r in runs if r.get("per_member")]
    if loads:
        out["per_member"] = {m: {"connections": loads[-1][m]["connections"],
                                 "bytes_sent": sum(l[m]["bytes_sent"] for l in loads),
                                 "bytes_received": sum(l[m]["bytes_received"] for l in loads)}
                             for m in loads[-1]}
    return out


def _fmt_spread(r: dict, rounds: int) -> str:
    text = "%.0f%%" % (r["spread"] * 100) if r.get("rounds", 1) > 1 else "-"
    if r.get("rounds", rounds) < rounds:
        text += " n=%d" % r["rounds"]
    if r.get("rounds", 1) > 1 and r["spread"] > SPREAD_LIMIT:
        text += " !"
    return text


def render_table(results: Dict[str, Dict[str, dict]], clients: List[str], scenarios: List[str],
                 rounds: int = 1) -> str:
    header = ["scenario", "client", "ops/s", "spread", "p50 us", "p99 us", "CPU us/op", "ops/s vs off.",
              "CPU/op vs off.", "ops/s vs java", "CPU/op vs java"]
    rows = []
    for scenario in scenarios:
        base = results.get(BASELINE, {}).get(scenario)
        java = results.get("java", {}).get(scenario)
        for client in clients:
            if scenario not in client_scenarios(client, scenarios):
                continue
            r = results.get(client, {}).get(scenario)
            if r is None:
                rows.append([scenario, LABELS[client], "failed"] + [""] * (len(header) - 3))
                continue
            rows.append([
                scenario, LABELS[client], _fmt_num(r["ops_per_s"]), _fmt_spread(r, rounds), _fmt_num(r["p50_us"]),
                _fmt_num(r["p99_us"]), _fmt_num(r["cpu_us_per_op"]),
                _ratio(r["ops_per_s"], base and base["ops_per_s"]),
                _ratio(r["cpu_us_per_op"], base and base["cpu_us_per_op"]),
                _ratio(r["ops_per_s"], java and java["ops_per_s"]),
                _ratio(r["cpu_us_per_op"], java and java["cpu_us_per_op"]),
            ])
        rows.append(None)
    widths = [max(len(header[i]), *(len(r[i]) for r in rows if r)) for i in range(len(header))]

    def line(cells: List[str]) -> str:
        return "  ".join(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]) for i, c in enumerate(cells))

    out = [line(header), "  ".join("-" * w for w in widths)]
    previous = None
    for row in rows:
        if row is None:
            out.append("")
            continue
        shown = list(row)
        if row[0] == previous:
            shown[0] = ""
        previous = row[0]
        out.append(line(shown))
    return "\n".join(out).rstrip()


def render_spread_note(results: Dict[str, Dict[str, dict]], clients: List[str], scenarios: List[str]) -> str:
    """What the '!' marks say, under the table."""
    flagged, cells = [], 0
    for scenario in scenarios:
        for client in clients:
            r = results.get(client, {}).get(scenario)
            if r is None or r.get("rounds", 1) < 2:
                continue
            cells += 1
            if r["spread"] > SPREAD_LIMIT:
                flagged.append("%s / %s (%.0f%%)" % (scenario, LABELS[client], r["spread"] * 100))
    if not cells:
        return "spread: one round per cell, none measured (use --rounds 3 or more)"
    if not flagged:
        return "spread: every cell's ops/s stayed within %.0f%% of its median over the rounds" % (SPREAD_LIMIT * 100)
    return ("! = the ops/s of the cell varied by more than %.0f%% of its median over the rounds (%d of %d cells); "
            "its median is not reliable, rerun it on a quieter machine:\n  " % (SPREAD_LIMIT * 100, len(flagged), cells)
            + "\n  ".join(flagged))


def render_warmup(rows: List[tuple]) -> str:
    """The members' warm-up: (phase, scenario, result or None, error) rows."""
    if not rows:
        return ""
    out = []
    for phase, scenario, r, error in rows:
        if r is None:
            out.append("  %-22s %-40s failed: %s" % (phase, scenario, (error or "").splitlines()[0][:120]))
        else:
            first = r.get("warmup_ops_per_s")
            out.append("  %-22s %-40s %12s -> %12s ops/s" % (phase, scenario, _fmt_num(first), _fmt_num(r["ops_per_s"])))
    return "\n".join(out)


def render_scaling(results: Dict[str, Dict[str, dict]], clients: List[str], scenarios: List[str]) -> str:
    """Throughput from 1 to 3 members, and how the load spread over the members."""
    header = ["scenario", "client", "1 member", "%d members" % MULTI_MEMBER_COUNT, "ratio",
              "connections", "bytes sent to each member"]
    rows = []
    for scenario in scenarios:
        if not scenario.startswith(MULTI_MEMBER_PREFIX):
            continue
        single = scenario[len(MULTI_MEMBER_PREFIX):]
        for client in clients:
            three = results.get(client, {}).get(scenario)
            if three is None:
                continue
            one = results.get(client, {}).get(single)
            load = three.get("per_member")
            if load:
                sent = sum(v["bytes_sent"] for v in load.values()) or 1
                connections = "/".join(str(load[m]["connections"]) for m in sorted(load))
                shares = "/".join("%.0f%%" % (100.0 * load[m]["bytes_sent"] / sent) for m in sorted(load))
            else:
                connections, shares = "-", "-"
            rows.append([single, LABELS[client], _fmt_num(one and one["ops_per_s"]), _fmt_num(three["ops_per_s"]),
                         _ratio(three["ops_per_s"], one and one["ops_per_s"]), connections, shares])
    if not rows:
        return ""
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def line(cells: List[str]) -> str:
        return "  ".join(c.ljust(widths[i]) if i < 2 or i > 4 else c.rjust(widths[i]) for i, c in enumerate(cells))

    return "\n".join([line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows])


def render_java_targets(results: Dict[str, Dict[str, dict]], scenarios: List[str]) -> str:
    """Issue 15's targets: ours compiled against the Java client, pure against the official client."""
    ours, java, base, pure = (results.get(c) for c in ("compiled", "java", BASELINE, "pure"))
    lines = []

    def ratio(a: Optional[dict], b: Optional[dict], scenario: str, key: str) -> Optional[float]:
        x, y = (a or {}).get(scenario), (b or {}).get(scenario)
        return x[key] / y[key] if x and y and y[key] else None

    for names, want in ((("set 100B, 1 thread", "get 100B, 1 thread"), 0.8),
                        (("pipelined get, N=256", "put_all 1000", "get_all 1000"), 0.5),
                        (("set 100B, 8 threads", "get 100B, 8 threads"), 0.4)):
        for scenario in names:
            r = ratio(ours, java, scenario, "ops_per_s")
            if r is not None:
                lines.append("%-52s %5.2fx  (target >= %.1fx) %s" % (
                    "ours compiled / java ops/s, " + scenario, r, want, "ok" if r >= want else "MISSED"))
    cpu = [ratio(ours, java, s, "cpu_us_per_op") for s in scenarios if s not in JAVA_REFERENCE_SCENARIOS]
    cpu = [r for r in cpu if r is not None]
    if cpu:
        g = _geomean(cpu)
        lines.append("%-52s %5.2fx  (target <= 2.0x) %s   over %d scenarios" % (
            "ours compiled / java CPU/op, geometric mean", g, "ok" if g <= 2.0 else "MISSED", len(cpu)))
    slow = [(ratio(pure, base, s, "ops_per_s"), s) for s in scenarios]
    slow = [(r, s) for r, s in slow if r is not None]
    if slow:
        worst = min(slow)
        lines.append("%-52s %5.2fx  (target >= 1.2x) %s   slowest: %s" % (
            "ours pure / official ops/s, worst scenario", worst[0], "ok" if worst[0] >= 1.2 else "MISSED", worst[1]))
    return "\n".join(lines)


def _geomean(values: List[float]) -> Optional[float]:
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def render_targets(results: Dict[str, Dict[str, dict]], scenarios: List[str]) -> str:
    """The issue's targets, as ratios of this run."""
    base = results.get(BASELINE)
    ours = results.get("compiled")
    lines = []
    if ours and ASYNC_256 in scenarios:
        # ours, asyncio 256 tasks against our own threaded pipelined gets (no baseline needed)
        for client in ("compiled", "pure", "uvloop"):
            a = results.get(client, {}).get(ASYNC_256)
            p = results.get(client if client != "uvloop" else "compiled", {}).get(PIPELINED_256)
            if a and p and p["ops_per_s"]:
                r = a["ops_per_s"] / p["ops_per_s"]
                lines.append("%-44s %5.2fx  (target >= %.2fx, i.e. within 1.3x) %s" % (
                    "%s: asyncio 256 tasks / pipelined N=256" % LABELS[client], r, 1 / 1.3,
                    "ok" if r >= 1 / 1.3 else "MISSED"))
    if not base:
        return "\n".join(lines + ["(no official client results: no ratios)"])
    threaded = [s for s in scenarios if s not in ASYNC_SCENARIOS]

    def ratio(client: str, scenario: str, key: str) -> Optional[float]:
        c, b = results.get(client, {}).get(scenario), base.get(scenario)
        return c[key] / b[key] if c and b and b[key] else None

    for client in ("compiled", "uvloop"):
        for scenario in ("asyncio set, 1 task", "asyncio get, 1 task", ASYNC_256):
            r = ratio(client, scenario, "ops_per_s")
            if r is not None:
                lines.append("%-44s %5.2fx  (target >= 2.0x) %s" % (
                    "%s ops/s, %s" % ("ours compiled" if client == "compiled" else "ours uvloop", scenario), r,
                    "ok" if r >= 2.0 else "MISSED"))
    if ours:
        for scenario, want in (("set 100B, 1 thread", 1.5), ("get 100B, 1 thread", 1.5), ("pipelined get, N=256", 3.0),
                             ("queue offer/poll 100B, 1 thread", 1.5), ("flake id new_id, 1 thread", 2.0)):
            r = ratio("compiled", scenario, "ops_per_s")
            if r is not None:
                lines.append("%-44s %5.2fx  (target >= %.1fx) %s" % ("ours compiled ops/s, " + scenario, r, want,
                                                                    "ok" if r >= want else "MISSED"))
        cpu = [(ratio("compiled", s, "cpu_us_per_op"), s) for s in threaded]
        cpu = [(r, s) for r, s in cpu if r is not None]
        if cpu:
            # The verdict is on the worst scenario, so that is the number shown with
            # it; the geometric mean over the scenarios follows, labelled as such.
            worst = max(cpu)
            lines.append("%-44s %5.2fx  (target <= 0.5x) %s   worst: %s; geometric mean %.2fx" % (
                "ours compiled CPU/op, worst scenario", worst[0],
                "ok" if worst[0] <= 0.5 else "MISSED", worst[1], _geomean([r for r, _ in cpu])))
    pure = [(ratio("pure", s, "ops_per_s"), s) for s in scenarios]  # asyncio rows too
    pure = [(r, s) for r, s in pure if r is not None]
    if pure:
        slowest = min(pure)
        lines.append("%-44s %5.2fx  (target >= 1.0x) %s   slowest: %s" % (
            "ours pure ops/s, worst scenario", slowest[0], "ok" if slowest[0] >= 1.0 else "MISSED", slowest[1]))
    java = results.get("java")
    if java and ours:
        gap = [java[s]["ops_per_s"] / ours[s]["ops_per_s"] for s in scenarios if s not in JAVA_REFERENCE_SCENARIOS
               if s in java and s in ours and ours[s]["ops_per_s"]]
        if gap:
            lines.append("%-44s %5.2fx  (geometric mean over scenarios)" % ("java client ops/s vs ours compiled", _geomean(gap)))
    return "\n".join(lines)


# -- main ----------------------------------------------------------------------

def select_scenarios(spec: str) -> List[str]:
    """'|'-separated exact names or case-insensitive substrings; empty: all."""
    if not spec.strip():
        return list(SCENARIOS)
    chosen = set()
    for token in (t.strip() for t in spec.split("|")):
        if not token:
            continue
        if token in SCENARIOS:
            chosen.add(token)
            continue
        # A substring picks the 3-member rows only if it names them ("3 members"
        # picks them all): "N=256" stays a one-member selection.
        matches = [s for s in SCENARIOS if token.lower() in s.lower()
                   and (not s.startswith(MULTI_MEMBER_PREFIX) or "member" in token.lower())]
        if not matches:
            raise SystemExit("invalid value %r in --scenarios: matches none of %s" % (token, SCENARIOS))
        chosen.update(matches)
    return [s for s in SCENARIOS if s in chosen]


def select_clients(spec: str) -> List[str]:
    names = [c.strip() for c in spec.split(",") if c.strip()]
    bad = [c for c in names if c not in CLIENTS]
    if bad or not names:
        raise SystemExit("invalid value %r for --clients: use a comma-separated subset of %s"
                         % (spec, ",".join(CLIENTS)))
    return [c for c in CLIENTS if c in names]


class Phase:
    """Scenarios run on one set of members: 1 member, 1 with SQL, 1 for CP (an older
    version: None is the harness's default), or 3."""

    def __init__(self, label: str, members: int, sql: bool, scenarios: List[str],
                 version: Optional[str] = None) -> None:
        self.label, self.members, self.sql, self.scenarios = label, members, sql, scenarios
        self.version = version


def plan_phases(scenarios: List[str]) -> List[Phase]:
    """The SQL scenario gets a member of its own (Jet on), so that no other number
    is measured next to Jet; the CP scenario a member of its own of CP_VERSION (5.5+
    Community members refuse CP); the 3-member scenarios a cluster of their own."""
    plain = [s for s in scenarios if s not in SQL_SCENARIOS and s not in CP_SCENARIOS
             and not s.startswith(MULTI_MEMBER_PREFIX)]
    sql = [s for s in scenarios if s in SQL_SCENARIOS]
    cp = [s for s in scenarios if s in CP_SCENARIOS]
    multi = [s for s in scenarios if s.startswith(MULTI_MEMBER_PREFIX)]
    phases = []
    if plain:
        phases.append(Phase("1 member", 1, False, plain))
    if sql:
        phases.append(Phase("1 member + SQL (Jet)", 1, True, sql))
    if cp:
        phases.append(Phase("1 member %s (CP)" % CP_VERSION, 1, False, cp, version=CP_VERSION))
    if multi:
        phases.append(Phase("%d members" % MULTI_MEMBER_COUNT, MULTI_MEMBER_COUNT, False, multi))
    return phases


def rotated(order: List[str], shift: int) -> List[str]:
    if not order:
        return order
    k = shift % len(order)
    return order[k:] + order[:k]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=3.0, help="measured seconds per scenario (default 3)")
    parser.add_argument("--warmup", type=float, default=1.0,
                        help="warm-up seconds of each client before each measured run (default 1)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of every cell; the table shows their median and spread (default 3)")
    parser.add_argument("--member-warmup", type=float, default=2.0,
                        help="seconds of each scenario run on fresh members (ours compiled) before the first "
                             "measured client; 0: none (default 2)")
    parser.add_argument("--scenarios", default="",
                        help="'|'-separated scenario names or substrings, e.g. 'get 100B|N=256'; the 3-member rows "
                             "only by tokens that mention members, e.g. '3 members' (default: all)")
    parser.add_argument("--clients", default=",".join(DEFAULT_CLIENTS),
                        help="comma-separated subset of %s (default: %s)" % (",".join(CLIENTS),
                                                                              ",".join(DEFAULT_CLIENTS)))
    parser.add_argument("--uvloop", action="store_true",
                        help="also run our compiled client's asyncio scenarios on uvloop (installed into "
                             ".cache/perf/uvloop-site on the first use); same as adding 'uvloop' to --clients")
    parser.add_argument("--output", default=os.path.join(CACHE_DIR, "last.json"), help="raw results JSON")
    args = parser.parse_args(argv)
    if args.duration <= 0:
        parser.error("invalid value %r for --duration: must be > 0" % args.duration)
    if args.warmup < 0:
        parser.error("invalid value %r for --warmup: must be >= 0" % args.warmup)
    if args.rounds < 1:
        parser.error("invalid value %r for --rounds: must be >= 1" % args.rounds)
    if args.member_warmup < 0:
        parser.error("invalid value %r for --member-warmup: must be >= 0" % args.member_warmup)
    scenarios = select_scenarios(args.scenarios)
    clients = select_clients(args.clients + (",uvloop" if args.uvloop else ""))
    clients = [c for c in clients if client_scenarios(c, scenarios)]
    if not clients:
        raise SystemExit("no client runs any of the chosen scenarios")
    os.makedirs(CACHE_DIR, exist_ok=True)
    # SIGTERM takes the same clean-up path as Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored

    started = time.monotonic()
    notes: List[str] = []
    load_before = os.getloadavg()[0]
    handoff_us = thread_round_trip_us()
    if handoff_us > HANDOFF_SLOW_US:
        log("WARNING: a hand-off between two threads and back takes %.0f us on this machine (a few us on most): "
            "rows whose ops pass work between threads (topic, queue) slow down for every client, some more than others" % handoff_us)
    if load_before > 1.0:
        log("WARNING: the machine is busy (load average %.1f on %d cores): results will be noisy"
            % (load_before, os.cpu_count() or 1))
    # Prepare everything that needs no member first.
    impls = ours_implementations()
    not_compiled = sorted(k for k, v in impls.items() if v != "compiled")
    if not_compiled and "compiled" in clients:
        note = ("ours compiled: NOT all hot paths are compiled (%s pure); build them with "
                "'HAZELCAST_REQUIRE_SPEEDUPS=1 python3 setup.py build_ext --inplace'" % ", ".join(not_compiled))
        notes.append(note)
        log("WARNING: " + note)
    jar = member_jar()
    official_python = official_venv() if "official" in clients else None
    java_cmd = java_command(jar) if "java" in clients else None
    if "uvloop" in clients:
        uvloop_version = uvloop_available()
        if uvloop_version is None:
            note = "uvloop could not be installed: no uvloop rows"
            notes.append(note)
            log("WARNING: " + note)
            clients.remove("uvloop")
        else:
            LABELS["uvloop"] += " " + uvloop_version

    def command(client: str, addresses: List[str], cluster_name: str, version: Optional[str] = None) -> tuple:
        common = ["--address", ",".join(addresses), "--cluster-name", cluster_name,
                  "--duration", str(args.duration), "--warmup", str(args.warmup)]
        if client in ("compiled", "pure", "uvloop", "warm-up"):
            cmd = [sys.executable, WORKER] + common + ["--serve"]
            if client == "uvloop":
                cmd += ["--loop", "uvloop"]
            return cmd, ours_env(pure=client == "pure", uvloop=client == "uvloop"), REPO_ROOT
        if client == "official":
            # cwd and sys.path without the repository: the worker must import the
            # official package from the virtual environment, not ours.
            assert official_python is not None
            return ([official_python, WORKER] + common + ["--serve"], _clean_env(),
                    os.path.dirname(os.path.dirname(official_python)))
        assert java_cmd is not None
        cmd = java_command(jar, member_jar(version)) if version else java_cmd
        return cmd + common + ["--serve", "true"], _clean_env(), CACHE_DIR

    phases = plan_phases(scenarios)
    raw: Dict[str, Dict[str, List[dict]]] = {c: {} for c in clients}
    cell_errors: Dict[str, Dict[str, str]] = {}
    warmup_rows: List[tuple] = []
    metas: Dict[str, dict] = {}
    failures: Dict[str, str] = {}
    versions: List[str] = []
    cluster = None
    procs: Dict[str, ClientProcess] = {}
    run_timeout = args.warmup + args.duration + RUN_SLACK
    try:
        for phase in phases:
            phase_started = time.monotonic()
            cluster = Cluster(phase.members, cluster_name=unique_cluster_name("perf"), jvm_profile="perf",
                              sql=phase.sql, version=phase.version)
            versions.append(cluster.version)
            addresses = cluster.client_config()["cluster_members"]
            log("phase '%s': %s (cluster %s, Hazelcast %s) started in %.0f s"
                % (phase.label, ", ".join(addresses), cluster.cluster_name, cluster.version,
                   time.monotonic() - phase_started))
            # The members' warm-up: every scenario of the phase once, before any
            # measured client (JIT, class loading, partitions, the query map's entries).
            if args.member_warmup > 0:
                half = args.member_warmup / 2
                LABELS.setdefault("warm-up", "warm-up (ours compiled)")
                cmd, env, cwd = command("warm-up", addresses, cluster.cluster_name)
                warm = ClientProcess("warm-up", cmd, env, cwd, log_name="warm-up-%d" % len(versions))
                try:
                    warm.request("meta", START_TIMEOUT)
                    for scenario in phase.scenarios:
                        try:
                            r = warm.request("run\t%s\t%r\t%r" % (scenario, half, half),
                                             args.member_warmup + RUN_SLACK)["result"]
                            warmup_rows.append((phase.label, scenario, r, None))
                            log("  warm-up %s: %s -> %s ops/s" % (scenario, _fmt_num(r.get("warmup_ops_per_s")),
                                                                  _fmt_num(r["ops_per_s"])))
                        except ScenarioFailed as e:
                            warmup_rows.append((phase.label, scenario, None, str(e)))
                            log("WARNING: warm-up of %s failed: %s" % (scenario, e))
                except ClientRunFailed as e:
                    note = "the members' warm-up of phase '%s' failed: %s" % (phase.label, str(e).splitlines()[0])
                    notes.append(note)
                    log("WARNING: " + note)
                finally:
                    warm.close()
            # One process per client for the phase.
            for client in clients:
                if not any(s in client_scenarios(client, scenarios) for s in phase.scenarios):
                    continue
                cmd, env, cwd = command(client, addresses, cluster.cluster_name, phase.version)
                proc = ClientProcess(client, cmd, env, cwd, log_name="%s-%d" % (client, len(versions)))
                try:
                    meta = proc.request("meta", START_TIMEOUT)["meta"]
                except (ClientRunFailed, ScenarioFailed) as e:
                    proc.close()
                    failures.setdefault(client, str(e))
                    log("ERROR: %s" % e)
                    continue
                problem = check_client(client, meta, final=False)
                if problem:
                    proc.close()
                    failures.setdefault(client, problem)
                    log("ERROR: " + problem)
                    continue
                procs[client] = proc
            # The rounds: every scenario once per client, the clients' order rotated.
            for round_index in range(args.rounds):
                for scenario in phase.scenarios:
                    order = [c for c in clients if c in procs and scenario in client_scenarios(c, scenarios)]
                    for client in rotated(order, round_index + scenarios.index(scenario)):
                        running = procs.get(client)
                        if running is None:  # died earlier in this round
                            continue
                        try:
                            r = running.request("run\t" + scenario, run_timeout)["result"]
                        except ScenarioFailed as e:
                            cell_errors.setdefault(client, {})[scenario] = str(e)
                            log("ERROR: %s, %s, round %d: %s" % (LABELS[client], scenario, round_index + 1, e))
                            continue
                        except ClientRunFailed as e:
                            procs.pop(client).close()
                            failures.setdefault(client, str(e))
                            log("ERROR: %s" % e)
                            continue
                        raw[client].setdefault(scenario, []).append(r)
                        log("  round %d/%d  %-40s %-30s %12s ops/s  (%.0f s)" % (
                            round_index + 1, args.rounds, scenario, LABELS[client], _fmt_num(r["ops_per_s"]),
                            time.monotonic() - started))
            for client, proc in list(procs.items()):
                try:
                    meta = proc.request("meta", 60)["meta"]
                except (ClientRunFailed, ScenarioFailed) as e:
                    failures.setdefault(client, str(e))
                    continue
                problem = check_client(client, meta, final=True)
                if problem:
                    failures.setdefault(client, problem)
                    log("ERROR: " + problem)
                    raw[client] = {}
                    continue
                if client in ("compiled", "uvloop") and meta.get("speedups") and any(
                        v != "compiled" for v in meta["speedups"].values()):
                    LABELS[client] = "ours (NOT compiled)" + (", uvloop" if client == "uvloop" else "")
                metas[client] = meta
            for proc in procs.values():
                proc.close()
            procs = {}
            cluster.shutdown()
            cluster = None
    except KeyboardInterrupt:
        log("interrupted: stopping the clients and the members")
        return 130
    except HarnessError as e:
        log("ERROR: the members did not start: %s" % e)
        return 2
    finally:
        for proc in procs.values():
            proc.close()
        if cluster is not None:
            cluster.shutdown()

    results = {c: {s: a for s, a in ((s, aggregate(runs)) for s, runs in raw[c].items()) if a} for c in clients}
    results = {c: r for c, r in results.items() if r}
    load_after = os.getloadavg()[0]
    version = versions[0] if versions else "?"
    print()
    print("Hazelcast %s (perf JVM flags) on 127.0.0.1; %d cores; %s %s" % (
        version, os.cpu_count() or 0, platform.python_implementation(), platform.python_version()))
    print("phases: %s" % "; ".join("%s (%d scenarios)" % (p.label, len(p.scenarios)) for p in phases))
    print("%d round(s); in each, every scenario once per client, the clients' order rotated per scenario and round;"
          % args.rounds)
    print("each run: a fresh client, warm-up %g s + %g s measured; the table shows medians over the rounds"
          % (args.warmup, args.duration))
    print("load average (1 min) before the run: %.1f%s" % (
        load_before, "  <- other work on the machine: noisy results" if load_before > 1.0 else ""))
    print("a hand-off between two Python threads and back (lock ping-pong, median): %.1f us%s" % (
        handoff_us, "  <- slow thread wake-ups: rows that pass work between threads suffer"
        if handoff_us > HANDOFF_SLOW_US else ""))
    if warmup_rows:
        print()
        print("members' warm-up before the first measured client: each scenario for %g s with ours compiled "
              "(ops/s of the first half -> the second half):" % args.member_warmup)
        print(render_warmup(warmup_rows))
    print()
    print(render_table(results, clients, scenarios, args.rounds))
    print()
    print("spread: (max - min) / median of the cell's ops/s over its rounds; the other columns are medians too.")
    print(render_spread_note(results, clients, scenarios))
    print()
    print("put_all/get_all: ops = entries (1000 per call), latency per call; pipelined: latency per batch of N;")
    print("sql: ops = rows (100,000 per query), latency per query.")
    if any(s in CP_SCENARIOS for s in scenarios):
        print("atomic long: on a Hazelcast %s member of its own (5.5+ Community members refuse CP), CP unsafe mode;"
              % CP_VERSION)
        print("the Java client there is %s too (the 5.5+ Java client refuses CP without Enterprise)." % CP_VERSION)
    print("CPU us/op: the client process's CPU time (all threads) / ops. Ratios vs off.: vs the official Python")
    print("client (asyncio rows: its asyncio client); vs java: vs the Java client ('-' where it has no such row).")
    if "java" in clients:
        print("The Java client has no asyncio rows%s." % "".join(
            ", no '%s'" % s for s in NO_JAVA_SCENARIOS if s in scenarios))
    scaling = render_scaling(results, clients, scenarios)
    if scaling:
        print()
        print("From 1 to %d members (ops/s medians; with %d members, the client's connections to each member and"
              % (MULTI_MEMBER_COUNT, MULTI_MEMBER_COUNT))
        print("the share of its bytes sent to each over the measured runs, from ss):")
        print(scaling)
    print()
    print(render_targets(results, scenarios))
    java_targets = render_java_targets(results, scenarios)
    if java_targets:
        print()
        print("issue 15 targets:")
        print(java_targets)
    for note in notes:
        print("NOTE: " + note)
    for client, errors in cell_errors.items():
        for scenario, error in errors.items():
            print("FAILED run: %s, %s: %s" % (LABELS[client], scenario, error.splitlines()[0][:300] if error else ""))
    for client, problem in failures.items():
        lines = [l.strip() for l in problem.splitlines() if l.strip()]
        print("FAILED %s: %s" % (LABELS[client], lines[0]))
        if len(lines) > 1:
            print("       last log line: " + lines[-1][:300])

    report = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "member_version": version,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "rounds": args.rounds,
        "member_warmup_s": args.member_warmup,
        "spread_limit": SPREAD_LIMIT,
        "scenarios": scenarios,
        "phases": [{"label": p.label, "members": p.members, "sql": p.sql, "version": p.version or version,
                    "scenarios": p.scenarios} for p in phases],
        "member_warmup": [{"phase": p, "scenario": s, "result": r, "error": e} for p, s, r, e in warmup_rows],
        "clients": {c: {"label": LABELS[c], "meta": metas.get(c), "results": results.get(c),
                        "runs": raw.get(c), "failed_runs": cell_errors.get(c), "error": failures.get(c)}
                    for c in clients},
        "notes": notes,
        "thread_round_trip_us": handoff_us,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "total_seconds": round(time.monotonic() - started, 1),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as f:
        json.dump(report, f, indent=1)
    print()
    print("raw results: %s (%.0f s in all)" % (os.path.relpath(args.output, REPO_ROOT), report["total_seconds"]))
    return 1 if failures or cell_errors else 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt()


def check_client(client: str, meta: dict, final: bool = True) -> Optional[str]:
    """The worker imported the intended package, in the intended mode (final: after
    its runs, when the event loops it used are known)."""
    if client == "java":
        return None
    path = os.path.realpath(meta.get("hazelcast_file") or "")
    ours = path.startswith(os.path.join(os.path.realpath(REPO_ROOT), "hazelcast") + os.sep)
    if client == "official":
        if ours or meta.get("version") != OFFICIAL_VERSION or meta.get("speedups") is not None:
            return "the official run imported the wrong package: %s (version %s)" % (path, meta.get("version"))
        return None
    if not ours:
        return "%s imported hazelcast from %s, not from this repository" % (LABELS[client], path)
    if client == "pure" and any(v != "pure" for v in (meta.get("speedups") or {}).values()):
        return "ours pure still used compiled paths: %s" % meta.get("speedups")
    if final and client == "uvloop" and not any(l.startswith("uvloop") for l in meta.get("event_loops") or []):
        return "the uvloop run did not run on uvloop: %s" % meta.get("event_loops")
    return None


if __name__ == "__main__":
    sys.exit(main())
