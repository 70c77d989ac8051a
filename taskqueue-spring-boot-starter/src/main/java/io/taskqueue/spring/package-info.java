/**
 * Spring Boot integration: {@link io.taskqueue.spring.TaskHandler @TaskHandler} handler beans and
 * methods, {@link io.taskqueue.spring.TaskHandlerRegistration} beans, the
 * {@link io.taskqueue.spring.JobQueues} of configured queues, the workers that start and stop with the
 * application context, and their health and meters. The auto-configuration that assembles them lives
 * in {@code io.taskqueue.spring.autoconfigure}.
 */
package io.taskqueue.spring;
