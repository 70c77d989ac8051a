package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guide's examples run, on the in-memory backend, and do what the guide says. */
class GuideExamplesTest {
    @Test
    void producingAndWorking() {
        try (TaskQueue taskQueue = GuideBasics.configure("memory:")) {
            String id = GuideBasics.produce(taskQueue);
            GuideBasics.work(taskQueue);
            JobQueue billing = taskQueue.queue("billing");
            assertThat(billing.awaitFinished(id, Duration.ofSeconds(20)).returnValueJson()).isEqualTo("\"sent\"");
            assertThat(billing.getLogs(id)).containsExactly("rendered 10 pages");
            assertThat(taskQueue.maxPayloadBytes()).isEqualTo(4 * 1024 * 1024);
        }
    }

    @Test
    void managingJobs() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            JobQueue queue = taskQueue.queue("billing");
            String id = queue.add("anything", null);
            GuideBasics.manage(queue, id);
            assertThat(queue.getState(id)).as("drained").isEqualTo(JobState.UNKNOWN);
            assertThat(queue.isPaused()).isFalse();
        }
    }

    @Test
    void schedulersDeduplicationGroupsAndMetrics() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            JobQueue queue = taskQueue.queue("features");
            GuideFeatures.schedulers(queue);
            assertThat(queue.schedulers().list()).extracting(s -> s.id()).containsExactly("report");
            String first = GuideFeatures.deduplication(queue, new GuideFeatures.User("7"), "k", new GuideFeatures.Doc("d"));
            assertThat(GuideFeatures.deduplication(queue, new GuideFeatures.User("7"), "k", new GuideFeatures.Doc("d")))
                    .as("the second sync of user 7 is deduplicated").isEqualTo(first);
            GuideFeatures.groups(queue, "acct-1");
            assertThat(queue.limits().defaultGroupConcurrency()).contains(4);
            assertThat(GuideFeatures.metrics(queue)).isEmpty();
        }
    }

    @Test
    void limitsAndARateLimitedHandler() {
        AtomicInteger calls = new AtomicInteger();
        GuideFeatures.Psp psp = charge -> calls.incrementAndGet() == 1
                ? new GuideFeatures.PspResponse(429, 1, null)
                : new GuideFeatures.PspResponse(200, 0, "charged " + charge.cents());
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            Worker worker = GuideFeatures.limits(taskQueue, GuideFeatures.rateLimitedHandler(psp));
            JobQueue emails = taskQueue.queue("emails");
            assertThat(emails.limits().globalConcurrency()).isEmpty();
            String id = emails.add(GuideFeatures.CHARGE, new GuideFeatures.Charge("cus_1", 500));
            assertThat(emails.awaitFinished(id, Duration.ofSeconds(20)).returnValueJson()).isEqualTo("\"charged 500\"");
            assertThat(emails.getJob(id).orElseThrow().attemptsMade()).as("the rate limit spent no attempt")
                    .isEqualTo(1);
            worker.close();
        }
    }

    @Test
    void redisUrlsOpenThroughTheRegistry() {
        assertThat(GuideFeatures.redisUrls()).allSatisfy(url -> assertThat(url).startsWith("redis-"));
        assertThat(io.taskqueue.spi.Backends.schemes()).contains("redis-cluster", "redis-sentinel", "memory");
    }

    @Test
    void theUnusedHandlersCompile() {
        assertThat(Handlers.builder().build().names()).isEmpty();
    }
}
