package io.taskqueue.postgres.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the claims of concurrent job threads into multi-row statements. A few claimer threads
 * each take every claim waiting when they come free and settle them in one statement, so there is no
 * waiting window: a lone claim goes at once, and under load the claims that arrive while a batch is
 * in flight form the next one. Throughput then grows with concurrency instead of being one round
 * trip per job.
 *
 * <p>Each claim is decided as if it ran alone: a statement holds at most one claim per job (more
 * claims of one job wait for the next round, in arrival order), and the statement itself gives the
 * same answer per row as the single-row claim. When a batch fails because of its data or a deadlock,
 * its claims are retried one by one, so one bad claim cannot fail the others; when the database is
 * away, every claim of the batch fails and its caller goes ahead unclaimed (see {@link SyncCalls}).
 * A claim whose caller gave up waiting before its batch started is not sent at all.
 */
final class ClaimCoalescer {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimCoalescer.class);
    private static final int MAX_WAITING = 10_000;

    /** Runs the claims of one statement: winners' task ids by key; absent keys were refused. */
    interface Store {
        Map<ClaimRequest.Key, String> claim(List<ClaimRequest> claims);
    }

    private record Pending(ClaimRequest claim, CompletableFuture<Optional<String>> result) {
        boolean live() {
            return !result.isDone();
        }
    }

    private final Store store;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_WAITING);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong claims = new AtomicLong();
    private volatile boolean closed;

    ClaimCoalescer(Store store, int claimers, int maxBatch, String name) {
        if (claimers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("claimers and maxBatch must be at least 1");
        }
        this.store = store;
        this.maxBatch = maxBatch;
        for (int i = 1; i <= claimers; i++) {
            Thread t = new Thread(this::run, name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Queues a claim: the future completes with the task id when it won, empty when refused, or
     * exceptionally when it could not be decided. Cancel the future to withdraw a claim not yet sent.
     */
    CompletableFuture<Optional<String>> submit(ClaimRequest claim) {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        if (closed || !queue.offer(new Pending(claim, result))) {
            result.completeExceptionally(new RejectedExecutionException(closed ? "tracker closed" : "too many claims waiting"));
        }
        return result;
    }

    /** Statements sent so far (for tests and diagnostics). */
    long statements() {
        return statements.get();
    }

    /** Claims sent so far, in {@link #statements()} statements. */
    long claimsSent() {
        return claims.get();
    }

    void close() {
        closed = true;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        failAll(drain(), new RejectedExecutionException("tracker closed"));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                settle(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | Error e) {
                // Never let a claimer die with callers waiting on it: they would all wait out the timeout.
                LOG.error("task tracker: unexpected claim error", e);
                failAll(batch, e);
            } finally {
                batch.clear();
            }
        }
    }

    /** One statement per round; a round holds the first waiting claim of each job. */
    private void settle(List<Pending> batch) {
        List<Pending> todo = batch;
        while (!todo.isEmpty()) {
            Map<ClaimRequest.Job, Pending> round = new LinkedHashMap<>();
            List<Pending> later = new ArrayList<>(0);
            for (Pending p : todo) {
                if (p.live() && round.putIfAbsent(p.claim().job(), p) != null) {
                    later.add(p);
                }
            }
            if (!round.isEmpty()) {
                send(new ArrayList<>(round.values()), true);
            }
            todo = later;
        }
    }

    private void send(List<Pending> round, boolean mayRetryAlone) {
        List<ClaimRequest> requests = new ArrayList<>(round.size());
        for (Pending p : round) {
            requests.add(p.claim());
        }
        Map<ClaimRequest.Key, String> won;
        try {
            statements.incrementAndGet();
            claims.addAndGet(requests.size());
            won = store.claim(requests);
        } catch (RuntimeException | AssertionError e) {
            // pgjdbc asserts on its connection state; with -ea a cut connection can surface as an AssertionError.
            if (mayRetryAlone && round.size() > 1 && worthRetryingAlone(e)) {
                LOG.warn("task tracker: a batch of {} claims failed ({}); retrying them one by one", round.size(),
                        Failures.describe(e));
                for (Pending p : round) {
                    if (p.live()) {
                        send(List.of(p), false);
                    }
                }
            } else {
                failAll(round, e);
            }
            return;
        }
        for (Pending p : round) {
            p.result().complete(Optional.ofNullable(won.get(p.claim().key())));
        }
    }

    /**
     * A statement refused for its data (one claim may spoil the batch) or for a deadlock or
     * serialization failure (class 40) may go through claim by claim; a database that is away will not.
     */
    private static boolean worthRetryingAlone(Throwable e) {
        if (Failures.isBadData(e)) {
            return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("40") || sql.getSQLState().startsWith("21");
            }
        }
        return false;
    }

    private List<Pending> drain() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    private static void failAll(List<Pending> pending, Throwable e) {
        for (Pending p : pending) {
            p.result().completeExceptionally(e);
        }
    }
}
