package io.taskqueue.memory;

import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.BackendProvider;
import java.util.Set;

/** Opens {@link InMemoryBackend}s for {@code memory:} URLs; each open is a new, empty store. */
public final class InMemoryBackendProvider implements BackendProvider {
    @Override
    public Set<String> schemes() {
        return Set.of("memory");
    }

    @Override
    public Backend open(String url, BackendContext context) {
        if (!url.equalsIgnoreCase("memory:") && !url.equalsIgnoreCase("memory://")) {
            throw new IllegalArgumentException("an in-memory backend URL is 'memory:' and takes no options: " + url);
        }
        return new InMemoryBackend(context.clock());
    }
}
