package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What handlers can do (progress, logs, checkpoints) and what they cannot break. */
public interface HandlerContract extends BackendContract {

    @Test
    default void progressAndLogsAreStoredAndPublished() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        startWorker(tq, Handlers.builder().on("report", ctx -> {
            ctx.updateProgress(50);
            ctx.log("half way");
            ctx.updateProgress(Map.of("pct", 100));
            ctx.log("done");
            return null;
        }).build());
        String id = queue.add("report", null);
        Job job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.progressJson()).isEqualTo("{\"pct\":100}");
        assertThat(job.returnValueJson()).isEqualTo("null");
        assertThat(queue.getLogs(id)).containsExactly("half way", "done");
        eventually().until(() -> events.stream().filter(e -> e.event().equals("progress") && id.equals(e.jobId()))
                .count() == 2);
        assertThat(events).filteredOn(e -> e.event().equals("progress"))
                .extracting(e -> e.field("data")).containsExactly("50", "{\"pct\":100}");
    }

    @Test
    default void keepLogsTrimsTheLog() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("chatty", ctx -> {
            for (int i = 1; i <= 5; i++) {
                ctx.log("line " + i);
            }
            return null;
        }).build());
        String id = queue.add("chatty", null, JobOptions.builder().keepLogs(2).build());
        awaitState(queue, id, JobState.COMPLETED);
        assertThat(queue.getLogs(id)).containsExactly("line 4", "line 5");
    }

    @Test
    default void unknownJobNameFailsThatJobAndTheWorkerGoesOn() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("known", ctx -> "ok").build(),
                fastOptions().concurrency(1).build());
        String unknown = queue.add("nobody-handles-this", null, JobOptions.builder().attempts(3).build());
        String known = queue.add("known", null);
        Job failed = awaitState(queue, unknown, JobState.FAILED);
        assertThat(failed.failedReason()).contains("no handler for job name 'nobody-handles-this'");
        assertThat(failed.attemptsMade()).isEqualTo(1);
        awaitState(queue, known, JobState.COMPLETED);
    }

    @Test
    default void handlerThrowingAnErrorFailsTheJobNotTheWorker() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder()
                .on("explodes", ctx -> {
                    throw new AssertionError("invariant broken");
                })
                .on("fine", ctx -> "ok").build(), fastOptions().concurrency(1).build());
        String bad = queue.add("explodes", null);
        String good = queue.add("fine", null);
        assertThat(awaitState(queue, bad, JobState.FAILED).failedReason()).isEqualTo("invariant broken");
        awaitState(queue, good, JobState.COMPLETED);
    }

    @Test
    default void unserializableResultFailsTheJobWithAReason() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder()
                .on("weird", ctx -> new Object())
                .on("fine", ctx -> "ok").build(), fastOptions().concurrency(1).build());
        String weird = queue.add("weird", null, JobOptions.builder().attempts(3).build());
        String good = queue.add("fine", null);
        Job job = awaitState(queue, weird, JobState.FAILED);
        assertThat(job.failedReason()).startsWith("cannot store the handler's result");
        assertThat(job.attemptsMade()).isEqualTo(1);
        awaitState(queue, good, JobState.COMPLETED);
    }

    @Test
    default void typedDataThatDoesNotMatchItsTypeFailsWithAReason() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        var typed = io.taskqueue.JobType.of("typed", Integer.class, Integer.class);
        startWorker(tq, Handlers.builder().on(typed, ctx -> ctx.data() * 2).build());
        String bad = queue.add("typed", Map.of("not", "a number"));
        String good = queue.add(typed, 21);
        assertThat(awaitState(queue, bad, JobState.FAILED).failedReason()).startsWith("cannot read the job's data");
        assertThat(awaitState(queue, good, JobState.COMPLETED).returnValueJson()).isEqualTo("42");
    }
}
