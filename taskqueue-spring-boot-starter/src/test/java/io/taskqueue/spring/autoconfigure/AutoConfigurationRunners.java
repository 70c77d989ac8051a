package io.taskqueue.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's auto-configuration on the in-memory backend, as the tests start it. */
final class AutoConfigurationRunners {
    private AutoConfigurationRunners() {
    }

    static ApplicationContextRunner starter() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TaskQueueAutoConfiguration.class,
                TaskQueueHealthAutoConfiguration.class, TaskQueueMetricsAutoConfiguration.class));
    }

    static ApplicationContextRunner inMemory() {
        return starter().withPropertyValues("taskqueue.url=memory:", "taskqueue.workers.emails.drain-delay=50ms");
    }
}
