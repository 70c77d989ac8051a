package io.taskqueue.testing.junit;

import io.taskqueue.servers.RedisClusterServer;
import io.taskqueue.servers.RedisServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
  * JUnit 5 extension that gives tests a private 3-master Redis Cluster:
  * {@code @ExtendWith(RedisClusterExtension.class)}.
  *
  * <p>One {@link RedisClusterServer} per JVM, started by the first test class that needs it and
  * stopped when the whole run ends. It resolves parameters of type {@link RedisClusterServer},
  * {@link RedisServer} (the cluster {@linkplain RedisClusterServer#asServer() seen as a server}, so
  * tests written for {@link RedisExtension} run on the cluster unchanged) and {@link RedisTestPrefix}
  * (hash-tagged, {@code {tq-test-1f2e3d4c}}, so a test's keys share one slot; deleted when the
  * method or class that asked for it finishes). Do not combine it with {@link RedisExtension} on
  * one class: both resolve the same parameter types.
  *
  * <p>When the cluster cannot be started, {@code beforeAll} throws, so every test in the class
  * fails with the reason; nothing is skipped.
  */
public final class RedisClusterExtension implements BeforeAllCallback, ParameterResolver {

    /** The shared cluster, starting it on first use. */
    public static RedisClusterServer cluster(ExtensionContext context) {
        return ExtensionStores.perRun(context, RedisClusterExtension.class, "cluster", RedisClusterServer::start,
                RedisClusterServer::close);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisClusterServer.class || type == RedisServer.class || type == RedisTestPrefix.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RedisClusterServer cluster = cluster(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == RedisClusterServer.class) {
            return cluster;
        }
        RedisServer view = ExtensionStores.perRun(context, RedisClusterExtension.class, "view", cluster::asServer,
                ignored -> { });
        if (type == RedisServer.class) {
            return view;
        }
        return ExtensionStores.perContext(context, RedisClusterExtension.class, () -> RedisTestPrefix.random(view),
                RedisTestPrefix::deleteAll);
    }
}
