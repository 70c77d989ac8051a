package io.taskqueue.worker;

import io.taskqueue.JobContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@link TaskContext} of one attempt: each step goes to the job's progress (as
 * {@code {"step", "percent", "status", "attempt", "at"}}), to every reporter, and into the logging
 * context. A reporter that throws is logged and skipped; a step never fails the task.
 */
final class TaskSteps implements TaskContext {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSteps.class);
    private final JobContext<?> job;
    private final String workerType;
    private final List<StepReporter> reporters;
    private final Clock clock;
    private volatile Step current;

    TaskSteps(JobContext<?> job, String workerType, List<StepReporter> reporters, Clock clock) {
        this.job = job;
        this.workerType = workerType;
        this.reporters = reporters;
        this.clock = clock;
    }

    @Override
    public String jobId() {
        return job.job().id();
    }

    @Override
    public String queueName() {
        return job.queueName();
    }

    @Override
    public int attempt() {
        return job.attempt();
    }

    @Override
    public int maxAttempts() {
        return job.maxAttempts();
    }

    @Override
    public void step(String name) {
        report(Step.Status.RUNNING, name, null);
    }

    @Override
    public void step(String name, int percent) {
        report(Step.Status.RUNNING, name, percent);
    }

    @Override
    public Optional<Step> currentStep() {
        return Optional.ofNullable(current);
    }

    @Override
    public void log(String line) {
        LOG.info("{}", line);
        job.log(line);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    @Override
    public void throwIfCancelled() {
        job.throwIfCancelled();
    }

    @Override
    public void checkpoint(String key, Object state) {
        job.checkpoint(key, state);
    }

    @Override
    public <T> Optional<T> checkpoint(String key, Class<T> type) {
        return job.checkpoint(key, type);
    }

    /** Reports a step: the job's progress first (a failure there is the task's), then the reporters. */
    void report(Step.Status status, String name, Integer percent) {
        Step step = new Step(jobId(), queueName(), workerType, attempt(), status, name, percent, clock.instant());
        current = step;
        MDC.put(WorkerService.MDC_STEP, name);
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("step", name);
        progress.put("percent", percent);
        progress.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        progress.put("attempt", step.attempt());
        progress.put("at", step.at().toString());
        job.updateProgress(progress);
        for (StepReporter reporter : reporters) {
            try {
                reporter.report(step);
            } catch (RuntimeException e) {
                LOG.warn("step reporter {} failed on '{}'; the task goes on", reporter, name, e);
            }
        }
    }
}
