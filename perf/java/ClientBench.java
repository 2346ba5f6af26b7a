import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.io.FileOutputStream;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Java client's side of the end-to-end benchmark (the ceiling the Python
 * clients are compared with). It mirrors perf/e2e_worker.py: the same scenario
 * names, maps, keys (Integer 0..999, as Python ints serialize) and values
 * (String), a fresh client per scenario, a warm-up and then a fixed duration.
 *
 * Usage: java -cp hazelcast.jar:classes ClientBench --address host:port
 *        --cluster-name NAME [--duration S] [--warmup S] [--scenarios a|b] [--output FILE]
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
    };

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

    static Body blocking(IMap<Integer, String> map, boolean set, String value) {
        return (r, deadline) -> {
            long i = 0;
            while (true) {
                long t = System.nanoTime();
                if (t >= deadline) {
                    break;
                }
                Integer key = (int) (i % KEYS);
                if (set) {
                    map.set(key, value);
                } else {
                    map.get(key);
                }
                r.add(System.nanoTime() - t);
                i++;
            }
            r.ops = i;
        };
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

    static Scenario scenario(String name, IMap<Integer, String> map) {
        switch (name) {
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
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
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

        StringBuilder json = new StringBuilder();
        json.append("{\"meta\": {\"client\": \"java\", \"version\": ")
            .append(quote(com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion()))
            .append(", \"java\": ").append(quote(System.getProperty("java.version")))
            .append("}, \"results\": {");
        boolean first = true;
        for (String name : wanted) {
            // A fresh client per scenario, as the Python worker does: no scenario
            // inherits another's state.
            ClientConfig config = new ClientConfig();
            config.setClusterName(clusterName);
            config.getNetworkConfig().addAddress(address);
            HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
            Map<String, Double> result;
            try {
                boolean big = name.contains("10KB");
                IMap<Integer, String> map = client.getMap(big ? "bench-10k" : "bench");
                Map<Integer, String> fill = new HashMap<>();
                for (int k = 0; k < KEYS; k++) {
                    fill.put(k, big ? VALUE_10KB : VALUE_100B);
                }
                map.putAll(fill); // the same keys and values for every client
                Scenario s = scenario(name, map);
                runTimed(s, warmup);
                result = runTimed(s, duration);
            } finally {
                client.shutdown();
            }
            json.append(first ? "" : ", ").append(quote(name)).append(": {");
            boolean firstField = true;
            for (Map.Entry<String, Double> e : result.entrySet()) {
                json.append(firstField ? "" : ", ").append(quote(e.getKey())).append(": ").append(e.getValue());
                firstField = false;
            }
            json.append("}");
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
