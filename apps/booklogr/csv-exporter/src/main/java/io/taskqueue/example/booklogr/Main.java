package io.taskqueue.example.booklogr;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerConfigException;
import io.taskqueue.worker.WorkerService;
import java.time.Clock;

/** Runs the csv-exporter worker service from its environment until SIGTERM. */
public final class Main {
    private Main() {
    }

    /** Reads the configuration from the environment and runs the service; exits 2 on a bad configuration. */
    public static void main(String[] args) {
        WorkerConfig config;
        try {
            config = WorkerConfig.fromEnvironment();
            config.requireSetting(CsvExporterWorker.DATABASE_URL);
            config.requireSetting(CsvExporterWorker.EXPORT_DIR);
        } catch (WorkerConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WorkerService.builder(new CsvExporterWorker(config, Clock.systemUTC()))
                .meterRegistry(registry).metrics(registry::scrape)
                .run();
    }
}
