package io.taskqueue.demo;

import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo on the in-memory backend. */
class DemoTest {
    @Test
    void demoShowsProgressRetryDelayAndCancellation() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Map<String, JobState> states;
        try (TaskQueue taskQueue = TaskQueue.open("memory:");
                PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            states = Demo.run(taskQueue, out);
        }
        DemoOutput.assertDemo(states, buffer.toString(StandardCharsets.UTF_8));
    }
}
