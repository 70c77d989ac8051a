package io.taskqueue.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskqueue.micrometer.TaskQueueMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The task queue's meters ({@code taskqueue.jobs.*}, {@code taskqueue.job.*},
 * {@code taskqueue.queue.jobs}) where taskqueue-micrometer is on the class path and the application
 * has a meter registry: the extension is a bean, and the task queue installs every extension bean.
 * Ordered after Spring Boot's registry configurations (named, so that none of them is required).
 */
@AutoConfiguration(before = TaskQueueAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({TaskQueueMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class TaskQueueMetricsAutoConfiguration {
    /** The meters extension; the task queue closes it, so the context does not. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public TaskQueueMetrics taskQueueMetrics(MeterRegistry registry) {
        return TaskQueueMetrics.of(registry);
    }
}
