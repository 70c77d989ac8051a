package io.taskqueue;

import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.DeduplicationSupport;
import io.taskqueue.spi.FlowSupport;
import io.taskqueue.spi.GroupSupport;
import io.taskqueue.spi.JobControlSupport;
import io.taskqueue.spi.MaintenanceSupport;
import io.taskqueue.spi.MetricsSupport;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.PauseSupport;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.WorkerListSupport;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Adds and manages the jobs of one named queue; made by {@link TaskQueue#queue(String)}.
 * Thread-safe. Closing it ends the event subscriptions it opened; afterwards every call fails.
 *
 * <pre>{@code
 * JobQueue emails = taskQueue.queue("emails");
 * String id = emails.add(SEND_EMAIL, new Email("a@b.c", "hi"),
 *         JobOptions.builder().attempts(3).backoff(Backoff.exponential(Duration.ofSeconds(2))).build());
 * }</pre>
 */
public final class JobQueue implements AutoCloseable {
    /** The states {@link #counts()} reports by default. */
    public static final Set<JobState> COUNTED_STATES = EnumSet.of(JobState.WAITING, JobState.PRIORITIZED,
            JobState.DELAYED, JobState.ACTIVE, JobState.WAITING_CHILDREN, JobState.COMPLETED, JobState.FAILED);

    private final QueueBackend backend;
    private final String backendDescription;
    private final Clock clock;
    private final PayloadCodec codec;
    private final JobOptions defaultJobOptions;
    private final JobLifecycleListener listener;
    private final List<EnqueueInterceptor> enqueueInterceptors;
    private final Consumer<JobQueue> onClose;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    JobQueue(QueueBackend backend, String backendDescription, Clock clock, PayloadCodec codec,
            JobOptions defaultJobOptions, JobLifecycleListener listener, List<EnqueueInterceptor> enqueueInterceptors,
            Consumer<JobQueue> onClose) {
        this.backend = backend;
        this.backendDescription = backendDescription;
        this.clock = clock;
        this.codec = codec;
        this.defaultJobOptions = defaultJobOptions;
        this.listener = listener;
        this.enqueueInterceptors = enqueueInterceptors;
        this.onClose = onClose;
    }

    /** Checks a queue name: non-blank, without {@code :} (it separates the parts of stored keys). */
    static void validateName(String name) {
        Objects.requireNonNull(name, "queue name");
        if (name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("queue name must be non-blank and contain no ':': '" + name + "'");
        }
    }

    /** The queue's name. */
    public String name() {
        return backend.name();
    }

    /** The codec for payloads; handy to decode {@link Job#dataJson()} and results. */
    public PayloadCodec codec() {
        return codec;
    }

    /** Decodes JSON text read from a job (data, result, progress) as {@code type}. */
    public <T> T decode(String json, Type type) {
        return json == null ? null : codec.decode(json, type);
    }

    // ---- adding ----

    /** Adds a job with the queue's default options; returns its id. */
    public String add(String name, Object data) {
        return add(name, data, null);
    }

    /**
     * Adds a job; returns its id (the existing id when a custom id is already taken).
     *
     * @throws PayloadTooLargeException when the data encodes to more than the task queue accepts
     * @throws UnsupportedCapabilityException when the options use what the backend lacks
     */
    public String add(String name, Object data, JobOptions options) {
        return addBulk(List.of(new JobRequest(name, data, options))).get(0);
    }

    /** Adds a typed job with the queue's default options. */
    public <D> String add(JobType<D, ?> type, D data) {
        return add(type.name(), data, null);
    }

    /** Adds a typed job. */
    public <D> String add(JobType<D, ?> type, D data, JobOptions options) {
        return add(type.name(), data, options);
    }

    /**
     * Adds jobs in one round trip where the backend can; each add is atomic, the batch is not. Every
     * payload is encoded and checked before anything is stored.
     */
    public List<String> addBulk(List<JobRequest> requests) {
        ensureOpen();
        List<JobRequest> resolved = new ArrayList<>(requests.size());
        for (JobRequest request : requests) {
            JobOptions options = request.options() != null ? request.options() : defaultJobOptions;
            resolved.add(new JobRequest(request.name(), request.data(), options));
        }
        return proceed(0, resolved);
    }

    /** Runs the enqueue interceptor at {@code index}, or stores the jobs past the last one. */
    private List<String> proceed(int index, List<JobRequest> requests) {
        if (index == enqueueInterceptors.size()) {
            return store(requests);
        }
        List<JobRequest> given = List.copyOf(requests);
        List<String> ids = enqueueInterceptors.get(index).intercept(name(), given, changed -> {
            // An interceptor may change the jobs' options, never which jobs are added.
            if (changed.size() != given.size()) {
                throw new IllegalStateException("an enqueue interceptor passed on " + changed.size()
                        + " jobs instead of " + given.size());
            }
            return proceed(index + 1, changed);
        });
        if (ids == null || ids.size() != given.size()) {
            throw new IllegalStateException("an enqueue interceptor returned no id for some of the jobs");
        }
        return ids;
    }

    private List<String> store(List<JobRequest> requests) {
        List<NewJob> jobs = new ArrayList<>(requests.size());
        long now = clock.millis();
        for (JobRequest request : requests) {
            JobOptions options = request.options() != null ? request.options() : defaultJobOptions;
            checkCapabilities(options);
            jobs.add(new NewJob(request.name(), codec.encode(request.data()), options, now));
        }
        List<String> ids = backend.add(jobs);
        for (int i = 0; i < ids.size(); i++) {
            NewJob job = jobs.get(i);
            listener.onEnqueued(name(), Job.created(ids.get(i), job.name(), job.dataJson(), job.options(),
                    job.timestamp()));
        }
        return ids;
    }

    void checkCapabilities(JobOptions options) {
        if (options.deduplication() != null) {
            require(Capability.DEDUPLICATION, DeduplicationSupport.class);
        }
        if (options.group() != null) {
            require(Capability.GROUPS, GroupSupport.class);
        }
    }

    // ---- reading ----

    /** A job, or empty when it does not exist. */
    public Optional<Job> getJob(String jobId) {
        ensureOpen();
        return backend.getJob(jobId);
    }

    /** A job's state, {@link JobState#UNKNOWN} when it does not exist. */
    public JobState getState(String jobId) {
        ensureOpen();
        return backend.getState(jobId);
    }

    /** Jobs in {@code state} at positions {@code start..end} (inclusive; -1 is the last), oldest first. */
    public List<Job> getJobs(JobState state, long start, long end) {
        ensureOpen();
        return backend.getJobs(state, start, end, true);
    }

    /** Jobs in each of {@code states}, in that order, each at positions {@code start..end}. */
    public List<Job> getJobs(Set<JobState> states, long start, long end, boolean ascending) {
        ensureOpen();
        List<Job> jobs = new ArrayList<>();
        for (JobState state : states) {
            jobs.addAll(backend.getJobs(state, start, end, ascending));
        }
        return jobs;
    }

    /** How many jobs are in each of {@link #COUNTED_STATES}. */
    public Map<JobState, Long> counts() {
        ensureOpen();
        return backend.counts(COUNTED_STATES);
    }

    /** How many jobs are in each of {@code states}. */
    public Map<JobState, Long> counts(JobState... states) {
        ensureOpen();
        return backend.counts(states.length == 0 ? COUNTED_STATES : EnumSet.copyOf(Arrays.asList(states)));
    }

    /** A job's log lines. */
    public List<String> getLogs(String jobId) {
        ensureOpen();
        return backend.getLogs(jobId, 0, -1);
    }

    /**
     * Waits until job {@code jobId} is completed or failed for good and returns it then; fails with
     * a {@link TaskQueueException} when {@code timeout} passes first or the job does not exist.
     */
    public Job awaitFinished(String jobId, Duration timeout) {
        ensureOpen();
        return new FinishWaiter(backend, jobId).await(timeout);
    }

    // ---- managing ----

    /** Removes a job and its data; false when it does not exist or a worker holds it. */
    public boolean remove(String jobId) {
        ensureOpen();
        return backend.remove(jobId) == RemoveResult.REMOVED;
    }

    /**
     * Cancels a job wherever it is: a waiting or delayed job fails with reason {@code cancelled} and
     * never runs; a running job's worker is signalled (durably, so a lost notification is caught at
     * the next lock renewal) and the job ends failed with reason {@code cancelled}, not retried.
     * Returns false when the job does not exist or has already finished.
     */
    public boolean cancel(String jobId) {
        ensureOpen();
        CancelResult result = backend.cancel(jobId, "cancelled", clock.millis());
        return result == CancelResult.CANCELLED || result == CancelResult.SIGNALLED;
    }

    /** Pauses the queue for every worker; jobs can still be added. */
    public void pause() {
        require(Capability.PAUSE, PauseSupport.class).pause();
    }

    /** Lets workers start jobs again. */
    public void resume() {
        require(Capability.PAUSE, PauseSupport.class).resume();
    }

    /** Whether the queue is paused. */
    public boolean isPaused() {
        return require(Capability.PAUSE, PauseSupport.class).isPaused();
    }

    /** Moves a failed job back to wait for another try; false when it is not failed. */
    public boolean retry(String jobId) {
        return retry(jobId, JobState.FAILED);
    }

    /** Moves a finished job (completed or failed) back to wait; false when it is not in {@code from}. */
    public boolean retry(String jobId, JobState from) {
        if (!from.isFinal()) {
            throw new IllegalArgumentException("only completed or failed jobs can be retried: " + from);
        }
        return require(Capability.JOB_CONTROL, JobControlSupport.class).retryJob(jobId, from, clock.millis());
    }

    /** Runs a delayed job now; false when it is not delayed. */
    public boolean promote(String jobId) {
        return require(Capability.JOB_CONTROL, JobControlSupport.class).promote(jobId, clock.millis());
    }

    /** Re-schedules a delayed job to run {@code delay} from now; false when it is not delayed. */
    public boolean changeDelay(String jobId, Duration delay) {
        return require(Capability.JOB_CONTROL, JobControlSupport.class)
                .changeDelay(jobId, delay.toMillis(), clock.millis());
    }

    /** Changes a job's priority (0 for none). */
    public boolean changePriority(String jobId, int priority) {
        if (priority < 0 || priority > JobOptions.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must lie in [0, " + JobOptions.MAX_PRIORITY + "]");
        }
        return require(Capability.JOB_CONTROL, JobControlSupport.class).changePriority(jobId, priority, false);
    }

    /** Removes up to {@code limit} jobs in {@code state} older than {@code grace}; returns their ids. */
    public List<String> clean(Duration grace, int limit, JobState state) {
        return require(Capability.MAINTENANCE, MaintenanceSupport.class)
                .clean(grace.toMillis(), limit, state, clock.millis());
    }

    /** Removes every waiting job, and every delayed one when {@code includeDelayed}. */
    public void drain(boolean includeDelayed) {
        require(Capability.MAINTENANCE, MaintenanceSupport.class).drain(includeDelayed);
    }

    /**
     * Pauses the queue and deletes it with all its jobs. Fails while jobs are active unless
     * {@code force}.
     */
    public void obliterate(boolean force) {
        MaintenanceSupport maintenance = require(Capability.MAINTENANCE, MaintenanceSupport.class);
        require(Capability.PAUSE, PauseSupport.class).pause();
        maintenance.obliterate(force);
    }

    // ---- limits, deduplication, schedulers, flows and metrics ----

    /** Global concurrency and rate limits of this queue and its groups, shared with every worker. */
    public QueueLimits limits() {
        ensureOpen();
        return new QueueLimits(backend, backendDescription);
    }

    /** The id of the job that owns deduplication id {@code dedupId}, if any. */
    public Optional<String> getDeduplicationJobId(String dedupId) {
        Objects.requireNonNull(dedupId, "dedupId");
        return Optional.ofNullable(require(Capability.DEDUPLICATION, DeduplicationSupport.class)
                .deduplicationOwner(dedupId));
    }

    /** Frees deduplication id {@code dedupId} so that the next add with it creates a job. */
    public boolean removeDeduplicationKey(String dedupId) {
        Objects.requireNonNull(dedupId, "dedupId");
        return require(Capability.DEDUPLICATION, DeduplicationSupport.class).removeDeduplication(dedupId);
    }

    /** The job schedulers that produce this queue's repeating jobs. */
    public JobSchedulers schedulers() {
        ensureOpen();
        return new JobSchedulers(require(Capability.SCHEDULERS, io.taskqueue.spi.SchedulerSupport.class),
                (name, data, options) -> new NewJob(name, codec.encode(data),
                        options != null ? options : defaultJobOptions, clock.millis()));
    }

    /**
     * The results of a flow parent's completed children: child reference to result JSON. Decode a
     * value with {@link #decode(String, Type)}.
     */
    public Map<String, String> getChildrenValues(String parentJobId) {
        return require(Capability.FLOWS, FlowSupport.class).childrenValues(parentJobId);
    }

    /** Per-minute metrics, data points {@code start..end} (inclusive; newest first; -1 is the last). */
    public Metrics getMetrics(Metrics.Type type, long start, long end) {
        return require(Capability.METRICS, MetricsSupport.class).getMetrics(Objects.requireNonNull(type, "type"),
                start, end);
    }

    /** All stored per-minute metrics of {@code type}. */
    public Metrics getMetrics(Metrics.Type type) {
        return getMetrics(type, 0, -1);
    }

    /**
     * The workers connected to this queue now, in every process (on Redis, Node BullMQ's workers
     * too), as the store reports them; a worker is listed while its connection is open.
     */
    public List<WorkerInfo> workers() {
        return require(Capability.WORKERS, WorkerListSupport.class).workers();
    }

    // ---- events ----

    /** Delivers events from now on until the subscription (or this queue) is closed. */
    public Subscription subscribe(Consumer<QueueEvent> consumer) {
        return subscribe(EventCursor.LATEST, consumer);
    }

    /** Delivers the events written after {@code after} ({@link EventCursor#EARLIEST}: all that are kept). */
    public Subscription subscribe(EventCursor after, Consumer<QueueEvent> consumer) {
        ensureOpen();
        Subscription subscription = backend.subscribe(Objects.requireNonNull(after, "after"),
                Objects.requireNonNull(consumer, "consumer"));
        subscriptions.add(subscription);
        return () -> {
            subscriptions.remove(subscription);
            subscription.close();
        };
    }

    /** Ends this handle's subscriptions; later calls fail. Idempotent. The stored queue is untouched. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
        subscriptions.clear();
        onClose.accept(this);
    }

    private <C> C require(Capability capability, Class<C> type) {
        ensureOpen();
        return capability.of(backend, type, backendDescription);
    }

    private void ensureOpen() {
        if (closed) {
            throw new TaskQueueException("queue '" + backend.name() + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "JobQueue[" + backend.name() + " on " + backendDescription + "]";
    }
}
