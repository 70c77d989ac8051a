package io.taskqueue.memory;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;
import io.taskqueue.QueueEvent;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.NewJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Shared set-up: a backend on a {@link MutableClock} and one queue, plus short-hands. Caller times
 * ("now") are passed explicitly and are independent of the backend clock, as in production.
 */
abstract class MemoryTestSupport {
    static final String TOKEN = "worker-a:1";
    static final long LOCK = 30_000;
    /** Redis keeps a key through its expiry millisecond: the lock is gone one ms later. */
    static final long EXPIRE = LOCK + 1;

    final MutableClock clock = new MutableClock(5_000_000);
    final InMemoryBackend backend = new InMemoryBackend(clock);
    final InMemoryQueue q = (InMemoryQueue) backend.queue("q");
    final MemoryQueueAdmin admin = q.capability(MemoryQueueAdmin.class).orElseThrow();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    static JobOptions.Builder opts() {
        return JobOptions.builder();
    }

    String add(String name) {
        return add(name, JobOptions.defaults(), 1_000);
    }

    String add(String name, JobOptions options, long timestamp) {
        return q.add(List.of(new NewJob(name, "{}", options, timestamp))).get(0);
    }

    String addDelayed(String name, long timestamp, long delayMillis) {
        return add(name, opts().delay(Duration.ofMillis(delayMillis)).build(), timestamp);
    }

    FetchResult fetchResult(long now) {
        return q.fetch(new FetchRequest(TOKEN, LOCK, "w1", now));
    }

    /** The fetched job, or null when the fetch returned nothing. */
    Job fetch(long now) {
        return fetch(TOKEN, now);
    }

    Job fetch(String token, long now) {
        FetchResult r = q.fetch(new FetchRequest(token, LOCK, "w1", now));
        return r instanceof FetchResult.Fetched f ? f.job() : null;
    }

    /** Fetches until empty, returning the job names in order. */
    List<String> drainNames(long now) {
        List<String> names = new ArrayList<>();
        for (Job j = fetch(now); j != null; j = fetch(now)) {
            names.add(j.name());
        }
        return names;
    }

    FetchResult complete(String jobId, long now) {
        return q.finish(new FinishRequest(jobId, TOKEN, now, true, "\"ok\"", null, KeepJobs.all(), null));
    }

    FetchResult fail(String jobId, long now, KeepJobs keep) {
        return q.finish(new FinishRequest(jobId, TOKEN, now, false, "boom", List.of("trace"), keep, null));
    }

    List<String> eventNames() {
        return q.events().stream().map(QueueEvent::event).toList();
    }

    /** Events as "name{field=value,...}" strings, fields in a stable order, for compact assertions. */
    List<String> eventLines() {
        return q.events().stream().map(MemoryTestSupport::line).toList();
    }

    private static final List<String> FIELD_ORDER = List.of(
            "jobId", "name", "prev", "delay", "returnvalue", "failedReason", "attemptsMade", "data", "count");

    static String line(QueueEvent e) {
        if (!FIELD_ORDER.containsAll(e.fields().keySet())) {
            throw new AssertionError("unexpected fields " + e.fields().keySet());
        }
        StringBuilder inner = new StringBuilder();
        for (String k : FIELD_ORDER) {
            if (e.fields().containsKey(k)) {
                inner.append(inner.length() == 0 ? "" : ",").append(k).append('=').append(e.field(k));
            }
        }
        return inner.length() == 0 ? e.event() : e.event() + "{" + inner + "}";
    }

    /** Events appended after the first {@code skip}. */
    List<String> eventLinesSince(int skip) {
        List<String> all = eventLines();
        return all.subList(skip, all.size());
    }
}
