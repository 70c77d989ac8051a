package io.taskqueue.testing.conformance;

import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.Queue;
import io.taskqueue.QueueEvent;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.Backend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;

/**
 * What every conformance test uses: backends opened through the subclass, a fresh queue name per
 * test, fast worker settings, and condition waits. Everything opened here is closed after the test.
 */
abstract class ConformanceFixture {
    /** The longest any condition is awaited; generous because CI machines are small and noisy. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    final String queueName = "conf-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * A new backend for one test. {@code clock} is the time source for anything the backend decides
     * by itself (lock expiry in memory); operations get their time from the caller.
     */
    protected abstract Backend newBackend(Clock clock);

    /**
     * Another connection to the same store as {@code primary}, as a second process would open. The
     * default returns {@code primary} itself, which is right for a store that lives in one process.
     */
    protected Backend secondConnection(Backend primary, Clock clock) {
        return primary;
    }

    @AfterEach
    void closeEverything() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    <T extends AutoCloseable> T track(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    Backend backend(Clock clock) {
        return track(newBackend(clock));
    }

    Backend second(Backend primary, Clock clock) {
        Backend other = secondConnection(primary, clock);
        if (other != primary) {
            track(other);
        }
        return other;
    }

    Queue queue(Backend backend, Clock clock) {
        return track(Queue.builder(backend, queueName).clock(clock).build());
    }

    /** Worker options that keep tests quick: short waits, short locks, frequent stall checks. */
    static WorkerOptions.Builder fastOptions() {
        return WorkerOptions.builder()
                .drainDelay(Duration.ofMillis(50))
                .lockDuration(Duration.ofSeconds(2))
                .stalledInterval(Duration.ofSeconds(1))
                .closeTimeout(Duration.ofSeconds(5));
    }

    Worker startWorker(Backend backend, Clock clock, Handlers handlers, WorkerOptions options) {
        return track(Worker.builder(backend, queueName).clock(clock).handlers(handlers).options(options)
                .build().start());
    }

    Worker startWorker(Backend backend, Clock clock, Handlers handlers) {
        return startWorker(backend, clock, handlers, fastOptions().build());
    }

    static ConditionFactory eventually() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO);
    }

    /** Checks that a condition keeps holding for a while (used to show something does not happen). */
    static ConditionFactory throughout(Duration duration) {
        return await().during(duration).atMost(duration.plus(PATIENCE)).pollInterval(Duration.ofMillis(25));
    }

    static Job awaitState(Queue queue, String jobId, JobState state) {
        eventually().alias("job " + jobId + " reaches " + state).until(() -> queue.getState(jobId) == state);
        return queue.getJob(jobId).orElseThrow();
    }

    /** Records every event of the queue from the start of its stream. */
    List<QueueEvent> recordEvents(Queue queue) {
        List<QueueEvent> events = new CopyOnWriteArrayList<>();
        track(queue.subscribe("0", events::add));
        return events;
    }

    static List<String> eventNames(List<QueueEvent> events, String jobId) {
        return events.stream().filter(e -> jobId.equals(e.jobId())).map(QueueEvent::event).toList();
    }

    static void awaitEvent(List<QueueEvent> events, Predicate<QueueEvent> match) {
        eventually().until(() -> events.stream().anyMatch(match));
    }
}
