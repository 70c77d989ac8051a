package io.taskqueue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void demoShowsProgressRetryDelayAndCancellation() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (TaskQueue taskQueue = TaskQueue.open("memory:");
                PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            var states = Demo.run(taskQueue, out);
            assertThat(states.values()).containsExactly(JobState.COMPLETED, JobState.COMPLETED, JobState.COMPLETED,
                    JobState.FAILED);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("progress", "data=100", "retry in 300 ms", "retry in 600 ms",
                "failedReason=cancelled", "reminded ada@example.com");
    }
}
