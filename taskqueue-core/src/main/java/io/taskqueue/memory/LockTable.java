package io.taskqueue.memory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The job locks ({@code K<id>:lock} with {@code PX}). Expiry uses the backend's clock, which stands
 * for the datastore's own clock on Redis; an expired lock is indistinguishable from a missing one.
 * Guarded by the queue's lock.
 */
final class LockTable {
    private record Lock(String token, long expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Lock> locks = new HashMap<>();

    LockTable(Clock clock) {
        this.clock = clock;
    }

    /** SET lock token PX duration. */
    void acquire(String jobId, String token, long durationMillis) {
        locks.put(jobId, new Lock(token, clock.millis() + durationMillis));
    }

    /** The token of the live lock, or {@code null} when missing or expired. */
    String holder(String jobId) {
        Lock lock = locks.get(jobId);
        if (lock == null) {
            return null;
        }
        if (clock.millis() > lock.expiresAt) {
            // Redis keeps a key alive through its expiry millisecond (expired means now > when);
            // forget it lazily, as Redis does.
            locks.remove(jobId);
            return null;
        }
        return lock.token;
    }

    /** True when a live lock exists, whoever holds it. */
    boolean isLocked(String jobId) {
        return holder(jobId) != null;
    }

    /** Renews the lock when {@code token} holds it; false otherwise (missing, expired or foreign). */
    boolean extend(String jobId, String token, long durationMillis) {
        if (!token.equals(holder(jobId))) {
            return false;
        }
        acquire(jobId, token, durationMillis);
        return true;
    }

    /** DEL lock. */
    void release(String jobId) {
        locks.remove(jobId);
    }

    void clear() {
        locks.clear();
    }
}
