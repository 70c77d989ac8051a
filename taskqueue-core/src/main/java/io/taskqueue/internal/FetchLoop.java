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
                // Rate limited: sleep rather than wait on the channel, as adds would wake us for nothing.
                if (!pause(limited)) {
                    return;
                }
                continue;
            }
            try {
                runtime.slots().acquire();
            } catch (InterruptedException e) {
                return;
            }
            boolean slotUsed = false;
            try {
                FetchRequest request = runtime.nextFetchRequest();
                FetchResult result = settings.backend().fetch(request);
                runtime.fetched(result);
                errorBackoff = 0;
                if (result instanceof FetchResult.Fetched fetched) {
                    if (runtime.isRunning()) {
                        runtime.dispatch(fetched.job(), request.token());
                        slotUsed = true;
                    } else {
                        settings.backend().handBack(fetched.job().id(), request.token(), settings.now());
                    }
                    continue;
                }
                runtime.slots().release();
                slotUsed = true;
                if (result instanceof FetchResult.RateLimited) {
                    continue;
                }
                runtime.channel().awaitWork(waitFor(result));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                errorBackoff = errorBackoff == 0 ? 250 : Math.min(MAX_ERROR_BACKOFF_MS, errorBackoff * 2);
                LOG.warn("{}: fetch failed ({}); retrying in {} ms", settings.logName(), e.toString(), errorBackoff);
                if (!slotUsed) {
                    runtime.slots().release();
                    slotUsed = true;
                }
                if (!pause(errorBackoff)) {
                    return;
                }
            } finally {
                if (!slotUsed) {
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

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
