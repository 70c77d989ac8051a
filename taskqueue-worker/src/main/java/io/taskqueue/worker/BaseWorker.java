package io.taskqueue.worker;

import io.taskqueue.JobType;
import java.util.Objects;

/**
 * The template of a worker service: one type of task in, one type of result out. Subclasses give
 * the type, the work, and what makes a failure permanent; the framework ({@link WorkerService})
 * takes tasks from the queue, validates them, reports steps, retries transient failures with
 * exponential backoff, logs with the job in the logging context, and shuts down gracefully.
 *
 * <pre>{@code
 * public final class EmailSenderWorker extends BaseWorker<EmailTask, EmailReceipt> {
 *     public EmailSenderWorker(WorkerConfig config) {
 *         super(config, EmailTask.class, EmailReceipt.class);
 *     }
 *
 *     protected String workerType() {
 *         return "email-sender";
 *     }
 *
 *     protected EmailReceipt executeTask(EmailTask task, TaskContext context) throws Exception {
 *         context.step("Sending", 50);
 *         return new EmailReceipt(task.to(), mailer.send(task));
 *     }
 * }
 * }</pre>
 *
 * <p>A task is the job's data decoded as {@code T} (JSON, so Node producers can add tasks too); a
 * task that cannot be decoded, or that {@link #validate} refuses, fails at once as a validation
 * error. Instances are used by several threads at once when the concurrency is above one.
 *
 * @param <T> the task type
 * @param <R> the result type
 */
public abstract class BaseWorker<T, R> {
    private final WorkerConfig config;
    private final Class<T> taskType;
    private final Class<R> resultType;

    /** A worker configured by {@code config}, taking tasks of {@code taskType}. */
    protected BaseWorker(WorkerConfig config, Class<T> taskType, Class<R> resultType) {
        this.config = Objects.requireNonNull(config, "config");
        this.taskType = Objects.requireNonNull(taskType, "taskType");
        this.resultType = Objects.requireNonNull(resultType, "resultType");
    }

    /** A stable name for this kind of worker, e.g. {@code satloc-processor}: the default queue and job name. */
    protected abstract String workerType();

    /** Sets up resources (clients, pools) before the first task; a failure stops the service from starting. */
    protected void initialize() throws Exception {
    }

    /**
     * Checks a task before it runs; throw {@link WorkerError#invalidTask} for input that no attempt can
     * process. The default accepts every decoded task.
     */
    protected void validate(T task) {
    }

    /** Does the work of one task and returns its result; report steps on {@code context}. */
    protected abstract R executeTask(T task, TaskContext context) throws Exception;

    /**
     * Whether {@code error} means no retry can help {@code task}. The default trusts a
     * {@link WorkerError}'s flag and leaves other errors to the task queue's error classifier.
     */
    protected boolean isPermanentError(Throwable error, T task) {
        return error instanceof WorkerError workerError && workerError.permanent();
    }

    /** The first step reported for a task. */
    protected String initialStep(T task) {
        return "Starting " + workerType();
    }

    /** Releases what {@link #initialize()} set up; called once the last task has finished. */
    protected void shutdown() throws Exception {
    }

    /** The configuration this worker was made with. */
    public final WorkerConfig config() {
        return config;
    }

    /** The job type this worker takes: the configured job name (or the worker type) with its task and result types. */
    public final JobType<T, R> jobType() {
        return JobType.of(config.jobName() != null ? config.jobName() : type(), taskType, resultType);
    }

    /** The queue this worker takes tasks from: the configured queue or the worker type. */
    public final String queueName() {
        return config.queue() != null ? config.queue() : type();
    }

    final String type() {
        String type = workerType();
        if (type == null || type.isBlank()) {
            throw new IllegalStateException(getClass().getName() + ".workerType() must return a non-blank name");
        }
        return type;
    }
}
