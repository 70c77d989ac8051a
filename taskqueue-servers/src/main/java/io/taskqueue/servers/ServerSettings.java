package io.taskqueue.servers;

import java.util.Map;
import java.util.Optional;

/**
  * Where the servers come from, as read from the environment.
  *
  * <p>This is the only class that reads the {@code TASKQUEUE_TEST_*} variables, so the rules for
  * them live in one place. Blank values count as unset, because CI systems often export a variable
  * with an empty value instead of leaving it out.
  *
  * @param redisUrl         {@value #REDIS_URL}, e.g. {@code redis://127.0.0.1:6379/0}
  * @param postgresUrl      {@value #POSTGRES_URL}, a {@code jdbc:postgresql://...} URL
  * @param postgresUser     {@value #POSTGRES_USER}; overrides a {@code user} parameter in the URL
  * @param postgresPassword {@value #POSTGRES_PASSWORD}; overrides a {@code password} parameter in
  *                         the URL
  * @param path             the {@code PATH} used to look for {@code redis-server}
  */
public record ServerSettings(
        Optional<String> redisUrl,
        Optional<String> postgresUrl,
        Optional<String> postgresUser,
        Optional<String> postgresPassword,
        String path) {

    /** URL of an existing Redis to use instead of starting one. */
    public static final String REDIS_URL = "TASKQUEUE_TEST_REDIS_URL";
    /** JDBC URL of an existing Postgres to use instead of starting one. */
    public static final String POSTGRES_URL = "TASKQUEUE_TEST_POSTGRES_URL";
    /** User for {@link #POSTGRES_URL}, when it is not in the URL. */
    public static final String POSTGRES_USER = "TASKQUEUE_TEST_POSTGRES_USER";
    /** Password for {@link #POSTGRES_URL}, when it is not in the URL. */
    public static final String POSTGRES_PASSWORD = "TASKQUEUE_TEST_POSTGRES_PASSWORD";

    /** Validates and normalises the components. */
    public ServerSettings {
        redisUrl = nonBlank(redisUrl);
        postgresUrl = nonBlank(postgresUrl);
        postgresUser = nonBlank(postgresUser);
        postgresPassword = nonBlank(postgresPassword);
        path = path == null ? "" : path;
    }

    /** Settings from the real process environment. */
    public static ServerSettings fromEnvironment() {
        return of(System.getenv());
    }

    /** Settings from the given variables; lets unit tests describe an environment without setting it. */
    public static ServerSettings of(Map<String, String> env) {
        return new ServerSettings(
                Optional.ofNullable(env.get(REDIS_URL)),
                Optional.ofNullable(env.get(POSTGRES_URL)),
                Optional.ofNullable(env.get(POSTGRES_USER)),
                Optional.ofNullable(env.get(POSTGRES_PASSWORD)),
                env.getOrDefault("PATH", ""));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
