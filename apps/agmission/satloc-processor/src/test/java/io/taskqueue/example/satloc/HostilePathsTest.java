package io.taskqueue.example.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths from a task are hostile until checked: every way out of the data directory fails the task as
 * invalid, at once, and the worker opens no file. A real log waits just outside, so a check that let
 * the path through would complete the task instead.
 */
class HostilePathsTest {
    private final Clock clock = Clock.systemUTC();
    @TempDir
    Path root;
    private Path dataDir;
    private Uploads uploads;
    private TaskQueue taskQueue;
    private JobQueue queue;
    private SatlocProcessorWorker worker;

    @BeforeEach
    void start() throws IOException {
        dataDir = Files.createDirectories(root.resolve("data"));
        new Uploads(root).flight("secret.log", Uploads.SMALL);
        uploads = new Uploads(dataDir);
        uploads.flight("inside/ok.log", Uploads.SMALL);
        worker = new SatlocProcessorWorker(WorkerConfig.builder().healthPort(-1).settings(
                Map.of(SatlocProcessorWorker.DATA_DIR, dataDir.toString())).build(), clock, uploads.opener());
        worker.initialize();
        taskQueue = TaskQueue.builder().backend("memory:").clock(clock)
                .extension(InlineMode.on(worker.queueName(), WorkerService.handlers(worker, clock))).build();
        queue = taskQueue.queue(worker.queueName(), worker.config().jobOptions());
    }

    @AfterEach
    void close() {
        taskQueue.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.log", "inside/../../secret.log", "inside/../ok.log", "", "   ", ".", "./",
        "inside/..", "\u0000secret.log"})
    void aPathRefusedByItsTextIsInvalidAndNothingIsOpened(String logFile) {
        assertRefused(SatlocTask.of(logFile));
    }

    @Test
    void anAbsolutePathIsInvalidAndNothingIsOpened() {
        assertRefused(SatlocTask.of(root.resolve("secret.log").toString()));
        assertRefused(SatlocTask.of("/etc/passwd"));
    }

    @Test
    void aHostileJobFileRefusesTheWholeTask() {
        assertRefused(new SatlocTask("inside/ok.log", "../secret.log.job"));
    }

    @Test
    void aLinkLeadingOutIsInvalidAndNothingIsOpened() throws IOException {
        Files.createSymbolicLink(dataDir.resolve("escape.log"), root.resolve("secret.log"));
        Files.createSymbolicLink(dataDir.resolve("up"), root);
        assertRefused(SatlocTask.of("escape.log"));
        assertRefused(SatlocTask.of("up/secret.log"));
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws IOException {
        Files.createSymbolicLink(dataDir.resolve("latest.log"), dataDir.resolve("inside/ok.log"));
        String id = queue.add(worker.jobType(), SatlocTask.of("latest.log"));
        assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        assertThat(uploads.openedSet()).containsExactly(dataDir.toRealPath().resolve("inside/ok.log"));
    }

    @Test
    void aDirectoryIsNotALog() {
        String id = queue.add(worker.jobType(), SatlocTask.of("inside"));
        assertThat(queue.getState(id)).isEqualTo(JobState.FAILED);
        assertThat(queue.getJob(id).orElseThrow().failedReason()).isEqualTo("logFile is not a regular file: inside");
        assertThat(uploads.opened).isEmpty();
    }

    private void assertRefused(SatlocTask task) {
        String id = queue.add(worker.jobType(), task);
        assertThat(queue.getState(id)).as("state of %s", task).isEqualTo(JobState.FAILED);
        Job job = queue.getJob(id).orElseThrow();
        assertThat(job.attemptsMade()).as("attempts of %s", task).isEqualTo(1);
        assertThat(job.failedReason()).as("reason for %s", task).matches("(logFile|jobFile) (must|is not|leads).*");
        assertThat(uploads.opened).as("files opened for %s", task).isEmpty();
    }
}
