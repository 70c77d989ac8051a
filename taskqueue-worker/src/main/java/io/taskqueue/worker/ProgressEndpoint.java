package io.taskqueue.worker;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@link GraphqlStepReporter} sends steps: a GraphQL endpoint, the mutation it runs (with one
 * variable, {@code $input}, holding the step), and headers such as an authorization token. Headers
 * are secrets: {@link #toString()} names them without their values.
 *
 * @param url the endpoint, {@code http} or {@code https}
 * @param mutation the GraphQL document sent as {@code query}
 * @param headers request headers, e.g. {@code Authorization}
 */
public record ProgressEndpoint(URI url, String mutation, Map<String, String> headers) {
    /** The mutation used when none is configured. */
    public static final String DEFAULT_MUTATION = "mutation ReportTaskProgress($input: TaskProgressInput!) "
            + "{ reportTaskProgress(input: $input) { ok } }";

    public ProgressEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mutation, "mutation");
        headers = Map.copyOf(headers);
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("progress endpoint must be an http(s) URL with a host, got '"
                    + url.getScheme() + "://" + url.getHost() + "'");
        }
        if (mutation.isBlank()) {
            throw new IllegalArgumentException("progress mutation must not be blank");
        }
    }

    /** An endpoint running {@link #DEFAULT_MUTATION} without headers. */
    public static ProgressEndpoint of(URI url) {
        return new ProgressEndpoint(url, DEFAULT_MUTATION, Map.of());
    }

    @Override
    public String toString() {
        return "ProgressEndpoint[url=" + url + ", headers=" + headers.keySet() + "]";
    }
}
