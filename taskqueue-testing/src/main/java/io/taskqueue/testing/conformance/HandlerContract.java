package io.taskqueue.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.Queue;
import io.taskqueue.QueueEvent;
import io.taskqueue.spi.Backend;
import io.taskqueue.testing.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What handlers can do (progress, logs, checkpoints) and what they cannot break. */
abstract class HandlerContract extends DedupContract {

    @Test
    void progressAndLogsAreStoredAndPublished() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        List<QueueEvent> events = recordEvents(queue);
        startWorker(backend, clock, Handlers.builder().on("report", ctx -> {
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
    void keepLogsTrimsTheLog() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder().on("chatty", ctx -> {
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
    void checkpointsAreSeenByTheNextAttempt() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder().on("import", ctx -> {
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

    @Test
    void unknownJobNameFailsThatJobAndTheWorkerGoesOn() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder().on("known", ctx -> "ok").build(),
                fastOptions().concurrency(1).build());
        String unknown = queue.add("nobody-handles-this", null, JobOptions.builder().attempts(3).build());
        String known = queue.add("known", null);
        Job failed = awaitState(queue, unknown, JobState.FAILED);
        assertThat(failed.failedReason()).contains("no handler for job name 'nobody-handles-this'");
        assertThat(failed.attemptsMade()).isEqualTo(1);
        awaitState(queue, known, JobState.COMPLETED);
    }

    @Test
    void handlerThrowingAnErrorFailsTheJobNotTheWorker() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder()
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
    void unserializableResultFailsTheJobWithAReason() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder()
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
    void typedDataThatDoesNotMatchItsTypeFailsWithAReason() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        var typed = io.taskqueue.JobType.of("typed", Integer.class, Integer.class);
        startWorker(backend, clock, Handlers.builder().on(typed, ctx -> ctx.data() * 2).build());
        String bad = queue.add("typed", Map.of("not", "a number"));
        String good = queue.add(typed, 21);
        assertThat(awaitState(queue, bad, JobState.FAILED).failedReason()).startsWith("cannot read the job's data");
        assertThat(awaitState(queue, good, JobState.COMPLETED).returnValueJson()).isEqualTo("42");
    }
}
