package io.taskqueue.spi;

import java.util.Set;

/**
 * Opens backends from URLs. Providers are found with {@link java.util.ServiceLoader}: a backend
 * module declares its provider in {@code module-info.java} ({@code provides}) and in
 * {@code META-INF/services/io.taskqueue.spi.BackendProvider}, so that {@code TaskQueue.open(url)}
 * finds it whether the application runs on the module path or the class path.
 */
public interface BackendProvider {
    /** The URL schemes this provider opens, lower case, e.g. {@code redis} and {@code rediss}. */
    Set<String> schemes();

    /**
     * Opens a backend for {@code url}, whose scheme is one of {@link #schemes()}. Fails with an
     * {@link IllegalArgumentException} naming the problem when the URL is malformed, and with a
     * {@link io.taskqueue.BackendException} when the store cannot be reached or refuses the
     * credentials; either message masks any password in the URL.
     */
    Backend open(String url, BackendContext context);
}
