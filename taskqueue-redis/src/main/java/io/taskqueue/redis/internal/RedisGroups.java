package io.taskqueue.redis.internal;

import io.taskqueue.RateLimit;
import io.taskqueue.spi.GroupSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Capability {@code GROUPS} on Redis (a taskqueue extension; BullMQ keeps groups in its Pro tier): the settings in
 * {@code tq:group-limits} and the reads of the groups' keys. The moves themselves happen inside the
 * add, fetch and finish scripts, through the {@code groups} include, which documents the design.
 */
final class RedisGroups implements GroupSupport {
    /** The {@code tq:group-limits} fields of the defaults. */
    private static final String DEFAULT_CONCURRENCY = "dc";
    private static final String DEFAULT_RATE = "dr";

    private final RedisContext ctx;
    private final Keys keys;
    private final QueueMeta meta;

    RedisGroups(RedisContext ctx, Keys keys, QueueMeta meta) {
        this.ctx = ctx;
        this.keys = keys;
        this.meta = meta;
    }

    private static String concurrencyField(String group) {
        return group == null ? DEFAULT_CONCURRENCY : "c:" + group;
    }

    private static String rateField(String group) {
        return group == null ? DEFAULT_RATE : "r:" + group;
    }

    @Override
    public void setGroupConcurrency(String group, Integer concurrency) {
        var async = ctx.connection().async();
        if (concurrency == null) {
            ctx.await(async.hdel(keys.groupLimits(), concurrencyField(group)), "removeGroupConcurrency");
        } else {
            meta.ensureWritten();
            ctx.await(async.hset(keys.groupLimits(), concurrencyField(group), Integer.toString(concurrency)),
                    "setGroupConcurrency");
            wakeWorkers();
        }
    }

    @Override
    public Integer groupConcurrency(String group) {
        String v = ctx.await(ctx.connection().async().hget(keys.groupLimits(), concurrencyField(group)),
                "groupConcurrency");
        return v == null ? null : (int) Double.parseDouble(v);
    }

    @Override
    public void setGroupRateLimit(String group, RateLimit limit) {
        var async = ctx.connection().async();
        if (limit == null) {
            ctx.await(async.hdel(keys.groupLimits(), rateField(group)), "removeGroupRateLimit");
        } else {
            meta.ensureWritten();
            ctx.await(async.hset(keys.groupLimits(), rateField(group), limit.max() + ":" + limit.durationMillis()),
                    "setGroupRateLimit");
            wakeWorkers();
        }
    }

    @Override
    public RateLimit groupRateLimit(String group) {
        String v = ctx.await(ctx.connection().async().hget(keys.groupLimits(), rateField(group)), "groupRateLimit");
        if (v == null) {
            return null;
        }
        int sep = v.indexOf(':');
        return new RateLimit((int) Double.parseDouble(v.substring(0, sep)),
                Duration.ofMillis((long) Double.parseDouble(v.substring(sep + 1))));
    }

    /** A changed limit may let parked jobs go: the base marker wakes a worker to look. */
    private void wakeWorkers() {
        ctx.await(ctx.connection().async().zadd(keys.marker(), 0, "0"), "wakeWorkers");
    }

    @Override
    public long groupWaitingCount(String group) {
        Objects.requireNonNull(group, "group");
        Object n = ctx.await(ctx.scripts().run(Script.GROUP_WAITING_COUNT,
                List.of(keys.groupWait(group), keys.delayed()), List.of()), "groupWaitingCount");
        return ((Number) n).longValue();
    }

    @Override
    public List<String> waitingGroups() {
        List<String> ring = ctx.await(ctx.connection().async().lrange(keys.groupRing(), 0, -1), "waitingGroups");
        return new ArrayList<>(new LinkedHashSet<>(ring));
    }

    /** After an obliterate: deletes the groups' keys and settings. */
    void obliterate() {
        ctx.await(ctx.scripts().run(Script.OBLITERATE_GROUPS, List.of(keys.groupRing(), keys.groupLimits()),
                List.of(keys.base())), "obliterateGroups");
    }
}
