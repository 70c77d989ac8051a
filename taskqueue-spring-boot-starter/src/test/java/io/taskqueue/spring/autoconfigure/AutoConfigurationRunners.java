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

    /**
     * The in-memory backend. Where the CI requires virtual threads (its pass on a newer JDK), every
     * test's handlers run on them, as an application's would with spring.threads.virtual.enabled.
     */
    static ApplicationContextRunner inMemory() {
        return platformThreads().withPropertyValues("spring.threads.virtual.enabled="
                + Boolean.getBoolean("taskqueue.test.virtualThreads"));
    }

    /** The in-memory backend, handlers on platform threads whatever the JDK. */
    static ApplicationContextRunner platformThreads() {
        return starter().withPropertyValues("taskqueue.url=memory:", "taskqueue.workers.emails.drain-delay=50ms");
    }
}
