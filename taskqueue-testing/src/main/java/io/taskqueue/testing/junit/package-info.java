/**
 * JUnit 5 extensions that hand tests real Redis and Postgres servers from
 * {@link io.taskqueue.servers}.
 *
 * <p>{@link io.taskqueue.testing.junit.RedisExtension} and
 * {@link io.taskqueue.testing.junit.PostgresExtension} give a test class one server per JVM plus a
 * private key prefix ({@link io.taskqueue.testing.junit.RedisTestPrefix}) or schema
 * ({@link io.taskqueue.testing.junit.PostgresTestSchema}) per test.
 * {@link io.taskqueue.testing.junit.RedisClusterExtension} does the same on a private Redis
 * Cluster, with hash-tagged prefixes. A server that cannot be found or started fails the test with
 * the reason; nothing is ever skipped silently.
 */
package io.taskqueue.testing.junit;
