package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.spi.FinishRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §5.9: two-phase stall detection, the throttle and the deferred failure. */
class StalledTest extends MemoryTestSupport {
    private static final long INTERVAL = 5_000;
    /** The stalled-check key, like the lock, lives through its expiry millisecond. */
    private static final long PAST_INTERVAL = INTERVAL + 1;

    @Test
    void aJobIsRecoveredOnlyWhenItWasACandidateAndItsLockIsGone() {
        add("a");
        add("b");
        Job a = fetch(2_000);
        assertThat(q.checkStalled(1, INTERVAL, 2_000)).isEmpty(); // a becomes a candidate
        clock.advance(EXPIRE); // lock expired, interval passed
        int before = q.events().size();

        assertThat(q.checkStalled(1, INTERVAL, 3_000)).containsExactly(a.id());

        assertThat(eventLinesSince(before)).containsExactly(
                "waiting{jobId=1,prev=active}", "stalled{jobId=1}");
        Job recovered = q.getJob(a.id()).orElseThrow();
        assertThat(recovered.stalledCounter()).isEqualTo(1);
        assertThat(recovered.deferredFailure()).isNull();
        // pushed to the front: runs before b
        assertThat(fetch(3_000).id()).isEqualTo(a.id());
    }

    @Test
    void aLiveLockIsNeverStalled() {
        String id = add("a");
        fetch(2_000);
        q.checkStalled(1, INTERVAL, 2_000);
        clock.advance(PAST_INTERVAL);
        assertThat(q.checkStalled(1, INTERVAL, 3_000)).isEmpty();
        assertThat(q.getState(id)).isEqualTo(JobState.ACTIVE);
    }

    @Test
    void renewingTheLockRemovesTheJobFromTheCandidates() {
        String id = add("a");
        fetch(2_000);
        q.checkStalled(1, INTERVAL, 2_000);
        q.extendLocks(Map.of(id, TOKEN), 1, 2_000); // renewed, but only for 1 ms
        clock.advance(EXPIRE);
        assertThat(q.checkStalled(1, INTERVAL, 3_000)).isEmpty(); // not a candidate any more
        clock.advance(PAST_INTERVAL);
        assertThat(q.checkStalled(1, INTERVAL, 4_000)).containsExactly(id);
    }

    @Test
    void aJobFetchedAfterACheckNeedsTwoMoreChecks() {
        q.checkStalled(1, INTERVAL, 1_000);
        String id = add("a");
        fetch(2_000);
        clock.advance(EXPIRE);
        assertThat(q.checkStalled(1, INTERVAL, 2_000)).isEmpty();
        clock.advance(PAST_INTERVAL);
        assertThat(q.checkStalled(1, INTERVAL, 3_000)).containsExactly(id);
    }

    @Test
    void checksAreThrottledByTheBackendClock() {
        String id = add("a");
        fetch(2_000);
        q.checkStalled(1, INTERVAL, 2_000);
        clock.advance(INTERVAL); // still throttled at exactly the expiry
        q.extendLocks(Map.of(id, TOKEN), 1, 2_000);
        q.checkStalled(1, INTERVAL, 2_000); // throttled: candidates untouched
        clock.advance(1);
        // the renewal removed it from the candidates, so the first real check only re-adds it
        assertThat(q.checkStalled(1, INTERVAL, 2_000)).isEmpty();
        clock.advance(PAST_INTERVAL);
        assertThat(q.checkStalled(1, INTERVAL, 2_000)).containsExactly(id);
    }

    @Test
    void throttledCallReturnsNothingEvenWithExpiredCandidates() {
        String id = add("a");
        fetch(2_000);
        q.checkStalled(1, LOCK * 2, 2_000);
        clock.advance(EXPIRE);
        assertThat(q.checkStalled(1, LOCK * 2, 2_000)).isEmpty();
        clock.advance(EXPIRE);
        assertThat(q.checkStalled(1, LOCK * 2, 2_000)).containsExactly(id);
    }

    @Test
    void stallingMoreThanMaxStalledCountDefersAFailure() {
        String id = add("a");
        for (int round = 1; round <= 2; round++) {
            fetch(2_000);
            clock.advance(PAST_INTERVAL); // past the previous round's throttle
            q.checkStalled(1, INTERVAL, 2_000);
            clock.advance(EXPIRE);
            assertThat(q.checkStalled(1, INTERVAL, 2_000)).containsExactly(id);
        }
        Job job = fetch(3_000);
        assertThat(job.stalledCounter()).isEqualTo(2);
        assertThat(job.deferredFailure()).isEqualTo("job stalled more than allowable limit");

        q.finish(new FinishRequest(id, TOKEN, 3_000, false, job.deferredFailure(), null, KeepJobs.all(), null));
        Job failed = q.getJob(id).orElseThrow();
        assertThat(failed.deferredFailure()).isNull();
        assertThat(failed.failedReason()).isEqualTo("job stalled more than allowable limit");
    }

    @Test
    void maxStalledCountZeroDefersOnTheFirstStall() {
        String id = add("a");
        fetch(2_000);
        q.checkStalled(0, INTERVAL, 2_000);
        clock.advance(EXPIRE);
        q.checkStalled(0, INTERVAL, 2_000);
        assertThat(q.getJob(id).orElseThrow().deferredFailure()).isNotNull();
    }
}
