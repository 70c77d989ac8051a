package io.taskqueue.docs;

import io.taskqueue.ChildFailurePolicy;
import io.taskqueue.Deduplication;
import io.taskqueue.FlowJob;
import io.taskqueue.FlowNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobScheduler;
import io.taskqueue.JobType;
import io.taskqueue.Metrics;
import io.taskqueue.RateLimit;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** docs/guide.md: schedulers, flows, limits, deduplication, metrics and groups. */
final class GuideFeatures {
    private GuideFeatures() {
    }

    record Charge(String customer, long cents) {}

    record PspResponse(int status, long retryAfterSeconds, String body) {}

    /** A payment service provider's client, as the handler below sees it. */
    interface Psp {
        PspResponse charge(Charge charge);
    }

    record User(String id) {}

    record Doc(String id) {}

    static final JobType<Charge, String> CHARGE = JobType.of("charge", Charge.class, String.class);

    static void schedulers(JobQueue queue) {
        // tag::schedulers[]
        // every 30 s, at most 100 jobs
        queue.schedulers().upsert("sync", SchedulerSpec.every(Duration.ofSeconds(30)).limit(100).build(),
                "sync-accounts", Map.of("full", false), JobOptions.builder().attempts(3).build());

        // 06:30 on weekdays in Berlin, from March on
        queue.schedulers().upsert("report", SchedulerSpec.cron("30 6 * * 1-5").timeZone("Europe/Berlin")
                .startDate(Instant.parse("2026-03-01T00:00:00Z")).build(), "daily-report", null, null);

        for (JobScheduler s : queue.schedulers().list()) {
            System.out.println(s.id() + " next at " + Instant.ofEpochMilli(s.next()) + ", jobs so far "
                    + s.iterationCount());
        }
        queue.schedulers().remove("sync");
        // end::schedulers[]
    }

    static FlowJob flows(TaskQueue taskQueue) {
        // tag::flows[]
        FlowJob ids = taskQueue.flows().add(
                FlowNode.of("reports", "summary", Map.of("month", "2026-03")).withChildren(
                        FlowNode.of("parts", "count-orders", 1).onFailure(ChildFailurePolicy.FAIL_PARENT),
                        FlowNode.of("parts", "count-refunds", 2).onFailure(ChildFailurePolicy.IGNORE)));

        // in the parent's handler, or anywhere later:
        JobQueue reports = taskQueue.queue("reports");
        Map<String, String> results = reports.getChildrenValues(ids.id()); // child reference -> result JSON
        // end::flows[]
        System.out.println("children done so far: " + results.size());
        return ids;
    }

    static Worker limits(TaskQueue taskQueue, Handlers handlers) {
        JobQueue queue = taskQueue.queue("emails");
        // tag::limits[]
        // at most 2 jobs of this queue run at once, across every worker and process
        queue.limits().setGlobalConcurrency(2);

        // at most 100 job starts per second across every worker (overrides workers' own limiter max)
        queue.limits().setGlobalRateLimit(100, Duration.ofSeconds(1));

        // or per worker: BullMQ's `limiter: {max, duration}`
        Worker worker = taskQueue.worker("emails").handlers(handlers)
                .options(WorkerOptions.builder().limiter(RateLimit.of(10, Duration.ofSeconds(1))).build())
                .build().start();

        queue.limits().removeGlobalConcurrency();
        queue.limits().removeGlobalRateLimit();
        // end::limits[]
        return worker;
    }

    static Handlers rateLimitedHandler(Psp psp) {
        return Handlers.builder()
                // tag::rate-limited[]
                .on(CHARGE, ctx -> {
                    PspResponse r = psp.charge(ctx.data());
                    if (r.status() == 429) {
                        throw ctx.rateLimit(Duration.ofSeconds(r.retryAfterSeconds()));
                    }
                    return r.body();
                })
                // end::rate-limited[]
                .build();
    }

    static String deduplication(JobQueue queue, User user, String key, Doc doc) {
        // tag::deduplication[]
        // simple: one sync per user while one is waiting or running
        String id = queue.add("sync-user", user, JobOptions.builder()
                .deduplication(Deduplication.simple("user-" + user.id())).build());

        // throttle: at most one cache refresh per minute, however often it is asked for
        queue.add("refresh", key, JobOptions.builder()
                .deduplication(Deduplication.throttle("refresh-" + key, Duration.ofMinutes(1))).build());

        // debounce: search-index a document 5 s after the LAST edit (each add replaces the delayed one)
        queue.add("index", doc, JobOptions.builder().delay(Duration.ofSeconds(5))
                .deduplication(Deduplication.debounce("doc-" + doc.id(), Duration.ofSeconds(5))).build());

        // keep the last request that arrives while the owner runs, and run it afterwards
        queue.add("render", doc, JobOptions.builder()
                .deduplication(Deduplication.simple("render-" + doc.id()).withKeepLastIfActive()).build());
        // end::deduplication[]
        return id;
    }

    static List<Long> metrics(JobQueue queue) {
        // tag::metrics[]
        WorkerOptions options = WorkerOptions.builder().metricsMaxDataPoints(WorkerOptions.METRICS_ONE_WEEK).build();

        Metrics m = queue.getMetrics(Metrics.Type.COMPLETED);      // or FAILED; getMetrics(type, 0, 59)
        long total = m.count();                                     // finished since collection began
        List<Long> perMinute = m.data();                            // index 0 is the latest minute
        // end::metrics[]
        return total >= 0 && options.metricsMaxDataPoints() > 0 ? perMinute : List.of();
    }

    static void groups(JobQueue queue, Object account) {
        // tag::groups[]
        queue.limits().setGroupConcurrency("tenant-42", 1);                          // one at a time, in order
        queue.limits().setGroupRateLimit("reports-api", RateLimit.of(2, Duration.ofSeconds(1)));
        queue.limits().setDefaultGroupConcurrency(4);                                // every other group
        queue.limits().setDefaultGroupRateLimit(RateLimit.of(100, Duration.ofMinutes(1)));

        queue.add("sync-account", account, JobOptions.builder().group("tenant-42").build());

        queue.limits().groupConcurrency("tenant-7");     // Optional[4]: its own setting, else the default
        queue.limits().groupWaitingCount("tenant-42");   // jobs still queued in the group
        queue.limits().waitingGroups();                  // groups with queued jobs
        queue.limits().removeGroupConcurrency("tenant-42");   // back to the default
        // end::groups[]
    }

    static List<String> redisUrls() {
        // tag::topologies[]
        // Redis Cluster: the listed nodes are seeds; "{bull}" keeps each queue (and flows across queues) in one slot
        String cluster = "redis-cluster://10.0.0.1:7000,10.0.0.2:7000,10.0.0.3:7000?prefix={bull}";

        // Sentinel: the sentinels' addresses and the monitored master's name
        String sentinel = "redis-sentinel://10.0.0.1:26379,10.0.0.2:26379?sentinelMasterId=mymaster";

        // either one opens like any other backend: TaskQueue.open(cluster)
        // end::topologies[]
        return List.of(cluster, sentinel);
    }
}
