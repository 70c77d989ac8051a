package io.taskqueue;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Something that plugs into a {@link TaskQueue} when it is built, such as a task tracker or a
 * metrics binder: it observes jobs through listeners and interceptors, on the application's clock.
 * The {@code TaskQueue} installs each extension once and closes it after its workers and before
 * its backend.
 */
public interface TaskQueueExtension extends AutoCloseable {
    /** Called once, at the end of {@link TaskQueue.Builder#build()}, before any worker exists. */
    void install(Installation installation);

    /** Stops what the extension started; the default does nothing. */
    @Override
    default void close() {
    }

    /** What an extension gets at installation. */
    interface Installation {
        /** The task queue being built (fully usable: its backend is open). */
        TaskQueue taskQueue();

        /** The application's clock. */
        Clock clock();

        /** The shared timer threads (do not shut them down). */
        ScheduledExecutorService scheduler();

        /** Adds a listener that observes every queue and worker of the task queue. */
        void addListener(JobLifecycleListener listener);

        /** Adds an interceptor around every handler, inside the ones added before. */
        void addInterceptor(JobInterceptor interceptor);

        /**
         * Adds an interceptor around every add of jobs to a queue of the task queue, inside the
         * ones added before. The default refuses, for installations made outside {@link TaskQueue}.
         */
        default void addEnqueueInterceptor(EnqueueInterceptor interceptor) {
            throw new UnsupportedOperationException("this installation takes no enqueue interceptors");
        }
    }
}
