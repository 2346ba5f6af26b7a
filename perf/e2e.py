"""End-to-end benchmark: our client (compiled and pure), the official Python
client and the Java client, one after another against the same member.

    python3 perf/e2e.py [--duration 3] [--warmup 1] [--scenarios "get|N=256"]
                        [--clients compiled,pure,official,java] [--uvloop]

Starts one Hazelcast member through the test harness (perf JVM flags, a fresh
cluster name), runs perf/e2e_worker.py once per Python client in its own process
and perf/java/ClientBench.java for the Java client, prints one table with ratios
to the official Python client (its asyncio client for the "asyncio ..." rows), writes the raw results to .cache/perf/last.json
and stops the member, also on Ctrl-C or failure. See perf/README.md.
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
import signal
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
    # The asyncio clients (hazelcast.asyncio.HazelcastClient), 100-byte values;
    # the Java client has no such rows.
    "asyncio set, 1 task",
    "asyncio get, 1 task",
    "asyncio get, 256 tasks",
]
BATCH_SCENARIOS = ("put_all 1000", "get_all 1000")
ASYNC_SCENARIOS = tuple(s for s in SCENARIOS if s.startswith("asyncio "))
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
        return [s for s in scenarios if s not in ASYNC_SCENARIOS]
    if client == "uvloop":
        return [s for s in scenarios if s in ASYNC_SCENARIOS]
    return list(scenarios)

# Seconds a client needs beyond warm-up + duration per scenario (client start and
# shutdown, filling the map), used only for the hang watchdog.
PER_SCENARIO_SLACK = 20.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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
    pass


def run_client_process(name: str, cmd: List[str], env: dict, cwd: str, output: str,
                       scenario_count: int, timeout: float) -> dict:
    """Runs one client's benchmark process, echoing its progress; returns its JSON."""
    log_path = os.path.join(CACHE_DIR, "logs", name + ".log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    if os.path.exists(output):
        os.remove(output)
    parent = os.getpid()
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True,
                            preexec_fn=lambda: _child_setup(parent))
    timed_out = []

    def watchdog() -> None:
        timed_out.append(True)
        _kill(proc)

    timer = threading.Timer(timeout, watchdog)
    timer.daemon = True
    timer.start()
    done = 0
    try:
        with open(log_path, "w") as log_file:
            log_file.write("# " + " ".join(cmd) + "\n")
            for line in proc.stdout:
                log_file.write(line)
                if line.startswith("done: "):
                    done += 1
                    log("  [%s] %d/%d %s (%.0f s)" % (LABELS[name], done, scenario_count, line[6:].strip(),
                                                      time.monotonic() - started))
        code = proc.wait()
    finally:
        timer.cancel()
        _kill(proc)
    if timed_out:
        raise ClientRunFailed("%s did not finish within %.0f s; log: %s" % (LABELS[name], timeout, log_path))
    if code != 0 or not os.path.exists(output):
        with open(log_path) as f:
            tail = "".join(f.readlines()[-40:])
        raise ClientRunFailed("%s failed (exit %s); log %s:\n%s" % (LABELS[name], code, log_path, tail))
    with open(output) as f:
        return json.load(f)


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


def java_command(jar: str) -> List[str]:
    classes = compiled_classes(JAVA_SOURCES, jar=jar)
    java = require_tool("java")
    return ([java, "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"] + harness_jvm.MODULE_FLAGS
            + ["-Djava.net.preferIPv4Stack=true", "-Dhazelcast.phone.home.enabled=false", _COMMON_POOL,
               "-cp", os.pathsep.join([jar, classes]), "ClientBench"])


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


def render_table(results: Dict[str, Dict[str, dict]], clients: List[str], scenarios: List[str]) -> str:
    header = ["scenario", "client", "ops/s", "p50 us", "p99 us", "CPU us/op", "ops/s vs off.", "CPU/op vs off."]
    rows = []
    for scenario in scenarios:
        base = results.get(BASELINE, {}).get(scenario)
        for client in clients:
            if scenario not in client_scenarios(client, scenarios):
                continue
            r = results.get(client, {}).get(scenario)
            if r is None:
                rows.append([scenario, LABELS[client], "failed", "", "", "", "", ""])
                continue
            rows.append([
                scenario, LABELS[client], _fmt_num(r["ops_per_s"]), _fmt_num(r["p50_us"]), _fmt_num(r["p99_us"]),
                _fmt_num(r["cpu_us_per_op"]),
                _ratio(r["ops_per_s"], base and base["ops_per_s"]),
                _ratio(r["cpu_us_per_op"], base and base["cpu_us_per_op"]),
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
        for scenario in ASYNC_SCENARIOS:
            r = ratio(client, scenario, "ops_per_s")
            if r is not None:
                lines.append("%-44s %5.2fx  (target >= 2.0x) %s" % (
                    "%s ops/s, %s" % ("ours compiled" if client == "compiled" else "ours uvloop", scenario), r,
                    "ok" if r >= 2.0 else "MISSED"))
    if ours:
        for scenario, want in (("set 100B, 1 thread", 1.5), ("get 100B, 1 thread", 1.5), ("pipelined get, N=256", 3.0)):
            r = ratio("compiled", scenario, "ops_per_s")
            if r is not None:
                lines.append("%-44s %5.2fx  (target >= %.1fx) %s" % ("ours compiled ops/s, " + scenario, r, want,
                                                                    "ok" if r >= want else "MISSED"))
        cpu = [(ratio("compiled", s, "cpu_us_per_op"), s) for s in threaded]
        cpu = [(r, s) for r, s in cpu if r is not None]
        if cpu:
            worst = max(cpu)
            lines.append("%-44s %5.2fx  (target <= 0.5x) %s   worst: %s %.2fx" % (
                "ours compiled CPU/op, geom. mean (threaded)", _geomean([r for r, _ in cpu]),
                "ok" if worst[0] <= 0.5 else "MISSED", worst[1], worst[0]))
    pure = [(ratio("pure", s, "ops_per_s"), s) for s in scenarios]  # asyncio rows too
    pure = [(r, s) for r, s in pure if r is not None]
    if pure:
        slowest = min(pure)
        lines.append("%-44s %5.2fx  (target >= 1.0x) %s   slowest: %s" % (
            "ours pure ops/s, worst scenario", slowest[0], "ok" if slowest[0] >= 1.0 else "MISSED", slowest[1]))
    java = results.get("java")
    if java and ours:
        gap = [java[s]["ops_per_s"] / ours[s]["ops_per_s"] for s in scenarios
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
        matches = [s for s in SCENARIOS if token.lower() in s.lower()]
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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=3.0, help="measured seconds per scenario (default 3)")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds before each scenario (default 1)")
    parser.add_argument("--scenarios", default="",
                        help="'|'-separated scenario names or substrings, e.g. 'get 100B|N=256' (default: all)")
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
    if load_before > 1.0:
        log("WARNING: the machine is busy (load average %.1f on %d cores): results will be noisy"
            % (load_before, os.cpu_count() or 1))
    # Prepare everything that needs no member first.
    commands: Dict[str, tuple] = {}
    if "compiled" in clients or "pure" in clients:
        impls = ours_implementations()
        not_compiled = sorted(k for k, v in impls.items() if v != "compiled")
        if not_compiled and "compiled" in clients:
            note = ("ours compiled: NOT all hot paths are compiled (%s pure); build them with "
                    "'HAZELCAST_REQUIRE_SPEEDUPS=1 python3 setup.py build_ext --inplace'" % ", ".join(not_compiled))
            notes.append(note)
            log("WARNING: " + note)
    jar = member_jar()
    if "official" in clients:
        official_python = official_venv()
    if "java" in clients:
        java_cmd = java_command(jar)
    if "uvloop" in clients:
        uvloop_version = uvloop_available()
        if uvloop_version is None:
            note = "uvloop could not be installed: no uvloop rows"
            notes.append(note)
            log("WARNING: " + note)
            clients.remove("uvloop")
        else:
            LABELS["uvloop"] += " " + uvloop_version

    cluster = None
    results: Dict[str, Dict[str, dict]] = {}
    metas: Dict[str, dict] = {}
    failures: Dict[str, str] = {}
    try:
        cluster = Cluster(1, cluster_name=unique_cluster_name("perf"), jvm_profile="perf")
        address = cluster.client_config()["cluster_members"][0]
        log("member %s (cluster %s, Hazelcast %s) started in %.0f s"
            % (address, cluster.cluster_name, cluster.version, time.monotonic() - started))
        for client in clients:
            own = client_scenarios(client, scenarios)
            common = ["--address", address, "--cluster-name", cluster.cluster_name,
                      "--duration", str(args.duration), "--warmup", str(args.warmup),
                      "--scenarios", "|".join(own)]
            timeout = len(own) * (args.duration + args.warmup + PER_SCENARIO_SLACK) + 120
            output = os.path.join(CACHE_DIR, "result-%s.json" % client)
            if client in ("compiled", "pure", "uvloop"):
                cmd = [sys.executable, WORKER] + common + ["--output", output]
                if client == "uvloop":
                    cmd += ["--loop", "uvloop"]
                env, cwd = ours_env(pure=client == "pure", uvloop=client == "uvloop"), REPO_ROOT
            elif client == "official":
                # cwd and sys.path without the repository: the worker must import the
                # official package from the virtual environment, not ours.
                cmd = [official_python, WORKER] + common + ["--output", output]
                env, cwd = _clean_env(), os.path.dirname(os.path.dirname(official_python))
            else:
                cmd = java_cmd + common + ["--output", output]
                env, cwd = _clean_env(), CACHE_DIR
            log("running %s (%d scenarios)" % (LABELS[client], len(own)))
            try:
                data = run_client_process(client, cmd, env, cwd, output, len(own), timeout)
            except ClientRunFailed as e:
                failures[client] = str(e)
                log("ERROR: %s" % e)
                continue
            meta = data.get("meta", {})
            problem = check_client(client, meta)
            if problem:
                failures[client] = problem
                log("ERROR: " + problem)
                continue
            if client in ("compiled", "uvloop") and meta.get("speedups") and any(
                    v != "compiled" for v in meta["speedups"].values()):
                LABELS[client] = "ours (NOT compiled)" + (", uvloop" if client == "uvloop" else "")
            metas[client] = meta
            results[client] = data["results"]
    except KeyboardInterrupt:
        log("interrupted: stopping the member")
        return 130
    except HarnessError as e:
        log("ERROR: the member did not start: %s" % e)
        return 2
    finally:
        if cluster is not None:
            cluster.shutdown()

    load_after = os.getloadavg()[0]
    print()
    print("Hazelcast %s, 1 member (perf JVM flags) on 127.0.0.1; %d cores; %s %s; warm-up %g s + %g s per "
          "scenario; a fresh client per scenario" % (cluster.version, os.cpu_count() or 0,
                                                      platform.python_implementation(), platform.python_version(),
                                                      args.warmup, args.duration))
    print("load average (1 min) before the run: %.1f%s" % (
        load_before, "  <- other work on the machine: noisy results" if load_before > 1.0 else ""))
    print()
    print(render_table(results, clients, scenarios))
    print()
    print("put_all/get_all: ops = entries (1000 per call), latency per call; pipelined: latency per batch of N.")
    print("CPU us/op: the client process's CPU time (all threads) / ops. Ratios: vs the official Python client;")
    print("asyncio rows: vs the official asyncio client (hazelcast.asyncio), latency per awaited call.")
    print()
    print(render_targets(results, scenarios))
    for note in notes:
        print("NOTE: " + note)
    for client, problem in failures.items():
        lines = [l.strip() for l in problem.splitlines() if l.strip()]
        print("FAILED %s: %s" % (LABELS[client], lines[0]))
        if len(lines) > 1:
            print("       last log line: " + lines[-1][:300])

    report = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "member_version": cluster.version,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "scenarios": scenarios,
        "clients": {c: {"label": LABELS[c], "meta": metas.get(c), "results": results.get(c),
                        "error": failures.get(c)} for c in clients},
        "notes": notes,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "total_seconds": round(time.monotonic() - started, 1),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as f:
        json.dump(report, f, indent=1)
    print()
    print("raw results: %s (%.0f s in all)" % (os.path.relpath(args.output, REPO_ROOT), report["total_seconds"]))
    return 1 if failures else 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt()


def check_client(client: str, meta: dict) -> Optional[str]:
    """The worker imported the intended package, in the intended mode."""
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
    if client == "uvloop" and not any(l.startswith("uvloop") for l in meta.get("event_loops") or []):
        return "the uvloop run did not run on uvloop: %s" % meta.get("event_loops")
    return None


if __name__ == "__main__":
    sys.exit(main())
