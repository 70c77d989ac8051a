package io.taskqueue.spi;

/**
 * Capability {@link io.taskqueue.Capability#DEDUPLICATION}: adds whose options carry a
 * {@link io.taskqueue.Deduplication} are deduplicated by its id, in the mode it names.
 */
public interface DeduplicationSupport {
    /** The id of the job that owns deduplication id {@code dedupId}, or {@code null}. */
    String deduplicationOwner(String dedupId);

    /** Frees deduplication id {@code dedupId} (and drops a job stored to replace its owner); true when it existed. */
    boolean removeDeduplication(String dedupId);
}
