package io.taskqueue.spring.autoconfigure;

import io.taskqueue.JobInterceptor;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOptions;
import io.taskqueue.TaskQueue;
import io.taskqueue.TaskQueueExtension;
import io.taskqueue.spring.JobQueues;
import io.taskqueue.spring.TaskHandlerRegistration;
import io.taskqueue.spring.TaskQueueProperties;
import io.taskqueue.spring.TaskQueueWorkers;
import io.taskqueue.spring.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link TaskQueue} (unless the application defines its own), the {@link JobQueues} of the
 * configured queues, and the {@link TaskQueueWorkers} that run the handler beans. Listener,
 * interceptor and extension beans are installed into the task queue this configuration builds; a
 * {@link Clock} bean, when there is one, is its clock.
 */
@AutoConfiguration
@EnableConfigurationProperties(TaskQueueProperties.class)
public class TaskQueueAutoConfiguration {
    /** Spring's default for {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

    /** The task queue on the configured backend; the context closes it after the workers stopped. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TaskQueue taskQueue(Environment environment, ObjectProvider<Clock> clock,
            ObjectProvider<JobLifecycleListener> listeners, ObjectProvider<JobInterceptor> interceptors,
            ObjectProvider<TaskQueueExtension> extensions) {
        TaskQueue.Builder builder = TaskQueue.builder().backend(BackendUrl.resolve(environment))
                .clock(clock.getIfUnique(Clock::systemUTC));
        listeners.orderedStream().forEach(builder::listener);
        interceptors.orderedStream().forEach(builder::interceptor);
        extensions.orderedStream().forEach(builder::extension);
        return builder.build();
    }

    /** The configured queues, each with its default job options. */
    @Bean
    @ConditionalOnMissingBean
    public JobQueues jobQueues(TaskQueue taskQueue, TaskQueueProperties properties) {
        Map<String, JobOptions> defaults = new LinkedHashMap<>();
        properties.getQueues().forEach((name, queue) -> defaults.put(name, queue.toJobOptions()));
        return new JobQueues(taskQueue, defaults);
    }

    /** Finds the {@code @TaskHandler} beans and methods; static, as a bean post-processor must be. */
    @Bean
    static TaskHandlerCollector taskHandlerCollector() {
        return new TaskHandlerCollector();
    }

    /** The workers, one per queue with handlers, started and stopped with the context. */
    @Bean
    @ConditionalOnMissingBean
    public TaskQueueWorkers taskQueueWorkers(TaskQueue taskQueue, TaskQueueProperties properties,
            TaskHandlerCollector collector, ObjectProvider<TaskHandlerRegistration<?, ?>> registrations,
            Environment environment) {
        Duration phase = Binder.get(environment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).orElse(DEFAULT_SHUTDOWN_PHASE);
        return new TaskQueueWorkers(taskQueue, () -> {
            List<TaskHandlerRegistration<?, ?>> all = new ArrayList<>(collector.found());
            registrations.orderedStream().forEach(all::add);
            return all;
        }, queue -> properties.getWorkers().getOrDefault(queue, new WorkerProperties()).toWorkerOptions(),
                HandlerExecutors.of(environment), phase, properties.isAutoStartup());
    }
}
