package io.taskqueue.testing.junit;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
  * A key prefix private to one test, e.g. {@code tq-test-1f2e3d4c}, so tests can share one Redis
  * (even an external one) without seeing each other's keys.
  *
  * <p>{@link RedisExtension} deletes every key under the prefix after the test; {@link #deleteAll()}
  * does the same on demand.
  *
  * @param value  the prefix itself, without a separator
  * @param server the server the keys live on
  */
public record RedisTestPrefix(String value, RedisServer server) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
      * Only characters that are not glob metacharacters, so {@link #pattern()} matches literally;
      * braces for a Redis Cluster hash tag.
      */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:{}-]+");

    /** Validates the components. */
    public RedisTestPrefix {
        Objects.requireNonNull(server, "server");
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("prefix must match " + SAFE + ": " + value);
        }
    }

    /**
      * A fresh random prefix {@code tq-test-<8 hex digits>} on the given server; on a
      * {@linkplain RedisServer#isCluster() cluster} it is a hash tag, {@code {tq-test-<8 hex digits>}},
      * so every key under it sits in one slot.
      */
    public static RedisTestPrefix random(RedisServer server) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String value = "tq-test-" + HexFormat.of().formatHex(bytes);
        return new RedisTestPrefix(server.isCluster() ? "{" + value + "}" : value, server);
    }

    /** {@code <prefix>:<name>}: a key under this prefix. */
    public String key(String name) {
        return value + ":" + name;
    }

    /** The {@code SCAN MATCH} pattern for every key that starts with the prefix. */
    public String pattern() {
        return value + "*";
    }

    /** Deletes every key under the prefix; returns how many there were. */
    public long deleteAll() {
        try (RespClient client = server.client()) {
            return client.deleteMatching(pattern());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
