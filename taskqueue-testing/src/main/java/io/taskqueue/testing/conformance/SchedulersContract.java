package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobScheduler;
import io.taskqueue.JobState;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Job schedulers (docs/protocol.md §5.15) on the caller's clock: iteration ids on their slots, the
 * next job produced when the current one is fetched, limits, replacing and removing. Flows have their
 * own contract, {@link FlowsContract}.
 */
@CapabilityContract(Capability.SCHEDULERS)
public interface SchedulersContract extends BackendContract {

    /** A clock on a whole ten seconds, so that cron slots are predictable. */
    private static MutableClock alignedClock() {
        long now = System.currentTimeMillis();
        return MutableClock.at(Instant.ofEpochMilli((now / 10_000 + 1) * 10_000));
    }

    private static List<String> idsOf(List<String> ran, String schedulerId) {
        return ran.stream().filter(id -> id.startsWith("repeat:" + schedulerId + ":")).toList();
    }

    @Test
    default void everySchedulerRunsEachSlotOnceAndProducesTheNextOnFetch() {
        MutableClock clock = alignedClock();
        long t0 = clock.millis();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<String> ran = new CopyOnWriteArrayList<>();
        String first = queue.schedulers().upsert("tick", SchedulerSpec.every(Duration.ofSeconds(1)).build(), "tick",
                Map.of("k", 1), null);
        assertThat(first).isEqualTo("repeat:tick:" + t0);
        startWorker(tq, Handlers.builder().on("tick", ctx -> {
            ran.add(ctx.job().id());
            return null;
        }).build());
        eventually().until(() -> ran.size() == 1 && queue.getState("repeat:tick:" + (t0 + 1000)) == JobState.DELAYED);
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            int expected = i + 1;
            eventually().until(() -> ran.size() == expected);
        }
        assertThat(ran).containsExactly("repeat:tick:" + t0, "repeat:tick:" + (t0 + 1000), "repeat:tick:" + (t0 + 2000),
                "repeat:tick:" + (t0 + 3000));
        eventually().until(() -> queue.getState("repeat:tick:" + (t0 + 4000)) == JobState.DELAYED);
        JobScheduler s = queue.schedulers().get("tick").orElseThrow();
        assertThat(s.next()).isEqualTo(t0 + 4000);
        assertThat(s.iterationCount()).isEqualTo(5);
        assertThat(s.name()).isEqualTo("tick");
        assertThat(s.spec().every()).isEqualTo(Duration.ofSeconds(1));
        assertThat((Object) queue.decode(s.templateDataJson(), Map.class)).isEqualTo(Map.of("k", 1));
        assertThat(queue.getJob("repeat:tick:" + t0).orElseThrow().dataJson()).isEqualTo(s.templateDataJson());
    }

    @Test
    default void cronSchedulerStopsAtItsLimit() {
        MutableClock clock = alignedClock();
        long t0 = clock.millis();
        clock.advance(Duration.ofMillis(300));
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<String> ran = new CopyOnWriteArrayList<>();
        String first = queue.schedulers().upsert("even", SchedulerSpec.cron("*/2 * * * * *").timeZone("UTC").limit(3)
                .build(), "even", null, null);
        assertThat(first).isEqualTo("repeat:even:" + (t0 + 2000));
        startWorker(tq, Handlers.builder().on("even", ctx -> {
            ran.add(ctx.job().id());
            return null;
        }).build());
        for (int i = 1; i <= 5; i++) {
            clock.set(Instant.ofEpochMilli(t0 + 2000L * i));
            int expected = Math.min(i, 3);
            eventually().until(() -> ran.size() == expected);
        }
        throughout(Duration.ofMillis(300)).until(() -> ran.size() == 3);
        assertThat(idsOf(ran, "even")).containsExactly("repeat:even:" + (t0 + 2000), "repeat:even:" + (t0 + 4000),
                "repeat:even:" + (t0 + 6000));
        assertThat(queue.counts(JobState.DELAYED, JobState.WAITING).values()).allMatch(c -> c == 0);
    }

    @Test
    default void upsertReplacesThePendingJobAndRemoveDeletesIt() {
        MutableClock clock = alignedClock();
        long t0 = clock.millis();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        SchedulerSpec hourly = SchedulerSpec.every(Duration.ofHours(1)).startDate(Instant.ofEpochMilli(t0 + 60_000))
                .build();
        String first = queue.schedulers().upsert("report", hourly, "report", Map.of("v", 1), null);
        String again = queue.schedulers().upsert("report", hourly, "report", Map.of("v", 2), null);
        assertThat(again).isEqualTo(first).isEqualTo("repeat:report:" + (t0 + 60_000));
        assertThat(queue.counts(JobState.DELAYED).get(JobState.DELAYED)).isEqualTo(1L);
        assertThat((Object) queue.decode(queue.getJob(first).orElseThrow().dataJson(), Map.class)).isEqualTo(Map.of("v", 2));
        assertThat(queue.schedulers().list()).extracting(JobScheduler::id).containsExactly("report");

        assertThat(queue.schedulers().remove("report")).isTrue();
        assertThat(queue.schedulers().remove("report")).isFalse();
        assertThat(queue.getJob(first)).isEmpty();
        assertThat(queue.schedulers().list()).isEmpty();
    }
}
