package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.QueueEvent;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.ReleaseRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §6: event names, fields and order for each path. */
class EventsTest extends MemoryTestSupport {

    @Test
    void successPath() {
        String id = add("send");
        fetch(2_000);
        complete(id, 3_000);
        assertThat(eventLines()).containsExactly(
                "added{jobId=1,name=send}",
                "waiting{jobId=1}",
                "active{jobId=1,prev=waiting}",
                "completed{jobId=1,prev=active,returnvalue=\"ok\"}",
                "drained");
        Job done = q.getJob(id).orElseThrow();
        assertThat(done.returnValueJson()).isEqualTo("\"ok\"");
        assertThat(done.finishedOn()).isEqualTo(3_000L);
        assertThat(done.attemptsMade()).isEqualTo(1);
        assertThat(done.attemptsStarted()).isEqualTo(1);
    }

    @Test
    void prioritizedAddEmitsWaitingAndDelayedAddEmitsTheAbsoluteDueTime() {
        add("p", opts().priority(3).build(), 1_000);
        addDelayed("d", 1_000, 250);
        assertThat(eventLines()).containsExactly(
                "added{jobId=1,name=p}", "waiting{jobId=1}",
                "added{jobId=2,name=d}", "delayed{jobId=2,delay=1250}");
    }

    @Test
    void backoffRetryPath() {
        String id = add("a", opts().attempts(2).build(), 1_000);
        fetch(2_000);
        q.release(new ReleaseRequest(id, TOKEN, 2_100, ReleaseRequest.Kind.RETRY, 400, "first error", List.of("st1")));
        Job waiting = q.getJob(id).orElseThrow();
        assertThat(waiting.attemptsMade()).isEqualTo(1);
        assertThat(waiting.delayMillis()).isEqualTo(400);
        assertThat(waiting.failedReason()).isEqualTo("first error");
        assertThat(waiting.stacktrace()).containsExactly("st1");
        assertThat(fetchResult(2_499)).isEqualTo(new FetchResult.Empty(2_500L));
        fetch(2_500);
        q.finish(new FinishRequest(id, TOKEN, 2_600, false, "second error", List.of("st1", "st2"),
                KeepJobs.all(), null));

        assertThat(eventLines()).containsExactly(
                "added{jobId=1,name=a}",
                "waiting{jobId=1}",
                "active{jobId=1,prev=waiting}",
                "delayed{jobId=1,delay=2500}",
                "waiting{jobId=1,prev=delayed}",
                "active{jobId=1,prev=waiting}",
                "failed{jobId=1,prev=active,failedReason=second error}",
                "retries-exhausted{jobId=1,attemptsMade=2}",
                "drained");
    }

    @Test
    void immediateRetryGoesBackToWaitAndHonoursLifo() {
        add("a", opts().attempts(3).build(), 1_000);
        add("b");
        add("c", opts().attempts(3).lifo(true).build(), 1_000);
        Job c = fetch(2_000);
        q.release(new ReleaseRequest(c.id(), TOKEN, 2_000, ReleaseRequest.Kind.RETRY, 0, "e", null));
        assertThat(eventLines()).last().isEqualTo("waiting{jobId=3,prev=active}");
        Job a = fetch(2_000);
        assertThat(a.id()).isEqualTo("3"); // lifo: back on the right, runs next
        q.release(new ReleaseRequest(a.id(), TOKEN, 2_000, ReleaseRequest.Kind.POSTPONE, 0, null, null));
        assertThat(q.getJob("3").orElseThrow().attemptsMade()).isEqualTo(1); // not spent
        assertThat(drainNames(2_000)).containsExactly("c", "a", "b");
    }

    @Test
    void failureWithAttemptsLeftHasNoRetriesExhausted() {
        String id = add("a", opts().attempts(3).build(), 1_000);
        fetch(2_000);
        fail(id, 2_000, KeepJobs.all());
        assertThat(eventNames()).doesNotContain("retries-exhausted").contains("failed");
    }

    @Test
    void duplicateCustomIdEmitsDuplicatedAndChangesNothing() {
        add("first", opts().jobId("same").build(), 1_000);
        int before = q.events().size();
        assertThat(add("second", opts().jobId("same").priority(4).build(), 9_000)).isEqualTo("same");
        assertThat(eventLinesSince(before)).containsExactly("duplicated{jobId=same}");
        assertThat(q.getJob("same").orElseThrow().name()).isEqualTo("first");
        assertThat(q.getState("same")).isEqualTo(JobState.WAITING);
    }

    @Test
    void progressAndPauseEvents() {
        String id = add("a");
        assertThat(q.updateProgress(id, "{\"pct\":50}")).isTrue();
        assertThat(q.updateProgress("nope", "1")).isFalse();
        admin.pause();
        assertThat(admin.isPaused()).isTrue();
        admin.resume();
        assertThat(admin.isPaused()).isFalse();
        assertThat(eventLinesSince(2)).containsExactly("progress{jobId=1,data={\"pct\":50}}", "paused", "resumed");
        assertThat(q.getJob(id).orElseThrow().progressJson()).isEqualTo("{\"pct\":50}");
    }

    @Test
    void finishWithNextReturnsTheNextJobAndSkipsDrained() {
        String a = add("a");
        add("b");
        fetch(2_000);
        FetchResult next = q.finish(new FinishRequest(a, TOKEN, 3_000, true, "1", null, KeepJobs.all(),
                new FetchRequest(TOKEN, LOCK, "w1", 3_000)));
        assertThat(next).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) next).job().name()).isEqualTo("b");
        assertThat(eventNames()).doesNotContain("drained").endsWith("completed", "active");
    }

    @Test
    void drainedIsSkippedWhenANextFetchSeesAFutureDelayedJob() {
        String a = add("a");
        addDelayed("later", 1_000, 60_000);
        fetch(2_000);
        FetchResult next = q.finish(new FinishRequest(a, TOKEN, 3_000, true, "1", null, KeepJobs.all(),
                new FetchRequest(TOKEN, LOCK, "w1", 3_000)));
        assertThat(next).isEqualTo(new FetchResult.Empty(61_000L));
        assertThat(eventNames()).doesNotContain("drained");
    }

    @Test
    void drainedIsEmittedWithoutNextEvenWithDelayedJobs() {
        String a = add("a");
        addDelayed("later", 1_000, 60_000);
        fetch(2_000);
        assertThat(complete(a, 3_000)).isEqualTo(FetchResult.EMPTY);
        assertThat(eventNames()).endsWith("drained");
    }

    @Test
    void drainedIsNotEmittedWhileOtherJobsAreActive() {
        String a = add("a");
        add("b");
        fetch(2_000);
        fetch(2_000);
        complete(a, 3_000);
        assertThat(eventNames()).doesNotContain("drained");
    }

    @Test
    void eventIdsGrowStrictlyEvenWhenTheClockStandsStill() {
        add("a");
        add("b");
        clock.advance(-10);
        add("c");
        List<StreamId> ids = q.events().stream().map(QueueEvent::id).map(StreamId::parse).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(q.events().get(0).id()).isEqualTo(clock.millis() + 10 + "-0");
    }
}
