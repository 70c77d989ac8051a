package io.taskqueue.redis.internal;

import io.taskqueue.spi.CheckpointSupport;
import io.taskqueue.spi.StatusCodes;
import java.util.List;
import java.util.Map;

/**
 * Capability {@code CHECKPOINTS} on Redis (ours): a hash {@code P:Q:<id>:cp} beside the job, which
 * every script that deletes a job deletes with it. Saving checks that the job still exists, so that
 * a late save never leaves an orphan hash.
 */
final class RedisCheckpoints implements CheckpointSupport {
    private final RedisContext ctx;
    private final Keys keys;

    RedisCheckpoints(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
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
}
