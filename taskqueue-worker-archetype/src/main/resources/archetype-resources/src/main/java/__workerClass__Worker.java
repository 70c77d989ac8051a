package ${package};

import io.taskqueue.worker.BaseWorker;
import io.taskqueue.worker.TaskContext;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerError;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ${artifactId} worker of ${projectName}: replace the body of {@link #executeTask} with the real work. */
public final class ${workerClass}Worker extends BaseWorker<${workerClass}Task, ${workerClass}Result> {
    private static final Logger LOG = LoggerFactory.getLogger(${workerClass}Worker.class);
    /** The longest input accepted; longer input fails at once as invalid instead of being retried. */
    static final int MAX_INPUT_LENGTH = 10_000;
    private final Clock clock;

    public ${workerClass}Worker(WorkerConfig config, Clock clock) {
        super(config, ${workerClass}Task.class, ${workerClass}Result.class);
        this.clock = clock;
    }

    @Override
    protected String workerType() {
        return "${artifactId}";
    }

    @Override
    protected void initialize() {
        // Open clients and pools here; read secrets with config().requireSetting("API_KEY").
        LOG.info("${artifactId} worker initialized");
    }

    @Override
    protected void validate(${workerClass}Task task) {
        if (task.id() == null || task.id().isBlank()) {
            throw WorkerError.invalidTask("a task needs an id");
        }
        if (task.input() == null || task.input().length() > MAX_INPUT_LENGTH) {
            throw WorkerError.invalidTask("task " + task.id() + " needs an input of at most " + MAX_INPUT_LENGTH
                    + " characters");
        }
    }

    @Override
    protected String initialStep(${workerClass}Task task) {
        return "Starting task " + task.id();
    }

    @Override
    protected ${workerClass}Result executeTask(${workerClass}Task task, TaskContext context) {
        context.step("Processing", 50);
        String output = task.input().strip().toUpperCase(java.util.Locale.ROOT);
        context.throwIfCancelled();
        context.step("Saving", 90);
        return new ${workerClass}Result(task.id(), output, clock.instant());
    }
}
