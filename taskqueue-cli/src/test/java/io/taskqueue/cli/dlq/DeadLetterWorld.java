package io.taskqueue.cli.dlq;

import io.taskqueue.JobQueue;
import io.taskqueue.Worker;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TrackerDb;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.TaskExecution;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Dead letters made by real workers on Redis and tracked in Postgres: five on "orders" (validation,
 * {@code bad order N}) and two on "emails" (transient), and the command line pointed at both.
 */
final class DeadLetterWorld implements AutoCloseable {
    private final TrackerDb db;
    private final TrackerDb.Tracked tracked;
    private final String[] backend;
    /** The dead letters of "orders", oldest first, as the tracker lists them. */
    private final List<DeadLetter> orders;

    private DeadLetterWorld(TrackerDb db, TrackerDb.Tracked tracked, String[] backend, List<DeadLetter> orders) {
        this.db = db;
        this.tracked = tracked;
        this.backend = backend;
        this.orders = orders;
    }

    static DeadLetterWorld create(PostgresTestSchema schema, RedisServer redis, RedisTestPrefix prefix)
            throws Exception {
        TrackerDb db = TrackerDb.on(schema);
        TrackerDb.Tracked tracked = db.tracked(redis.uri() + "?prefix=" + prefix.value());
        JobQueue orderQueue = tracked.taskQueue().queue("orders");
        JobQueue emailQueue = tracked.taskQueue().queue("emails");
        try (Worker ordersWorker = tracked.worker("orders", ctx -> {
            throw new IllegalArgumentException("bad order " + ctx.job().dataJson());
        }); Worker emailsWorker = tracked.worker("emails", ctx -> {
            throw new IOException("mail server away");
        })) {
            for (int i = 1; i <= 5; i++) {
                tracked.tracker().enqueue(orderQueue, "orders:" + i, "work", i);
            }
            tracked.tracker().enqueue(emailQueue, "emails:1", "work", 1);
            tracked.tracker().enqueue(emailQueue, "emails:2", "work", 2);
            tracked.awaitDeadLetters(DeadLetterFilter.queue("orders"), 5);
            tracked.awaitDeadLetters(DeadLetterFilter.queue("emails"), 2);
        }
        List<DeadLetter> orders = tracked.tracker().deadLetters().list(DeadLetterFilter.queue("orders"), null, 100)
                .items();
        return new DeadLetterWorld(db, tracked, new String[] {"--url", redis.uri().toString(), "--prefix",
            prefix.value()}, orders);
    }

    TrackerDb db() {
        return db;
    }

    TrackerDb.Tracked tracked() {
        return tracked;
    }

    List<DeadLetter> orders() {
        return orders;
    }

    Cli.Result run(Cli cli, String... args) {
        return cli.run(db.args(args));
    }

    Cli.Result run(String... args) {
        return run(db.cli(), args);
    }

    /** {@code args} with {@code --url} and {@code --prefix} of the Redis the jobs are on. */
    String[] withBackend(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(backend));
        return all.toArray(String[]::new);
    }

    /** The execution id of the dead order at {@code position}. */
    UUID id(int position) {
        return orders.get(position).execution().executionId();
    }

    TaskExecution execution(UUID id) {
        return tracked.tracker().history().execution(id).orElseThrow();
    }

    long deadOrders() {
        return tracked.tracker().deadLetters().count(DeadLetterFilter.queue("orders"));
    }

    /** A table's rows, cells split at the column gaps. */
    static List<String[]> rows(String table) {
        return table.lines().skip(1).map(l -> l.split(" {2,}")).toList();
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
