package io.taskqueue.redis.internal;

import io.lettuce.core.ScoredValue;
import io.taskqueue.InvalidJobStateException;
import io.taskqueue.JobOptions;
import io.taskqueue.JobScheduler;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.SchedulerSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capability {@code SCHEDULERS} on Redis (docs/protocol.md §5.15): upsert, remove and list, and the
 * production of a scheduler's next job right after its current job is fetched. Every run time is
 * computed here by {@link SchedulerSpec} (first run, phase, next run) and handed to the scripts,
 * which only store it; the scripts keep what must be atomic with the write (the producer is the
 * current job, a replaced pending job keeps its slot, a taken slot moves to a later one).
 */
final class RedisSchedulers implements SchedulerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSchedulers.class);
    private static final String ITERATION = "repeat:";

    private final RedisContext ctx;
    private final Keys keys;
    private final QueueMeta meta;

    RedisSchedulers(RedisContext ctx, Keys keys, QueueMeta meta) {
        this.ctx = ctx;
        this.keys = keys;
        this.meta = meta;
    }

    private List<String> scriptKeys() {
        return List.of(keys.repeat(), keys.delayed(), keys.waitList(), keys.prioritized(), keys.priorityCounter(),
                keys.events(), keys.marker(), keys.meta(), keys.id(), keys.active());
    }

    @Override
    public String upsertScheduler(String schedulerId, SchedulerSpec spec, NewJob template) {
        Objects.requireNonNull(schedulerId, "schedulerId");
        Objects.requireNonNull(spec, "spec");
        meta.ensureWritten();
        long now = template.timestamp();
        var async = ctx.connection().async();
        Map<String, String> old = ctx.await(async.hgetall(keys.scheduler(schedulerId)), "upsertScheduler");
        Double score = ctx.await(async.zscore(keys.repeat(), schedulerId), "upsertScheduler");
        boolean sameEvery = spec.every() != null && old.get("every") != null
                && SchedulerHash.millis(old.get("every")) == spec.every().toMillis();
        Long keptPhase = sameEvery ? SchedulerHash.offset(old) : null;
        OptionalLong first = spec.firstRun(now, keptPhase);
        if (first.isEmpty()) {
            return null;
        }
        String phase = spec.isCron() ? "" : Long.toString(spec.phase(first.getAsLong(), keptPhase));
        // The phase should the script keep the replaced job's slot (an unchanged interval).
        String slotPhase = spec.isCron() || score == null ? phase
                : Long.toString(spec.phase(score.longValue(), keptPhase));
        List<String> args = List.of(keys.base(), schedulerId, Long.toString(first.getAsLong()), phase, slotPhase,
                Long.toString(now), template.name(), template.dataJson(), ctx.codec().opts().write(template.options()),
                spec.every() == null ? "" : Long.toString(spec.every().toMillis()), text(spec.pattern()),
                text(spec.timeZone()), spec.limit() == null ? "" : spec.limit().toString(), millis(spec.startDate()),
                millis(spec.endDate()));
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.ADD_JOB_SCHEDULER, scriptKeys(), args),
                "upsertScheduler");
        if (reply.get(0) instanceof Number code) {
            throw new InvalidJobStateException(code.longValue() == -10
                    ? "job scheduler " + schedulerId + ": the next cron slot's job id is already taken"
                    : "job scheduler " + schedulerId + ": the next 32 slots' job ids are all taken");
        }
        return String.valueOf(reply.get(0));
    }

    @Override
    public boolean removeScheduler(String schedulerId) {
        Object reply = ctx.await(ctx.scripts().run(Script.REMOVE_JOB_SCHEDULER,
                List.of(keys.repeat(), keys.delayed(), keys.events()), List.of(keys.base(), schedulerId)),
                "removeScheduler");
        return ((Number) reply).longValue() == 0;
    }

    /** Every v6 scheduler, the soonest due first (legacy v5 repeatable entries, which have no {@code ic}, are skipped). */
    @Override
    public List<JobScheduler> schedulers() {
        var async = ctx.connection().async();
        List<ScoredValue<String>> entries = ctx.await(async.zrangeWithScores(keys.repeat(), 0, -1), "schedulers");
        List<JobScheduler> out = new ArrayList<>(entries.size());
        for (ScoredValue<String> entry : entries) {
            String id = entry.getValue();
            Map<String, String> h = ctx.await(async.hgetall(keys.scheduler(id)), "schedulers");
            if (h.get("ic") == null) {
                continue;
            }
            try {
                JobOptions template = h.get("opts") == null ? JobOptions.defaults() : ctx.codec().opts().read(h.get("opts"));
                out.add(new JobScheduler(id, h.getOrDefault("name", ""), SchedulerHash.spec(h),
                        h.getOrDefault("data", "{}"), template, (long) entry.getScore(), Integer.parseInt(h.get("ic"))));
            } catch (Exception e) {
                LOG.warn("queue {}: skipping unreadable job scheduler {}: {}", keys.queue(), id, e.toString());
            }
        }
        return out;
    }

    /**
     * After job {@code jobId} (stored as {@code hash}) was fetched at {@code now}: when it is a
     * scheduler's iteration, produces the scheduler's next job, as Node does before it runs the
     * processor. Only the current iteration produces (the script checks), so calling this for every
     * fetched iteration is safe.
     *
     * @throws io.taskqueue.BackendException when Redis fails; the job then stays active until the
     *     stall check recovers it, and its next fetch tries again, as in Node
     */
    void onFetched(String jobId, Map<String, String> hash, long now) {
        String schedulerId = hash.get("rjk");
        String expectedStart = ITERATION + schedulerId + ":";
        if (schedulerId == null || !jobId.startsWith(expectedStart)) {
            return;
        }
        Map<String, String> h = ctx.await(ctx.connection().async().hgetall(keys.scheduler(schedulerId)),
                "scheduler of " + jobId);
        if (h.get("ic") == null) {
            return;
        }
        SchedulerSpec spec;
        long previous;
        try {
            spec = SchedulerHash.spec(h);
            previous = SchedulerHash.millis(jobId.substring(expectedStart.length()));
        } catch (IllegalArgumentException e) {
            LOG.warn("queue {}: job scheduler {} cannot produce after job {}: {}", keys.queue(), schedulerId, jobId,
                    e.getMessage());
            return;
        }
        long phase = spec.phase(previous, SchedulerHash.offset(h));
        OptionalLong next = spec.nextRun(previous, phase, SchedulerHash.count(hash.get("opts")), now);
        if (next.isEmpty()) {
            LOG.debug("queue {}: job scheduler {} has no run after job {}", keys.queue(), schedulerId, jobId);
            return;
        }
        Object produced = ctx.await(ctx.scripts().run(Script.UPDATE_JOB_SCHEDULER, scriptKeys(),
                List.of(keys.base(), schedulerId, jobId, Long.toString(next.getAsLong()), Long.toString(now),
                        spec.isCron() ? "" : Long.toString(phase))), "produce next of " + schedulerId);
        LOG.debug("queue {}: job scheduler {} fetched {} produced '{}'", keys.queue(), schedulerId, jobId, produced);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String millis(Instant t) {
        return t == null ? "" : Long.toString(t.toEpochMilli());
    }
}
