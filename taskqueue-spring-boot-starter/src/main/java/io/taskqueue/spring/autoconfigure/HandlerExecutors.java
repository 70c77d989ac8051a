package io.taskqueue.spring.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * The handlers' executor per queue: a virtual thread per job when the application asks for virtual
 * threads ({@code spring.threads.virtual.enabled=true}) and runs on Java 21 or newer, else none, so
 * each worker keeps its own pool of platform threads.
 */
final class HandlerExecutors {
    private HandlerExecutors() {
    }

    static Function<String, ExecutorService> of(Environment environment) {
        if (!Threading.VIRTUAL.isActive(environment)) {
            return queue -> null;
        }
        return queue -> virtualThreadPerTask(new VirtualThreadTaskExecutor("taskqueue-" + queue + "-")
                .getVirtualThreadFactory());
    }

    private static ExecutorService virtualThreadPerTask(ThreadFactory factory) {
        // Compiled for Java 17, where the method does not exist; Threading.VIRTUAL is only active on 21+.
        try {
            return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                    .invoke(null, factory);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("virtual threads requested on " + Runtime.version(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create a virtual-thread executor", e.getCause());
        }
    }
}
