package io.taskqueue.cli.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.JobOptions;
import io.taskqueue.JobScheduler;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.cli.Durations;
import java.time.Instant;

/**
 * One job scheduler in {@code taskqueue scheduler ls} and {@code show}; also their {@code --json}
 * shape (docs/cli.md). Times are ISO-8601 UTC.
 *
 * @param id the scheduler id; its jobs have ids {@code repeat:<id>:<millis>}
 * @param everyMillis the interval of an interval schedule, or {@code null} for a cron one
 * @param pattern the cron pattern, or {@code null}
 * @param timeZone the cron pattern's time zone, or {@code null} for UTC
 * @param limit how many jobs it produces in all, or {@code null} for no limit
 * @param startDate no job runs before, or {@code null}
 * @param endDate no job is produced after, or {@code null}
 * @param next when its current job is due, or {@code null} when none is scheduled
 * @param iterations how many jobs it has produced, the current one included
 * @param template the job it produces
 */
public record SchedulerRow(String id, Long everyMillis, String pattern, String timeZone, Integer limit,
        String startDate, String endDate, String next, int iterations, Template template) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The job a scheduler produces.
     *
     * @param name the job name
     * @param data the job data
     * @param attempts total tries of each job
     * @param priority 0 for none, else 1 (highest) and up
     * @param backoff the retry backoff, e.g. {@code exponential 2s}, or {@code null}
     */
    public record Template(String name, JsonNode data, int attempts, int priority, String backoff) {
    }

    /** The row of {@code scheduler}. */
    public static SchedulerRow of(JobScheduler scheduler) {
        SchedulerSpec spec = scheduler.spec();
        JobOptions o = scheduler.templateOptions();
        String backoff = o.backoff() == null ? null
                : o.backoff().type() + " " + Durations.format(java.time.Duration.ofMillis(o.backoff().delayMillis()));
        return new SchedulerRow(scheduler.id(), spec.every() == null ? null : spec.every().toMillis(), spec.pattern(),
                spec.timeZone(), spec.limit(), text(spec.startDate()), text(spec.endDate()),
                scheduler.next() == null ? null : Instant.ofEpochMilli(scheduler.next()).toString(),
                scheduler.iterationCount(),
                new Template(scheduler.name(), data(scheduler.templateDataJson()), o.attempts(), o.priority(), backoff));
    }

    /** The schedule in words: {@code every 5m}, or {@code cron 0 9 * * 1-5 (Europe/Paris)}. */
    public String schedule() {
        if (everyMillis != null) {
            return "every " + Durations.format(java.time.Duration.ofMillis(everyMillis));
        }
        return "cron " + pattern + (timeZone == null ? "" : " (" + timeZone + ")");
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static JsonNode data(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Another runtime may store data that is not JSON; show it as text rather than fail.
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
