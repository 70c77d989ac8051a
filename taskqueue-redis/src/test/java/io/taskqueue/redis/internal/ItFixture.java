package io.taskqueue.redis.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the script ITs share: a raw backend on the test server under the test's prefix (the SPI is
 * what they test), one queue, a raw RESP client to read Redis byte for byte, and helpers. Close it
 * after the test.
 */
record ItFixture(Backend backend, QueueBackend queue, Keys keys, RespClient redis) implements AutoCloseable {
    static final long NOW = 1_795_408_158_504L;

    static ItFixture open(RedisServer server, RedisTestPrefix prefix) {
        return open(server, prefix, RedisBackendOptions.builder());
    }

    static ItFixture open(RedisServer server, RedisTestPrefix prefix, RedisBackendOptions.Builder options) {
        String queue = "q" + UUID.randomUUID().toString().substring(0, 6);
        Backend backend = RedisBackend.factory(options.url(server.uri().toString()).prefix(prefix.value()).build())
                .open(new BackendContext(Clock.systemUTC()));
        return new ItFixture(backend, backend.queue(queue), new Keys(prefix.value(), queue), server.client());
    }

    String add(String name, JobOptions options) {
        return add(new NewJob(name, "{\"n\":1}", options, NOW));
    }

    String add(NewJob job) {
        return queue.add(List.of(job)).get(0);
    }

    /** The queue's implementation of capability interface {@code type}. */
    <C> C cap(Class<C> type) {
        return queue.capability(type).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    String add(JobOptions options) {
        return add("job", options);
    }

    FetchResult.Fetched fetch(String token) {
        FetchResult r = queue.fetch(new FetchRequest(token, 30_000, "w1", NOW + 10));
        if (r instanceof FetchResult.Fetched f) {
            return f;
        }
        throw new AssertionError("nothing fetched: " + r);
    }

    Map<String, String> hash(String key) {
        List<?> flat = (List<?>) redis.call("HGETALL", key);
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            m.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        return (List<String>) redis.call("LRANGE", key, "0", "-1");
    }

    /** A sorted set as member → score text. */
    Map<String, String> zset(String key) {
        List<?> flat = (List<?>) redis.call("ZRANGE", key, "0", "-1", "WITHSCORES");
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            m.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return m;
    }

    /** The events stream as "event field=value ..." lines, oldest first. */
    List<String> events() {
        List<?> entries = (List<?>) redis.call("XRANGE", keys.events(), "-", "+");
        List<String> out = new ArrayList<>();
        for (Object e : entries) {
            List<?> fields = (List<?>) ((List<?>) e).get(1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fields.size(); i += 2) {
                if (i == 0) {
                    sb.append(fields.get(1));
                } else {
                    sb.append(' ').append(fields.get(i)).append('=').append(fields.get(i + 1));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    boolean exists(String key) {
        return ((Long) redis.call("EXISTS", key)) == 1;
    }

    @Override
    public void close() {
        redis.close();
        backend.close();
    }
}
