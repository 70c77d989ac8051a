package io.taskqueue.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.taskqueue.redis.internal.JobHashCodec;
import io.taskqueue.redis.internal.Keys;
import io.taskqueue.redis.internal.RedisContext;
import io.taskqueue.redis.internal.RedisQueueBackend;
import io.taskqueue.redis.internal.ScriptRunner;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis backend: queues stored exactly as BullMQ 6.7 stores them, so Node and Java producers and
 * workers share queues, and BullMQ's dashboards read them. One shared connection carries every
 * command; each worker channel, event subscription and cancel listener has its own connection.
 *
 * <pre>{@code
 * try (RedisBackend backend = RedisBackend.create("redis://127.0.0.1:6379")) {
 *     QueueBackend emails = backend.queue("emails");
 * }
 * }</pre>
 */
public final class RedisBackend implements Backend {
    private final RedisBackendOptions options;
    private final RedisClient client;
    private final boolean ownsClient;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisContext ctx;
    private final Map<String, RedisQueueBackend> queues = new ConcurrentHashMap<>();

    private RedisBackend(RedisClient client, boolean ownsClient, RedisBackendOptions options, Clock clock) {
        this.options = options;
        this.client = client;
        this.ownsClient = ownsClient;
        RedisURI uri = RedisURI.create(options.url());
        uri.setTimeout(options.commandTimeout());
        try {
            this.connection = client.connect(StringCodec.UTF8, uri);
        } catch (RuntimeException e) {
            if (ownsClient) {
                client.shutdown();
            }
            throw RedisContext.translate(e, "connect to " + describeUrl(options.url()));
        }
        ObjectMapper mapper = new ObjectMapper();
        this.ctx = new RedisContext(client, options.url(), connection, new ScriptRunner(connection),
                new JobHashCodec(mapper), options.prefix(), options.commandTimeout(), options.maxLenEvents(),
                options.metricsMaxDataPoints(), minBlockSeconds(serverVersion()), clock);
    }

    /** A backend on {@code url} with default options; it owns (and closes) its client. */
    public static RedisBackend create(String url) {
        return create(RedisBackendOptions.builder().url(url).build());
    }

    /** A backend with {@code options}; it owns (and closes) its client. */
    public static RedisBackend create(RedisBackendOptions options) {
        return create(options, Clock.systemUTC());
    }

    /**
     * A backend with {@code options} that owns its client, reading {@code clock} for the few
     * operations whose caller passes no time (remove, drain: releasing a flow parent).
     */
    public static RedisBackend create(RedisBackendOptions options, Clock clock) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP2)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build());
        return new RedisBackend(client, true, options, clock);
    }

    /**
     * A backend using {@code client}, which it does not close; the server is {@code options.url()}.
     * Configure the client with RESP2 or RESP3 and auto-reconnect as you see fit.
     */
    public static RedisBackend create(RedisClient client, RedisBackendOptions options) {
        return new RedisBackend(Objects.requireNonNull(client, "client"), false,
                Objects.requireNonNull(options, "options"), Clock.systemUTC());
    }

    /** The options this backend was created with. */
    public RedisBackendOptions options() {
        return options;
    }

    @Override
    public QueueBackend queue(String queueName) {
        Objects.requireNonNull(queueName, "queueName");
        return queues.computeIfAbsent(queueName, name -> {
            RedisQueueBackend q = new RedisQueueBackend(ctx, new Keys(options.prefix(), name));
            q.open();
            return q;
        });
    }

    @Override
    public String describe() {
        return describeUrl(options.url()) + " (prefix " + options.prefix() + ")";
    }

    @Override
    public void close() {
        connection.close();
        if (ownsClient) {
            client.shutdown();
        }
    }

    private String serverVersion() {
        String info = connection.sync().info("server");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "0";
    }

    /** BZPOPMIN's smallest timeout that still times out: 0.001 s from Redis 7.0.8, else 0.002 s. */
    static double minBlockSeconds(String version) {
        String[] p = version.split("\\.");
        int[] v = new int[3];
        for (int i = 0; i < 3 && i < p.length; i++) {
            try {
                v[i] = Integer.parseInt(p[i].replaceAll("\\D.*", ""));
            } catch (NumberFormatException e) {
                v[i] = 0;
            }
        }
        boolean atLeast708 = v[0] > 7 || (v[0] == 7 && (v[1] > 0 || v[2] >= 8));
        return atLeast708 ? 0.001 : 0.002;
    }

    private static String describeUrl(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    // ---- schedulers and flows (issue 5) ----

    @Override
    public io.taskqueue.FlowJob addFlow(io.taskqueue.spi.NewFlowNode root) {
        return new io.taskqueue.redis.internal.FlowOps(ctx, options.prefix()).add(root, root.job().timestamp());
    }
}
