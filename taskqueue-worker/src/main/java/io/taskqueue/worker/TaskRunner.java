package io.taskqueue.worker;

import io.taskqueue.ClassifiedError;
import io.taskqueue.JobCancelledException;
import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.PayloadException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one attempt of a {@link BaseWorker}'s task in the template's order: logging context (the
 * worker type and step, beside the runtime's queue, job and attempt), initial
 * step, validation, the work, the final step. A failure the worker calls permanent leaves as a
 * permanent {@link WorkerError} wrapping it; the queue's runtime decides everything else (retry,
 * backoff, category), once.
 */
final class TaskRunner<T, R> implements JobHandler<T, R> {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private final BaseWorker<T, R> worker;
    private final String workerType;
    private final List<StepReporter> reporters;
    private final Clock clock;

    TaskRunner(BaseWorker<T, R> worker, List<StepReporter> reporters, Clock clock) {
        this.worker = worker;
        this.workerType = worker.type();
        this.reporters = List.copyOf(reporters);
        this.clock = clock;
    }

    @Override
    public R handle(JobContext<T> context) throws Exception {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        MDC.put(WorkerService.MDC_WORKER_TYPE, workerType);
        TaskSteps steps = new TaskSteps(context, workerType, reporters, clock);
        T task = null;
        try {
            task = context.data();
            if (task == null) {
                throw WorkerError.invalidTask("the job carries no task data");
            }
            steps.report(Step.Status.RUNNING, worker.initialStep(task), 0);
            worker.validate(task);
            R result = worker.executeTask(task, steps);
            steps.report(Step.Status.COMPLETED, "Completed", 100);
            LOG.info("task completed (attempt {} of {})", context.attempt(), context.maxAttempts());
            return result;
        } catch (JobCancelledException e) {
            throw e;
        } catch (Exception | Error e) {
            if (context.isCancelled()) {
                throw e;
            }
            Throwable verdict = verdict(e, task);
            reportFailure(steps, verdict);
            LOG.warn("task failed (attempt {} of {}): {}", context.attempt(), context.maxAttempts(), e.toString());
            if (verdict instanceof Error error) {
                throw error;
            }
            throw (Exception) verdict;
        } finally {
            restore(outer);
        }
    }

    /** The error the queue sees: the original, or a permanent {@link WorkerError} when the worker says so. */
    private Throwable verdict(Throwable error, T task) {
        if (task == null || error instanceof PayloadException) {
            return error;
        }
        boolean permanent;
        try {
            permanent = worker.isPermanentError(error, task);
        } catch (RuntimeException e) {
            LOG.warn("isPermanentError threw on {}; leaving the decision to the queue", error, e);
            return error;
        }
        boolean alreadyFinal = error instanceof ClassifiedError c && !c.category().retryable();
        if (!permanent || alreadyFinal) {
            return error;
        }
        return WorkerError.permanent(String.valueOf(error.getMessage()), error);
    }

    private static void reportFailure(TaskSteps steps, Throwable error) {
        try {
            steps.report(Step.Status.FAILED, "Failed: " + error.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.warn("could not record the failure step: {}", e.toString());
        }
    }

    private static void restore(Map<String, String> outer) {
        if (outer == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(outer);
        }
    }
}
