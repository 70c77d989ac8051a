package io.taskqueue.redis;

import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.BackendProvider;
import java.util.Set;

/**
 * Opens {@link RedisBackend}s for {@code TaskQueue.open(url)}: {@code redis://} and
 * {@code rediss://} (one server, TLS), {@code redis-sentinel://} and {@code rediss-sentinel://},
 * {@code redis-cluster://} and {@code rediss-cluster://}, and {@code redis-socket://}. The URL's
 * {@code prefix} query parameter sets the key prefix ({@code bull} by default); see
 * {@link RedisBackendOptions#url()}.
 */
public final class RedisBackendProvider implements BackendProvider {
    private static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel",
            "redis-cluster", "rediss-cluster", "redis-socket");

    @Override
    public Set<String> schemes() {
        return SCHEMES;
    }

    @Override
    public Backend open(String url, BackendContext context) {
        return RedisBackend.factory(RedisBackendOptions.fromUrl(url)).open(context);
    }
}
