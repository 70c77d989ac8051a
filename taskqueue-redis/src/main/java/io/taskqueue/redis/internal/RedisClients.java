package io.taskqueue.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.protocol.ProtocolVersion;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.spi.Backends;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opens the connections of a backend: on a Lettuce client it creates and owns (configured for
 * BullMQ's protocol: RESP2, auto-reconnect, the command timeout, cluster topology refresh), or on
 * one the application hands in, which is never closed. Any failure, the server's first reply
 * included, becomes an error that says what went wrong (see {@link ConnectFailures}).
 */
public final class RedisClients {
    private RedisClients() {
    }

    /** Connections on a client of their own, for one server, Sentinel or a cluster as the URL says. */
    public static RedisConnections open(RedisBackendOptions options) {
        Objects.requireNonNull(options, "options");
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
            return connect(() -> new ClusterConnections(client, true, options.prefix()), client::shutdown, options);
        }
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP2)
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build());
        return connect(() -> new StandaloneConnections(client, true, options.url(), options.commandTimeout()),
                client::shutdown, options);
    }

    /** Connections on {@code client} (one server or Sentinel, as {@code options.url()} says), which stays open. */
    public static RedisConnections open(RedisClient client, RedisBackendOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        if (options.isCluster()) {
            throw new IllegalArgumentException("a redis-cluster:// URL needs a RedisClusterClient: use"
                    + " RedisBackend.factory(options) or RedisBackend.using(RedisClusterClient, options)");
        }
        return connect(() -> new StandaloneConnections(client, false, options.url(), options.commandTimeout()),
                () -> { }, options);
    }

    /** Connections on cluster {@code client}, which knows its seeds and stays open; {@code options.url()} names it in logs. */
    public static RedisConnections open(RedisClusterClient client, RedisBackendOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        if (!options.isCluster()) {
            throw new IllegalArgumentException("a RedisClusterClient needs a redis-cluster:// URL in the options: "
                    + Backends.maskPassword(options.url()));
        }
        return connect(() -> new ClusterConnections(client, false, options.prefix()), () -> { }, options);
    }

    /**
     * Connects and asks for the server version, so that a refused or missing password fails here
     * rather than at the first queue operation; on failure, releases what was opened.
     */
    private static RedisConnections connect(Supplier<RedisConnections> connect, Runnable releaseClient,
            RedisBackendOptions options) {
        RedisConnections connections = null;
        try {
            connections = connect.get();
            connections.serverVersion();
            return connections;
        } catch (IllegalArgumentException e) {
            releaseClient.run();
            throw new IllegalArgumentException("not a usable Redis URL, " + Backends.maskPassword(options.url()) + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (connections != null) {
                try {
                    connections.close();
                } catch (RuntimeException ignored) {
                    // already failing; the cause below matters more
                }
            }
            releaseClient.run();
            throw ConnectFailures.translate(e, options.url());
        }
    }
}
