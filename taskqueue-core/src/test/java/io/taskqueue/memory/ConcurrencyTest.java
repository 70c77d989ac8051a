package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Workers and producers racing on one queue: every job runs exactly once. */
class ConcurrencyTest extends MemoryTestSupport {
    private static final int JOBS = 2_000;
    private static final int WORKERS = 4;

    @Test
    void everyJobIsProcessedExactlyOnce() throws Exception {
        Set<String> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String worker = "w" + w;
                futures.add(pool.submit(() -> {
                    try (WorkerChannel channel = q.openWorkerChannel(worker, jobId -> { })) {
                        int n = 0;
                        FetchRequest next = new FetchRequest(worker + ":" + n, LOCK, worker, 1_000);
                        FetchResult r = q.fetch(next);
                        while (done.get() < JOBS) {
                            if (r instanceof FetchResult.Fetched f) {
                                Job job = f.job();
                                if (!processed.add(job.id())) {
                                    duplicates.incrementAndGet();
                                }
                                done.incrementAndGet();
                                String token = worker + ":" + n++;
                                r = q.finish(new FinishRequest(job.id(), token, 1_000, true, "null", null,
                                        KeepJobs.all(), new FetchRequest(worker + ":" + n, LOCK, worker, 1_000)));
                            } else {
                                channel.awaitWork(Duration.ofMillis(20));
                                r = q.fetch(new FetchRequest(worker + ":" + n, LOCK, worker, 1_000));
                            }
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                for (int i = 0; i < JOBS; i++) {
                    q.add(List.of(new NewJob("j", "{}", JobOptions.defaults(), 1_000))).get(0);
                }
                return null;
            }));
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).hasValue(0);
        assertThat(processed).hasSize(JOBS);
        assertThat(q.counts(EnumSet.of(JobState.COMPLETED, JobState.ACTIVE, JobState.WAITING)))
                .containsEntry(JobState.COMPLETED, (long) JOBS)
                .containsEntry(JobState.ACTIVE, 0L)
                .containsEntry(JobState.WAITING, 0L);
    }
}
