package io.taskqueue.testing.simple;

import io.taskqueue.spi.StatusCodes;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The locks of a queue's active jobs: which token owns each job and until when. Expiry is timed by
 * the backend's own clock, the one thing this backend decides by itself; an expired lock counts as
 * missing, so a worker that stopped renewing cannot finish the job even before the stall check has
 * put it back. Not thread-safe: the queue's lock guards it.
 */
final class JobLocks {
    private record Lock(String token, long expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Lock> locks = new HashMap<>();

    JobLocks(Clock clock) {
        this.clock = clock;
    }

    void take(String jobId, String token, long durationMillis) {
        locks.put(jobId, new Lock(token, clock.millis() + durationMillis));
    }

    /** 0 when {@code token} holds the job's lock, else the {@link StatusCodes} code saying why not. */
    int check(String jobId, String token) {
        Lock lock = live(jobId);
        if (lock == null) {
            return StatusCodes.LOCK_MISSING;
        }
        return lock.token().equals(token) ? 0 : StatusCodes.LOCK_MISMATCH;
    }

    /** Extends the lock of {@code token} by {@code durationMillis} from now; false when it is not held. */
    boolean renew(String jobId, String token, long durationMillis) {
        if (check(jobId, token) != 0) {
            return false;
        }
        take(jobId, token, durationMillis);
        return true;
    }

    /** Whether someone holds the job's lock now. */
    boolean isHeld(String jobId) {
        return live(jobId) != null;
    }

    void release(String jobId) {
        locks.remove(jobId);
    }

    private Lock live(String jobId) {
        Lock lock = locks.get(jobId);
        return lock != null && lock.expiresAt() > clock.millis() ? lock : null;
    }
}
