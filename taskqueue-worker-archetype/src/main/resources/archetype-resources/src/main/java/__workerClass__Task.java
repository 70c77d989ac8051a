package ${package};

/**
 * One task for the ${artifactId} worker, as producers add it (JSON, so a Node producer can add it too).
 *
 * @param id the producer's reference for the task
 * @param input what to process
 */
public record ${workerClass}Task(String id, String input) {
}
