package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.TaskQueueException;
import io.taskqueue.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The template's order and decisions, on the in-memory backend. */
class BaseWorkerTest {
    private final TaskQueue taskQueue = TaskQueue.open("memory:");
    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private final ChoreWorker worker = new ChoreWorker(WorkerConfig.builder().healthPort(-1).attempts(3)
            .backoff(Duration.ofMillis(20)).build());
    private final WorkerService service = WorkerService.builder(worker).taskQueue(taskQueue).reporter(steps::add)
            .build().start();
    private final JobQueue queue = service.queue();

    @AfterEach
    void close() {
        service.close();
        taskQueue.close();
    }

    private String add(String behaviour) {
        return queue.add(worker.jobType(), new Chore("c1", behaviour));
    }

    private Job awaitFinal(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.getState(id).isFinal());
        return queue.getJob(id).orElseThrow();
    }

    @Test
    void aTaskRunsItsStepsInOrderAndTheLastStepIsTheJobsProgress() {
        Job job = awaitFinal(add("ok"));
        assertThat(queue.getState(job.id())).isEqualTo(JobState.COMPLETED);
        assertThat(job.returnValueJson()).isEqualTo("\"done c1\"");
        assertThat(steps).extracting(Step::name, Step::percent, Step::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Reading chore c1", 0, Step.Status.RUNNING),
                org.assertj.core.groups.Tuple.tuple("Working", 50, Step.Status.RUNNING),
                org.assertj.core.groups.Tuple.tuple("Saving", 90, Step.Status.RUNNING),
                org.assertj.core.groups.Tuple.tuple("Completed", 100, Step.Status.COMPLETED));
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.jobId()).isEqualTo(job.id());
            assertThat(s.workerType()).isEqualTo("chores");
            assertThat(s.queueName()).isEqualTo("chores");
        });
        assertThat(job.progressJson()).startsWith("{\"step\":\"Completed\",\"percent\":100,\"status\":\"completed\","
                + "\"attempt\":1,\"at\":\"");
        assertThat(job.processedBy()).startsWith("chores:");
    }

    @Test
    void aPermanentWorkerErrorFailsOnceWithoutRetry() {
        Job job = awaitFinal(add("permanent"));
        assertThat(queue.getState(job.id())).isEqualTo(JobState.FAILED);
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("chore c1 can never be done");
        assertThat(steps).last().satisfies(s -> {
            assertThat(s.status()).isEqualTo(Step.Status.FAILED);
            assertThat(s.name()).isEqualTo("Failed: chore c1 can never be done");
        });
    }

    @Test
    void aRetryableErrorIsRetriedUntilTheAttemptsRunOut() {
        Job job = awaitFinal(add("transient"));
        assertThat(job.attemptsMade()).isEqualTo(3);
        assertThat(queue.getState(job.id())).isEqualTo(JobState.FAILED);
        Job flaky = awaitFinal(add("flaky"));
        assertThat(queue.getState(flaky.id())).isEqualTo(JobState.COMPLETED);
        assertThat(flaky.attemptsMade()).isEqualTo(3);
    }

    @Test
    void anInvalidTaskFailsAtOnceBeforeAnyWork() {
        Job job = awaitFinal(add("invalid"));
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("chore c1 has an invalid behaviour");
        assertThat(steps).extracting(Step::name).doesNotContain("Working");
        assertThat(worker.contexts).isEmpty();
    }

    @Test
    void aTaskThatCannotBeDecodedOrIsMissingFailsAtOnce() {
        Job garbled = awaitFinal(queue.add("chores", Map.of("id", List.of(1, 2), "behaviour", "ok")));
        assertThat(garbled.attemptsMade()).isEqualTo(1);
        Job empty = awaitFinal(queue.add("chores", null));
        assertThat(empty.attemptsMade()).isEqualTo(1);
        assertThat(empty.failedReason()).isEqualTo("the job carries no task data");
    }

    @Test
    void aPlainBugIsRetriedUnlessTheWorkerCallsItPermanent() {
        Job bug = awaitFinal(add("illegal-state"));
        assertThat(bug.attemptsMade()).isEqualTo(3);
        ChoreWorker strict = new ChoreWorker(WorkerConfig.builder().healthPort(-1).queue("strict").build()) {
            @Override
            protected boolean isPermanentError(Throwable error, Chore task) {
                return error instanceof IllegalStateException || super.isPermanentError(error, task);
            }
        };
        try (WorkerService s = WorkerService.builder(strict).taskQueue(taskQueue).build().start()) {
            String id = s.queue().add(strict.jobType(), new Chore("c2", "illegal-state"));
            await().atMost(Duration.ofSeconds(10)).until(() -> s.queue().getState(id).isFinal());
            Job job = s.queue().getJob(id).orElseThrow();
            assertThat(job.attemptsMade()).isEqualTo(1);
            assertThat(job.failedReason()).isEqualTo("chore c2 found a bug");
        }
    }

    @Test
    void theLoggingContextNamesTheJobAndItsStep() {
        Job job = awaitFinal(add("ok"));
        assertThat(worker.contexts).singleElement().satisfies(mdc -> assertThat(mdc)
                .containsEntry(Worker.MDC_JOB_ID, job.id())
                .containsEntry(Worker.MDC_JOB_NAME, "chores")
                .containsEntry(WorkerService.MDC_WORKER_TYPE, "chores")
                .containsEntry(Worker.MDC_QUEUE, "chores")
                .containsEntry(Worker.MDC_ATTEMPT, "1")
                .containsEntry(WorkerService.MDC_STEP, "Reading chore c1"));
    }

    @Test
    void aReporterThatThrowsChangesNoOutcome() {
        ChoreWorker other = new ChoreWorker(WorkerConfig.builder().healthPort(-1).queue("noisy").build());
        try (WorkerService s = WorkerService.builder(other).taskQueue(taskQueue).reporter(step -> {
            throw new IllegalStateException("reporter is broken");
        }).build().start()) {
            String id = s.queue().add(other.jobType(), new Chore("c3", "ok"));
            await().atMost(Duration.ofSeconds(10)).until(() -> s.queue().getState(id).isFinal());
            assertThat(s.queue().getState(id)).isEqualTo(JobState.COMPLETED);
        }
    }

    @Test
    void initializeAndShutdownFrameTheTasks() {
        awaitFinal(add("ok"));
        service.close();
        assertThat(worker.lifecycle).containsExactly("initialize", "shutdown");
        ChoreWorker broken = new ChoreWorker(WorkerConfig.builder().healthPort(-1).queue("broken").build()) {
            @Override
            protected void initialize() {
                throw new IllegalStateException("no SMTP server");
            }
        };
        try (WorkerService s = WorkerService.builder(broken).taskQueue(taskQueue).build()) {
            assertThatThrownBy(s::start).isInstanceOf(TaskQueueException.class)
                    .hasMessage("worker chores failed to initialize: no SMTP server");
        }
    }
}
