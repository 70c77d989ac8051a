package io.taskqueue.redis.internal;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * A Redis Cluster through Lettuce's {@code RedisClusterClient}. Every key of a queue must sit in one
 * slot (docs/protocol.md §1.1), which {@link #requireOneSlot} enforces: the scripts build keys at run time,
 * and EVALSHA runs on the master of the first key's slot. Scripts are loaded on every master; a
 * worker's {@code BZPOPMIN} and an event subscription's {@code XREAD} run on a dedicated cluster
 * connection, which Lettuce routes to the slot's master (following it after a resharding or a
 * failover); cancel notifications use classic pub/sub, which the cluster bus delivers to every node.
 */
public final class ClusterConnections implements RedisConnections {
    private final RedisClusterClient client;
    private final boolean ownsClient;
    private final String prefix;
    private final StatefulRedisClusterConnection<String, String> connection;

    /**
     * Connects the shared connection.
     *
     * @param client the Lettuce cluster client, on the cluster's seed nodes
     * @param ownsClient whether {@link #close()} shuts the client down
     * @param prefix the key prefix, whose hash tag routes scripts without keys (flows)
     */
    public ClusterConnections(RedisClusterClient client, boolean ownsClient, String prefix) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.prefix = prefix;
        this.connection = client.connect(StringCodec.UTF8);
    }

    /**
     * The seed URIs of a {@code redis-cluster://[[user]:password@]host:port[,host:port...][?params]}
     * URL ({@code rediss-cluster://} for TLS); the credentials and Lettuce parameters apply to
     * every seed.
     *
     * @throws IllegalArgumentException for a malformed URL or one naming a database other than 0
     */
    public static List<RedisURI> seeds(String url, Duration commandTimeout) {
        String lower = url.toLowerCase(Locale.ROOT);
        String scheme;
        if (lower.startsWith("redis-cluster://")) {
            scheme = "redis://";
        } else if (lower.startsWith("rediss-cluster://")) {
            scheme = "rediss://";
        } else {
            throw new IllegalArgumentException("not a cluster URL (redis-cluster:// or rediss-cluster://): " + url);
        }
        String rest = url.substring(url.indexOf("://") + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String db = rest.substring(slash + 1);
            if (!db.isEmpty() && !"0".equals(db)) {
                throw new IllegalArgumentException("Redis Cluster has only database 0, the URL names " + db
                        + ": " + redact(url));
            }
            rest = rest.substring(0, slash);
        }
        String userInfo = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at + 1);
            rest = rest.substring(at + 1);
        }
        List<RedisURI> seeds = new ArrayList<>();
        for (String hostPort : rest.split(",")) {
            if (hostPort.isBlank()) {
                continue;
            }
            RedisURI uri = RedisURI.create(scheme + userInfo + hostPort.strip() + query);
            uri.setTimeout(commandTimeout);
            seeds.add(uri);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a cluster URL needs at least one host:port: " + redact(url));
        }
        return seeds;
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return connection.async();
    }

    @Override
    public CompletionStage<Object> evalsha(String sha, ScriptOutputType output, String[] keys, String[] args) {
        if (keys.length > 0) {
            return connection.async().evalsha(sha, output, keys, args);
        }
        String tag = RedisConnections.hashTag(prefix + ":");
        if (tag == null) {
            throw new IllegalArgumentException("in Redis Cluster mode, operations that span queues (flows) need"
                    + " the hash tag in the prefix, e.g. prefix \"{" + prefix + "}\", so that every queue's keys"
                    + " share one slot; the prefix is \"" + prefix + "\"");
        }
        int slot = SlotHash.getSlot(tag);
        RedisClusterNode master = connection.getPartitions().getMasterBySlot(slot);
        if (master == null) {
            throw new IllegalStateException("no master is known for slot " + slot + " of hash tag {" + tag + "}");
        }
        // Asynchronously: this may run on a Lettuce thread (a retry after NOSCRIPT), which must not block.
        return connection.getConnectionAsync(master.getNodeId())
                .thenCompose(node -> node.async().evalsha(sha, output, keys, args));
    }

    @Override
    public RedisFuture<String> scriptLoad(String source) {
        // Lettuce's cluster connection runs SCRIPT LOAD on every master.
        return connection.async().scriptLoad(source);
    }

    @Override
    public Dedicated dedicated(String clientName) {
        StatefulRedisClusterConnection<String, String> conn = client.connect(StringCodec.UTF8);
        if (clientName != null) {
            // Lettuce sets the name on every node connection, and again after a reconnect.
            conn.sync().clientSetname(clientName);
        }
        return new Dedicated(conn, conn.async());
    }

    @Override
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client.connectPubSub(StringCodec.UTF8);
    }

    @Override
    public List<String> scan(String pattern) {
        List<String> keys = new ArrayList<>();
        for (RedisClusterNode node : connection.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                keys.addAll(ScanKeys.all(connection.getConnection(node.getNodeId()).sync(), pattern));
            }
        }
        return keys;
    }

    @Override
    public String clientList(String key) {
        int slot = SlotHash.getSlot(key);
        RedisClusterNode master = connection.getPartitions().getMasterBySlot(slot);
        if (master == null) {
            throw new IllegalStateException("no master is known for slot " + slot + " of key " + key);
        }
        String list = connection.getConnection(master.getNodeId()).sync().clientList();
        // A cluster client names every connection it opens to every node, the idle ones too (Lettuce's
        // CLIENT SETNAME on a cluster connection, ioredis' connectionName), so one worker has several
        // named connections here; only the one it blocks on for jobs has run BZPOPMIN.
        StringBuilder blocking = new StringBuilder();
        for (String line : list.split("\r?\n")) {
            if (line.contains(" cmd=bzpopmin ")) {
                blocking.append(line).append('\n');
            }
        }
        return blocking.toString();
    }

    @Override
    public String serverVersion() {
        return ServerInfo.version(connection.sync().info("server"));
    }

    @Override
    public void requireOneSlot(String prefix, String queue) {
        if (RedisConnections.hashTag(prefix + ":" + queue + ":") == null) {
            throw new IllegalArgumentException("in Redis Cluster mode all keys of a queue must hash to one slot:"
                    + " put a hash tag in the prefix (e.g. prefix \"{" + prefix + "}\", required for flows across"
                    + " queues) or in the queue name (e.g. \"{" + queue + "}\"); got prefix \"" + prefix
                    + "\" and queue \"" + queue + "\"");
        }
    }

    @Override
    public void close() {
        connection.close();
        if (ownsClient) {
            client.shutdown();
        }
    }

}
