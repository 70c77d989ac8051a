package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The composition root's contracts: what it opens, shares, refuses and closes. */
class TaskQueueTest {
    private static final Handlers ECHO = Handlers.builder().on("echo", ctx -> ctx.data()).build();

    @Test
    void aBackendIsRequiredAndUrlsAreCheckedWithoutEchoingPasswords() {
        assertThatThrownBy(() -> TaskQueue.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no backend");
        assertThatThrownBy(() -> TaskQueue.open("localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no backend for URL scheme 'localhost'");
        assertThatThrownBy(() -> TaskQueue.open("nonsense"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a backend URL");
        assertThatThrownBy(() -> TaskQueue.open("carrier-pigeon://admin:s3cret@loft:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no backend for URL scheme 'carrier-pigeon'")
                .hasMessageContaining("admin:***@loft")
                .hasMessageContaining("memory")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> TaskQueue.open("memory:lots-of-options"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes no options");
    }

    @Test
    void aClosedQueueRefusesCallsAndAClosedTaskQueueRefusesNewParts() {
        TaskQueue taskQueue = TaskQueue.open("memory:");
        JobQueue queue = taskQueue.queue("q");
        queue.add("echo", 1);
        queue.close();
        assertThatThrownBy(() -> queue.add("echo", 2)).isInstanceOf(TaskQueueException.class)
                .hasMessage("queue 'q' is closed");
        assertThatThrownBy(queue::counts).hasMessage("queue 'q' is closed");
        assertThatThrownBy(queue::pause).hasMessage("queue 'q' is closed");
        assertThat(taskQueue.queue("q").counts().get(JobState.WAITING)).as("another handle still works").isEqualTo(1);
        taskQueue.close();
        assertThatThrownBy(() -> taskQueue.queue("q")).hasMessageContaining("is closed");
        assertThatThrownBy(() -> taskQueue.worker("q")).hasMessageContaining("is closed");
    }

    @Test
    void aWorkerSaysWhyItCannotStart() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            Worker worker = taskQueue.worker("q").handlers(ECHO).build();
            worker.start();
            assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
            worker.close();
            assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is closed");
            Worker never = taskQueue.worker("q").handlers(ECHO).build();
            never.close();
            assertThatThrownBy(never::start).hasMessageContaining("is closed");
            assertThatThrownBy(() -> taskQueue.worker("q").build()).hasMessageContaining("handlers must be set");
        }
    }

    @Test
    void closingTheTaskQueueClosesItsWorkersBeforeItsExtensionsAndBackend() {
        List<String> closed = new CopyOnWriteArrayList<>();
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        List<Clock> seen = new ArrayList<>();
        TaskQueueExtension extension = new TaskQueueExtension() {
            @Override
            public void install(Installation installation) {
                seen.add(installation.clock());
                installation.addListener(new JobLifecycleListener() {
                });
            }

            @Override
            public void close() {
                closed.add("extension");
            }
        };
        TaskQueue taskQueue = TaskQueue.builder().backend("memory:").clock(fixed).extension(extension).build();
        Worker worker = taskQueue.worker("q").handlers(ECHO).build().start();
        assertThat(seen).containsExactly(fixed);
        taskQueue.close();
        assertThat(worker.health().state()).isEqualTo(WorkerHealth.State.CLOSED);
        assertThat(closed).containsExactly("extension");
        taskQueue.close();
        assertThat(closed).as("close is idempotent").containsExactly("extension");
    }

    @Test
    void payloadsOverTheLimitAreRefusedAndNothingIsStored() {
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").maxPayloadBytes(1_000).build()) {
            JobQueue queue = taskQueue.queue("q");
            String big = "x".repeat(999);
            assertThatThrownBy(() -> queue.add("echo", big)).isInstanceOf(PayloadTooLargeException.class)
                    .hasMessageContaining("1001 bytes").hasMessageContaining("limit of 1000");
            // Multi-byte characters count as the bytes they take: 400 euro signs are 1200 bytes.
            assertThatThrownBy(() -> queue.add("echo", "\u20ac".repeat(400))).isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> queue.addBulk(List.of(new JobRequest("echo", "small", null),
                    new JobRequest("echo", big, null)))).isInstanceOf(PayloadTooLargeException.class);
            assertThat(queue.counts().values()).as("a refused batch stores nothing").allMatch(count -> count == 0);
            String fits = queue.add("echo", "x".repeat(998));
            taskQueue.worker("q").handlers(ECHO).build().drain();
            assertThat(queue.getState(fits)).isEqualTo(JobState.COMPLETED);
        }
    }

    @Test
    void whatTheLimitAcceptsTheDefaultCodecReads() {
        // Jackson alone stops reading strings at 20 million characters; the codec follows the limit.
        int limit = 24 * 1024 * 1024;
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").maxPayloadBytes(limit).build()) {
            JobQueue queue = taskQueue.queue("big");
            String id = queue.add("size", "y".repeat(22_000_000));
            Handlers size = Handlers.builder().on("size", ctx -> ((String) ctx.data()).length()).build();
            assertThat(taskQueue.worker("big").handlers(size).build().drain().completed()).isEqualTo(1);
            assertThat(queue.getJob(id).orElseThrow().returnValueJson()).isEqualTo("22000000");
        }
    }

    @Test
    void theDefaultLimitRefusesFiftyMegabytes() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            assertThat(taskQueue.maxPayloadBytes()).isEqualTo(TaskQueue.DEFAULT_MAX_PAYLOAD_BYTES);
            assertThatThrownBy(() -> taskQueue.queue("q").add("echo", "z".repeat(50 * 1024 * 1024)))
                    .isInstanceOf(PayloadTooLargeException.class);
        }
    }

    @Test
    void aCapabilityTheBackendLacksIsNamedInTheError() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            assertThat(taskQueue.capabilities()).doesNotContain(Capability.FLOWS).contains(Capability.SCHEDULERS);
            assertThatThrownBy(() -> taskQueue.flows().add(FlowNode.of("q", "parent", null)))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessage("the in-memory backend does not support flows (capability FLOWS)");
        }
    }

    @Test
    void awaitFinishedReturnsTheFinishedJobOrSaysWhatItWaitedFor() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            JobQueue queue = taskQueue.queue("q");
            String id = queue.add("echo", "hello");
            assertThatThrownBy(() -> queue.awaitFinished(id, Duration.ofMillis(50)))
                    .isInstanceOf(TaskQueueException.class).hasMessageContaining("did not finish within 50 ms")
                    .hasMessageContaining("waiting");
            assertThatThrownBy(() -> queue.awaitFinished("nope", Duration.ofSeconds(1)))
                    .isInstanceOf(JobNotFoundException.class);
            taskQueue.worker("q").handlers(ECHO).build().start();
            assertThat(queue.awaitFinished(id, Duration.ofSeconds(10)).returnValueJson()).isEqualTo("\"hello\"");
        }
    }

    @Test
    void aBuildThatFailsToInstallClosesOnlyWhatItInstalled() {
        List<String> closed = new CopyOnWriteArrayList<>();
        TaskQueueExtension first = new TaskQueueExtension() {
            @Override
            public void install(Installation installation) {
            }

            @Override
            public void close() {
                closed.add("first");
            }
        };
        TaskQueueExtension refusing = new TaskQueueExtension() {
            @Override
            public void install(Installation installation) {
                throw new IllegalStateException("installed elsewhere already");
            }

            @Override
            public void close() {
                closed.add("refusing");
            }
        };
        assertThatThrownBy(() -> TaskQueue.builder().backend("memory:").extension(first).extension(refusing).build())
                .hasMessage("installed elsewhere already");
        assertThat(closed).containsExactly("first");
    }
}
