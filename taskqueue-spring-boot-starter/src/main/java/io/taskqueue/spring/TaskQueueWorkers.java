package io.taskqueue.spring;

import io.taskqueue.Handlers;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One worker per queue that has handlers, started and stopped with the application context. Workers
 * start after every other bean is ready and stop first, before the beans their handlers use.
 * Stopping closes the workers in parallel: running jobs get until the shutdown phase's timeout (less a
 * tenth, kept for handing back) or their {@link WorkerOptions#closeTimeout()}, whichever is shorter,
 * and the rest are handed back to the queue, not lost and not counted as an attempt.
 */
public final class TaskQueueWorkers implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(TaskQueueWorkers.class);

    private final TaskQueue taskQueue;
    private final Supplier<List<TaskHandlerRegistration<?, ?>>> registrations;
    private final Function<String, WorkerOptions> options;
    private final Function<String, ExecutorService> executors;
    private final Duration shutdownPhaseTimeout;
    private final boolean autoStartup;
    /** Read by health checks while closing, so not guarded by this object's lock. */
    private final Map<String, Worker> workers = new ConcurrentSkipListMap<>();
    private final List<ExecutorService> ownedExecutors = new ArrayList<>();
    private volatile boolean running;

    /**
     * Workers on {@code taskQueue}.
     *
     * @param registrations the handlers, read at each start (handler beans are all known by then)
     * @param options each queue's worker options
     * @param executors each queue's handler executor, which these workers shut down, or {@code null}
     *     for the worker's own pool
     * @param shutdownPhaseTimeout how long the context waits for this bean to stop
     * @param autoStartup whether the workers start with the context
     */
    public TaskQueueWorkers(TaskQueue taskQueue, Supplier<List<TaskHandlerRegistration<?, ?>>> registrations,
            Function<String, WorkerOptions> options, Function<String, ExecutorService> executors,
            Duration shutdownPhaseTimeout, boolean autoStartup) {
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.options = Objects.requireNonNull(options, "options");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.shutdownPhaseTimeout = Objects.requireNonNull(shutdownPhaseTimeout, "shutdownPhaseTimeout");
        this.autoStartup = autoStartup;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Map<String, Handlers.Builder> byQueue = new TreeMap<>();
        for (TaskHandlerRegistration<?, ?> registration : registrations.get()) {
            registration.addTo(byQueue.computeIfAbsent(registration.queue(), q -> Handlers.builder()));
        }
        byQueue.forEach((queue, handlers) -> {
            Worker.Builder builder = taskQueue.worker(queue).handlers(handlers.build()).options(options.apply(queue));
            ExecutorService executor = executors.apply(queue);
            if (executor != null) {
                ownedExecutors.add(executor);
                builder.executor(executor);
            }
            workers.put(queue, builder.build().start());
            LOG.info("taskqueue: worker on '{}' started ({})", queue, taskQueue.describe());
        });
        running = true;
    }

    @Override
    public void stop() {
        closeAll();
    }

    @Override
    public void stop(Runnable callback) {
        // The context waits for the callback up to its phase timeout; closing runs meanwhile.
        Thread closer = new Thread(() -> {
            try {
                closeAll();
            } finally {
                callback.run();
            }
        }, "taskqueue-workers-stop");
        closer.start();
    }

    private synchronized void closeAll() {
        if (!running) {
            return;
        }
        Duration budget = shutdownPhaseTimeout.minus(shutdownPhaseTimeout.dividedBy(10));
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        workers.forEach((queue, worker) -> closing.add(CompletableFuture.runAsync(() -> {
            Duration deadline = budget.compareTo(worker.options().closeTimeout()) < 0 ? budget
                    : worker.options().closeTimeout();
            List<String> handedBack = worker.close(deadline);
            if (!handedBack.isEmpty()) {
                LOG.info("taskqueue: worker on '{}' handed back {} running job(s): {}", queue, handedBack.size(), handedBack);
            }
        }, runnable -> new Thread(runnable, "taskqueue-close-" + queue).start())));
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        ownedExecutors.forEach(ExecutorService::shutdown);
        ownedExecutors.clear();
        workers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** The running workers by queue name; empty before the first start and after stop. */
    public Map<String, Worker> workers() {
        return Map.copyOf(workers);
    }

    /** The queues that have handlers, so get a worker on start. */
    public Set<String> handledQueues() {
        Set<String> queues = new TreeSet<>();
        registrations.get().forEach(r -> queues.add(r.queue()));
        return queues;
    }
}
