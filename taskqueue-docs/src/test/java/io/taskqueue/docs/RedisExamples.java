package io.taskqueue.docs;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import java.time.Duration;

/** docs/redis.md, run by RedisExamplesIT. */
final class RedisExamples {
    private RedisExamples() {
    }

    record Email(String to, String subject) {}

    static void open(String hostAndPort, Handlers handlers) {
        // tag::open[]
        try (TaskQueue taskQueue = TaskQueue.open("redis://" + hostAndPort + "?prefix=myapp")) {
            taskQueue.worker("emails").handlers(handlers).build().start();
            JobQueue emails = taskQueue.queue("emails");
            String id = emails.add("send", new Email("ada@example.com", "Welcome"));
            emails.awaitFinished(id, Duration.ofSeconds(10));   // before closing stops the worker
        }
        // end::open[]
    }

    static JobQueue cluster(String seeds) {
        // tag::cluster[]
        // prefix {bull}: every queue in one slot, so flows across queues work
        TaskQueue taskQueue = TaskQueue.open("redis-cluster://" + seeds + "?prefix={bull}");
        JobQueue emails = taskQueue.queue("emails");   // keys {bull}:emails:...
        // end::cluster[]
        return emails;
    }
}
