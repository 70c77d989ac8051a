package io.taskqueue.redis.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;
import io.taskqueue.Subscription;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.RetryRequest;
import io.taskqueue.spi.StatusCodes;
import io.taskqueue.spi.WorkerChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One queue on Redis. Producing and working operations (the hot path) live here; reads,
 * management, limits, groups and schedulers are one-line delegations in
 * {@link QueueBackendDelegations}. Every operation is one Lua script (or one plain command where the
 * protocol uses one) on the backend's shared connection.
 */
public final class RedisQueueBackend extends QueueBackendDelegations {

    public RedisQueueBackend(RedisContext ctx, Keys keys) {
        super(ctx, keys);
    }

    /** Writes the meta hash as a BullMQ Queue does when it is constructed (protocol §3). */
    public void open() {
        var async = ctx.connection().async();
        ctx.await(async.hsetnx(keys.meta(), "opts.maxLenEvents", Integer.toString(ctx.maxLenEvents()))
                .thenCompose(ignored -> async.hset(keys.meta(), "version", RedisBackendConstants.VERSION)),
                "open queue " + keys.queue());
    }

    /** The key names of this queue. */
    public Keys keys() {
        return keys;
    }

    @Override
    public String name() {
        return keys.queue();
    }

    // ---- producing ----

    @Override
    public String add(NewJob job) {
        return (String) ctx.await(addAsync(job), "add");
    }

    @Override
    public List<String> addBulk(List<NewJob> jobs) {
        List<CompletionStage<Object>> pending = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            pending.add(addAsync(job));
        }
        List<String> ids = new ArrayList<>(jobs.size());
        for (CompletionStage<Object> p : pending) {
            ids.add((String) ctx.await(p, "addBulk"));
        }
        return ids;
    }

    private CompletionStage<Object> addAsync(NewJob job) {
        JobOptions o = job.options();
        return ctx.scripts().run(Script.ADD_JOB,
                List.of(keys.waitList(), keys.meta(), keys.id(), keys.delayed(), keys.prioritized(), keys.priorityCounter(),
                        keys.events(), keys.marker(), keys.active()),
                List.of(keys.base(), o.jobId() == null ? "" : o.jobId(), job.name(), job.dataJson(),
                        ctx.codec().opts().write(o), Long.toString(job.timestamp()), Long.toString(o.delay().toMillis()),
                        Integer.toString(o.priority()), o.lifo() ? "1" : "0"));
    }

    // ---- working ----

    @Override
    public FetchResult fetch(FetchRequest request) {
        Object reply = ctx.await(ctx.scripts().run(Script.MOVE_TO_ACTIVE, fetchKeys(),
                List.of(keys.base(), request.token(), Long.toString(request.lockDurationMillis()),
                        Long.toString(request.now()), nullToEmpty(request.workerName()),
                        limiterMax(request), limiterDuration(request))), "fetch");
        return toFetchResult(reply, request.now());
    }

    private List<String> fetchKeys() {
        return List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.limiter(), keys.delayed(),
                keys.meta(), keys.priorityCounter(), keys.marker());
    }

    /** Like {@link #toFetchResult(Object)}, producing a fetched scheduler job's next job first (§9). */
    private FetchResult toFetchResult(Object reply, long now) {
        List<?> r = (List<?>) reply;
        if (r.get(0) instanceof List<?> flat) {
            schedulers.onFetched(String.valueOf(r.get(1)), JobHashCodec.toMap(flat), now);
        }
        return toFetchResult(reply);
    }

    private FetchResult toFetchResult(Object reply) {
        List<?> r = (List<?>) reply;
        if (r.get(0) instanceof List<?> flat) {
            String id = String.valueOf(r.get(1));
            return new FetchResult.Fetched(ctx.codec().read(id, JobHashCodec.toMap(flat)));
        }
        long ttl = ((Number) r.get(2)).longValue();
        if (ttl > 0) {
            return new FetchResult.RateLimited(ttl);
        }
        long next = ((Number) r.get(3)).longValue();
        return next > 0 ? new FetchResult.Empty(next) : FetchResult.EMPTY;
    }

    @Override
    public WorkerChannel openWorkerChannel(String workerName) {
        return new MarkerChannel(ctx, keys.marker(), keys.workerConnectionName(workerName));
    }

    @Override
    public Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis, long now) {
        Map<String, LockStatus> out = new LinkedHashMap<>();
        if (tokensByJobId.isEmpty()) {
            return out;
        }
        List<String> ids = new ArrayList<>(tokensByJobId.keySet());
        List<String> args = new ArrayList<>(2 + 2 * ids.size());
        args.add(keys.base());
        args.add(Long.toString(durationMillis));
        for (String id : ids) {
            args.add(id);
            args.add(tokensByJobId.get(id));
        }
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.EXTEND_LOCKS, List.of(keys.stalled()), args),
                "extendLocks");
        for (int i = 0; i < ids.size(); i++) {
            long status = ((Number) reply.get(i)).longValue();
            out.put(ids.get(i), status == 2 ? LockStatus.CANCEL_REQUESTED : status == 1 ? LockStatus.HELD : LockStatus.LOST);
        }
        return out;
    }

    @Override
    public FetchResult finish(FinishRequest request) {
        boolean completed = request.completed();
        KeepJobs keep = request.keep();
        FetchRequest next = request.next();
        List<String> k = List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.limiter(),
                keys.delayed(), keys.meta(), keys.priorityCounter(), keys.marker(), keys.stalled(),
                completed ? keys.completed() : keys.failed(), keys.metrics(completed), keys.metricsData(completed),
                keys.id());
        List<String> args = List.of(keys.base(), request.jobId(), Long.toString(request.now()),
                completed ? "completed" : "failed", request.value(), request.token(),
                request.stacktrace() == null ? "" : ctx.codec().writeStacktrace(request.stacktrace()),
                Integer.toString(keep.count()), keep.age() == null ? "" : Long.toString(keep.age().toMillis()),
                Integer.toString(keep.limit()),
                metricsPoints(request),
                next == null ? "0" : "1", next == null ? "" : next.token(),
                next == null ? "" : Long.toString(next.lockDurationMillis()),
                next == null ? "" : nullToEmpty(next.workerName()),
                next == null ? "" : limiterMax(next), next == null ? "" : limiterDuration(next));
        Object reply = ctx.await(ctx.scripts().run(Script.MOVE_TO_FINISHED, k, args), "finish");
        List<?> r = (List<?>) reply;
        if (r.size() > 1) {
            return toFetchResult(r, request.now());
        }
        StatusCodes.check(((Number) r.get(0)).longValue(), request.jobId(), completed ? "complete" : "fail");
        return FetchResult.EMPTY;
    }

    @Override
    public void retry(RetryRequest request) {
        Object reply = ctx.await(ctx.scripts().run(Script.RETRY_JOB,
                List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.delayed(), keys.meta(),
                        keys.priorityCounter(), keys.marker(), keys.stalled()),
                List.of(keys.base(), request.jobId(), Long.toString(request.now()), Long.toString(request.delayMillis()),
                        request.spendAttempt() ? "1" : "0", request.token(), request.failedReason() == null ? "0" : "1",
                        nullToEmpty(request.failedReason()),
                        request.stacktrace() == null ? "" : ctx.codec().writeStacktrace(request.stacktrace()))),
                "retry");
        StatusCodes.check(((Number) reply).longValue(), request.jobId(), "retry");
    }

    @Override
    public void handBack(String jobId, String token, long now) {
        Object reply = ctx.await(ctx.scripts().run(Script.MOVE_JOB_FROM_ACTIVE_TO_WAIT,
                List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.meta(), keys.limiter(),
                        keys.marker(), keys.stalled()),
                List.of(keys.base(), jobId, token)), "handBack");
        StatusCodes.check(((Number) reply).longValue(), jobId, "handBack");
    }

    @Override
    public List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.MOVE_STALLED_JOBS_TO_WAIT,
                List.of(keys.stalled(), keys.waitList(), keys.active(), keys.stalledCheck(), keys.meta(), keys.events(),
                        keys.marker(), keys.repeat()),
                List.of(keys.base(), Integer.toString(maxStalledCount), Long.toString(now), Long.toString(intervalMillis))),
                "checkStalled");
        List<String> ids = new ArrayList<>(reply.size());
        reply.forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    @Override
    public Subscription onCancelRequested(Consumer<String> onJobId) {
        return CancelListener.start(ctx, keys.cancelChannel(), Objects.requireNonNull(onJobId, "onJobId"));
    }

    // ---- job data during a run ----

    @Override
    public boolean updateProgress(String jobId, String progressJson) {
        Object reply = ctx.await(ctx.scripts().run(Script.UPDATE_PROGRESS,
                List.of(keys.job(jobId), keys.meta(), keys.events()), List.of(jobId, progressJson)), "updateProgress");
        return ((Number) reply).longValue() == 0;
    }

    @Override
    public long addLog(String jobId, String line, Integer keepLogs) {
        Object reply = ctx.await(ctx.scripts().run(Script.ADD_LOG, List.of(keys.job(jobId), keys.logs(jobId)),
                List.of(line, keepLogs == null ? "" : Integer.toString(keepLogs))), "addLog");
        return StatusCodes.check(((Number) reply).longValue(), jobId, "addLog");
    }

    @Override
    public void saveCheckpoint(String jobId, String key, String json) {
        Object reply = ctx.await(ctx.scripts().run(Script.SAVE_CHECKPOINT,
                List.of(keys.job(jobId), keys.checkpoints(jobId)), List.of(key, json)), "saveCheckpoint");
        StatusCodes.check(((Number) reply).longValue(), jobId, "saveCheckpoint");
    }

    @Override
    public Map<String, String> checkpoints(String jobId) {
        return ctx.await(ctx.connection().async().hgetall(keys.checkpoints(jobId)), "checkpoints");
    }

    private static String limiterMax(FetchRequest request) {
        return request.limiter() == null ? "" : Integer.toString(request.limiter().max());
    }

    private static String limiterDuration(FetchRequest request) {
        return request.limiter() == null ? "" : Long.toString(request.limiter().durationMillis());
    }

    /** The worker's setting, else the backend-wide one kept for compatibility; "" collects none. */
    private String metricsPoints(FinishRequest request) {
        int points = request.metricsMaxDataPoints() > 0 ? request.metricsMaxDataPoints() : ctx.metricsMaxDataPoints();
        return points > 0 ? Integer.toString(points) : "";
    }


    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
