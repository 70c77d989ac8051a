package io.taskqueue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffsTest {
    @Test
    void fixedIsTheSameEveryTime() {
        Backoff fixed = Backoff.fixed(Duration.ofMillis(500));
        assertThat(Backoffs.delayMillis(fixed, 1, () -> 0.3)).isEqualTo(500);
        assertThat(Backoffs.delayMillis(fixed, 7, () -> 0.3)).isEqualTo(500);
    }

    @Test
    void exponentialDoublesFromTheBaseDelay() {
        Backoff exp = Backoff.exponential(Duration.ofMillis(200));
        assertThat(Backoffs.delayMillis(exp, 1, () -> 0)).isEqualTo(200);
        assertThat(Backoffs.delayMillis(exp, 2, () -> 0)).isEqualTo(400);
        assertThat(Backoffs.delayMillis(exp, 3, () -> 0)).isEqualTo(800);
        assertThat(Backoffs.delayMillis(exp, 11, () -> 0)).isEqualTo(204_800);
    }

    @Test
    void jitterSpreadsTheDelayBelowItsMaximum() {
        Backoff jittered = Backoff.exponential(Duration.ofMillis(1000)).withJitter(0.5);
        // BullMQ: floor(random * max * j + max * (1 - j)) with max = 2000 on the second attempt
        assertThat(Backoffs.delayMillis(jittered, 2, () -> 0.0)).isEqualTo(1000);
        assertThat(Backoffs.delayMillis(jittered, 2, () -> 0.5)).isEqualTo(1500);
        assertThat(Backoffs.delayMillis(jittered, 2, () -> 0.999)).isEqualTo(1999);
        Backoff fixedJitter = Backoff.fixed(Duration.ofMillis(100)).withJitter(1);
        assertThat(Backoffs.delayMillis(fixedJitter, 1, () -> 0.25)).isEqualTo(25);
    }

    @Test
    void customTypesAreNotComputedHere() {
        assertThatThrownBy(() -> Backoffs.delayMillis(Backoff.custom("linear", Duration.ofSeconds(1)), 1, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffValidatesItsFields() {
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(1)).withJitter(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(" ", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
