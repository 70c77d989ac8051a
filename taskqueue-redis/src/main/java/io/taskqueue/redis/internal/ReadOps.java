package io.taskqueue.redis.internal;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.spi.StatusCodes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading one queue's jobs (docs/protocol.md §5.13) and writing what a running job reports about
 * itself: progress and log lines. A state's count includes the {@code paused} list for waiting
 * jobs, where BullMQ 5 kept them.
 */
final class ReadOps {
    private final RedisContext ctx;
    private final Keys keys;

    ReadOps(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    Optional<Job> getJob(String jobId) {
        Map<String, String> hash = ctx.await(ctx.connection().async().hgetall(keys.job(jobId)), "getJob");
        return hash.isEmpty() ? Optional.empty() : Optional.of(ctx.codec().read(jobId, hash));
    }

    JobState getState(String jobId) {
        Object reply = ctx.await(ctx.scripts().run(Script.GET_STATE,
                List.of(keys.completed(), keys.failed(), keys.delayed(), keys.prioritized(), keys.active(), keys.waitList(),
                        keys.paused(), keys.waitingChildren()), List.of(jobId)), "getState");
        return JobState.fromWireName(String.valueOf(reply));
    }

    List<Job> getJobs(JobState state, long start, long end, boolean ascending) {
        if (state == JobState.UNKNOWN) {
            return List.of();
        }
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.GET_JOBS, List.of(keys.stateKey(state.wireName())),
                List.of(keys.base(), isList(state) ? "list" : "zset", Long.toString(start), Long.toString(end),
                        ascending ? "1" : "0")), "getJobs");
        List<Job> jobs = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            String id = String.valueOf(reply.get(i));
            jobs.add(ctx.codec().read(id, JobHashCodec.toMap((List<?>) reply.get(i + 1))));
        }
        return jobs;
    }

    Map<JobState, Long> counts(Set<JobState> states) {
        List<JobState> asked = new ArrayList<>();
        List<String> k = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JobState s : states) {
            if (s == JobState.UNKNOWN) {
                continue;
            }
            asked.add(s);
            k.add(keys.stateKey(s.wireName()));
            types.add(isList(s) ? "list" : "zset");
            if (s == JobState.WAITING) {
                asked.add(s);
                k.add(keys.paused());
                types.add("list");
            }
        }
        Map<JobState, Long> out = new EnumMap<>(JobState.class);
        for (JobState s : states) {
            out.put(s, 0L);
        }
        if (k.isEmpty()) {
            return out;
        }
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.GET_COUNTS, k, types), "counts");
        for (int i = 0; i < asked.size(); i++) {
            out.merge(asked.get(i), ((Number) reply.get(i)).longValue(), Long::sum);
        }
        return out;
    }

    List<String> getLogs(String jobId, long start, long end) {
        return ctx.await(ctx.connection().async().lrange(keys.logs(jobId), start, end), "getLogs");
    }

    boolean updateProgress(String jobId, String progressJson) {
        Object reply = ctx.await(ctx.scripts().run(Script.UPDATE_PROGRESS,
                List.of(keys.job(jobId), keys.meta(), keys.events()), List.of(jobId, progressJson)), "updateProgress");
        return ((Number) reply).longValue() == 0;
    }

    long addLog(String jobId, String line, Integer keepLogs) {
        Object reply = ctx.await(ctx.scripts().run(Script.ADD_LOG, List.of(keys.job(jobId), keys.logs(jobId)),
                List.of(line, keepLogs == null ? "" : Integer.toString(keepLogs))), "addLog");
        return StatusCodes.check(((Number) reply).longValue(), jobId, "addLog");
    }

    private static boolean isList(JobState state) {
        return state == JobState.WAITING || state == JobState.ACTIVE;
    }
}
