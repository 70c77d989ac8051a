package io.taskqueue.micrometer;

import io.taskqueue.JobOutcome;

/** The {@code outcome} tag value of each kind of {@link JobOutcome}, decided in one place. */
final class Outcomes {
    static final String NO_CATEGORY = "none";

    private Outcomes() {
    }

    static String tag(JobOutcome outcome) {
        // A switch over the sealed type would be neater, but pattern switches need Java 21.
        if (outcome instanceof JobOutcome.Completed) {
            return "completed";
        } else if (outcome instanceof JobOutcome.Failed failed) {
            return failed.willRetry() ? "retried" : "failed";
        } else if (outcome instanceof JobOutcome.Cancelled) {
            return "cancelled";
        } else if (outcome instanceof JobOutcome.RetryLater) {
            return "retry_later";
        } else if (outcome instanceof JobOutcome.RateLimited) {
            return "rate_limited";
        } else if (outcome instanceof JobOutcome.HandedBack) {
            return "handed_back";
        } else if (outcome instanceof JobOutcome.LockLost) {
            return "lock_lost";
        }
        throw new AssertionError("unhandled outcome " + outcome);
    }
}
