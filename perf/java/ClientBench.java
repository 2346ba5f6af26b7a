import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.collection.IQueue;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.IAtomicLong;
import com.hazelcast.crdt.pncounter.PNCounter;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlStatement;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Java client's side of the end-to-end benchmark (the ceiling the Python
 * clients are compared with). It mirrors perf/e2e_worker.py: the same scenario
 * names, maps, keys (Integer 0..999, as Python ints serialize) and values
 * (String), a fresh client per scenario, a warm-up and then a fixed duration.
 *
 * Usage: java -cp hazelcast.jar:classes ClientBench --address host:port[,host:port...]
 *        --cluster-name NAME [--duration S] [--warmup S] [--scenarios a|b] [--output FILE]
 *        [--serve true]
 *
 * With --serve true it runs the commands read from stdin, as e2e_worker.py --serve
 * does: "run TAB scenario", "meta" or "quit", one a line; each answer is one
 * line "reply {JSON}". "3 members: X" is scenario X (the driver points it at a
 * 3-member cluster).
 */
public final class ClientBench {
    static final int KEYS = 1000;
    static final String VALUE_100B = "v".repeat(100);
    static final String VALUE_10KB = "w".repeat(10240);

    // Held so that the level set below is not lost when the logger is collected.
    static final Logger HZ_LOGGER = Logger.getLogger("com.hazelcast");

    static final String[] ALL_SCENARIOS = {
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
        "queue offer/poll 100B, 1 thread",
        "flake id new_id, 1 thread",
        "pn counter add_and_get, 1 thread",
        "topic publish/receive 100B, 1 thread",
        "near cache 90% hits, 1 thread",
        "sql select 100k rows, buffer 4096",
        "atomic long increment_and_get, 1 thread",
    };

    static final String NEAR_CACHE_SCENARIO = "near cache 90% hits, 1 thread";

    static final String MULTI_MEMBER_PREFIX = "3 members: ";
    static final int SQL_ROWS = 100000;
    static final String SQL_QUERY = "SELECT v FROM TABLE(generate_series(1, " + SQL_ROWS + "))";

    /** Operations and latencies (ns) of one thread; grows without boxing. */
    static final class Recorder {
        long ops;
        long[] latencies = new long[1 << 16];
        int count;

        void add(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    interface Body {
        void run(Recorder recorder, long deadline) throws Exception;
    }

    static final class Scenario {
        final Body body;
        final int threads;

        Scenario(Body body, int threads) {
            this.body = body;
            this.threads = threads;
        }
    }

    /** One call of a timed loop: the loop's i-th operation. */
    interface Op {
        void run(long i) throws Exception;
    }

    /** Runs op(0), op(1)... until the deadline, each call an op with its latency. */
    static Body timed(Op op) {
        return (r, deadline) -> {
            long i = 0;
            while (true) {
                long t = System.nanoTime();
                if (t >= deadline) {
                    break;
                }
                op.run(i);
                r.add(System.nanoTime() - t);
                i++;
            }
            r.ops = i;
        };
    }

    static Body blocking(IMap<Integer, String> map, boolean set, String value) {
        return timed(i -> {
            Integer key = (int) (i % KEYS);
            if (set) {
                map.set(key, value);
            } else {
                map.get(key);
            }
        });
    }

    static Body pipelined(IMap<Integer, String> map, int depth) {
        return (r, deadline) -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<String>[] futures = new CompletableFuture[depth];
            long i = 0;
            while (true) {
                long t = System.nanoTime();
                if (t >= deadline) {
                    break;
                }
                for (int j = 0; j < depth; j++) {
                    // The stage is the client's own CompletableFuture; its
                    // toCompletableFuture() would add a copy completed through the
                    // async pool, which on 2 cores is a new thread per completion.
                    futures[j] = (CompletableFuture<String>) map.getAsync((int) ((i + j) % KEYS));
                }
                for (int j = 0; j < depth; j++) {
                    futures[j].join();
                }
                r.add(System.nanoTime() - t);
                i += depth;
            }
            r.ops = i;
        };
    }

    static Body batch(IMap<Integer, String> map, boolean putAll) {
        Map<Integer, String> entries = new HashMap<>();
        Set<Integer> keys = new HashSet<>();
        for (int k = 0; k < KEYS; k++) {
            entries.put(k, VALUE_100B);
            keys.add(k);
        }
        return (r, deadline) -> {
            long n = 0;
            while (true) {
                long t = System.nanoTime();
                if (t >= deadline) {
                    break;
                }
                if (putAll) {
                    map.putAll(entries);
                } else {
                    Map<Integer, String> got = map.getAll(keys);
                    if (got.size() != KEYS) {
                        throw new IllegalStateException("getAll returned " + got.size() + " entries, expected " + KEYS);
                    }
                }
                r.add(System.nanoTime() - t);
                n += KEYS;
            }
            r.ops = n;
        };
    }

    static Body sql(HazelcastInstance client) {
        return (r, deadline) -> {
            long rows = 0;
            while (true) {
                long t = System.nanoTime();
                if (t >= deadline) {
                    break;
                }
                long got = 0;
                SqlStatement statement = new SqlStatement(SQL_QUERY).setCursorBufferSize(4096);
                try (SqlResult result = client.getSql().execute(statement)) {
                    for (SqlRow row : result) {
                        row.getObject(0);
                        got++;
                    }
                }
                if (got != SQL_ROWS) {
                    throw new IllegalStateException("the query returned " + got + " rows, not " + SQL_ROWS);
                }
                r.add(System.nanoTime() - t);
                rows += got;
            }
            r.ops = rows;
        };
    }

    static Body atomicLong(IAtomicLong counter) {
        return timed(i -> counter.incrementAndGet());
    }

    static Body queue(IQueue<String> q, String value) {
        return (r, deadline) -> {
            long i = 0;
            while (true) {
                long t = System.nanoTime();
                if (t >= deadline) {
                    break;
                }
                q.offer(value);
                long t1 = System.nanoTime();
                q.poll();
                long t2 = System.nanoTime();
                r.add(t1 - t);
                r.add(t2 - t1);
                i += 2;
            }
            r.ops = i;
        };
    }

    /** As e2e_worker.flake_id_loop: a fresh generator every 100,000 ids, the clock read per 100. */
    static Body flakeIds(HazelcastInstance client) {
        String prefix = "bench-ids-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
        long[] generation = new long[1];
        return (r, deadline) -> {
            long i = 0;
            while (true) {
                FlakeIdGenerator generator = client.getFlakeIdGenerator(prefix + generation[0]++);
                for (int j = 0; j < 1000; j++) {
                    long t = System.nanoTime();
                    for (int k = 0; k < 100; k++) {
                        generator.newId();
                    }
                    r.add((System.nanoTime() - t) / 100);
                }
                i += 100000;
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
            r.ops = i;
        };
    }

    static Body pnCounter(PNCounter counter) {
        return timed(i -> counter.addAndGet(1));
    }

    /** Publishes a message and waits until the client's own listener received it. */
    static Body topic(ITopic<String> topic, String value) {
        Semaphore received = new Semaphore(0);
        topic.addMessageListener(message -> received.release());
        return timed(i -> {
            topic.publish(value);
            if (!received.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a published message was not delivered in 30 s");
            }
        });
    }

    /** Gets of keys the Near Cache holds, every 10th op a set of a key never read. */
    static Body nearCache(IMap<Integer, String> map, String value) {
        for (int k = 0; k < KEYS; k++) {
            map.get(k); // cached from now on
        }
        return timed(i -> {
            if (i % 10 == 9) {
                map.set((int) (KEYS + i % KEYS), value);
            } else {
                map.get((int) (i % KEYS));
            }
        });
    }

    static Scenario scenario(String name, HazelcastInstance client, IMap<Integer, String> map) {
        switch (name) {
            case "queue offer/poll 100B, 1 thread": {
                IQueue<String> q = client.getQueue("bench-queue");
                q.clear();
                return new Scenario(queue(q, VALUE_100B), 1);
            }
            case "flake id new_id, 1 thread": return new Scenario(flakeIds(client), 1);
            case "pn counter add_and_get, 1 thread":
                return new Scenario(pnCounter(client.getPNCounter("bench-counter")), 1);
            case "topic publish/receive 100B, 1 thread":
                return new Scenario(topic(client.getTopic("bench-topic-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime()), VALUE_100B), 1);
            case NEAR_CACHE_SCENARIO: return new Scenario(nearCache(map, VALUE_100B), 1);
            case "atomic long increment_and_get, 1 thread":
                return new Scenario(atomicLong(client.getCPSubsystem().getAtomicLong("bench-atomic-long")), 1);
            case "sql select 100k rows, buffer 4096": return new Scenario(sql(client), 1);
            case "set 100B, 1 thread": return new Scenario(blocking(map, true, VALUE_100B), 1);
            case "get 100B, 1 thread": return new Scenario(blocking(map, false, VALUE_100B), 1);
            case "set 100B, 8 threads": return new Scenario(blocking(map, true, VALUE_100B), 8);
            case "get 100B, 8 threads": return new Scenario(blocking(map, false, VALUE_100B), 8);
            case "pipelined get, N=1": return new Scenario(pipelined(map, 1), 1);
            case "pipelined get, N=16": return new Scenario(pipelined(map, 16), 1);
            case "pipelined get, N=256": return new Scenario(pipelined(map, 256), 1);
            case "put_all 1000": return new Scenario(batch(map, true), 1);
            case "get_all 1000": return new Scenario(batch(map, false), 1);
            case "set 10KB, 1 thread": return new Scenario(blocking(map, true, VALUE_10KB), 1);
            case "get 10KB, 1 thread": return new Scenario(blocking(map, false, VALUE_10KB), 1);
            default: throw new IllegalArgumentException("unknown scenario '" + name + "'");
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, (long) (fraction * sorted.length));
        return sorted[index];
    }

    static Map<String, Double> runTimed(Scenario s, double seconds) throws Exception {
        Recorder[] recorders = new Recorder[s.threads];
        Thread[] threads = new Thread[s.threads];
        CyclicBarrier barrier = new CyclicBarrier(s.threads + 1);
        long[] deadline = new long[1];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < s.threads; t++) {
            Recorder r = recorders[t] = new Recorder();
            threads[t] = new Thread(() -> {
                try {
                    barrier.await();
                    s.body.run(r, deadline[0]);
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "bench-" + t);
            threads[t].start();
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        deadline[0] = t0 + (long) (seconds * 1e9);
        barrier.await(); // publishes deadline[0] to the workers
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        synchronized (failure) {
            if (failure[0] != null) {
                throw new RuntimeException("scenario failed", failure[0]);
            }
        }
        long ops = 0;
        int total = 0;
        for (Recorder r : recorders) {
            ops += r.ops;
            total += r.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.latencies, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("ops_per_s", ops / (elapsed / 1e9));
        out.put("p50_us", percentile(all, 0.50) / 1e3);
        out.put("p99_us", percentile(all, 0.99) / 1e3);
        out.put("cpu_us_per_op", ops > 0 ? cpu / 1e3 / ops : 0.0);
        out.put("ops", (double) ops);
        return out;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String meta() {
        return "{\"client\": \"java\", \"version\": "
            + quote(com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion())
            + ", \"java\": " + quote(System.getProperty("java.version")) + "}";
    }

    /** Numbers as numbers; a String value is JSON already. */
    static String toJson(Map<String, ?> result) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> e : result.entrySet()) {
            json.append(first ? "" : ", ").append(quote(e.getKey())).append(": ").append(e.getValue());
            first = false;
        }
        return json.append("}").toString();
    }

    /** One scenario with a fresh client, as the Python worker does: no scenario
     * inherits another's state. */
    /** member address -> {connections, bytes acked by it, bytes received from it} of
     * this process's established TCP connections, from `ss`; null if ss fails. */
    static Map<String, long[]> socketBytes(String[] addresses) {
        Map<String, long[]> found = new LinkedHashMap<>();
        for (String a : addresses) {
            found.put(a.trim(), new long[3]);
        }
        String mine = "pid=" + ProcessHandle.current().pid() + ",";
        try {
            Process ss = new ProcessBuilder("ss", "-tinpH", "state", "established")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long[] current = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(ss.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                        current = null;
                        String[] fields = line.trim().split("\\s+");
                        if (line.contains(mine)) {
                            for (int i = 2; i < Math.min(5, fields.length) && current == null; i++) {
                                current = found.get(fields[i]);
                            }
                            if (current != null) {
                                current[0]++;
                            }
                        }
                    } else if (current != null) {
                        for (String item : line.trim().split("\\s+")) {
                            if (item.startsWith("bytes_acked:")) {
                                current[1] += Long.parseLong(item.substring(12));
                            } else if (item.startsWith("bytes_received:")) {
                                current[2] += Long.parseLong(item.substring(15));
                            }
                        }
                    }
                }
            }
            return ss.waitFor() == 0 ? found : null;
        } catch (Exception e) {
            return null;
        }
    }

    static Map<String, Object> runScenario(String name, String clusterName, String[] addresses,
                                           double warmup, double duration) throws Exception {
        boolean multi = name.startsWith(MULTI_MEMBER_PREFIX);
        if (multi) {
            name = name.substring(MULTI_MEMBER_PREFIX.length());
        }
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        for (String a : addresses) {
            config.getNetworkConfig().addAddress(a.trim());
        }
        boolean nearCache = name.equals(NEAR_CACHE_SCENARIO);
        if (nearCache) { // as e2e_worker.NEAR_CACHE_CONFIG: the defaults, room for every key
            config.addNearCacheConfig(new NearCacheConfig("bench-near")
                .setEvictionConfig(new EvictionConfig().setSize(100000)));
        }
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            boolean big = name.contains("10KB");
            IMap<Integer, String> map = client.getMap(big ? "bench-10k" : nearCache ? "bench-near" : "bench");
            Map<Integer, String> fill = new HashMap<>();
            for (int k = 0; k < KEYS; k++) {
                fill.put(k, big ? VALUE_10KB : VALUE_100B);
            }
            map.putAll(fill); // the same keys and values for every client
            Scenario s = scenario(name, client, map);
            Map<String, Double> warm = warmup > 0 ? runTimed(s, warmup) : null;
            Map<String, long[]> before = multi ? socketBytes(addresses) : null;
            Map<String, Object> result = new LinkedHashMap<>(runTimed(s, duration));
            Map<String, long[]> after = before != null ? socketBytes(addresses) : null;
            if (warm != null) {
                result.put("warmup_ops_per_s", warm.get("ops_per_s"));
            }
            if (after != null) {
                StringBuilder load = new StringBuilder("{");
                for (Map.Entry<String, long[]> e : after.entrySet()) {
                    long[] b = before.get(e.getKey());
                    long[] a = e.getValue();
                    load.append(load.length() > 1 ? ", " : "").append(quote(e.getKey()))
                        .append(": {\"connections\": ").append(a[0])
                        .append(", \"bytes_sent\": ").append(a[1] - b[1])
                        .append(", \"bytes_received\": ").append(a[2] - b[2]).append("}");
                }
                result.put("per_member", load.append("}").toString());
            }
            return result;
        } finally {
            client.shutdown();
        }
    }

    static void serve(String clusterName, String[] addresses, double warmup, double duration) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\t");
            String command = fields[0].trim();
            if (command.isEmpty()) {
                continue;
            }
            if (command.equals("quit")) {
                break;
            }
            String reply;
            if (command.equals("meta")) {
                reply = "{\"ok\": true, \"meta\": " + meta() + "}";
            } else if (command.equals("run") && (fields.length == 2 || fields.length == 4)) {
                double w = fields.length == 4 ? Double.parseDouble(fields[2]) : warmup;
                double d = fields.length == 4 ? Double.parseDouble(fields[3]) : duration;
                try {
                    System.gc();
                    Map<String, Object> result = runScenario(fields[1], clusterName, addresses, w, d);
                    System.err.println("done: " + fields[1]);
                    reply = "{\"ok\": true, \"result\": " + toJson(result) + "}";
                } catch (Throwable e) {
                    e.printStackTrace();
                    reply = "{\"ok\": false, \"error\": " + quote(String.valueOf(e)) + "}";
                }
            } else {
                reply = "{\"ok\": false, \"error\": " + quote("bad command '" + line + "'") + "}";
            }
            System.out.println("reply " + reply);
            System.out.flush();
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argv[i] + "'");
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        String address = args.get("address");
        String clusterName = args.get("cluster-name");
        if (address == null || clusterName == null) {
            throw new IllegalArgumentException("--address and --cluster-name are required");
        }
        double duration = Double.parseDouble(args.getOrDefault("duration", "3"));
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "1"));
        List<String> wanted = new ArrayList<>();
        for (String s : args.getOrDefault("scenarios", "").split("\\|")) {
            if (!s.isEmpty()) {
                wanted.add(s);
            }
        }
        if (wanted.isEmpty()) {
            wanted.addAll(Arrays.asList(ALL_SCENARIOS));
        }
        HZ_LOGGER.setLevel(Level.WARNING);
        String[] addresses = address.split(",");
        if ("true".equals(args.get("serve"))) {
            serve(clusterName, addresses, warmup, duration);
            System.exit(0);
        }

        StringBuilder json = new StringBuilder();
        json.append("{\"meta\": ").append(meta()).append(", \"results\": {");
        boolean first = true;
        for (String name : wanted) {
            Map<String, Object> result = runScenario(name, clusterName, addresses, warmup, duration);
            json.append(first ? "" : ", ").append(quote(name)).append(": ").append(toJson(result));
            first = false;
            System.err.println("done: " + name);
        }
        json.append("}}");
        String output = args.get("output");
        if (output == null) {
            System.out.println(json);
        } else {
            try (Writer w = new OutputStreamWriter(new FileOutputStream(output), StandardCharsets.UTF_8)) {
                w.write(json.toString());
            }
        }
        System.exit(0);
    }
}
