package io.taskqueue.redis;

import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.Backends;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * How the Redis tests open what they test: a {@link TaskQueue} on a test server under a test
 * prefix, opened from a URL as an application would, and, for tests of the backend seam itself, a
 * raw {@link Backend} opened the same way.
 */
public final class RedisTestBackends {
    private RedisTestBackends() {
    }

    /** The URL of {@code server} with {@code prefix} as its {@code prefix} parameter. */
    public static String url(RedisServer server, String prefix) {
        String base = server.uri().toString();
        return base + (base.contains("?") ? "&" : "?") + "prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
    }

    /** A task queue on {@code server} under the test's prefix. */
    public static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return TaskQueue.open(url(server, prefix.value()));
    }

    /** A task queue on {@code server} under {@code prefix}. */
    public static TaskQueue taskQueue(RedisServer server, String prefix) {
        return TaskQueue.open(url(server, prefix));
    }

    /** A task queue with {@code options} (URL and prefix included) on the system clock. */
    public static TaskQueue taskQueue(RedisBackendOptions options) {
        return TaskQueue.builder().backend(RedisBackend.factory(options)).build();
    }

    /** Options for {@code server} under {@code prefix}, to change further. */
    public static RedisBackendOptions.Builder options(RedisServer server, RedisTestPrefix prefix) {
        return RedisBackendOptions.builder().url(server.uri().toString()).prefix(prefix.value());
    }

    /** A raw backend on {@code server} under the test's prefix, for checks on the SPI; the caller closes it. */
    public static Backend backend(RedisServer server, RedisTestPrefix prefix) {
        return Backends.open(url(server, prefix.value()), new BackendContext(Clock.systemUTC()));
    }
}
