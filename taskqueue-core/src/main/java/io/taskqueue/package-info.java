/**
 * The taskqueue API: {@link io.taskqueue.Queue} to add and manage jobs, {@link io.taskqueue.Worker}
 * to run them, typed {@link io.taskqueue.JobType}s with {@link io.taskqueue.Handlers}, options and
 * events. Semantics follow BullMQ 6.
 */
package io.taskqueue;
