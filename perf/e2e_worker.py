"""One client's side of the end-to-end benchmark: runs the scenarios, prints JSON.

Run by perf/e2e.py with the interpreter and import path of the client under test
(ours compiled, ours pure, or the official client from its own virtual
environment); it uses only API both clients share. The "asyncio ..." scenarios use
the asyncio client (`hazelcast.asyncio.HazelcastClient`, on the default event loop
or, with --loop uvloop, on uvloop), the others the threaded one.
"""

import argparse
import asyncio
import json
import platform
import sys
import threading
import time

import hazelcast

VALUE_100B = "v" * 100
VALUE_10KB = "w" * 10240
KEYS = 1000


def _stats(results, elapsed, cpu):
    """ops/s, latency percentiles and CPU per op of one timed scenario."""
    ops = sum(r.ops for r in results)
    latencies = sorted(l for r in results for l in r.latencies)
    return {
        "ops_per_s": ops / elapsed,
        "p50_us": _percentile(latencies, 0.50) * 1e6,
        "p99_us": _percentile(latencies, 0.99) * 1e6,
        "cpu_us_per_op": cpu / ops * 1e6 if ops else 0.0,
        "ops": ops,
    }


def _percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, int(fraction * len(sorted_values)))
    return sorted_values[index]


class Result:
    def __init__(self):
        self.ops = 0
        self.latencies = []


def _run_timed(duration, body, threads=1):
    """Runs body(result, deadline) on `threads` threads; returns stats."""
    results = [Result() for _ in range(threads)]
    deadline_box = []
    barrier = threading.Barrier(threads + 1)

    def worker(result):
        barrier.wait()
        body(result, deadline_box[0])

    workers = [threading.Thread(target=worker, args=(r,)) for r in results]
    for w in workers:
        w.start()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    deadline_box.append(t0 + duration)
    barrier.wait()
    for w in workers:
        w.join()
    return _stats(results, time.perf_counter() - t0, time.process_time() - cpu0)


def blocking_loop(m, op, value):
    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        i = 0
        if op == "set":
            call = m.set
            while True:
                t = clock()
                if t >= deadline:
                    break
                call(i % KEYS, value)
                lat.append(clock() - t)
                i += 1
        else:
            call = m.get
            while True:
                t = clock()
                if t >= deadline:
                    break
                call(i % KEYS)
                lat.append(clock() - t)
                i += 1
        result.ops = i

    return body


def pipelined_loop(m, depth):
    def body(result, deadline):
        clock = time.perf_counter
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            futures = [m.get((i + j) % KEYS) for j in range(depth)]
            for f in futures:
                f.result()
            result.latencies.append(clock() - t)
            i += depth
        result.ops = i

    return body


def batch_loop(m, op):
    entries = {k: VALUE_100B for k in range(KEYS)}
    keys = list(range(KEYS))

    def body(result, deadline):
        clock = time.perf_counter
        n = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            if op == "put_all":
                m.put_all(entries)
            else:
                got = m.get_all(keys)
                assert len(got) == KEYS
            result.latencies.append(clock() - t)
            n += KEYS
        result.ops = n

    return body


SCENARIOS = {
    "set 100B, 1 thread": lambda m, b: (blocking_loop(b, "set", VALUE_100B), 1),
    "get 100B, 1 thread": lambda m, b: (blocking_loop(b, "get", VALUE_100B), 1),
    "set 100B, 8 threads": lambda m, b: (blocking_loop(b, "set", VALUE_100B), 8),
    "get 100B, 8 threads": lambda m, b: (blocking_loop(b, "get", VALUE_100B), 8),
    "pipelined get, N=1": lambda m, b: (pipelined_loop(m, 1), 1),
    "pipelined get, N=16": lambda m, b: (pipelined_loop(m, 16), 1),
    "pipelined get, N=256": lambda m, b: (pipelined_loop(m, 256), 1),
    "put_all 1000": lambda m, b: (batch_loop(b, "put_all"), 1),
    "get_all 1000": lambda m, b: (batch_loop(b, "get_all"), 1),
    "set 10KB, 1 thread": lambda m, b: (blocking_loop(b, "set", VALUE_10KB), 1),
    "get 10KB, 1 thread": lambda m, b: (blocking_loop(b, "get", VALUE_10KB), 1),
}


# -- asyncio scenarios -----------------------------------------------------------

ASYNC_TASKS_MANY = 256


def async_get_set_loop(op, value, stride):
    """One task's loop: awaits m.get(k) / m.set(k, v) one after another."""

    async def body(m, result, deadline, first_key):
        clock = time.perf_counter
        lat = result.latencies
        i = 0
        k = first_key
        if op == "set":
            call = m.set
            while True:
                t = clock()
                if t >= deadline:
                    break
                await call(k % KEYS, value)
                lat.append(clock() - t)
                i += 1
                k += stride
        else:
            call = m.get
            while True:
                t = clock()
                if t >= deadline:
                    break
                await call(k % KEYS)
                lat.append(clock() - t)
                i += 1
                k += stride
        result.ops = i

    return body


async def _run_timed_async(duration, body, m, tasks):
    """Runs body(m, result, deadline, first_key) as `tasks` concurrent tasks
    (asyncio.gather); returns the same stats as _run_timed."""
    results = [Result() for _ in range(tasks)]
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    deadline = t0 + duration
    await asyncio.gather(*(body(m, r, deadline, j) for j, r in enumerate(results)))
    return _stats(results, time.perf_counter() - t0, time.process_time() - cpu0)


# Each task starts at its own key and steps by the number of tasks: together the
# tasks walk the keys as one loop would.
ASYNC_SCENARIOS = {
    "asyncio set, 1 task": lambda: (async_get_set_loop("set", VALUE_100B, 1), 1),
    "asyncio get, 1 task": lambda: (async_get_set_loop("get", VALUE_100B, 1), 1),
    "asyncio get, 256 tasks": lambda: (async_get_set_loop("get", VALUE_100B, ASYNC_TASKS_MANY), ASYNC_TASKS_MANY),
}

_EVENT_LOOPS = set()


async def _async_scenario(args, name):
    from hazelcast.asyncio import HazelcastClient as AsyncClient

    loop_type = type(asyncio.get_running_loop())
    _EVENT_LOOPS.add(loop_type.__module__ + "." + loop_type.__name__)
    # A client that cannot connect fails the scenario in 30 s instead of retrying
    # until the driver's watchdog kills the whole run.
    client = await AsyncClient.create_and_start(cluster_name=args.cluster_name, cluster_members=[args.address],
                                                cluster_connect_timeout=30.0)
    try:
        m = await client.get_map("bench")
        await m.put_all({k: VALUE_100B for k in range(KEYS)})  # the same keys for every client
        body, tasks = ASYNC_SCENARIOS[name]()
        await _run_timed_async(args.warmup, body, m, tasks)
        return await _run_timed_async(args.duration, body, m, tasks)
    finally:
        await client.shutdown()


def run_async_scenario(args, name):
    """One asyncio scenario with a fresh client on a fresh event loop."""
    if args.loop == "uvloop":
        import uvloop

        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    try:
        asyncio.set_event_loop(loop)
        return loop.run_until_complete(_async_scenario(args, name))
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def _meta():
    """What runs: lets perf/e2e.py check that the intended client was imported."""
    meta = {
        "hazelcast_file": hazelcast.__file__,
        "version": getattr(hazelcast, "__version__", None) or getattr(hazelcast, "CLIENT_VERSION", None),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
    }
    try:
        import hazelcast.speedups as speedups
    except ImportError:  # the official client has no speedups module
        meta["speedups"] = None
    else:
        meta["speedups"] = speedups.implementations()
    meta["event_loops"] = sorted(_EVENT_LOOPS)
    return meta


def run_scenario(args, name):
    """One scenario with a fresh client, so that none inherits another's state
    (e.g. a reactor left in a slow mode by an earlier multi-threaded run)."""
    client = hazelcast.HazelcastClient(cluster_name=args.cluster_name, cluster_members=[args.address])
    try:
        small = "10KB" not in name
        m = client.get_map("bench" if small else "bench-10k")
        b = m.blocking()
        value = VALUE_100B if small else VALUE_10KB
        b.put_all({k: value for k in range(KEYS)})  # the same keys for every client
        body, threads = SCENARIOS[name](m, b)
        _run_timed(args.warmup, body, threads)
        return _run_timed(args.duration, body, threads)
    finally:
        client.shutdown()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True)
    parser.add_argument("--cluster-name", required=True)
    parser.add_argument("--duration", type=float, default=3.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--scenarios", default="", help="names separated by '|' (default: all)")
    parser.add_argument("--output", default=None, help="write the JSON here instead of stdout")
    parser.add_argument("--loop", choices=("asyncio", "uvloop"), default="asyncio",
                        help="event loop of the asyncio scenarios (default: asyncio's own)")
    args = parser.parse_args()

    known = list(SCENARIOS) + list(ASYNC_SCENARIOS)
    wanted = [s for s in args.scenarios.split("|") if s] or known
    unknown = [s for s in wanted if s not in known]
    if unknown:
        parser.error("unknown scenario(s) %s; known: %s" % (unknown, known))
    results = {}
    for name in wanted:
        if name in ASYNC_SCENARIOS:
            results[name] = run_async_scenario(args, name)
        else:
            results[name] = run_scenario(args, name)
        print("done: " + name, file=sys.stderr, flush=True)
    out = {"meta": _meta(), "results": results}
    if args.output:
        with open(args.output, "w") as f:
            json.dump(out, f)
    else:
        json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
