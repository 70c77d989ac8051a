package io.taskqueue.cli.job;

/**
 * What a bulk {@code retry} or {@code remove} did, in {@code --json} output.
 *
 * @param queue the queue
 * @param action {@code retry} or {@code remove}
 * @param state the state acted on (wire name)
 * @param name the job name filter, or {@code null}
 * @param dryRun true when nothing was changed
 * @param matched the jobs counted before acting (the most it acts on)
 * @param done the jobs retried or removed
 * @param left the jobs still in the state that could not be acted on (e.g. locked by a worker)
 * @param gone the jobs that left the state (or were removed) before the command got to them
 * @param scanned the jobs read, counting included (with a name filter, those of other names too)
 */
public record BulkResult(String queue, String action, String state, String name, boolean dryRun, long matched,
        long done, long left, long gone, long scanned) {
}
