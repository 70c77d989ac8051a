package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitEvent;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Deduplication;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deduplication (docs/protocol.md §5.14): simple, throttle, debounce and keepLastIfActive, the owner id an
 * add returns, the {@code deduplicated} event's roles, and clean-up on finish and removal.
 */
@CapabilityContract(Capability.DEDUPLICATION)
public interface DeduplicationContract extends BackendContract {

    private static JobOptions dedup(Deduplication de) {
        return JobOptions.builder().deduplication(de).build();
    }

    private static JobOptions dedup(Deduplication de, Duration delay) {
        return JobOptions.builder().deduplication(de).delay(delay).build();
    }

    /** Fetches the next job as a worker would and returns it; the token is {@code "t:" + id}. */
    private static Job take(QueueBackend spi, Clock clock) {
        FetchResult r = spi.fetch(new FetchRequest("t:any", 30_000, null, clock.millis()));
        assertThat(r).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) r).job();
    }

    private static void complete(QueueBackend spi, Clock clock, String id) {
        spi.finish(new FinishRequest(id, "t:any", clock.millis(), true, "null", null, KeepJobs.all(), null));
    }

    private static QueueEvent deduplicatedEvent(List<QueueEvent> events) {
        eventually().until(() -> events.stream().anyMatch(e -> e.event().equals("deduplicated")));
        return events.stream().filter(e -> e.event().equals("deduplicated")).findFirst().orElseThrow();
    }

    @Test
    default void simpleModeKeepsTheOwnerUntilItFinishes() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        List<QueueEvent> events = recordEvents(queue);
        String first = queue.add("sync", Map.of("v", 1), dedup(Deduplication.simple("user-1")));
        String second = queue.add("sync", Map.of("v", 2), dedup(Deduplication.simple("user-1")));
        assertThat(second).isEqualTo(first);
        assertThat(queue.getDeduplicationJobId("user-1")).contains(first);
        QueueEvent e = deduplicatedEvent(events);
        assertThat(e.jobId()).isEqualTo(first);
        assertThat(e.field("deduplicationId")).isEqualTo("user-1");
        assertThat(e.field("deduplicatedJobId")).isNotEqualTo(first);
        assertThat(queue.counts(JobState.WAITING).get(JobState.WAITING)).isEqualTo(1);
        Job taken = take(spi, clock);
        assertThat(taken.id()).isEqualTo(first);
        assertThat(queue.add("sync", null, dedup(Deduplication.simple("user-1")))).isEqualTo(first);
        complete(spi, clock, first);
        assertThat(queue.getDeduplicationJobId("user-1")).isEmpty();
        String third = queue.add("sync", Map.of("v", 3), dedup(Deduplication.simple("user-1")));
        assertThat(third).isNotEqualTo(first);
    }

    @Test
    default void removingTheOwnerFreesTheId() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        String first = queue.add("sync", null, dedup(Deduplication.simple("k"), Duration.ofHours(1)));
        assertThat(queue.remove(first)).isTrue();
        assertThat(queue.getDeduplicationJobId("k")).isEmpty();
        String second = queue.add("sync", null, dedup(Deduplication.simple("k")));
        assertThat(second).isNotEqualTo(first);
        assertThat(queue.removeDeduplicationKey("k")).isTrue();
        assertThat(queue.add("sync", null, dedup(Deduplication.simple("k")))).isNotEqualTo(second);
    }

    @Test
    default void throttleModeDeduplicatesForTheTtlEvenAfterTheOwnerFinished() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        // A window long enough that no machine gets past it between the first add and the duplicate,
        // and short enough to wait out.
        Deduplication throttle = Deduplication.throttle("t", Duration.ofSeconds(2));
        long addedAt = System.currentTimeMillis();
        String first = queue.add("ping", null, dedup(throttle));
        complete(spi, clock, take(spi, clock).id());
        assertThat(queue.getState(first)).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getDeduplicationJobId("t")).as("the window outlives its owner").contains(first);
        assertThat(queue.add("ping", null, dedup(throttle))).as("a duplicate inside the window").isEqualTo(first);
        eventually().until(() -> queue.getDeduplicationJobId("t").isEmpty());
        // Seen gone only after it went, so a load can only lengthen this; a shorter window shows.
        assertThat(System.currentTimeMillis() - addedAt).as("ms until the window ended").isGreaterThanOrEqualTo(1_950);
        assertThat(queue.add("ping", null, dedup(throttle))).isNotEqualTo(first);
    }

    @Test
    default void debounceReplacesTheDelayedOwner() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        Deduplication debounce = Deduplication.debounce("search", Duration.ofSeconds(30));
        String first = queue.add("search", Map.of("q", "a"), dedup(debounce, Duration.ofSeconds(30)));
        String second = queue.add("search", Map.of("q", "ab"), dedup(debounce, Duration.ofSeconds(30)));
        assertThat(second).isNotEqualTo(first);
        assertThat(queue.getJob(first)).isEmpty();
        assertThat(queue.getJob(second).orElseThrow().dataJson()).isEqualTo("{\"q\":\"ab\"}");
        assertThat(queue.getState(second)).isEqualTo(JobState.DELAYED);
        assertThat(queue.getDeduplicationJobId("search")).contains(second);
        QueueEvent e = deduplicatedEvent(events);
        assertThat(e.jobId()).isEqualTo(second);
        assertThat(e.field("deduplicatedJobId")).isEqualTo(first);
        awaitEvent(events, ev -> ev.event().equals("removed") && first.equals(ev.jobId())
                && "delayed".equals(ev.field("prev")));
    }

    @Test
    default void keepLastIfActiveAddsTheLastPayloadWhenTheOwnerFinishes() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        Deduplication last = Deduplication.simple("doc-9").withKeepLastIfActive();
        String owner = queue.add("render", Map.of("rev", 1), dedup(last));
        assertThat(take(spi, clock).id()).isEqualTo(owner);
        assertThat(queue.add("render", Map.of("rev", 2), dedup(last))).isEqualTo(owner);
        assertThat(queue.add("render", Map.of("rev", 3), dedup(last))).isEqualTo(owner);
        assertThat(queue.counts(JobState.WAITING).get(JobState.WAITING)).isZero();
        complete(spi, clock, owner);
        List<Job> waiting = queue.getJobs(JobState.WAITING, 0, -1);
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).dataJson()).isEqualTo("{\"rev\":3}");
        assertThat(waiting.get(0).options().deduplication()).isEqualTo(last);
        assertThat(queue.getDeduplicationJobId("doc-9")).contains(waiting.get(0).id());
    }
}
