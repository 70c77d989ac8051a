package io.taskqueue.spi;

/** What a cancel request did. */
public enum CancelResult {
    /** No such job. */
    NOT_FOUND,
    /** The job had already finished; nothing changed. */
    ALREADY_FINISHED,
    /** The job was waiting or delayed and is now failed with the given reason; it never runs. */
    CANCELLED,
    /** The job is active; a durable flag is set and its worker is notified. */
    SIGNALLED
}
