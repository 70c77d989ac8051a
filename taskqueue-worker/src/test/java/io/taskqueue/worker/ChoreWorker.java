package io.taskqueue.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.MDC;

/** A worker for tests: does what its task says, in three reported steps, and records what it saw. */
public class ChoreWorker extends BaseWorker<Chore, String> {
    final List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();

    public ChoreWorker(WorkerConfig config) {
        super(config, Chore.class, String.class);
    }

    @Override
    protected String workerType() {
        return "chores";
    }

    @Override
    protected void initialize() {
        lifecycle.add("initialize");
    }

    @Override
    protected void shutdown() {
        lifecycle.add("shutdown");
    }

    @Override
    protected void validate(Chore task) {
        if ("invalid".equals(task.behaviour())) {
            throw WorkerError.invalidTask("chore " + task.id() + " has an invalid behaviour");
        }
    }

    @Override
    protected String initialStep(Chore task) {
        return "Reading chore " + task.id();
    }

    @Override
    protected String executeTask(Chore task, TaskContext context) throws Exception {
        contexts.add(MDC.getCopyOfContextMap());
        context.step("Working", 50);
        String behaviour = task.behaviour();
        if (behaviour.startsWith("sleep:")) {
            long until = System.nanoTime() + Long.parseLong(behaviour.substring(6)) * 1_000_000;
            while (System.nanoTime() < until) {
                context.throwIfCancelled();
                Thread.sleep(10);
            }
        }
        switch (behaviour) {
            case "permanent" -> throw WorkerError.permanent("chore " + task.id() + " can never be done");
            case "transient" -> throw WorkerError.retryable("chore " + task.id() + " hit a timeout");
            case "flaky" -> {
                if (context.attempt() < context.maxAttempts()) {
                    throw WorkerError.retryable("chore " + task.id() + " flaked on attempt " + context.attempt());
                }
            }
            case "illegal-state" -> throw new IllegalStateException("chore " + task.id() + " found a bug");
            default -> {
            }
        }
        context.step("Saving", 90);
        return "done " + task.id();
    }
}
