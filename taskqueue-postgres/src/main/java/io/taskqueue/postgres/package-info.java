/**
 * The TaskTracker on Postgres: one row per execution of a task in {@code task_trackers}, written
 * through the listener and claim interceptor it installs as a {@link io.taskqueue.TaskQueueExtension},
 * so every queue and worker of a task queue is tracked, plus a durable dead-letter queue with
 * inspection and replay. Start at {@link io.taskqueue.postgres.TaskTracker}. Stable API.
 */
package io.taskqueue.postgres;
