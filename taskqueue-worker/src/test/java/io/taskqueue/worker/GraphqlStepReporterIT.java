package io.taskqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GraphQL reporter against a real local HTTP server: order, retries, refusals, flushing. */
class GraphqlStepReporterIT {
    private static Step step(String job, int n) {
        return new Step(job, "q", "chores", 1, Step.Status.RUNNING, "step " + n, n, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void stepsArriveInOrderAndBusyAnswersAreRetried() {
        try (RecordingEndpoint endpoint = new RecordingEndpoint();
                GraphqlStepReporter reporter = GraphqlStepReporter.start(new ProgressEndpoint(endpoint.url(),
                        ProgressEndpoint.DEFAULT_MUTATION, Map.of("X-Tenant", "7")), 3, Duration.ofMillis(5),
                        Duration.ofSeconds(5), 100)) {
            endpoint.failNext.set(2);
            for (int i = 1; i <= 5; i++) {
                reporter.report(step("j", i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> reporter.sent() == 5);
            assertThat(endpoint.steps("j")).containsExactly("step 1", "step 2", "step 3", "step 4", "step 5");
            assertThat(endpoint.refused).hasValue(2);
            assertThat(reporter.dropped()).isZero();
            assertThat(endpoint.requests.get(0).headers().get("X-tenant")).containsExactly("7");
            assertThat(endpoint.requests.get(0).input("percent")).isEqualTo("1");
            assertThat(endpoint.requests.get(0).input("at")).isEqualTo("2026-01-01T00:00:00Z");
        }
    }

    @Test
    void aRefusalIsNotRetriedAndTheNextStepStillGoes() {
        try (RecordingEndpoint endpoint = new RecordingEndpoint();
                GraphqlStepReporter reporter = GraphqlStepReporter.start(ProgressEndpoint.of(endpoint.url()), 3,
                        Duration.ofMillis(5), Duration.ofSeconds(5), 100)) {
            endpoint.failStatus.set(400);
            endpoint.failNext.set(1);
            reporter.report(step("j", 1));
            reporter.report(step("j", 2));
            await().atMost(Duration.ofSeconds(10)).until(() -> reporter.sent() + reporter.dropped() == 2);
            assertThat(endpoint.refused).hasValue(1);
            assertThat(reporter.dropped()).isEqualTo(1);
            assertThat(endpoint.steps("j")).containsExactly("step 2");
        }
    }

    @Test
    void closingSendsWhatIsBuffered() {
        try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
            GraphqlStepReporter reporter = GraphqlStepReporter.start(ProgressEndpoint.of(endpoint.url()));
            for (int i = 1; i <= 20; i++) {
                reporter.report(step("k", i));
            }
            reporter.close();
            assertThat(endpoint.steps("k")).hasSize(20);
            reporter.report(step("k", 21));
            assertThat(reporter.sent()).isEqualTo(20);
        }
    }
}
