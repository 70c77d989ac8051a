package io.taskqueue.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.taskqueue.Worker;
import io.taskqueue.WorkerHealth;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The meters the core's {@link WorkerHealth} gives, per queue handled here: active jobs and
 * concurrency (gauges), attempts completed and failed (counters). Each reads the queue's current
 * worker, so the meters survive a context stop and start. The full set of job meters comes from the
 * taskqueue-micrometer extension.
 */
public final class TaskQueueMeterBinder implements MeterBinder {
    private final TaskQueueWorkers workers;

    /** Meters for {@code workers}. */
    public TaskQueueMeterBinder(TaskQueueWorkers workers) {
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : workers.handledQueues()) {
            Gauge.builder("taskqueue.worker.active.jobs", this, gauge(queue, h -> h.activeJobs()))
                    .tag("queue", queue).description("Jobs the worker is running now").register(registry);
            Gauge.builder("taskqueue.worker.concurrency", this, gauge(queue, h -> h.concurrency()))
                    .tag("queue", queue).description("The most jobs the worker runs at once").register(registry);
            FunctionCounter.builder("taskqueue.worker.attempts", this, gauge(queue, h -> h.completed()))
                    .tag("queue", queue).tag("outcome", "completed")
                    .description("Attempts the worker finished, by outcome").register(registry);
            FunctionCounter.builder("taskqueue.worker.attempts", this, gauge(queue, h -> h.failed()))
                    .tag("queue", queue).tag("outcome", "failed")
                    .description("Attempts the worker finished, by outcome").register(registry);
        }
    }

    private static ToDoubleFunction<TaskQueueMeterBinder> gauge(String queue, ToDoubleFunction<WorkerHealth> value) {
        return binder -> {
            Worker worker = binder.workers.workers().get(queue);
            return worker == null ? Double.NaN : value.applyAsDouble(worker.health());
        };
    }
}
