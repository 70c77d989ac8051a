package io.taskqueue.testing.simple;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Capability;
import io.taskqueue.Deduplication;
import io.taskqueue.FlowNode;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.Metrics;
import io.taskqueue.QueueLimits;
import io.taskqueue.RateLimit;
import io.taskqueue.TaskQueue;
import io.taskqueue.UnsupportedCapabilityException;
import io.taskqueue.WorkerOptions;
import io.taskqueue.testing.conformance.Conformance;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a backend with no capability, every capability use fails with an
 * {@link UnsupportedCapabilityException} that names the backend and the capability: where the
 * options show it, when the queue or worker is built; else at the call, or as the reason of the job
 * whose handler made the call. A refused call stores nothing.
 */
class MissingCapabilityTest {
    private final Conformance conformance = Conformance.inProcess(context -> new SimpleBackend(context.clock()));
    private TaskQueue taskQueue;
    private JobQueue queue;

    @BeforeEach
    void open() {
        taskQueue = conformance.taskQueue(Clock.systemUTC());
        queue = conformance.queue(taskQueue);
    }

    @AfterEach
    void close() throws Exception {
        conformance.close();
    }

    /** The message every refusal of {@code capability} carries. */
    private String refusal(Capability capability) {
        return "the " + taskQueue.describe() + " backend does not support " + capability.description()
                + " (capability " + capability.name() + ")";
    }

    private void assertRefused(Capability capability, ThrowingCallable use) {
        assertThatThrownBy(use)
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage(refusal(capability))
                .satisfies(e -> assertThat(((UnsupportedCapabilityException) e).capability()).isEqualTo(capability));
    }

    @Test
    void theBackendDeclaresNoCapability() {
        assertThat(taskQueue.capabilities()).isEmpty();
        assertThat(taskQueue.describe()).isEqualTo("simple");
    }

    @Test
    void pausing() {
        assertRefused(Capability.PAUSE, queue::pause);
        assertRefused(Capability.PAUSE, queue::resume);
        assertRefused(Capability.PAUSE, queue::isPaused);
    }

    @Test
    void maintenance() {
        assertRefused(Capability.MAINTENANCE, () -> queue.drain(true));
        assertRefused(Capability.MAINTENANCE, () -> queue.clean(Duration.ZERO, 0, JobState.COMPLETED));
        assertRefused(Capability.MAINTENANCE, () -> queue.obliterate(true));
    }

    @Test
    void jobControl() {
        String id = queue.add("job", null, JobOptions.builder().delay(Duration.ofMinutes(1)).build());
        assertRefused(Capability.JOB_CONTROL, () -> queue.promote(id));
        assertRefused(Capability.JOB_CONTROL, () -> queue.changeDelay(id, Duration.ofSeconds(1)));
        assertRefused(Capability.JOB_CONTROL, () -> queue.changePriority(id, 3));
        assertRefused(Capability.JOB_CONTROL, () -> queue.retry(id));
        assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
    }

    @Test
    void queueLimits() {
        QueueLimits limits = queue.limits();
        assertRefused(Capability.LIMITS, () -> limits.setGlobalConcurrency(2));
        assertRefused(Capability.LIMITS, limits::removeGlobalConcurrency);
        assertRefused(Capability.LIMITS, () -> limits.setGlobalRateLimit(10, Duration.ofSeconds(1)));
        assertRefused(Capability.LIMITS, limits::removeGlobalRateLimit);
        assertRefused(Capability.LIMITS, () -> limits.rateLimit(Duration.ofSeconds(1)));
        assertRefused(Capability.LIMITS, limits::removeRateLimitKey);
        assertRefused(Capability.GROUPS, () -> limits.setGroupConcurrency("tenant-a", 1));
        assertRefused(Capability.GROUPS, () -> limits.setDefaultGroupConcurrency(1));
        assertRefused(Capability.GROUPS, () -> limits.setGroupRateLimit("tenant-a", new RateLimit(1,
                Duration.ofSeconds(1))));
        assertRefused(Capability.GROUPS, () -> limits.setDefaultGroupRateLimit(new RateLimit(1,
                Duration.ofSeconds(1))));
    }

    @Test
    void groupsOnAddAndOnAQueuesDefaultOptions() {
        JobOptions grouped = JobOptions.builder().group("tenant-a").build();
        assertRefused(Capability.GROUPS, () -> queue.add("job", null, grouped));
        assertRefused(Capability.GROUPS, () -> taskQueue.queue(conformance.queueName(), grouped));
        assertNothingStored();
    }

    @Test
    void deduplication() {
        JobOptions deduplicated = JobOptions.builder().deduplication(Deduplication.simple("once")).build();
        assertRefused(Capability.DEDUPLICATION, () -> queue.add("job", null, deduplicated));
        assertRefused(Capability.DEDUPLICATION, () -> queue.getDeduplicationJobId("once"));
        assertRefused(Capability.DEDUPLICATION, () -> queue.removeDeduplicationKey("once"));
        assertNothingStored();
    }

    @Test
    void schedulersFlowsAndMetrics() {
        assertRefused(Capability.SCHEDULERS, queue::schedulers);
        assertRefused(Capability.FLOWS, () -> queue.getChildrenValues("parent"));
        assertRefused(Capability.FLOWS, () -> taskQueue.flows().add(FlowNode.of(conformance.queueName(), "parent", null)
                .withChildren(FlowNode.of(conformance.queueName(), "child", null))));
        assertRefused(Capability.METRICS, () -> queue.getMetrics(Metrics.Type.COMPLETED));
        assertNothingStored();
    }

    @Test
    void workerOptionsThatNeedACapabilityFailWhenTheWorkerIsBuilt() {
        Handlers handlers = Handlers.builder().on("job", ctx -> "ok").build();
        assertRefused(Capability.LIMITS, () -> taskQueue.worker(conformance.queueName()).handlers(handlers)
                .options(WorkerOptions.builder().limiter(new RateLimit(5, Duration.ofSeconds(1))).build()).build());
        assertRefused(Capability.METRICS, () -> taskQueue.worker(conformance.queueName()).handlers(handlers)
                .options(WorkerOptions.builder().metricsMaxDataPoints(60).build()).build());
    }

    @Test
    void handlerSavingACheckpointFailsItsJobWithTheRefusal() {
        conformance.startWorker(taskQueue, Handlers.builder().on("resumable", ctx -> {
            ctx.checkpoint("page", 3);
            return "unreachable";
        }).build());
        String id = queue.add("resumable", Map.of());
        Job job = awaitState(queue, id, JobState.FAILED);
        assertThat(job.failedReason()).isEqualTo(refusal(Capability.CHECKPOINTS));
    }

    @Test
    void handlerRateLimitingTheQueueFailsItsJobWithTheRefusal() {
        conformance.startWorker(taskQueue, Handlers.builder().on("polite", ctx -> {
            throw ctx.rateLimit(Duration.ofSeconds(5));
        }).build());
        String id = queue.add("polite", Map.of());
        Job job = awaitState(queue, id, JobState.FAILED);
        assertThat(job.failedReason()).isEqualTo(refusal(Capability.LIMITS));
    }

    private void assertNothingStored() {
        assertThat(queue.counts().values()).allMatch(count -> count == 0);
    }
}
