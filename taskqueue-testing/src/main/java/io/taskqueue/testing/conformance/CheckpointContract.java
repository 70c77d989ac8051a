package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkpoints a handler saves are seen by the next attempt of the same job. */
@CapabilityContract(Capability.CHECKPOINTS)
public interface CheckpointContract extends BackendContract {
    @Test
    default void checkpointsAreSeenByTheNextAttempt() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("import", ctx -> {
            int from = ctx.checkpoint("page", Integer.class).orElse(0);
            if (ctx.attempt() == 1) {
                ctx.checkpoint("page", 7);
                throw new java.io.IOException("connection reset on page 8");
            }
            return Map.of("resumedFrom", from);
        }).build());
        String id = queue.add("import", null, JobOptions.builder().attempts(2).build());
        Job job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.returnValueJson()).isEqualTo("{\"resumedFrom\":7}");
    }
}
