package io.taskqueue.spring.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.taskqueue.spring.TaskQueueMeterBinder;
import io.taskqueue.spring.TaskQueueWorkers;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The workers' meters where Micrometer is on the class path. A {@link MeterBinder} bean is enough:
 * Spring Boot's metrics support binds every one to each registry it creates, and without a registry
 * the binder is never called.
 */
@AutoConfiguration(after = TaskQueueAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(TaskQueueWorkers.class)
public class TaskQueueMetricsAutoConfiguration {
    /** The worker meters; see {@link TaskQueueMeterBinder}. */
    @Bean
    @ConditionalOnMissingBean
    public TaskQueueMeterBinder taskQueueMeterBinder(TaskQueueWorkers workers) {
        return new TaskQueueMeterBinder(workers);
    }
}
