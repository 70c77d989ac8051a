package io.taskqueue.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScoredValue;
import io.taskqueue.BackendException;
import io.taskqueue.InvalidJobStateException;
import io.taskqueue.JobOptions;
import io.taskqueue.JobScheduler;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.spi.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job schedulers on Redis (protocol §5.15): upsert, remove and list, and the production of a
 * scheduler's next job right after its current job is fetched, as a BullMQ worker does before it
 * runs the processor. Cron times are computed here (the scripts cannot), {@code every} slots in Lua.
 */
final class SchedulerOps {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerOps.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisContext ctx;
    private final Keys keys;

    SchedulerOps(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    private List<String> scriptKeys() {
        return List.of(keys.repeat(), keys.delayed(), keys.waitList(), keys.prioritized(), keys.priorityCounter(),
                keys.events(), keys.marker(), keys.meta(), keys.id(), keys.active());
    }

    /** Creates or replaces a scheduler; returns its current job id, or null when the schedule is over. */
    String upsert(String schedulerId, SchedulerSpec spec, NewJob template) {
        long now = template.timestamp();
        if (spec.endDate() != null && now > spec.endDate().toEpochMilli()) {
            return null;
        }
        String next = "";
        if (spec.isCron()) {
            OptionalLong cron = spec.immediately() ? OptionalLong.of(now) : spec.nextCronTime(now);
            if (cron.isEmpty() || (spec.endDate() != null && cron.getAsLong() > spec.endDate().toEpochMilli())) {
                return null;
            }
            next = Long.toString(cron.getAsLong());
        }
        List<String> args = List.of(keys.base(), schedulerId, next, Long.toString(now), template.name(),
                template.dataJson(), ctx.codec().opts().write(template.options()),
                spec.every() == null ? "" : Long.toString(spec.every().toMillis()),
                spec.pattern() == null ? "" : spec.pattern(), text(spec.timeZone()),
                spec.limit() == null ? "" : spec.limit().toString(), millis(spec.startDate()), millis(spec.endDate()),
                spec.offset() == null ? "" : Long.toString(spec.offset().toMillis()));
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.ADD_JOB_SCHEDULER, scriptKeys(), args),
                "upsertJobScheduler");
        Object first = reply.get(0);
        if (first instanceof Number code) {
            throw new InvalidJobStateException(code.longValue() == -10
                    ? "job scheduler " + schedulerId + ": the next cron slot's job id is already taken"
                    : "job scheduler " + schedulerId + ": the next 32 slots' job ids are all taken");
        }
        return String.valueOf(first);
    }

    /** Removes a scheduler and its delayed current job; false when it did not exist. */
    boolean remove(String schedulerId) {
        Object reply = ctx.await(ctx.scripts().run(Script.REMOVE_JOB_SCHEDULER,
                List.of(keys.repeat(), keys.delayed(), keys.events()), List.of(keys.base(), schedulerId)),
                "removeJobScheduler");
        return ((Number) reply).longValue() == 0;
    }

    /** Every v6 scheduler (legacy v5 repeatable entries, which have no {@code ic}, are skipped). */
    List<JobScheduler> list() {
        var async = ctx.connection().async();
        List<ScoredValue<String>> entries = ctx.await(async.zrangeWithScores(keys.repeat(), 0, -1), "getJobSchedulers");
        List<JobScheduler> out = new ArrayList<>(entries.size());
        for (ScoredValue<String> entry : entries) {
            String id = entry.getValue();
            Map<String, String> h = ctx.await(async.hgetall(keys.key("repeat:" + id)), "getJobSchedulers");
            if (h.get("ic") == null) {
                continue;
            }
            try {
                JobOptions template = h.get("opts") == null ? JobOptions.defaults() : ctx.codec().opts().read(h.get("opts"));
                out.add(new JobScheduler(id, h.getOrDefault("name", ""), specOf(h), h.getOrDefault("data", "{}"), template,
                        (long) entry.getScore(), Integer.parseInt(h.get("ic"))));
            } catch (Exception e) {
                LOG.warn("skipping unreadable job scheduler {} of queue {}: {}", id, keys.queue(), e.toString());
            }
        }
        return out;
    }

    /**
     * When a fetched job is a scheduler's job, produces the scheduler's next job (Node does the same
     * before it runs the processor). Only the scheduler's current job produces; for the others the
     * script does nothing, so calling this for every fetched scheduler job is safe.
     *
     * @throws BackendException when Redis fails; the job then stays active until the stall checker
     *     recovers it, and its next fetch tries again, as in Node
     */
    void onFetched(String jobId, Map<String, String> hash, long now) {
        String schedulerId = hash.get("rjk");
        if (schedulerId == null) {
            return;
        }
        String next = "";
        Map<String, String> h = ctx.await(ctx.connection().async().hgetall(keys.key("repeat:" + schedulerId)),
                "scheduler of " + jobId);
        if (h.get("ic") == null) {
            return;
        }
        if (h.get("pattern") != null) {
            SchedulerSpec spec;
            try {
                spec = specOf(h);
            } catch (IllegalArgumentException e) {
                LOG.warn("job scheduler {} of queue {} has an unreadable pattern: {}", schedulerId, keys.queue(),
                        e.getMessage());
                return;
            }
            OptionalLong cron = spec.nextCronTime(Math.max(now, prevMillis(hash.get("opts"))));
            if (cron.isPresent() && (spec.endDate() == null || cron.getAsLong() <= spec.endDate().toEpochMilli())) {
                next = Long.toString(cron.getAsLong());
            }
        }
        Object produced = ctx.await(ctx.scripts().run(Script.UPDATE_JOB_SCHEDULER, scriptKeys(),
                List.of(keys.base(), schedulerId, jobId, next, Long.toString(now))), "produce next of " + schedulerId);
        LOG.debug("scheduler {} fetched {} produced '{}'", schedulerId, jobId, produced);
    }

    private static long prevMillis(String optsJson) {
        if (optsJson == null) {
            return 0;
        }
        try {
            JsonNode n = JSON.readTree(optsJson).get("prevMillis");
            return n != null && n.isNumber() ? n.asLong() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** The schedule stored in a scheduler hash (Node's or ours). */
    static SchedulerSpec specOf(Map<String, String> h) {
        SchedulerSpec.Builder b = h.get("pattern") != null
                ? SchedulerSpec.cron(h.get("pattern")).timeZone(h.get("tz"))
                : SchedulerSpec.every(Duration.ofMillis(Long.parseLong(h.get("every"))));
        if (h.get("limit") != null) {
            b.limit(Integer.parseInt(h.get("limit")));
        }
        if (h.get("startDate") != null) {
            b.startDate(Instant.ofEpochMilli(Long.parseLong(h.get("startDate"))));
        }
        if (h.get("endDate") != null) {
            b.endDate(Instant.ofEpochMilli(Long.parseLong(h.get("endDate"))));
        }
        if (h.get("every") != null && h.get("offset") != null) {
            b.offset(Duration.ofMillis(Long.parseLong(h.get("offset"))));
        }
        return b.build();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String millis(Instant t) {
        return t == null ? "" : Long.toString(t.toEpochMilli());
    }
}
