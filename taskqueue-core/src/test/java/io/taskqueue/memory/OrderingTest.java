package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.spi.FetchResult;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §4: FIFO/LIFO, priority classes, wait before prioritized, delayed scores and promotion. */
class OrderingTest extends MemoryTestSupport {

    @Test
    void fifoRunsInAddOrder() {
        add("a");
        add("b");
        add("c");
        assertThat(drainNames(2_000)).containsExactly("a", "b", "c");
    }

    @Test
    void lifoJobRunsNext() {
        add("a");
        add("b");
        add("c", opts().lifo(true).build(), 1_000);
        assertThat(drainNames(2_000)).containsExactly("c", "a", "b");
    }

    @Test
    void lowerPriorityNumberRunsFirstAndEqualPrioritiesAreFifo() {
        add("p5a", opts().priority(5).build(), 1_000);
        add("p1a", opts().priority(1).build(), 1_000);
        add("p5b", opts().priority(5).build(), 1_000);
        add("p1b", opts().priority(1).build(), 1_000);
        assertThat(drainNames(2_000)).containsExactly("p1a", "p1b", "p5a", "p5b");
    }

    @Test
    void jobsWithoutPriorityRunBeforePrioritizedOnes() {
        add("prio", opts().priority(1).build(), 1_000);
        add("plain");
        assertThat(q.getState("1")).isEqualTo(JobState.PRIORITIZED);
        assertThat(drainNames(2_000)).containsExactly("plain", "prio");
    }

    @Test
    void autoIdsCountEveryAdd() {
        assertThat(add("a")).isEqualTo("1");
        assertThat(add("b", opts().jobId("custom").build(), 1_000)).isEqualTo("custom");
        assertThat(add("c", opts().jobId("custom").build(), 1_000)).isEqualTo("custom");
        assertThat(add("d")).isEqualTo("4");
    }

    @Test
    void delayedJobIsPromotedExactlyAtItsDueTimeByTheCallersClock() {
        String id = addDelayed("d", 10_000, 500);
        assertThat(q.getState(id)).isEqualTo(JobState.DELAYED);
        assertThat(q.getJob(id).orElseThrow().delayMillis()).isEqualTo(500);

        assertThat(fetchResult(10_499)).isEqualTo(new FetchResult.Empty(10_500L));
        assertThat(q.getState(id)).isEqualTo(JobState.DELAYED);

        Job job = fetch(10_500);
        assertThat(job).isNotNull();
        assertThat(job.id()).isEqualTo(id);
        assertThat(job.delayMillis()).isZero();
        assertThat(job.processedOn()).isEqualTo(10_500L);
        assertThat(job.attemptsStarted()).isEqualTo(1);
        assertThat(job.processedBy()).isEqualTo("w1");
    }

    @Test
    void jobsDueInTheSameMillisecondKeepInsertionOrder() {
        // Ids chosen so that member (lexicographic) order is the reverse of insertion order.
        for (String n : List.of("e", "d", "c", "b", "a")) {
            add(n, opts().jobId("job-" + n).delay(Duration.ofMillis(100)).build(), 7_000);
        }
        assertThat(q.getJobs(JobState.DELAYED, 0, -1, true)).extracting(Job::name)
                .containsExactly("e", "d", "c", "b", "a");
        assertThat(drainNames(7_100)).containsExactly("e", "d", "c", "b", "a");
    }

    @Test
    void delayedScoreSequenceSaturatesAtTheLastSlotOfTheMillisecond() {
        ScoredSet delayed = new ScoredSet();
        long due = 1_000;
        for (int i = 0; i < 4096; i++) {
            long score = Scores.delayedScore(delayed, due);
            assertThat(score).isEqualTo(due * 4096 + i);
            delayed.add("j" + i, score);
        }
        assertThat(Scores.delayedScore(delayed, due)).isEqualTo(due * 4096 + 4095);
        assertThat(Scores.delayedScore(delayed, due + 1)).isEqualTo((due + 1) * 4096);
    }

    @Test
    void earlierDueRunsFirstWhateverTheAddOrder() {
        addDelayed("late", 1_000, 300);
        addDelayed("early", 1_000, 200);
        assertThat(fetchResult(1_100)).isEqualTo(new FetchResult.Empty(1_200L));
        assertThat(drainNames(1_300)).containsExactly("early", "late");
    }

    @Test
    void promotionHonoursPriorityAndIgnoresLifo() {
        add("plain-old");
        add("prio", opts().priority(2).delay(Duration.ofMillis(10)).build(), 1_000);
        add("lifo-delayed", opts().lifo(true).delay(Duration.ofMillis(10)).build(), 1_000);
        // promoted to the left of wait: the older plain job still runs first
        assertThat(drainNames(2_000)).containsExactly("plain-old", "lifo-delayed", "prio");
    }

    @Test
    void oneFetchPromotesAtMostAThousandDueJobs() {
        for (int i = 0; i < 1001; i++) {
            addDelayed("d" + i, 1_000, 10);
        }
        assertThat(fetch(5_000).name()).isEqualTo("d0");
        assertThat(q.counts(EnumSet.of(JobState.DELAYED, JobState.WAITING, JobState.ACTIVE)))
                .containsEntry(JobState.DELAYED, 1L)
                .containsEntry(JobState.WAITING, 999L)
                .containsEntry(JobState.ACTIVE, 1L);
    }

    @Test
    void emptyFetchReportsNoDelayedJobAsNull() {
        assertThat(fetchResult(1_000)).isEqualTo(new FetchResult.Empty(null));
    }

    @Test
    void pausedQueueFetchesNothingButStillPromotes() {
        addDelayed("d", 1_000, 10);
        addDelayed("later", 1_000, 5_000);
        admin.pause();
        assertThat(fetchResult(2_000)).isEqualTo(new FetchResult.Empty(6_000L));
        assertThat(q.getState("1")).isEqualTo(JobState.WAITING);
        admin.resume();
        assertThat(fetch(2_000).name()).isEqualTo("d");
    }
}
