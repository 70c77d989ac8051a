package io.taskqueue.spi;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.JobNotFoundException;
import io.taskqueue.LockLostException;
import io.taskqueue.TaskQueueException;

/**
 * The status codes of failed steps (the negative codes of {@code docs/protocol.md} docs/protocol.md §5.0) and the one
 * mapping from a code to the exception users see, shared by every backend so that messages are
 * identical whatever the store.
 */
public final class StatusCodes {
    /** The job does not exist. */
    public static final int JOB_NOT_FOUND = -1;
    /** The job's lock is missing. */
    public static final int LOCK_MISSING = -2;
    /** The job is not in the expected state. */
    public static final int NOT_IN_STATE = -3;
    /** The job still has pending children. */
    public static final int PENDING_CHILDREN = -4;
    /** The parent job does not exist. */
    public static final int PARENT_NOT_FOUND = -5;
    /** The lock is held by another token. */
    public static final int LOCK_MISMATCH = -6;
    /** The job already belongs to another parent. */
    public static final int PARENT_CONFLICT = -7;
    /** The job is a job scheduler's current iteration. */
    public static final int SCHEDULER_JOB = -8;
    /** The job has failed children. */
    public static final int FAILED_CHILDREN = -9;

    private StatusCodes() {
    }

    /** The exception for {@code code}, raised by operation {@code operation} on {@code jobId}. */
    public static TaskQueueException toException(int code, String jobId, String operation) {
        return switch (code) {
            case JOB_NOT_FOUND -> new JobNotFoundException(jobId);
            case LOCK_MISSING -> new LockLostException(jobId, "missing lock (" + operation + ")");
            case LOCK_MISMATCH -> new LockLostException(jobId, "lock held by another worker (" + operation + ")");
            case NOT_IN_STATE -> new InvalidJobStateException(
                    "job " + jobId + " is not in the state " + operation + " requires");
            case PENDING_CHILDREN -> new InvalidJobStateException("job " + jobId + " has pending children");
            case PARENT_NOT_FOUND -> new InvalidJobStateException("parent of job " + jobId + " does not exist");
            case PARENT_CONFLICT -> new InvalidJobStateException("job " + jobId + " belongs to another parent");
            case SCHEDULER_JOB -> new InvalidJobStateException(
                    "job " + jobId + " is the current iteration of a job scheduler");
            case FAILED_CHILDREN -> new InvalidJobStateException("job " + jobId + " has failed children");
            default -> new TaskQueueException("unexpected status " + code + " for job " + jobId + " (" + operation + ")");
        };
    }

    /** Throws the mapped exception when {@code code} is negative; returns it otherwise. */
    public static long check(long code, String jobId, String operation) {
        if (code < 0) {
            throw toException((int) code, jobId, operation);
        }
        return code;
    }
}
