package io.taskqueue.internal;

import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
import io.taskqueue.KeepJobs;
import io.taskqueue.LockLostException;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LimitSupport;
import io.taskqueue.spi.ReleaseRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an attempt's outcome to the backend, the one place where outcomes become state
 * transitions. A rejected write (the lock was lost) turns the outcome into {@link JobOutcome.LockLost}.
 */
final class OutcomeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    private final WorkerSettings settings;

    OutcomeRecorder(WorkerSettings settings) {
        this.settings = settings;
    }

    /** The recorded outcome and, when a next job was asked for and found, that job's fetch. */
    record Recorded(JobOutcome outcome, FetchResult next) {
    }

    Recorded record(JobRun run, JobOutcome outcome, FetchRequest next) {
        Job job = run.job();
        try {
            FetchResult fetched = write(run, outcome, next);
            log(job, outcome);
            return new Recorded(outcome, fetched);
        } catch (LockLostException e) {
            LOG.warn("{} job {}: result rejected, {}", settings.logName(), job.id(), e.getMessage());
            return new Recorded(new JobOutcome.LockLost(e.getMessage()), FetchResult.EMPTY);
        } catch (RuntimeException e) {
            LOG.error("{} job {}: could not record {}; the stall check will recover the job",
                    settings.logName(), job.id(), outcome.getClass().getSimpleName(), e);
            return new Recorded(outcome, FetchResult.EMPTY);
        }
    }

    private FetchResult write(JobRun run, JobOutcome outcome, FetchRequest next) {
        Job job = run.job();
        var backend = settings.backend();
        long now = settings.now();
        if (outcome instanceof JobOutcome.Completed completed) {
            return backend.finish(new FinishRequest(job.id(), run.token(), now, true, completed.json(), null,
                    keep(job.options().removeOnComplete(), settings.options().removeOnComplete()), next,
                    settings.options().metricsMaxDataPoints()));
        } else if (outcome instanceof JobOutcome.Failed failed) {
            List<String> stack = Stacktraces.append(job.stacktrace(), failed.error(), job.options().stackTraceLimit());
            if (failed.willRetry()) {
                backend.release(ReleaseRequest.retry(job.id(), run.token(), now, failed.retryDelay().toMillis(),
                        failed.reason(), stack));
                return FetchResult.EMPTY;
            }
            return finishFailed(run, failed.reason(), stack, next, now);
        } else if (outcome instanceof JobOutcome.Cancelled cancelled) {
            return finishFailed(run, cancelled.reason(), null, next, now);
        } else if (outcome instanceof JobOutcome.RetryLater later) {
            backend.release(ReleaseRequest.postpone(job.id(), run.token(), now, later.delay().toMillis()));
            return FetchResult.EMPTY;
        } else if (outcome instanceof JobOutcome.HandedBack) {
            backend.release(ReleaseRequest.handBack(job.id(), run.token(), now));
            return FetchResult.EMPTY;
        } else if (outcome instanceof JobOutcome.RateLimited limited) {
            // Store the limit first, then hand the job back (docs/protocol.md §5.7); no attempt is spent.
            long ttl = Math.max(1, limited.ttl().toMillis());
            backend.capability(LimitSupport.class).orElseThrow().rateLimit(ttl);
            backend.release(ReleaseRequest.handBack(job.id(), run.token(), now));
            return new FetchResult.RateLimited(ttl);
        } else if (outcome instanceof JobOutcome.LockLost) {
            return FetchResult.EMPTY;
        }
        throw new AssertionError("unhandled outcome " + outcome);
    }

    private FetchResult finishFailed(JobRun run, String reason, List<String> stack, FetchRequest next, long now) {
        Job job = run.job();
        return settings.backend().finish(new FinishRequest(job.id(), run.token(), now, false, reason, stack,
                keep(job.options().removeOnFail(), settings.options().removeOnFail()), next,
                settings.options().metricsMaxDataPoints()));
    }

    private static KeepJobs keep(KeepJobs fromJob, KeepJobs fromWorker) {
        return fromJob != null ? fromJob : fromWorker;
    }

    private void log(Job job, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.Failed failed) {
            if (failed.willRetry()) {
                LOG.warn("{} job {} ({}): attempt {} of {} failed ({}: {}); retrying in {} ms", settings.logName(),
                        job.id(), job.name(), job.attemptsMade() + 1, job.options().attempts(),
                        failed.category().name(), failed.reason(), failed.retryDelay().toMillis());
            } else {
                LOG.warn("{} job {} ({}): failed ({}: {})", settings.logName(), job.id(), job.name(),
                        failed.category().name(), failed.reason());
            }
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} job {} ({}): {}", settings.logName(), job.id(), job.name(), outcome);
        }
    }
}
