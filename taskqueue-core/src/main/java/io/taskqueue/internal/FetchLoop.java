package io.taskqueue.internal;

import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a free slot, fetches a job into it, and when the queue is empty waits on the worker's
 * channel: at most the drain delay, and never past the next delayed job's due time. Backend errors
 * back off (up to 15 s) and never end the loop; only closing does.
 *
 * <p>The loop is never interrupted: a backend call in flight when the worker closes runs to its
 * end, so a job it fetched is seen and handed back rather than left active in the store. Closing
 * wakes the loop's waits instead (the channel, the slot semaphore, the pauses).
 */
final class FetchLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FetchLoop.class);
    private static final long MAX_ERROR_BACKOFF_MS = 15_000;

    private final WorkerSettings settings;
    private final WorkerRuntime runtime;

    FetchLoop(WorkerSettings settings, WorkerRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
    }

    @Override
    public void run() {
        long errorBackoff = 0;
        while (runtime.isRunning()) {
            long limited = runtime.rateLimitWait();
            if (limited > 0) {
                // Rate limited: pause rather than wait on the channel, as adds would wake us for nothing.
                runtime.pause(limited);
                continue;
            }
            runtime.slots().acquireUninterruptibly();
            if (!runtime.isRunning()) {
                runtime.slots().release();
                return;
            }
            boolean slotTaken = false;
            try {
                FetchRequest request = runtime.nextFetchRequest();
                FetchResult result = settings.backend().fetch(request);
                runtime.fetched(result);
                errorBackoff = 0;
                if (result instanceof FetchResult.Fetched fetched) {
                    slotTaken = runtime.runOrHandBack(fetched.job(), request.token());
                    continue;
                }
                runtime.slots().release();
                slotTaken = true;
                if (result instanceof FetchResult.RateLimited) {
                    continue;
                }
                runtime.channel().awaitWork(waitFor(result));
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; if someone did, keep the flag and stop.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!runtime.isRunning()) {
                    return;
                }
                errorBackoff = errorBackoff == 0 ? 250 : Math.min(MAX_ERROR_BACKOFF_MS, errorBackoff * 2);
                LOG.warn("{}: fetch failed ({}); retrying in {} ms", settings.logName(), e.toString(), errorBackoff);
                if (!slotTaken) {
                    runtime.slots().release();
                    slotTaken = true;
                }
                runtime.pause(errorBackoff);
            } finally {
                if (!slotTaken) {
                    runtime.slots().release();
                }
            }
        }
    }

    private Duration waitFor(FetchResult result) {
        long wait = settings.options().drainDelay().toMillis();
        if (result instanceof FetchResult.Empty empty && empty.nextDelayedAt() != null) {
            wait = Math.min(wait, Math.max(1, empty.nextDelayedAt() - settings.now()));
        }
        return Duration.ofMillis(wait);
    }
}
