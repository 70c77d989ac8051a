package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An error that states its own category is believed before the task queue's classifier. */
class ClassifiedErrorTest {
    static final ErrorCategory PARTNER_DOWN = new ErrorCategory("partner_down", true);
    static final ErrorCategory PARTNER_REFUSED = new ErrorCategory("partner_refused", false);

    static final class PartnerError extends RuntimeException implements ClassifiedError {
        private final ErrorCategory category;

        PartnerError(ErrorCategory category) {
            super("partner said " + category.name());
            this.category = category;
        }

        @Override
        public ErrorCategory category() {
            return category;
        }
    }

    @Test
    void theStatedCategoryDecidesTheRetryEvenWhenWrapped() {
        List<JobOutcome.Failed> failures = new CopyOnWriteArrayList<>();
        // A classifier that would call everything validation (not retried): the stated categories win.
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:")
                .errorClassifier(error -> ErrorCategory.VALIDATION)
                .listener(new JobLifecycleListener() {
                    @Override
                    public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
                        if (outcome instanceof JobOutcome.Failed failed) {
                            failures.add(failed);
                        }
                    }
                }).build()) {
            JobQueue queue = taskQueue.queue("partner");
            Worker worker = taskQueue.worker("partner").handlers(Handlers.builder()
                    .on("down", ctx -> {
                        throw new CompletionException(new PartnerError(PARTNER_DOWN));
                    })
                    .on("refused", ctx -> {
                        throw new PartnerError(PARTNER_REFUSED);
                    })
                    .on("plain", ctx -> {
                        throw new IllegalStateException("no category of its own");
                    }).build()).build();
            JobOptions twice = JobOptions.builder().attempts(2).build();
            String down = queue.add("down", null, twice);
            String refused = queue.add("refused", null, twice);
            String plain = queue.add("plain", null, twice);
            worker.drain();

            assertThat(failures).extracting(f -> f.category().name())
                    .containsExactly("partner_down", "partner_refused", "validation", "partner_down");
            assertThat(failures.get(0).retryDelay()).isEqualTo(Duration.ZERO);
            assertThat(failures.get(1).retryDelay()).isNull();
            assertThat(queue.getJob(down).orElseThrow().attemptsMade()).isEqualTo(2);
            assertThat(queue.getState(down)).isEqualTo(JobState.FAILED);
            assertThat(queue.getJob(refused).orElseThrow().attemptsMade()).isEqualTo(1);
            assertThat(queue.getJob(plain).orElseThrow().attemptsMade()).isEqualTo(1);
            worker.close();
        }
    }
}
