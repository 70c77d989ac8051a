package io.taskqueue.spi;

import java.util.List;
import java.util.Objects;

/**
 * Puts an active job back and releases its lock.
 *
 * @param jobId the job
 * @param token the lock token the worker holds
 * @param now epoch milliseconds
 * @param kind what the release means
 * @param delayMillis 0 to make the job ready at once, else how long it waits first
 * @param failedReason the last error message to store ({@link Kind#RETRY}), or {@code null}
 * @param stacktrace the job's whole stack trace list to store, or {@code null} to leave it as is
 */
public record ReleaseRequest(String jobId, String token, long now, Kind kind, long delayMillis,
        String failedReason, List<String> stacktrace) {

    /** What a release means for the job. */
    public enum Kind {
        /** A failed attempt that will be retried: an attempt is spent. */
        RETRY,
        /** The handler asked to run again later: no attempt is spent. */
        POSTPONE,
        /** The worker gives the job up unstarted or unfinished: no attempt is spent, it goes first in line. */
        HAND_BACK
    }

    public ReleaseRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kind, "kind");
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative");
        }
        if (kind == Kind.HAND_BACK && delayMillis != 0) {
            throw new IllegalArgumentException("a job handed back is ready at once");
        }
        stacktrace = stacktrace == null ? null : List.copyOf(stacktrace);
    }

    /** A failed attempt to retry after {@code delayMillis}, storing the error. */
    public static ReleaseRequest retry(String jobId, String token, long now, long delayMillis, String failedReason,
            List<String> stacktrace) {
        return new ReleaseRequest(jobId, token, now, Kind.RETRY, delayMillis, failedReason, stacktrace);
    }

    /** An attempt the handler postponed by {@code delayMillis}. */
    public static ReleaseRequest postpone(String jobId, String token, long now, long delayMillis) {
        return new ReleaseRequest(jobId, token, now, Kind.POSTPONE, delayMillis, null, null);
    }

    /** A job the worker gives back. */
    public static ReleaseRequest handBack(String jobId, String token, long now) {
        return new ReleaseRequest(jobId, token, now, Kind.HAND_BACK, 0, null, null);
    }
}
