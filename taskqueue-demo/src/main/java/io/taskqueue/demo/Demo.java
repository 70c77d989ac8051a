package io.taskqueue.demo;

import io.taskqueue.Backoff;
import io.taskqueue.EventCursor;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOptions;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.JobType;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.ServerSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: real jobs through a real worker, printed as they happen. One job reports
 * progress, one fails twice and is retried with exponential backoff, one is delayed, one is
 * cancelled while it runs.
 */
public final class Demo {
    record Image(String file, int width) {
    }

    record Charge(String customer, int cents) {
    }

    static final JobType<Image, Map<String, Object>> RESIZE = new JobType<>("resize-image", Image.class, Map.class);
    static final JobType<Charge, String> CHARGE = JobType.of("charge-card", Charge.class, String.class);
    static final JobType<String, String> REMIND = JobType.of("send-reminder", String.class, String.class);
    static final JobType<String, String> EXPORT = JobType.of("export-report", String.class, String.class);

    private Demo() {
    }

    /**
     * Runs the demo on Redis: the server in {@code REDIS_URL} when set, else a private
     * {@code redis-server} started for the demo and stopped afterwards. {@code --in-memory} runs it
     * without Redis.
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (List.of(args).contains("--in-memory")) {
            try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
                run(taskQueue, out);
            }
            return;
        }
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            try (TaskQueue taskQueue = TaskQueue.open(url)) {
                run(taskQueue, out);
            }
            return;
        }
        out.println("REDIS_URL is not set: starting a private redis-server for the demo");
        try (RedisServer server = RedisServer.start(ServerSettings.of(Map.of("PATH", pathOrEmpty())));
                TaskQueue taskQueue = TaskQueue.open(server.uri() + "?prefix=demo-" + System.currentTimeMillis())) {
            run(taskQueue, out);
        }
    }

    private static String pathOrEmpty() {
        String path = System.getenv("PATH");
        return path == null ? "" : path;
    }

    /** Runs the demo on {@code taskQueue}, printing to {@code out}; returns the final state of each job. */
    static Map<String, JobState> run(TaskQueue taskQueue, PrintStream out) throws InterruptedException {
        out.println("taskqueue demo on " + taskQueue.describe());
        out.println();
        CountDownLatch exportStarted = new CountDownLatch(1);
        Handlers handlers = Handlers.builder()
                .on(RESIZE, ctx -> {
                    for (int pct = 25; pct <= 100; pct += 25) {
                        Thread.sleep(120);
                        ctx.updateProgress(pct);
                    }
                    return Map.of("file", ctx.data().file(), "width", ctx.data().width());
                })
                .on(CHARGE, ctx -> {
                    if (ctx.attempt() < 3) {
                        throw new java.io.IOException("payment gateway timed out (attempt " + ctx.attempt() + ")");
                    }
                    return "charged " + ctx.data().cents() + " cents to " + ctx.data().customer();
                })
                .on(REMIND, ctx -> "reminded " + ctx.data())
                .on(EXPORT, ctx -> {
                    exportStarted.countDown();
                    for (int row = 0; row < 1_000; row++) {
                        ctx.throwIfCancelled();
                        Thread.sleep(20);
                    }
                    return "exported";
                })
                .build();

        EventPrinter printer = new EventPrinter(out);
        try (JobQueue queue = taskQueue.queue("demo");
                Worker worker = taskQueue.worker("demo").handlers(handlers)
                        .options(WorkerOptions.builder().name("demo-worker").concurrency(4)
                                .drainDelay(Duration.ofMillis(200)).build())
                        .listener(new JobLifecycleListener() {
                            @Override
                            public void onFinished(String q, Job job, JobOutcome outcome, long elapsedMillis) {
                                if (outcome instanceof JobOutcome.Failed failed && failed.willRetry()) {
                                    printer.note("job " + job.id() + " attempt " + (job.attemptsMade() + 1)
                                            + " failed (" + failed.reason() + "); retry in "
                                            + failed.retryDelay().toMillis() + " ms");
                                }
                            }
                        })
                        .build()) {
            queue.subscribe(EventCursor.EARLIEST, printer::print);
            worker.start();

            Map<String, String> jobs = new LinkedHashMap<>();
            jobs.put(queue.add(RESIZE, new Image("cat.png", 640)), "resize with progress");
            jobs.put(queue.add(CHARGE, new Charge("cus_42", 1999), JobOptions.builder().attempts(3)
                    .backoff(Backoff.exponential(Duration.ofMillis(300))).build()), "retried with backoff");
            jobs.put(queue.add(REMIND, "ada@example.com", JobOptions.builder()
                    .delay(Duration.ofMillis(1500)).build()), "delayed 1.5 s");
            String export = queue.add(EXPORT, "2026-Q3");
            jobs.put(export, "cancelled while running");

            if (!exportStarted.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the export job never started");
            }
            Thread.sleep(200);
            printer.note("cancelling job " + export + " (export-report)");
            queue.cancel(export);

            for (String id : jobs.keySet()) {
                queue.awaitFinished(id, Duration.ofSeconds(15));
            }
            printer.awaitFinalEvents(jobs.keySet(), Duration.ofSeconds(5));
            return summarize(queue, jobs, out);
        }
    }

    private static Map<String, JobState> summarize(JobQueue queue, Map<String, String> jobs, PrintStream out) {
        out.println();
        out.printf("%-4s %-15s %-26s %-10s %-8s %s%n", "id", "name", "scenario", "state", "attempts", "result");
        Map<String, JobState> states = new LinkedHashMap<>();
        jobs.forEach((id, scenario) -> {
            var job = queue.getJob(id).orElseThrow();
            JobState state = queue.getState(id);
            states.put(id, state);
            String result = state == JobState.COMPLETED ? job.returnValueJson() : job.failedReason();
            out.printf("%-4s %-15s %-26s %-10s %-8d %s%n", id, job.name(), scenario, state.wireName(),
                    job.attemptsMade(), result);
        });
        out.println();
        out.println("counts: " + queue.counts());
        return states;
    }

    static List<String> scenarioNames() {
        return List.of(RESIZE.name(), CHARGE.name(), REMIND.name(), EXPORT.name());
    }
}
