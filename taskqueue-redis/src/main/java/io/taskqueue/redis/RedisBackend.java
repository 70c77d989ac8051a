package io.taskqueue.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.protocol.ProtocolVersion;
import io.taskqueue.redis.internal.ClusterConnections;
import io.taskqueue.redis.internal.JobHashCodec;
import io.taskqueue.redis.internal.Keys;
import io.taskqueue.redis.internal.RedisConnections;
import io.taskqueue.redis.internal.RedisContext;
import io.taskqueue.redis.internal.RedisQueueBackend;
import io.taskqueue.redis.internal.ScriptRunner;
import io.taskqueue.redis.internal.StandaloneConnections;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
 *
 * <p>The URL also selects Redis Sentinel ({@code redis-sentinel://host:26379,host:26380?sentinelMasterId=mymaster})
 * or Redis Cluster ({@code redis-cluster://host:7000,host:7001}). In a cluster every key of a queue
 * must sit in one slot, so the prefix or the queue name must carry a hash tag ({@code {bull}},
 * {@code {emails}}); {@link #queue} refuses a queue without one. See {@link RedisBackendOptions#url()}.
 */
public final class RedisBackend implements Backend {
    private final RedisBackendOptions options;
    private final RedisConnections connections;
    private final RedisContext ctx;
    private final Map<String, RedisQueueBackend> queues = new ConcurrentHashMap<>();

    /**
     * @param connect opens the connections (for one server, Sentinel or a cluster)
     * @param releaseClient shuts an owned client down when {@code connect} fails
     */
    private RedisBackend(Supplier<RedisConnections> connect, Runnable releaseClient, RedisBackendOptions options,
            Clock clock) {
        this.options = options;
        try {
            this.connections = connect.get();
        } catch (RuntimeException e) {
            releaseClient.run();
            throw RedisContext.translate(e, "connect to " + describeUrl(options.url()));
        }
        ObjectMapper mapper = new ObjectMapper();
        this.ctx = new RedisContext(connections, new ScriptRunner(connections),
                new JobHashCodec(mapper), options.prefix(), options.commandTimeout(), options.maxLenEvents(),
                options.metricsMaxDataPoints(), minBlockSeconds(connections.serverVersion()), clock);
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
        if (options.isCluster()) {
            RedisClusterClient client = RedisClusterClient.create(
                    ClusterConnections.seeds(options.url(), options.commandTimeout()));
            client.setOptions(ClusterClientOptions.builder()
                    .protocolVersion(ProtocolVersion.RESP2)
                    .autoReconnect(true)
                    .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                    // Follow reshardings and failovers: refresh on MOVED/ASK/reconnects and every 30 s.
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(Duration.ofSeconds(30))
                            .build())
                    .build());
            return new RedisBackend(() -> new ClusterConnections(client, true, options.prefix()), client::shutdown,
                    options, clock);
        }
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP2)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build());
        return new RedisBackend(() -> new StandaloneConnections(client, true, options.url(), options.commandTimeout()),
                client::shutdown, options, clock);
    }

    /**
     * A backend using {@code client}, which it does not close; the server is {@code options.url()}
     * (one server or Sentinel; for a cluster see {@link #create(RedisClusterClient, RedisBackendOptions)}).
     * Configure the client with RESP2 or RESP3 and auto-reconnect as you see fit.
     */
    public static RedisBackend create(RedisClient client, RedisBackendOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        if (options.isCluster()) {
            throw new IllegalArgumentException("a redis-cluster:// URL needs a RedisClusterClient: use"
                    + " create(RedisBackendOptions) or create(RedisClusterClient, RedisBackendOptions)");
        }
        return new RedisBackend(() -> new StandaloneConnections(client, false, options.url(), options.commandTimeout()),
                () -> { }, options, Clock.systemUTC());
    }

    /**
     * A backend on a Redis Cluster through {@code client}, which it does not close and which knows
     * its seed nodes; {@code options.url()} must be a {@code redis-cluster://} URL (only
     * {@link #describe()} reads it). Configure the client's topology refresh as you see fit.
     */
    public static RedisBackend create(RedisClusterClient client, RedisBackendOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        if (!options.isCluster()) {
            throw new IllegalArgumentException("a RedisClusterClient needs a redis-cluster:// URL in the options: "
                    + describeUrl(options.url()));
        }
        return new RedisBackend(() -> new ClusterConnections(client, false, options.prefix()), () -> { }, options,
                Clock.systemUTC());
    }

    /** The options this backend was created with. */
    public RedisBackendOptions options() {
        return options;
    }

    @Override
    public QueueBackend queue(String queueName) {
        Objects.requireNonNull(queueName, "queueName");
        connections.requireOneSlot(options.prefix(), queueName);
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
        connections.close();
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
