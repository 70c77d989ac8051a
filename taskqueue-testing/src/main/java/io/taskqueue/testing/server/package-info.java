/**
 * Real Redis and Postgres servers for integration tests, without Docker.
 *
 * <p>{@link io.taskqueue.testing.server.RedisExtension} and
 * {@link io.taskqueue.testing.server.PostgresExtension} give a test class one server per JVM plus a
 * private key prefix or schema per test. The server comes from an environment variable when it is
 * set (see {@link io.taskqueue.testing.server.TestSettings}); otherwise a private server is started
 * on a free loopback port. A server that cannot be found or started fails the test with a message
 * that says what to install or which variable to set; nothing is ever skipped silently.
 *
 * <p>{@link io.taskqueue.testing.server.RedisClusterServer} (with
 * {@link io.taskqueue.testing.server.RedisClusterExtension}) and
 * {@link io.taskqueue.testing.server.RedisSentinelServer} start a local Redis Cluster and a
 * Sentinel setup from the same {@code redis-server} binary; they are always private.
 *
 * <p>This package is pure infrastructure: it must not depend on taskqueue-core types, so every
 * module (core included) can use it.
 */
package io.taskqueue.testing.server;
