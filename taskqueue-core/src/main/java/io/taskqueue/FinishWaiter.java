package io.taskqueue;

import io.taskqueue.spi.QueueBackend;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits for one job to finish: every event about the job triggers a look at its state, and the
 * state is also read at least every {@link #RECHECK} in case an event is missed (a subscription
 * starts at the end of the stream, possibly just after the job finished).
 */
final class FinishWaiter {
    private static final Duration RECHECK = Duration.ofMillis(500);

    private final QueueBackend backend;
    private final String jobId;

    FinishWaiter(QueueBackend backend, String jobId) {
        this.backend = backend;
        this.jobId = jobId;
    }

    Job await(Duration timeout) {
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Subscription ignored = backend.subscribe(EventCursor.LATEST, event -> {
            if (jobId.equals(event.jobId())) {
                changed.release();
            }
        })) {
            while (true) {
                JobState state = backend.getState(jobId);
                if (state.isFinal()) {
                    return backend.getJob(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
                }
                if (state == JobState.UNKNOWN) {
                    throw new JobNotFoundException(jobId);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TaskQueueException("job " + jobId + " of queue '" + backend.name()
                            + "' did not finish within " + timeout.toMillis() + " ms (it is " + state.wireName() + ")");
                }
                changed.tryAcquire(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
                changed.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskQueueException("interrupted while waiting for job " + jobId + " to finish", e);
        }
    }
}
