package ${package};

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerConfigException;
import io.taskqueue.worker.WorkerService;
import java.time.Clock;

/** Runs the ${artifactId} worker service from its environment until SIGTERM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        WorkerConfig config;
        try {
            config = WorkerConfig.fromEnvironment();
        } catch (WorkerConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WorkerService.builder(new ${workerClass}Worker(config, Clock.systemUTC()))
                .meterRegistry(registry).metrics(registry::scrape)
                .run();
    }
}
