package io.taskqueue.testing.junit;

import io.taskqueue.servers.PostgresServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
  * JUnit 5 extension that gives tests a real Postgres: {@code @ExtendWith(PostgresExtension.class)}.
  *
  * <p>One {@link PostgresServer} per JVM, started by the first test class that needs it (see
  * {@link PostgresServer#start()}) and stopped when the whole run ends. It resolves parameters of
  * type {@link PostgresServer} and {@link PostgresTestSchema}. A schema belongs to the test method
  * that asked for it (or to the class, when asked for in a constructor or {@code @BeforeAll}); it is
  * created on first request and dropped with {@code CASCADE} when that method (or class) finishes.
  *
  * <p>When no server can be found or started, {@code beforeAll} throws, so every test in the class
  * fails with the reason; nothing is skipped.
  */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback,
        ParameterResolver {

    /** The shared server, starting it on first use. */
    public static PostgresServer server(ExtensionContext context) {
        return ExtensionStores.perRun(context, PostgresExtension.class, "server", PostgresServer::start,
                PostgresServer::close);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Start (or fail) here, once per class, rather than inside the first parameter resolution.
        server(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Nothing to do: schemas are dropped by their stores, the server by the root store.
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresServer.class || type == PostgresTestSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresServer server = server(context);
        if (parameter.getParameter().getType() == PostgresServer.class) {
            return server;
        }
        return ExtensionStores.perContext(context, PostgresExtension.class, () -> PostgresTestSchema.create(server),
                PostgresTestSchema::drop);
    }
}
