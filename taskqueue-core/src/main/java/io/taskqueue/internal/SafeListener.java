package io.taskqueue.internal;

import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to the registered listeners; a throwing listener is logged and skipped. */
public final class SafeListener implements JobLifecycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
    private final List<JobLifecycleListener> listeners;

    public SafeListener(List<JobLifecycleListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onEnqueued(String queueName, Job job) {
        each(l -> l.onEnqueued(queueName, job), queueName, job.id());
    }

    @Override
    public void onStarted(String queueName, Job job) {
        each(l -> l.onStarted(queueName, job), queueName, job.id());
    }

    @Override
    public void onProgress(String queueName, Job job, String progressJson) {
        each(l -> l.onProgress(queueName, job, progressJson), queueName, job.id());
    }

    @Override
    public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
        each(l -> l.onFinished(queueName, job, outcome, elapsedMillis), queueName, job.id());
    }

    @Override
    public void onStalled(String queueName, String jobId) {
        each(l -> l.onStalled(queueName, jobId), queueName, jobId);
    }

    private void each(java.util.function.Consumer<JobLifecycleListener> call, String queue, String jobId) {
        for (JobLifecycleListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("{} job {}: lifecycle listener {} threw; ignored", queue, jobId, listener, e);
            }
        }
    }
}
