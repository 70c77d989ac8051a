package io.taskqueue.internal;

import io.taskqueue.DrainResult;
import io.taskqueue.JobOutcome;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The synchronous mode for tests: runs every job that is ready now on the calling thread, one
 * after another, without starting any thread. Jobs that retry at once are run again; delayed ones
 * wait for the clock.
 */
final class SyncDrain {
    private final WorkerSettings settings;
    private final JobRunner runner;
    private final OutcomeRecorder recorder;
    private final Supplier<FetchRequest> requests;
    private final BiConsumer<JobRun, JobOutcome> finished;

    SyncDrain(WorkerSettings settings, JobRunner runner, OutcomeRecorder recorder, Supplier<FetchRequest> requests,
            BiConsumer<JobRun, JobOutcome> finished) {
        this.settings = settings;
        this.runner = runner;
        this.recorder = recorder;
        this.requests = requests;
        this.finished = finished;
    }

    DrainResult run() {
        int done = 0;
        int failedForGood = 0;
        int retried = 0;
        while (true) {
            FetchRequest request = requests.get();
            if (!(settings.backend().fetch(request) instanceof FetchResult.Fetched fetched)) {
                return new DrainResult(done, failedForGood, retried);
            }
            JobRun run = new JobRun(fetched.job(), request.token());
            JobOutcome outcome = runner.run(run);
            run.settle();
            JobOutcome recorded = recorder.record(run, outcome, null).outcome();
            finished.accept(run, recorded);
            if (recorded instanceof JobOutcome.RateLimited) {
                // Everything left is rate limited: the synchronous drain stops here.
                return new DrainResult(done, failedForGood, retried + 1);
            }
            if (recorded instanceof JobOutcome.Completed) {
                done++;
            } else if (recorded instanceof JobOutcome.Failed f && f.willRetry()
                    || recorded instanceof JobOutcome.RetryLater) {
                retried++;
            } else {
                failedForGood++;
            }
        }
    }
}
