package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.TaskQueue;
import io.taskqueue.micrometer.MeterNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service installs the task queue meters, tagged with its worker type, on the task queue it opens. */
class WorkerServiceMetersTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double count(String name, String... tags) {
        return registry.find(name).tag(WorkerService.TAG_WORKER_TYPE, "chores").tags(tags).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void outcomesAreCountedByTheTaskQueueMeters() {
        ChoreWorker worker = new ChoreWorker(WorkerConfig.builder().url("memory:").healthPort(-1).attempts(3)
                .backoff(Duration.ofMillis(10)).build());
        try (WorkerService service = WorkerService.builder(worker).meterRegistry(registry).probeInterval(
                Duration.ofMillis(50)).build().start()) {
            service.queue().add(worker.jobType(), new Chore("a", "ok"));
            service.queue().add(worker.jobType(), new Chore("b", "permanent"));
            service.queue().add(worker.jobType(), new Chore("c", "transient"));
            await().atMost(PATIENCE).until(() -> count(MeterNames.JOBS_FAILED) == 2
                    && count(MeterNames.JOBS_COMPLETED) == 1);
            assertThat(count(MeterNames.JOBS_ADDED, "queue", "chores", "job_name", "chores")).isEqualTo(3);
            assertThat(count(MeterNames.JOBS_FAILED, "category", "permanent")).isEqualTo(1);
            assertThat(count(MeterNames.JOBS_FAILED, "category", "transient")).isEqualTo(1);
            assertThat(count(MeterNames.JOBS_RETRIED, "category", "transient")).isEqualTo(2);
            await().atMost(PATIENCE).until(service::isReady);
        }
    }

    @Test
    void aTaskQueueHandedInMustBringItsOwnMeters() {
        ChoreWorker worker = new ChoreWorker(WorkerConfig.builder().healthPort(-1).build());
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            assertThatThrownBy(() -> WorkerService.builder(worker).taskQueue(taskQueue).meterRegistry(registry).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("TaskQueueMetrics");
        }
    }
}
