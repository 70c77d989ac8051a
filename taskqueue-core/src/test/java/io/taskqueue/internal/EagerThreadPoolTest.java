package io.taskqueue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.ThreadPoolSettings;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EagerThreadPoolTest {
    @Test
    void growsToMaxThreadsBeforeQueueing() throws Exception {
        var pool = EagerThreadPool.create(new ThreadPoolSettings(1, 4, Duration.ofSeconds(30), 10),
                new NamedThreadFactory("test", Thread.NORM_PRIORITY));
        CountDownLatch allRunning = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 4; i++) {
                pool.execute(() -> {
                    allRunning.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThat(allRunning.await(10, TimeUnit.SECONDS)).as("four tasks run at once").isTrue();
            assertThat(pool.getPoolSize()).isEqualTo(4);
            pool.execute(() -> { });
            assertThat(pool.getQueue()).hasSize(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
