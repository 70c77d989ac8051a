package io.taskqueue.spi;

/** What a remove did. */
public enum RemoveResult {
    /** The job and its keys are gone. */
    REMOVED,
    /** No such job. */
    NOT_FOUND,
    /** The job is locked by a worker and was left alone. */
    LOCKED
}
