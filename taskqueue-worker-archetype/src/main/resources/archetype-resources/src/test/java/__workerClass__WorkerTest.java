package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker in inline mode: each task has run by the time it is added. No server needed. */
class ${workerClass}WorkerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final ${workerClass}Worker worker = new ${workerClass}Worker(WorkerConfig.builder().healthPort(-1).build(),
            clock);
    private final TaskQueue taskQueue = TaskQueue.builder().backend("memory:").clock(clock)
            .extension(InlineMode.on(worker.queueName(), WorkerService.handlers(worker, clock))).build();
    private final JobQueue queue = taskQueue.queue(worker.queueName(), worker.config().jobOptions());

    @AfterEach
    void close() {
        taskQueue.close();
    }

    @Test
    void aTaskCompletesWithItsResult() {
        String id = queue.add(worker.jobType(), new ${workerClass}Task("t-1", " hello "));
        assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        Job job = queue.getJob(id).orElseThrow();
        assertThat(job.returnValueJson()).contains("\"id\":\"t-1\"", "\"output\":\"HELLO\"");
        assertThat(job.progressJson()).contains("\"step\":\"Completed\"", "\"percent\":100");
    }

    @Test
    void anInvalidTaskFailsAtOnceWithoutRetries() {
        String id = queue.add(worker.jobType(), new ${workerClass}Task("", "x"));
        assertThat(queue.getState(id)).isEqualTo(JobState.FAILED);
        Job job = queue.getJob(id).orElseThrow();
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("a task needs an id");
    }
}
