/**
 * Real Redis and Postgres servers without Docker, for tests, demos and benchmarks.
 *
 * <p>{@link io.taskqueue.servers.RedisServer#start()} and
 * {@link io.taskqueue.servers.PostgresServer#start()} use an existing server when an environment
 * variable names one (see {@link io.taskqueue.servers.ServerSettings}); otherwise they start a private
 * server on a free loopback port and stop it on {@code close()}. A server that cannot be found or
 * started fails with a message that says what to install or which variable to set.
 *
 * <p>{@link io.taskqueue.servers.RedisClusterServer} and
 * {@link io.taskqueue.servers.RedisSentinelServer} start a local Redis Cluster and a Sentinel setup
 * from the same {@code redis-server} binary; they are always private.
 * {@link io.taskqueue.servers.RespClient} is the minimal client used to start, probe and clean them.
 * {@link io.taskqueue.servers.TcpProxy} sits between a client and a server and can be cut, to
 * simulate a network outage without stopping the server.
 *
 * <p>This package is pure infrastructure: it depends on no taskqueue module and no test framework,
 * so any module, and an application at run time, can use it.
 */
package io.taskqueue.servers;
