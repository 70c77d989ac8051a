package io.taskqueue.redis.internal;

import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.StatusCodes;
import java.util.List;

/**
 * Ending single jobs from outside a worker: remove (docs/protocol.md §5.11) and cancel (docs/protocol.md §5.19,
 * ours). A remove reads the backend's clock, because releasing a flow parent whose last pending
 * child is removed stamps the parent, and the SPI's remove passes no time.
 */
final class JobRemoval {
    private final RedisContext ctx;
    private final Keys keys;

    JobRemoval(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    RemoveResult remove(String jobId) {
        long rc = ((Number) ctx.await(ctx.scripts().run(Script.REMOVE_JOB,
                List.of(keys.completed(), keys.waitingChildren(), keys.delayed(), keys.failed(), keys.prioritized(),
                        keys.waitList(), keys.paused(), keys.active(), keys.events(), keys.meta(), keys.repeat()),
                List.of(keys.base(), jobId, Long.toString(ctx.clock().millis()))), "remove")).longValue();
        if (rc == StatusCodes.JOB_NOT_FOUND) {
            return RemoveResult.NOT_FOUND;
        }
        StatusCodes.check(rc, jobId, "remove");
        return rc == 1 ? RemoveResult.REMOVED : RemoveResult.LOCKED;
    }

    CancelResult cancel(String jobId, String reason, long now) {
        long rc = ((Number) ctx.await(ctx.scripts().run(Script.CANCEL_JOB,
                List.of(keys.completed(), keys.failed(), keys.active(), keys.waitList(), keys.paused(), keys.prioritized(),
                        keys.delayed(), keys.waitingChildren(), keys.events(), keys.meta()),
                List.of(keys.base(), jobId, reason == null ? "cancelled" : reason, Long.toString(now),
                        keys.cancelChannel())), "cancel")).longValue();
        return switch ((int) rc) {
            case 1 -> CancelResult.ALREADY_FINISHED;
            case 2 -> CancelResult.CANCELLED;
            case 3 -> CancelResult.SIGNALLED;
            default -> CancelResult.NOT_FOUND;
        };
    }
}
