package io.taskqueue.internal;

import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fetched job in a handler thread and records its outcome, or stops a run hard (timeout,
 * lost lock, close deadline) and records that. Exactly one of the two settles a run; a finish that
 * fetched the next job hands it to the worker's one decision on fetched jobs.
 */
final class JobExecution {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final WorkerSettings settings;
    private final WorkerRuntime worker;
    private final ActiveJobs active;
    private final JobRunner runner;
    private final OutcomeResolver resolver;
    private final OutcomeRecorder recorder;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    JobExecution(WorkerSettings settings, WorkerRuntime worker, ActiveJobs active, JobRunner runner,
            OutcomeResolver resolver, OutcomeRecorder recorder) {
        this.settings = settings;
        this.worker = worker;
        this.active = active;
        this.runner = runner;
        this.resolver = resolver;
        this.recorder = recorder;
    }

    /** Runs {@code run} in the slot the caller passed on; releases the slot unless the next job took it. */
    void execute(JobRun run) {
        boolean slotPassedOn = false;
        try {
            Job job = run.job();
            var timeout = job.options().timeout();
            ScheduledFuture<?> timer = timeout == null ? null : settings.scheduler().schedule(
                    () -> stopHard(run, JobRun.StopKind.TIMEOUT, "job timed out after " + timeout.toMillis() + " ms"),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            JobOutcome outcome = runner.run(run);
            if (timer != null) {
                timer.cancel(false);
            }
            active.beginRecording();
            try {
                if (!run.settle()) {
                    return;
                }
                active.remove(run);
                FetchRequest next = worker.isRunning() ? worker.nextFetchRequest() : null;
                OutcomeRecorder.Recorded recorded = recorder.record(run, outcome, next);
                finished(run, recorded.outcome());
                if (recorded.next() instanceof FetchResult.Fetched fetchedNext && next != null) {
                    worker.fetched(recorded.next());
                    slotPassedOn = worker.runOrHandBack(fetchedNext.job(), next.token());
                } else if (recorded.next() instanceof FetchResult.RateLimited) {
                    worker.fetched(recorded.next());
                }
            } finally {
                active.endRecording();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("{} job {}: worker error while running the job", settings.logName(), run.job().id(), e);
        } finally {
            if (!slotPassedOn) {
                worker.slots().release();
            }
            active.changed();
        }
    }

    /**
     * Stops a run without waiting for its handler and records the outcome now; false when the run
     * had already settled (its handler returned first).
     */
    boolean stopHard(JobRun run, JobRun.StopKind kind, String reason) {
        // Settle before signalling: a handler woken by the signal could otherwise settle first, and a
        // job handed back by its own thread would be missing from the list close() returns.
        if (!run.settle()) {
            return false;
        }
        run.requestStop(kind, reason);
        active.remove(run);
        if (kind == JobRun.StopKind.LOCK_LOST) {
            LOG.warn("{} job {}: lock lost; the handler was told to stop and its result will be dropped",
                    settings.logName(), run.job().id());
        }
        JobOutcome outcome = resolver.stopped(run.job(), new JobRun.StopSignal(kind, reason));
        finished(run, recorder.record(run, outcome, null).outcome());
        return true;
    }

    /** Counts an attempt's outcome and tells the listeners. */
    void finished(JobRun run, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.Completed) {
            completed.incrementAndGet();
        } else if (outcome instanceof JobOutcome.Failed || outcome instanceof JobOutcome.Cancelled) {
            failed.incrementAndGet();
        }
        settings.listener().onFinished(settings.backend().name(), run.job(), outcome, run.elapsedMillis());
    }

    /** A cancel notification from the worker's channel. */
    void onCancelRequested(String jobId) {
        JobRun run = active.get(jobId);
        if (run != null && run.requestStop(JobRun.StopKind.CANCELLED, WorkerSettings.CANCELLED_REASON)) {
            LOG.info("{} job {}: cancel requested; handler signalled", settings.logName(), jobId);
        }
    }

    long completedCount() {
        return completed.get();
    }

    long failedCount() {
        return failed.get();
    }
}
