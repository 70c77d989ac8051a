package io.taskqueue.spring;

import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's queues, each with the default job options of its {@code taskqueue.queues.<name>}
 * properties (or {@link JobOptions#defaults()} for a queue without properties). One handle per name,
 * shared by every caller; the {@link TaskQueue} closes them.
 *
 * <pre>{@code
 * @Service
 * class Signup {
 *     private final JobQueue emails;
 *     Signup(JobQueues queues) { this.emails = queues.get("emails"); }
 * }
 * }</pre>
 */
public final class JobQueues {
    private final TaskQueue taskQueue;
    private final Map<String, JobOptions> defaults;
    private final Map<String, JobQueue> open = new ConcurrentHashMap<>();

    /** Queues of {@code taskQueue}, with {@code defaults} (job options by queue name). */
    public JobQueues(TaskQueue taskQueue, Map<String, JobOptions> defaults) {
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
        this.defaults = Map.copyOf(defaults);
    }

    /** The queue {@code name}, opened on first use. */
    public JobQueue get(String name) {
        return open.computeIfAbsent(name, n -> taskQueue.queue(n, defaults.getOrDefault(n, JobOptions.defaults())));
    }

    /** The default job options of the queue {@code name}. */
    public JobOptions defaultJobOptions(String name) {
        return defaults.getOrDefault(name, JobOptions.defaults());
    }
}
