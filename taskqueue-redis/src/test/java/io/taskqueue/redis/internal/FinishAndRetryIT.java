package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;
import io.taskqueue.LockLostException;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.CheckpointSupport;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** moveToFinished, the three kinds of release, extendLocks and the stall check against docs/protocol.md §5.3–§5.9. */
@ExtendWith(RedisExtension.class)
class FinishAndRetryIT {
    private static final long NOW = ItFixture.NOW;

    private static FinishRequest complete(String id, String token, KeepJobs keep, long now) {
        return new FinishRequest(id, token, now, true, "{\"ok\":true}", null, keep, null);
    }

    @Test
    void completionStoresTheResultAndAnnouncesItThenDrained(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThat(f.queue().finish(complete("1", "t", KeepJobs.all(), NOW + 20))).isEqualTo(FetchResult.EMPTY);
            assertThat(f.hash(f.keys().job("1"))).containsEntry("returnvalue", "{\"ok\":true}")
                    .containsEntry("finishedOn", Long.toString(NOW + 20)).containsEntry("atm", "1");
            assertThat(f.zset(f.keys().completed())).containsExactly(entry("1", Long.toString(NOW + 20)));
            assertThat(f.exists(f.keys().lock("1"))).isFalse();
            assertThat(f.events()).endsWith("completed jobId=1 returnvalue={\"ok\":true} prev=active", "drained");
        }
    }

    @Test
    void finalFailureStoresReasonAndStackAndAnnouncesRetriesExhausted(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.redis().call("HSET", f.keys().job("1"), "defa", "x");
            f.queue().finish(new FinishRequest("1", "t", NOW + 20, false, "boom / bang", List.of("Error: boom"),
                    KeepJobs.all(), null));
            Map<String, String> h = f.hash(f.keys().job("1"));
            assertThat(h).containsEntry("failedReason", "boom / bang").containsEntry("stacktrace", "[\"Error: boom\"]")
                    .doesNotContainKey("defa");
            assertThat(f.events()).contains("failed jobId=1 failedReason=boom / bang prev=active",
                    "retries-exhausted jobId=1 attemptsMade=1");
        }
    }

    @Test
    void finishingWithAWrongOrMissingLockFails(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThatThrownBy(() -> f.queue().finish(complete("1", "other", KeepJobs.all(), NOW)))
                    .isInstanceOf(LockLostException.class).hasMessageContaining("another worker");
            f.redis().call("DEL", f.keys().lock("1"));
            assertThatThrownBy(() -> f.queue().finish(complete("1", "t", KeepJobs.all(), NOW)))
                    .isInstanceOf(LockLostException.class).hasMessageContaining("missing lock");
        }
    }

    @Test
    void finishCanFetchTheNextJob(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t1");
            FetchResult next = f.queue().finish(new FinishRequest("1", "t1", NOW, true, "null", null, KeepJobs.all(),
                    new FetchRequest("t2", 5000, "w1", NOW)));
            assertThat(next).isInstanceOf(FetchResult.Fetched.class);
            assertThat(((FetchResult.Fetched) next).job().id()).isEqualTo("2");
            assertThat(f.redis().call("GET", f.keys().lock("2"))).isEqualTo("t2");
        }
    }

    @Test
    void retentionByCountKeepsTheNewestAndRemoveOnCompleteDeletesAtOnce(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            for (int i = 1; i <= 4; i++) {
                f.add(JobOptions.defaults());
                f.fetch("t");
                f.cap(CheckpointSupport.class).saveCheckpoint(Integer.toString(i), "k", "1");
                f.queue().finish(complete(Integer.toString(i), "t", KeepJobs.count(2), NOW + i));
            }
            assertThat(f.zset(f.keys().completed()).keySet()).containsExactly("3", "4");
            assertThat(f.exists(f.keys().job("1"))).isFalse();
            assertThat(f.exists(f.keys().checkpoints("1"))).isFalse();
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.queue().finish(complete("5", "t", KeepJobs.none(), NOW + 9));
            assertThat(f.exists(f.keys().job("5"))).isFalse();
            assertThat(f.events()).contains("completed jobId=5 returnvalue={\"ok\":true} prev=active");
        }
    }

    @Test
    void retentionByAgeDeletesOldJobsWhenAnotherFinishes(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            KeepJobs keep = KeepJobs.age(Duration.ofSeconds(1));
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.queue().finish(new FinishRequest("1", "t", NOW, false, "e", null, keep, null));
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.queue().finish(new FinishRequest("2", "t", NOW + 5000, false, "e", null, keep, null));
            assertThat(f.zset(f.keys().failed()).keySet()).containsExactly("2");
            assertThat(f.exists(f.keys().job("1"))).isFalse();
        }
    }

    @Test
    void metricsCountFinishedJobsPerMinute(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix, RedisBackendOptions.builder().metricsMaxDataPoints(60))) {
            long minute = 60_000;
            for (int i = 1; i <= 3; i++) {
                f.add(JobOptions.defaults());
                f.fetch("t");
                f.queue().finish(complete(Integer.toString(i), "t", KeepJobs.all(), NOW + (i == 3 ? 2 * minute : 0)));
            }
            assertThat(f.hash(f.keys().metrics(true))).containsEntry("count", "3").containsEntry("prevCount", "2");
            // the older minute's count first, then a zero for each later minute: newest at index 0
            assertThat(f.list(f.keys().metricsData(true))).containsExactly("0", "2");
        }
    }

    @Test
    void backoffRetryGoesToDelayedWithItsScore(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.builder().attempts(3).build());
            f.fetch("t");
            f.queue().release(ReleaseRequest.retry("1", "t", NOW + 100, 200, "nope", List.of("Error: nope")));
            long due = NOW + 300;
            assertThat(f.zset(f.keys().delayed())).containsExactly(entry("1", Long.toString(due * 4096)));
            assertThat(f.hash(f.keys().job("1"))).containsEntry("atm", "1").containsEntry("delay", "200")
                    .containsEntry("failedReason", "nope").containsEntry("stacktrace", "[\"Error: nope\"]");
            assertThat(f.zset(f.keys().marker())).containsEntry("1", Long.toString(due));
            assertThat(f.events()).last().isEqualTo("delayed jobId=1 delay=" + due);
            assertThat(f.list(f.keys().active())).isEmpty();
        }
    }

    @Test
    void immediateRetryGoesBackToWaitAndRetryLaterSpendsNoAttempt(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.builder().attempts(3).build());
            f.fetch("t");
            f.queue().release(ReleaseRequest.retry("1", "t", NOW, 0, "x", null));
            assertThat(f.list(f.keys().waitList())).containsExactly("1");
            assertThat(f.events()).last().isEqualTo("waiting jobId=1 prev=active");
            f.fetch("t2");
            f.queue().release(ReleaseRequest.postpone("1", "t2", NOW, 50));
            assertThat(f.hash(f.keys().job("1"))).containsEntry("atm", "1").containsEntry("ats", "2");
        }
    }

    @Test
    void handBackPutsTheJobAtTheFrontWithoutSpendingAnAttempt(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.queue().release(ReleaseRequest.handBack("1", "t", NOW));
            assertThat(f.list(f.keys().waitList())).containsExactly("2", "1");
            assertThat(f.hash(f.keys().job("1"))).doesNotContainKey("atm");
            assertThat(f.exists(f.keys().lock("1"))).isFalse();
        }
    }

    @Test
    void extendLocksRenewsReportsLostAndCancelRequests(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t1");
            f.fetch("t2");
            f.redis().call("SADD", f.keys().stalled(), "1", "2");
            f.queue().cancel("2", "stop it", NOW);
            Map<String, LockStatus> status = f.queue().extendLocks(
                    Map.of("1", "t1", "2", "t2", "3", "t3"), 60_000, NOW);
            assertThat(status).containsEntry("1", LockStatus.HELD).containsEntry("2", LockStatus.CANCEL_REQUESTED)
                    .containsEntry("3", LockStatus.LOST);
            assertThat((Long) f.redis().call("PTTL", f.keys().lock("1"))).isGreaterThan(30_000L);
            assertThat(f.redis().call("SCARD", f.keys().stalled())).isEqualTo(0L);
            f.queue().finish(complete("2", "t2", KeepJobs.all(), NOW));
            assertThat(f.exists(f.keys().cancelFlag("2"))).isFalse();
        }
    }

    @Test
    void stallCheckRequeuesLockLessCandidatesAndMarksThoseOverTheLimit(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThat(f.queue().checkStalled(0, 1000, NOW)).isEmpty();
            assertThat(f.redis().call("SISMEMBER", f.keys().stalled(), "1")).isEqualTo(1L);
            assertThat(f.queue().checkStalled(0, 1000, NOW)).as("throttled by stalled-check").isEmpty();
            f.redis().call("DEL", f.keys().lock("1"), f.keys().stalledCheck());
            assertThat(f.queue().checkStalled(0, 1000, NOW + 1000)).containsExactly("1");
            assertThat(f.hash(f.keys().job("1"))).containsEntry("stc", "1")
                    .containsEntry("defa", "job stalled more than allowable limit");
            assertThat(f.list(f.keys().waitList())).containsExactly("1");
            assertThat(f.events()).endsWith("waiting jobId=1 prev=active", "stalled jobId=1");
            assertThat(f.fetch("t2").job().deferredFailure()).isEqualTo("job stalled more than allowable limit");
        }
    }
}
