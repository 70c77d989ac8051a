package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsAreNumberedInOrderAndHoldOneStatementEach() {
        assertThat(Migrations.all()).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Migrations.all()).allSatisfy(m -> {
            assertThat(m.sql().strip()).doesNotContain(";");
            assertThat(m.sql()).doesNotContainPattern("(?i)\\b(public|tq_\\w+)\\.task_trackers");
        });
    }

    @Test
    void deadLetterPolicyBacksOffExponentiallyUpToItsCap() {
        DeadLetterPolicy policy = DeadLetterPolicy.defaults();
        assertThat(policy.infrastructureDelay(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.infrastructureDelay(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.infrastructureDelay(30)).isEqualTo(Duration.ofHours(1));
        assertThat(TaskTrackerOptions.defaults().dedupWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TaskTrackerOptions.defaults().toBuilder().bufferLimit(7).build().bufferLimit()).isEqualTo(7);
    }

    @Test
    void statusesAndCategoriesHaveTheSeedsWireNames() {
        assertThat(TaskStatus.values()).extracting(TaskStatus::wireName)
                .containsExactly("queued", "processing", "completed", "failed", "dlq", "archived");
        assertThat(TaskErrorCategory.values()).extracting(TaskErrorCategory::wireName)
                .containsExactly("transient", "validation", "processing", "infrastructure", "partner_api", "unknown");
    }
}
