package io.taskqueue;

/**
 * Wraps every handler invocation, e.g. to set up a transaction, to claim the execution in a
 * tracker (and skip a duplicate), or to add tracing. Interceptors nest in registration order: the
 * first registered is the outermost.
 */
@FunctionalInterface
public interface JobInterceptor {
    /**
     * Runs around the handler. Call {@code next.proceed()} to continue, or return a value without
     * calling it to complete the job without running the handler.
     */
    Object intercept(JobContext<?> context, Invocation next) throws Exception;

    /** The rest of the chain, ending with the handler. */
    @FunctionalInterface
    interface Invocation {
        /** Runs the next interceptor or the handler and returns its result. */
        Object proceed() throws Exception;
    }
}
