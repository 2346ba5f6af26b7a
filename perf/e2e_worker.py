"""One client's side of the end-to-end benchmark: runs the scenarios, prints JSON.

Run by perf/e2e.py with the interpreter and import path of the client under test
(ours compiled, ours pure, or the official client from its own virtual
environment); it uses only API both clients share. The "asyncio ..." scenarios use
the asyncio client (`hazelcast.asyncio.HazelcastClient`, on the default event loop
or, with --loop uvloop, on uvloop), the others the threaded one.

Two modes: one-shot (--scenarios, then the JSON of all of them to --output or
stdout) and --serve, which perf/e2e.py uses: the process stays up and runs one
scenario per command read from stdin, so that the driver can interleave the
clients scenario by scenario and round by round. A command is a line of
tab-separated fields:

    run <TAB> scenario [<TAB> warm-up seconds <TAB> measured seconds]
    meta
    quit

and each answer one line "reply <JSON>": {"ok": true, "result": {...}} (or
"meta": {...}) or {"ok": false, "error": "..."}. Anything else the process
prints is log.

"3 members: X" is scenario X run against every member given in --address
(comma-separated); its result also holds "per_member": the connections and the
bytes sent to / received from each member during the measured run (from `ss`).
"""

import argparse
import asyncio
import gc
import json
import os
import platform
import subprocess
import sys
import threading
import time
import traceback

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


def queue_loop(q, value):
    """Offers one item and polls it back, again and again; each call is an op."""

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        offer, poll = q.offer, q.poll
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            offer(value)
            t1 = clock()
            poll()
            t2 = clock()
            lat.append(t1 - t)
            lat.append(t2 - t1)
            i += 2
        result.ops = i

    return body


# Scenarios on a Queue: given the blocking proxy of a fresh queue.
QUEUE_SCENARIOS = {
    "queue offer/poll 100B, 1 thread": lambda q: (queue_loop(q, VALUE_100B), 1),
}

def flake_id_loop(client):
    """new_id again and again; ids come from local batches (prefetch_count 100
    by default), so a run is mostly the client's own work. The clock is read
    once per 100 ids: the latencies are the mean of each 100.

    A member hands out 64 ids per ms per generator and runs at most 15 s ahead
    of its clock: past about a million ids a generator is held to 64,000 ids/s
    whatever the client does. So the loop moves to a fresh generator (a new
    name) every 100,000 ids, for every client alike."""
    prefix = "bench-ids-%d-%d-" % (os.getpid(), time.time_ns())
    generations = iter(range(10**9))  # shared by the warm-up and the measured run

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        steps = range(100)
        i = 0
        while True:
            new_id = client.get_flake_id_generator(prefix + str(next(generations))).blocking().new_id
            for _ in range(1000):
                t = clock()
                for _ in steps:
                    new_id()
                lat.append((clock() - t) / 100)
            i += 100000
            if clock() >= deadline:
                break
        result.ops = i

    return body


def pn_counter_loop(counter):
    """add_and_get(1) again and again (each call a round trip to a replica)."""

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        add_and_get = counter.add_and_get
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            add_and_get(1)
            lat.append(clock() - t)
            i += 1
        result.ops = i

    return body


def topic_loop(topic, value):
    """Publishes a message and waits until the client's own listener received it;
    each message is an op (its latency: publish to delivery)."""
    received = threading.Semaphore(0)
    topic.add_listener(lambda message: received.release())

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        publish, delivered = topic.publish, received.acquire
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            publish(value)
            if not delivered(timeout=30):
                raise RuntimeError("a published message was not delivered in 30 s")
            lat.append(clock() - t)
            i += 1
        result.ops = i

    return body


# Scenarios on other structures: given the client, (body, threads).
OBJECT_SCENARIOS = {
    "topic publish/receive 100B, 1 thread": lambda c: (
        topic_loop(c.get_topic("bench-topic-%d-%d" % (os.getpid(), time.time_ns())).blocking(), VALUE_100B), 1),
    "flake id new_id, 1 thread": lambda c: (flake_id_loop(c), 1),
    "pn counter add_and_get, 1 thread": lambda c: (pn_counter_loop(c.get_pn_counter("bench-counter").blocking()), 1),
}

def query_loop(m, groups):
    """values(equal("group", g)) on an indexed field, g cycling over the groups;
    each query (about entries/groups values) is an op."""
    from hazelcast.predicate import equal

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        values = m.values
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            got = values(equal("group", i % groups))
            lat.append(clock() - t)
            assert got, "the query found nothing"
            i += 1
        result.ops = i

    return body


# Entries of the query scenario's map (HZ_BENCH_QUERY_ENTRIES: a smaller count to
# check that the scenario runs); each group holds entries/QUERY_GROUPS of them.
QUERY_ENTRIES = int(os.environ.get("HZ_BENCH_QUERY_ENTRIES", "100000"))
QUERY_GROUPS = 1000


def _query_map(client):
    """The query map, filled once for every client (same entries, same index)."""
    from hazelcast.core import HazelcastJsonValue

    m = client.get_map("bench-query-%d" % QUERY_ENTRIES).blocking()
    m.add_index(attributes=["group"], index_type=1)  # HASH: equality lookups
    if m.size() != QUERY_ENTRIES:
        chunk = 5000
        for start in range(0, QUERY_ENTRIES, chunk):
            m.put_all({
                k: HazelcastJsonValue('{"id": %d, "group": %d, "name": "n%d"}' % (k, k % QUERY_GROUPS, k))
                for k in range(start, min(start + chunk, QUERY_ENTRIES))
            })
    return m


def near_cache_loop(m, value):
    """Gets of keys the Near Cache holds, every 10th op a set of a key never read
    (a round trip that leaves the cached keys alone): 90% of the ops are hits."""
    for k in range(KEYS):
        m.get(k)  # cached from now on

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        get = m.get
        set_ = m.set
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            if i % 10 == 9:
                set_(KEYS + i % KEYS, value)
            else:
                get(i % KEYS)
            lat.append(clock() - t)
            i += 1
        result.ops = i

    return body


def _near_cache_map(client):
    m = client.get_map("bench-near").blocking()
    m.put_all({k: VALUE_100B for k in range(KEYS)})
    return m


NEAR_CACHE_CONFIG = {"bench-near": {"eviction_max_size": 100000}}
NEAR_CACHE_SCENARIOS = {
    "near cache 90% hits, 1 thread": lambda c: (near_cache_loop(_near_cache_map(c), VALUE_100B), 1),
}

def sql_loop(client):
    """SELECT v FROM TABLE(generate_series(1, SQL_ROWS)), read row by row to the
    end with a cursor buffer of SQL_BUFFER rows; each row is an op, the latency
    that of one whole query."""
    sql = client.sql

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        rows = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            got = 0
            for row in sql.execute(SQL_QUERY, cursor_buffer_size=SQL_BUFFER).result():
                row.get_object_with_index(0)
                got += 1
            if got != SQL_ROWS:
                raise RuntimeError("the query returned %d rows, not %d" % (got, SQL_ROWS))
            lat.append(clock() - t)
            rows += got
        result.ops = rows

    return body


SQL_ROWS = 100000
SQL_BUFFER = 4096
SQL_QUERY = "SELECT v FROM TABLE(generate_series(1, %d))" % SQL_ROWS
SQL_SCENARIOS = {
    "sql select 100k rows, buffer 4096": lambda c: (sql_loop(c), 1),
}


def atomic_long_loop(counter):
    """increment_and_get() again and again on a CP IAtomicLong (each call a round
    trip to the CP group's leader)."""

    def body(result, deadline):
        clock = time.perf_counter
        lat = result.latencies
        increment_and_get = counter.increment_and_get
        i = 0
        while True:
            t = clock()
            if t >= deadline:
                break
            increment_and_get()
            lat.append(clock() - t)
            i += 1
        result.ops = i

    return body


# CP Subsystem scenarios, given the client: (body, threads). perf/e2e.py runs them
# on a 5.4.0 member (5.5+ Community members refuse CP).
CP_SCENARIOS = {
    "atomic long increment_and_get, 1 thread": lambda c: (
        atomic_long_loop(c.cp_subsystem.get_atomic_long("bench-atomic-long").blocking()), 1),
}

# Scenarios given the client: (body, threads).
QUERY_SCENARIOS = {
    "query indexed field, 100k entries": lambda c: (query_loop(_query_map(c), min(QUERY_GROUPS, QUERY_ENTRIES)), 1),
}

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
    "asyncio get, 100 tasks": lambda: (async_get_set_loop("get", VALUE_100B, 100), 100),
    "asyncio get, 1000 tasks": lambda: (async_get_set_loop("get", VALUE_100B, 1000), 1000),
}

# "3 members: X" is X against a 3-member cluster (perf/e2e.py starts it).
MULTI_MEMBER_PREFIX = "3 members: "


def base_scenario(name):
    return name[len(MULTI_MEMBER_PREFIX):] if name.startswith(MULTI_MEMBER_PREFIX) else name


def _socket_bytes(members):
    """{member address: [connections, bytes acked by it, bytes received from it]}
    of this process's established TCP connections, from `ss`; None if ss fails."""
    try:
        out = subprocess.run(["ss", "-tinpH", "state", "established"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    wanted = set(members)
    mine = "pid=%d," % os.getpid()
    found = {m: [0, 0, 0] for m in members}
    current = None
    for line in out.splitlines():
        if not line[:1].isspace():  # a socket line: Recv-Q Send-Q local peer users
            fields = line.split()
            current = None
            if mine in line and len(fields) >= 4:
                peer = next((f for f in fields[2:5] if f in wanted), None)
                if peer is not None:
                    current = found[peer]
                    current[0] += 1
        elif current is not None:  # its TCP info line
            for item in line.split():
                if item.startswith("bytes_acked:"):
                    current[1] += int(item.split(":")[1])
                elif item.startswith("bytes_received:"):
                    current[2] += int(item.split(":")[1])
    return found


def _measure(args, run, name):
    """Warm-up and measured run of one scenario (run(seconds) -> stats); the
    stats get the warm-up's ops/s and, for a multi-member scenario, the load per
    member over the measured run."""
    warm = run(args.warmup) if args.warmup > 0 else None
    multi = name.startswith(MULTI_MEMBER_PREFIX)
    before = _socket_bytes(args.members) if multi else None
    stats = run(args.duration)
    if warm is not None:
        stats["warmup_ops_per_s"] = warm["ops_per_s"]
    _add_per_member(stats, args.members, before)
    return stats


def _add_per_member(stats, members, before):
    if before is None:
        return
    after = _socket_bytes(members)
    if after is not None:
        stats["per_member"] = {m: {"connections": after[m][0], "bytes_sent": after[m][1] - before[m][1],
                                   "bytes_received": after[m][2] - before[m][2]} for m in members}

_EVENT_LOOPS = set()


async def _async_scenario(args, name):
    from hazelcast.asyncio import HazelcastClient as AsyncClient

    loop_type = type(asyncio.get_running_loop())
    _EVENT_LOOPS.add(loop_type.__module__ + "." + loop_type.__name__)
    # A client that cannot connect fails the scenario in 30 s instead of retrying
    # until the driver's watchdog kills the whole run.
    client = await AsyncClient.create_and_start(cluster_name=args.cluster_name, cluster_members=args.members,
                                                cluster_connect_timeout=30.0)
    try:
        m = await client.get_map("bench")
        await m.put_all({k: VALUE_100B for k in range(KEYS)})  # the same keys for every client
        body, tasks = ASYNC_SCENARIOS[base_scenario(name)]()
        warm = await _run_timed_async(args.warmup, body, m, tasks) if args.warmup > 0 else None
        multi = name.startswith(MULTI_MEMBER_PREFIX)
        before = _socket_bytes(args.members) if multi else None
        stats = await _run_timed_async(args.duration, body, m, tasks)
        if warm is not None:
            stats["warmup_ops_per_s"] = warm["ops_per_s"]
        _add_per_member(stats, args.members, before)
        return stats
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
    full_name, name = name, base_scenario(name)
    options = {"near_caches": NEAR_CACHE_CONFIG} if name in NEAR_CACHE_SCENARIOS else {}
    client = hazelcast.HazelcastClient(cluster_name=args.cluster_name, cluster_members=args.members, **options)
    try:
        if name in NEAR_CACHE_SCENARIOS:
            body, threads = NEAR_CACHE_SCENARIOS[name](client)
        elif name in OBJECT_SCENARIOS or name in QUERY_SCENARIOS or name in SQL_SCENARIOS or name in CP_SCENARIOS:
            body, threads = (OBJECT_SCENARIOS.get(name) or QUERY_SCENARIOS.get(name) or SQL_SCENARIOS.get(name)
                             or CP_SCENARIOS[name])(client)
        elif name in QUEUE_SCENARIOS:
            q = client.get_queue("bench-queue").blocking()
            q.clear()
            body, threads = QUEUE_SCENARIOS[name](q)
        else:
            small = "10KB" not in name
            m = client.get_map("bench" if small else "bench-10k")
            b = m.blocking()
            value = VALUE_100B if small else VALUE_10KB
            b.put_all({k: value for k in range(KEYS)})  # the same keys for every client
            body, threads = SCENARIOS[name](m, b)
        return _measure(args, lambda seconds: _run_timed(seconds, body, threads), full_name)
    finally:
        client.shutdown()


def run_one(args, name):
    gc.collect()  # no garbage of an earlier scenario collected during this one
    if base_scenario(name) in ASYNC_SCENARIOS:
        return run_async_scenario(args, name)
    return run_scenario(args, name)


def serve(args, known):
    """Runs the commands read from stdin (see the module's docstring)."""

    def reply(payload):
        sys.stdout.write("reply " + json.dumps(payload) + "\n")
        sys.stdout.flush()

    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        command = fields[0].strip()
        if not command:
            continue
        if command == "quit":
            break
        if command == "meta":
            reply({"ok": True, "meta": _meta()})
            continue
        if command != "run" or len(fields) not in (2, 4) or fields[1] not in known:
            reply({"ok": False, "error": "bad command %r" % line.strip()})
            continue
        name = fields[1]
        run_args = argparse.Namespace(**vars(args))
        if len(fields) == 4:
            run_args.warmup, run_args.duration = float(fields[2]), float(fields[3])
        try:
            result = run_one(run_args, name)
        except BaseException as e:  # the scenario failed; the next may still run
            traceback.print_exc()
            sys.stderr.flush()
            if isinstance(e, KeyboardInterrupt):
                raise
            reply({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
            continue
        print("done: " + name, file=sys.stderr, flush=True)
        reply({"ok": True, "result": result})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True, help="host:port of the members, comma-separated")
    parser.add_argument("--cluster-name", required=True)
    parser.add_argument("--duration", type=float, default=3.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--scenarios", default="", help="names separated by '|' (default: all)")
    parser.add_argument("--output", default=None, help="write the JSON here instead of stdout")
    parser.add_argument("--loop", choices=("asyncio", "uvloop"), default="asyncio",
                        help="event loop of the asyncio scenarios (default: asyncio's own)")
    parser.add_argument("--serve", action="store_true", help="run the commands read from stdin (see above)")
    args = parser.parse_args()
    args.members = [a.strip() for a in args.address.split(",") if a.strip()]

    known = (list(SCENARIOS) + list(QUEUE_SCENARIOS) + list(OBJECT_SCENARIOS) + list(QUERY_SCENARIOS)
             + list(NEAR_CACHE_SCENARIOS) + list(SQL_SCENARIOS) + list(CP_SCENARIOS) + list(ASYNC_SCENARIOS))
    known += [MULTI_MEMBER_PREFIX + s for s in known]
    if args.serve:
        serve(args, set(known))
        return
    wanted = [s for s in args.scenarios.split("|") if s] or [s for s in known if not s.startswith(MULTI_MEMBER_PREFIX)]
    unknown = [s for s in wanted if s not in known]
    if unknown:
        parser.error("unknown scenario(s) %s; known: %s" % (unknown, known))
    results = {}
    for name in wanted:
        results[name] = run_one(args, name)
        print("done: " + name, file=sys.stderr, flush=True)
    out = {"meta": _meta(), "results": results}
    if args.output:
        with open(args.output, "w") as f:
            json.dump(out, f)
    else:
        json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
