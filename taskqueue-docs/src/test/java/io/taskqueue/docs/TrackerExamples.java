package io.taskqueue.docs;

import io.taskqueue.ErrorCategory;
import io.taskqueue.ErrorClassifier;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.postgres.CategoryPolicy;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.DeadLetterPage;
import io.taskqueue.postgres.DeadLetterPolicy;
import io.taskqueue.postgres.DeadLetters;
import io.taskqueue.postgres.EnqueueResult;
import io.taskqueue.postgres.TaskHistory;
import io.taskqueue.postgres.TaskTracker;
import io.taskqueue.postgres.TaskTrackerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** docs/tracker.md and the tracker section of docs/guide.md, run by TrackerExamplesIT. */
final class TrackerExamples {
    private TrackerExamples() {
    }

    record Order(String sku, int quantity) {}

    /** An exception of the application's own client for a service it calls. */
    static final class UpstreamException extends RuntimeException {
        UpstreamException(String message) {
            super(message);
        }
    }

    static String guide(DataSource dataSource, String url, Handlers handlers, String customerId, String orderId,
            Order order) {
        // tag::install[]
        TaskTracker tracker = TaskTracker.create(dataSource);           // migrates its table on start
        try (TaskQueue taskQueue = TaskQueue.builder().backend(url)     // e.g. "redis://localhost:6379"
                .extension(tracker).build()) {
            JobQueue orders = taskQueue.queue("orders");
            taskQueue.worker("orders").handlers(handlers).build().start();
            tracker.enqueue(orders, tracker.taskId("orders", customerId, orderId), "ship", order);
            tracker.history().retryChain(tracker.taskId("orders", customerId, orderId));
            tracker.deadLetters().replayAll(DeadLetterFilter.queue("orders"), 100, false);
        }
        // end::install[]
        return tracker.taskId("orders", customerId, orderId);
    }

    static TaskTracker withOwnPool(String jdbcUrl, String user, String secret) {
        // tag::create[]
        // ... or a URL: the tracker owns a HikariCP pool and closes it.
        TaskTracker tracker = TaskTracker.create(jdbcUrl, user, secret,
                TaskTrackerOptions.builder().schema("tracking").build());
        // end::create[]
        return tracker;
    }

    static void installed(DataSource dataSource, String url, Handlers handlers) {
        // tag::installed[]
        // A DataSource of the host app: used as is, never closed.
        TaskTracker tracker = TaskTracker.create(dataSource);

        try (TaskQueue taskQueue = TaskQueue.builder()
                .backend(url)
                .extension(tracker)              // installs the listener and the claim interceptor
                .build()) {
            JobQueue orders = taskQueue.queue("orders");
            taskQueue.worker("orders").handlers(handlers).build().start();   // tracked, claims included
            orders.add("ship", new Order("sku-1", 2));
        }                                        // closes the workers, then the tracker, then the backend
        // end::installed[]
    }

    static void tool(DataSource dataSource) {
        // tag::standalone[]
        try (TaskTracker tool = TaskTracker.standalone(dataSource, TaskTrackerOptions.defaults(), Clock.systemUTC())) {
            tool.deadLetters().list(DeadLetterFilter.queue("orders"), null, DeadLetters.DEFAULT_PAGE_SIZE);
            tool.deadLetters().applyPolicies(DeadLetterFilter.all(), true);   // dry run: what would happen
            tool.history().stuck(Duration.ofMinutes(30), 100);
        }
        // end::standalone[]
    }

    static EnqueueResult enqueue(TaskTracker tracker, JobQueue orders, String customerId, String orderId, Order order) {
        // tag::enqueue[]
        String taskId = tracker.taskId(orders.name(), customerId, orderId);
        EnqueueResult r = tracker.enqueue(orders, taskId, "ship", order,
                JobOptions.builder().attempts(3).build(), Map.of("source", "checkout"));
        if (!r.enqueued()) {
            System.out.println("duplicate: execution " + r.executionId() + " is in flight");
        }
        // end::enqueue[]
        return r;
    }

    static TaskTrackerOptions prefixes() {
        // tag::prefixes[]
        TaskTrackerOptions options = TaskTrackerOptions.builder().environmentPrefixes(List.of("dev_", "staging_")).build();
        // with these options, tracker.taskId("dev_orders", "c-42", "o-1001") is "orders:c-42:o-1001"
        // end::prefixes[]
        return options;
    }

    static void history(TaskTracker tracker, JobQueue orders, String taskId) {
        // tag::history[]
        TaskHistory history = tracker.history();
        history.retryChain(taskId);                  // every execution, oldest first
        history.queueStats("orders");                // Map<TaskStatus, Long>
        history.failuresByCategory(null);            // failed + dlq by category name, all queues
        history.duplicates("orders");                // enqueues prevented, tasks with several executions, claims refused
        history.stuck(Duration.ofMinutes(30), 100);  // processing for longer than 30 min
        history.reconcile(orders, Duration.ofMinutes(1)); // processing in the tracker, not active in the queue
        // end::history[]
    }

    static DeadLetterPage deadLetters(TaskTracker tracker, UUID executionId) {
        // tag::dead-letters[]
        DeadLetters dlq = tracker.deadLetters();
        DeadLetterFilter filter = DeadLetterFilter.queue("orders").withCategory("upstream");

        DeadLetterPage page = dlq.list(filter, null, DeadLetters.DEFAULT_PAGE_SIZE); // keyset paging: page.next()
        dlq.inspect(executionId);
        dlq.replay(executionId);                   // one, through the task queue's "orders" queue
        dlq.replayRange(filter, 0, 9, true);       // positions 0..9 (0-based, inclusive); dry run
        dlq.replayAll(filter, 100, false);         // up to 100 matching
        dlq.archive(executionId);
        dlq.purgeArchived(Duration.ofDays(7));
        dlq.applyPolicies(DeadLetterFilter.all(), false); // run on a schedule, e.g. every few hours
        // end::dead-letters[]
        return page;
    }

    static TaskTrackerOptions policy() {
        // tag::policy[]
        TaskTrackerOptions options = TaskTrackerOptions.builder().deadLetterPolicy(DeadLetterPolicy.builder()
                .category("upstream", CategoryPolicy.replayAfter(Duration.ofMinutes(15)))
                .build()).build();
        // end::policy[]
        return options;
    }

    static TaskQueue categories(String url, TaskTracker tracker) {
        // tag::categories[]
        ErrorCategory upstream = new ErrorCategory("upstream", true);
        TaskQueue taskQueue = TaskQueue.builder().backend(url)
                .errorClassifier(ErrorClassifier.builder().map(UpstreamException.class, upstream).build())
                .extension(tracker)
                .build();
        // end::categories[]
        return taskQueue;
    }
}
