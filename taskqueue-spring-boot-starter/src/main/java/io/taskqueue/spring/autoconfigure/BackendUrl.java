package io.taskqueue.spring.autoconfigure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.env.Environment;

/**
 * The backend's URL: {@code taskqueue.url}, or else the Redis server that Spring's own
 * {@code spring.data.redis.*} properties name, so an application that already talks to Redis needs
 * no second setting.
 */
final class BackendUrl {
    private static final String REDIS = "spring.data.redis.";

    private BackendUrl() {
    }

    static String resolve(Environment env) {
        String url = env.getProperty("taskqueue.url");
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String springUrl = env.getProperty(REDIS + "url");
        if (springUrl != null && !springUrl.isBlank()) {
            return springUrl.strip();
        }
        String host = env.getProperty(REDIS + "host");
        String port = env.getProperty(REDIS + "port");
        if (host == null && port == null) {
            throw new IllegalStateException("taskqueue: no backend configured: set taskqueue.url (e.g. "
                    + "redis://localhost:6379, or memory: for tests) or spring.data.redis.host/port");
        }
        boolean ssl = env.getProperty(REDIS + "ssl.enabled", Boolean.class, false);
        String username = env.getProperty(REDIS + "username");
        String password = env.getProperty(REDIS + "password");
        int database = env.getProperty(REDIS + "database", Integer.class, 0);
        StringBuilder built = new StringBuilder(ssl ? "rediss://" : "redis://");
        if (password != null && !password.isEmpty()) {
            built.append(username == null ? "" : encode(username)).append(':').append(encode(password)).append('@');
        }
        built.append(host == null ? "localhost" : host).append(':').append(port == null ? "6379" : port);
        if (database != 0) {
            built.append('/').append(database);
        }
        return built.toString();
    }

    private static String encode(String userInfoPart) {
        // URLEncoder is for forms: its '+' for a space would be read as a literal plus in a URI.
        return URLEncoder.encode(userInfoPart, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
