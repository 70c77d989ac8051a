package io.taskqueue.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the queue-depth gauges: one {@link JobQueue#counts()} per known queue per run, on the
 * task queue's timer threads, never on a handler thread. Gauges only read the last values, so a
 * scrape never reaches the backend. A failed count sets that queue's gauges to NaN until a count
 * succeeds again: a gap in a graph is honest, a flat line at the last value would hide the outage.
 */
final class QueueDepthPoller implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthPoller.class);

    /** One queue's last counts, read by its gauges. */
    private static final class Depth {
        final Map<JobState, Double> values = new EnumMap<>(JobState.class);
        /** Opened by the first poll, on the timer thread. */
        JobQueue queue;
        boolean failing;

        synchronized double get(JobState state) {
            return values.getOrDefault(state, Double.NaN);
        }

        synchronized void set(Map<JobState, Long> counts) {
            for (JobState state : JobQueue.COUNTED_STATES) {
                values.put(state, (double) counts.getOrDefault(state, 0L));
            }
        }

        synchronized void unknown() {
            values.clear();
        }
    }

    private final TaskQueue taskQueue;
    private final MeterRegistry registry;
    private final Tags tags;
    private final Map<String, Depth> depths = new ConcurrentHashMap<>();
    private final Set<Gauge> gauges = ConcurrentHashMap.newKeySet();

    QueueDepthPoller(TaskQueue taskQueue, MeterRegistry registry, Tags tags) {
        this.taskQueue = taskQueue;
        this.registry = registry;
        this.tags = tags;
    }

    /** Starts polling {@code queueName} (registers its gauges, at NaN until the first count). */
    void know(String queueName) {
        if (depths.containsKey(queueName)) {
            return; // the common case, on handler threads: one map read
        }
        depths.computeIfAbsent(queueName, name -> {
            Depth depth = new Depth();
            for (JobState state : JobQueue.COUNTED_STATES) {
                gauges.add(Gauge.builder(MeterNames.QUEUE_JOBS, depth, d -> d.get(state))
                        .description("Jobs stored in the queue by state, polled")
                        .tags(tags.and(MeterNames.TAG_QUEUE, name, MeterNames.TAG_STATE, state.wireName()))
                        .strongReference(true).register(registry));
            }
            return depth;
        });
    }

    @Override
    public void run() {
        for (Map.Entry<String, Depth> entry : depths.entrySet()) {
            Depth depth = entry.getValue();
            try {
                if (depth.queue == null) {
                    depth.queue = taskQueue.queue(entry.getKey());
                }
                depth.set(depth.queue.counts());
                if (depth.failing) {
                    depth.failing = false;
                    LOG.info("queue {}: depth counts answer again", entry.getKey());
                }
            } catch (RuntimeException e) {
                depth.unknown();
                // Once per outage at WARN: the poll repeats every interval and would flood the log.
                if (!depth.failing) {
                    depth.failing = true;
                    LOG.warn("queue {}: counting jobs for the depth gauges failed; they read NaN until it works",
                            entry.getKey(), e);
                } else {
                    LOG.debug("queue {}: counting jobs failed again", entry.getKey(), e);
                }
            }
        }
    }

    /** Removes the gauges: once the task queue is gone they would report a dead queue forever. */
    void removeGauges() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
