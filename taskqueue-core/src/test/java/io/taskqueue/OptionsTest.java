package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void jobOptionsDefaultsAreBullMqs() {
        JobOptions defaults = JobOptions.defaults();
        assertThat(defaults.attempts()).isEqualTo(1);
        assertThat(defaults.delay()).isZero();
        assertThat(defaults.priority()).isZero();
        assertThat(defaults.backoff()).isNull();
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    }

    @Test
    void jobOptionsRejectInvalidValuesNamingTheField() {
        assertThatThrownBy(() -> JobOptions.builder().attempts(0).build()).hasMessageContaining("attempts");
        assertThatThrownBy(() -> JobOptions.builder().priority(JobOptions.MAX_PRIORITY + 1).build())
                .hasMessageContaining("priority");
        assertThatThrownBy(() -> JobOptions.builder().delay(Duration.ofMillis(-1)).build()).hasMessageContaining("delay");
        assertThatThrownBy(() -> JobOptions.builder().timeout(Duration.ZERO).build()).hasMessageContaining("timeout");
    }

    @Test
    void customJobIdsFollowBullMqsRules() {
        JobOptions.validateJobId("order-42");
        JobOptions.validateJobId("repeat:sched:1700000000000");
        for (String bad : new String[] {"0", "0:x", "42", "-7", "a:b", ""}) {
            assertThatThrownBy(() -> JobOptions.validateJobId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void workerOptionsValidateOnce() {
        assertThat(WorkerOptions.defaults().lockDuration()).isEqualTo(WorkerOptions.DEFAULT_LOCK_DURATION);
        assertThat(WorkerOptions.defaults().effectiveThreadPool().maxThreads()).isEqualTo(1);
        assertThatThrownBy(() -> WorkerOptions.builder().concurrency(0).build()).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> WorkerOptions.builder().concurrency(10).threadPool(ThreadPoolSettings.of(4)).build())
                .hasMessageContaining("maxThreads + maxQueue");
        assertThatThrownBy(() -> WorkerOptions.builder().lockDuration(Duration.ZERO).build())
                .hasMessageContaining("lockDuration");
    }

    @Test
    void keepJobsValidates() {
        assertThat(KeepJobs.all().keepsAll()).isTrue();
        assertThat(KeepJobs.count(5).withAge(Duration.ofHours(1)).keepsAll()).isFalse();
        assertThatThrownBy(() -> KeepJobs.count(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}
