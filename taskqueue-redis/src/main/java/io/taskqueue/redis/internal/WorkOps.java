package io.taskqueue.redis.internal;

import io.taskqueue.KeepJobs;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.StatusCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's hot path on one queue (docs/protocol.md §5.2–§5.9): fetch, lock renewal, finish
 * (which may fetch the next job in the same script), the three kinds of release, and the stall
 * check. A fetched job that is a scheduler's current iteration has its successor produced before
 * the job is handed to the worker, as a BullMQ worker does before it runs the processor.
 */
final class WorkOps {
    private final RedisContext ctx;
    private final Keys keys;
    private final RedisSchedulers schedulers;

    WorkOps(RedisContext ctx, Keys keys, RedisSchedulers schedulers) {
        this.ctx = ctx;
        this.keys = keys;
        this.schedulers = schedulers;
    }

    FetchResult fetch(FetchRequest request) {
        Object reply = ctx.await(ctx.scripts().run(Script.MOVE_TO_ACTIVE,
                List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.limiter(),
                        keys.delayed(), keys.meta(), keys.priorityCounter(), keys.marker()),
                List.of(keys.base(), request.token(), Long.toString(request.lockDurationMillis()),
                        Long.toString(request.now()), text(request.workerName()), limiterMax(request),
                        limiterDuration(request))), "fetch");
        return toFetchResult((List<?>) reply, request.now());
    }

    Map<String, LockStatus> extendLocks(Map<String, String> tokensByJobId, long durationMillis) {
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

    FetchResult finish(FinishRequest request) {
        boolean completed = request.completed();
        KeepJobs keep = request.keep();
        FetchRequest next = request.next();
        List<String> k = List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.limiter(),
                keys.delayed(), keys.meta(), keys.priorityCounter(), keys.marker(), keys.stalled(),
                completed ? keys.completed() : keys.failed(), keys.metrics(completed), keys.metricsData(completed),
                keys.id());
        List<String> args = List.of(keys.base(), request.jobId(), Long.toString(request.now()),
                completed ? "completed" : "failed", request.value(), request.token(), stacktrace(request.stacktrace()),
                Integer.toString(keep.count()), keep.age() == null ? "" : Long.toString(keep.age().toMillis()),
                Integer.toString(keep.limit()), metricsPoints(request),
                next == null ? "0" : "1", next == null ? "" : next.token(),
                next == null ? "" : Long.toString(next.lockDurationMillis()),
                next == null ? "" : text(next.workerName()),
                next == null ? "" : limiterMax(next), next == null ? "" : limiterDuration(next));
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.MOVE_TO_FINISHED, k, args), "finish");
        if (reply.size() > 1) {
            return toFetchResult(reply, request.now());
        }
        StatusCodes.check(((Number) reply.get(0)).longValue(), request.jobId(), completed ? "complete" : "fail");
        return FetchResult.EMPTY;
    }

    /** RETRY and POSTPONE go through retryJob (which spends an attempt or not); HAND_BACK puts the job first in line. */
    void release(ReleaseRequest request) {
        Object reply;
        String what = switch (request.kind()) {
            case RETRY -> "retry";
            case POSTPONE -> "postpone";
            case HAND_BACK -> "hand back";
        };
        if (request.kind() == ReleaseRequest.Kind.HAND_BACK) {
            reply = ctx.await(ctx.scripts().run(Script.MOVE_JOB_FROM_ACTIVE_TO_WAIT,
                    List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.meta(),
                            keys.limiter(), keys.marker(), keys.stalled()),
                    List.of(keys.base(), request.jobId(), request.token())), what);
        } else {
            boolean retry = request.kind() == ReleaseRequest.Kind.RETRY;
            reply = ctx.await(ctx.scripts().run(Script.RETRY_JOB,
                    List.of(keys.waitList(), keys.active(), keys.prioritized(), keys.events(), keys.delayed(),
                            keys.meta(), keys.priorityCounter(), keys.marker(), keys.stalled()),
                    List.of(keys.base(), request.jobId(), Long.toString(request.now()),
                            Long.toString(request.delayMillis()), retry ? "1" : "0", request.token(),
                            request.failedReason() == null ? "0" : "1", text(request.failedReason()),
                            stacktrace(request.stacktrace()))), what);
        }
        StatusCodes.check(((Number) reply).longValue(), request.jobId(), what);
    }

    List<String> checkStalled(int maxStalledCount, long intervalMillis, long now) {
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.MOVE_STALLED_JOBS_TO_WAIT,
                List.of(keys.stalled(), keys.waitList(), keys.active(), keys.stalledCheck(), keys.meta(), keys.events(),
                        keys.marker(), keys.repeat()),
                List.of(keys.base(), Integer.toString(maxStalledCount), Long.toString(now), Long.toString(intervalMillis))),
                "checkStalled");
        List<String> ids = new ArrayList<>(reply.size());
        reply.forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    /**
     * A fetch reply: {@code [jobHash, id, 0, 0]} when a job was fetched, else {@code [0, 0, rateLimitTtl,
     * nextDelayedAt]} (docs/protocol.md §5.2).
     */
    private FetchResult toFetchResult(List<?> reply, long now) {
        if (reply.get(0) instanceof List<?> flat) {
            String id = String.valueOf(reply.get(1));
            Map<String, String> hash = JobHashCodec.toMap(flat);
            schedulers.onFetched(id, hash, now);
            return new FetchResult.Fetched(ctx.codec().read(id, hash));
        }
        long ttl = ((Number) reply.get(2)).longValue();
        if (ttl > 0) {
            return new FetchResult.RateLimited(ttl);
        }
        long next = ((Number) reply.get(3)).longValue();
        return next > 0 ? new FetchResult.Empty(next) : FetchResult.EMPTY;
    }

    private String stacktrace(List<String> stacktrace) {
        return stacktrace == null ? "" : ctx.codec().writeStacktrace(stacktrace);
    }

    /** The worker's setting, else the backend-wide fallback of the options; "" collects none. */
    private String metricsPoints(FinishRequest request) {
        int points = request.metricsMaxDataPoints() > 0 ? request.metricsMaxDataPoints() : ctx.metricsMaxDataPoints();
        return points > 0 ? Integer.toString(points) : "";
    }

    private static String limiterMax(FetchRequest request) {
        return request.limiter() == null ? "" : Integer.toString(request.limiter().max());
    }

    private static String limiterDuration(FetchRequest request) {
        return request.limiter() == null ? "" : Long.toString(request.limiter().durationMillis());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
