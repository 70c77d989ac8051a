package io.taskqueue.spring.autoconfigure;

import io.taskqueue.HealthCheck;
import io.taskqueue.HealthCheckOptions;
import io.taskqueue.TaskQueue;
import io.taskqueue.spring.TaskQueueHealthIndicator;
import io.taskqueue.spring.TaskQueueProperties;
import io.taskqueue.spring.TaskQueueWorkers;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The task queue's health indicator, named {@code taskQueue} in {@code /actuator/health}, where
 * Spring Boot's health support is on the class path; {@code management.health.taskqueue.enabled=false}
 * turns it off.
 */
@AutoConfiguration(after = TaskQueueAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TaskQueueWorkers.class)
@ConditionalOnEnabledHealthIndicator("taskqueue")
public class TaskQueueHealthAutoConfiguration {
    /**
     * The core's health check of the task queue; the task queue closes it, so the context does not
     * (an empty destroy method).
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public HealthCheck taskQueueHealthCheck(TaskQueue taskQueue, TaskQueueProperties properties) {
        return taskQueue.healthCheck(HealthCheckOptions.builder()
                .maxFetchSilence(properties.getHealth().getMaxFetchSilence()).build());
    }

    /** Reports the check; see {@link TaskQueueHealthIndicator}. */
    @Bean
    @ConditionalOnMissingBean(name = "taskQueueHealthIndicator")
    public TaskQueueHealthIndicator taskQueueHealthIndicator(HealthCheck taskQueueHealthCheck,
            TaskQueueWorkers workers) {
        return new TaskQueueHealthIndicator(taskQueueHealthCheck, workers);
    }
}
