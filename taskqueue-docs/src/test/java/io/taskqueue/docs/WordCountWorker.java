package io.taskqueue.docs;

// tag::worker[]
import io.taskqueue.worker.BaseWorker;
import io.taskqueue.worker.TaskContext;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerError;

/** Counts the words of a text: docs/worker-framework.md, "Implementing a worker". */
public final class WordCountWorker extends BaseWorker<WordCountWorker.Text, WordCountWorker.Count> {
    /** The task: a text to count, as producers add it (JSON). */
    public record Text(String id, String body) {
    }

    /** The result, stored with the job. */
    public record Count(String id, int words) {
    }

    public WordCountWorker(WorkerConfig config) {
        super(config, Text.class, Count.class);
    }

    @Override
    protected String workerType() {
        return "word-count";                        // default queue and job name
    }

    @Override
    protected void validate(Text task) {
        if (task.body() == null) {
            throw WorkerError.invalidTask("text " + task.id() + " has no body");   // fails at once
        }
    }

    @Override
    protected Count executeTask(Text task, TaskContext context) {
        context.step("Splitting", 30);              // the job's progress, reporters, the log context
        String[] words = task.body().trim().split("\\s+");
        context.throwIfCancelled();                 // a cancelled job or a shutdown stops here
        context.step("Counting", 80);
        int count = task.body().isBlank() ? 0 : words.length;
        if (count > 1_000_000) {
            throw WorkerError.permanent("text " + task.id() + " is too long to count");
        }
        return new Count(task.id(), count);
    }
}
// end::worker[]
