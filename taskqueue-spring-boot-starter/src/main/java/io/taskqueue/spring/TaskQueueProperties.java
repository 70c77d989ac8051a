package io.taskqueue.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code taskqueue.*} properties. JavaBean style, since the configuration processor takes each
 * property's description from its field's Javadoc.
 */
@ConfigurationProperties(prefix = TaskQueueProperties.PREFIX)
public class TaskQueueProperties {
    /** The prefix of every property here. */
    public static final String PREFIX = "taskqueue";

    /**
     * The backend's URL, e.g. redis://localhost:6379, rediss://user:secret@host:6380/2 or memory:.
     * When unset, the backend is the Redis server of the spring.data.redis properties.
     */
    private String url;

    /** Whether the workers start with the application context; false makes a producer-only application. */
    private boolean autoStartup = true;

    /** Default job options of each queue, by queue name. */
    private Map<String, QueueProperties> queues = new LinkedHashMap<>();

    /** Worker options of each queue's worker, by queue name. */
    private Map<String, WorkerProperties> workers = new LinkedHashMap<>();

    /** Health check settings. */
    private Health health = new Health();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public Map<String, QueueProperties> getQueues() {
        return queues;
    }

    public void setQueues(Map<String, QueueProperties> queues) {
        this.queues = queues;
    }

    public Map<String, WorkerProperties> getWorkers() {
        return workers;
    }

    public void setWorkers(Map<String, WorkerProperties> workers) {
        this.workers = workers;
    }

    public Health getHealth() {
        return health;
    }

    public void setHealth(Health health) {
        this.health = health;
    }

    /** How the health indicator judges a worker. */
    public static class Health {
        /**
         * The longest a worker with free slots may go without an answer to a fetch before it is
         * reported down (its backend is unreachable or it is stuck).
         */
        private Duration maxFetchSilence = Duration.ofSeconds(60);

        public Duration getMaxFetchSilence() {
            return maxFetchSilence;
        }

        public void setMaxFetchSilence(Duration maxFetchSilence) {
            this.maxFetchSilence = maxFetchSilence;
        }
    }
}
