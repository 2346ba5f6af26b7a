"""Memory check: what our client holds for many proxies and pending invocations,
and that nothing grows across a million operations.

    python3 perf/memory.py [--proxies 1000] [--pending 10000] [--ops 1000000]
                           [--warmup-ops 100000] [--batch 256] [--keys 10000]
                           [--rss-tolerance-mb 5] [--objects-tolerance 0.005]
                           [--trace] [--pure]

Starts one Hazelcast member through the test harness (perf JVM flags, a fresh
cluster name), connects our client (this repository) in this process and:

1. measures RSS, gc-tracked objects and tracemalloc's traced memory with the client
   connected, after creating 1,000 map proxies and with 10,000 map get/set
   invocations pending at once (the member is paused with SIGSTOP while they are
   issued, so that none is answered before the measurement), and prints the cost
   of one proxy and of one pending invocation;
2. runs 1,000,000 pipelined map set/get operations (100-byte values, 10,000 keys)
   after a warm-up of 100,000, compares RSS and object counts (after
   gc.collect()) between the two points and checks that the client's internal
   tables are back to empty.

Exits 1 if a bound or a tolerance is exceeded, 2 if the member did not start.
The member is stopped at the end, also on Ctrl-C, SIGTERM or a failure.
See perf/README.md.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import platform
import signal
import sys
import time
from typing import Any, Dict, List, Optional

PERF_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(PERF_DIR)

VALUE_100B = "v" * 100

try:
    import tracemalloc
except ImportError:  # pragma: no cover - some interpreters lack it
    tracemalloc = None  # type: ignore[assignment]

# Bounds checked by phase 1 (see perf/README.md for how they were chosen): about
# twice what was measured, so that they catch a regression that doubles the cost,
# not allocator noise. With tracemalloc (CPython) they hold for the traced Python
# heap; without it (PyPy, --no-tracemalloc) for RSS, which also counts allocator
# slack and, on PyPy, objects the GC has not compacted yet.
DEFAULT_BOUNDS = {
    "traced": {"proxy": 8192, "pending": 1024},  # measured 4.7 KB, 0.52 KB (CPython 3.11)
    "RSS": {"proxy": 16384, "pending": 4096},  # measured 7.3 KB, 0.8 KB (CPython), 4.7 KB, 1.7 KB (PyPy 3.9)
}
# Internal tables that must be (almost) empty when no call is in flight: the
# client's own listeners (cluster view, partitions, backup acks, ...) and the
# periodic tasks (heartbeat, timeout sweep, statistics, ...) stay.
MAX_EVENT_HANDLERS = 8
MAX_SCHEDULED_TASKS = 16


def log(message: str) -> None:
    print(message, flush=True)


# -- measuring -----------------------------------------------------------------

def rss_bytes() -> int:
    """VmRSS of this process, from /proc (Linux)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def tracing() -> bool:
    return tracemalloc is not None and tracemalloc.is_tracing()


class Sample:
    """One measurement point, taken after a full collection."""

    def __init__(self, label: str, extra: str = ""):
        gc.collect()
        self.label = label
        self.extra = extra
        self.rss = rss_bytes()
        self.objects = len(gc.get_objects())
        self.traced: Optional[int] = None
        self.traced_peak: Optional[int] = None
        self.tracer_overhead = 0
        if tracing():
            self.traced, self.traced_peak = tracemalloc.get_traced_memory()
            # tracemalloc's own bookkeeping is in the RSS too; taken out of the
            # RSS deltas below so that they show what the client would use alone.
            self.tracer_overhead = tracemalloc.get_tracemalloc_memory()

    @property
    def rss_net(self) -> int:
        return self.rss - self.tracer_overhead


def mb(value: float) -> str:
    return "%.2f MB" % (value / 1e6)


def print_samples(samples: List[Sample]) -> None:
    header = ["point", "RSS", "RSS net", "gc objects", "traced", "traced peak", ""]
    rows = [header]
    for s in samples:
        rows.append([
            s.label, mb(s.rss), mb(s.rss_net), "{:,}".format(s.objects),
            mb(s.traced) if s.traced is not None else "-",
            mb(s.traced_peak) if s.traced_peak is not None else "-",
            s.extra,
        ])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for n, r in enumerate(rows):
        log("  " + "  ".join(c.ljust(widths[i]) if i in (0, 6) else c.rjust(widths[i]) for i, c in enumerate(r)))
        if n == 0:
            log("  " + "  ".join("-" * w for w in widths))
    log("  (RSS net: RSS minus tracemalloc's own bookkeeping; traced: Python heap allocations"
        " made since tracing started)")


def per_item(before: Sample, after: Sample, count: int) -> Dict[str, Optional[float]]:
    return {
        "rss": (after.rss_net - before.rss_net) / count,
        "objects": (after.objects - before.objects) / count,
        "traced": (after.traced - before.traced) / count if after.traced is not None and before.traced is not None
        else None,
    }


def fmt_per_item(name: str, values: Dict[str, Optional[float]]) -> str:
    traced = "%.0f B traced" % values["traced"] if values["traced"] is not None else "no tracemalloc"
    return "%s: %s, %.0f B RSS, %.1f gc objects" % (name, traced, values["rss"], values["objects"])


def type_counts() -> collections.Counter:
    gc.collect()
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


# -- the client's internal tables ------------------------------------------------

def _attr(obj: Any, name: str) -> Any:
    # Private attributes: a refactoring that renames one must fail this check
    # loudly, not make it pass by looking at nothing.
    try:
        return getattr(obj, name)
    except AttributeError:
        raise RuntimeError("cannot inspect the client: %s has no attribute %r (update perf/memory.py)"
                           % (type(obj).__name__, name)) from None


def internal_state(client: Any) -> Dict[str, int]:
    """Sizes of the client's tables that must not grow with the number of calls."""
    invocations = _attr(client, "_invocation_service")
    connections = list(_attr(_attr(client, "_connection_manager"), "_all_connections").values())
    state = {
        "pending invocations": invocations.pending_count(),
        "invocations waiting for backups": len(_attr(invocations, "_waiting_backups")),
        "event handlers": len(_attr(invocations, "_event_handlers")),
        "connections": len(connections),
        "queued writes (all connections)": sum(len(_attr(c, "_write_queue")) for c in connections),
        "scheduled tasks": len(_attr(_attr(client, "_scheduler"), "_heap")),
        "proxies": len(_attr(_attr(client, "_proxy_manager"), "_proxies")),
    }
    return state


def wait_quiet(client: Any, timeout: float = 5.0) -> Dict[str, int]:
    """The internal state once in-flight work (a timed flush, a late response) settled."""
    deadline = time.monotonic() + timeout
    while True:
        state = internal_state(client)
        quiet = (state["pending invocations"] == 0 and state["queued writes (all connections)"] == 0
                 and state["invocations waiting for backups"] == 0)
        if quiet or time.monotonic() >= deadline:
            return state
        time.sleep(0.05)


def check_state(state: Dict[str, int], baseline: Dict[str, int]) -> List[str]:
    problems = []
    for key in ("pending invocations", "invocations waiting for backups", "queued writes (all connections)"):
        if state[key] != 0:
            problems.append("%s: %d, expected 0" % (key, state[key]))
    if state["event handlers"] > MAX_EVENT_HANDLERS:
        problems.append("event handlers: %d, expected <= %d" % (state["event handlers"], MAX_EVENT_HANDLERS))
    if state["scheduled tasks"] > MAX_SCHEDULED_TASKS:
        problems.append("scheduled tasks: %d, expected <= %d" % (state["scheduled tasks"], MAX_SCHEDULED_TASKS))
    for key in ("event handlers", "connections", "proxies"):
        if state[key] != baseline[key]:
            problems.append("%s: %d, was %d after the warm-up" % (key, state[key], baseline[key]))
    return problems


# -- phase 1: proxies and pending invocations --------------------------------------

class MemberPause:
    """Pauses the member's JVM (SIGSTOP) so that requests stay unanswered; resumes it
    on exit, whatever happens."""

    def __init__(self, member: Any):
        self.pid = getattr(member, "pid", None)

    def __enter__(self) -> "MemberPause":
        if self.pid:
            os.kill(self.pid, signal.SIGSTOP)
            self._wait_stopped()
        return self

    def _wait_stopped(self, timeout: float = 5.0) -> None:
        # The signal stops the JVM's threads asynchronously: one may still send a
        # response unless every thread is seen stopped first.
        deadline = time.monotonic() + timeout
        task_dir = "/proc/%d/task" % self.pid
        while time.monotonic() < deadline:
            try:
                states = []
                for tid in os.listdir(task_dir):
                    with open(os.path.join(task_dir, tid, "stat")) as f:
                        states.append(f.read().rsplit(")", 1)[1].split()[0])
            except OSError:
                return  # no /proc: best effort
            if all(state in ("T", "t") for state in states):
                return
            time.sleep(0.001)

    def __exit__(self, *exc: Any) -> None:
        if self.pid:
            os.kill(self.pid, signal.SIGCONT)


def phase_proxies_and_pending(client: Any, member: Any, args: argparse.Namespace) -> List[str]:
    problems: List[str] = []
    samples = []
    connected = Sample("client connected")
    samples.append(connected)

    proxies = [client.get_map("m-%d" % i) for i in range(args.proxies)]
    with_proxies = Sample("+ %s map proxies" % "{:,}".format(args.proxies))
    samples.append(with_proxies)

    m = client.get_map("memory-pending")
    m.set(0, VALUE_100B).result()  # the partition table and the map exist before measuring
    before = Sample("before the pending calls")
    samples.append(before)
    pause = MemberPause(member)
    with pause:
        futures = [m.set(i, VALUE_100B) if i % 2 == 0 else m.get(i) for i in range(args.pending)]
        in_flight = client._invocation_service.pending_count()
        pending = Sample("+ %s calls issued" % "{:,}".format(args.pending),
                         "%d of them pending at the measurement%s"
                         % (in_flight, "" if pause.pid else " (member not paused: no pid)"))
        samples.append(pending)
    waited = time.monotonic()
    for f in futures:
        f.result()
    waited = time.monotonic() - waited
    del futures, f
    state = wait_quiet(client)
    answered = Sample("all answered, futures dropped", "waited %.2f s" % waited)
    samples.append(answered)

    print_samples(samples)
    proxy_cost = per_item(connected, with_proxies, args.proxies)
    pending_cost = per_item(before, pending, max(in_flight, 1))
    log("")
    log("  " + fmt_per_item("per map proxy", proxy_cost))
    log("  " + fmt_per_item("per pending invocation", pending_cost)
        + "  (request, invocation, future, the caller's list slot)")
    total = with_proxies.rss_net - connected.rss_net + pending.rss_net - before.rss_net
    log("  %s proxies + %s pending invocations: %s RSS above the connected client (%s RSS net in all)"
        % ("{:,}".format(args.proxies), "{:,}".format(in_flight), mb(total), mb(pending.rss_net)))

    # The bounds hold for the precise number (tracemalloc) when there is one; RSS
    # moves in allocator arenas and is shown, not checked, for these small counts.
    for name, key, cost, bound in (("map proxy", "proxy", proxy_cost, args.max_proxy_bytes),
                                   ("pending invocation", "pending", pending_cost, args.max_pending_bytes)):
        value = cost["traced"] if cost["traced"] is not None else cost["rss"]
        kind = "traced" if cost["traced"] is not None else "RSS"
        if bound is None:
            bound = DEFAULT_BOUNDS[kind][key]
        verdict = "ok" if value <= bound else "EXCEEDED"
        log("  bound: %s %.0f B %s <= %d B: %s" % (name, value, kind, bound, verdict))
        if value > bound:
            problems.append("one %s costs %.0f B (%s), above the bound of %d B" % (name, value, kind, bound))
    if pause.pid and in_flight < args.pending:
        problems.append("only %d of %d calls were pending while the member was paused" % (in_flight, args.pending))
    # Answered and dropped, the calls must leave nothing behind (a few objects of
    # the measuring itself aside).
    left = answered.objects - before.objects
    log("  after all were answered: %+d gc objects vs before the calls (limit %d): %s"
        % (left, args.pending // 100, "ok" if left <= args.pending // 100 else "EXCEEDED"))
    if left > args.pending // 100:
        problems.append("%d gc objects left behind by %d answered calls" % (left, args.pending))
    if state["pending invocations"] or state["queued writes (all connections)"]:
        problems.append("after the pending calls were answered: %s" % state)
    del proxies
    return problems


# -- phase 2: a million operations -----------------------------------------------------

def run_ops(m: Any, start: int, count: int, batch: int, keys: int) -> None:
    """``count`` operations, alternately set(k, 100 B) and get(k), in pipelined batches."""
    value = VALUE_100B
    map_set = m.set
    map_get = m.get
    end = start + count
    i = start
    while i < end:
        stop = min(i + batch, end)
        futures = [map_set((j >> 1) % keys, value) if j & 1 == 0 else map_get((j >> 1) % keys)
                   for j in range(i, stop)]
        for f in futures:
            f.result()
        i = stop


def phase_million(client: Any, args: argparse.Namespace) -> List[str]:
    problems: List[str] = []
    m = client.get_map("memory-ops")
    type_counts()  # its first call leaves caches (abc weak references) behind
    t0 = time.monotonic()
    run_ops(m, 0, args.warmup_ops, args.batch, args.keys)
    warmup_s = time.monotonic() - t0
    baseline_state = wait_quiet(client)
    snapshot_before = tracemalloc.take_snapshot() if tracing() else None
    types_before = type_counts()
    after_warmup = Sample("after %s warm-up ops" % "{:,}".format(args.warmup_ops),
                          "%.1f s, %.0f ops/s" % (warmup_s, args.warmup_ops / warmup_s))

    t0 = time.monotonic()
    run_ops(m, args.warmup_ops, args.ops, args.batch, args.keys)
    run_s = time.monotonic() - t0
    state = wait_quiet(client)
    after_run = Sample("after %s more ops" % "{:,}".format(args.ops),
                       "%.1f s, %.0f ops/s" % (run_s, args.ops / run_s))
    types_after = type_counts()

    print_samples([after_warmup, after_run])
    rss_growth = after_run.rss_net - after_warmup.rss_net
    obj_growth = after_run.objects - after_warmup.objects
    obj_fraction = obj_growth / after_warmup.objects
    rss_ok = rss_growth < args.rss_tolerance_mb * 1e6
    obj_ok = obj_fraction < args.objects_tolerance
    log("")
    log("  RSS growth: %s (%.2f B per op); tolerance < %g MB: %s"
        % (mb(rss_growth), rss_growth / args.ops, args.rss_tolerance_mb, "ok" if rss_ok else "EXCEEDED"))
    log("  gc object growth: %+d (%+.3f%%, %.5f per op); tolerance < %g%%: %s"
        % (obj_growth, obj_fraction * 100, obj_growth / args.ops, args.objects_tolerance * 100,
           "ok" if obj_ok else "EXCEEDED"))
    if after_run.traced is not None and after_warmup.traced is not None:
        log("  traced memory growth: %s" % mb(after_run.traced - after_warmup.traced))
    if not rss_ok:
        problems.append("RSS grew by %s across %d ops" % (mb(rss_growth), args.ops))
    if not obj_ok:
        problems.append("gc objects grew by %d (%.3f%%) across %d ops" % (obj_growth, obj_fraction * 100, args.ops))

    growers = [(n, types_after[n] - types_before.get(n, 0)) for n in types_after]
    growers = sorted((g for g in growers if g[1] > 0), key=lambda g: -g[1])[:8]
    log("  top gc type growers: %s" % (", ".join("%s %+d" % g for g in growers) or "none"))
    if snapshot_before is not None:
        stats = tracemalloc.take_snapshot().compare_to(snapshot_before, "lineno")
        log("  top tracemalloc growers (by line):")
        for stat in stats[:10]:
            log("    %s" % stat)

    log("")
    log("  internal tables after the run: " + ", ".join("%s %d" % kv for kv in state.items()))
    state_problems = check_state(state, baseline_state)
    log("  internal tables back to empty: %s" % ("ok" if not state_problems else "; ".join(state_problems)))
    problems.extend(state_problems)
    return problems


# -- main ----------------------------------------------------------------------

def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be > 0, got %r" % text)
    return value


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proxies", type=_positive_int, default=1000, help="map proxies to create (default 1000)")
    parser.add_argument("--pending", type=_positive_int, default=10000,
                        help="invocations pending at once (default 10000)")
    parser.add_argument("--ops", type=_positive_int, default=1000000,
                        help="operations measured for growth (default 1000000)")
    parser.add_argument("--warmup-ops", type=_positive_int, default=100000,
                        help="operations before the baseline (default 100000)")
    parser.add_argument("--batch", type=_positive_int, default=256, help="futures per pipelined batch (default 256)")
    parser.add_argument("--keys", type=_positive_int, default=10000, help="distinct keys (default 10000)")
    parser.add_argument("--rss-tolerance-mb", type=float, default=5.0,
                        help="allowed RSS growth across --ops, MB (default 5)")
    parser.add_argument("--objects-tolerance", type=float, default=0.005,
                        help="allowed gc object count growth across --ops, as a fraction (default 0.005)")
    parser.add_argument("--max-proxy-bytes", type=float, default=None,
                        help="bound on one map proxy's memory (default %(traced)d traced, %(RSS)d by RSS)"
                        % {k: v["proxy"] for k, v in DEFAULT_BOUNDS.items()})
    parser.add_argument("--max-pending-bytes", type=float, default=None,
                        help="bound on one pending invocation's memory (default %(traced)d traced, %(RSS)d by RSS)"
                        % {k: v["pending"] for k, v in DEFAULT_BOUNDS.items()})
    parser.add_argument("--trace", action="store_true",
                        help="keep tracemalloc on during the million operations too (slower; "
                             "prints the top growing source lines)")
    parser.add_argument("--no-tracemalloc", action="store_true", help="never start tracemalloc")
    parser.add_argument("--pure", action="store_true", help="use the pure-Python paths (HAZELCAST_NO_SPEEDUPS=1)")
    return parser.parse_args(argv)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt()


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    if args.pure:
        os.environ["HAZELCAST_NO_SPEEDUPS"] = "1"
    sys.path.insert(0, REPO_ROOT)
    sys.path.insert(0, os.path.join(REPO_ROOT, "tests"))
    import hazelcast
    import hazelcast.speedups
    from harness import HarnessError, start_cluster
    from harness.cluster import unique_cluster_name

    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.monotonic()
    log("%s %s; hazelcast from %s; speedups: %s" % (
        platform.python_implementation(), platform.python_version(),
        os.path.dirname(hazelcast.__file__), hazelcast.speedups.implementations()))

    cluster = None
    client = None
    problems: List[str] = []
    try:
        try:
            cluster = start_cluster(1, cluster_name=unique_cluster_name("memory"), jvm_profile="perf")
        except HarnessError as e:
            log("ERROR: the member did not start: %s" % e)
            return 2
        log("member started (Hazelcast %s, cluster %s) in %.0f s"
            % (cluster.version, cluster.cluster_name, time.monotonic() - started))
        client = hazelcast.HazelcastClient(**cluster.client_config())
        if tracemalloc is not None and not args.no_tracemalloc:
            tracemalloc.start()
        log("")
        log("1. %s proxies and %s pending invocations" % ("{:,}".format(args.proxies), "{:,}".format(args.pending)))
        problems += phase_proxies_and_pending(client, cluster.members[0], args)
        if tracing() and not args.trace:
            tracemalloc.stop()  # it would slow the million operations down several times
        log("")
        log("2. %s operations (set/get alternately, 100 B values, %s keys, batches of %d) after %s warm-up ops"
            % ("{:,}".format(args.ops), "{:,}".format(args.keys), args.batch, "{:,}".format(args.warmup_ops)))
        problems += phase_million(client, args)
    except KeyboardInterrupt:
        log("interrupted: stopping the member")
        return 130
    finally:
        if client is not None:
            client.shutdown()
        if cluster is not None:
            cluster.shutdown()
    log("")
    if problems:
        for p in problems:
            log("FAILED: " + p)
    else:
        log("PASSED: within the bounds and tolerances")
    log("(%.0f s in all)" % (time.monotonic() - started))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
