package io.taskqueue.redis.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One server, or the master a set of Sentinels names ({@code redis-sentinel://} URLs: Lettuce asks
 * the sentinels for the master on every connect and reconnect, and after a failover the sentinels
 * disconnect the old master's clients, so every connection moves to the new master).
 */
public final class StandaloneConnections implements RedisConnections {
    private final RedisClient client;
    private final boolean ownsClient;
    private final String url;
    private final Duration commandTimeout;
    private final StatefulRedisConnection<String, String> connection;

    /**
     * Connects the shared connection.
     *
     * @param client the Lettuce client
     * @param ownsClient whether {@link #close()} shuts the client down
     * @param url a {@code redis://}, {@code rediss://}, {@code redis-socket://} or {@code redis-sentinel://} URL
     * @param commandTimeout the timeout set on every connection's URI
     */
    public StandaloneConnections(RedisClient client, boolean ownsClient, String url, Duration commandTimeout) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.url = url;
        this.commandTimeout = commandTimeout;
        this.connection = client.connect(StringCodec.UTF8, uri(null));
    }

    /** The server's URI with a connection name and the command timeout. */
    private RedisURI uri(String clientName) {
        RedisURI uri = RedisURI.create(url);
        if (clientName != null) {
            uri.setClientName(clientName);
        }
        uri.setTimeout(commandTimeout);
        return uri;
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return connection.async();
    }

    @Override
    public CompletionStage<Object> evalsha(String sha, ScriptOutputType output, String[] keys, String[] args) {
        return connection.async().evalsha(sha, output, keys, args);
    }

    @Override
    public RedisFuture<String> scriptLoad(String source) {
        return connection.async().scriptLoad(source);
    }

    @Override
    public Dedicated dedicated(String clientName) {
        StatefulRedisConnection<String, String> conn = client.connect(StringCodec.UTF8, uri(clientName));
        return new Dedicated(conn, conn.async());
    }

    @Override
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client.connectPubSub(StringCodec.UTF8, uri(null));
    }

    @Override
    public List<String> scan(String pattern) {
        return ScanKeys.all(connection.sync(), pattern);
    }

    @Override
    public String clientList(String key) {
        return connection.sync().clientList();
    }

    @Override
    public String serverVersion() {
        return ServerInfo.version(connection.sync().info("server"));
    }

    @Override
    public void requireOneSlot(String prefix, String queue) {
        // one server: every key is local
    }

    @Override
    public void close() {
        connection.close();
        if (ownsClient) {
            client.shutdown();
        }
    }
}
