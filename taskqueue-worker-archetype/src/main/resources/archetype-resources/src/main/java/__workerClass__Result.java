package ${package};

import java.time.Instant;

/**
 * What the ${artifactId} worker returns for a task; stored as the job's result.
 *
 * @param id the task's reference
 * @param output what the work produced
 * @param processedAt when it was done
 */
public record ${workerClass}Result(String id, String output, Instant processedAt) {
}
