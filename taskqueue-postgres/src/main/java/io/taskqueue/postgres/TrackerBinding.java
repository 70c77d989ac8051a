package io.taskqueue.postgres;

import io.taskqueue.TaskQueueExtension;
import io.taskqueue.postgres.internal.DeadLetterDao;
import io.taskqueue.postgres.internal.Replayer;
import io.taskqueue.postgres.internal.TrackerDatabase;
import io.taskqueue.postgres.internal.TrackerQueries;
import io.taskqueue.postgres.internal.TrackerRuntime;
import java.time.Clock;
import java.time.Duration;

/**
 * What a tracker runs on once it has its one clock: the read side and the dead-letter queue always;
 * the job-side runtime (write buffer, claims, enqueues) and replays only when it is installed on a
 * task queue, whose clock it then is.
 */
final class TrackerBinding {
    /** The health of a tracker that writes nothing for jobs: not installed, or standalone. */
    static final TrackerHealth NO_WRITE_PATH = new TrackerHealth(true, 0, 0, 0, 0, 0, 0, 0);

    private final Clock clock;
    private final TrackerRuntime runtime;
    private final TaskHistory history;
    private final DeadLetters deadLetters;

    private TrackerBinding(TrackerDatabase database, TaskTrackerOptions options, Clock clock, TrackerRuntime runtime,
            Replayer replayer) {
        this.clock = clock;
        this.runtime = runtime;
        this.history = new TaskHistory(new TrackerQueries(database.jdbi(), database.sql()), clock,
                runtime == null ? () -> 0 : runtime::claimsRefused);
        this.deadLetters = new DeadLetters(new DeadLetterDao(database.jdbi(), database.sql()),
                options.deadLetterPolicy(), clock, replayer);
    }

    /** For a tool: reads, archives, purges and dry runs on {@code clock}; nothing runs in the background. */
    static TrackerBinding standalone(TrackerDatabase database, TaskTrackerOptions options, Clock clock) {
        return new TrackerBinding(database, options, clock, null, null);
    }

    /** On the installing task queue's clock, with the runtime started and replays through its queues. */
    static TrackerBinding installed(TrackerDatabase database, TaskTrackerOptions options,
            TaskQueueExtension.Installation installation, String name) {
        Clock clock = installation.clock();
        TrackerRuntime runtime = new TrackerRuntime(database.jdbi(), database.sql(), options, clock, name);
        Replayer replayer = new Replayer(installation.taskQueue(), runtime.enqueuer(),
                new DeadLetterDao(database.jdbi(), database.sql()), clock);
        return new TrackerBinding(database, options, clock, runtime, replayer);
    }

    Clock clock() {
        return clock;
    }

    TaskHistory history() {
        return history;
    }

    DeadLetters deadLetters() {
        return deadLetters;
    }

    /** The job-side runtime; {@code what} needs one, which a standalone tracker does not have. */
    TrackerRuntime runtime(String what) {
        if (runtime == null) {
            throw new IllegalStateException(what + " needs a task queue: a standalone task tracker only reads,"
                    + " archives, purges and dry-runs");
        }
        return runtime;
    }

    /** The write path's health; all zeros when there is no write path. */
    TrackerHealth health() {
        return runtime == null ? NO_WRITE_PATH : runtime.health();
    }

    /** Waits until every buffered write is stored or dropped; false on timeout. */
    boolean flush(Duration timeout) throws InterruptedException {
        return runtime == null || runtime.flush(timeout);
    }

    /** Stores what it can within the close timeout and stops the runtime's threads. */
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
