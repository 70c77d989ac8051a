package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * How one attempt ended, as the worker saw it. Handlers do not build these: they return or throw,
 * and the worker turns that into an outcome in one place and applies it to the backend.
 */
public sealed interface JobOutcome {

    /** The handler returned {@code value} (already encoded as {@code json}). */
    record Completed(Object value, String json) implements JobOutcome {
    }

    /**
     * The attempt failed.
     *
     * @param error what was thrown
     * @param reason the message stored as {@code failedReason}
     * @param category the classifier's verdict
     * @param retryDelay the delay before the next attempt, or {@code null} when the job fails for good
     */
    record Failed(Throwable error, String reason, ErrorCategory category, Duration retryDelay) implements JobOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(category, "category");
        }

        /** True when the job will run again. */
        public boolean willRetry() {
            return retryDelay != null;
        }
    }

    /** The handler asked to run again after {@code delay} without spending an attempt. */
    record RetryLater(Duration delay) implements JobOutcome {
        public RetryLater {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * The handler reported that the queue is rate limited for {@code ttl}: the limit is stored for
     * every worker and the job goes back to the front of the queue without spending an attempt.
     */
    record RateLimited(Duration ttl) implements JobOutcome {
        public RateLimited {
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    /** The job was cancelled; it ends failed with {@code reason} and is not retried. */
    record Cancelled(String reason) implements JobOutcome {
        public Cancelled {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The worker was closing and handed the job back to the queue for another worker. */
    record HandedBack() implements JobOutcome {
    }

    /** The worker lost the job's lock; its result was dropped because another owner may exist. */
    record LockLost(String detail) implements JobOutcome {
    }
}
