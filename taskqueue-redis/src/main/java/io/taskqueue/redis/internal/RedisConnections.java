package io.taskqueue.redis.internal;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The connections of one backend, whatever the deployment: a single server or a Sentinel-managed
 * master ({@link StandaloneConnections}, Lettuce's {@code RedisClient}), or a Redis Cluster
 * ({@link ClusterConnections}, Lettuce's {@code RedisClusterClient}).
 *
 * <p>{@link #async()} is the shared, multiplexed command connection. Its type is the command set
 * both deployments have ({@code RedisClusterAsyncCommands}: no MULTI, no SELECT); in a cluster,
 * Lettuce routes each command by its first key. The other methods open the dedicated connections a
 * worker, an event subscription and a cancel listener need.
 */
public interface RedisConnections extends AutoCloseable {

    /** The shared command connection's commands. */
    RedisClusterAsyncCommands<String, String> async();

    /**
     * Runs a loaded script. In a cluster, the script runs on the master of {@code keys[0]}'s slot,
     * or, without keys, on the master of the key prefix's hash tag.
     */
    CompletionStage<Object> evalsha(String sha, ScriptOutputType output, String[] keys, String[] args);

    /** Loads a script: on the server, or on every master of a cluster; completes with its SHA-1. */
    RedisFuture<String> scriptLoad(String source);

    /**
     * Opens a dedicated connection for blocking commands ({@code BZPOPMIN}, {@code XREAD BLOCK}),
     * named {@code clientName} ({@code CLIENT SETNAME}) unless that is {@code null}.
     */
    Dedicated dedicated(String clientName);

    /** Opens a dedicated pub/sub connection; in a cluster, it receives every node's PUBLISH. */
    StatefulRedisPubSubConnection<String, String> pubSub();

    /**
     * Every key matching glob {@code pattern}, found with {@code SCAN} (on every master of a
     * cluster), in no particular order and possibly with repeats.
     */
    List<String> scan(String pattern);

    /**
     * The {@code CLIENT LIST} reply of the server; in a cluster, the lines of the master serving
     * {@code key}'s slot whose last command was {@code BZPOPMIN}: cluster clients name their idle
     * connections to every node too, and a worker is the connection that waits for jobs.
     */
    String clientList(String key);

    /** The {@code redis_version} of the server (of one node, in a cluster). */
    String serverVersion();

    /**
     * Fails unless every key of queue {@code queue} under {@code prefix} lands in one slot: in a
     * cluster, the common start {@code prefix:queue:} of its keys must carry a hash tag. Nothing to
     * check outside a cluster.
     *
     * @throws IllegalArgumentException naming the fix
     */
    void requireOneSlot(String prefix, String queue);

    /** Closes the shared connection, and the client if this object owns it. */
    @Override
    void close();

    /**
     * A dedicated connection and its commands.
     *
     * @param connection the connection, for closing
     * @param async its commands (routed by key in a cluster)
     */
    record Dedicated(StatefulConnection<String, String> connection, RedisClusterAsyncCommands<String, String> async) {
        /** Closes the connection without waiting. */
        public void closeAsync() {
            connection.closeAsync();
        }
    }

    /**
     * The hash tag Redis Cluster hashes for a key starting with {@code start}, when every such key
     * hashes it: the text between the first {@code '{'} and the next {@code '}'}, both inside
     * {@code start}, not empty. {@code null} when {@code start} does not fix the slot.
     */
    static String hashTag(String start) {
        int open = start.indexOf('{');
        if (open < 0) {
            return null;
        }
        int close = start.indexOf('}', open + 1);
        return close > open + 1 ? start.substring(open + 1, close) : null;
    }
}
