package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TaskTrackerOptions;
import io.taskqueue.postgres.TrackerHealth;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** Wires the tracker's parts over one {@link Jdbi}; the public facade delegates here. */
public final class TrackerRuntime {
    /**
     * Claim statements in flight at once, each with up to {@link #CLAIM_BATCH} claims. Two keep one
     * batch filling while the other is out, and hold only two connections.
     */
    static final int CLAIMERS = 2;
    static final int CLAIM_BATCH = 128;

    private final TaskTrackerOptions options;
    private final Jdbi jdbi;
    private final Breaker breaker;
    private final WriteBuffer buffer;
    private final SyncCalls sync;
    private final ClaimCoalescer claims;
    private final TrackerDao dao;
    private final TrackingListener listener;
    private final ClaimInterceptor interceptor;
    private final Enqueuer enqueuer;

    public TrackerRuntime(DataSource dataSource, TaskTrackerOptions options, String name) {
        this.options = options;
        // No PostgresPlugin: it probes the large-object API on every handle, a round trip per call
        // for nothing the tracker uses. UUIDs and java.time values bind through the driver as is.
        this.jdbi = Jdbi.create(dataSource);
        // Writes share one parameter map per kind and not every statement uses every entry.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.breaker = new Breaker(System::nanoTime, options.retryInterval());
        this.buffer = new WriteBuffer(new TrackerWrites(jdbi), breaker, options.bufferLimit(), options.batchSize(),
                options.retryInterval(), options.maxRetryInterval(), name + "-writer");
        this.sync = new SyncCalls(breaker, options.syncTimeout(), options.syncThreads(), name + "-sync");
        this.dao = new TrackerDao(jdbi);
        this.listener = new TrackingListener(options, buffer);
        this.claims = new ClaimCoalescer(dao::claimAttempts, CLAIMERS, CLAIM_BATCH, name + "-claim");
        this.interceptor = new ClaimInterceptor(options, claims, sync);
        this.enqueuer = new Enqueuer(options, dao, sync, buffer);
    }

    public Jdbi jdbi() {
        return jdbi;
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
