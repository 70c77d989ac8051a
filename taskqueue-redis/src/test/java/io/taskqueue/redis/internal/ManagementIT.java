package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.CheckpointSupport;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.JobControlSupport;
import io.taskqueue.spi.MaintenanceSupport;
import io.taskqueue.spi.PauseSupport;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads and management scripts against docs/protocol.md §5.10–§5.13, plus cancellation and checkpoints. */
@ExtendWith(RedisExtension.class)
class ManagementIT {
    private static final long NOW = ItFixture.NOW;

    @Test
    void statesCountsAndRangesFollowBullmqOrdering(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            for (int i = 0; i < 3; i++) {
                f.add(JobOptions.defaults());
            }
            f.add(JobOptions.builder().delay(Duration.ofSeconds(10)).build());
            f.add(JobOptions.builder().priority(2).build());
            f.fetch("t");
            assertThat(f.queue().getState("1")).isEqualTo(JobState.ACTIVE);
            assertThat(f.queue().getState("2")).isEqualTo(JobState.WAITING);
            assertThat(f.queue().getState("4")).isEqualTo(JobState.DELAYED);
            assertThat(f.queue().getState("5")).isEqualTo(JobState.PRIORITIZED);
            assertThat(f.queue().getState("nope")).isEqualTo(JobState.UNKNOWN);
            assertThat(f.queue().counts(EnumSet.of(JobState.WAITING, JobState.ACTIVE, JobState.DELAYED,
                    JobState.PRIORITIZED, JobState.COMPLETED))).containsExactly(entry(JobState.WAITING, 2L),
                    entry(JobState.PRIORITIZED, 1L), entry(JobState.DELAYED, 1L), entry(JobState.ACTIVE, 1L),
                    entry(JobState.COMPLETED, 0L));
            assertThat(f.queue().getJobs(JobState.WAITING, 0, -1, true)).extracting(Job::id).containsExactly("2", "3");
            assertThat(f.queue().getJobs(JobState.WAITING, 0, -1, false)).extracting(Job::id).containsExactly("3", "2");
            assertThat(f.queue().getJobs(JobState.WAITING, 0, 0, true)).extracting(Job::id).containsExactly("2");
            assertThat(f.queue().getJob("4")).get().extracting(Job::delayMillis).isEqualTo(10_000L);
            assertThat(f.queue().getJob("nope")).isEmpty();
        }
    }

    @Test
    void progressLogsAndCheckpoints(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            assertThat(f.queue().updateProgress("1", "{\"pct\":50}")).isTrue();
            assertThat(f.queue().updateProgress("nope", "1")).isFalse();
            assertThat(f.events()).last().isEqualTo("progress jobId=1 data={\"pct\":50}");
            assertThat(f.queue().addLog("1", "a", null)).isEqualTo(1);
            assertThat(f.queue().addLog("1", "b", 2)).isEqualTo(2);
            assertThat(f.queue().addLog("1", "c", 2)).isEqualTo(2);
            assertThat(f.queue().getLogs("1", 0, -1)).containsExactly("b", "c");
            f.cap(CheckpointSupport.class).saveCheckpoint("1", "page", "{\"n\":3}");
            assertThat(f.cap(CheckpointSupport.class).checkpoints("1")).containsExactly(entry("page", "{\"n\":3}"));
        }
    }

    @Test
    void removeDeletesEverythingButLeavesLockedJobs(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThat(f.queue().remove("1")).isEqualTo(RemoveResult.LOCKED);
            f.queue().addLog("2", "x", null);
            f.cap(CheckpointSupport.class).saveCheckpoint("2", "k", "1");
            assertThat(f.queue().remove("2")).isEqualTo(RemoveResult.REMOVED);
            assertThat(f.queue().remove("2")).isEqualTo(RemoveResult.NOT_FOUND);
            assertThat(f.exists(f.keys().logs("2"))).isFalse();
            assertThat(f.exists(f.keys().checkpoints("2"))).isFalse();
            assertThat(f.events()).last().isEqualTo("removed jobId=2 prev=wait");
        }
    }

    @Test
    void retryJobMovesAFinishedJobBack(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.queue().finish(new FinishRequest("1", "t", NOW, false, "e", null, KeepJobs.all(), null));
            assertThat(f.cap(JobControlSupport.class).retryJob("1", JobState.COMPLETED, NOW)).isFalse();
            assertThat(f.cap(JobControlSupport.class).retryJob("1", JobState.FAILED, NOW)).isTrue();
            assertThat(f.hash(f.keys().job("1"))).doesNotContainKeys("finishedOn", "processedOn", "failedReason");
            assertThat(f.list(f.keys().waitList())).containsExactly("1");
            assertThat(f.events()).last().isEqualTo("waiting jobId=1 prev=failed");
        }
    }

    @Test
    void promoteChangeDelayAndChangePriority(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.builder().delay(Duration.ofSeconds(10)).build());
            f.add(JobOptions.builder().delay(Duration.ofSeconds(10)).priority(4).build());
            assertThat(f.cap(JobControlSupport.class).changeDelay("1", 2000, NOW + 5)).isTrue();
            assertThat(f.zset(f.keys().delayed())).containsEntry("1", Long.toString((NOW + 2005) * 4096));
            assertThat(f.events()).last().isEqualTo("delayed jobId=1 delay=" + (NOW + 2005));
            assertThat(f.cap(JobControlSupport.class).promote("1", NOW)).isTrue();
            assertThat(f.cap(JobControlSupport.class).promote("1", NOW)).isFalse();
            assertThat(f.list(f.keys().waitList())).containsExactly("1");
            assertThat(f.cap(JobControlSupport.class).promote("2", NOW)).isTrue();
            assertThat(f.zset(f.keys().prioritized())).containsKey("2");
            assertThat(f.cap(JobControlSupport.class).changePriority("1", 1, true)).isTrue();
            assertThat(f.zset(f.keys().prioritized())).containsEntry("1", Long.toString(0x100000000L));
            assertThat(f.cap(JobControlSupport.class).changePriority("2", 0, false)).isTrue();
            assertThat(f.list(f.keys().waitList())).containsExactly("2");
            assertThat(f.cap(JobControlSupport.class).changePriority("nope", 1, false)).isFalse();
        }
    }

    @Test
    void cancelFailsWaitingJobsAndSignalsActiveOnes(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThat(f.queue().cancel("2", "not needed", NOW)).isEqualTo(CancelResult.CANCELLED);
            assertThat(f.queue().getState("2")).isEqualTo(JobState.FAILED);
            assertThat(f.hash(f.keys().job("2"))).containsEntry("failedReason", "not needed");
            assertThat(f.events()).last().isEqualTo("failed jobId=2 failedReason=not needed prev=waiting");
            assertThat(f.queue().cancel("1", "stop", NOW)).isEqualTo(CancelResult.SIGNALLED);
            assertThat(f.redis().call("GET", f.keys().cancelFlag("1"))).isEqualTo("stop");
            assertThat(f.queue().cancel("2", "again", NOW)).isEqualTo(CancelResult.ALREADY_FINISHED);
            assertThat(f.queue().cancel("nope", "x", NOW)).isEqualTo(CancelResult.NOT_FOUND);
        }
    }

    @Test
    void cleanRemovesOldJobsAndAnnouncesTheCount(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            for (int i = 0; i < 3; i++) {
                f.add(JobOptions.defaults());
            }
            List<String> removed = f.cap(MaintenanceSupport.class).clean(0, 2, JobState.WAITING, NOW);
            assertThat(removed).hasSize(2);
            assertThat(f.list(f.keys().waitList())).hasSize(1);
            assertThat(f.events()).last().isEqualTo("cleaned count=2");
            assertThat(f.cap(MaintenanceSupport.class).clean(1000, 0, JobState.WAITING, NOW)).isEmpty();
        }
    }

    @Test
    void drainRemovesWaitingAndOptionallyDelayedJobs(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.builder().priority(1).build());
            f.add(JobOptions.builder().delay(Duration.ofSeconds(5)).build());
            f.cap(MaintenanceSupport.class).drain(false);
            assertThat(f.exists(f.keys().job("1"))).isFalse();
            assertThat(f.exists(f.keys().job("2"))).isFalse();
            assertThat(f.exists(f.keys().job("3"))).isTrue();
            f.cap(MaintenanceSupport.class).drain(true);
            assertThat(f.exists(f.keys().job("3"))).isFalse();
        }
    }

    @Test
    void obliterateNeedsAPausedIdleQueueAndDeletesEveryKey(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.add(JobOptions.defaults());
            f.fetch("t");
            assertThatThrownBy(() -> f.cap(MaintenanceSupport.class).obliterate(false)).isInstanceOf(InvalidJobStateException.class)
                    .hasMessageContaining("paused");
            f.cap(PauseSupport.class).pause();
            assertThatThrownBy(() -> f.cap(MaintenanceSupport.class).obliterate(false)).hasMessageContaining("active");
            f.cap(MaintenanceSupport.class).obliterate(true);
            List<?> left = (List<?>) ((List<?>) f.redis().call("SCAN", "0", "MATCH", f.keys().base() + "*",
                    "COUNT", "1000")).get(1);
            assertThat(left).isEmpty();
        }
    }
}
