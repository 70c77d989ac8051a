package io.taskqueue.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The listener behind the job counters, timers and the active gauge. It runs on handler threads, so
 * it only touches meters in memory: no I/O, no locks beyond the registry's own.
 */
final class JobMeters implements JobLifecycleListener {
    private final MeterRegistry registry;
    private final MetricsOptions options;
    private final Clock clock;
    private final Consumer<String> queueSeen;
    /**
     * Attempts running now in this process, by queue and job id: a job whose lock was lost may run
     * twice here at once (the old attempt and its recovery), so each id keeps a count.
     */
    private final Map<String, Map<String, Integer>> active = new ConcurrentHashMap<>();
    private final Set<Gauge> gauges = ConcurrentHashMap.newKeySet();

    JobMeters(MeterRegistry registry, MetricsOptions options, Clock clock, Consumer<String> queueSeen) {
        this.registry = registry;
        this.options = options;
        this.clock = clock;
        this.queueSeen = queueSeen;
    }

    @Override
    public void onEnqueued(String queueName, Job job) {
        queueSeen.accept(queueName);
        counter(MeterNames.JOBS_ADDED, jobTags(queueName, job)).increment();
    }

    @Override
    public void onStarted(String queueName, Job job) {
        queueSeen.accept(queueName);
        activeJobs(queueName).merge(job.id(), 1, Integer::sum);
        // Only a job's first start has a known ready time: a retry's stored delay is its backoff and
        // the job's timestamp its creation, and a job recovered from a stall ran before; their waits
        // cannot be told apart from earlier runs, so they are not recorded.
        if (job.attemptsStarted() <= 1) {
            long start = job.processedOn() != null ? job.processedOn() : clock.millis();
            long wait = Math.max(0, start - (job.timestamp() + job.delayMillis()));
            timer(MeterNames.JOB_WAIT, "Time from a job being ready to its first attempt", jobTags(queueName, job))
                    .record(wait, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
        queueSeen.accept(queueName);
        // A job whose data could not be read ends without having started: there is nothing to remove.
        activeJobs(queueName).computeIfPresent(job.id(), (id, n) -> n > 1 ? n - 1 : null);
        Tags tags = jobTags(queueName, job);
        String outcomeTag = Outcomes.tag(outcome);
        timer(MeterNames.JOB_DURATION, "Time an attempt ran in its handler", tags.and(MeterNames.TAG_OUTCOME,
                outcomeTag)).record(elapsedMillis, TimeUnit.MILLISECONDS);
        if (outcome instanceof JobOutcome.Completed) {
            counter(MeterNames.JOBS_COMPLETED, tags).increment();
        } else if (outcome instanceof JobOutcome.Failed failed) {
            Tags withCategory = tags.and(MeterNames.TAG_CATEGORY, failed.category().name());
            if (failed.willRetry()) {
                counter(MeterNames.JOBS_RETRIED, withCategory).increment();
            } else {
                counter(MeterNames.JOBS_FAILED, withCategory.and(MeterNames.TAG_OUTCOME, outcomeTag)).increment();
            }
        } else if (outcome instanceof JobOutcome.Cancelled) {
            counter(MeterNames.JOBS_FAILED, tags.and(MeterNames.TAG_CATEGORY, Outcomes.NO_CATEGORY)
                    .and(MeterNames.TAG_OUTCOME, outcomeTag)).increment();
        } else if (outcome instanceof JobOutcome.LockLost) {
            counter(MeterNames.JOBS_LOCK_LOST, tags).increment();
        }
    }

    @Override
    public void onStalled(String queueName, String jobId) {
        queueSeen.accept(queueName);
        counter(MeterNames.JOBS_STALLED, queueTags(queueName)).increment();
    }

    /** Removes the gauges this listener registered (counters and timers stay: they are cumulative). */
    void removeGauges() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    private Map<String, Integer> activeJobs(String queueName) {
        return active.computeIfAbsent(queueName, q -> {
            Map<String, Integer> ids = new ConcurrentHashMap<>();
            gauges.add(Gauge.builder(MeterNames.JOBS_ACTIVE, ids, JobMeters::sum).tags(queueTags(q))
                    .description("Attempts running now in this process's workers").strongReference(true)
                    .register(registry));
            return ids;
        });
    }

    private static double sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Tags queueTags(String queueName) {
        return Tags.of(options.tags()).and(MeterNames.TAG_QUEUE, queueName);
    }

    private Tags jobTags(String queueName, Job job) {
        Tags tags = queueTags(queueName);
        return options.jobNameTag() ? tags.and(MeterNames.TAG_JOB_NAME, job.name()) : tags;
    }

    private Counter counter(String name, Tags tags) {
        return Counter.builder(name).description(DESCRIPTIONS.get(name)).tags(tags).register(registry);
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            MeterNames.JOBS_ADDED, "Jobs added by this process",
            MeterNames.JOBS_COMPLETED, "Jobs completed by this process's workers",
            MeterNames.JOBS_FAILED, "Jobs failed for good in this process's workers",
            MeterNames.JOBS_RETRIED, "Failed attempts that will run again",
            MeterNames.JOBS_STALLED, "Jobs recovered from a dead worker by this process's stall checks",
            MeterNames.JOBS_LOCK_LOST, "Attempts whose lock was lost, their results dropped");

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags)
                .publishPercentileHistogram(options.percentileHistogram()).register(registry);
    }
}
