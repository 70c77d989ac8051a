package io.taskqueue.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.taskqueue.Capability;
import io.taskqueue.redis.internal.JobHashCodec;
import io.taskqueue.redis.internal.Keys;
import io.taskqueue.redis.internal.RedisClients;
import io.taskqueue.redis.internal.RedisConnections;
import io.taskqueue.redis.internal.RedisContext;
import io.taskqueue.redis.internal.RedisQueueBackend;
import io.taskqueue.redis.internal.ScriptRunner;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.BackendContext;
import io.taskqueue.spi.BackendFactory;
import io.taskqueue.spi.Backends;
import io.taskqueue.spi.QueueBackend;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Redis backend: queues stored exactly as BullMQ 6.7 stores them, so Node and Java producers and
 * workers share queues, and BullMQ's dashboards read them. It has every {@link Capability}. One
 * shared connection carries every command; each worker channel and event subscription has its own.
 *
 * <p>Opened by a {@code TaskQueue}, which owns it: from a URL,
 * {@code TaskQueue.open("redis://127.0.0.1:6379?prefix=myapp")} (see {@link RedisBackendOptions#url()}
 * for Sentinel, Cluster, TLS and the {@code prefix} parameter), or configured in code:
 *
 * <pre>{@code
 * TaskQueue taskQueue = TaskQueue.builder()
 *         .backend(RedisBackend.factory(RedisBackendOptions.builder().url("redis://10.0.0.5:6379").prefix("myapp").build()))
 *         .build();
 * // or on a Lettuce client the application owns (and closes):
 * TaskQueue.builder().backend(RedisBackend.using(client, RedisBackendOptions.defaults())).build();
 * }</pre>
 *
 * <p>In a Redis Cluster every key of a queue must sit in one slot, so the prefix or the queue name
 * must carry a hash tag ({@code {bull}}, {@code {emails}}); {@link #queue} refuses a queue without one.
 */
public final class RedisBackend implements Backend {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
    /** Keys every BullMQ queue has once it was created or given a job: how {@link #queueNames()} finds them. */
    private static final List<String> QUEUE_KEYS = List.of("meta", "id", "events");

    private final RedisBackendOptions options;
    private final RedisConnections connections;
    private final RedisContext ctx;
    private final Map<String, RedisQueueBackend> queues = new ConcurrentHashMap<>();

    private RedisBackend(RedisConnections connections, RedisBackendOptions options, BackendContext context) {
        this.options = options;
        this.connections = connections;
        this.ctx = new RedisContext(connections, new ScriptRunner(connections), new JobHashCodec(new ObjectMapper()),
                options.prefix(), options.commandTimeout(), options.maxLenEvents(), options.metricsMaxDataPoints(),
                minBlockSeconds(connections.serverVersion()), context.clock());
    }

    /** Opens a backend with {@code options} on a Lettuce client of its own, which it closes. */
    public static BackendFactory factory(RedisBackendOptions options) {
        Objects.requireNonNull(options, "options");
        return context -> open(() -> RedisClients.open(options), options, context);
    }

    /**
     * Opens a backend on {@code client}, which it never closes; the server is {@code options.url()}
     * (one server or Sentinel). Configure the client's protocol version and reconnects as you see fit.
     */
    public static BackendFactory using(RedisClient client, RedisBackendOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        return context -> open(() -> RedisClients.open(client, options), options, context);
    }

    /**
     * Opens a backend on Redis Cluster {@code client}, which it never closes and which knows its
     * seed nodes; {@code options.url()} must be a {@code redis-cluster://} URL (only
     * {@link #describe()} reads its hosts).
     */
    public static BackendFactory using(RedisClusterClient client, RedisBackendOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        return context -> open(() -> RedisClients.open(client, options), options, context);
    }

    private static RedisBackend open(Supplier<RedisConnections> connect, RedisBackendOptions options,
            BackendContext context) {
        Objects.requireNonNull(context, "context");
        RedisConnections connections = connect.get();
        try {
            return new RedisBackend(connections, options, context);
        } catch (RuntimeException e) {
            connections.close();
            throw RedisContext.translate(e, "open " + Backends.maskPassword(options.url()));
        }
    }

    @Override
    public QueueBackend queue(String queueName) {
        Objects.requireNonNull(queueName, "queueName");
        connections.requireOneSlot(options.prefix(), queueName);
        // Opening writes nothing: the meta hash comes with the first operation that may create the queue.
        return queues.computeIfAbsent(queueName, name -> new RedisQueueBackend(ctx, new Keys(options.prefix(), name)));
    }

    /** The queues under this backend's prefix, Node-made ones included: those with a meta hash, an id counter or events. */
    @Override
    public List<String> queueNames() {
        Set<String> names = new TreeSet<>();
        try {
            for (String suffix : QUEUE_KEYS) {
                for (String key : connections.scan(Keys.everyQueue(options.prefix(), suffix))) {
                    String queue = Keys.queueOf(options.prefix(), suffix, key);
                    if (queue != null) {
                        names.add(queue);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw RedisContext.translate(e, "list queues");
        }
        return List.copyOf(names);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String describe() {
        return Backends.maskPassword(options.url()) + " (prefix " + options.prefix() + ")";
    }

    /** Closes the shared connection, and the client unless it was handed in. */
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
}
