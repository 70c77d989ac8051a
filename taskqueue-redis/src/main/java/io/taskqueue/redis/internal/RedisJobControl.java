package io.taskqueue.redis.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.spi.JobControlSupport;
import java.util.List;

/**
 * Capability {@code JOB_CONTROL} on Redis: moving single jobs by hand (docs/protocol.md §5.10 and
 * docs/protocol.md §5.12's reprocessJob). Each move is one script that reports whether the job was where it had to be.
 */
final class RedisJobControl implements JobControlSupport {
    private final RedisContext ctx;
    private final Keys keys;

    RedisJobControl(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    @Override
    public boolean retryJob(String jobId, JobState from, long now) {
        if (!from.isFinal()) {
            throw new IllegalArgumentException("only completed or failed jobs can be retried: " + from);
        }
        String state = from.wireName();
        return run(Script.REPROCESS_JOB,
                List.of(keys.stateKey(state), keys.waitList(), keys.prioritized(), keys.priorityCounter(), keys.meta(),
                        keys.events(), keys.marker(), keys.active()),
                List.of(keys.base(), jobId, state), "retryJob") == 1;
    }

    @Override
    public boolean promote(String jobId, long now) {
        return run(Script.PROMOTE,
                List.of(keys.delayed(), keys.waitList(), keys.prioritized(), keys.priorityCounter(), keys.meta(),
                        keys.active(), keys.events(), keys.marker()),
                List.of(keys.base(), jobId), "promote") == 0;
    }

    @Override
    public boolean changeDelay(String jobId, long delayMillis, long now) {
        return run(Script.CHANGE_DELAY, List.of(keys.delayed(), keys.meta(), keys.events(), keys.marker()),
                List.of(keys.base(), jobId, Long.toString(delayMillis), Long.toString(now)), "changeDelay") == 0;
    }

    @Override
    public boolean changePriority(String jobId, int priority, boolean lifo) {
        if (priority < 0 || priority > JobOptions.MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
        return run(Script.CHANGE_PRIORITY,
                List.of(keys.waitList(), keys.prioritized(), keys.priorityCounter(), keys.meta(), keys.active(),
                        keys.marker()),
                List.of(keys.base(), jobId, Integer.toString(priority), lifo ? "1" : "0"), "changePriority") == 0;
    }

    private long run(Script script, List<String> k, List<String> args, String what) {
        return ((Number) ctx.await(ctx.scripts().run(script, k, args), what)).longValue();
    }
}
