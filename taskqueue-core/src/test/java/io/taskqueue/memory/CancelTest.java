package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.WorkerChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cancellation in every state. */
class CancelTest extends MemoryTestSupport {

    @Test
    void waitingPrioritizedAndDelayedJobsFailAtOnce() {
        String w = add("w");
        String p = add("p", opts().priority(2).build(), 1_000);
        String d = addDelayed("d", 1_000, 10_000);
        int before = q.events().size();

        assertThat(q.cancel(w, "no longer needed", 4_000)).isEqualTo(CancelResult.CANCELLED);
        assertThat(q.cancel(p, "stop", 4_000)).isEqualTo(CancelResult.CANCELLED);
        assertThat(q.cancel(d, "stop", 4_000)).isEqualTo(CancelResult.CANCELLED);

        assertThat(eventLinesSince(before)).containsExactly(
                "failed{jobId=1,prev=waiting,failedReason=no longer needed}",
                "failed{jobId=2,prev=prioritized,failedReason=stop}",
                "failed{jobId=3,prev=delayed,failedReason=stop}");
        Job cancelled = q.getJob(w).orElseThrow();
        assertThat(cancelled.failedReason()).isEqualTo("no longer needed");
        assertThat(cancelled.finishedOn()).isEqualTo(4_000L);
        assertThat(cancelled.attemptsMade()).isZero();
        assertThat(q.getState(p)).isEqualTo(JobState.FAILED);
        assertThat(fetchResult(20_000)).isEqualTo(io.taskqueue.spi.FetchResult.EMPTY);
    }

    @Test
    void finishedAndMissingJobs() {
        String id = add("a");
        fetch(2_000);
        complete(id, 3_000);
        assertThat(q.cancel(id, "late", 4_000)).isEqualTo(CancelResult.ALREADY_FINISHED);
        assertThat(q.cancel("nope", "late", 4_000)).isEqualTo(CancelResult.NOT_FOUND);
    }

    @Test
    void activeJobIsFlaggedAndListenersAreNotified() throws InterruptedException {
        String id = add("a");
        fetch(2_000);
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch latch = new CountDownLatch(1);
        WorkerChannel sub = q.openWorkerChannel("w1", jobId -> {
            heard.add(jobId + "@" + Thread.currentThread().getName());
            latch.countDown();
        });

        assertThat(q.cancel(id, "stop", 2_500)).isEqualTo(CancelResult.SIGNALLED);

        assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(heard).containsExactly("1@taskqueue-memory-events");
        assertThat(q.getState(id)).isEqualTo(JobState.ACTIVE);
        assertThat(q.extendLocks(Map.of(id, TOKEN), LOCK, 2_600)).containsEntry(id, LockStatus.CANCEL_REQUESTED);
        sub.close();
    }

    @Test
    void theFlagGoesWithTheFinish() {
        String id = add("a", opts().attempts(1).build(), 1_000);
        fetch(2_000);
        q.cancel(id, "stop", 2_500);
        fail(id, 3_000, KeepJobs.all());
        admin.retryJob(id, JobState.FAILED, 4_000);
        fetch(5_000);
        assertThat(q.extendLocks(Map.of(id, TOKEN), LOCK, 5_000)).containsEntry(id, LockStatus.HELD);
    }
}
