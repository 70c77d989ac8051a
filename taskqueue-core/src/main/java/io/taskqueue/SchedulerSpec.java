package io.taskqueue;

import io.taskqueue.internal.CronPattern;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When a job scheduler produces its jobs (BullMQ's repeat options of a v6 job scheduler, protocol
 * §5.15): either every fixed interval or on a cron pattern, optionally bounded by a count and by
 * start and end dates. Immutable; build with {@link #every(Duration)} or {@link #cron(String)}.
 * The pattern and time zone are checked once, when the spec is built.
 *
 * @param every the interval of an {@code every} schedule, or {@code null} for a cron schedule
 * @param pattern the cron pattern (5 fields, or 6 with leading seconds), or {@code null}
 * @param timeZone the IANA zone a cron pattern is evaluated in, or {@code null} for UTC
 * @param limit how many jobs the scheduler produces in all, or {@code null} for no limit
 * @param startDate no job runs before this time, or {@code null}
 * @param endDate no job is produced after this time, or {@code null}
 * @param immediately a cron schedule's first job runs at once instead of at the first match
 * @param offset an {@code every} schedule's slots are {@code k*every + offset}; {@code null} derives
 *     it from the first slot, as BullMQ does
 */
public record SchedulerSpec(
        Duration every,
        String pattern,
        String timeZone,
        Integer limit,
        Instant startDate,
        Instant endDate,
        boolean immediately,
        Duration offset) {

    public SchedulerSpec {
        if ((every == null) == (pattern == null)) {
            throw new IllegalArgumentException("exactly one of every and pattern must be given");
        }
        if (every != null && every.toMillis() < 1) {
            throw new IllegalArgumentException("every must be at least 1 ms: " + every);
        }
        if (pattern != null) {
            CronPattern.parse(pattern);
        }
        if (timeZone != null) {
            ZoneId.of(timeZone);
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (immediately && startDate != null) {
            throw new IllegalArgumentException("immediately cannot be combined with startDate");
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate is before startDate");
        }
        if (offset != null && (offset.isNegative() || every == null)) {
            throw new IllegalArgumentException("offset must be non-negative and only used with every");
        }
    }

    /** A builder for a schedule that produces a job every {@code interval}. */
    public static Builder every(Duration interval) {
        return new Builder(Objects.requireNonNull(interval, "interval"), null);
    }

    /** A builder for a schedule on cron {@code pattern} (UTC unless a time zone is set). */
    public static Builder cron(String pattern) {
        return new Builder(null, Objects.requireNonNull(pattern, "pattern"));
    }

    /** True for a cron schedule. */
    public boolean isCron() {
        return pattern != null;
    }

    /** The zone a cron pattern is evaluated in (UTC when none was given). */
    public ZoneId zone() {
        return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
    }

    /**
     * The first cron match strictly after {@code afterMillis} (epoch ms), or empty when there is none
     * or when this is not a cron schedule. A start date later than {@code afterMillis} moves the
     * search start to it, as cron-parser's {@code currentDate} does in BullMQ.
     */
    public OptionalLong nextCronTime(long afterMillis) {
        if (pattern == null) {
            return OptionalLong.empty();
        }
        long from = startDate != null ? Math.max(afterMillis, startDate.toEpochMilli()) : afterMillis;
        return CronPattern.parse(pattern).next(from, zone());
    }

    /** Builder for {@link SchedulerSpec}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final Duration every;
        private final String pattern;
        private String timeZone;
        private Integer limit;
        private Instant startDate;
        private Instant endDate;
        private boolean immediately;
        private Duration offset;

        private Builder(Duration every, String pattern) {
            this.every = every;
            this.pattern = pattern;
        }

        /** The IANA time zone of a cron pattern, e.g. {@code Europe/Berlin}. */
        public Builder timeZone(String zone) {
            this.timeZone = zone;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder startDate(Instant startDate) {
            this.startDate = startDate;
            return this;
        }

        public Builder endDate(Instant endDate) {
            this.endDate = endDate;
            return this;
        }

        public Builder immediately(boolean immediately) {
            this.immediately = immediately;
            return this;
        }

        public Builder offset(Duration offset) {
            this.offset = offset;
            return this;
        }

        public SchedulerSpec build() {
            return new SchedulerSpec(every, pattern, timeZone, limit, startDate, endDate, immediately, offset);
        }
    }
}
