package io.taskqueue;

/**
 * The worker no longer owns the job's lock: it expired and the job may already belong to another
 * worker. The late result is rejected so it never overwrites the new owner's state.
 */
public class LockLostException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final String jobId;

    public LockLostException(String jobId, String detail) {
        super("lock lost for job " + jobId + ": " + detail);
        this.jobId = jobId;
    }

    /** The job whose lock was lost. */
    public String jobId() {
        return jobId;
    }
}
