package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.ErrorCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsAreNumberedInOrderAndHoldOneStatementEach() {
        assertThat(Migrations.all()).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Migrations.all()).allSatisfy(m -> {
            assertThat(m.sql().strip()).doesNotContain(";");
            assertThat(m.sql()).doesNotContainPattern("(?i)\\b(public|tq_\\w+)\\.task_trackers");
        });
    }

    @Test
    void deadLetterPolicyBacksOffExponentiallyUpToItsCap() {
        CategoryPolicy.Replay infrastructure = (CategoryPolicy.Replay) DeadLetterPolicy.defaults()
                .forCategory(ErrorCategory.INFRASTRUCTURE.name());
        assertThat(infrastructure.delay(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(infrastructure.delay(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(infrastructure.delay(30)).isEqualTo(Duration.ofHours(1));
        assertThat(TaskTrackerOptions.defaults().dedupWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TaskTrackerOptions.defaults().toBuilder().bufferLimit(7).build().bufferLimit()).isEqualTo(7);
    }

    @Test
    void statusesHaveTheirWireNames() {
        assertThat(TaskStatus.values()).extracting(TaskStatus::wireName)
                .containsExactly("queued", "processing", "completed", "failed", "dlq", "archived");
    }

    @Test
    void policiesAreKeyedByCategoryNameWithDefaultsForTheCoresCategories() {
        DeadLetterPolicy defaults = DeadLetterPolicy.defaults();
        assertThat(defaults.categories().keySet()).containsExactlyInAnyOrder("transient", "validation",
                "infrastructure", "permanent", "processing", "unknown");
        assertThat(defaults.forCategory("validation")).isEqualTo(CategoryPolicy.archive());
        assertThat(defaults.forCategory("transient")).isEqualTo(CategoryPolicy.replayNow()
                .within(DeadLetterPolicy.DEFAULT_TRANSIENT_WINDOW));
        assertThat(defaults.forCategory("an_app_category")).isEqualTo(CategoryPolicy.keep());

        DeadLetterPolicy withApp = defaults.toBuilder()
                .category("an_app_category", CategoryPolicy.replayAfter(Duration.ofMinutes(15))).build();
        assertThat(((CategoryPolicy.Replay) withApp.forCategory("an_app_category")).delay(4))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(withApp.forCategory("validation")).isEqualTo(CategoryPolicy.archive());
        assertThatThrownBy(() -> DeadLetterPolicy.builder().category(" padded", CategoryPolicy.keep()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
