package io.taskqueue.spi;

/**
 * Opens a backend when a {@code TaskQueue} is built, for backends configured in code rather than
 * from a URL (for instance on a client the application already has). The {@code TaskQueue} owns
 * the backend and closes it; the backend never closes what the application handed it.
 */
@FunctionalInterface
public interface BackendFactory {
    /** Opens the backend with the {@code TaskQueue}'s clock. */
    Backend open(BackendContext context);
}
