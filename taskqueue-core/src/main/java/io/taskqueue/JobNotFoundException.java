package io.taskqueue;

/** The job does not exist (never added, or already removed). */
public class JobNotFoundException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final String jobId;

    public JobNotFoundException(String jobId) {
        super("job " + jobId + " does not exist");
        this.jobId = jobId;
    }

    /** The id that was looked up. */
    public String jobId() {
        return jobId;
    }
}
