/**
 * taskqueue-postgres: the TaskTracker on Postgres (execution records, enqueue dedup, idempotent
 * claims, error categories, statistics) and its durable dead-letter queue. Only
 * {@code io.taskqueue.postgres} is API; {@code io.taskqueue.postgres.internal} may change at any time.
 */
module io.taskqueue.postgres {
    requires transitive io.taskqueue.core;
    requires transitive java.sql;
    requires org.jdbi.v3.core;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;

    exports io.taskqueue.postgres;
}
