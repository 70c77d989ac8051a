package io.taskqueue.redis;

import io.taskqueue.spi.Backends;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link RedisBackend}. Immutable; build with {@link #builder()}, or read them from a
 * URL with {@link #fromUrl(String)} (what {@code TaskQueue.open(url)} does).
 *
 * @param url the server, e.g. {@code redis://127.0.0.1:6379/0}; {@code rediss://} for TLS; a password
 *     and an ACL user go in the URL ({@code redis://user:secret@host:6379}). Sentinel:
 *     {@code redis-sentinel://[password@]host:26379[,host:26380...][/db]?sentinelMasterId=mymaster}
 *     (Lettuce's syntax; {@code rediss-sentinel://} for TLS). Cluster:
 *     {@code redis-cluster://[[user]:password@]host:7000[,host:7001...]} ({@code rediss-cluster://}
 *     for TLS), the listed nodes being seeds; there the prefix or each queue name must carry a hash
 *     tag (see {@link RedisBackend}). The URL may carry the key prefix as a query parameter,
 *     {@code redis://host:6379?prefix=myapp}, which the builder and {@link #fromUrl} move to
 *     {@link #prefix()}; this component never holds it. Other query parameters are Lettuce's, e.g.
 *     {@code ?timeout=5s}
 * @param prefix the key prefix, BullMQ's {@code prefix} option; queues of one prefix share nothing
 *     with those of another
 * @param commandTimeout how long one command may take before it fails
 * @param maxLenEvents the approximate length the events stream of each queue is trimmed to, written
 *     to the queue's meta hash when a queue is opened
 * @param metricsMaxDataPoints per-minute metrics kept for completed and failed jobs by workers that
 *     do not set {@code WorkerOptions.metricsMaxDataPoints} themselves (the worker option is the
 *     preferred, backend-independent setting); 0 turns this fallback off
 */
public record RedisBackendOptions(String url, String prefix, Duration commandTimeout, int maxLenEvents,
        int metricsMaxDataPoints) {

    /** Default URL: a local server on the standard port. */
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    /** Default key prefix, the same as BullMQ's. */
    public static final String DEFAULT_PREFIX = "bull";
    /** Default command timeout. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** Default events stream length, the same as BullMQ's. */
    public static final int DEFAULT_MAX_LEN_EVENTS = 10_000;
    /** Default metrics: off. */
    public static final int DEFAULT_METRICS_MAX_DATA_POINTS = 0;

    public RedisBackendOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (!url.startsWith("redis://") && !url.startsWith("rediss://") && !url.startsWith("redis-socket://")
                && !isSentinelUrl(url) && !isClusterUrl(url)) {
            throw new IllegalArgumentException("url must start with redis://, rediss://, redis-socket://,"
                    + " redis-sentinel://, rediss-sentinel://, redis-cluster:// or rediss-cluster://: " + redact(url));
        }
        if (UrlPrefix.of(url).prefix() != null) {
            throw new IllegalArgumentException("the prefix parameter of the URL is read by builder().url(url) and"
                    + " fromUrl(url); here give the prefix as its own component: " + redact(url));
        }
        if (isSentinelUrl(url) && !url.contains("sentinelMasterId=") && !url.contains("#")) {
            throw new IllegalArgumentException("a redis-sentinel:// url must name the master, e.g."
                    + " redis-sentinel://host:26379,host:26380?sentinelMasterId=mymaster: " + redact(url));
        }
        if (prefix.isEmpty() || prefix.contains(":")) {
            throw new IllegalArgumentException("prefix must be non-empty and contain no ':': " + prefix);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
        }
        if (maxLenEvents < 0) {
            throw new IllegalArgumentException("maxLenEvents must not be negative: " + maxLenEvents);
        }
        if (metricsMaxDataPoints < 0) {
            throw new IllegalArgumentException("metricsMaxDataPoints must not be negative: " + metricsMaxDataPoints);
        }
    }

    /** Whether {@link #url()} names a Redis Cluster ({@code redis-cluster://} or {@code rediss-cluster://}). */
    public boolean isCluster() {
        return isClusterUrl(url);
    }

    /** Whether {@link #url()} names a Sentinel-managed master ({@code redis-sentinel://}, {@code rediss-sentinel://}). */
    public boolean isSentinel() {
        return isSentinelUrl(url);
    }

    private static boolean isClusterUrl(String url) {
        return url.startsWith("redis-cluster://") || url.startsWith("rediss-cluster://");
    }

    private static boolean isSentinelUrl(String url) {
        return url.startsWith("redis-sentinel://") || url.startsWith("rediss-sentinel://");
    }

    private static String redact(String url) {
        return Backends.maskPassword(url);
    }

    /**
     * The options a backend URL describes: the server and, from its {@code prefix} query parameter,
     * the key prefix ({@value #DEFAULT_PREFIX} without one); every other setting at its default.
     *
     * @throws IllegalArgumentException naming the problem, for a URL this backend cannot open
     */
    public static RedisBackendOptions fromUrl(String url) {
        return builder().url(url).build();
    }

    /** Options with every default. */
    public static RedisBackendOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().url(url).prefix(prefix).commandTimeout(commandTimeout).maxLenEvents(maxLenEvents)
                .metricsMaxDataPoints(metricsMaxDataPoints);
    }

    /** Mutable builder for {@link RedisBackendOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private String prefix = DEFAULT_PREFIX;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private int maxLenEvents = DEFAULT_MAX_LEN_EVENTS;
        private int metricsMaxDataPoints = DEFAULT_METRICS_MAX_DATA_POINTS;

        private Builder() {
        }

        /**
         * The server's URL; a {@code prefix} query parameter in it sets {@link #prefix(String)} (a later
         * call of which wins) and is removed from the URL.
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            UrlPrefix split = UrlPrefix.of(url);
            this.url = split.url();
            if (split.prefix() != null) {
                this.prefix = split.prefix();
            }
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        public Builder maxLenEvents(int maxLenEvents) {
            this.maxLenEvents = maxLenEvents;
            return this;
        }

        public Builder metricsMaxDataPoints(int metricsMaxDataPoints) {
            this.metricsMaxDataPoints = metricsMaxDataPoints;
            return this;
        }

        public RedisBackendOptions build() {
            return new RedisBackendOptions(url, prefix, commandTimeout, maxLenEvents, metricsMaxDataPoints);
        }
    }
}
