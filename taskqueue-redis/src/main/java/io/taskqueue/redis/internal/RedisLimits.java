package io.taskqueue.redis.internal;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.taskqueue.Metrics;
import io.taskqueue.RateLimit;
import io.taskqueue.spi.LimitSupport;
import io.taskqueue.spi.MetricsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Capabilities {@code LIMITS} and {@code METRICS} on Redis: the queue-wide limits of
 * docs/protocol.md §3 and §5.16 (global concurrency and rate limit in the meta hash, the
 * {@code limiter} key), which Node workers honour too, and the per-minute metrics of docs/protocol.md §5.17. Plain
 * commands where BullMQ uses plain commands; scripts where a read must be consistent.
 */
final class RedisLimits implements LimitSupport, MetricsSupport {
    /** A manual rate limit's counter value: 2^53 - 1, as BullMQ writes it. */
    private static final String MANUAL_LIMIT = "9007199254740991";

    private final RedisContext ctx;
    private final Keys keys;
    private final QueueMeta meta;

    RedisLimits(RedisContext ctx, Keys keys, QueueMeta meta) {
        this.ctx = ctx;
        this.keys = keys;
        this.meta = meta;
    }

    @Override
    public void setGlobalConcurrency(Integer concurrency) {
        var async = ctx.connection().async();
        if (concurrency == null) {
            ctx.await(async.hdel(keys.meta(), "concurrency"), "removeGlobalConcurrency");
        } else {
            meta.ensureWritten();
            ctx.await(async.hset(keys.meta(), "concurrency", Integer.toString(concurrency)), "setGlobalConcurrency");
        }
    }

    @Override
    public Integer globalConcurrency() {
        String v = ctx.await(ctx.connection().async().hget(keys.meta(), "concurrency"), "globalConcurrency");
        return v == null ? null : (int) Double.parseDouble(v);
    }

    @Override
    public void setGlobalRateLimit(RateLimit limit) {
        var async = ctx.connection().async();
        if (limit == null) {
            ctx.await(async.hdel(keys.meta(), "max", "duration"), "removeGlobalRateLimit");
        } else {
            meta.ensureWritten();
            ctx.await(async.hset(keys.meta(), Map.of("max", Integer.toString(limit.max()),
                    "duration", Long.toString(limit.durationMillis()))), "setGlobalRateLimit");
        }
    }

    @Override
    public RateLimit globalRateLimit() {
        List<KeyValue<String, String>> v = ctx.await(
                ctx.connection().async().hmget(keys.meta(), "max", "duration"), "globalRateLimit");
        if (!v.get(0).hasValue() || !v.get(1).hasValue()) {
            return null;
        }
        return new RateLimit((int) Double.parseDouble(v.get(0).getValue()),
                Duration.ofMillis((long) Double.parseDouble(v.get(1).getValue())));
    }

    @Override
    public void rateLimit(long ttlMillis) {
        meta.ensureWritten();
        ctx.await(ctx.connection().async().set(keys.limiter(), MANUAL_LIMIT,
                SetArgs.Builder.px(ttlMillis)), "rateLimit");
    }

    @Override
    public long rateLimitTtl(Integer maxJobs) {
        Object reply = ctx.await(ctx.scripts().run(Script.GET_RATE_LIMIT_TTL, List.of(keys.limiter(), keys.meta()),
                List.of(maxJobs == null ? "" : Integer.toString(maxJobs))), "getRateLimitTtl");
        return ((Number) reply).longValue();
    }

    @Override
    public void resetRateLimit() {
        ctx.await(ctx.connection().async().del(keys.limiter()), "resetRateLimit");
    }

    @Override
    public Metrics getMetrics(Metrics.Type type, long start, long end) {
        Objects.requireNonNull(type, "type");
        boolean completed = type == Metrics.Type.COMPLETED;
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.GET_METRICS,
                List.of(keys.metrics(completed), keys.metricsData(completed)),
                List.of(Long.toString(start), Long.toString(end))), "getMetrics");
        List<?> meta = (List<?>) reply.get(0);
        List<Long> data = new ArrayList<>();
        for (Object point : (List<?>) reply.get(1)) {
            data.add(number(point));
        }
        return new Metrics(type, number(meta.get(0)), number(meta.get(1)), number(meta.get(2)), data,
                number(reply.get(2)));
    }

    /** A Redis integer or decimal string, 0 when missing. */
    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
