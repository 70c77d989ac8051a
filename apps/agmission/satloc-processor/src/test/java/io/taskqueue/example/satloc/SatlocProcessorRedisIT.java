package io.taskqueue.example.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.satloc.GroundTruth;
import io.taskqueue.satloc.SimulationSettings;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import io.taskqueue.worker.Step;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The processor as a service on a real Redis: tasks added to the queue, run by WorkerService, results read back. */
@ExtendWith(RedisExtension.class)
class SatlocProcessorRedisIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @TempDir
    Path root;
    private Path dataDir;
    private Uploads uploads;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private SatlocProcessorWorker worker;

    @BeforeEach
    void files() throws IOException {
        dataDir = Files.createDirectories(root.resolve("data"));
        uploads = new Uploads(dataDir);
    }

    private WorkerService service(RedisServer server, RedisTestPrefix prefix) {
        WorkerConfig config = WorkerConfig.builder().url(server.uri() + "?prefix=" + prefix.value()).healthPort(-1)
                .attempts(5).backoff(Duration.ofMillis(10))
                .settings(Map.of(SatlocProcessorWorker.DATA_DIR, dataDir.toString())).build();
        worker = new SatlocProcessorWorker(config, Clock.systemUTC(), uploads.opener());
        return WorkerService.builder(worker).meterRegistry(meters).reporter(steps::add).build().start();
    }

    private static Job awaitFinal(WorkerService service, String id) {
        await().atMost(PATIENCE).until(() -> service.queue().getState(id).isFinal());
        return service.queue().getJob(id).orElseThrow();
    }

    /** Attempts by outcome, read from the task queue meters (taskqueue-micrometer) the service installs. */
    private double attempts(String outcome, String category) {
        var search = switch (outcome) {
            case "completed" -> meters.find("taskqueue.jobs.completed");
            case "failed" -> meters.find("taskqueue.jobs.failed").tag("category", category);
            case "retried" -> meters.find("taskqueue.jobs.retried").tag("category", category);
            default -> throw new IllegalArgumentException(outcome);
        };
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aRealLogIsProcessedWithProgressAndItsStatisticsStored(RedisServer server, RedisTestPrefix prefix)
            throws IOException {
        // The default flight: a 500 m x 800 m field, some 7,000 records, so several parser batches.
        GroundTruth truth = uploads.flight("2026/N502TQ.log", SimulationSettings.defaults());
        try (WorkerService service = service(server, prefix)) {
            String id = service.queue().add(worker.jobType(),
                    new SatlocTask("2026/N502TQ.log", "2026/N502TQ.log.job"));
            Job job = awaitFinal(service, id);
            assertThat(service.queue().getState(id)).isEqualTo(JobState.COMPLETED);
            SatlocResult result = service.queue().decode(job.returnValueJson(), SatlocResult.class);
            assertThat(result.statistics()).isEqualTo(uploads.expected("2026/N502TQ.log"));
            assertThat(result.accepted()).isEqualTo(truth.records());
            assertThat(result.field().matchesLog()).isTrue();
            assertThat(job.progressJson()).contains("\"step\":\"Completed\",\"percent\":100");
            List<Integer> parsing = steps.stream().filter(s -> s.name().equals(ParseProgress.STEP))
                    .map(Step::percent).toList();
            assertThat(parsing).hasSizeGreaterThan(4).isSorted().startsWith(5).endsWith(90);
            assertThat(attempts("completed", "none")).isEqualTo(1);
        }
    }

    @Test
    void aTraversalAttemptFailsAsInvalidAndNoFileIsRead(RedisServer server, RedisTestPrefix prefix)
            throws IOException {
        new Uploads(root).flight("secret.log", Uploads.SMALL);
        Files.createSymbolicLink(dataDir.resolve("innocent.log"), root.resolve("secret.log"));
        try (WorkerService service = service(server, prefix)) {
            String climb = service.queue().add(worker.jobType(), SatlocTask.of("../secret.log"));
            String link = service.queue().add(worker.jobType(), SatlocTask.of("innocent.log"));
            for (String id : List.of(climb, link)) {
                Job job = awaitFinal(service, id);
                assertThat(service.queue().getState(id)).isEqualTo(JobState.FAILED);
                assertThat(job.attemptsMade()).isEqualTo(1);
            }
            assertThat(service.queue().getJob(climb).orElseThrow().failedReason())
                    .isEqualTo("logFile must not contain '..': ../secret.log");
            assertThat(service.queue().getJob(link).orElseThrow().failedReason())
                    .isEqualTo("logFile leads outside the data directory: innocent.log");
            await().atMost(PATIENCE).until(() -> attempts("failed", "validation") == 2);
            assertThat(attempts("retried", "validation")).isZero();
            assertThat(uploads.opened).isEmpty();
        }
    }

    @Test
    void aCorruptFileFailsOnceWithNoRetry(RedisServer server, RedisTestPrefix prefix) throws IOException {
        uploads.write("garbage.log", "SLOG but not really a header".getBytes());
        try (WorkerService service = service(server, prefix)) {
            String id = service.queue().add(worker.jobType(), SatlocTask.of("garbage.log"));
            Job job = awaitFinal(service, id);
            assertThat(service.queue().getState(id)).isEqualTo(JobState.FAILED);
            assertThat(job.options().attempts()).isEqualTo(5);
            assertThat(job.attemptsMade()).isEqualTo(1);
            assertThat(job.failedReason()).startsWith("garbage.log is not a readable SatLoc log: ");
            await().atMost(PATIENCE).until(() -> attempts("failed", "permanent") == 1);
            assertThat(attempts("retried", "permanent") + attempts("retried", "transient")).isZero();
            assertThat(uploads.opened).containsExactly(dataDir.toRealPath().resolve("garbage.log"));
        }
    }
}
