package io.taskqueue.memory;

import io.taskqueue.JobState;
import io.taskqueue.spi.CheckpointSupport;
import io.taskqueue.spi.JobControlSupport;
import io.taskqueue.spi.MaintenanceSupport;
import io.taskqueue.spi.PauseSupport;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Managing an in-memory queue by hand: pause, maintenance, single-job moves, and checkpoints. */
final class MemoryQueueAdmin implements PauseSupport, MaintenanceSupport, JobControlSupport, CheckpointSupport {
    private final QueueState state;
    private final ManageOps manage;
    private final ReadOps reads;

    MemoryQueueAdmin(QueueState state, ManageOps manage, ReadOps reads) {
        this.state = state;
        this.manage = manage;
        this.reads = reads;
    }

    @Override
    public void pause() {
        state.locked(manage::pause);
    }

    @Override
    public void resume() {
        state.locked(manage::resume);
    }

    @Override
    public boolean isPaused() {
        return state.locked(() -> state.paused);
    }

    @Override
    public void drain(boolean includeDelayed) {
        state.locked(() -> manage.drain(includeDelayed));
    }

    @Override
    public List<String> clean(long graceMillis, int limit, JobState jobState, long now) {
        Objects.requireNonNull(jobState, "state");
        return state.locked(() -> manage.clean(graceMillis, limit, jobState, now));
    }

    @Override
    public void obliterate(boolean force) {
        state.locked(() -> manage.obliterate(force));
    }

    @Override
    public boolean retryJob(String jobId, JobState from, long now) {
        Objects.requireNonNull(from, "from");
        return state.locked(() -> manage.retryJob(jobId, from));
    }

    @Override
    public boolean promote(String jobId, long now) {
        return state.locked(() -> manage.promote(jobId));
    }

    @Override
    public boolean changeDelay(String jobId, long delayMillis, long now) {
        return state.locked(() -> manage.changeDelay(jobId, delayMillis, now));
    }

    @Override
    public boolean changePriority(String jobId, int priority, boolean lifo) {
        return state.locked(() -> manage.changePriority(jobId, priority, lifo));
    }

    @Override
    public void saveCheckpoint(String jobId, String key, String json) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        state.locked(() -> reads.saveCheckpoint(jobId, key, json));
    }

    @Override
    public Map<String, String> checkpoints(String jobId) {
        return state.locked(() -> reads.checkpoints(jobId));
    }
}
