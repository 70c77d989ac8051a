package io.taskqueue.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
  * A private Redis Cluster for integration tests: N masters (3 by default), optionally with
  * replicas, started from the same {@code redis-server} binary {@link RedisServer} uses
  * ({@code PATH}, else the embedded one), each on a free loopback port, without persistence, in a
  * temporary directory.
  *
  * <p>The cluster is formed without {@code redis-cli}: every node gets a distinct config epoch, the
  * masters claim equal slot ranges with {@code CLUSTER ADDSLOTS}, the first node {@code CLUSTER
  * MEET}s the others, replicas {@code CLUSTER REPLICATE} their master, and {@link #start} returns
  * when every node reports {@code cluster_state:ok}, knows every other node and sees all 16384 slots
  * assigned.
  *
  * <pre>{@code
  * try (RedisClusterServer cluster = RedisClusterServer.start()) {
  *     RedisBackend backend = RedisBackend.create(RedisBackendOptions.builder()
  *             .url(cluster.uri().toString()).prefix("{t}").build());
  * }
  * }</pre>
  *
  * <p>Every process is killed by a JVM shutdown hook if the test run dies before {@link #close()}.
  */
public final class RedisClusterServer implements AutoCloseable {

    /** The number of hash slots of a Redis Cluster. */
    public static final int SLOTS = 16384;

    private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(30);
    private static final int NODE_TIMEOUT_MILLIS = 3000;
    /** Redis Cluster's bus port is the client port plus this (before 7.0 it cannot be configured). */
    private static final int BUS_PORT_OFFSET = 10_000;
    private static final int PORT_ATTEMPTS = 20;

    private final Path binary;
    private final Path workDir;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final int masters;
    private boolean closed;

    /**
      * One node of the cluster.
      *
      * @param host   loopback address
      * @param port   client port (the bus port is {@code port + 10000})
      * @param id     the node id ({@code CLUSTER MYID})
      * @param master whether the node was started as a master
      */
    public record Node(String host, int port, String id, boolean master) {
        /** {@code host:port}. */
        public String address() {
            return host + ":" + port;
        }
    }

    private RedisClusterServer(Path binary, Path workDir, int masters) {
        this.binary = binary;
        this.workDir = workDir;
        this.masters = masters;
    }

    /** Three masters, no replicas, from the binary {@link RedisServer#start()} would use. */
    public static RedisClusterServer start() {
        return start(3, 0);
    }

    /** {@code masters} masters with {@code replicasPerMaster} replicas each, from the default binary. */
    public static RedisClusterServer start(int masters, int replicasPerMaster) {
        ServerSettings settings = ServerSettings.fromEnvironment();
        return start(RedisBinaries.locate(settings.path(), () -> RedisBinaries.embedded("")), masters,
                replicasPerMaster);
    }

    /**
      * Starts a cluster from a specific binary (Redis 6.2 or newer).
      *
      * @throws IllegalStateException when a node cannot start or the cluster does not form in time;
      *     everything started so far is stopped first
      */
    public static RedisClusterServer start(Path binary, int masters, int replicasPerMaster) {
        if (masters < 1 || replicasPerMaster < 0) {
            throw new IllegalArgumentException("need at least one master and no negative replica count: "
                    + masters + "/" + replicasPerMaster);
        }
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new IllegalStateException("Redis binary " + binary + " does not exist or is not"
                    + " executable. " + RedisBinaries.HINT);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tq-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a private Redis Cluster", e);
        }
        RedisClusterServer cluster = new RedisClusterServer(binary.toAbsolutePath(), dir, masters);
        try {
            int total = masters * (1 + replicasPerMaster);
            for (int i = 0; i < total; i++) {
                cluster.nodes.add(cluster.launchNode(i, i < masters));
            }
            cluster.form(replicasPerMaster);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The cluster's URL for taskqueue-redis: {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,...}. */
    public URI uri() {
        return URI.create("redis-cluster://" + nodes.stream().map(n -> n.node.address())
                .collect(Collectors.joining(",")));
    }

    /** The nodes, masters first, in start order. */
    public List<Node> nodes() {
        return nodes.stream().map(n -> n.node).toList();
    }

    /** The seed list {@code host:port,host:port,...}, e.g. for ioredis' {@code new Cluster(...)}. */
    public List<Map<String, Object>> seeds() {
        return nodes.stream().map(n -> Map.<String, Object>of("host", n.node.host(), "port", n.node.port())).toList();
    }

    /**
      * This cluster seen as a {@link RedisServer} (not owning the processes), so tests written for
      * one server run here unchanged; see {@link RedisServer#isCluster()}.
      */
    public RedisServer asServer() {
        Node first = nodes.get(0).node;
        return RedisServer.clusterView(uri(), first.host(), first.port());
    }

    /** A redirect-following raw client (see {@link RespClient#connectCluster}); the caller closes it. */
    public RespClient client() {
        Node first = nodes.get(0).node;
        return RespClient.connectCluster(first.host(), first.port());
    }

    /** The master that owns {@code key}'s slot, asked from the cluster ({@code CLUSTER SLOTS}). */
    public Node masterFor(String key) {
        int slot = slot(key);
        try (RespClient client = client()) {
            for (Object range : (List<?>) client.call("CLUSTER", "SLOTS")) {
                List<?> r = (List<?>) range;
                if (slot >= (Long) r.get(0) && slot <= (Long) r.get(1)) {
                    int port = ((Long) ((List<?>) r.get(2)).get(1)).intValue();
                    return nodes.stream().map(n -> n.node).filter(n -> n.port() == port).findFirst()
                            .orElseThrow(() -> new IllegalStateException("slot " + slot + " is owned by unknown port " + port));
                }
            }
        }
        throw new IllegalStateException("no master owns slot " + slot);
    }

    /** The hash slot of a key, as Redis Cluster computes it (CRC16/XMODEM of the hash tag or key). */
    public static int slot(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int end = bytes.length;
        int open = indexOf(bytes, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(bytes, (byte) '}', open + 1);
            if (close > open + 1) {
                start = open + 1;
                end = close;
            }
        }
        int crc = 0;
        for (int i = start; i < end; i++) {
            crc ^= (bytes[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return (crc & 0xffff) % SLOTS;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Kills every node and deletes the directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (NodeProcess n : nodes) {
            n.halt();
        }
        LocalProcesses.deleteTree(workDir);
    }

    @Override
    public String toString() {
        return "RedisClusterServer[" + uri() + ", " + binary + "]";
    }

    // ---- starting ----

    private NodeProcess launchNode(int index, boolean master) {
        Path dir = workDir.resolve("node-" + index);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = clusterPort();
            if (port < 0) {
                continue;
            }
            List<String> args = new ArrayList<>(RedisProcess.serverArgs(port, dir));
            args.addAll(List.of("--cluster-enabled", "yes",
                    "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                    "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MILLIS)));
            RedisProcess process;
            try {
                process = RedisProcess.start(binary, args, dir, dir.resolve("redis.log"), "redis-cluster-" + port,
                        port, null);
            } catch (RedisProcess.PortInUseException e) {
                last = e; // lost the port race; try another one
                continue;
            }
            NodeProcess n = new NodeProcess(process);
            try (RespClient client = RespClient.connect("127.0.0.1", port, null, null, 0)) {
                n.node = new Node("127.0.0.1", port, (String) client.call("CLUSTER", "MYID"), master);
                return n;
            } catch (RuntimeException e) {
                n.halt();
                throw e;
            }
        }
        throw new IllegalStateException("could not start a cluster node on a free port after " + PORT_ATTEMPTS
                + " attempts", last);
    }

    /** A free port whose bus port (+10000) is free as well, or -1. */
    private static int clusterPort() {
        int port = LocalProcesses.freePort();
        if (port + BUS_PORT_OFFSET > 65_535) {
            return -1;
        }
        try (ServerSocket bus = new ServerSocket(port + BUS_PORT_OFFSET, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException busy) {
            return -1;
        }
    }

    private void form(int replicasPerMaster) {
        for (int i = 0; i < nodes.size(); i++) {
            try (RespClient client = connect(nodes.get(i).node)) {
                client.call("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
                if (i < masters) {
                    int from = i * SLOTS / masters;
                    int to = (i + 1) * SLOTS / masters;
                    String[] args = new String[2 + to - from];
                    args[0] = "CLUSTER";
                    args[1] = "ADDSLOTS";
                    for (int s = from; s < to; s++) {
                        args[2 + s - from] = Integer.toString(s);
                    }
                    client.call(args);
                }
            }
        }
        try (RespClient first = connect(nodes.get(0).node)) {
            for (int i = 1; i < nodes.size(); i++) {
                first.call("CLUSTER", "MEET", nodes.get(i).node.host(), Integer.toString(nodes.get(i).node.port()));
            }
        }
        long deadline = System.nanoTime() + FORMATION_TIMEOUT.toNanos();
        for (int i = masters; i < nodes.size(); i++) {
            Node replica = nodes.get(i).node;
            Node master = nodes.get((i - masters) / replicasPerMaster).node;
            try (RespClient client = connect(replica)) {
                // The replica must have learnt of its master through the gossip first.
                awaitUntil(deadline, () -> String.valueOf(client.call("CLUSTER", "NODES")).contains(master.id()),
                        "node " + replica.address() + " to learn of " + master.address());
                client.call("CLUSTER", "REPLICATE", master.id());
            }
        }
        for (NodeProcess n : nodes) {
            try (RespClient client = connect(n.node)) {
                awaitUntil(deadline, () -> {
                    String info = (String) client.call("CLUSTER", "INFO");
                    return info.contains("cluster_state:ok")
                            && info.contains("cluster_slots_assigned:" + SLOTS)
                            && info.contains("cluster_known_nodes:" + nodes.size());
                }, "node " + n.node.address() + " to see the whole cluster (cluster_state:ok)");
            }
        }
        for (int i = masters; i < nodes.size(); i++) {
            Node replica = nodes.get(i).node;
            try (RespClient client = connect(replica)) {
                awaitUntil(deadline, () -> client.info("replication").contains("master_link_status:up"),
                        "replica " + replica.address() + " to sync");
            }
        }
    }

    private static RespClient connect(Node node) {
        return RespClient.connect(node.host(), node.port(), null, null, 0);
    }

    private void awaitUntil(long deadline, java.util.function.BooleanSupplier condition, String what) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (NodeProcess n : nodes) {
                    if (n.node != null) {
                        logs.append("\n--- node ").append(n.node.address()).append(":\n")
                                .append(LocalProcesses.tail(workDir.resolve("node-" + nodes.indexOf(n)).resolve("redis.log"), 10));
                    }
                }
                throw new IllegalStateException("timed out after " + FORMATION_TIMEOUT.toSeconds() + "s waiting for "
                        + what + logs);
            }
            LocalProcesses.pause(50);
        }
    }

    /** A node and its process. */
    private static final class NodeProcess {
        private final RedisProcess process;
        private Node node;

        NodeProcess(RedisProcess process) {
            this.process = process;
        }

        void halt() {
            process.stop();
        }
    }
}
