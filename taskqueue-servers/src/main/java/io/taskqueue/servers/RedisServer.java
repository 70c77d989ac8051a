package io.taskqueue.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
  * A Redis server for integration tests: an existing one named by {@value ServerSettings#REDIS_URL},
  * or a private {@code redis-server} process on a free loopback port.
  *
  * <p>{@link #start()} chooses, in order: the URL from the environment (an <em>external</em> server,
  * never stopped by us); {@code redis-server} on the {@code PATH}; the binary shipped in the
  * {@code com.github.codemonstur:embedded-redis} jar. A private server runs without persistence
  * ({@code --save "" --appendonly no}) in its own temporary directory, so nothing survives it.
  *
  * <p>{@link #stop()} and {@link #restart()} exist for fault tests; a restart keeps the port, so
  * clients configured with {@link #uri()} reconnect to the new process. Closing a private server
  * kills it and deletes its directory; closing an external one does nothing.
  */
public final class RedisServer implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 3;

    private final URI uri;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int database;
    /** {@code null} for an external server. */
    private final Path binary;
    private final Path workDir;

    /** The running process of a private server, or {@code null}. */
    private RedisProcess process;
    private boolean closed;
    private String version;
    /** Set for the view of a {@link RedisClusterServer}; see {@link #isCluster()}. */
    private boolean cluster;

    private RedisServer(URI uri, String host, int port, String user, String password, int database,
            Path binary, Path workDir) {
        this.uri = uri;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
        this.binary = binary;
        this.workDir = workDir;
    }

    /** The server for this environment; see the class comment for the order of choices. */
    public static RedisServer start() {
        return start(ServerSettings.fromEnvironment());
    }

    /** Like {@link #start()}, with explicit settings. */
    public static RedisServer start(ServerSettings settings) {
        if (settings.redisUrl().isPresent()) {
            return connect(settings.redisUrl().get());
        }
        return start(RedisBinaries.locate(settings.path(), () -> RedisBinaries.embedded("")));
    }

    /**
      * Starts a private server from a specific binary, e.g. {@link #embeddedBinary(String)} to test
      * against another Redis version.
      */
    public static RedisServer start(Path binary) {
        return startPrivate(binary, null);
    }

    /**
      * Starts a private server that requires {@code password} ({@code requirepass}), from the binary
      * {@link #start(ServerSettings)} would run; a URL in the settings is ignored, since a test of
      * authentication needs a server of its own. {@link #client()} authenticates with the password,
      * and {@link #uri()} carries it ({@code redis://:<password>@127.0.0.1:<port>}).
      */
    public static RedisServer startWithPassword(ServerSettings settings, String password) {
        if (password == null || password.isEmpty() || password.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a Redis password must be non-empty and without whitespace");
        }
        return startPrivate(RedisBinaries.locate(settings.path(), () -> RedisBinaries.embedded("")), password);
    }

    private static RedisServer startPrivate(Path binary, String password) {
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new IllegalStateException("Redis binary " + binary + " does not exist or is not"
                    + " executable. " + RedisBinaries.HINT);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tq-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a private Redis", e);
        }
        RedisProcess.PortInUseException lastClash = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = LocalProcesses.freePort();
            String userInfo = password == null ? ""
                    : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@";
            RedisServer server = new RedisServer(URI.create("redis://" + userInfo + "127.0.0.1:" + port), "127.0.0.1",
                    port, null, password, 0, binary.toAbsolutePath(), dir);
            try {
                server.launch();
                return server;
            } catch (RedisProcess.PortInUseException e) {
                lastClash = e; // another process took the port between probe and bind: try a fresh one
            } catch (RuntimeException e) {
                LocalProcesses.deleteTree(dir);
                throw e;
            }
        }
        LocalProcesses.deleteTree(dir);
        throw new IllegalStateException("could not start " + binary + " on a free port after "
                + PORT_ATTEMPTS + " attempts", lastClash);
    }

    /**
      * Uses an existing server. Supports {@code redis://[[user]:password@]host[:port][/database]};
      * fails at once, naming the URL, when nothing answers there.
      */
    public static RedisServer connect(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis URL: " + url, e);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("unsupported Redis URL '" + redact(uri) + "': expected"
                    + " redis://[[user]:password@]host[:port][/database] (TLS is not supported for tests)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? "" : info.substring(0, colon);
            String rawPassword = colon < 0 ? info : info.substring(colon + 1);
            user = rawUser.isEmpty() ? null : URLDecoder.decode(rawUser, StandardCharsets.UTF_8);
            password = URLDecoder.decode(rawPassword, StandardCharsets.UTF_8);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int database;
        try {
            database = path.isEmpty() ? 0 : Integer.parseInt(path);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad database number in Redis URL " + redact(uri), e);
        }
        RedisServer server = new RedisServer(uri, uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(),
                user, password, database, null, null);
        try {
            server.ping();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis at " + redact(uri) + " (from " + ServerSettings.REDIS_URL
                    + ") does not answer: " + e.getMessage() + ". Start that server, fix the URL, or unset "
                    + ServerSettings.REDIS_URL + " to let the tests start a private one.", e);
        }
        return server;
    }

    /**
      * A view of a running Redis Cluster as a server, so that tests written against
      * {@code RedisServer} run on the cluster unchanged: {@link #uri()} is the cluster's
      * {@code redis-cluster://host:port,...} URL, {@link #client()} a redirect-following
      * {@link RespClient#connectCluster cluster client} starting at {@code host:port}, and
      * {@link #isCluster()} tells key-prefix helpers to add a hash tag. The view does not own the
      * processes: it counts as external (cannot be stopped) and closing it does nothing.
      */
    static RedisServer clusterView(URI uri, String host, int port) {
        RedisServer view = new RedisServer(uri, host, port, null, null, 0, null, null);
        view.cluster = true;
        return view;
    }

    /**
      * The {@code redis-server} shipped in embedded-redis whose version starts with {@code version}
      * (e.g. {@code "6.2"}), extracted to a private temporary file; empty when the jar has none for
      * this platform (or is not on the class path).
      */
    public static Optional<Path> embeddedBinary(String version) {
        return RedisBinaries.embedded(version);
    }

    /**
      * The versions embedded-redis ships for this platform, newest first, as named in the jar
      * (e.g. {@code "6.2.6-v5"}; the binary itself may report a later patch release).
      */
    public static List<String> embeddedVersions() {
        return RedisBinaries.embeddedVersions();
    }

    /** {@code redis://host:port}, or the external URL as configured (credentials included). */
    public URI uri() {
        return uri;
    }

    /** Host name or address to connect to. */
    public String host() {
        return host;
    }

    /** TCP port; stays the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    /** Logical database number from the URL; 0 for a private server. */
    public int database() {
        return database;
    }

    /** Whether this server came from {@value ServerSettings#REDIS_URL} and is not ours to stop. */
    public boolean isExternal() {
        return binary == null;
    }

    /**
      * Whether this is the view of a {@link RedisClusterServer} (see {@link RedisClusterServer#asServer()}):
      * keys used together must then carry one hash tag so they share a slot.
      */
    public boolean isCluster() {
        return cluster;
    }

    /** The binary a private server runs; empty for an external server. */
    public Optional<Path> binary() {
        return Optional.ofNullable(binary);
    }

    /** The {@code redis_version} reported by {@code INFO server}, e.g. {@code 7.0.15}. */
    public synchronized String version() {
        if (version == null) {
            try (RespClient client = client()) {
                version = client.info("server").lines()
                        .filter(l -> l.startsWith("redis_version:"))
                        .map(l -> l.substring("redis_version:".length()).strip())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("INFO server has no redis_version"));
            }
        }
        return version;
    }

    /** A new raw connection, authenticated and on the right database; the caller closes it. */
    public RespClient client() {
        if (cluster) {
            return RespClient.connectCluster(host, port);
        }
        return RespClient.connect(host, port, user, password, database);
    }

    /** Sends {@code PING} on a fresh connection; returns {@code PONG} or throws. */
    public String ping() {
        try (RespClient client = client()) {
            return client.ping();
        }
    }

    /** Whether the server process is up (always {@code true} for an external server). */
    public synchronized boolean isRunning() {
        return isExternal() || (process != null && process.isAlive());
    }

    /**
      * Stops the server process (graceful, then forced); {@link #restart()} brings it back.
      *
      * @throws UnsupportedOperationException for an external server
      */
    public synchronized void stop() {
        requirePrivate("stop");
        halt();
    }

    /**
      * Stops the server if it runs and starts a fresh process on the same port. Data is lost: the
      * server keeps nothing on disk.
      *
      * @throws UnsupportedOperationException for an external server
      */
    public synchronized void restart() {
        requirePrivate("restart");
        if (closed) {
            throw new IllegalStateException("this RedisServer is closed");
        }
        halt();
        // The old socket may linger briefly after the process dies; retry for a short while.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                launch();
                return;
            } catch (RedisProcess.PortInUseException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " stayed busy after stopping Redis", e);
                }
                LocalProcesses.pause(100);
            }
        }
    }

    /** Kills a private server and deletes its directory; does nothing for an external server. */
    @Override
    public synchronized void close() {
        if (isExternal() || closed) {
            return;
        }
        closed = true;
        halt();
        LocalProcesses.deleteTree(workDir);
    }

    @Override
    public String toString() {
        return "RedisServer[" + redact(uri) + (isExternal() ? ", external" : ", " + binary) + "]";
    }

    private void requirePrivate(String action) {
        if (isExternal()) {
            throw new UnsupportedOperationException("cannot " + action + " the external Redis at "
                    + redact(uri) + " (from " + ServerSettings.REDIS_URL + "): tests only control servers they"
                    + " started. Unset " + ServerSettings.REDIS_URL + " to run this test against a private"
                    + " server.");
        }
    }

    /** Starts the private server's process; {@link RedisProcess.PortInUseException} when the port was taken. */
    private void launch() {
        List<String> args = new java.util.ArrayList<>(RedisProcess.serverArgs(port, workDir));
        if (password != null) {
            // A private server's password is its only one: the default user's (requirepass).
            args.addAll(List.of("--requirepass", password));
        }
        process = RedisProcess.start(binary, args, workDir, workDir.resolve("redis.log"), "redis-" + port, port,
                password);
    }

    private void halt() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    private static String redact(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }
}
