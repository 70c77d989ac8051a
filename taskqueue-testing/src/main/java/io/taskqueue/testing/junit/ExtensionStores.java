package io.taskqueue.testing.junit;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The two lifetimes the server extensions need, on JUnit's stores: one value for the whole run
 * (a server), and one value per test method or class (a prefix or schema). JUnit closes the holders,
 * which runs the given clean-up.
 */
final class ExtensionStores {
    private ExtensionStores() {
    }

    /** The run-wide value of {@code owner} under {@code key}, created on first use. */
    static <T> T perRun(ExtensionContext context, Class<?> owner, String key, Supplier<T> create,
            Consumer<T> cleanup) {
        return value(context.getRoot().getStore(Namespace.create(owner)), key, create, cleanup);
    }

    /**
     * The value of {@code owner} for exactly this context. Keyed by the context's unique id so that a
     * method never inherits its class's value through the store's parent lookup; the clean-up runs
     * when the context ends, after all {@code @AfterEach} methods.
     */
    static <T> T perContext(ExtensionContext context, Class<?> owner, Supplier<T> create, Consumer<T> cleanup) {
        return value(context.getStore(Namespace.create(owner, context.getUniqueId())), "value", create, cleanup);
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(ExtensionContext.Store store, String key, Supplier<T> create, Consumer<T> cleanup) {
        return (T) store.getOrComputeIfAbsent(key, k -> new Holder<>(create.get(), cleanup), Holder.class).value();
    }

    /** A store entry that cleans up its value when JUnit closes the store. */
    private record Holder<T>(T value, Consumer<T> cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.accept(value);
        }
    }
}
