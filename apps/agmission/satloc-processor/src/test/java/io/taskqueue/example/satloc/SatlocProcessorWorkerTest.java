package io.taskqueue.example.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.satloc.GroundTruth;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.testing.MutableClock;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerConfigException;
import io.taskqueue.worker.WorkerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker in inline mode on the memory backend: each task has run by the time it is added. */
class SatlocProcessorWorkerTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-05-03T12:00:00Z"));
    @TempDir
    Path dataDir;
    private Uploads uploads;
    private TaskQueue taskQueue;
    private InlineMode inline;
    private JobQueue queue;
    private SatlocProcessorWorker worker;

    private void start(FileOpener opener) throws IOException {
        uploads = uploads == null ? new Uploads(dataDir) : uploads;
        WorkerConfig config = WorkerConfig.builder().healthPort(-1).attempts(3).backoff(Duration.ofSeconds(1))
                .settings(Map.of(SatlocProcessorWorker.DATA_DIR, dataDir.toString())).build();
        worker = new SatlocProcessorWorker(config, clock, opener == null ? uploads.opener() : opener);
        worker.initialize();
        inline = InlineMode.on(worker.queueName(), WorkerService.handlers(worker, clock));
        taskQueue = TaskQueue.builder().backend("memory:").clock(clock).extension(inline).build();
        queue = taskQueue.queue(worker.queueName(), config.jobOptions());
    }

    @AfterEach
    void close() {
        if (taskQueue != null) {
            taskQueue.close();
        }
    }

    private SatlocResult result(String id) {
        return queue.decode(queue.getJob(id).orElseThrow().returnValueJson(), SatlocResult.class);
    }

    @Test
    void aLogAndItsJobFileBecomeTheLibrarysStatistics() throws IOException {
        uploads = new Uploads(dataDir);
        GroundTruth truth = uploads.flight("uploads/N502TQ.log", Uploads.SMALL);
        start(null);
        String id = queue.add(worker.jobType(), new SatlocTask("uploads/N502TQ.log", "uploads/N502TQ.log.job"));
        assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        SatlocResult result = result(id);
        assertThat(result.statistics()).isEqualTo(uploads.expected("uploads/N502TQ.log"));
        assertThat(result.accepted()).isEqualTo(truth.records());
        assertThat(result.rejected()).isZero();
        assertThat(result.statistics().positions()).isEqualTo(truth.positions());
        assertThat(result.statistics().sprayedAreaHa()).isPositive();
        assertThat(result.bytes()).isEqualTo(Files.size(dataDir.resolve("uploads/N502TQ.log")));
        assertThat(result.formatVersion()).isEqualTo(376);
        assertThat(result.field()).isEqualTo(new FieldSummary("uploads/N502TQ.log.job", "1042", "NORTH 40", 1, 0, true));
        assertThat(result.processedAt()).isEqualTo(clock.instant());
        assertThat(queue.getJob(id).orElseThrow().progressJson()).contains("\"step\":\"Completed\"", "\"percent\":100");
    }

    @Test
    void aFileThatIsNotASatlocLogFailsOnceWithTheParsersReason() throws IOException {
        start(null);
        uploads.write("notes.txt", "pilot notes, not a log".getBytes());
        Job job = failed(queue.add(worker.jobType(), SatlocTask.of("notes.txt")));
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("notes.txt is not a readable SatLoc log: bad magic (at byte 0)");
    }

    @Test
    void aLogWhoseEveryRecordIsDamagedFailsOnce() throws IOException {
        uploads = new Uploads(dataDir);
        uploads.headerOverDamage("zeroed.log");
        start(null);
        Job job = failed(queue.add(worker.jobType(), SatlocTask.of("zeroed.log")));
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).startsWith("zeroed.log has no readable records: 1 rejected, the first at byte 16: ")
                .contains("without a valid frame");
    }

    @Test
    void aMissingFileFailsOnceWithAClearMessage() throws IOException {
        start(null);
        Job job = failed(queue.add(worker.jobType(), SatlocTask.of("uploads/gone.log")));
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("no such file in the data directory: uploads/gone.log");
    }

    @Test
    void aBrokenJobFileFailsOnceNamingIt() throws IOException {
        uploads = new Uploads(dataDir);
        uploads.flight("a.log", Uploads.SMALL);
        uploads.write("a.job", new byte[] {'.', 'J', 'O', 'B', ' ', (byte) 0xff});
        start(null);
        Job job = failed(queue.add(worker.jobType(), new SatlocTask("a.log", "a.job")));
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("job file a.job is not a job file: not UTF-8 text");
    }

    @Test
    void anIoErrorIsRetriedAndTheNextAttemptSucceeds() throws IOException {
        uploads = new Uploads(dataDir);
        uploads.flight("flaky.log", Uploads.SMALL);
        AtomicInteger opens = new AtomicInteger();
        FileOpener recording = uploads.opener();
        start(file -> {
            if (opens.incrementAndGet() == 1) {
                throw new IOException("Input/output error");
            }
            return recording.open(file);
        });
        String id = queue.add(worker.jobType(), SatlocTask.of("flaky.log"));
        assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
        assertThat(queue.getJob(id).orElseThrow().failedReason()).isEqualTo("cannot read flaky.log: Input/output error");
        clock.advance(Duration.ofSeconds(1));
        inline.drain();
        assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getJob(id).orElseThrow().attemptsMade()).isEqualTo(2);
    }

    @Test
    void initializeNeedsAnExistingDataDirectory() {
        SatlocProcessorWorker unset = new SatlocProcessorWorker(WorkerConfig.builder().build(), clock);
        assertThatThrownBy(unset::initialize).isInstanceOf(WorkerConfigException.class)
                .hasMessageContaining(SatlocProcessorWorker.DATA_DIR);
        SatlocProcessorWorker missing = new SatlocProcessorWorker(WorkerConfig.builder()
                .settings(Map.of(SatlocProcessorWorker.DATA_DIR, dataDir.resolve("nope").toString())).build(), clock);
        assertThatThrownBy(missing::initialize).isInstanceOf(IOException.class)
                .hasMessageContaining(SatlocProcessorWorker.DATA_DIR + " must name a readable directory");
    }

    private Job failed(String id) {
        assertThat(queue.getState(id)).isEqualTo(JobState.FAILED);
        return queue.getJob(id).orElseThrow();
    }
}
