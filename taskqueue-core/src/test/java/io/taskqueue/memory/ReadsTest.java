package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Job;
import io.taskqueue.JobNotFoundException;
import io.taskqueue.JobState;
import io.taskqueue.spi.ReleaseRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §5.13 reads with Redis index semantics, logs and checkpoints. */
class ReadsTest extends MemoryTestSupport {

    private List<String> names(JobState state, long start, long end, boolean asc) {
        return q.getJobs(state, start, end, asc).stream().map(Job::name).toList();
    }

    @Test
    void waitListAscendingIsOldestFirst() {
        for (String n : List.of("a", "b", "c", "d")) {
            add(n);
        }
        assertThat(names(JobState.WAITING, 0, -1, true)).containsExactly("a", "b", "c", "d");
        assertThat(names(JobState.WAITING, 0, -1, false)).containsExactly("d", "c", "b", "a");
        assertThat(names(JobState.WAITING, 0, 1, true)).containsExactly("a", "b");
        assertThat(names(JobState.WAITING, -2, -1, true)).containsExactly("c", "d");
        assertThat(names(JobState.WAITING, 1, 1, false)).containsExactly("c");
        assertThat(names(JobState.WAITING, 2, 100, true)).containsExactly("c", "d");
        assertThat(names(JobState.WAITING, 3, 1, true)).isEmpty();
        assertThat(names(JobState.WAITING, 10, 20, true)).isEmpty();
        assertThat(names(JobState.WAITING, -100, 0, true)).containsExactly("a");
    }

    @Test
    void sortedSetsAreByScore() {
        for (int i = 1; i <= 3; i++) {
            add("j" + i);
            fetch(1_000);
        }
        complete("2", 1_000);
        complete("1", 2_000);
        complete("3", 3_000);
        assertThat(names(JobState.COMPLETED, 0, -1, false)).containsExactly("j3", "j1", "j2");
        assertThat(names(JobState.COMPLETED, 0, 0, true)).containsExactly("j2");
        assertThat(names(JobState.COMPLETED, -1, -1, true)).containsExactly("j3");

        add("p9", opts().priority(9).build(), 1_000);
        add("p1", opts().priority(1).build(), 1_000);
        assertThat(names(JobState.PRIORITIZED, 0, -1, true)).containsExactly("p1", "p9");
        assertThat(names(JobState.ACTIVE, 0, -1, true)).isEmpty();
        assertThat(names(JobState.UNKNOWN, 0, -1, true)).isEmpty();
    }

    @Test
    void activeListAscendingIsFirstFetchedFirst() {
        add("a");
        add("b");
        fetch(1_000);
        fetch(1_000);
        assertThat(names(JobState.ACTIVE, 0, -1, true)).containsExactly("a", "b");
    }

    @Test
    void countsPerState() {
        add("w");
        add("p", opts().priority(1).build(), 1_000);
        addDelayed("d", 1_000, 10_000);
        assertThat(q.counts(EnumSet.of(JobState.WAITING, JobState.PRIORITIZED, JobState.DELAYED,
                JobState.ACTIVE, JobState.COMPLETED, JobState.FAILED, JobState.WAITING_CHILDREN)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(JobState.WAITING, 1L, JobState.PRIORITIZED, 1L,
                        JobState.DELAYED, 1L, JobState.ACTIVE, 0L, JobState.COMPLETED, 0L, JobState.FAILED, 0L,
                        JobState.WAITING_CHILDREN, 0L));
    }

    @Test
    void logsAreTrimmedAndReadWithListRanges() {
        String id = add("a");
        for (int i = 1; i <= 5; i++) {
            assertThat(q.addLog(id, "l" + i, null)).isEqualTo(i);
        }
        assertThat(q.addLog(id, "l6", 3)).isEqualTo(3);
        assertThat(q.getLogs(id, 0, -1)).containsExactly("l4", "l5", "l6");
        assertThat(q.getLogs(id, -1, -1)).containsExactly("l6");
        assertThat(q.getLogs("nope", 0, -1)).isEmpty();
        assertThatThrownBy(() -> q.addLog("nope", "x", null)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void checkpointsLiveWithTheJobAcrossRetries() {
        String id = add("a", opts().attempts(3).build(), 1_000);
        admin.saveCheckpoint(id, "page", "1");
        fetch(2_000);
        admin.saveCheckpoint(id, "page", "2");
        admin.saveCheckpoint(id, "cursor", "\"x\"");
        q.release(new ReleaseRequest(id, TOKEN, 2_000, ReleaseRequest.Kind.RETRY, 0, "e", null));
        assertThat(admin.checkpoints(id)).containsExactly(Map.entry("page", "2"), Map.entry("cursor", "\"x\""));
        q.remove(id);
        assertThat(admin.checkpoints(id)).isEmpty();
        assertThatThrownBy(() -> admin.saveCheckpoint(id, "k", "1")).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void getJobOfAnAddedJob() {
        String id = add("a", opts().priority(7).build(), 1_234);
        Job job = q.getJob(id).orElseThrow();
        assertThat(job.timestamp()).isEqualTo(1_234);
        assertThat(job.priority()).isEqualTo(7);
        assertThat(job.dataJson()).isEqualTo("{}");
        assertThat(job.attemptsStarted()).isZero();
        assertThat(job.processedOn()).isNull();
        assertThat(q.getJob("nope")).isEmpty();
        assertThat(q.getState("nope")).isEqualTo(JobState.UNKNOWN);
    }
}
