package io.taskqueue.testing.junit;

import io.taskqueue.servers.RedisServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
  * JUnit 5 extension that gives tests a real Redis: {@code @ExtendWith(RedisExtension.class)}.
  *
  * <p>One {@link RedisServer} per JVM, started by the first test class that needs it (see
  * {@link RedisServer#start()}) and stopped when the whole run ends. It resolves parameters of type
  * {@link RedisServer} and {@link RedisTestPrefix}. A prefix belongs to the test method that asked
  * for it (or to the class, when asked for in a constructor or {@code @BeforeAll}), and every key
  * under it is deleted when that method (or class) finishes.
  *
  * <p>When no server can be found or started, {@code beforeAll} throws, so every test in the class
  * fails with the reason; nothing is skipped.
  *
  * <p>A fault test may {@link RedisServer#stop()} the shared server; if it leaves it stopped, the
  * extension restarts it after the test so later tests are not affected.
  */
public final class RedisExtension
        implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

    /** The shared server, starting it on first use. */
    public static RedisServer server(ExtensionContext context) {
        return ExtensionStores.perRun(context, RedisExtension.class, "server", RedisServer::start, RedisServer::close);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Start (or fail) here, once per class, rather than inside the first parameter resolution.
        server(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        revive(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        revive(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisServer.class || type == RedisTestPrefix.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RedisServer server = server(context);
        if (parameter.getParameter().getType() == RedisServer.class) {
            return server;
        }
        return ExtensionStores.perContext(context, RedisExtension.class, () -> RedisTestPrefix.random(server),
                prefix -> {
                    if (prefix.server().isRunning()) {
                        prefix.deleteAll();
                    }
                });
    }

    private static void revive(ExtensionContext context) {
        RedisServer server = server(context);
        if (!server.isRunning()) {
            server.restart();
        }
    }
}
