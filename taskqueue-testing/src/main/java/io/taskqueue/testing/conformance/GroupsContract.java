package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Backoff;
import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.RateLimit;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Job groups ({@link JobOptions#group()}): per-group concurrency (1 keeps a group in order), per-group
 * rate limits, round-robin fairness between groups, and jobs without a group left alone. Windows run on the datastore's clock, so these tests use real time, wait on
 * conditions and assert only bounds with slack.
 */
@CapabilityContract(Capability.GROUPS)
public interface GroupsContract extends BackendContract {
    /** Slack for clock granularity between the worker and the datastore. */

    private static JobOptions inGroup(String group) {
        return JobOptions.builder().group(group).build();
    }

    private static long completed(JobQueue queue) {
        return queue.counts(JobState.COMPLETED).get(JobState.COMPLETED);
    }

    @Test
    default void groupSettingsRoundTripAndFallBackToTheDefaults() {
        Clock clock = Clock.systemUTC();
        JobQueue queue = queue(taskQueue(clock));
        var limits = queue.limits();
        assertThat(limits.groupConcurrency("a")).isEmpty();
        assertThat(limits.groupRateLimit("a")).isEmpty();
        limits.setDefaultGroupConcurrency(3);
        limits.setDefaultGroupRateLimit(RateLimit.of(5, Duration.ofSeconds(2)));
        limits.setGroupConcurrency("a", 1);
        limits.setGroupRateLimit("a", RateLimit.of(2, Duration.ofSeconds(1)));
        assertThat(limits.groupConcurrency("a")).contains(1);
        assertThat(limits.groupConcurrency("b")).contains(3);
        assertThat(limits.groupRateLimit("a")).contains(RateLimit.of(2, Duration.ofSeconds(1)));
        assertThat(limits.groupRateLimit("b")).contains(RateLimit.of(5, Duration.ofSeconds(2)));
        assertThat(limits.defaultGroupConcurrency()).contains(3);
        limits.removeGroupConcurrency("a");
        limits.removeGroupRateLimit("a");
        assertThat(limits.groupConcurrency("a")).contains(3);
        assertThat(limits.groupRateLimit("a")).contains(RateLimit.of(5, Duration.ofSeconds(2)));
        limits.removeDefaultGroupConcurrency();
        limits.removeDefaultGroupRateLimit();
        assertThat(limits.groupConcurrency("a")).isEmpty();
        assertThat(limits.defaultGroupRateLimit()).isEmpty();

        String id = queue.add("job", 1, inGroup("tenant-1"));
        assertThat(queue.getJob(id).orElseThrow().options().group()).isEqualTo("tenant-1");
    }

    @Test
    default void concurrencyOneKeepsEachGroupInOrderWhileGroupsRunInParallel() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<String> groups = List.of("g1", "g2", "g3");
        groups.forEach(g -> queue.limits().setGroupConcurrency(g, 1));
        Map<String, List<Integer>> startOrder = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> runningPerGroup = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highestOverall = new AtomicInteger();
        AtomicInteger highestInAGroup = new AtomicInteger();
        Handlers handlers = Handlers.builder().on("step", ctx -> {
            String g = ctx.job().options().group();
            int index = Integer.parseInt(ctx.job().dataJson());
            startOrder.computeIfAbsent(g, k -> Collections.synchronizedList(new ArrayList<>())).add(index);
            highestInAGroup.accumulateAndGet(runningPerGroup.computeIfAbsent(g, k -> new AtomicInteger())
                    .incrementAndGet(), Math::max);
            highestOverall.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(120);
            running.decrementAndGet();
            runningPerGroup.get(g).decrementAndGet();
            return null;
        }).build();
        for (int i = 0; i < 4; i++) {
            for (String g : groups) {
                queue.add("step", i, inGroup(g));
            }
        }
        startWorker(tq, handlers, fastOptions().concurrency(4).build());
        startWorker(secondProcess(tq, clock), handlers, fastOptions().concurrency(4).build());
        eventually().until(() -> completed(queue) == 12);
        for (String g : groups) {
            assertThat(startOrder.get(g)).as("start order of %s", g).containsExactly(0, 1, 2, 3);
        }
        assertThat(highestInAGroup.get()).isEqualTo(1);
        assertThat(highestOverall.get()).as("groups run in parallel").isGreaterThan(1);
        assertThat(queue.limits().waitingGroups()).isEmpty();
    }

    @Test
    default void roundRobinKeepsABigBacklogFromStarvingASmallGroup() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        for (int i = 0; i < 100; i++) {
            queue.add("work", i, inGroup("big"));
        }
        String small = queue.add("work", -1, inGroup("small"));
        assertThat(queue.limits().groupWaitingCount("big")).isEqualTo(100);
        assertThat(queue.limits().waitingGroups()).containsExactlyInAnyOrder("big", "small");
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        startWorker(tq, Handlers.builder().on("work", ctx -> {
            starts.add(ctx.job().id());
            return null;
        }).build(), fastOptions().concurrency(1).build());
        awaitState(queue, small, JobState.COMPLETED);
        assertThat(starts.indexOf(small)).as("position of the small group's job in %s", starts).isBetween(0, 3);
        eventually().until(() -> completed(queue) == 101);
    }

    @Test
    default void groupRateLimitIsNeverExceededAndAnUnlimitedGroupIsNotSlowedByItsBacklog() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.limits().setGroupRateLimit("A", RateLimit.of(2, Duration.ofSeconds(1)));
        List<Long> aStarts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger bDone = new AtomicInteger();
        AtomicInteger aDoneWhenBFinished = new AtomicInteger(-1);
        for (int i = 0; i < 10; i++) {
            queue.add("a", i, inGroup("A"));
        }
        for (int i = 0; i < 10; i++) {
            queue.add("b", i, inGroup("B"));
        }
        startWorker(tq, Handlers.builder().on("a", ctx -> {
            aStarts.add(ctx.job().processedOn());
            return null;
        }).on("b", ctx -> {
            if (bDone.incrementAndGet() == 10) {
                aDoneWhenBFinished.set(aStarts.size());
            }
            return null;
        }).build(), fastOptions().concurrency(4).build());
        eventually().until(() -> completed(queue) == 20);
        RateWindows.assertWindows(aStarts, 2, 1000);
        // 10 starts at 2 per window need 5 windows: B finished while most of A still waited.
        assertThat(aDoneWhenBFinished.get()).as("A jobs started when B finished").isBetween(0, 6);
    }

    @Test
    default void anEmptyFetchSaysWhenTheNextGroupWindowOpens() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        queue.limits().setGroupRateLimit("A", RateLimit.of(1, Duration.ofSeconds(3)));
        String first = queue.add("job", 1, inGroup("A"));
        queue.add("job", 2, inGroup("A"));
        long now = clock.millis();
        FetchResult fetched = spi.fetch(new FetchRequest("t:1", 5_000, null, now));
        assertThat(fetched).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.job().id()).isEqualTo(first));
        FetchResult empty = spi.fetch(new FetchRequest("t:2", 5_000, null, clock.millis()));
        assertThat(empty).isInstanceOf(FetchResult.Empty.class);
        assertThat(((FetchResult.Empty) empty).nextDelayedAt()).as("when the group's window opens")
                .isNotNull().isBetween(now + 2_000, clock.millis() + 3_000 + RateWindows.SLACK_MS);
    }

    @Test
    default void ungroupedJobsAreUnaffectedAndParkedJobsReadAsDelayed() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.limits().setGroupRateLimit("slow", RateLimit.of(1, Duration.ofSeconds(30)));
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slow.add(queue.add("job", i, inGroup("slow")));
        }
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plain.add(queue.add("job", i));
        }
        startWorker(tq, Handlers.builder().on("job", ctx -> null).build(),
                fastOptions().concurrency(2).build());
        eventually().until(() -> plain.stream().allMatch(id -> queue.getState(id) == JobState.COMPLETED));
        eventually().until(() -> queue.getState(slow.get(0)) == JobState.COMPLETED);
        // One start per 30 s window: the rest stay parked, which readers see as delayed.
        for (String id : slow.subList(1, 4)) {
            assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
        }
        assertThat(queue.counts(JobState.DELAYED).get(JobState.DELAYED)).isEqualTo(3);
        assertThat(queue.limits().groupWaitingCount("slow")).isEqualTo(3);
        assertThat(queue.limits().waitingGroups()).containsExactly("slow");
        assertThat(queue.getJobs(JobState.DELAYED, 0, -1)).extracting(j -> j.id())
                .containsExactlyInAnyOrderElementsOf(slow.subList(1, 4));
    }

    @Test
    default void retriesKeepTheSlotSoAConcurrencyOneGroupStaysInOrder() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.limits().setGroupConcurrency("g", 1);
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        JobOptions retrying = JobOptions.builder().group("g").attempts(3)
                .backoff(Backoff.fixed(Duration.ofMillis(200))).build();
        String first = queue.add("flaky", 0, retrying);
        String second = queue.add("flaky", 1, retrying);
        String third = queue.add("flaky", 2, retrying);
        Map<String, Integer> names = new HashMap<>(Map.of(first, 0, second, 1, third, 2));
        startWorker(tq, Handlers.builder().on("flaky", ctx -> {
            starts.add(names.get(ctx.job().id()) + "#" + ctx.job().attemptsStarted());
            if (ctx.job().attemptsStarted() < 2 && !ctx.job().id().equals(third)) {
                throw new IllegalStateException("first attempt fails");
            }
            return null;
        }).build(), fastOptions().concurrency(3).build());
        eventually().until(() -> completed(queue) == 3);
        assertThat(starts).containsExactly("0#1", "0#2", "1#1", "1#2", "2#1");
    }

    @Test
    default void aDelayedGroupedJobJoinsTheBackOfItsGroupWhenDue() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.limits().setGroupConcurrency("g", 1);
        List<Integer> starts = Collections.synchronizedList(new ArrayList<>());
        queue.add("step", 0, inGroup("g"));
        queue.add("step", 1, inGroup("g"));
        queue.add("step", 2, JobOptions.builder().group("g").delay(Duration.ofMillis(100)).build());
        startWorker(tq, Handlers.builder().on("step", ctx -> {
            starts.add(Integer.parseInt(ctx.job().dataJson()));
            Thread.sleep(400);
            return null;
        }).build(), fastOptions().concurrency(3).build());
        eventually().until(() -> completed(queue) == 3);
        assertThat(starts).containsExactly(0, 1, 2);
    }

    /**
     * A manual promote or a changed delay makes a parked job due, but it still goes through its
     * group: while the concurrency-1 group's slot is taken, neither starts, and afterwards they run
     * one at a time.
     */
    @Test
    default void aPromotedOrRescheduledGroupedJobStillWaitsForItsGroupsSlot() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        queue.limits().setGroupConcurrency("g", 1);
        String running = queue.add("job", 0, inGroup("g"));
        JobOptions later = JobOptions.builder().group("g").delay(Duration.ofHours(1)).build();
        String promoted = queue.add("job", 1, later);
        String rescheduled = queue.add("job", 2, later);
        assertThat(fetchId(spi, clock, "t:0")).isEqualTo(running);
        assertThat(queue.promote(promoted)).isTrue();
        long changedAt = clock.millis();
        assertThat(queue.changeDelay(rescheduled, Duration.ofMillis(1))).isTrue();
        eventually().until(() -> clock.millis() > changedAt + 5); // due: the next fetch promotes it
        for (int i = 1; i <= 3; i++) {
            assertThat(fetchId(spi, clock, "t:" + i)).as("fetch %d while the group's slot is taken", i).isNull();
        }
        finish(spi, clock, running, "t:0");
        String next = fetchId(spi, clock, "t:4");
        assertThat(next).isIn(promoted, rescheduled);
        assertThat(fetchId(spi, clock, "t:5")).as("a second job of the group while one runs").isNull();
        finish(spi, clock, next, "t:4");
        String last = fetchId(spi, clock, "t:6");
        assertThat(List.of(next, last)).containsExactlyInAnyOrder(promoted, rescheduled);
    }

    /** The id a fetch with {@code token} got, or null when it got none. */
    private static String fetchId(QueueBackend spi, Clock clock, String token) {
        FetchResult r = spi.fetch(new FetchRequest(token, 30_000, null, clock.millis()));
        return r instanceof FetchResult.Fetched f ? f.job().id() : null;
    }

    private static void finish(QueueBackend spi, Clock clock, String id, String token) {
        spi.finish(new FinishRequest(id, token, clock.millis(), true, "null", null, KeepJobs.all(), null));
    }
}
