package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Worker features beyond the conformance suite: extension points, executors, health. */
class WorkerTest {
    private final TaskQueue taskQueue = TaskQueue.open("memory:");
    private final JobQueue queue = taskQueue.queue("w");

    @AfterEach
    void close() {
        taskQueue.close();
    }

    private Worker.Builder worker(Handlers handlers) {
        return taskQueue.worker("w").handlers(handlers)
                .options(WorkerOptions.builder().drainDelay(Duration.ofMillis(20)).build());
    }

    private JobState awaitFinal(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.getState(id).isFinal());
        return queue.getState(id);
    }

    @Test
    void interceptorsWrapTheHandlerOutermostFirstAndMaySkipIt() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Handlers handlers = Handlers.builder().on("job", ctx -> {
            calls.add("handler");
            return "ran";
        }).build();
        try (Worker worker = worker(handlers)
                .interceptor((ctx, next) -> {
                    calls.add("outer>");
                    Object result = next.proceed();
                    calls.add("<outer");
                    return result;
                })
                .interceptor((ctx, next) -> "skip".equals(ctx.data()) ? "skipped" : next.proceed())
                .build().start()) {
            String ran = queue.add("job", "go");
            assertThat(awaitFinal(ran)).isEqualTo(JobState.COMPLETED);
            String skipped = queue.add("job", "skip");
            assertThat(awaitFinal(skipped)).isEqualTo(JobState.COMPLETED);
            assertThat(queue.getJob(skipped).orElseThrow().returnValueJson()).isEqualTo("\"skipped\"");
        }
        assertThat(calls).containsExactly("outer>", "handler", "<outer", "outer>", "<outer");
    }

    @Test
    void listenersSeeStartsAndOutcomesAndCannotBreakTheWorker() {
        List<String> seen = new CopyOnWriteArrayList<>();
        JobLifecycleListener recording = new JobLifecycleListener() {
            @Override
            public void onStarted(String q, Job job) {
                seen.add("started " + job.id());
            }

            @Override
            public void onFinished(String q, Job job, JobOutcome outcome, long elapsedMillis) {
                seen.add(outcome.getClass().getSimpleName() + " " + job.id());
            }
        };
        JobLifecycleListener throwing = new JobLifecycleListener() {
            @Override
            public void onStarted(String q, Job job) {
                throw new IllegalStateException("listener bug");
            }
        };
        Handlers handlers = Handlers.builder().on("ok", ctx -> 1).on("bad", ctx -> {
            throw new IllegalStateException("nope");
        }).build();
        try (Worker worker = worker(handlers).listener(throwing).listener(recording).build().start()) {
            String ok = queue.add("ok", null);
            String bad = queue.add("bad", null);
            awaitFinal(ok);
            awaitFinal(bad);
            await().until(() -> seen.size() == 4);
            assertThat(seen).contains("started " + ok, "Completed " + ok, "started " + bad, "Failed " + bad);
            assertThat(worker.health().completed()).isEqualTo(1);
            assertThat(worker.health().failed()).isEqualTo(1);
        }
    }

    @Test
    void customBackoffStrategyDecidesTheDelayOrStopsRetries() {
        Handlers handlers = Handlers.builder().on("job", ctx -> {
            throw new IllegalStateException("attempt " + ctx.attempt());
        }).build();
        List<Integer> asked = new CopyOnWriteArrayList<>();
        try (Worker worker = worker(handlers).backoffStrategy("give-up-after-two", (made, backoff, error, job) -> {
            asked.add(made);
            return made >= 2 ? BackoffStrategy.NO_RETRY : 0;
        }).build().start()) {
            String id = queue.add("job", null, JobOptions.builder().attempts(5)
                    .backoff(Backoff.custom("give-up-after-two", Duration.ZERO)).build());
            assertThat(awaitFinal(id)).isEqualTo(JobState.FAILED);
            assertThat(asked).containsExactly(1, 2);
            String unknown = queue.add("job", null, JobOptions.builder().attempts(5)
                    .backoff(Backoff.custom("nobody-registered-this", Duration.ZERO)).build());
            assertThat(awaitFinal(unknown)).isEqualTo(JobState.FAILED);
            assertThat(queue.getJob(unknown).orElseThrow().failedReason())
                    .contains("unknown backoff strategy 'nobody-registered-this'");
        }
    }

    @Test
    void handlersRunOnAUserExecutorWhichTheWorkerDoesNotShutDown() {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "user-pool"));
        List<String> threads = new CopyOnWriteArrayList<>();
        try {
            try (Worker worker = worker(Handlers.builder().on("job", ctx -> threads.add(Thread.currentThread().getName()))
                    .build()).executor(executor).build().start()) {
                awaitFinal(queue.add("job", null));
            }
            assertThat(threads).containsExactly("user-pool");
            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void healthReportsFetchesAndState() {
        Worker worker = worker(Handlers.builder().on("job", ctx -> null).build()).build();
        assertThat(worker.health().state()).isEqualTo(WorkerHealth.State.NEW);
        worker.start();
        await().until(() -> worker.health().lastFetchAt() != null);
        assertThat(worker.health().isHealthy(Duration.ofSeconds(5))).isTrue();
        assertThat(worker.close(Duration.ofSeconds(1))).isEmpty();
        assertThat(worker.health().state()).isEqualTo(WorkerHealth.State.CLOSED);
        assertThat(worker.health().isHealthy(Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void drainRunsReadyJobsOnTheCallingThread() {
        Worker worker = worker(Handlers.builder().on("job", ctx -> Thread.currentThread().getName())
                .on("bad", ctx -> {
                    throw new UnrecoverableJobException("no");
                }).build()).build();
        String a = queue.add("job", null);
        queue.add("bad", null);
        DrainResult result = worker.drain();
        assertThat(result).isEqualTo(new DrainResult(1, 1, 0));
        assertThat(queue.getJob(a).orElseThrow().returnValueJson()).isEqualTo("\"" + Thread.currentThread().getName() + "\"");
        worker.close();
    }

    /**
     * On a JDK with virtual threads, handlers run on them when the application hands the worker a
     * virtual-thread executor. The CI's second pass on JDK 21+ sets {@code taskqueue.test.virtualThreads}
     * so that this test cannot quietly fall back there; on JDK 17 it runs on a platform pool.
     */
    @Test
    void handlersRunOnTheApplicationsVirtualThreadsWhereTheJdkHasThem() throws Exception {
        ExecutorService virtual = virtualThreadExecutor();
        boolean required = Boolean.getBoolean("taskqueue.test.virtualThreads");
        assertThat(virtual != null || !required).as("virtual threads on " + Runtime.version()).isTrue();
        ExecutorService executor = virtual != null ? virtual : Executors.newCachedThreadPool();
        List<Boolean> onVirtual = new CopyOnWriteArrayList<>();
        try {
            try (Worker worker = worker(Handlers.builder().on("job", ctx -> {
                onVirtual.add(isVirtual(Thread.currentThread()));
                Thread.sleep(20);
                return null;
            }).build()).options(WorkerOptions.builder().concurrency(50).drainDelay(Duration.ofMillis(20)).build())
                    .executor(executor).build().start()) {
                List<String> ids = new java.util.ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ids.add(queue.add("job", i));
                }
                for (String id : ids) {
                    assertThat(queue.awaitFinished(id, Duration.ofSeconds(30)).finishedOn()).isNotNull();
                }
            }
            assertThat(onVirtual).hasSize(200).containsOnly(virtual != null);
        } finally {
            executor.shutdownNow();
        }
    }

    private static ExecutorService virtualThreadExecutor() throws ReflectiveOperationException {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
