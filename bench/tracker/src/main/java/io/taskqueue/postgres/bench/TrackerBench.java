package io.taskqueue.postgres.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobRequest;
import io.taskqueue.Queue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.memory.InMemoryBackend;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.servers.PostgresServer;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.Backend;
import io.taskqueue.postgres.TaskTracker;
import io.taskqueue.postgres.TaskTrackerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end job throughput on a backend (in-memory, Redis or both), with and without the Postgres
 * tracker, in one run: add N jobs, time until the worker has completed all N. Runs alternate (baseline, tracked,
 * baseline, ...) so drift hits both equally; each profile reports medians and their ratio. The
 * tracked run also reports when the tracker had stored every write ("caught up").
 */
public final class TrackerBench {
    private TrackerBench() {
    }

    /** The handler's simulated work. */
    private record Profile(String name, long sleepMillis) {
    }

    /** Where the jobs live: a fresh backend per run (in-memory), or one shared server (Redis). */
    private interface Backends extends AutoCloseable {
        Backend open();

        /** Whether {@link #open()} hands out a backend the run must close. */
        boolean perRun();

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        String which = args.length > 3 ? args[3] : "memory";
        List<String> only = args.length > 4 ? List.of(args[4].split(",")) : List.of("noop", "io-5ms", "io-20ms");
        System.out.printf("jobs/run=%d repeats=%d concurrency=%d backend=%s cores=%d java=%s%n", jobs, repeats,
                concurrency, which, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (PostgresServer server = PostgresServer.start()) {
            // A private schema, so a shared server (TASKQUEUE_TEST_POSTGRES_URL) keeps nothing of the run.
            String schema = "tq_bench_" + Long.toHexString(System.nanoTime());
            server.createSchema(schema);
            System.out.println("postgres " + server.version() + (server.isExternal() ? " (external)" : " (embedded)"));
            HikariConfig config = new HikariConfig();
            config.setDataSource(server.dataSource(schema));
            config.setMaximumPoolSize(8);
            try (HikariDataSource pool = new HikariDataSource(config);
                    TaskTracker tracker = TaskTracker.create(pool, TaskTrackerOptions.defaults())) {
                for (String name : which.equals("all") ? List.of("memory", "redis") : List.of(which)) {
                    try (Backends backends = backends(name)) {
                        System.out.println("== backend " + name);
                        for (Profile profile : List.of(new Profile("noop", 0), new Profile("io-5ms", 5),
                                new Profile("io-20ms", 20))) {
                            if (!only.contains(profile.name())) {
                                continue;
                            }
                            runProfile(profile, backends, tracker, jobs, repeats, concurrency);
                        }
                    }
                }
                System.out.println("tracker health at the end: " + tracker.health());
            } finally {
                server.dropSchema(schema);
            }
        }
    }

    private static Backends backends(String name) {
        switch (name) {
            case "memory":
                return new Backends() {
                    @Override
                    public Backend open() {
                        return InMemoryBackend.create();
                    }

                    @Override
                    public boolean perRun() {
                        return true;
                    }

                    @Override
                    public void close() {
                    }
                };
            case "redis":
                // TASKQUEUE_TEST_REDIS_URL, else a private redis-server without persistence.
                RedisServer server = RedisServer.start();
                RedisBackend backend = RedisBackend.create(server.uri().toString());
                System.out.println("redis " + server.version() + (server.isExternal() ? " (external)" : " (private)"));
                return new Backends() {
                    @Override
                    public Backend open() {
                        return backend;
                    }

                    @Override
                    public boolean perRun() {
                        return false;
                    }

                    @Override
                    public void close() {
                        backend.close();
                        server.close();
                    }
                };
            default:
                throw new IllegalArgumentException("backend must be memory, redis or all: " + name);
        }
    }

    private static void runProfile(Profile profile, Backends backends, TaskTracker tracker, int jobs, int repeats,
            int concurrency) throws Exception {
        int n = profile.sleepMillis() == 0 ? jobs * 4 : jobs;
        // One warm-up pair, not counted.
        run(profile, backends, null, n / 4, concurrency, "warm-b");
        run(profile, backends, tracker, n / 4, concurrency, "warm-t");
        tracker.flush(Duration.ofMinutes(1));
        List<Double> base = new ArrayList<>();
        List<Double> tracked = new ArrayList<>();
        List<Double> caughtUp = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            base.add(n / run(profile, backends, null, n, concurrency, "b" + r)[0]);
            double[] t = run(profile, backends, tracker, n, concurrency, "t" + r);
            tracked.add(n / t[0]);
            caughtUp.add(n / t[1]);
        }
        double mb = median(base);
        double mt = median(tracked);
        double mc = median(caughtUp);
        System.out.printf("%-7s jobs=%d baseline=%.0f/s tracked=%.0f/s ratio=%.2f | tracked incl. catch-up=%.0f/s"
                + " ratio=%.2f | runs b=%s t=%s c=%s | load %s%n", profile.name(), n, mb, mt, mt / mb, mc, mc / mb,
                fmt(base), fmt(tracked), fmt(caughtUp), loadAverage());
    }

    /** Seconds until every job completed, and until the tracker had stored everything too. */
    private static double[] run(Profile profile, Backends backends, TaskTracker tracker, int n, int concurrency,
            String tag) throws Exception {
        String queueName = "bench_" + profile.name().replace('-', '_') + "_" + tag + "_" + System.nanoTime();
        CountDownLatch done = new CountDownLatch(n);
        JobLifecycleListener counter = new JobLifecycleListener() {
            @Override
            public void onFinished(String q, Job job, JobOutcome outcome, long elapsed) {
                if (outcome instanceof JobOutcome.Completed) {
                    done.countDown();
                }
            }
        };
        Backend backend = backends.open();
        try {
            Queue.Builder qb = Queue.builder(backend, queueName);
            Worker.Builder wb = Worker.builder(backend, queueName);
            if (tracker != null) {
                tracker.track(qb);
                tracker.track(wb);
            }
            long sleep = profile.sleepMillis();
            Handlers handlers = Handlers.builder().on("work", ctx -> {
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                return null;
            }).build();
            List<JobRequest> requests = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                requests.add(new JobRequest("work", Map.of("i", i), null));
            }
            try (Queue queue = qb.build();
                    Worker worker = wb.handlers(handlers).listener(counter)
                            .options(WorkerOptions.builder().concurrency(concurrency).build()).build()) {
                long start = System.nanoTime();
                worker.start();
                for (int i = 0; i < n; i += 500) {
                    queue.addBulk(requests.subList(i, Math.min(n, i + 500)));
                }
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("run " + queueName + " did not finish");
                }
                long completed = System.nanoTime();
                if (tracker != null && !tracker.flush(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("tracker did not catch up");
                }
                long caughtUp = System.nanoTime();
                return new double[] {(completed - start) / 1e9, (caughtUp - start) / 1e9};
            }
        } finally {
            if (backends.perRun()) {
                backend.close();
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static String fmt(List<Double> values) {
        StringBuilder s = new StringBuilder("[");
        for (double v : values) {
            s.append(s.length() > 1 ? "," : "").append(Math.round(v));
        }
        return s.append(']').toString();
    }
}
