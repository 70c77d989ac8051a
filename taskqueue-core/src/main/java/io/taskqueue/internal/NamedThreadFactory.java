package io.taskqueue.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names a component's threads after it, so thread dumps show which queue and worker they serve. */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final int priority;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreadFactory(String prefix, int priority) {
        this.prefix = prefix;
        this.priority = priority;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(priority);
        return thread;
    }
}
