package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.spi.FinishRequest;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §5.4 step 10: retention by count and age, applied when a job finishes. */
class RetentionTest extends MemoryTestSupport {

    private void runAndComplete(String name, long finishedOn, KeepJobs keep) {
        add(name);
        Job job = fetch(finishedOn);
        q.finish(new FinishRequest(job.id(), TOKEN, finishedOn, true, "null", null, keep, null));
    }

    @Test
    void countKeepsTheNewestFinishedJobs() {
        for (int i = 1; i <= 4; i++) {
            runAndComplete("j" + i, 10_000 + i, KeepJobs.count(2));
        }
        assertThat(q.getJobs(JobState.COMPLETED, 0, -1, false)).extracting(Job::name).containsExactly("j4", "j3");
        assertThat(q.getJob("1")).isEmpty();
        assertThat(q.getJob("2")).isEmpty();
    }

    @Test
    void countZeroDeletesTheJobAtOnceButStillEmitsCompleted() {
        String id = add("a");
        fetch(2_000);
        q.addLog(id, "line", null);
        q.finish(new FinishRequest(id, TOKEN, 3_000, true, "42", null, KeepJobs.none(), null));
        assertThat(q.getJob(id)).isEmpty();
        assertThat(q.getState(id)).isEqualTo(JobState.UNKNOWN);
        assertThat(q.getLogs(id, 0, -1)).isEmpty();
        assertThat(q.counts(EnumSet.of(JobState.COMPLETED))).containsEntry(JobState.COMPLETED, 0L);
        assertThat(eventLines()).endsWith("completed{jobId=1,prev=active,returnvalue=42}", "drained");
    }

    @Test
    void ageDeletesJobsFinishedAtOrBeforeTheCutoff() {
        runAndComplete("old", 1_000, KeepJobs.all());
        runAndComplete("edge", 5_000, KeepJobs.all());
        runAndComplete("young", 5_001, KeepJobs.all());
        runAndComplete("now", 10_000, KeepJobs.age(Duration.ofSeconds(5)));
        assertThat(q.getJobs(JobState.COMPLETED, 0, -1, true)).extracting(Job::name).containsExactly("young", "now");
    }

    @Test
    void ageRemovalIsBoundedByTheLimitNewestFirst() {
        runAndComplete("a", 1_000, KeepJobs.all());
        runAndComplete("b", 2_000, KeepJobs.all());
        runAndComplete("c", 3_000, KeepJobs.all());
        runAndComplete("d", 10_000, new KeepJobs(-1, Duration.ofSeconds(1), 2));
        assertThat(q.getJobs(JobState.COMPLETED, 0, -1, true)).extracting(Job::name).containsExactly("a", "d");
    }

    @Test
    void retentionOnlyLooksAtTheTargetSet() {
        add("f");
        Job f = fetch(1_000);
        fail(f.id(), 1_000, KeepJobs.all());
        runAndComplete("c", 2_000, KeepJobs.count(1));
        runAndComplete("c2", 3_000, KeepJobs.count(1));
        assertThat(q.getState(f.id())).isEqualTo(JobState.FAILED);
        assertThat(q.getJobs(JobState.COMPLETED, 0, -1, true)).extracting(Job::name).containsExactly("c2");
    }

    @Test
    void finishingStoresResultsAndCountsTheAttempt() {
        String id = add("a");
        fetch(2_000);
        fail(id, 3_000, KeepJobs.all());
        Job failed = q.getJob(id).orElseThrow();
        assertThat(failed.failedReason()).isEqualTo("boom");
        assertThat(failed.finishedOn()).isEqualTo(3_000L);
        assertThat(failed.attemptsMade()).isEqualTo(1);
        assertThat(failed.stacktrace()).containsExactly("trace");
    }
}
