package io.taskqueue.servers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
  * Finds a {@code redis-server} executable: on the {@code PATH}, or inside the
  * {@code com.github.codemonstur:embedded-redis} jar.
  *
  * <p>The embedded jar is used only as a carrier of binaries; its Java API is not used because we
  * need control over the command line (port, no persistence, private directory) and over restarts.
  */
final class RedisBinaries {

    /** Resource names in the embedded-redis jar look like {@code redis-server-6.2.6-v5-linux-amd64}. */
    private static final String RESOURCE_PREFIX = "redis-server-";
    /** A class that is always in the embedded-redis jar; used to find the jar on the class path. */
    private static final String MARKER = "redis/embedded/RedisServer.class";

    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private RedisBinaries() {}

    /**
      * Picks the binary for a private server: {@code redis-server} on the PATH, else the newest
      * embedded one. Fails with a message that says what to install or which variable to set.
      */
    static Path locate(String pathVariable, java.util.function.Supplier<Optional<Path>> embedded) {
        Optional<Path> onPath = onPath(pathVariable);
        if (onPath.isPresent()) {
            return onPath.get();
        }
        RuntimeException embeddedFailure = null;
        try {
            Optional<Path> extracted = embedded.get();
            if (extracted.isPresent()) {
                return extracted.get();
            }
        } catch (RuntimeException e) {
            embeddedFailure = e;
        }
        IllegalStateException missing = new IllegalStateException(missingMessage());
        if (embeddedFailure != null) {
            missing.addSuppressed(embeddedFailure);
        }
        throw missing;
    }

    /** What a user can do about any private-server failure. */
    static final String HINT = "Install Redis (e.g. 'apt-get install redis-server' or"
            + " 'brew install redis'), or point the tests at a running server with "
            + ServerSettings.REDIS_URL + "=redis://127.0.0.1:6379/0";

    static String missingMessage() {
        return "No Redis server for the tests: 'redis-server' is not on the PATH and the"
                + " com.github.codemonstur:embedded-redis jar has no binary for this platform ("
                + platformSuffix().orElse(System.getProperty("os.name") + "/" + System.getProperty("os.arch"))
                + "). " + HINT;
    }

    /** The first executable {@code redis-server} in the given PATH value. */
    static Optional<Path> onPath(String pathVariable) {
        String name = isWindows() ? "redis-server.exe" : "redis-server";
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Versions shipped in the embedded-redis jar for this platform, newest first. */
    static List<String> embeddedVersions() {
        Optional<String> suffix = platformSuffix();
        if (suffix.isEmpty()) {
            return List.of();
        }
        List<String> versions = new ArrayList<>();
        for (String name : embeddedResourceNames()) {
            if (name.startsWith(RESOURCE_PREFIX) && name.endsWith(suffix.get())) {
                versions.add(name.substring(RESOURCE_PREFIX.length(), name.length() - suffix.get().length()));
            }
        }
        versions.sort(Comparator.comparing(RedisBinaries::versionKey).reversed());
        return versions;
    }

    /**
      * Extracts the embedded binary whose version starts with {@code version} (e.g. {@code "6.2"}),
      * newest match first; empty when the jar has none for this platform.
      */
    static Optional<Path> embedded(String version) {
        return embeddedVersions().stream()
                .filter(v -> v.equals(version) || v.startsWith(version + ".") || v.startsWith(version + "-")
                        || version.isEmpty())
                .findFirst()
                .map(v -> EXTRACTED.computeIfAbsent(RESOURCE_PREFIX + v + platformSuffix().orElseThrow(),
                        RedisBinaries::extract));
    }

    private static Path extract(String resource) {
        try (InputStream in = RedisBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("embedded-redis resource disappeared: " + resource);
            }
            // A private directory per JVM: no clashes between users or concurrent builds.
            Path dir = Files.createTempDirectory("tq-redis-bin-");
            Path binary = dir.resolve(resource);
            dir.toFile().deleteOnExit();
            binary.toFile().deleteOnExit(); // runs before the directory's (reverse registration order)
            Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
            if (!binary.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + binary + " executable");
            }
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource + " from embedded-redis", e);
        }
    }

    /** Lists the top-level resources of the jar (or class-path directory) holding embedded-redis. */
    private static List<String> embeddedResourceNames() {
        URL marker = RedisBinaries.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            return List.of(); // embedded-redis is not on the class path: a supported setup
        }
        try {
            if ("jar".equals(marker.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) marker.openConnection();
                connection.setUseCaches(false); // don't hold the jar open in a shared cache
                try (JarFile jar = connection.getJarFile()) {
                    return jar.stream().map(JarEntry::getName).filter(n -> !n.contains("/")).toList();
                }
            }
            if ("file".equals(marker.getProtocol())) {
                Path root = Path.of(marker.toURI()).getParent().getParent().getParent();
                try (Stream<Path> files = Files.list(root)) {
                    return files.map(p -> p.getFileName().toString()).toList();
                }
            }
            return List.of();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the binaries in embedded-redis at " + marker, e);
        }
    }

    /** The resource-name suffix embedded-redis uses for this OS and CPU, if it supports them. */
    static Optional<String> platformSuffix() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            default -> null;
        };
        if (cpu == null) {
            return Optional.empty();
        }
        if (os.contains("linux")) {
            return Optional.of("-linux-" + cpu);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Optional.of("-darwin-" + cpu);
        }
        if (os.contains("windows")) {
            return Optional.of("-windows-" + cpu + ".exe");
        }
        return Optional.empty();
    }

    /** Sort key "6.2.6-v5" → "00006.00002.00006-v5" so that 6.10 sorts after 6.9. */
    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            String digits = part.replaceAll("\\D.*$", "");
            key.append(String.format("%05d", digits.isEmpty() ? 0 : Integer.parseInt(digits)))
                    .append(part.substring(digits.length())).append('.');
        }
        return key.toString();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("windows");
    }
}
