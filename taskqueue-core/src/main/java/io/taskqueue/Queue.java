package io.taskqueue;

import io.taskqueue.internal.SafeListener;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.RemoveResult;
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
 * Adds and manages the jobs of one named queue. Thread-safe. Closing a queue ends the event
 * subscriptions it opened; it never closes the backend.
 *
 * <pre>{@code
 * Queue queue = Queue.builder(backend, "emails").build();
 * String id = queue.add(SEND_EMAIL, new Email("a@b.c", "hi"),
 *         JobOptions.builder().attempts(3).backoff(Backoff.exponential(Duration.ofSeconds(2))).build());
 * }</pre>
 */
public final class Queue implements AutoCloseable {
    /** The states {@link #counts()} reports by default. */
    public static final Set<JobState> COUNTED_STATES = EnumSet.of(JobState.WAITING, JobState.PRIORITIZED,
            JobState.DELAYED, JobState.ACTIVE, JobState.WAITING_CHILDREN, JobState.COMPLETED, JobState.FAILED);

    private final QueueBackend backend;
    private final Clock clock;
    private final PayloadCodec codec;
    private final JobOptions defaultJobOptions;
    private final JobLifecycleListener listener;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final QueueLimits limits;
    private final JobSchedulers schedulers;

    private Queue(Builder builder) {
        this.backend = builder.backend.queue(builder.name);
        this.clock = builder.clock;
        this.codec = builder.codec != null ? builder.codec : new JacksonCodec();
        this.defaultJobOptions = builder.defaultJobOptions;
        this.listener = new SafeListener(builder.listeners);
        this.limits = new QueueLimits(backend);
        this.schedulers = new JobSchedulers(backend, (name, data, options) ->
                newJob(name, data, options != null ? options : defaultJobOptions));
    }

    /** A builder for the queue {@code name} in {@code backend}. */
    public static Builder builder(Backend backend, String name) {
        return new Builder(backend, name);
    }

    /** A queue with every default. */
    public static Queue open(Backend backend, String name) {
        return builder(backend, name).build();
    }

    public String name() {
        return backend.name();
    }

    /** The codec used for payloads; handy to decode {@link Job#dataJson()} and results. */
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

    /** Adds a job; returns its id (the existing id when a custom id is already taken). */
    public String add(String name, Object data, JobOptions options) {
        NewJob job = newJob(name, data, options);
        String id = backend.add(job);
        listener.onEnqueued(name(), Job.created(id, job.name(), job.dataJson(), job.options(), job.timestamp()));
        return id;
    }

    /** Adds a typed job with the queue's default options. */
    public <D> String add(JobType<D, ?> type, D data) {
        return add(type.name(), data, null);
    }

    /** Adds a typed job. */
    public <D> String add(JobType<D, ?> type, D data, JobOptions options) {
        return add(type.name(), data, options);
    }

    /** Adds jobs in one round trip where the backend can; each add is atomic, the batch is not. */
    public List<String> addBulk(List<JobRequest> requests) {
        List<NewJob> jobs = new ArrayList<>(requests.size());
        for (JobRequest request : requests) {
            jobs.add(newJob(request.name(), request.data(), request.options()));
        }
        List<String> ids = backend.addBulk(jobs);
        for (int i = 0; i < ids.size(); i++) {
            NewJob job = jobs.get(i);
            listener.onEnqueued(name(), Job.created(ids.get(i), job.name(), job.dataJson(), job.options(),
                    job.timestamp()));
        }
        return ids;
    }

    private NewJob newJob(String name, Object data, JobOptions options) {
        JobOptions effective = options != null ? options : defaultJobOptions;
        return new NewJob(name, codec.encode(data), effective, clock.millis());
    }

    // ---- reading ----

    public Optional<Job> getJob(String jobId) {
        return backend.getJob(jobId);
    }

    public JobState getState(String jobId) {
        return backend.getState(jobId);
    }

    /** Jobs in {@code state} at positions {@code start..end} (inclusive; -1 is the last), oldest first. */
    public List<Job> getJobs(JobState state, long start, long end) {
        return backend.getJobs(state, start, end, true);
    }

    /** Jobs in each of {@code states}, in that order, each at positions {@code start..end}. */
    public List<Job> getJobs(Set<JobState> states, long start, long end, boolean ascending) {
        List<Job> jobs = new ArrayList<>();
        for (JobState state : states) {
            jobs.addAll(backend.getJobs(state, start, end, ascending));
        }
        return jobs;
    }

    /** How many jobs are in each of {@link #COUNTED_STATES}. */
    public Map<JobState, Long> counts() {
        return backend.counts(COUNTED_STATES);
    }

    /** How many jobs are in each of {@code states}. */
    public Map<JobState, Long> counts(JobState... states) {
        return backend.counts(states.length == 0 ? COUNTED_STATES : EnumSet.copyOf(Arrays.asList(states)));
    }

    /** A job's log lines. */
    public List<String> getLogs(String jobId) {
        return backend.getLogs(jobId, 0, -1);
    }

    // ---- managing ----

    /** Pauses the queue for every worker; jobs can still be added. */
    public void pause() {
        backend.pause();
    }

    public void resume() {
        backend.resume();
    }

    public boolean isPaused() {
        return backend.isPaused();
    }

    /** Removes a job and its data; false when it does not exist or a worker holds it. */
    public boolean remove(String jobId) {
        return backend.remove(jobId) == RemoveResult.REMOVED;
    }

    /** Moves a failed job back to wait for another try; false when it is not failed. */
    public boolean retry(String jobId) {
        return backend.retryJob(jobId, JobState.FAILED, clock.millis());
    }

    /** Moves a finished job (completed or failed) back to wait; false when it is not in {@code from}. */
    public boolean retry(String jobId, JobState from) {
        if (!from.isFinal()) {
            throw new IllegalArgumentException("only completed or failed jobs can be retried: " + from);
        }
        return backend.retryJob(jobId, from, clock.millis());
    }

    /** Runs a delayed job now; false when it is not delayed. */
    public boolean promote(String jobId) {
        return backend.promote(jobId, clock.millis());
    }

    /** Re-schedules a delayed job to run {@code delay} from now; false when it is not delayed. */
    public boolean changeDelay(String jobId, Duration delay) {
        return backend.changeDelay(jobId, delay.toMillis(), clock.millis());
    }

    /** Changes a job's priority (0 for none). */
    public boolean changePriority(String jobId, int priority) {
        if (priority < 0 || priority > JobOptions.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must lie in [0, " + JobOptions.MAX_PRIORITY + "]");
        }
        return backend.changePriority(jobId, priority, false);
    }

    /** Removes up to {@code limit} jobs in {@code state} older than {@code grace}; returns their ids. */
    public List<String> clean(Duration grace, int limit, JobState state) {
        return backend.clean(grace.toMillis(), limit, state, clock.millis());
    }

    /** Removes every waiting job, and every delayed one when {@code includeDelayed}. */
    public void drain(boolean includeDelayed) {
        backend.drain(includeDelayed);
    }

    /**
     * Pauses the queue and deletes it with all its jobs. Fails while jobs are active unless
     * {@code force}.
     */
    public void obliterate(boolean force) {
        backend.pause();
        backend.obliterate(force);
    }

    /**
     * Cancels a job wherever it is: a waiting or delayed job fails with reason {@code cancelled} and
     * never runs; a running job's worker is signalled (durably, so a lost notification is caught at
     * the next lock renewal) and the job ends failed with reason {@code cancelled}, not retried.
     * Returns false when the job does not exist or has already finished.
     */
    public boolean cancel(String jobId) {
        CancelResult result = backend.cancel(jobId, "cancelled", clock.millis());
        return result == CancelResult.CANCELLED || result == CancelResult.SIGNALLED;
    }

    // ---- limits, deduplication and metrics ----

    /** Global concurrency and rate limits of this queue, shared with every worker (BullMQ's too). */
    public QueueLimits limits() {
        return limits;
    }

    /** The id of the job that owns deduplication id {@code dedupId}, if any. */
    public Optional<String> getDeduplicationJobId(String dedupId) {
        return Optional.ofNullable(backend.deduplicationOwner(Objects.requireNonNull(dedupId, "dedupId")));
    }

    /** Frees deduplication id {@code dedupId} so that the next add with it creates a job. */
    public boolean removeDeduplicationKey(String dedupId) {
        return backend.removeDeduplicationKey(Objects.requireNonNull(dedupId, "dedupId"));
    }

    /** Per-minute metrics, data points {@code start..end} (inclusive; newest first; -1 is the last). */
    public Metrics getMetrics(Metrics.Type type, long start, long end) {
        return backend.getMetrics(Objects.requireNonNull(type, "type"), start, end);
    }

    /** All stored per-minute metrics of {@code type}. */
    public Metrics getMetrics(Metrics.Type type) {
        return getMetrics(type, 0, -1);
    }

    // ---- events ----

    /** Delivers events from now on until the subscription (or this queue) is closed. */
    public Subscription subscribe(Consumer<QueueEvent> consumer) {
        return subscribe("$", consumer);
    }

    /** Delivers events written after stream id {@code afterId} ({@code "0"}: from the start). */
    public Subscription subscribe(String afterId, Consumer<QueueEvent> consumer) {
        Subscription subscription = backend.subscribe(afterId, consumer);
        subscriptions.add(subscription);
        return () -> {
            subscriptions.remove(subscription);
            subscription.close();
        };
    }

    @Override
    public void close() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
        subscriptions.clear();
    }

    // ---- job schedulers and flows ----

    /** The job schedulers that produce this queue's repeating jobs. */
    public JobSchedulers schedulers() {
        return schedulers;
    }

    /**
     * The results of a flow parent's completed children: child key to result JSON. Decode a value
     * with {@link #decode(String, Type)}.
     */
    public Map<String, String> getChildrenValues(String parentJobId) {
        return backend.getChildrenValues(parentJobId);
    }

    /** Builder for {@link Queue}. */
    public static final class Builder {
        private final Backend backend;
        private final String name;
        private Clock clock = Clock.systemUTC();
        private PayloadCodec codec;
        private JobOptions defaultJobOptions = JobOptions.defaults();
        private final List<JobLifecycleListener> listeners = new ArrayList<>();

        private Builder(Backend backend, String name) {
            this.backend = Objects.requireNonNull(backend, "backend");
            this.name = Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.contains(":")) {
                throw new IllegalArgumentException("queue name must be non-blank and contain no ':': '" + name + "'");
            }
        }

        /** The clock for job timestamps and delays (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder codec(PayloadCodec codec) {
            this.codec = codec;
            return this;
        }

        /** Options for jobs added without options. */
        public Builder defaultJobOptions(JobOptions options) {
            this.defaultJobOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Adds a listener told of every job this queue adds. */
        public Builder listener(JobLifecycleListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Queue build() {
            return new Queue(this);
        }
    }
}
