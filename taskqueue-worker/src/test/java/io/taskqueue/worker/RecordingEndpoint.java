package io.taskqueue.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP server standing in for a progress API: records each request's headers and JSON
 * body, and answers 503 to the first {@link #failNext} requests.
 */
final class RecordingEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    /** The status answered to the first {@link #failNext} requests. */
    final AtomicInteger failStatus = new AtomicInteger(503);

    record Request(Map<String, List<String>> headers, JsonNode body) {
        String input(String field) {
            return body.path("variables").path("input").path(field).asText();
        }
    }

    RecordingEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                byte[] answer;
                int status;
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    refused.incrementAndGet();
                    status = failStatus.get();
                    answer = "{\"errors\":[{\"message\":\"busy\"}]}".getBytes(StandardCharsets.UTF_8);
                } else {
                    requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(body)));
                    status = 200;
                    answer = "{\"data\":{\"reportTaskProgress\":{\"ok\":true}}}".getBytes(StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    List<String> steps(String jobId) {
        return requests.stream().filter(r -> r.input("jobId").equals(jobId)).map(r -> r.input("step")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
