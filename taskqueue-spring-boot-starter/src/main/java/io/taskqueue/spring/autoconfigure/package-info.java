/**
 * The auto-configuration of the taskqueue starter: the {@link io.taskqueue.TaskQueue} from properties,
 * handler discovery, the workers' life cycle, health and meters. Listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; applications
 * use the beans, not these classes.
 */
package io.taskqueue.spring.autoconfigure;
