package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.PauseSupport;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** addJob and moveToActive, checked byte for byte against docs/protocol.md §1–§7. */
@ExtendWith(RedisExtension.class)
class AddAndFetchIT {
    private static final long NOW = ItFixture.NOW;

    @Test
    void theFirstAddWritesMetaAsABullmqQueueDoesAndOpeningWritesNothing(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.queue().counts(java.util.Set.of(io.taskqueue.JobState.WAITING));
            assertThat(f.hash(f.keys().meta())).as("after opening and a read").isEmpty();
            f.add(JobOptions.defaults());
            assertThat(f.hash(f.keys().meta())).containsExactlyInAnyOrderEntriesOf(
                    java.util.Map.of("opts.maxLenEvents", "10000", "version", "bullmq:6.7.0"));
        }
    }

    @Test
    void standardAddStoresTheHashPushesLeftAndWritesMarkerAndEvents(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            String first = f.add(JobOptions.defaults());
            String second = f.add(JobOptions.defaults());
            assertThat(first).isEqualTo("1");
            assertThat(second).isEqualTo("2");
            assertThat(f.hash(f.keys().job("1"))).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                    "name", "job", "data", "{\"n\":1}", "opts", "{\"attempts\":1}", "timestamp", Long.toString(NOW),
                    "delay", "0", "priority", "0"));
            assertThat(f.list(f.keys().waitList())).containsExactly("2", "1");
            assertThat(f.zset(f.keys().marker())).containsExactly(entry("0", "0"));
            assertThat(f.events()).containsExactly("added jobId=1 name=job", "waiting jobId=1",
                    "added jobId=2 name=job", "waiting jobId=2");
            assertThat(f.redis().call("GET", f.keys().id())).isEqualTo("2");
        }
    }

    @Test
    void lifoAddPushesRight(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.builder().lifo(true).build());
            assertThat(f.list(f.keys().waitList())).containsExactly("1", "2");
            assertThat(f.hash(f.keys().job("2"))).containsEntry("opts", "{\"lifo\":true,\"attempts\":1}");
        }
    }

    @Test
    void delayedAddScoresDueTimes4096WithASequenceAndSetsTheDelayMarker(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            JobOptions delayed = JobOptions.builder().delay(Duration.ofMillis(1500)).build();
            f.add(delayed);
            f.add(delayed);
            long due = NOW + 1500;
            assertThat(f.zset(f.keys().delayed())).containsExactly(
                    entry("1", Long.toString(due * 4096)), entry("2", Long.toString(due * 4096 + 1)));
            assertThat(f.zset(f.keys().marker())).containsExactly(entry("1", Long.toString(due)));
            assertThat(f.hash(f.keys().job("1"))).containsEntry("delay", "1500");
            assertThat(f.events()).contains("delayed jobId=1 delay=" + due);
        }
    }

    @Test
    void prioritizedAddScoresPriorityTimes2To32PlusCounter(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.builder().priority(3).build());
            f.add(JobOptions.builder().priority(1).build());
            assertThat(f.zset(f.keys().prioritized())).containsExactly(
                    entry("2", Long.toString(1L * 0x100000000L + 2)), entry("1", Long.toString(3L * 0x100000000L + 1)));
            assertThat(f.redis().call("GET", f.keys().priorityCounter())).isEqualTo("2");
            assertThat(f.zset(f.keys().marker())).containsExactly(entry("0", "0"));
        }
    }

    @Test
    void duplicateCustomIdChangesNothingButCountsAndAnnounces(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            JobOptions custom = JobOptions.builder().jobId("my-id").build();
            assertThat(f.add(custom)).isEqualTo("my-id");
            assertThat(f.add(new NewJob("other", "{}", custom, NOW))).isEqualTo("my-id");
            assertThat(f.hash(f.keys().job("my-id"))).containsEntry("name", "job")
                    .containsEntry("opts", "{\"jobId\":\"my-id\",\"attempts\":1}");
            assertThat(f.redis().call("GET", f.keys().id())).isEqualTo("2");
            assertThat(f.events()).last().isEqualTo("duplicated jobId=my-id");
        }
    }

    @Test
    void aBatchOfAddsKeepsOrder(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            List<NewJob> jobs = java.util.stream.IntStream.range(0, 50)
                    .mapToObj(i -> new NewJob("b", "{\"i\":" + i + "}", JobOptions.defaults(), NOW)).toList();
            List<String> ids = f.queue().add(jobs);
            assertThat(ids).hasSize(50).first().isEqualTo("1");
            assertThat(ids).last().isEqualTo("50");
        }
    }

    @Test
    void fetchLocksStampsAndAnnouncesAndReaddsTheMarker(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.redis().call("DEL", f.keys().marker());
            Job job = f.fetch("tok:1").job();
            assertThat(job.id()).isEqualTo("1");
            assertThat(job.attemptsStarted()).isEqualTo(1);
            assertThat(job.processedOn()).isEqualTo(NOW + 10);
            assertThat(job.processedBy()).isEqualTo("w1");
            assertThat(f.redis().call("GET", f.keys().lock("1"))).isEqualTo("tok:1");
            assertThat((Long) f.redis().call("PTTL", f.keys().lock("1"))).isBetween(1L, 30_000L);
            assertThat(f.list(f.keys().active())).containsExactly("1");
            assertThat(f.zset(f.keys().marker())).containsExactly(entry("0", "0"));
            assertThat(f.hash(f.keys().job("1"))).containsEntry("ats", "1").containsEntry("pb", "w1")
                    .containsEntry("processedOn", Long.toString(NOW + 10));
            assertThat(f.events()).last().isEqualTo("active jobId=1 prev=waiting");
        }
    }

    @Test
    void unprioritizedJobsRunBeforePrioritizedOnes(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.builder().priority(1).build());
            f.add(JobOptions.defaults());
            assertThat(f.fetch("t").job().id()).isEqualTo("2");
            assertThat(f.fetch("t").job().id()).isEqualTo("1");
            assertThat(f.redis().call("EXISTS", f.keys().priorityCounter())).isEqualTo(1L);
            assertThat(f.queue().fetch(new FetchRequest("t", 1000, null, NOW))).isEqualTo(FetchResult.EMPTY);
            assertThat(f.redis().call("EXISTS", f.keys().priorityCounter())).isEqualTo(0L);
        }
    }

    @Test
    void fetchPromotesDueDelayedJobsAndReportsTheNextDueTime(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.builder().delay(Duration.ofMillis(100)).build());
            f.add(JobOptions.builder().delay(Duration.ofMillis(5000)).build());
            FetchResult early = f.queue().fetch(new FetchRequest("t", 1000, null, NOW + 50));
            assertThat(early).isEqualTo(new FetchResult.Empty(NOW + 100));
            FetchResult due = f.queue().fetch(new FetchRequest("t", 1000, null, NOW + 100));
            assertThat(due).isInstanceOf(FetchResult.Fetched.class);
            assertThat(f.hash(f.keys().job("1"))).containsEntry("delay", "0");
            assertThat(f.events()).contains("waiting jobId=1 prev=delayed");
        }
    }

    @Test
    void pausedQueueFetchesNothingAndAddsWriteNoMarker(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.cap(PauseSupport.class).pause();
            f.add(JobOptions.defaults());
            assertThat(f.exists(f.keys().marker())).isFalse();
            assertThat(f.queue().fetch(new FetchRequest("t", 1000, null, NOW))).isEqualTo(FetchResult.EMPTY);
            f.cap(PauseSupport.class).resume();
            assertThat(f.zset(f.keys().marker())).containsExactly(entry("0", "0"));
            assertThat(f.events()).contains("paused", "resumed");
            assertThat(f.fetch("t").job().id()).isEqualTo("1");
        }
    }

    @Test
    void globalConcurrencyFromMetaIsHonoured(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.redis().call("HSET", f.keys().meta(), "concurrency", "1");
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThat(f.queue().fetch(new FetchRequest("t", 1000, null, NOW))).isEqualTo(FetchResult.EMPTY);
        }
    }

    @Test
    void globalRateLimitFromMetaIsHonoured(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.redis().call("HSET", f.keys().meta(), "max", "1", "duration", "60000");
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThat(f.queue().fetch(new FetchRequest("t", 1000, null, NOW)))
                    .isInstanceOf(FetchResult.RateLimited.class);
        }
    }

    @Test
    void malformedJobsAreFetchedWithADeferredFailure(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.redis().call("HSET", f.keys().job("1"), "opts", "{broken");
            Job job = f.fetch("t").job();
            assertThat(job.deferredFailure()).startsWith("malformed job: opts is not valid JSON");
        }
    }

    @Test
    void idsWhoseHashIsGoneAreSkipped(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.redis().call("DEL", f.keys().job("1"));
            f.redis().call("LPUSH", f.keys().waitList(), "0:123");
            f.redis().call("RPUSH", f.keys().waitList(), "0:456");
            assertThat(f.fetch("t").job().id()).isEqualTo("2");
            assertThat(f.list(f.keys().active())).containsExactly("2");
        }
    }
}
