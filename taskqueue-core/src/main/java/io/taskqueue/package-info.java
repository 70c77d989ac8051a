/**
 * The taskqueue API. An application creates one {@link io.taskqueue.TaskQueue} from a backend URL;
 * from it come {@link io.taskqueue.JobQueue}s to add and manage jobs, {@link io.taskqueue.Worker}s to
 * run them with typed {@link io.taskqueue.JobType}s and {@link io.taskqueue.Handlers}, and
 * {@link io.taskqueue.FlowProducer}s. Semantics follow BullMQ 6.
 */
package io.taskqueue;
