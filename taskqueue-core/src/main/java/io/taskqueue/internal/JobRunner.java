package io.taskqueue.internal;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobInterceptor;
import io.taskqueue.JobOutcome;
import io.taskqueue.PayloadException;
import io.taskqueue.RateLimitedException;
import io.taskqueue.RetryLaterException;
import io.taskqueue.UnrecoverableJobException;
import io.taskqueue.Worker;
import io.taskqueue.UnsupportedCapabilityException;
import io.taskqueue.spi.LimitSupport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs one attempt's handler and turns whatever it did into a {@link JobOutcome}. Never throws. */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private final WorkerSettings settings;
    private final OutcomeResolver resolver;

    JobRunner(WorkerSettings settings, OutcomeResolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
    }

    JobOutcome run(JobRun run) {
        var job = run.job();
        if (job.deferredFailure() != null) {
            return OutcomeResolver.permanent(new UnrecoverableJobException(job.deferredFailure()),
                    job.deferredFailure());
        }
        var registration = settings.handlers().find(job.name()).orElse(null);
        if (registration == null) {
            String reason = "no handler for job name '" + job.name() + "' in this worker (it handles "
                    + settings.handlers().names() + ")";
            return OutcomeResolver.permanent(new UnrecoverableJobException(reason), reason);
        }
        MDC.put(Worker.MDC_QUEUE, settings.backend().name());
        MDC.put(Worker.MDC_JOB_ID, job.id());
        MDC.put(Worker.MDC_JOB_NAME, job.name());
        MDC.put(Worker.MDC_ATTEMPT, Integer.toString(job.attemptsMade() + 1));
        try {
            return invoke(run, registration);
        } finally {
            MDC.remove(Worker.MDC_QUEUE);
            MDC.remove(Worker.MDC_JOB_ID);
            MDC.remove(Worker.MDC_JOB_NAME);
            MDC.remove(Worker.MDC_ATTEMPT);
        }
    }

    private <D, R> JobOutcome invoke(JobRun run, Handlers.Registration<D, R> registration) {
        var job = run.job();
        D data;
        try {
            data = settings.codec().decode(job.dataJson(), registration.type().dataType());
        } catch (PayloadException e) {
            return OutcomeResolver.permanent(e, "cannot read the job's data: " + e.getMessage());
        }
        RunContext<D> context = new RunContext<>(run, data, settings.backend(), settings.codec(),
                settings.listener(), settings);
        settings.listener().onStarted(settings.backend().name(), job);
        Object result;
        run.enterHandler();
        try {
            result = chain(context, settings.interceptors(), 0, () -> registration.handler().handle(context));
        } catch (Throwable error) {
            run.exitHandler();
            return afterThrow(run, error);
        }
        run.exitHandler();
        try {
            return new JobOutcome.Completed(result, settings.codec().encode(result));
        } catch (PayloadException e) {
            return OutcomeResolver.permanent(e, "cannot store the handler's result: " + e.getMessage());
        }
    }

    private JobOutcome afterThrow(JobRun run, Throwable error) {
        JobRun.StopSignal stop = run.stopSignal();
        if (stop != null) {
            return resolver.stopped(run.job(), stop);
        }
        if (error instanceof RetryLaterException retryLater) {
            return new JobOutcome.RetryLater(retryLater.delay());
        }
        if (error instanceof RateLimitedException limited) {
            if (settings.backend().capability(LimitSupport.class).isEmpty()) {
                return resolver.failed(run.job(),
                        new UnsupportedCapabilityException(Capability.LIMITS, settings.backendDescription()));
            }
            return new JobOutcome.RateLimited(limited.ttl());
        }
        if (error instanceof Error) {
            LOG.error("{} job {}: handler threw {}", settings.logName(), run.job().id(), error, error);
        } else {
            LOG.debug("{} job {}: attempt failed", settings.logName(), run.job().id(), error);
        }
        return resolver.failed(run.job(), error);
    }

    private static Object chain(io.taskqueue.JobContext<?> context, List<JobInterceptor> interceptors, int index,
            JobInterceptor.Invocation handler) throws Exception {
        if (index == interceptors.size()) {
            return handler.proceed();
        }
        return interceptors.get(index).intercept(context, () -> chain(context, interceptors, index + 1, handler));
    }
}
