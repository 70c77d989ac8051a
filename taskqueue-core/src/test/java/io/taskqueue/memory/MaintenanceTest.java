package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
import io.taskqueue.JobNotFoundException;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.RemoveResult;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §5.10–5.12: remove, manual retry, promote, changeDelay, changePriority, clean, drain, obliterate. */
class MaintenanceTest extends MemoryTestSupport {

    @Test
    void removeNamesThePreviousStateAsTheScriptDoes() {
        String w = add("w");
        String p = add("p", opts().priority(1).build(), 1_000);
        String d = addDelayed("d", 1_000, 5_000);
        q.addLog(w, "x", null);
        admin.saveCheckpoint(w, "k", "1");
        int before = q.events().size();
        assertThat(q.remove(w)).isEqualTo(RemoveResult.REMOVED);
        assertThat(q.remove(p)).isEqualTo(RemoveResult.REMOVED);
        assertThat(q.remove(d)).isEqualTo(RemoveResult.REMOVED);
        assertThat(eventLinesSince(before)).containsExactly(
                "removed{jobId=1,prev=wait}", "removed{jobId=2,prev=prioritized}", "removed{jobId=3,prev=delayed}");
        assertThat(q.getLogs(w, 0, -1)).isEmpty();
        assertThat(admin.checkpoints(w)).isEmpty();
        assertThat(fetchResult(10_000)).isEqualTo(FetchResult.EMPTY);
    }

    @Test
    void retryJobMovesAFinishedJobBackToWait() {
        String id = add("a");
        fetch(2_000);
        fail(id, 3_000, KeepJobs.all());
        assertThat(admin.retryJob(id, JobState.COMPLETED, 4_000)).isFalse();
        int before = q.events().size();
        assertThat(admin.retryJob(id, JobState.FAILED, 4_000)).isTrue();
        assertThat(eventLinesSince(before)).containsExactly("waiting{jobId=1,prev=failed}");
        Job job = q.getJob(id).orElseThrow();
        assertThat(job.finishedOn()).isNull();
        assertThat(job.processedOn()).isNull();
        assertThat(job.failedReason()).isNull();
        assertThat(job.attemptsMade()).isEqualTo(1); // no reset
        assertThat(job.stacktrace()).containsExactly("trace");
        assertThat(q.getState(id)).isEqualTo(JobState.WAITING);
        assertThatThrownBy(() -> admin.retryJob("nope", JobState.FAILED, 4_000)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void promoteMovesADelayedJobToWaitNow() {
        add("plain");
        String d = addDelayed("d", 1_000, 60_000);
        assertThat(admin.promote("1", 2_000)).isFalse();
        assertThat(admin.promote(d, 2_000)).isTrue();
        assertThat(eventLines()).last().isEqualTo("waiting{jobId=2,prev=delayed}");
        assertThat(q.getJob(d).orElseThrow().delayMillis()).isZero();
        assertThat(drainNames(2_000)).containsExactly("plain", "d");
    }

    @Test
    void changeDelayReschedulesFromTheGivenNow() {
        String d = addDelayed("d", 1_000, 60_000);
        assertThat(admin.changeDelay(d, 500, 2_000)).isTrue();
        assertThat(eventLines()).last().isEqualTo("delayed{jobId=1,delay=2500}");
        assertThat(q.getJob(d).orElseThrow().delayMillis()).isEqualTo(500);
        assertThat(fetchResult(2_499)).isEqualTo(new FetchResult.Empty(2_500L));
        assertThat(fetch(2_500).id()).isEqualTo(d);
        assertThat(admin.changeDelay(d, 10, 3_000)).isFalse();
        assertThatThrownBy(() -> admin.changeDelay("nope", 10, 3_000)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void changePriorityReordersReadyJobsWithoutEvents() {
        add("a", opts().priority(5).build(), 1_000);
        add("b", opts().priority(5).build(), 1_000);
        add("c", opts().priority(5).build(), 1_000);
        String plain = add("plain");
        int before = q.events().size();
        assertThat(admin.changePriority("3", 5, true)).isTrue(); // front of its class
        assertThat(admin.changePriority(plain, 9, false)).isTrue(); // wait -> prioritized, last
        assertThat(admin.changePriority("1", 0, false)).isTrue(); // prioritized -> wait
        assertThat(admin.changePriority("nope", 1, false)).isFalse();
        assertThat(q.events()).hasSize(before);
        assertThat(q.getState(plain)).isEqualTo(JobState.PRIORITIZED);
        assertThat(drainNames(2_000)).containsExactly("a", "c", "b", "plain");
    }

    @Test
    void changePriorityOfADelayedJobAppliesAtPromotion() {
        String d = addDelayed("d", 1_000, 10);
        add("plain");
        admin.changePriority(d, 3, false);
        assertThat(q.getState(d)).isEqualTo(JobState.DELAYED);
        fetch(2_000);
        assertThat(q.getState(d)).isEqualTo(JobState.PRIORITIZED);
    }

    @Test
    void cleanCompletedByGraceAndLimit() {
        for (int i = 1; i <= 4; i++) {
            add("j" + i);
            fetch(1_000 * i);
            complete(Integer.toString(i), 1_000L * i);
        }
        int before = q.events().size();
        assertThat(admin.clean(2_000, 2, JobState.COMPLETED, 5_000)).containsExactly("1", "2");
        assertThat(eventLinesSince(before)).containsExactly("cleaned{count=2}");
        assertThat(admin.clean(2_000, 0, JobState.COMPLETED, 5_000)).containsExactly("3");
        assertThat(q.getJobs(JobState.COMPLETED, 0, -1, true)).extracting(Job::id).containsExactly("4");
    }

    @Test
    void cleanWaitUsesTheOldestEndAndTheJobTimestamp() {
        add("old1", opts().build(), 1_000);
        add("old2", opts().build(), 2_000);
        add("new", opts().build(), 9_000);
        assertThat(admin.clean(0, 0, JobState.WAITING, 5_000)).containsExactly("2", "1");
        assertThat(admin.clean(0, 0, JobState.WAITING, 5_000)).isEmpty();
        assertThat(q.counts(EnumSet.of(JobState.WAITING))).containsEntry(JobState.WAITING, 1L);
    }

    @Test
    void cleanActiveSkipsLockedJobs() {
        add("a");
        add("b");
        fetch(2_000);
        fetch("0", 2_000); // no lock
        assertThat(admin.clean(0, 0, JobState.ACTIVE, 5_000)).containsExactly("2");
    }

    @Test
    void drainRemovesReadyJobsAndOptionallyDelayedOnesWithoutEvents() {
        add("w");
        add("p", opts().priority(1).build(), 1_000);
        addDelayed("d", 1_000, 5_000);
        String active = add("a");
        fetch(2_000); // takes "w"
        int before = q.events().size();
        admin.drain(false);
        assertThat(q.events()).hasSize(before);
        assertThat(q.counts(EnumSet.of(JobState.WAITING, JobState.PRIORITIZED, JobState.DELAYED, JobState.ACTIVE)))
                .containsEntry(JobState.WAITING, 0L).containsEntry(JobState.PRIORITIZED, 0L)
                .containsEntry(JobState.DELAYED, 1L).containsEntry(JobState.ACTIVE, 1L);
        assertThat(q.getJob(active)).isEmpty();
        admin.drain(true);
        assertThat(q.counts(EnumSet.of(JobState.DELAYED))).containsEntry(JobState.DELAYED, 0L);
    }

    @Test
    void obliterateRequiresAPausedAndIdleQueueUnlessForced() {
        add("a");
        add("b");
        fetch(2_000);
        assertThatThrownBy(() -> admin.obliterate(true))
                .isInstanceOf(InvalidJobStateException.class).hasMessageContaining("queue must be paused");
        admin.pause();
        assertThatThrownBy(() -> admin.obliterate(false)).isInstanceOf(InvalidJobStateException.class);
        admin.obliterate(true);

        assertThat(q.events()).isEmpty();
        assertThat(admin.isPaused()).isFalse();
        assertThat(q.counts(EnumSet.of(JobState.WAITING, JobState.ACTIVE)))
                .containsEntry(JobState.WAITING, 0L).containsEntry(JobState.ACTIVE, 0L);
        assertThat(q.getJob("1")).isEmpty();
        assertThat(add("again")).isEqualTo("1"); // the id counter went with the queue
        assertThat(fetch(3_000).name()).isEqualTo("again");
    }

    @Test
    void sameNameGivesTheSameQueue() {
        add("a");
        assertThat(backend.queue("q")).isSameAs(q);
        assertThat(backend.queue("other").getJobs(JobState.WAITING, 0, -1, true)).isEmpty();
        assertThat(List.of(backend.describe())).containsExactly("in-memory");
    }
}
