package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.testing.MutableClock;
import io.taskqueue.testing.QueueAssertions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/guide.md, "Testing your jobs": the example is itself a test. */
class TestingGuideTest {
    /** The code under test: it enqueues a welcome email. */
    static final class Signup {
        private final TaskQueue taskQueue;

        Signup(TaskQueue taskQueue) {
            this.taskQueue = taskQueue;
        }

        void register(String email) {
            taskQueue.queue("emails").add(Welcome.SEND_EMAIL, new Welcome.Email(email, "Welcome"));
        }
    }

    // tag::inline[]
    @Test
    void signupSendsAWelcomeEmail() {
        Handlers handlers = Handlers.builder().on(Welcome.SEND_EMAIL, ctx -> "sent").build();
        InlineMode inline = InlineMode.on("emails", handlers);
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(inline).build()) {
            new Signup(taskQueue).register("ada@example.com");        // runs the job before it returns
            assertThat(taskQueue.queue("emails").counts(JobState.COMPLETED))
                    .containsEntry(JobState.COMPLETED, 1L);
        }
    }
    // end::inline[]

    // tag::clock[]
    @Test
    void aDelayedJobWaitsForTheClock() {
        MutableClock clock = MutableClock.startingNow();
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").clock(clock).build()) {
            var queue = taskQueue.queue("emails");
            queue.add(Welcome.SEND_EMAIL, new Welcome.Email("ada@example.com", "Later"),
                    io.taskqueue.JobOptions.builder().delay(Duration.ofHours(1)).build());
            QueueAssertions.assertEnqueued(queue, Welcome.SEND_EMAIL, new Welcome.Email("ada@example.com", "Later"));
            var worker = taskQueue.worker("emails")
                    .handlers(Handlers.builder().on(Welcome.SEND_EMAIL, ctx -> "sent").build()).build();
            assertThat(worker.drain().completed()).isZero();           // not due yet
            clock.advance(Duration.ofHours(1));
            assertThat(worker.drain().completed()).isEqualTo(1);
        }
    }
    // end::clock[]
}
