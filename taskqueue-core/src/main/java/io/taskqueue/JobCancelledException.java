package io.taskqueue;

/**
 * Thrown by {@link JobContext#throwIfCancelled()} once the job was cancelled, timed out, lost its
 * lock or its worker is closing. The worker records the matching outcome; handlers only let it
 * propagate.
 */
public class JobCancelledException extends TaskQueueException {
    private static final long serialVersionUID = 1L;

    public JobCancelledException(String reason) {
        super(reason);
    }
}
