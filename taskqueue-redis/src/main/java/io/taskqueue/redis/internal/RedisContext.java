package io.taskqueue.redis.internal;

import io.lettuce.core.RedisException;
import io.taskqueue.BackendException;
import io.taskqueue.TaskQueueException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every queue of one backend shares: the connections (the shared command connection, and the
 * factory of dedicated ones, for one server, Sentinel or a Cluster), the script runner, the codec and
 * the settings.
 *
 * @param connection the shared, multiplexed command connection ({@code connection().async()}) and
 *     the dedicated connections' factory
 * @param scripts the script runner over {@code connection}
 * @param codec the job hash codec
 * @param prefix the key prefix
 * @param commandTimeout the timeout of one command
 * @param maxLenEvents written to each queue's meta before its first write
 * @param metricsMaxDataPoints 0 for no metrics
 * @param minBlockSeconds the shortest BZPOPMIN timeout the server treats as a timeout
 * @param clock the clock for the few operations whose SPI method passes no time
 */
public record RedisContext(RedisConnections connection, ScriptRunner scripts, JobHashCodec codec, String prefix,
        Duration commandTimeout, int maxLenEvents, int metricsMaxDataPoints, double minBlockSeconds, Clock clock) {


    /** Waits for {@code stage} up to the command timeout, mapping failures to taskqueue exceptions. */
    public <T> T await(CompletionStage<T> stage, String what) {
        return await(stage.toCompletableFuture(), commandTimeout, what);
    }

    /** Waits for {@code future} up to {@code timeout}, mapping failures to taskqueue exceptions. */
    public static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for Redis (" + what + ")", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new BackendException("Redis did not answer within " + timeout.toMillis() + " ms (" + what + ")", e);
        } catch (CancellationException e) {
            throw new BackendException("Redis command cancelled (" + what + ")", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), what);
        }
    }

    /** A Redis or I/O failure as a taskqueue exception. */
    public static TaskQueueException translate(Throwable e, String what) {
        if (e instanceof TaskQueueException t) {
            return t;
        }
        if (e instanceof RedisException || e instanceof java.io.IOException) {
            return new BackendException("Redis failed (" + what + "): " + e.getMessage(), e);
        }
        return new BackendException("unexpected failure (" + what + "): " + e, e);
    }
}
