package io.taskqueue.postgres;

import io.taskqueue.Job;
import io.taskqueue.JobContext;
import io.taskqueue.JobOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Jobs as a worker holds them after a fetch, and the context a handler would see, so tests can drive
 * the claim interceptor and the listener directly, the way a worker calls them.
 */
final class Fetched {
    private Fetched() {
    }

    /** Job {@code id} after {@code attemptsMade} attempts, handed out for the {@code attemptsStarted}-th time. */
    static Job fetched(String id, int attemptsMade, int attemptsStarted) {
        return new Job(id, "work", "{}", JobOptions.builder().attempts(3).build(), Instant.now().toEpochMilli(), 0, 0,
                Instant.now().toEpochMilli(), null, attemptsStarted, attemptsMade, 0, null, null, null, List.of(),
                null, "w", null);
    }

    /** The context of {@code job} on {@code queueName}; progress, logs and checkpoints go nowhere. */
    static JobContext<Object> context(String queueName, Job job) {
        return new JobContext<>() {
            @Override
            public Job job() {
                return job;
            }

            @Override
            public Object data() {
                return null;
            }

            @Override
            public String queueName() {
                return queueName;
            }

            @Override
            public int attempt() {
                return job.attemptsMade() + 1;
            }

            @Override
            public int maxAttempts() {
                return job.options().attempts();
            }

            @Override
            public void updateProgress(Object progress) {
            }

            @Override
            public void log(String line) {
            }

            @Override
            public void checkpoint(String key, Object state) {
            }

            @Override
            public <T> Optional<T> checkpoint(String key, Class<T> type) {
                return Optional.empty();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Optional<String> cancellationReason() {
                return Optional.empty();
            }

            @Override
            public void throwIfCancelled() {
            }

            @Override
            public void heartbeat() {
            }
        };
    }
}
