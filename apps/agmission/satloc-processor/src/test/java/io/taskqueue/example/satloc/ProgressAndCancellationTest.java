package io.taskqueue.example.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.JobCancelledException;
import io.taskqueue.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing reports how much of the file it has read, and a cancelled task stops between batches. */
class ProgressAndCancellationTest {
    @TempDir
    Path dataDir;
    private SatlocProcessorWorker worker;

    @BeforeEach
    void start() throws Exception {
        // Five loads: a log of several parser batches, so progress has steps to show.
        new Uploads(dataDir).flight("big.log", Uploads.SMALL.withField(800, 300, 5));
        worker = new SatlocProcessorWorker(WorkerConfig.builder().healthPort(-1)
                .settings(Map.of(SatlocProcessorWorker.DATA_DIR, dataDir.toString())).build(), Clock.systemUTC());
        worker.initialize();
    }

    @Test
    void parsingProgressGrowsWithTheBytesReadUpToNinety() throws Exception {
        RecordingContext context = new RecordingContext(Integer.MAX_VALUE);
        worker.executeTask(SatlocTask.of("big.log"), context);
        List<Integer> parsing = context.steps.stream().filter(s -> s.name().equals(ParseProgress.STEP))
                .map(RecordingContext.Reported::percent).toList();
        assertThat(parsing).hasSizeGreaterThan(5).isSorted().doesNotHaveDuplicates();
        assertThat(parsing.get(0)).isEqualTo(5);
        assertThat(parsing.get(parsing.size() - 1)).isEqualTo(90);
        assertThat(context.steps.get(context.steps.size() - 1)).isEqualTo(new RecordingContext.Reported(
                "Computing statistics", 92));
    }

    @Test
    void aCancelledTaskStopsAtTheNextBatch() {
        // The first batch passes the check, the second is refused: the parse stops long before the end.
        RecordingContext context = new RecordingContext(1);
        assertThatThrownBy(() -> worker.executeTask(SatlocTask.of("big.log"), context))
                .isInstanceOf(JobCancelledException.class);
        assertThat(context.steps).isNotEmpty().allSatisfy(s -> assertThat(s.percent()).isLessThan(20));
    }
}
