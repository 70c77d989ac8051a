package io.taskqueue.internal;

import io.taskqueue.Backoff;
import io.taskqueue.BackoffStrategy;
import io.taskqueue.ClassifiedError;
import io.taskqueue.ErrorCategory;
import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
import io.taskqueue.UnrecoverableJobException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what an attempt that did not return means: a failure's category, whether and when the
 * job runs again, and the outcome of a run that was asked to stop. The one place for these.
 */
final class OutcomeResolver {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeResolver.class);
    private static final int MAX_CAUSE_DEPTH = 10;
    private final WorkerSettings settings;

    OutcomeResolver(WorkerSettings settings) {
        this.settings = settings;
    }

    /** A failure that ends the job now, whatever attempts remain. */
    static JobOutcome.Failed permanent(Throwable error, String reason) {
        return new JobOutcome.Failed(error, reason, ErrorCategory.PERMANENT, null);
    }

    /** The outcome of a run stopped by {@code stop}, whether its handler noticed or the worker stopped it hard. */
    JobOutcome stopped(Job job, JobRun.StopSignal stop) {
        return switch (stop.kind()) {
            case CANCELLED -> new JobOutcome.Cancelled(stop.reason());
            case TIMEOUT -> failed(job, new java.util.concurrent.TimeoutException(stop.reason()));
            case LOCK_LOST -> new JobOutcome.LockLost(stop.reason());
            case CLOSING -> new JobOutcome.HandedBack();
        };
    }

    /** The outcome of an attempt of {@code job} that threw {@code error}. */
    JobOutcome.Failed failed(Job job, Throwable error) {
        String reason = Stacktraces.reason(error);
        ErrorCategory category = classify(error);
        boolean attemptsLeft = job.attemptsMade() + 1 < job.options().attempts();
        if (!category.retryable() || !attemptsLeft) {
            return new JobOutcome.Failed(error, reason, category, null);
        }
        Backoff backoff = job.options().backoff();
        int attemptsMade = job.attemptsMade() + 1;
        if (backoff == null) {
            return new JobOutcome.Failed(error, reason, category, Duration.ZERO);
        }
        if (backoff.isBuiltIn()) {
            long delay = Backoffs.delayMillis(backoff, attemptsMade, settings.random());
            return new JobOutcome.Failed(error, reason, category, Duration.ofMillis(delay));
        }
        BackoffStrategy strategy = settings.backoffStrategies().get(backoff.type());
        if (strategy == null) {
            return new JobOutcome.Failed(error, reason + " (and unknown backoff strategy '" + backoff.type()
                    + "': register it on the worker)", category, null);
        }
        try {
            long delay = strategy.delayMillis(attemptsMade, backoff, error, job);
            return new JobOutcome.Failed(error, reason, category,
                    delay < 0 ? null : Duration.ofMillis(delay));
        } catch (Exception | LinkageError e) {
            LOG.warn("{} job {}: backoff strategy '{}' threw; failing the job", settings.logName(), job.id(),
                    backoff.type(), e);
            return new JobOutcome.Failed(error, reason, category, null);
        }
    }

    /** The category the failure states itself, from the first error in its cause chain that states one. */
    static ErrorCategory statedCategory(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof UnrecoverableJobException) {
                return ErrorCategory.PERMANENT;
            }
            if (t instanceof ClassifiedError classified && classified.category() != null) {
                return classified.category();
            }
        }
        return null;
    }

    private ErrorCategory classify(Throwable error) {
        ErrorCategory stated = statedCategory(error);
        if (stated != null) {
            return stated;
        }
        try {
            ErrorCategory category = settings.classifier().classify(error);
            return category == null ? ErrorCategory.UNKNOWN : category;
        } catch (RuntimeException e) {
            LOG.warn("{}: error classifier threw on {}; using 'unknown'", settings.logName(), error, e);
            return ErrorCategory.UNKNOWN;
        }
    }
}
