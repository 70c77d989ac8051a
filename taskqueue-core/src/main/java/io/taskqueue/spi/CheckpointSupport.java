package io.taskqueue.spi;

import java.util.Map;

/**
 * Capability {@link io.taskqueue.Capability#CHECKPOINTS}: state a handler saves so that a later
 * attempt of the same job resumes. Checkpoints live with their job and are removed with it.
 */
public interface CheckpointSupport {
    /** Saves {@code json} under {@code key} for the job. */
    void saveCheckpoint(String jobId, String key, String json);

    /** All checkpoints of a job, key to JSON text. */
    Map<String, String> checkpoints(String jobId);
}
