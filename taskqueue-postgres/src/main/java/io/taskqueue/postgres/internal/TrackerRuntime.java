package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TaskTrackerOptions;
import io.taskqueue.postgres.TrackerHealth;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The tracker's job-side parts, wired once it is installed on a task queue: the write buffer, the
 * bounded synchronous calls, the claim coalescer, the listener, the claim interceptor and the
 * enqueuer. Every timestamp comes from the task queue's clock.
 *
 * <p>Database I/O runs on threads of its own, never on the task queue's shared timer threads: those
 * renew job locks, and a call to a database behind a dead network can hang for minutes.
 */
public final class TrackerRuntime {
    /**
     * Claim statements in flight at once, each with up to {@link #CLAIM_BATCH} claims. Two keep one
     * batch filling while the other is out, and hold only two connections.
     */
    static final int CLAIMERS = 2;
    static final int CLAIM_BATCH = 128;

    private final TaskTrackerOptions options;
    private final Breaker breaker;
    private final WriteBuffer buffer;
    private final SyncCalls sync;
    private final ClaimCoalescer claims;
    private final TrackerDao dao;
    private final TrackingListener listener;
    private final ClaimInterceptor interceptor;
    private final Enqueuer enqueuer;

    public TrackerRuntime(Jdbi jdbi, Sql sql, TaskTrackerOptions options, Clock clock, String name) {
        this.options = options;
        this.breaker = new Breaker(System::nanoTime, options.retryInterval());
        this.buffer = new WriteBuffer(new TrackerWrites(jdbi, sql), breaker, options.bufferLimit(), options.batchSize(),
                options.retryInterval(), options.maxRetryInterval(), name + "-writer");
        this.sync = new SyncCalls(breaker, options.syncTimeout(), options.syncThreads(), name + "-sync");
        this.dao = new TrackerDao(jdbi, sql);
        this.listener = new TrackingListener(options, clock, buffer);
        this.claims = new ClaimCoalescer(dao::claimAttempts, CLAIMERS, CLAIM_BATCH, name + "-claim");
        this.interceptor = new ClaimInterceptor(options, clock, claims, sync);
        this.enqueuer = new Enqueuer(options, clock, dao, sync, buffer);
    }

    public TrackerDao dao() {
        return dao;
    }

    public TrackingListener listener() {
        return listener;
    }

    public ClaimInterceptor interceptor() {
        return interceptor;
    }

    public Enqueuer enqueuer() {
        return enqueuer;
    }

    /** Waits until every buffered write is stored or dropped; false on timeout. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return buffer.flush(timeout);
    }

    public TrackerHealth health() {
        return new TrackerHealth(breaker.isClosed(), buffer.pending(), buffer.written(), buffer.dropped(),
                buffer.failedFlushes(), enqueuer.unchecked(), interceptor.unclaimed(), interceptor.refused());
    }

    public long claimsRefused() {
        return interceptor.refused();
    }

    public void close() {
        buffer.close(options.closeTimeout());
        claims.close();
        sync.close();
    }
}
