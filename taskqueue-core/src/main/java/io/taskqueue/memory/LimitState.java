package io.taskqueue.memory;

import io.taskqueue.Metrics;
import io.taskqueue.RateLimit;
import io.taskqueue.spi.FetchRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The queue-wide limits and counters of docs/protocol.md §3, §5.16 and §5.17: the meta fields
 * {@code concurrency}, {@code max} and {@code duration}, the {@code limiter} key (a counter with an
 * expiry on the backend clock, standing for the server's PX) and the metrics hashes and lists.
 * Guarded by the queue's lock.
 */
final class LimitState {
    /** The counter value of a manual rate limit: 2^53 - 1, as BullMQ stores it. */
    static final long MANUAL_LIMIT = 9_007_199_254_740_991L;

    private final Clock clock;
    /** meta {@code concurrency}, or null. */
    Integer concurrency;
    /** meta {@code max} and {@code duration} (ms), each possibly null. */
    Integer globalMax;
    Long globalDuration;
    private long limiterCount;
    /** Expiry of the limiter key on the backend clock; null when the key has no expiry. */
    private Long limiterExpiresAt;
    private boolean limiterExists;
    private final Map<Metrics.Type, MetricsSeries> metrics = new EnumMap<>(Metrics.Type.class);

    LimitState(Clock clock) {
        this.clock = clock;
    }

    /** "Maxed": global concurrency is set and reached. */
    boolean maxed(int activeCount) {
        return concurrency != null && activeCount >= concurrency;
    }

    /** The fetch's {@code maxJobs}: the global max wins over the worker's. */
    Integer maxJobs(FetchRequest request) {
        if (globalMax != null) {
            return globalMax;
        }
        RateLimit limiter = request.limiter();
        return limiter == null ? null : limiter.max();
    }

    /** The window: the worker's duration wins over the global one (the asymmetry of docs/protocol.md §3). */
    Long windowMillis(FetchRequest request) {
        RateLimit limiter = request.limiter();
        return limiter != null ? Long.valueOf(limiter.durationMillis()) : globalDuration;
    }

    /** PTTL limiter: -2 missing, -1 no expiry, else ms left. */
    long pttl() {
        if (!limiterExists) {
            return -2;
        }
        if (limiterExpiresAt == null) {
            return -1;
        }
        long left = limiterExpiresAt - clock.millis();
        if (left < 0) {
            clearLimiter();
            return -2;
        }
        return left;
    }

    /** GET limiter as a number (0 when missing or expired). */
    long limiterCount() {
        return pttl() == -2 ? 0 : limiterCount;
    }

    /** docs/protocol.md §5.2 step 3: the ms left when {@code maxJobs} is reached, else 0 (a spent key is deleted). */
    long rateLimitTtl(Integer maxJobs) {
        if (maxJobs == null || limiterCount() < maxJobs) {
            return 0;
        }
        long pttl = pttl();
        if (pttl == 0) {
            clearLimiter();
        }
        return Math.max(0, pttl);
    }

    /** INCR limiter; PEXPIRE on the first start of a window. */
    void countStart(Long windowMillis) {
        if (pttl() == -2) {
            limiterExists = true;
            limiterCount = 0;
            limiterExpiresAt = null;
        }
        limiterCount++;
        if (limiterCount == 1 && windowMillis != null) {
            limiterExpiresAt = clock.millis() + Math.abs(windowMillis);
        }
    }

    /** SET limiter 2^53-1 PX ttl. */
    void manualLimit(long ttlMillis) {
        limiterExists = true;
        limiterCount = MANUAL_LIMIT;
        limiterExpiresAt = clock.millis() + ttlMillis;
    }

    void clearLimiter() {
        limiterExists = false;
        limiterCount = 0;
        limiterExpiresAt = null;
    }

    // ---- metrics (docs/protocol.md §5.17) ----

    /** The per-minute bookkeeping of one finish. */
    void collect(Metrics.Type type, long now, int maxDataPoints) {
        MetricsSeries m = metrics.computeIfAbsent(type, t -> new MetricsSeries());
        long count = m.count;
        m.count++;
        if (m.prevTs == null) {
            m.prevTs = now;
            m.prevCount = 0;
            return;
        }
        long n = Math.min(Math.floorDiv(now, 60_000L) - Math.floorDiv(m.prevTs, 60_000L), maxDataPoints);
        if (n > 0) {
            m.data.addFirst(count - m.prevCount);
            for (long i = 1; i < n; i++) {
                m.data.addFirst(0L);
            }
            while (m.data.size() > maxDataPoints) {
                m.data.removeLast();
            }
            m.prevCount = count;
            m.prevTs = now;
        }
    }

    Metrics metrics(Metrics.Type type, long start, long end) {
        MetricsSeries m = metrics.get(type);
        if (m == null) {
            return Metrics.empty(type);
        }
        List<Long> data = new ArrayList<>(RedisRange.slice(new ArrayList<>(m.data), start, end));
        return new Metrics(type, m.count, m.prevTs == null ? 0 : m.prevTs, m.prevCount, data, m.data.size());
    }

    /** Obliterate: the meta hash and the metrics keys go; the limiter key stays, as on Redis. */
    void reset() {
        concurrency = null;
        globalMax = null;
        globalDuration = null;
        metrics.clear();
    }

    private static final class MetricsSeries {
        long count;
        Long prevTs;
        long prevCount;
        final LinkedList<Long> data = new LinkedList<>();
    }
}
