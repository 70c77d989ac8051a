package io.taskqueue.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
  * A private Redis Sentinel setup for integration tests: one master, one replica and 1 to 3
  * sentinels ({@code redis-server <config> --sentinel}) monitoring it under the name
  * {@value #MASTER_NAME}, all started from the binary {@link RedisServer} uses, on free loopback
  * ports, without persistence.
  *
  * <p>{@link #start} returns when the replica is in sync and every sentinel knows the replica and
  * the other sentinels, so a {@link #failover()} can run at once. {@link #failover()} asks a
  * sentinel for a failover; {@link #killMaster()} kills the master process and lets the sentinels
  * notice. Both wait until the sentinels report the former replica as master.
  *
  * <pre>{@code
  * try (RedisSentinelServer sentinel = RedisSentinelServer.start()) {
  *     RedisBackend backend = RedisBackend.create(sentinel.uri().toString());
  *     sentinel.failover();   // the backend's connections move to the new master
  * }
  * }</pre>
  *
  * <p>Every process is killed by a JVM shutdown hook if the test run dies before {@link #close()}.
  */
public final class RedisSentinelServer implements AutoCloseable {

    /** The name the sentinels monitor the master under. */
    public static final String MASTER_NAME = "tqmaster";

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(60);
    private static final int DOWN_AFTER_MILLIS = 1000;
    private static final int PORT_ATTEMPTS = 10;

    private final Path binary;
    private final Path workDir;
    private final List<Instance> servers = new ArrayList<>();
    private final List<Instance> sentinels = new ArrayList<>();
    private boolean closed;

    /**
      * A host and port.
      *
      * @param host loopback address
      * @param port TCP port
      */
    public record Address(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private RedisSentinelServer(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** A master, a replica and one sentinel, from the binary {@link RedisServer#start()} would use. */
    public static RedisSentinelServer start() {
        return start(1);
    }

    /** A master, a replica and {@code sentinels} (1 to 3) sentinels, from the default binary. */
    public static RedisSentinelServer start(int sentinels) {
        ServerSettings settings = ServerSettings.fromEnvironment();
        return start(RedisBinaries.locate(settings.path(), () -> RedisBinaries.embedded("")), sentinels);
    }

    /**
      * Starts the setup from a specific binary.
      *
      * @throws IllegalStateException when a process cannot start or the setup does not settle in
      *     time; everything started so far is stopped first
      */
    public static RedisSentinelServer start(Path binary, int sentinels) {
        if (sentinels < 1 || sentinels > 3) {
            throw new IllegalArgumentException("1 to 3 sentinels, not " + sentinels);
        }
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new IllegalStateException("Redis binary " + binary + " does not exist or is not"
                    + " executable. " + RedisBinaries.HINT);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tq-redis-sentinel-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a private Redis Sentinel setup", e);
        }
        RedisSentinelServer setup = new RedisSentinelServer(binary.toAbsolutePath(), dir);
        try {
            Instance master = setup.launch("master", port -> List.of());
            setup.servers.add(master);
            Instance replica = setup.launch("replica", port -> List.of("--replicaof", "127.0.0.1",
                    Integer.toString(master.port)));
            setup.servers.add(replica);
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            setup.awaitUntil(deadline, () -> setup.info(replica.port, "replication").contains("master_link_status:up"),
                    "the replica to sync with the master");
            int quorum = sentinels / 2 + 1;
            for (int i = 0; i < sentinels; i++) {
                setup.sentinels.add(setup.launchSentinel(i, master.port, quorum));
            }
            for (Instance s : setup.sentinels) {
                setup.awaitUntil(deadline, () -> setup.sentinelKnowsEverything(s.port, sentinels - 1),
                        "sentinel " + s.port + " to discover the replica and the other sentinels");
            }
            return setup;
        } catch (RuntimeException e) {
            setup.close();
            throw e;
        }
    }

    /**
      * The Lettuce-style URL of the sentinels:
      * {@code redis-sentinel://127.0.0.1:s1,127.0.0.1:s2?sentinelMasterId=tqmaster}.
      */
    public URI uri() {
        return URI.create("redis-sentinel://" + sentinels().stream().map(Address::toString)
                .collect(Collectors.joining(",")) + "?sentinelMasterId=" + MASTER_NAME);
    }

    /** The sentinels' addresses. */
    public List<Address> sentinels() {
        return sentinels.stream().map(s -> new Address("127.0.0.1", s.port)).toList();
    }

    /** The current master, as the first answering sentinel reports it. */
    public synchronized Address master() {
        RuntimeException last = null;
        for (Instance s : sentinels) {
            if (!s.process.isAlive()) {
                continue;
            }
            try (RespClient client = RespClient.connect("127.0.0.1", s.port, null, null, 0)) {
                List<?> reply = (List<?>) client.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
                return new Address((String) reply.get(0), Integer.parseInt((String) reply.get(1)));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no sentinel answers", last);
    }

    /** A raw connection to the current master; the caller closes it. */
    public RespClient masterClient() {
        Address master = master();
        return RespClient.connect(master.host(), master.port(), null, null, 0);
    }

    /**
      * Runs {@code SENTINEL FAILOVER} and waits until the replica is the master, the sentinels say
      * so, and the former master has been turned into its replica (the sentinels then disconnect
      * its clients, so they reconnect to the new master). Returns the new master.
      */
    public synchronized Address failover() {
        Address old = master();
        try (RespClient client = RespClient.connect("127.0.0.1", liveSentinel().port, null, null, 0)) {
            client.call("SENTINEL", "FAILOVER", MASTER_NAME);
        }
        Address promoted = awaitNewMaster(old);
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        awaitUntil(deadline, () -> {
            String replication = info(old.port(), "replication");
            return replication.contains("role:slave") && replication.contains("master_port:" + promoted.port());
        }, "the former master " + old + " to become a replica of " + promoted);
        return promoted;
    }

    /**
      * Kills the master process (as a crash would) and waits until the sentinels have promoted the
      * replica. The old master stays down. Returns the new master.
      */
    public synchronized Address killMaster() {
        Address old = master();
        for (Instance s : servers) {
            if (s.port == old.port()) {
                s.process.kill();
            }
        }
        return awaitNewMaster(old);
    }

    private Address awaitNewMaster(Address old) {
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        Address[] now = new Address[1];
        awaitUntil(deadline, () -> {
            for (Instance s : sentinels) {
                try (RespClient client = RespClient.connect("127.0.0.1", s.port, null, null, 0)) {
                    List<?> reply = (List<?>) client.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
                    if (Integer.parseInt((String) reply.get(1)) == old.port()) {
                        return false;
                    }
                }
            }
            now[0] = master();
            return info(now[0].port(), "replication").contains("role:master");
        }, "the sentinels to promote a new master instead of " + old);
        return now[0];
    }

    /** Kills every process and deletes the directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Instance s : sentinels) {
            s.halt();
        }
        for (Instance s : servers) {
            s.halt();
        }
        LocalProcesses.deleteTree(workDir);
    }

    @Override
    public String toString() {
        return "RedisSentinelServer[" + uri() + ", " + binary + "]";
    }

    // ---- starting ----

    private Instance liveSentinel() {
        return sentinels.stream().filter(s -> s.process.isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sentinel is running"));
    }

    private boolean sentinelKnowsEverything(int port, int otherSentinels) {
        try (RespClient client = RespClient.connect("127.0.0.1", port, null, null, 0)) {
            List<?> replicas = (List<?>) client.call("SENTINEL", "REPLICAS", MASTER_NAME);
            if (replicas.isEmpty() || !String.valueOf(replicas.get(0)).contains("master-link-status, ok")) {
                return false;
            }
            return ((List<?>) client.call("SENTINEL", "SENTINELS", MASTER_NAME)).size() >= otherSentinels;
        }
    }

    private String info(int port, String section) {
        try (RespClient client = RespClient.connect("127.0.0.1", port, null, null, 0)) {
            return client.info(section);
        } catch (RuntimeException down) {
            return "";
        }
    }

    private Instance launchSentinel(int index, int masterPort, int quorum) {
        Path dir = workDir.resolve("sentinel-" + index);
        return launch("sentinel-" + index, port -> {
            Path config = dir.resolve("sentinel-" + port + ".conf");
            try {
                Files.createDirectories(dir);
                Files.writeString(config, String.join("\n",
                        "port " + port,
                        "bind 127.0.0.1",
                        "dir " + dir,
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " " + quorum,
                        "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
                        "sentinel failover-timeout " + MASTER_NAME + " 10000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1",
                        ""), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + config, e);
            }
            return List.of(config.toString(), "--sentinel");
        });
    }

    /**
      * Starts one process on a free port: a server with {@code extraArgs(port)} appended to the
      * usual private-server arguments, or, when the extra arguments start with a config file, a
      * sentinel with that file.
      */
    private Instance launch(String name, java.util.function.IntFunction<List<String>> extraArgs) {
        Path dir = workDir.resolve(name);
        RuntimeException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = LocalProcesses.freePort();
            List<String> extra = extraArgs.apply(port);
            List<String> args = new ArrayList<>();
            if (!extra.isEmpty() && extra.get(extra.size() - 1).equals("--sentinel")) {
                args.addAll(extra);
            } else {
                args.addAll(RedisProcess.serverArgs(port, dir));
                args.addAll(extra);
            }
            try {
                return new Instance(RedisProcess.start(binary, args, dir, dir.resolve("redis-" + port + ".log"),
                        "redis-" + name + "-" + port, port, null));
            } catch (RedisProcess.PortInUseException e) {
                last = e;
            }
        }
        throw new IllegalStateException("could not start " + name + " on a free port after " + PORT_ATTEMPTS
                + " attempts", last);
    }

    private void awaitUntil(long deadline, BooleanSupplier condition, String what) {
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a process restarting or a sentinel still busy: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + " (logs in " + workDir + ")");
            }
            LocalProcesses.pause(50);
        }
    }

    /** One server or sentinel of the set-up. */
    private static final class Instance {
        private final int port;
        private final RedisProcess process;

        Instance(RedisProcess process) {
            this.port = process.port();
            this.process = process;
        }

        void halt() {
            process.stop();
        }
    }
}
