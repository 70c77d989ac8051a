/**
 * The TaskTracker on Postgres: one row per execution of a task in {@code task_trackers}, written
 * through the core's {@link io.taskqueue.JobLifecycleListener} and {@link io.taskqueue.JobInterceptor}
 * so that any queue gets tracking from one line, plus a durable dead-letter queue with inspection and
 * replay. Start at {@link io.taskqueue.postgres.TaskTracker}. Stable API.
 */
package io.taskqueue.postgres;
