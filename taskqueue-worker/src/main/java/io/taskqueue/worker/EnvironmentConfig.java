package io.taskqueue.worker;

import io.taskqueue.DurationText;
import io.taskqueue.spi.Backends;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads a {@link WorkerConfig} from environment variables over an optional properties file, and
 * reports every problem at once, each naming its key (never a secret's value).
 */
final class EnvironmentConfig {
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    private EnvironmentConfig(Map<String, String> values) {
        this.values = values;
    }

    static WorkerConfig read(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        List<String> fileProblems = new ArrayList<>();
        String file = environment.get(WorkerConfig.CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file), fileProblems));
        }
        merged.putAll(environment);
        EnvironmentConfig reader = new EnvironmentConfig(merged);
        reader.problems.addAll(fileProblems);
        return reader.build();
    }

    private WorkerConfig build() {
        WorkerConfig.Builder b = WorkerConfig.builder().settings(values);
        text(WorkerConfig.URL).ifPresent(b::url);
        text(WorkerConfig.QUEUE).ifPresent(b::queue);
        text(WorkerConfig.JOB_NAME).ifPresent(b::jobName);
        text(WorkerConfig.NAME).ifPresent(b::nickname);
        parsed(WorkerConfig.CONCURRENCY, Integer::parseInt, "a whole number").ifPresent(b::concurrency);
        parsed(WorkerConfig.ATTEMPTS, Integer::parseInt, "a whole number").ifPresent(b::attempts);
        duration(WorkerConfig.BACKOFF).ifPresent(b::backoff);
        duration(WorkerConfig.SHUTDOWN_TIMEOUT).ifPresent(b::shutdownTimeout);
        parsed(WorkerConfig.HEALTH_PORT, Integer::parseInt, "a port number").ifPresent(b::healthPort);
        parsed(WorkerConfig.LOG_FORMAT, v -> WorkerConfig.LogFormat.valueOf(v.toUpperCase(Locale.ROOT)),
                "'text' or 'json'").ifPresent(b::logFormat);
        b.progress(progress());
        try {
            WorkerConfig config = b.build();
            if (problems.isEmpty()) {
                return config;
            }
        } catch (WorkerConfigException e) {
            problems.addAll(e.problems());
        }
        throw new WorkerConfigException(problems);
    }

    private ProgressEndpoint progress() {
        var url = text(WorkerConfig.PROGRESS_URL);
        if (url.isEmpty()) {
            for (String dependent : List.of(WorkerConfig.PROGRESS_MUTATION, WorkerConfig.PROGRESS_HEADERS)) {
                text(dependent).ifPresent(v -> problems.add(dependent + " is set but " + WorkerConfig.PROGRESS_URL
                        + " is not"));
            }
            return null;
        }
        Map<String, String> headers = headers();
        try {
            return new ProgressEndpoint(new URI(url.get()),
                    text(WorkerConfig.PROGRESS_MUTATION).orElse(ProgressEndpoint.DEFAULT_MUTATION), headers);
        } catch (URISyntaxException | IllegalArgumentException e) {
            problems.add(WorkerConfig.PROGRESS_URL + " is not an http(s) URL: '" + Backends.maskPassword(url.get()) + "'");
            return null;
        }
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        String raw = text(WorkerConfig.PROGRESS_HEADERS).orElse("");
        for (String part : raw.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            String name = colon < 0 ? "" : part.substring(0, colon).strip();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                // The value may be a token: name the position, never the text.
                problems.add(WorkerConfig.PROGRESS_HEADERS + " entry " + (headers.size() + 1)
                        + " is not 'Name: value' (entries are separated by ';')");
                continue;
            }
            headers.put(name, part.substring(colon + 1).strip());
        }
        return headers;
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private <T> Optional<T> parsed(String key, Function<String, T> parser, String expected) {
        var raw = text(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (IllegalArgumentException e) {
            problems.add(key + " must be " + expected + ", got '" + raw.get() + "'");
            return Optional.empty();
        }
    }

    private Optional<Duration> duration(String key) {
        var raw = text(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationText.parse(raw.get()));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, String> readFile(Path file, List<String> problems) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(WorkerConfig.CONFIG_FILE + " names '" + file + "', which cannot be read: " + e.getMessage());
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }
}
