package io.taskqueue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobState;
import java.util.Map;

/** What a run of the demo must show, on whichever backend it ran: one expectation for every backend. */
final class DemoOutput {
    private DemoOutput() {
    }

    static void assertDemo(Map<String, JobState> states, String printed) {
        assertThat(states.values()).containsExactly(JobState.COMPLETED, JobState.COMPLETED, JobState.COMPLETED,
                JobState.FAILED);
        assertThat(printed).contains("progress", "data=100", "retry in 300 ms", "retry in 600 ms",
                "failedReason=cancelled", "reminded ada@example.com");
    }
}
