package io.taskqueue.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every step to a GraphQL endpoint as a mutation, on its own thread, in the order reported:
 * {@code {"query": mutation, "variables": {"input": {jobId, queue, workerType, attempt, status, step,
 * percent, at}}}}. A step is retried with doubling delays on a network error, a 5xx, 408, 429 or
 * a GraphQL {@code errors} answer, then dropped with a warning; when the endpoint is down and the
 * buffer is full the oldest steps are dropped. Nothing here ever fails a task.
 */
public final class GraphqlStepReporter implements StepReporter, AutoCloseable {
    /** Tries per step by default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The first retry delay by default; it doubles per retry. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(200);
    /** How long one request may take by default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Steps buffered by default while the endpoint is slow or down. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(GraphqlStepReporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProgressEndpoint endpoint;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Duration requestTimeout;
    private final LinkedBlockingDeque<Step> pending;
    private final HttpClient http;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    private GraphqlStepReporter(ProgressEndpoint endpoint, int maxAttempts, Duration retryDelay,
            Duration requestTimeout, int capacity) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (maxAttempts < 1 || capacity < 1 || retryDelay.isNegative() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("maxAttempts and capacity must be at least 1, delays not negative");
        }
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.requestTimeout = requestTimeout;
        this.pending = new LinkedBlockingDeque<>(capacity);
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.sender = new Thread(this::sendLoop, "taskqueue-step-reporter");
        sender.setDaemon(true);
        sender.start();
    }

    /** A reporter to {@code endpoint} with the defaults, sending from now on. */
    public static GraphqlStepReporter start(ProgressEndpoint endpoint) {
        return start(endpoint, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAY, DEFAULT_REQUEST_TIMEOUT, DEFAULT_CAPACITY);
    }

    /** A reporter to {@code endpoint} with its own limits, sending from now on. */
    public static GraphqlStepReporter start(ProgressEndpoint endpoint, int maxAttempts, Duration retryDelay,
            Duration requestTimeout, int capacity) {
        return new GraphqlStepReporter(endpoint, maxAttempts, retryDelay, requestTimeout, capacity);
    }

    @Override
    public void report(Step step) {
        if (closing) {
            return;
        }
        while (!pending.offerLast(step)) {
            if (pending.pollFirst() != null && dropped.incrementAndGet() == 1) {
                LOG.warn("progress endpoint {} is behind: dropping the oldest steps", endpoint.url());
            }
        }
    }

    /** Steps the endpoint accepted. */
    public long sent() {
        return sent.get();
    }

    /** Steps given up: refused after every try, or pushed out of a full buffer. */
    public long dropped() {
        return dropped.get();
    }

    /** Sends what is buffered for up to the request timeout, then stops the sender. */
    @Override
    public void close() {
        closing = true;
        try {
            // The sender leaves its loop once the buffer is empty; past the timeout it is interrupted.
            sender.join(requestTimeout.toMillis());
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(requestTimeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int lost = pending.size();
        if (lost > 0) {
            dropped.addAndGet(lost);
            LOG.warn("progress endpoint {}: {} steps not sent before closing", endpoint.url(), lost);
        }
    }

    @Override
    public String toString() {
        return "GraphqlStepReporter[" + endpoint.url() + "]";
    }

    private void sendLoop() {
        try {
            while (!(closing && pending.isEmpty())) {
                Step step = pending.pollFirst(100, TimeUnit.MILLISECONDS);
                if (step != null) {
                    deliver(step);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Step step) throws InterruptedException {
        String body = body(step);
        Duration delay = retryDelay;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String problem = post(body);
            if (problem == null) {
                sent.incrementAndGet();
                return;
            }
            boolean last = attempt == maxAttempts || problem.startsWith("refused");
            if (last) {
                dropped.incrementAndGet();
                LOG.warn("progress endpoint {}: step '{}' of job {} not delivered: {}", endpoint.url(), step.name(),
                        step.jobId(), problem);
                return;
            }
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2);
        }
    }

    /** Posts once; {@code null} on success, else why not ("refused ..." when a retry cannot help). */
    private String post(String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url()).timeout(requestTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        endpoint.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                JsonNode errors = parse(response.body()).path("errors");
                return errors.isArray() && !errors.isEmpty() ? "GraphQL errors: " + errors : null;
            }
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return (retryable ? "" : "refused: ") + "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private String body(Step step) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("jobId", step.jobId());
        input.put("queue", step.queueName());
        input.put("workerType", step.workerType());
        input.put("attempt", step.attempt());
        input.put("status", step.status().name().toLowerCase(Locale.ROOT));
        input.put("step", step.name());
        input.put("percent", step.percent());
        input.put("at", step.at().toString());
        try {
            return JSON.writeValueAsString(Map.of("query", endpoint.mutation(), "variables", Map.of("input", input)));
        } catch (IOException e) {
            throw new IllegalStateException("a step always encodes", e);
        }
    }
}
