package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a worker while a handler runs, on the in-memory backend: the close waits for the handler
 * up to its deadline and records its result, or hands the job back when the handler outlives the
 * deadline; either way it returns promptly once done, and leaves none of the worker's threads.
 */
class WorkerCloseTest {
    /** Far below the worker's 30 s waits for a stuck fetch thread, far above a normal close. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    private final TaskQueue taskQueue = TaskQueue.open("memory:");
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        taskQueue.close();
    }

    /** A handler that runs until the test releases it, deaf to the worker's stop signals. */
    private Handlers stubborn() {
        return Handlers.builder().on("long", ctx -> {
            started.countDown();
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // deaf on purpose: only the test ends this handler
                }
            }
            return "finished";
        }).build();
    }

    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    private Worker start(String queueName) {
        // One slot, so the fetch loop is parked on the busy slot; a long drain delay, so an idle loop
        // is parked on the channel: closing must wake both.
        return taskQueue.worker(queueName).handlers(stubborn()).listener(new JobLifecycleListener() {
            @Override
            public void onFinished(String queue, Job job, JobOutcome outcome, long elapsedMillis) {
                outcomes.add(job.id() + ":" + outcome.getClass().getSimpleName());
            }
        }).options(WorkerOptions.builder().concurrency(1).drainDelay(Duration.ofSeconds(60)).build()).build().start();
    }

    @Test
    void closeWaitsForTheRunningHandlerAndRecordsItsResult() throws Exception {
        JobQueue queue = taskQueue.queue("close-wait");
        Worker worker = start("close-wait");
        String id = queue.add("long", null);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        String waiting = queue.add("long", null);

        CompletableFuture<List<String>> closing = CompletableFuture.supplyAsync(() -> worker.close(Duration.ofSeconds(30)));
        await().atMost(PROMPT).until(() -> worker.health().state() == WorkerHealth.State.CLOSING);
        assertThat(closing).as("close returned while its job still ran").isNotDone();
        release.countDown();

        assertThat(closing.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
        // Recorded before close returned, not some time after.
        assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getJob(id).orElseThrow().returnValueJson()).isEqualTo("\"finished\"");
        assertThat(outcomes).containsExactly(id + ":Completed");
        assertThat(queue.getState(waiting)).as("never fetched by the closing worker").isEqualTo(JobState.WAITING);
        assertThat(worker.health().state()).isEqualTo(WorkerHealth.State.CLOSED);
        awaitNoThreadsOf("close-wait");
    }

    @Test
    void aHandlerOutlivingTheDeadlineIsHandedBackAndItsLateResultDropped() throws Exception {
        JobQueue queue = taskQueue.queue("close-late");
        Worker worker = start("close-late");
        String id = queue.add("long", null);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        List<String> handedBack = CompletableFuture.supplyAsync(() -> worker.close(Duration.ofMillis(200)))
                .get(PROMPT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(handedBack).containsExactly(id);
        assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
        assertThat(outcomes).containsExactly(id + ":HandedBack");
        assertThat(worker.health().activeJobs()).isZero();
        assertThat(queue.getJob(id).orElseThrow().attemptsMade()).isZero();

        release.countDown();
        awaitNoThreadsOf("close-late");
        assertThat(queue.getState(id)).as("the late result is not recorded").isEqualTo(JobState.WAITING);
    }

    @Test
    void anIdleWorkerWaitingOnItsChannelClosesPromptly() throws Exception {
        Worker worker = start("close-idle");
        await().atMost(PROMPT).until(() -> worker.health().lastFetchAt() != null);
        assertThat(CompletableFuture.supplyAsync(() -> worker.close(Duration.ofSeconds(30)))
                .get(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
        awaitNoThreadsOf("close-idle");
    }

    /** The worker's fetch and handler threads are named after its queue; all must end with the close. */
    private static void awaitNoThreadsOf(String queueName) {
        String prefix = "taskqueue-" + queueName + "-";
        await().atMost(PROMPT).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith(prefix)).extracting(Thread::getName)
                .isEmpty());
    }
}
