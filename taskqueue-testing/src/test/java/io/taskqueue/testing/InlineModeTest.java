package io.taskqueue.testing;

import static io.taskqueue.testing.QueueAssertions.assertEnqueued;
import static io.taskqueue.testing.QueueAssertions.assertNotEnqueued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.JobType;
import io.taskqueue.Queue;
import io.taskqueue.memory.InMemoryBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InlineModeTest {
    record Email(String to, String subject) {
    }

    static final JobType<Email, String> SEND = JobType.of("send", Email.class, String.class);

    @Test
    void jobsRunBeforeAddReturnsIncludingTheJobsTheyAdd() {
        List<String> sent = new CopyOnWriteArrayList<>();
        try (var backend = InMemoryBackend.create();
                InlineMode inline = InlineMode.create(backend, "mail", Handlers.builder()
                        .on(SEND, ctx -> {
                            sent.add(ctx.data().to());
                            return "sent";
                        })
                        .on("fan-out", ctx -> {
                            // Adds run inline too, after this job.
                            Queue.open(backend, "mail").add(SEND, new Email("b@x", "hi"));
                            return null;
                        }).build())) {
            String id = inline.queue().add(SEND, new Email("a@x", "hi"));
            assertThat(sent).containsExactly("a@x");
            assertThat(inline.queue().getState(id)).isEqualTo(JobState.COMPLETED);
            inline.queue().add("fan-out", null);
            inline.drain();
            assertThat(sent).containsExactly("a@x", "b@x");
        }
    }

    @Test
    void retriesWaitForTheClock() {
        MutableClock clock = MutableClock.startingNow();
        int[] runs = {0};
        try (var backend = InMemoryBackend.create(clock);
                InlineMode inline = InlineMode.create(backend, "q", Handlers.builder().on("flaky", ctx -> {
                    if (++runs[0] == 1) {
                        throw new IllegalStateException("first try fails");
                    }
                    return "ok";
                }).build(), clock)) {
            String id = inline.queue().add("flaky", null,
                    JobOptions.builder().attempts(2).backoff(Backoff.fixed(Duration.ofSeconds(10))).build());
            assertThat(inline.queue().getState(id)).isEqualTo(JobState.DELAYED);
            clock.advance(Duration.ofSeconds(10));
            assertThat(inline.drain().completed()).isEqualTo(1);
            assertThat(inline.queue().getState(id)).isEqualTo(JobState.COMPLETED);
        }
    }

    @Test
    void assertionsFindEnqueuedJobsByNameAndData() {
        try (var backend = InMemoryBackend.create(); Queue queue = Queue.open(backend, "q")) {
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
