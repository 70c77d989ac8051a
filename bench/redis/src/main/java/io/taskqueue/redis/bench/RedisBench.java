package io.taskqueue.redis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.JobRequest;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BullMQ 6.7.0 (Node, {@code node/bench.js}) and taskqueue (this JVM) on the same workloads against
 * one private Redis whose port is {@code args[0]}. For every run this class owns the Redis-side
 * measurements: FLUSHALL, memory after the prefill, CONFIG RESETSTAT right before the measured phase,
 * INFO commandstats and INFO cpu right after it. Both runtimes follow one protocol: set up (warm up,
 * prefill), signal READY, wait for GO, run, report.
 *
 * <p>Arguments: port, repeats, then optional job counts {@code add1 add64 bulk drain latency}.
 */
public final class RedisBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "x".repeat(1000);
    private static final int BATCH = 1000;
    private static final int DRAIN_CONCURRENCY = 50;
    private static final int LATENCY_RATE = 1000;
    private static final int LATENCY_CONCURRENCY = 10;
    private static final long TIMEOUT_MS = 180_000;

    private final int port;
    private final String url;
    private final Path nodeDir;
    private final RedisCommands<String, String> admin;

    private RedisBench(int port, Path nodeDir, RedisCommands<String, String> admin) {
        this.port = port;
        this.url = "redis://127.0.0.1:" + port;
        this.nodeDir = nodeDir;
        this.admin = admin;
    }

    /** One workload's parameters. */
    record Work(String kind, String label, int jobs, int inFlight) {
    }

    /** What one run measured. */
    record Run(double jobsPerSec, double cmdUsPerJob, double cpuUsPerJob, double scriptCallsPerJob,
            double memBytesPerJob, double p50, double p99) {
    }

    /** One runtime's side of a run: set up, then (after the caller's measurements start) run. */
    interface Side extends AutoCloseable {
        /** Runs the measured phase; returns jobs done, seconds and (latency) sorted latencies. */
        JsonNode go() throws Exception;

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int add1 = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int add64 = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int bulk = args.length > 4 ? Integer.parseInt(args[4]) : 30_000;
        int drain = args.length > 5 ? Integer.parseInt(args[5]) : 30_000;
        int latency = args.length > 6 ? Integer.parseInt(args[6]) : 5_000;
        Path out = Path.of(args.length > 7 ? args[7] : "target/results.md");
        Path nodeDir = Path.of(System.getProperty("bench.nodeDir", "node")).toAbsolutePath();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisBench bench = new RedisBench(port, nodeDir, conn.sync());
            List<Work> works = List.of(
                    new Work("add", "(a) add, 1 in flight", add1, 1),
                    new Work("add", "(a) add, 64 in flight", add64, 64),
                    new Work("bulk", "(b) addBulk, batches of 1,000", bulk, 0),
                    new Work("drain", "(c) drain, concurrency 50", drain, 0),
                    new Work("latency", "(d) enqueue->start, 1,000 jobs/s", latency, 0));
            Map<String, List<Run>> results = new LinkedHashMap<>();
            String load0 = loadAverage();
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                for (Work w : works) {
                    // alternate which runtime goes first, so slow drifts of the machine hit both alike
                    List<String> order = r % 2 == 0 ? List.of("bullmq", "taskqueue") : List.of("taskqueue", "bullmq");
                    for (String runtime : order) {
                        Run run = bench.measure(runtime, w);
                        results.computeIfAbsent(w.label() + "|" + runtime, k -> new ArrayList<>()).add(run);
                        System.err.printf(Locale.ROOT, "repeat %d %-36s %-9s %9.0f jobs/s  cmd %.1f us/job  cpu %.1f us/job"
                                + "  p50 %.2f p99 %.2f ms  mem %.0f B/job%n", r + 1, w.label(), runtime, run.jobsPerSec(),
                                run.cmdUsPerJob(), run.cpuUsPerJob(), run.p50(), run.p99(), run.memBytesPerJob());
                    }
                }
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            String table = table(works, results, repeats);
            String header = String.format(Locale.ROOT, "Run: %s, %d repeats, %.1f min; load average before %s, after %s;"
                    + " %d cores; Redis %s; Node %s; Java %s.%n%n", java.time.LocalDate.now(), repeats, minutes, load0,
                    loadAverage(), Runtime.getRuntime().availableProcessors(), bench.redisVersion(), nodeVersion(),
                    System.getProperty("java.version"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, header + table);
            System.out.println(header + table);
        } finally {
            client.shutdown();
        }
    }

    // ---- one measured run ----

    private Run measure(String runtime, Work w) throws Exception {
        admin.flushall();
        long memBefore = info("memory", "used_memory");
        try (Side side = runtime.equals("bullmq") ? node(w) : java(w)) {
            long memAfter = info("memory", "used_memory");
            admin.configResetstat();
            double cpu0 = cpuSeconds();
            JsonNode r = side.go();
            double cpu1 = cpuSeconds();
            Map<String, long[]> stats = commandStats();
            int jobs = r.get("jobs").asInt();
            double seconds = r.has("seconds") ? r.get("seconds").asDouble() : Double.NaN;
            long usec = 0;
            long scriptCalls = 0;
            for (var e : stats.entrySet()) {
                String cmd = e.getKey();
                if (cmd.startsWith("eval") || cmd.startsWith("fcall")) {
                    usec += e.getValue()[1];
                    scriptCalls += e.getValue()[0];
                } else if (cmd.equals("bzpopmin")) {
                    usec += e.getValue()[1];
                }
            }
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            if (r.has("latencies")) {
                List<Double> lat = new ArrayList<>();
                r.get("latencies").forEach(n -> lat.add(n.asDouble()));
                Collections.sort(lat);
                p50 = percentile(lat, 0.50);
                p99 = percentile(lat, 0.99);
            }
            return new Run(jobs / seconds, (double) usec / jobs, (cpu1 - cpu0) * 1e6 / jobs, (double) scriptCalls / jobs,
                    w.kind().equals("drain") ? (double) (memAfter - memBefore) / w.jobs() : Double.NaN, p50, p99);
        }
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    // ---- the Node side ----

    private Side node(Work w) throws IOException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("port", port);
        cfg.put("jobs", w.jobs());
        cfg.put("inFlight", w.inFlight());
        cfg.put("batch", BATCH);
        cfg.put("concurrency", w.kind().equals("latency") ? LATENCY_CONCURRENCY : DRAIN_CONCURRENCY);
        cfg.put("rate", LATENCY_RATE);
        cfg.put("discard", w.jobs() / 10);
        cfg.put("warmup", warmup(w));
        cfg.put("timeoutMs", TIMEOUT_MS);
        Process p = new ProcessBuilder("node", "bench.js", w.kind(), JSON.writeValueAsString(cfg))
                .directory(nodeDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer stdin = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        String ready = stdout.readLine();
        if (!"READY".equals(ready)) {
            p.destroyForcibly();
            throw new IllegalStateException("node bench.js " + w.kind() + " did not get ready: " + ready);
        }
        return new Side() {
            @Override
            public JsonNode go() throws Exception {
                stdin.write("GO\n");
                stdin.flush();
                String line = stdout.readLine();
                if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS) || line == null) {
                    throw new IllegalStateException("node bench.js " + w.kind() + " failed");
                }
                return JSON.readTree(line);
            }

            @Override
            public void close() {
                p.destroyForcibly();
            }
        };
    }

    private static int warmup(Work w) {
        return switch (w.kind()) {
            case "add" -> 2_000;
            case "bulk", "drain" -> 5_000;
            default -> 0;
        };
    }

    // ---- the taskqueue side ----

    private Side java(Work w) throws Exception {
        TaskQueue backend = TaskQueue.open(url + "?prefix=bench");
        try {
            return switch (w.kind()) {
                case "add" -> javaAdd(backend, w);
                case "bulk" -> javaBulk(backend, w);
                case "drain" -> javaDrain(backend, w);
                case "latency" -> javaLatency(backend, w);
                default -> throw new IllegalArgumentException(w.kind());
            };
        } catch (Exception | Error e) {
            backend.close();
            throw e;
        }
    }

    private static Map<String, Object> payload() {
        return Map.of("payload", PAYLOAD);
    }

    private static void addBulk(JobQueue queue, int n) {
        for (int i = 0; i < n; i += BATCH) {
            List<JobRequest> batch = new ArrayList<>(BATCH);
            for (int j = i; j < Math.min(n, i + BATCH); j++) {
                batch.add(new JobRequest("noop", payload(), null));
            }
            queue.addBulk(batch);
        }
    }

    private Side javaAdd(TaskQueue backend, Work w) {
        try (JobQueue warm = backend.queue("warm")) {
            for (int i = 0; i < warmup(w); i++) {
                warm.add("noop", payload());
            }
            warm.obliterate(true);
        }
        JobQueue queue = backend.queue("add");
        return new Side() {
            @Override
            public JsonNode go() throws Exception {
                long t0 = System.nanoTime();
                AtomicInteger next = new AtomicInteger();
                long end = System.currentTimeMillis() + TIMEOUT_MS;
                Runnable caller = () -> {
                    while (next.getAndIncrement() < w.jobs() && System.currentTimeMillis() < end) {
                        queue.add("noop", payload());
                    }
                };
                if (w.inFlight() == 1) {
                    caller.run();
                } else {
                    ExecutorService pool = Executors.newFixedThreadPool(w.inFlight());
                    for (int i = 0; i < w.inFlight(); i++) {
                        pool.execute(caller);
                    }
                    pool.shutdown();
                    pool.awaitTermination(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
                return result(w.jobs(), (System.nanoTime() - t0) / 1e9);
            }

            @Override
            public void close() {
                queue.close();
                backend.close();
            }
        };
    }

    private Side javaBulk(TaskQueue backend, Work w) {
        try (JobQueue warm = backend.queue("warm")) {
            addBulk(warm, warmup(w));
            warm.obliterate(true);
        }
        JobQueue queue = backend.queue("bulk");
        return new Side() {
            @Override
            public JsonNode go() {
                long t0 = System.nanoTime();
                addBulk(queue, w.jobs());
                return result(w.jobs(), (System.nanoTime() - t0) / 1e9);
            }

            @Override
            public void close() {
                queue.close();
                backend.close();
            }
        };
    }

    /** A worker of concurrency {@code c} on {@code name} whose no-op handler counts down {@code done}. */
    private static Worker drainWorker(TaskQueue backend, String name, int c, CountDownLatch done) {
        return backend.worker(name)
                .handlers(Handlers.builder().on("noop", ctx -> null).build())
                .options(WorkerOptions.builder().name("bench").concurrency(c).drainDelay(Duration.ofSeconds(5)).build())
                .listener(new JobLifecycleListener() {
                    @Override
                    public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
                        done.countDown();
                    }
                }).build();
    }

    private Side javaDrain(TaskQueue backend, Work w) throws InterruptedException {
        int warmJobs = warmup(w);
        try (JobQueue warm = backend.queue("warm")) {
            addBulk(warm, warmJobs);
            CountDownLatch warmDone = new CountDownLatch(warmJobs);
            try (Worker worker = drainWorker(backend, "warm", DRAIN_CONCURRENCY, warmDone).start()) {
                warmDone.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            warm.obliterate(true);
        }
        try (JobQueue queue = backend.queue("drain")) {
            addBulk(queue, w.jobs());
        }
        CountDownLatch done = new CountDownLatch(w.jobs());
        Worker worker = drainWorker(backend, "drain", DRAIN_CONCURRENCY, done);
        return new Side() {
            @Override
            public JsonNode go() throws Exception {
                long t0 = System.nanoTime();
                worker.start();
                done.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                double seconds = (System.nanoTime() - t0) / 1e9;
                return result((int) (w.jobs() - done.getCount()), seconds);
            }

            @Override
            public void close() {
                worker.close();
                backend.close();
            }
        };
    }

    private Side javaLatency(TaskQueue backend, Work w) {
        JobQueue queue = backend.queue("lat");
        double[] latencies = new double[w.jobs()];
        AtomicInteger started = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(w.jobs());
        Worker worker = backend.worker("lat")
                .handlers(Handlers.builder().on("lat", ctx -> {
                    double now = System.nanoTime() / 1e6;
                    double t = ((Number) ((Map<?, ?>) ctx.data()).get("t")).doubleValue();
                    int i = started.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = now - t;
                    }
                    all.countDown();
                    return null;
                }).build())
                .options(WorkerOptions.builder().name("bench").concurrency(LATENCY_CONCURRENCY).build())
                .build().start();
        ExecutorService producers = Executors.newFixedThreadPool(16);
        return new Side() {
            @Override
            public JsonNode go() throws Exception {
                double t0 = System.nanoTime() / 1e6;
                double interval = 1000.0 / LATENCY_RATE;
                long end = System.currentTimeMillis() + TIMEOUT_MS;
                for (int i = 0; i < w.jobs() && System.currentTimeMillis() < end; i++) {
                    double due = t0 + i * interval;
                    double wait = due - System.nanoTime() / 1e6;
                    if (wait > 1) {
                        Thread.sleep((long) wait);
                    }
                    producers.execute(() -> queue.add("lat", Map.of("t", due, "payload", PAYLOAD)));
                }
                all.await(30, TimeUnit.SECONDS);
                var node = JSON.createObjectNode();
                node.put("jobs", started.get());
                var arr = node.putArray("latencies");
                for (int i = w.jobs() / 10; i < Math.min(started.get(), latencies.length); i++) {
                    arr.add(latencies[i]);
                }
                return node;
            }

            @Override
            public void close() {
                producers.shutdownNow();
                worker.close();
                queue.close();
                backend.close();
            }
        };
    }

    private static JsonNode result(int jobs, double seconds) {
        return JSON.createObjectNode().put("jobs", jobs).put("seconds", seconds);
    }

    // ---- Redis readings ----

    private long info(String section, String field) {
        for (String line : admin.info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim());
            }
        }
        throw new IllegalStateException("no " + field + " in INFO " + section);
    }

    private double cpuSeconds() {
        double total = 0;
        for (String line : admin.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    /** command → {calls, usec}. */
    private Map<String, long[]> commandStats() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String line : admin.info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String cmd = line.substring("cmdstat_".length(), line.indexOf(':'));
            long calls = 0;
            long usec = 0;
            for (String kv : line.substring(line.indexOf(':') + 1).split(",")) {
                String[] p = kv.split("=");
                if (p[0].equals("calls")) {
                    calls = Long.parseLong(p[1]);
                } else if (p[0].equals("usec")) {
                    usec = Long.parseLong(p[1]);
                }
            }
            out.put(cmd, new long[] {calls, usec});
        }
        return out;
    }

    private String redisVersion() {
        for (String line : admin.info("server").split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "?";
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return v;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ---- the table ----

    private record Metric(String name, String lowerOrHigher, java.util.function.ToDoubleFunction<Run> get, String fmt) {
    }

    private static String table(List<Work> works, Map<String, List<Run>> results, int repeats) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Workload | Metric | BullMQ 6.7.0 median (min–max) | taskqueue median (min–max) |"
                + " taskqueue / BullMQ |\n|---|---|---|---|---|\n");
        for (Work w : works) {
            List<Metric> metrics = new ArrayList<>();
            if (w.kind().equals("latency")) {
                metrics.add(new Metric("p50 ms (lower is better)", "low", Run::p50, "%.2f"));
                metrics.add(new Metric("p99 ms (lower is better)", "low", Run::p99, "%.2f"));
            } else {
                metrics.add(new Metric("jobs/s", "high", Run::jobsPerSec, "%.0f"));
                metrics.add(new Metric("Redis µs/job, commandstats (lower is better)", "low", Run::cmdUsPerJob, "%.1f"));
                metrics.add(new Metric("Redis µs/job, INFO cpu (lower is better)", "low", Run::cpuUsPerJob, "%.1f"));
                metrics.add(new Metric("script calls/job", "low", Run::scriptCallsPerJob, "%.2f"));
                if (w.kind().equals("drain")) {
                    metrics.add(new Metric("(f) Redis bytes per waiting job (lower is better)", "low",
                            Run::memBytesPerJob, "%.0f"));
                }
            }
            for (Metric m : metrics) {
                double[] b = stats(results.get(w.label() + "|bullmq"), m);
                double[] t = stats(results.get(w.label() + "|taskqueue"), m);
                sb.append("| ").append(w.label()).append(", ").append(String.format(Locale.ROOT, "%,d", w.jobs()))
                        .append(w.kind().equals("latency") ? " jobs" : " jobs").append(" | ").append(m.name())
                        .append(" | ").append(cell(b, m.fmt())).append(" | ").append(cell(t, m.fmt())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f×", t[0] / b[0])).append(" |\n");
            }
        }
        sb.append("\nMedians of ").append(repeats).append(" repeats. Ratios are of medians.\n");
        return sb.toString();
    }

    private static double[] stats(List<Run> runs, Metric m) {
        List<Double> v = new ArrayList<>();
        for (Run r : runs) {
            v.add(m.get().applyAsDouble(r));
        }
        Collections.sort(v);
        double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        return new double[] {median, v.get(0), v.get(v.size() - 1)};
    }

    private static String cell(double[] s, String fmt) {
        return String.format(Locale.ROOT, fmt + " (" + fmt + "–" + fmt + ")", s[0], s[1], s[2]);
    }
}
