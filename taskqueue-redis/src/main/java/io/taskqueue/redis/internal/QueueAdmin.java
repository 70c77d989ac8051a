package io.taskqueue.redis.internal;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.StatusCodes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read and management operations of one queue (protocol §5.10–§5.13). */
final class QueueAdmin {
    private static final int OBLITERATE_BATCH = 1000;

    private final RedisContext ctx;
    private final Keys keys;

    QueueAdmin(RedisContext ctx, Keys keys) {
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

    void pause(boolean pause) {
        ctx.await(ctx.scripts().run(Script.PAUSE,
                List.of(keys.meta(), keys.marker(), keys.events(), keys.waitList(), keys.paused(), keys.prioritized(),
                        keys.delayed()), List.of(pause ? "pause" : "resume")), pause ? "pause" : "resume");
    }

    RemoveResult remove(String jobId) {
        long rc = number(ctx.await(ctx.scripts().run(Script.REMOVE_JOB,
                List.of(keys.completed(), keys.waitingChildren(), keys.delayed(), keys.failed(), keys.prioritized(),
                        keys.waitList(), keys.paused(), keys.active(), keys.events(), keys.meta(), keys.repeat()),
                List.of(keys.base(), jobId, Long.toString(ctx.clock().millis()))), "remove"));
        if (rc == StatusCodes.JOB_NOT_FOUND) {
            return RemoveResult.NOT_FOUND;
        }
        StatusCodes.check(rc, jobId, "remove");
        return rc == 1 ? RemoveResult.REMOVED : RemoveResult.LOCKED;
    }

    boolean retryJob(String jobId, JobState from) {
        if (!from.isFinal()) {
            throw new IllegalArgumentException("only completed or failed jobs can be retried: " + from);
        }
        String state = from.wireName();
        long rc = number(ctx.await(ctx.scripts().run(Script.REPROCESS_JOB,
                List.of(keys.stateKey(state), keys.waitList(), keys.prioritized(), keys.priorityCounter(), keys.meta(),
                        keys.events(), keys.marker(), keys.active()),
                List.of(keys.base(), jobId, state)), "retryJob"));
        return rc == 1;
    }

    boolean promote(String jobId) {
        long rc = number(ctx.await(ctx.scripts().run(Script.PROMOTE,
                List.of(keys.delayed(), keys.waitList(), keys.prioritized(), keys.priorityCounter(), keys.meta(),
                        keys.active(), keys.events(), keys.marker()),
                List.of(keys.base(), jobId)), "promote"));
        return rc == 0;
    }

    boolean changeDelay(String jobId, long delayMillis, long now) {
        long rc = number(ctx.await(ctx.scripts().run(Script.CHANGE_DELAY,
                List.of(keys.delayed(), keys.meta(), keys.events(), keys.marker()),
                List.of(keys.base(), jobId, Long.toString(delayMillis), Long.toString(now))), "changeDelay"));
        return rc == 0;
    }

    boolean changePriority(String jobId, int priority, boolean lifo) {
        if (priority < 0 || priority > io.taskqueue.JobOptions.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
        long rc = number(ctx.await(ctx.scripts().run(Script.CHANGE_PRIORITY,
                List.of(keys.waitList(), keys.prioritized(), keys.priorityCounter(), keys.meta(), keys.active(),
                        keys.marker()),
                List.of(keys.base(), jobId, Integer.toString(priority), lifo ? "1" : "0")), "changePriority"));
        return rc == 0;
    }

    List<String> clean(long graceMillis, int limit, JobState state, long now) {
        String name = switch (state) {
            case WAITING -> "wait";
            case UNKNOWN -> throw new IllegalArgumentException("cannot clean state " + state);
            default -> state.wireName();
        };
        List<?> reply = (List<?>) ctx.await(ctx.scripts().run(Script.CLEAN_JOBS_IN_SET,
                List.of(keys.key(name), keys.events(), keys.meta(), keys.repeat()),
                List.of(keys.base(), name, Long.toString(now - graceMillis), Integer.toString(Math.max(0, limit)),
                        Long.toString(now))), "clean");
        List<String> ids = new ArrayList<>(reply.size());
        reply.forEach(id -> ids.add(String.valueOf(id)));
        return ids;
    }

    void drain(boolean includeDelayed) {
        ctx.await(ctx.scripts().run(Script.DRAIN,
                List.of(keys.waitList(), keys.paused(), keys.prioritized(), keys.delayed(), keys.priorityCounter(),
                        keys.repeat()),
                List.of(keys.base(), includeDelayed ? "1" : "0", Long.toString(ctx.clock().millis()))), "drain");
    }

    void obliterate(boolean force) {
        List<String> k = List.of(keys.meta(), keys.active(), keys.delayed(), keys.repeat(), keys.completed(),
                keys.waitList(), keys.paused(), keys.prioritized(), keys.failed(), keys.events(), keys.key("delay"),
                keys.stalledCheck(), keys.stalled(), keys.id(), keys.priorityCounter(), keys.marker(), keys.meta(),
                keys.metrics(true), keys.metricsData(true), keys.metrics(false), keys.metricsData(false));
        while (true) {
            long rc = number(ctx.await(ctx.scripts().run(Script.OBLITERATE, k,
                    List.of(keys.base(), Integer.toString(OBLITERATE_BATCH), force ? "1" : "0")), "obliterate"));
            if (rc == -1) {
                throw new InvalidJobStateException("queue " + keys.queue() + " must be paused before it is obliterated");
            }
            if (rc == -2) {
                throw new InvalidJobStateException("queue " + keys.queue() + " has active jobs; obliterate with force");
            }
            if (rc == 0) {
                return;
            }
        }
    }

    CancelResult cancel(String jobId, String reason, long now) {
        long rc = number(ctx.await(ctx.scripts().run(Script.CANCEL_JOB,
                List.of(keys.completed(), keys.failed(), keys.active(), keys.waitList(), keys.paused(), keys.prioritized(),
                        keys.delayed(), keys.waitingChildren(), keys.events(), keys.meta()),
                List.of(keys.base(), jobId, reason == null ? "cancelled" : reason, Long.toString(now),
                        keys.cancelChannel())), "cancel"));
        return switch ((int) rc) {
            case 1 -> CancelResult.ALREADY_FINISHED;
            case 2 -> CancelResult.CANCELLED;
            case 3 -> CancelResult.SIGNALLED;
            default -> CancelResult.NOT_FOUND;
        };
    }

    private static boolean isList(JobState state) {
        return state == JobState.WAITING || state == JobState.ACTIVE;
    }

    private static long number(Object reply) {
        return ((Number) reply).longValue();
    }
}
