package io.taskqueue;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A cron pattern read the way BullMQ's cron-parser (v5) reads it: five fields, or six with a leading
 * seconds field; day-of-week 0-7 with both 0 and 7 meaning Sunday; names for months and days; the
 * {@code L}, {@code W} and {@code #} extensions; the {@code @daily}-style aliases. Evaluation uses
 * cron-utils; where the two libraries disagree is recorded by the cron vector tests
 * ({@code CronVectorsTest} in taskqueue-redis), not papered over here. Immutable and thread-safe.
 */
public final class CronPattern {
    /** Seconds-first definition; five-field patterns get "0 " prepended, as cron-parser does. */
    private static final CronDefinition DEFINITION = CronDefinitionBuilder.defineCron()
            .withSeconds().withValidRange(0, 59).and()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
                .supportsHash().supportsL().supportsQuestionMark().and()
            .instance();
    private static final CronParser PARSER = new CronParser(DEFINITION);
    private static final Map<String, String> ALIASES = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
            "@hourly", "0 0 * * * *", "@minutely", "0 * * * * *", "@secondly", "* * * * * *");

    private static final ZoneId WALL = ZoneOffset.UTC;

    private final String pattern;
    /** One schedule, or two when day-of-month and day-of-week are both restricted (either matches). */
    private final List<ExecutionTime> executions;
    /** True when the hour field is a wildcard: such patterns follow elapsed time, not the wall clock. */
    private final boolean everyHour;

    private CronPattern(String pattern, List<ExecutionTime> executions, boolean everyHour) {
        this.pattern = pattern;
        this.executions = executions;
        this.everyHour = everyHour;
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException when it is not a valid five- or six-field pattern
     */
    public static CronPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String trimmed = pattern.trim();
        String six = ALIASES.get(trimmed.toLowerCase(Locale.ROOT));
        if (six == null) {
            String[] fields = trimmed.split("\\s+");
            if (fields.length == 5) {
                six = "0 " + trimmed;
            } else if (fields.length == 6) {
                six = trimmed;
            } else {
                throw new IllegalArgumentException("cron pattern must have 5 or 6 fields: '" + pattern + "'");
            }
        }
        String[] f = six.toUpperCase(Locale.ROOT).split("\\s+");
        try {
            List<ExecutionTime> executions = new ArrayList<>();
            // cron-parser, like Vixie cron, runs when EITHER day field matches if both are restricted;
            // cron-utils requires both, so such a pattern becomes two schedules and the sooner wins.
            if (isRestricted(f[3]) && isRestricted(f[5])) {
                executions.add(execution(f, f[3], "*"));
                executions.add(execution(f, "*", f[5]));
            } else {
                executions.add(execution(f, f[3], f[5]));
            }
            return new CronPattern(pattern, List.copyOf(executions), f[2].contains("*"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron pattern '" + pattern + "': " + e.getMessage(), e);
        }
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }

    /**
     * The first time strictly after {@code afterMillis} (epoch ms) that matches, evaluated in
     * {@code zone}; empty when there is none (e.g. 30 February).
     */
    public OptionalLong next(long afterMillis, ZoneId zone) {
        // cron fields have whole seconds; a start inside a second behaves as its start second,
        // so that a match at that very second is not returned (it is not strictly after).
        Instant from = Instant.ofEpochMilli(Math.floorDiv(afterMillis, 1000) * 1000);
        OptionalLong best = OptionalLong.empty();
        for (ExecutionTime execution : executions) {
            OptionalLong next = everyHour ? nextElapsed(execution, from, zone) : nextWallClock(execution, from, zone);
            if (next.isPresent() && (best.isEmpty() || next.getAsLong() < best.getAsLong())) {
                best = next;
            }
        }
        return best;
    }

    private static boolean isRestricted(String dayField) {
        return !dayField.equals("*") && !dayField.equals("?");
    }

    private static ExecutionTime execution(String[] f, String dayOfMonth, String dayOfWeek) {
        Cron cron = PARSER.parse(String.join(" ", f[0], f[1], f[2], dayOfMonth, f[4], dayOfWeek));
        cron.validate();
        return ExecutionTime.forCron(cron);
    }

    /** Hour-wildcard patterns: real instants, so a repeated hour runs twice and a skipped one never. */
    private static OptionalLong nextElapsed(ExecutionTime execution, Instant from, ZoneId zone) {
        Optional<ZonedDateTime> next = execution.nextExecution(from.atZone(zone));
        return next.map(t -> OptionalLong.of(t.toInstant().toEpochMilli())).orElse(OptionalLong.empty());
    }

    /**
     * Fixed-hour patterns follow the wall clock as cron-parser does at DST changes: a local time in
     * a spring-forward gap runs shifted by the gap (02:30 becomes 03:30), and a local time repeated
     * at fall-back runs once, at its first (daylight-time) occurrence.
     */
    private static OptionalLong nextWallClock(ExecutionTime execution, Instant from, ZoneId zone) {
        ZonedDateTime local = from.atZone(zone).toLocalDateTime().atZone(WALL);
        for (int guard = 0; guard < 1000; guard++) {
            Optional<ZonedDateTime> next = execution.nextExecution(local);
            if (next.isEmpty()) {
                return OptionalLong.empty();
            }
            local = next.get();
            Instant resolved = ZonedDateTime.ofLocal(local.toLocalDateTime(), zone, null).toInstant();
            if (resolved.isAfter(from)) {
                return OptionalLong.of(resolved.toEpochMilli());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
