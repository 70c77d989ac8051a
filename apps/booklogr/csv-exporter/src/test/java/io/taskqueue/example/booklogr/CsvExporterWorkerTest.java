package io.taskqueue.example.booklogr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerConfigException;
import io.taskqueue.worker.WorkerService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker in inline mode on the memory backend, for what needs no database: a bad owner id fails
 * at once, before the worker would touch one. Exports themselves are tested on a real Postgres
 * (CsvExporterIT).
 */
class CsvExporterWorkerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final CsvExporterWorker worker = new CsvExporterWorker(WorkerConfig.builder().healthPort(-1).build(), clock);
    private final TaskQueue taskQueue = TaskQueue.builder().backend("memory:").clock(clock)
            .extension(InlineMode.on(worker.queueName(), WorkerService.handlers(worker, clock))).build();
    private final JobQueue queue = taskQueue.queue(worker.queueName(), worker.config().jobOptions());

    @AfterEach
    void close() {
        taskQueue.close();
    }

    private Job failed(String id) {
        assertThat(queue.getState(id)).isEqualTo(JobState.FAILED);
        Job job = queue.getJob(id).orElseThrow();
        assertThat(job.attemptsMade()).isEqualTo(1);
        return job;
    }

    @Test
    void aMissingOwnerIdIsAnInvalidTask() {
        assertThat(failed(queue.add(worker.jobType(), new ExportTask(null))).failedReason())
                .isEqualTo("an export task needs an ownerId");
        assertThat(failed(queue.add(worker.jobType().name(), Map.of())).failedReason())
                .isEqualTo("an export task needs an ownerId");
    }

    @Test
    void aNegativeOrZeroOwnerIdIsAnInvalidTask() {
        assertThat(failed(queue.add(worker.jobType(), new ExportTask(-3L))).failedReason())
                .isEqualTo("ownerId must be a positive user id, got -3");
        assertThat(failed(queue.add(worker.jobType(), new ExportTask(0L))).failedReason())
                .isEqualTo("ownerId must be a positive user id, got 0");
    }

    @Test
    void anOwnerIdThatIsNotANumberFailsAtOnce() {
        Job job = failed(queue.add(worker.jobType().name(), Map.of("ownerId", "alice")));
        assertThat(job.failedReason()).startsWith("cannot read the job's data: ").contains("\"alice\"");
    }

    @Test
    void initializeNeedsThePostgresUrlAndTheExportDirectory() {
        assertThatThrownBy(worker::initialize).isInstanceOf(WorkerConfigException.class)
                .hasMessageContaining(CsvExporterWorker.DATABASE_URL);
        CsvExporterWorker mysql = new CsvExporterWorker(WorkerConfig.builder().settings(Map.of(
                CsvExporterWorker.DATABASE_URL, "jdbc:mysql://db/books", CsvExporterWorker.EXPORT_DIR, "/tmp")).build(),
                clock);
        assertThatThrownBy(mysql::initialize).isInstanceOf(WorkerConfigException.class)
                .hasMessageContaining("must be a JDBC URL like jdbc:postgresql://");
        CsvExporterWorker noDir = new CsvExporterWorker(WorkerConfig.builder().settings(Map.of(
                CsvExporterWorker.DATABASE_URL, "jdbc:postgresql://db/books")).build(), clock);
        assertThatThrownBy(noDir::initialize).isInstanceOf(WorkerConfigException.class)
                .hasMessageContaining(CsvExporterWorker.EXPORT_DIR);
    }
}
