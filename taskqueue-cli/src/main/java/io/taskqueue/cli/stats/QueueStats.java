package io.taskqueue.cli.stats;

import io.taskqueue.BackendException;
import io.taskqueue.Capability;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.Metrics;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.Commands;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One queue in {@code taskqueue stats}; also its {@code --json} shape (docs/cli.md).
 *
 * @param name the queue
 * @param paused whether it is paused; {@code null} when the backend cannot pause queues
 * @param counts jobs by state (wire names: waiting, prioritized, delayed, active, waiting-children,
 *     completed, failed)
 * @param workers how many workers are connected; {@code null} when the backend cannot tell
 * @param completed completed jobs per minute and hour; {@code null} without metrics
 * @param failed failed jobs per minute and hour; {@code null} without metrics
 */
public record QueueStats(String name, Boolean paused, Map<String, Long> counts, Integer workers,
        Throughput completed, Throughput failed) {

    /**
     * Reads the stats of {@code queue} at {@code nowMillis}. When listing workers fails (a Redis
     * user without {@code CLIENT LIST}, a managed Redis that forbids it) the count is left unknown
     * and {@code onWorkersUnknown} gets the reason, so the rest still shows.
     */
    public static QueueStats read(TaskQueue taskQueue, JobQueue queue, long nowMillis,
            Consumer<String> onWorkersUnknown) {
        var capabilities = taskQueue.capabilities();
        Map<JobState, Long> counts = queue.counts();
        Boolean paused = capabilities.contains(Capability.PAUSE) ? queue.isPaused() : null;
        Integer workers = null;
        if (capabilities.contains(Capability.WORKERS)) {
            try {
                workers = queue.workers().size();
            } catch (BackendException e) {
                onWorkersUnknown.accept(e.getMessage());
            }
        }
        return new QueueStats(queue.name(), paused, Commands.byWireName(counts), workers,
                Throughput.of(taskQueue, queue, Metrics.Type.COMPLETED, nowMillis),
                Throughput.of(taskQueue, queue, Metrics.Type.FAILED, nowMillis));
    }
}
