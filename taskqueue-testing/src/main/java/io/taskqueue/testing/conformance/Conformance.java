package io.taskqueue.testing.conformance;

import static org.awaitility.Awaitility.await;

import io.taskqueue.EventCursor;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.BackendFactory;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.FaultInjectingBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionFactory;

/**
 * The fixture of one conformance test: it opens task queues on the backend under test, gives the
 * test a fresh queue name, fast worker settings and condition waits, and closes everything it opened
 * when the test ends. A backend's test class keeps one in a field and returns it from
 * {@link BackendContract#conformance()}; JUnit makes a new test instance, hence a new fixture, for
 * every test.
 *
 * <pre>{@code
 * class InMemoryConformanceTest implements CoreContracts, PauseContract {
 *     private final Conformance conformance = Conformance.inProcess(ctx -> new MyBackend(ctx.clock()));
 *     public Conformance conformance() { return conformance; }
 * }
 * }</pre>
 */
public final class Conformance implements AutoCloseable {
    /** The longest any condition is awaited; generous because CI machines are small and noisy. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final BackendFactory factory;
    private final boolean sharedStore;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Map<TaskQueue, Backend> backends = new IdentityHashMap<>();
    private final String queueName = "conf-" + UUID.randomUUID().toString().substring(0, 8);

    private Conformance(BackendFactory factory, boolean sharedStore) {
        this.factory = factory;
        this.sharedStore = sharedStore;
    }

    /**
     * A fixture for a backend whose store outlives its connections (a server): every task queue
     * opened is a new connection to the same store, as another process would open.
     */
    public static Conformance sharedStore(BackendFactory factory) {
        return new Conformance(factory, true);
    }

    /**
     * A fixture for a backend whose store lives in the backend object: a second process is played by
     * the same task queue.
     */
    public static Conformance inProcess(BackendFactory factory) {
        return new Conformance(factory, false);
    }

    /** The queue every test works on: a fresh name per test. */
    public String queueName() {
        return queueName;
    }

    /** A task queue on the backend under test, on {@code clock}. */
    public TaskQueue taskQueue(Clock clock) {
        return taskQueue(clock, UnaryOperator.identity());
    }

    /** A task queue on the backend under test, on {@code clock}, with more settings. */
    public TaskQueue taskQueue(Clock clock, UnaryOperator<TaskQueue.Builder> settings) {
        Backend backend = factory.open(new BackendContext(clock));
        TaskQueue taskQueue;
        try {
            taskQueue = settings.apply(TaskQueue.builder().backend(context -> backend).clock(clock)).build();
        } catch (RuntimeException | Error e) {
            backend.close();
            throw e;
        }
        backends.put(taskQueue, backend);
        return track(taskQueue);
    }

    /** Another process's task queue on the same store ({@code primary} itself for an in-process store). */
    public TaskQueue secondProcess(TaskQueue primary, Clock clock) {
        return sharedStore ? taskQueue(clock) : primary;
    }

    /**
     * Another process whose backend injects faults (see {@link FaultInjectingBackend}); for an
     * in-process store, its backend wraps the store of {@code primary}.
     *
     * @param taskQueue the faulty process's task queue
     * @param faults switches the faults on and off
     */
    public record FaultyProcess(TaskQueue taskQueue, FaultInjectingBackend faults) {
    }

    /** Opens a {@link FaultyProcess} on the store of {@code primary}; no fault is on at first. */
    public FaultyProcess faultyProcess(TaskQueue primary, Clock clock) {
        Backend store = sharedStore ? track(factory.open(new BackendContext(clock))) : backends.get(primary);
        if (store == null) {
            throw new IllegalArgumentException("not a task queue of this fixture: " + primary);
        }
        FaultInjectingBackend faults = FaultInjectingBackend.wrap(store);
        TaskQueue taskQueue = track(TaskQueue.builder().backend(context -> faults).clock(clock).build());
        backends.put(taskQueue, faults);
        return new FaultyProcess(taskQueue, faults);
    }

    /** The backend of the test queue under {@code taskQueue}, for checks on the backend seam itself. */
    public QueueBackend queueBackend(TaskQueue taskQueue) {
        Backend backend = backends.get(taskQueue);
        if (backend == null) {
            throw new IllegalArgumentException("not a task queue of this fixture: " + taskQueue);
        }
        return backend.queue(queueName);
    }

    /** The test queue on {@code taskQueue}. */
    public JobQueue queue(TaskQueue taskQueue) {
        return taskQueue.queue(queueName);
    }

    /** Worker options that keep tests quick: short waits, short locks, frequent stall checks. */
    public static WorkerOptions.Builder fastOptions() {
        return WorkerOptions.builder()
                .drainDelay(Duration.ofMillis(50))
                .lockDuration(Duration.ofSeconds(2))
                .stalledInterval(Duration.ofSeconds(1))
                .closeTimeout(Duration.ofSeconds(5));
    }

    /** A started worker on the test queue. */
    public Worker startWorker(TaskQueue taskQueue, Handlers handlers, WorkerOptions options) {
        return track(taskQueue.worker(queueName).handlers(handlers).options(options).build().start());
    }

    /** A started worker on the test queue with {@link #fastOptions()}. */
    public Worker startWorker(TaskQueue taskQueue, Handlers handlers) {
        return startWorker(taskQueue, handlers, fastOptions().build());
    }

    /** Closes {@code closeable} when the test ends (last opened, first closed). */
    public <T extends AutoCloseable> T track(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    /** A wait for a condition, up to {@link #PATIENCE}. */
    public static ConditionFactory eventually() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO);
    }

    /** Checks that a condition keeps holding for {@code duration} (to show that something does not happen). */
    public static ConditionFactory throughout(Duration duration) {
        return await().during(duration).atMost(duration.plus(PATIENCE)).pollInterval(Duration.ofMillis(25));
    }

    /** Waits until a job is in {@code state}; returns it then. */
    public static Job awaitState(JobQueue queue, String jobId, JobState state) {
        eventually().alias("job " + jobId + " reaches " + state).until(() -> queue.getState(jobId) == state);
        return queue.getJob(jobId).orElseThrow();
    }

    /** Records every event of the queue from the start of its stream. */
    public List<QueueEvent> recordEvents(JobQueue queue) {
        List<QueueEvent> events = new CopyOnWriteArrayList<>();
        track(queue.subscribe(EventCursor.EARLIEST, events::add));
        return events;
    }

    /** The names of the events about {@code jobId}, in order. */
    public static List<String> eventNames(List<QueueEvent> events, String jobId) {
        return events.stream().filter(e -> jobId.equals(e.jobId())).map(QueueEvent::event).toList();
    }

    /** Waits until an event matching {@code match} was recorded. */
    public static void awaitEvent(List<QueueEvent> events, Predicate<QueueEvent> match) {
        eventually().until(() -> events.stream().anyMatch(match));
    }

    /** Closes everything opened, newest first. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        backends.clear();
        if (first != null) {
            throw first;
        }
    }
}
