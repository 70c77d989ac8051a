package io.taskqueue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When a job scheduler produces its jobs (BullMQ's repeat options of a v6 job scheduler, protocol
 * docs/protocol.md §5.15): either every fixed interval or on a cron pattern, optionally bounded by a count and by
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

    // The run times below are the one place that decides when a scheduler runs; backends store them.

    /**
     * When a scheduler created (or replaced) at {@code now} first runs, or empty when the schedule
     * has nothing left to produce. A cron schedule runs at its first match after {@code now} (at
     * {@code now} when {@link #immediately()}); an {@code every} schedule at its start date, else on
     * its phase ({@code k*every + offset}) when an offset is known, else at once.
     *
     * @param keptOffset the phase of the {@code every} schedule this one replaces with the same
     *     interval, or {@code null}; an offset given in this spec wins over it
     */
    public OptionalLong firstRun(long now, Long keptOffset) {
        if (endDate != null && now > endDate.toEpochMilli()) {
            return OptionalLong.empty();
        }
        if (pattern != null) {
            OptionalLong next = immediately ? OptionalLong.of(now) : nextCronTime(now);
            if (next.isEmpty() || (endDate != null && next.getAsLong() > endDate.toEpochMilli())) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(next.getAsLong(), now));
        }
        if (startDate != null) {
            return OptionalLong.of(Math.max(startDate.toEpochMilli(), now));
        }
        Long phase = offset != null ? Long.valueOf(offset.toMillis()) : keptOffset;
        if (phase != null && phase > 0) {
            return OptionalLong.of(nextSlotAfter(now, every.toMillis(), phase));
        }
        return OptionalLong.of(now);
    }

    /**
     * The phase an {@code every} schedule keeps from its first run at {@code firstRunMillis}: the
     * offset of this spec, else {@code keptOffset}, else the first run's own phase; 0 for cron.
     */
    public long phase(long firstRunMillis, Long keptOffset) {
        if (every == null) {
            return 0;
        }
        if (offset != null) {
            return offset.toMillis();
        }
        return keptOffset != null ? keptOffset : Math.floorMod(firstRunMillis, every.toMillis());
    }

    /**
     * When the scheduler runs after its run at {@code previousMillis}, decided when that run's job is
     * fetched at {@code now}; empty once {@code producedCount} runs reach the limit, after the end
     * date, or when a cron pattern has no later match. An {@code every} schedule that fell behind
     * skips the missed slots and keeps its phase.
     *
     * @param phase the schedule's phase ({@link #phase}); ignored for cron
     * @param producedCount how many runs were produced so far, the previous one included
     */
    public OptionalLong nextRun(long previousMillis, long phase, int producedCount, long now) {
        if ((limit != null && producedCount + 1 > limit) || (endDate != null && now > endDate.toEpochMilli())) {
            return OptionalLong.empty();
        }
        if (pattern != null) {
            OptionalLong cron = nextCronTime(Math.max(now, previousMillis));
            if (cron.isEmpty() || (endDate != null && cron.getAsLong() > endDate.toEpochMilli())) {
                return OptionalLong.empty();
            }
            return cron;
        }
        long interval = every.toMillis();
        long next = previousMillis + interval;
        return OptionalLong.of(next < now ? nextSlotAfter(now, interval, phase) : next);
    }

    private static long nextSlotAfter(long now, long interval, long phase) {
        long slot = Math.floorDiv(now, interval) * interval + phase;
        return slot <= now ? slot + interval : slot;
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
