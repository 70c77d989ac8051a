package io.taskqueue.postgres.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.JobRequest;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.postgres.Migrations;
import io.taskqueue.postgres.TaskTracker;
import io.taskqueue.postgres.TaskTrackerOptions;
import io.taskqueue.postgres.TrackerHealth;
import io.taskqueue.servers.PostgresServer;
import io.taskqueue.servers.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end job throughput on a backend (in-memory, Redis or both), with and without the Postgres
 * tracker, in one run: add N jobs, time until the worker has completed all N. Runs alternate
 * (baseline, tracked, baseline, ...) so drift hits both equally; each profile reports medians and
 * their ratio. The tracked run also reports when the tracker had stored every write ("caught up").
 *
 * <p>Every run opens its own task queue on the backend's URL ({@code memory:} is a fresh store each
 * time; Redis is one shared server); a tracked run installs a fresh tracker on it, on the one
 * connection pool, as an application would.
 */
public final class TrackerBench {
    private TrackerBench() {
    }

    /** The handler's simulated work. */
    private record Profile(String name, long sleepMillis) {
    }

    /** Where the jobs live: the backend URL every run's task queue opens, and what to stop at the end. */
    private record Backend(String url, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Seconds until every job completed, until the tracker had stored everything too, and its health. */
    private record Timing(double completedSeconds, double caughtUpSeconds, TrackerHealth health) {
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
            System.out.println("postgres " + server.version() + (server.isExternal() ? " (external)" : " (embedded)"));
            HikariConfig config = new HikariConfig();
            config.setDataSource(server.dataSource());
            config.setMaximumPoolSize(8);
            TaskTrackerOptions options = TaskTrackerOptions.builder().schema(schema).migrate(false).build();
            try (HikariDataSource pool = new HikariDataSource(config)) {
                Migrations.apply(pool, schema);
                for (String name : which.equals("all") ? List.of("memory", "redis") : List.of(which)) {
                    try (Backend backend = backend(name)) {
                        System.out.println("== backend " + name);
                        for (Profile profile : List.of(new Profile("noop", 0), new Profile("io-5ms", 5),
                                new Profile("io-20ms", 20))) {
                            if (only.contains(profile.name())) {
                                runProfile(profile, backend, pool, options, jobs, repeats, concurrency);
                            }
                        }
                    }
                }
            } finally {
                server.dropSchema(schema);
            }
        }
    }

    private static Backend backend(String name) {
        switch (name) {
            case "memory":
                return new Backend("memory:", null);
            case "redis":
                // TASKQUEUE_TEST_REDIS_URL, else a private redis-server without persistence.
                RedisServer server = RedisServer.start();
                System.out.println("redis " + server.version() + (server.isExternal() ? " (external)" : " (private)"));
                return new Backend(server.uri().toString(), server);
            default:
                throw new IllegalArgumentException("backend must be memory, redis or all: " + name);
        }
    }

    private static void runProfile(Profile profile, Backend backend, HikariDataSource pool,
            TaskTrackerOptions options, int jobs, int repeats, int concurrency) throws Exception {
        int n = profile.sleepMillis() == 0 ? jobs * 4 : jobs;
        // One warm-up pair, not counted.
        run(profile, backend, null, n / 4, concurrency, "warm-b");
        run(profile, backend, TaskTracker.create(pool, options), n / 4, concurrency, "warm-t");
        List<Double> base = new ArrayList<>();
        List<Double> tracked = new ArrayList<>();
        List<Double> caughtUp = new ArrayList<>();
        TrackerHealth health = null;
        for (int r = 0; r < repeats; r++) {
            base.add(n / run(profile, backend, null, n, concurrency, "b" + r).completedSeconds());
            Timing t = run(profile, backend, TaskTracker.create(pool, options), n, concurrency, "t" + r);
            tracked.add(n / t.completedSeconds());
            caughtUp.add(n / t.caughtUpSeconds());
            health = t.health();
        }
        double mb = median(base);
        double mt = median(tracked);
        double mc = median(caughtUp);
        System.out.printf("%-7s jobs=%d baseline=%.0f/s tracked=%.0f/s ratio=%.2f | tracked incl. catch-up=%.0f/s"
                + " ratio=%.2f | runs b=%s t=%s c=%s | load %s%n", profile.name(), n, mb, mt, mt / mb, mc, mc / mb,
                fmt(base), fmt(tracked), fmt(caughtUp), loadAverage());
        System.out.println("        tracker health after the last tracked run: " + health);
    }

    /** One run on a task queue of its own; {@code tracker} (closed with the task queue) is installed if given. */
    private static Timing run(Profile profile, Backend backend, TaskTracker tracker, int n, int concurrency,
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
        TaskQueue.Builder builder = TaskQueue.builder().backend(backend.url());
        if (tracker != null) {
            builder.extension(tracker);
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
        try (TaskQueue taskQueue = builder.build()) {
            JobQueue queue = taskQueue.queue(queueName);
            Worker worker = taskQueue.worker(queueName).handlers(handlers).listener(counter)
                    .options(WorkerOptions.builder().concurrency(concurrency).build()).build();
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
            return new Timing((completed - start) / 1e9, (caughtUp - start) / 1e9,
                    tracker == null ? null : tracker.health());
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
