package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The add-time hook: what interceptors see, in which order, what they may change, and failures. */
class EnqueueInterceptorTest {

    @Test
    void interceptorsNestInOrderAndSeeTheEffectiveOptions() {
        List<String> calls = new CopyOnWriteArrayList<>();
        JobOptions defaults = JobOptions.builder().attempts(4).build();
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:")
                .enqueueInterceptor((queue, requests, next) -> {
                    calls.add("outer:" + queue + ":" + requests.get(0).options().attempts());
                    List<String> ids = next.proceed(requests);
                    calls.add("outer-done:" + ids.size());
                    return ids;
                })
                .enqueueInterceptor((queue, requests, next) -> {
                    calls.add("inner:" + requests.size());
                    return next.proceed(requests);
                }).build()) {
            List<String> ids = taskQueue.queue("q", defaults).addBulk(List.of(new JobRequest("a", 1, null),
                    new JobRequest("b", 2, null)));
            assertThat(ids).hasSize(2);
            assertThat(calls).containsExactly("outer:q:4", "inner:2", "outer-done:2");
        }
    }

    @Test
    void anInterceptorMayChangeTheOptionsThatAreStored() {
        EnqueueInterceptor stamp = (queue, requests, next) -> {
            List<JobRequest> changed = new ArrayList<>();
            for (JobRequest r : requests) {
                changed.add(new JobRequest(r.name(), r.data(),
                        r.options().toBuilder().telemetryMetadata("{\"k\":\"" + r.name() + "\"}").build()));
            }
            return next.proceed(changed);
        };
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(installation ->
                installation.addEnqueueInterceptor(stamp)).build()) {
            JobQueue queue = taskQueue.queue("q");
            String id = queue.add("a", 1);
            assertThat(queue.getJob(id).orElseThrow().options().telemetryMetadata()).isEqualTo("{\"k\":\"a\"}");
        }
    }

    @Test
    void aFailedAddReachesTheInterceptorAndDroppingJobsIsRefused() {
        List<Throwable> seen = new CopyOnWriteArrayList<>();
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").maxPayloadBytes(64)
                .enqueueInterceptor((queue, requests, next) -> {
                    try {
                        return next.proceed(requests);
                    } catch (RuntimeException e) {
                        seen.add(e);
                        throw e;
                    }
                }).build()) {
            JobQueue queue = taskQueue.queue("q");
            assertThatThrownBy(() -> queue.add("big", "x".repeat(200))).isInstanceOf(PayloadTooLargeException.class);
            assertThat(seen).singleElement().isInstanceOf(PayloadTooLargeException.class);
        }
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:")
                .enqueueInterceptor((queue, requests, next) -> next.proceed(requests.subList(0, 1))).build()) {
            JobQueue queue = taskQueue.queue("q");
            assertThatThrownBy(() -> queue.addBulk(List.of(new JobRequest("a", 1, null), new JobRequest("b", 2, null))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 jobs instead of 2");
            assertThat(queue.counts().get(JobState.WAITING)).isZero();
        }
    }
}
