package io.taskqueue.docs;

import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerService;
import java.time.Clock;

/** docs/worker-framework.md: running, producing, testing. */
final class WorkerFrameworkExamples {
    private WorkerFrameworkExamples() {
    }

    /** The whole main of a worker service. */
    static void main(String[] args) {
        // tag::main[]
        WorkerService.run(new WordCountWorker(WorkerConfig.fromEnvironment()));
        // end::main[]
    }

    /** A producer, in another process, adding a task with the worker's retry policy. */
    static String produce(TaskQueue taskQueue, WorkerConfig config) {
        // tag::produce[]
        WordCountWorker worker = new WordCountWorker(config);   // for its queue, job type and retries
        JobQueue queue = taskQueue.queue(worker.queueName(), config.jobOptions());
        String id = queue.add(worker.jobType(), new WordCountWorker.Text("t-1", "to be or not to be"));
        // end::produce[]
        return id;
    }

    /** The worker in inline mode, as a unit test uses it. */
    static String inline() {
        // tag::inline[]
        WordCountWorker worker = new WordCountWorker(WorkerConfig.builder().healthPort(-1).build());
        InlineMode inline = InlineMode.on(worker.queueName(), WorkerService.handlers(worker, Clock.systemUTC()));
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(inline).build()) {
            JobQueue queue = taskQueue.queue(worker.queueName());
            String id = queue.add(worker.jobType(), new WordCountWorker.Text("t-1", "to be or not to be"));
            return queue.getJob(id).orElseThrow().returnValueJson();   // {"id":"t-1","words":6}
        }
        // end::inline[]
    }
}
