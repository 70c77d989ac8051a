package io.taskqueue.worker.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The worker service's small HTTP endpoint: {@code GET /health/live}, {@code GET /health/ready}
 * (200 when up, 503 when not, a JSON body saying why) and {@code GET /metrics} (Prometheus text,
 * when a scrape is configured). Anything else is 404, other methods 405; it reads no request body.
 */
public final class HealthServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads;

    /** A health check's verdict and the details shown with it. */
    public record Report(boolean up, Map<String, Object> details) {
    }

    private HealthServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Serves on {@code port} (0 for any free one) of every interface. */
    public static HealthServer start(int port, Supplier<Report> live, Supplier<Report> ready, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health on port " + port + ": " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "taskqueue-worker-health");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> respond(exchange, live, ready, metrics));
        server.start();
        return new HealthServer(server, threads);
    }

    /** The port served. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, Supplier<Report> live, Supplier<Report> ready,
            Supplier<String> metrics) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "method not allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/health/live" -> report(exchange, live.get());
                case "/health/ready" -> report(exchange, ready.get());
                case "/metrics" -> {
                    String text = metrics == null ? null : metrics.get();
                    if (text == null) {
                        send(exchange, 404, "text/plain", "no metrics registry configured\n");
                    } else {
                        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", text);
                    }
                }
                default -> send(exchange, 404, "text/plain", "not found\n");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "health check failed: " + e.getClass().getSimpleName() + "\n");
        }
    }

    private static void report(HttpExchange exchange, Report report) throws IOException {
        send(exchange, report.up() ? 200 : 503, "application/json", JSON.writeValueAsString(report.details()) + "\n");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
