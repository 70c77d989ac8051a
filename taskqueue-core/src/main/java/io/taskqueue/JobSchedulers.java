package io.taskqueue;

import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.SchedulerSupport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The job schedulers of one queue (BullMQ's v6 "job schedulers"): each produces a job on a fixed
 * interval or a cron schedule, with ids {@code repeat:<schedulerId>:<millis>}. Obtain it from
 * {@link JobQueue#schedulers()}.
 */
public final class JobSchedulers {
    /** Builds the stored form of a template job with the queue's codec, clock and defaults. */
    @FunctionalInterface
    interface TemplateEncoder {
        NewJob encode(String name, Object data, JobOptions options);
    }

    private final SchedulerSupport backend;
    private final TemplateEncoder encoder;

    JobSchedulers(SchedulerSupport backend, TemplateEncoder encoder) {
        this.backend = backend;
        this.encoder = encoder;
    }

    /**
     * Creates or replaces scheduler {@code schedulerId}: from now on a job named {@code name} with
     * {@code data} and {@code options} (or the queue's defaults when {@code null}) is produced on
     * {@code spec}'s schedule. Each job is produced when the previous one is fetched, so a busy queue
     * skips slots rather than piling them up. Returns the id of the scheduler's current job, or
     * {@code null} when the schedule is already over.
     */
    public String upsert(String schedulerId, SchedulerSpec spec, String name, Object data, JobOptions options) {
        Objects.requireNonNull(schedulerId, "schedulerId");
        Objects.requireNonNull(spec, "spec");
        if (schedulerId.isBlank() || schedulerId.contains(":")) {
            throw new IllegalArgumentException("scheduler id must be non-blank and contain no ':': " + schedulerId);
        }
        NewJob template = encoder.encode(name, data == null ? Map.of() : data, options);
        if (template.options().jobId() != null) {
            throw new IllegalArgumentException("a scheduler's job template cannot have a custom job id");
        }
        return backend.upsertScheduler(schedulerId, spec, template);
    }

    /** Removes a scheduler and its pending job; false when there was none. */
    public boolean remove(String schedulerId) {
        return backend.removeScheduler(schedulerId);
    }

    /** The queue's schedulers, the soonest due first. */
    public List<JobScheduler> list() {
        return backend.schedulers();
    }

    /** One scheduler, if it exists. */
    public Optional<JobScheduler> get(String schedulerId) {
        return list().stream().filter(s -> s.id().equals(schedulerId)).findFirst();
    }
}
