package io.taskqueue.internal;

import io.taskqueue.spi.LockStatus;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the locks of every running job in one backend call, on a thread of its own so that busy
 * handlers cannot starve it. A lost lock stops its run hard; a cancel flag found here reaches the
 * handler even when the cancel notification was lost.
 */
final class LockKeeper implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LockKeeper.class);

    /** What the keeper calls when a lock is gone. */
    @FunctionalInterface
    interface HardStop {
        boolean stop(JobRun run, JobRun.StopKind kind, String reason);
    }

    private final WorkerSettings settings;
    private final Map<String, JobRun> active;
    private final HardStop hardStop;

    LockKeeper(WorkerSettings settings, Map<String, JobRun> active, HardStop hardStop) {
        this.settings = settings;
        this.active = active;
        this.hardStop = hardStop;
    }

    @Override
    public void run() {
        try {
            renew();
        } catch (RuntimeException e) {
            // Never let an exception escape: it would cancel every later renewal.
            LOG.warn("{}: lock renewal failed; will retry", settings.logName(), e);
        }
    }

    private void renew() {
        Map<String, JobRun> runs = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (JobRun run : active.values()) {
            if (!run.isSettled()) {
                runs.put(run.job().id(), run);
                tokens.put(run.job().id(), run.token());
            }
        }
        if (tokens.isEmpty()) {
            return;
        }
        Map<String, LockStatus> statuses = settings.backend().extendLocks(tokens, settings.lockDurationMillis(),
                settings.now());
        statuses.forEach((jobId, status) -> {
            JobRun run = runs.get(jobId);
            if (run == null) {
                return;
            }
            if (status == LockStatus.LOST) {
                hardStop.stop(run, JobRun.StopKind.LOCK_LOST, "lock lost");
            } else if (status == LockStatus.CANCEL_REQUESTED
                    && run.requestStop(JobRun.StopKind.CANCELLED, WorkerSettings.CANCELLED_REASON)) {
                LOG.info("{} job {}: cancel flag found; handler signalled", settings.logName(), jobId);
            }
        });
    }
}
