package io.taskqueue.spi;

/** The result of renewing one job's lock. */
public enum LockStatus {
    /** Renewed: the worker still owns the job. */
    HELD,
    /** Renewed, and someone asked to cancel the job: the worker must stop its handler. */
    CANCEL_REQUESTED,
    /** Not renewed: the lock expired or belongs to another token. */
    LOST
}
