package io.taskqueue.cli.job;

/**
 * What a command did to one job, in {@code --json} output ({@code job add}, {@code retry},
 * {@code cancel}, {@code promote}, {@code remove} with a job id).
 *
 * @param queue the queue
 * @param id the job id
 * @param action {@code added}, {@code retried}, {@code cancelled}, {@code cancel-requested}, {@code promoted} or {@code removed}
 * @param state the job's state afterwards (wire name; {@code unknown} once removed)
 */
public record JobActionResult(String queue, String id, String action, String state) {
}
