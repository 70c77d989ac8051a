package io.taskqueue.postgres.internal;

import io.taskqueue.Job;
import io.taskqueue.JobContext;
import io.taskqueue.JobInterceptor;
import io.taskqueue.postgres.AlreadyProcessed;
import io.taskqueue.postgres.TaskTrackerOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims each attempt before its handler runs. A refused claim completes the job with
 * {@link AlreadyProcessed} and the handler does not run; a database that does not answer within the
 * bound lets the handler run unclaimed (at-least-once wins over tracking).
 */
public final class ClaimInterceptor implements JobInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimInterceptor.class);

    private final TaskTrackerOptions options;
    private final Clock clock;
    private final ClaimCoalescer claims;
    private final SyncCalls sync;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unclaimed = new AtomicLong();

    ClaimInterceptor(TaskTrackerOptions options, Clock clock, ClaimCoalescer claims, SyncCalls sync) {
        this.options = options;
        this.clock = clock;
        this.claims = claims;
        this.sync = sync;
    }

    @Override
    public Object intercept(JobContext<?> context, Invocation next) throws Exception {
        Job job = context.job();
        String queueName = context.queueName();
        String taskId = JobTaskIds.of(options, queueName, job);
        ClaimRequest claim = request(queueName, job, taskId);
        SyncCalls.Answer<Optional<String>> answer = sync.await("claim of job " + job.id(),
                () -> claims.submit(claim));
        if (!answer.answered()) {
            unclaimed.incrementAndGet();
            return next.proceed();
        }
        if (answer.value().isPresent()) {
            return next.proceed();
        }
        refused.incrementAndGet();
        LOG.info("{} job {}: attempt {} already processed or claimed elsewhere (task {}); handler skipped",
                queueName, job.id(), job.attemptsMade() + 1, taskId);
        return AlreadyProcessed.of(taskId, job.id());
    }

    long refused() {
        return refused.get();
    }

    long unclaimed() {
        return unclaimed.get();
    }

    private ClaimRequest request(String queueName, Job job, String taskId) {
        Instant now = clock.instant();
        int attempt = job.attemptsMade() + 1;
        return new ClaimRequest(taskId, UUID.randomUUID(), queueName, job.id(), job.name(), attempt,
                job.options().attempts(), job.attemptsStarted(),
                attempt == 1 ? Instant.ofEpochMilli(job.timestamp()) : now, job.attemptsMade(), now);
    }
}
