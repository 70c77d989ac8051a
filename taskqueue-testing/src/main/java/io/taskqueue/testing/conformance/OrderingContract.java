package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventNames;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static io.taskqueue.testing.conformance.Conformance.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Order of execution (docs/protocol.md §4), delays and the events of a plain success. */
public interface OrderingContract extends BackendContract {

    private List<String> runInOrder(TaskQueue tq, MutableClock clock, JobQueue queue, int expected) {
        List<String> order = new CopyOnWriteArrayList<>();
        Handlers handlers = Handlers.builder().on("step", ctx -> {
            order.add(String.valueOf(((java.util.Map<?, ?>) ctx.data()).get("n")));
            return null;
        }).build();
        startWorker(tq, handlers, fastOptions().concurrency(1).build());
        eventually().until(() -> order.size() == expected);
        return order;
    }

    private static Object step(String n) {
        return java.util.Map.of("n", n);
    }

    @Test
    default void fifoJobsRunInInsertionOrder() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        for (String n : List.of("a", "b", "c", "d")) {
            queue.add("step", step(n));
        }
        assertThat(runInOrder(tq, clock, queue, 4)).containsExactly("a", "b", "c", "d");
    }

    @Test
    default void lifoJobRunsBeforeThoseAlreadyWaiting() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.add("step", step("a"));
        queue.add("step", step("b"));
        queue.add("step", step("c"), JobOptions.builder().lifo(true).build());
        assertThat(runInOrder(tq, clock, queue, 3)).containsExactly("c", "a", "b");
    }

    @Test
    default void prioritiesRunLowestNumberFirstFifoWithinAClassAfterUnprioritizedJobs() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.add("step", step("p3"), JobOptions.builder().priority(3).build());
        queue.add("step", step("p1a"), JobOptions.builder().priority(1).build());
        queue.add("step", step("p2"), JobOptions.builder().priority(2).build());
        queue.add("step", step("p1b"), JobOptions.builder().priority(1).build());
        queue.add("step", step("plain"));
        assertThat(queue.getState(queue.getJobs(JobState.PRIORITIZED, 0, 0).get(0).id()))
                .isEqualTo(JobState.PRIORITIZED);
        assertThat(runInOrder(tq, clock, queue, 5)).containsExactly("plain", "p1a", "p1b", "p2", "p3");
    }

    @Test
    default void delayedJobRunsOnlyOnceItsDueTimeHasCome() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<String> ran = new CopyOnWriteArrayList<>();
        startWorker(tq, Handlers.builder().on("later", ctx -> ran.add(ctx.job().id())).build());
        String id = queue.add("later", null, JobOptions.builder().delay(Duration.ofSeconds(5)).build());
        assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
        clock.advance(Duration.ofMillis(4999));
        throughout(Duration.ofMillis(300)).until(() -> queue.getState(id) == JobState.DELAYED);
        clock.advance(Duration.ofMillis(1));
        awaitState(queue, id, JobState.COMPLETED);
        assertThat(ran).containsExactly(id);
    }

    @Test
    default void successfulJobStoresItsResultAndEmitsTheLifecycleEvents() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        startWorker(tq, Handlers.builder().on("sum", ctx -> {
            java.util.Map<?, ?> data = (java.util.Map<?, ?>) ctx.data();
            return java.util.Map.of("sum", ((Number) data.get("a")).intValue() + ((Number) data.get("b")).intValue());
        }).build());
        String id = queue.add("sum", java.util.Map.of("a", 2, "b", 3));
        var job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.returnValueJson()).isEqualTo("{\"sum\":5}");
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.attemptsStarted()).isEqualTo(1);
        assertThat(job.processedOn()).isNotNull();
        assertThat(job.finishedOn()).isGreaterThanOrEqualTo(job.processedOn());
        eventually().until(() -> eventNames(events, id).contains("completed"));
        assertThat(eventNames(events, id)).containsSubsequence("added", "waiting", "active", "completed");
        QueueEvent completed = events.stream().filter(e -> id.equals(e.jobId()) && e.event().equals("completed"))
                .findFirst().orElseThrow();
        assertThat(completed.field("returnvalue")).isEqualTo("{\"sum\":5}");
        assertThat(completed.field("prev")).isEqualTo("active");
    }
}
