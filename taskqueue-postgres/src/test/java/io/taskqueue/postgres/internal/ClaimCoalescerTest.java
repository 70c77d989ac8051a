package io.taskqueue.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** The coalescer's bookkeeping, against a fake store: who shares a statement, who learns what. */
class ClaimCoalescerTest {

    /** A store that holds its first statement until released, so later claims pile up behind it. */
    private static final class GatedStore implements ClaimCoalescer.Store {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<ClaimRequest>> statements = new CopyOnWriteArrayList<>();
        volatile RuntimeException failBatches;
        volatile String badJob;

        @Override
        public Map<ClaimRequest.Key, String> claim(List<ClaimRequest> claims) {
            statements.add(List.copyOf(claims));
            if (statements.size() == 1) {
                firstStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failBatches != null && claims.size() > 1) {
                throw failBatches;
            }
            Map<ClaimRequest.Key, String> won = new HashMap<>();
            for (ClaimRequest c : claims) {
                if (c.jobId().equals(badJob)) {
                    throw sqlFailure("22P02");
                }
                // The fake's rule: the first fetch of a job wins, any other is refused.
                if (c.fetchNo() == 1) {
                    won.put(c.key(), c.taskId());
                }
            }
            return won;
        }
    }

    @Test
    void claimsWaitingBehindABatchGoTogetherButNeverTwoOfOneJob() throws Exception {
        GatedStore store = new GatedStore();
        ClaimCoalescer coalescer = new ClaimCoalescer(store, 1, 128, "test-claim");
        try {
            CompletableFuture<Optional<String>> first = coalescer.submit(claim("job-0", 1));
            store.firstStarted.await(10, TimeUnit.SECONDS);
            List<CompletableFuture<Optional<String>>> rest = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                rest.add(coalescer.submit(claim("job-" + i, 1)));
            }
            CompletableFuture<Optional<String>> again = coalescer.submit(claim("job-3", 2));
            store.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).contains("q:job-0");
            for (int i = 0; i < 5; i++) {
                assertThat(rest.get(i).get(10, TimeUnit.SECONDS)).contains("q:job-" + (i + 1));
            }
            assertThat(again.get(10, TimeUnit.SECONDS)).isEmpty();
            // job-0 alone; jobs 1-5 in one statement; job-3's second claim in the next one, after its first.
            assertThat(store.statements).hasSize(3);
            assertThat(store.statements.get(1)).extracting(ClaimRequest::jobId)
                    .containsExactly("job-1", "job-2", "job-3", "job-4", "job-5");
            assertThat(store.statements.get(2)).extracting(ClaimRequest::jobId, ClaimRequest::fetchNo)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("job-3", 2));
            assertThat(coalescer.statements()).isEqualTo(3);
            assertThat(coalescer.claimsSent()).isEqualTo(7);
        } finally {
            coalescer.close();
        }
    }

    @Test
    void aBatchRejectedForItsDataIsRetriedClaimByClaimSoOnlyTheBadClaimFails() throws Exception {
        GatedStore store = new GatedStore();
        store.badJob = "job-2";
        ClaimCoalescer coalescer = new ClaimCoalescer(store, 1, 128, "test-claim");
        try {
            CompletableFuture<Optional<String>> first = coalescer.submit(claim("job-0", 1));
            store.firstStarted.await(10, TimeUnit.SECONDS);
            CompletableFuture<Optional<String>> good1 = coalescer.submit(claim("job-1", 1));
            CompletableFuture<Optional<String>> bad = coalescer.submit(claim("job-2", 1));
            CompletableFuture<Optional<String>> refused = coalescer.submit(claim("job-3", 2));
            store.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).contains("q:job-0");
            assertThat(good1.get(10, TimeUnit.SECONDS)).contains("q:job-1");
            assertThat(refused.get(10, TimeUnit.SECONDS)).isEmpty();
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseInstanceOf(SQLException.class);
            // The batch of three, then each of its claims alone.
            assertThat(store.statements).extracting(List::size).containsExactly(1, 3, 1, 1, 1);
        } finally {
            coalescer.close();
        }
    }

    @Test
    void whenTheDatabaseIsAwayEveryClaimOfTheBatchFailsWithoutRetries() throws Exception {
        GatedStore store = new GatedStore();
        store.failBatches = sqlFailure("08006");
        ClaimCoalescer coalescer = new ClaimCoalescer(store, 1, 128, "test-claim");
        try {
            CompletableFuture<Optional<String>> first = coalescer.submit(claim("job-0", 1));
            store.firstStarted.await(10, TimeUnit.SECONDS);
            List<CompletableFuture<Optional<String>>> batch = List.of(coalescer.submit(claim("job-1", 1)),
                    coalescer.submit(claim("job-2", 1)), coalescer.submit(claim("job-3", 1)));
            store.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).contains("q:job-0");
            for (CompletableFuture<Optional<String>> f : batch) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasRootCauseInstanceOf(SQLException.class);
            }
            assertThat(store.statements).extracting(List::size).containsExactly(1, 3);
        } finally {
            coalescer.close();
        }
    }

    @Test
    void aClaimWithdrawnBeforeItsBatchIsNotSentAndClosingFailsWhatWaits() throws Exception {
        GatedStore store = new GatedStore();
        ClaimCoalescer coalescer = new ClaimCoalescer(store, 1, 128, "test-claim");
        CompletableFuture<Optional<String>> first = coalescer.submit(claim("job-0", 1));
        store.firstStarted.await(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<String>> withdrawn = coalescer.submit(claim("job-1", 1));
        CompletableFuture<Optional<String>> kept = coalescer.submit(claim("job-2", 1));
        withdrawn.cancel(true);
        store.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(kept.get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(store.statements).extracting(List::size).containsExactly(1, 1);
        assertThat(store.statements.get(1)).extracting(ClaimRequest::jobId).containsExactly("job-2");

        coalescer.close();
        CompletableFuture<Optional<String>> late = coalescer.submit(claim("job-9", 1));
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    private static ClaimRequest claim(String jobId, int fetchNo) {
        Instant now = Instant.now();
        return new ClaimRequest("q:" + jobId, UUID.randomUUID(), "q", jobId, "work", 1, 3, fetchNo, now, 0, now);
    }

    private static RuntimeException sqlFailure(String state) {
        return new UnableToExecuteStatementException(new SQLException("simulated", state), null);
    }
}
