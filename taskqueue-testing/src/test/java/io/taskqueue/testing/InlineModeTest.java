package io.taskqueue.testing;

import static io.taskqueue.testing.QueueAssertions.assertEnqueued;
import static io.taskqueue.testing.QueueAssertions.assertNotEnqueued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.JobType;
import io.taskqueue.TaskQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InlineModeTest {
    record Email(String to, String subject) {
    }

    static final JobType<Email, String> SEND = JobType.of("send", Email.class, String.class);

    @Test
    void jobsRunBeforeAddReturnsIncludingTheJobsTheyAdd() {
        List<String> sent = new CopyOnWriteArrayList<>();
        AtomicReference<TaskQueue> self = new AtomicReference<>();
        InlineMode inline = InlineMode.on("mail", Handlers.builder()
                .on(SEND, ctx -> {
                    sent.add(ctx.data().to());
                    return "sent";
                })
                .on("fan-out", ctx -> {
                    // Adds run inline too, after this job.
                    self.get().queue("mail").add(SEND, new Email("b@x", "hi"));
                    return null;
                }).build());
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(inline).build()) {
            self.set(taskQueue);
            JobQueue mail = taskQueue.queue("mail");
            String id = mail.add(SEND, new Email("a@x", "hi"));
            assertThat(sent).containsExactly("a@x");
            assertThat(mail.getState(id)).isEqualTo(JobState.COMPLETED);
            mail.add("fan-out", null);
            inline.drain();
            assertThat(sent).containsExactly("a@x", "b@x");
        }
    }

    @Test
    void retriesWaitForTheClock() {
        MutableClock clock = MutableClock.startingNow();
        int[] runs = {0};
        InlineMode inline = InlineMode.on("q", Handlers.builder().on("flaky", ctx -> {
            if (++runs[0] == 1) {
                throw new IllegalStateException("first try fails");
            }
            return "ok";
        }).build());
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").clock(clock).extension(inline).build()) {
            JobQueue queue = taskQueue.queue("q");
            String id = queue.add("flaky", null,
                    JobOptions.builder().attempts(2).backoff(Backoff.fixed(Duration.ofSeconds(10))).build());
            assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
            clock.advance(Duration.ofSeconds(10));
            assertThat(inline.drain().completed()).isEqualTo(1);
            assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        }
    }

    @Test
    void assertionsFindEnqueuedJobsByNameAndData() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            JobQueue queue = taskQueue.queue("q");
            queue.add(SEND, new Email("a@x", "hello"), JobOptions.builder().delay(Duration.ofMinutes(1)).build());
            assertEnqueued(queue, SEND, new Email("a@x", "hello"));
            assertEnqueued(queue, "send", Map.of("subject", "hello", "to", "a@x"));
            assertNotEnqueued(queue, "other");
            assertThatThrownBy(() -> assertEnqueued(queue, SEND, new Email("b@x", "hello")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("send {\"to\":\"a@x\",\"subject\":\"hello\"}");
        }
    }
}
