package io.taskqueue.redis.internal;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.JobState;
import io.taskqueue.spi.MaintenanceSupport;
import io.taskqueue.spi.PauseSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Capabilities {@code PAUSE} and {@code MAINTENANCE} on Redis: pausing a queue for every worker
 * (docs/protocol.md §5.8) and removing its jobs in bulk (docs/protocol.md §5.12). Obliterate deletes in batches, one
 * script call each, so that a large queue never blocks Redis for long; a group's keys go last.
 */
final class RedisQueueAdmin implements PauseSupport, MaintenanceSupport {
    private static final int OBLITERATE_BATCH = 1000;

    private final RedisContext ctx;
    private final Keys keys;
    private final RedisGroups groups;
    private final QueueMeta meta;

    RedisQueueAdmin(RedisContext ctx, Keys keys, RedisGroups groups, QueueMeta meta) {
        this.ctx = ctx;
        this.keys = keys;
        this.groups = groups;
        this.meta = meta;
    }

    @Override
    public void pause() {
        pause(true);
    }

    @Override
    public void resume() {
        pause(false);
    }

    @Override
    public boolean isPaused() {
        return ctx.await(ctx.connection().async().hexists(keys.meta(), "paused"), "isPaused");
    }

    private void pause(boolean pause) {
        meta.ensureWritten();
        ctx.await(ctx.scripts().run(Script.PAUSE,
                List.of(keys.meta(), keys.marker(), keys.events(), keys.waitList(), keys.paused(), keys.prioritized(),
                        keys.delayed()), List.of(pause ? "pause" : "resume")), pause ? "pause" : "resume");
    }

    @Override
    public void drain(boolean includeDelayed) {
        // The clock stamps flow parents released because their last pending child was drained.
        ctx.await(ctx.scripts().run(Script.DRAIN,
                List.of(keys.waitList(), keys.paused(), keys.prioritized(), keys.delayed(), keys.priorityCounter(),
                        keys.repeat()),
                List.of(keys.base(), includeDelayed ? "1" : "0", Long.toString(ctx.clock().millis()))), "drain");
    }

    @Override
    public List<String> clean(long graceMillis, int limit, JobState state, long now) {
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

    @Override
    public void obliterate(boolean force) {
        List<String> k = List.of(keys.meta(), keys.active(), keys.delayed(), keys.repeat(), keys.completed(),
                keys.waitList(), keys.paused(), keys.prioritized(), keys.failed(), keys.events(), keys.key("delay"),
                keys.stalledCheck(), keys.stalled(), keys.id(), keys.priorityCounter(), keys.marker(), keys.meta(),
                keys.metrics(true), keys.metricsData(true), keys.metrics(false), keys.metricsData(false));
        while (true) {
            long rc = ((Number) ctx.await(ctx.scripts().run(Script.OBLITERATE, k,
                    List.of(keys.base(), Integer.toString(OBLITERATE_BATCH), force ? "1" : "0")), "obliterate"))
                    .longValue();
            if (rc == -1) {
                throw new InvalidJobStateException("queue " + keys.queue() + " must be paused before it is obliterated");
            }
            if (rc == -2) {
                throw new InvalidJobStateException("queue " + keys.queue() + " has active jobs; obliterate with force");
            }
            if (rc == 0) {
                break;
            }
        }
        groups.obliterate();
    }
}
