package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
import io.taskqueue.JobNotFoundException;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.LockLostException;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.RemoveResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §5.0 lock checks, docs/protocol.md §5.3 renewal and docs/protocol.md §5.7 hand-back. */
class LockTest extends MemoryTestSupport {

    private FinishRequest completeWith(String id, String token) {
        return new FinishRequest(id, token, 3_000, true, "1", null, KeepJobs.all(), null);
    }

    @Test
    void finishWithAnotherTokenIsALockMismatchAndChangesNothing() {
        String id = add("a");
        fetch(2_000);
        assertThatThrownBy(() -> q.finish(completeWith(id, "other:1")))
                .isInstanceOf(LockLostException.class)
                .hasMessageContaining("another worker");
        assertThat(q.getState(id)).isEqualTo(JobState.ACTIVE);
        assertThat(q.getJob(id).orElseThrow().attemptsMade()).isZero();
    }

    @Test
    void finishAfterTheLockExpiredIsAMissingLock() {
        String id = add("a");
        fetch(2_000);
        clock.advance(EXPIRE);
        assertThatThrownBy(() -> q.finish(completeWith(id, TOKEN)))
                .isInstanceOf(LockLostException.class)
                .hasMessageContaining("missing lock");
        assertThat(q.getState(id)).isEqualTo(JobState.ACTIVE);
    }

    @Test
    void lockIsValidUntilJustBeforeItsExpiry() {
        String id = add("a");
        fetch(2_000);
        clock.advance(LOCK);
        q.finish(completeWith(id, TOKEN));
        assertThat(q.getState(id)).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void missingJobAndWrongStateAreReported() {
        assertThatThrownBy(() -> q.finish(completeWith("nope", TOKEN))).isInstanceOf(JobNotFoundException.class);
        String id = add("a");
        // token "0" skips the lock check, so the state check is reached
        assertThatThrownBy(() -> q.finish(completeWith(id, "0"))).isInstanceOf(InvalidJobStateException.class);
        assertThatThrownBy(() -> q.release(new ReleaseRequest(id, "0", 2_000, ReleaseRequest.Kind.RETRY, 0, null, null)))
                .isInstanceOf(InvalidJobStateException.class);
        assertThatThrownBy(() -> q.release(ReleaseRequest.handBack(id, "0", 2_000))).isInstanceOf(InvalidJobStateException.class);
        assertThat(q.getState(id)).isEqualTo(JobState.WAITING);
    }

    @Test
    void retryAndHandBackCheckTheLockToo() {
        String id = add("a");
        fetch(2_000);
        assertThatThrownBy(() -> q.release(new ReleaseRequest(id, "x:1", 2_000, ReleaseRequest.Kind.RETRY, 10, "e", null)))
                .isInstanceOf(LockLostException.class);
        assertThatThrownBy(() -> q.release(ReleaseRequest.handBack(id, "x:1", 2_000))).isInstanceOf(LockLostException.class);
        clock.advance(EXPIRE);
        assertThatThrownBy(() -> q.release(ReleaseRequest.handBack(id, TOKEN, 2_000)))
                .isInstanceOf(LockLostException.class).hasMessageContaining("missing lock");
    }

    @Test
    void tokenZeroFetchesWithoutALock() {
        String id = add("a");
        fetch("0", 2_000);
        assertThat(q.remove(id)).isEqualTo(RemoveResult.REMOVED);
    }

    @Test
    void extendLocksReportsEachJob() {
        String a = add("a");
        String b = add("b");
        String c = add("c");
        fetch(2_000);
        fetch("other:1", 2_000);
        fetch(2_000);
        q.cancel(c, "stop", 2_000);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(a, TOKEN);
        tokens.put(b, TOKEN);
        tokens.put(c, TOKEN);
        tokens.put("missing", TOKEN);
        assertThat(q.extendLocks(tokens, 60_000, 2_000)).containsExactly(
                Map.entry(a, LockStatus.HELD),
                Map.entry(b, LockStatus.LOST),
                Map.entry(c, LockStatus.CANCEL_REQUESTED),
                Map.entry("missing", LockStatus.LOST));
        // renewed for 60s from the backend clock: still held after the original 30s
        clock.advance(LOCK + 1);
        assertThat(q.extendLocks(Map.of(a, TOKEN), LOCK, 2_000)).containsEntry(a, LockStatus.HELD);
        clock.advance(EXPIRE);
        assertThat(q.extendLocks(Map.of(a, TOKEN), LOCK, 2_000)).containsEntry(a, LockStatus.LOST);
    }

    @Test
    void removeLeavesLockedJobsAlone() {
        String id = add("a");
        fetch(2_000);
        assertThat(q.remove(id)).isEqualTo(RemoveResult.LOCKED);
        clock.advance(EXPIRE);
        assertThat(q.remove(id)).isEqualTo(RemoveResult.REMOVED);
        assertThat(eventLines()).last().isEqualTo("removed{jobId=1,prev=active}");
        assertThat(q.remove(id)).isEqualTo(RemoveResult.NOT_FOUND);
    }

    @Test
    void handBackPutsTheJobAtTheFrontWithoutSpendingAnAttempt() {
        add("a");
        add("b");
        Job a = fetch(2_000);
        q.release(ReleaseRequest.handBack(a.id(), TOKEN, 2_100));
        assertThat(eventLines()).last().isEqualTo("waiting{jobId=1,prev=active}");
        Job again = fetch(2_200);
        assertThat(again.id()).isEqualTo(a.id());
        assertThat(again.attemptsMade()).isZero();
        assertThat(again.attemptsStarted()).isEqualTo(2);
    }

    @Test
    void handBackOfAPrioritizedJobGoesToTheFrontOfItsClass() {
        add("p1", opts().priority(4).build(), 1_000);
        add("p2", opts().priority(4).build(), 1_000);
        add("p3", opts().priority(9).build(), 1_000);
        Job p1 = fetch(2_000);
        q.release(ReleaseRequest.handBack(p1.id(), TOKEN, 2_000));
        assertThat(q.getState(p1.id())).isEqualTo(JobState.PRIORITIZED);
        assertThat(drainNames(2_000)).containsExactly("p1", "p2", "p3");
    }

    @Test
    void lockIsReleasedByFinish() {
        String id = add("a");
        fetch(2_000);
        q.finish(completeWith(id, TOKEN));
        assertThat(q.extendLocks(Map.of(id, TOKEN), LOCK, 3_000)).containsEntry(id, LockStatus.LOST);
    }
}
