package io.taskqueue.internal;

import io.taskqueue.Capability;
import io.taskqueue.Job;
import io.taskqueue.JobCancelledException;
import io.taskqueue.JobContext;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.PayloadCodec;
import io.taskqueue.spi.CheckpointSupport;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.QueueBackend;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link JobContext} of one run. */
final class RunContext<D> implements JobContext<D> {
    private final JobRun run;
    private final D data;
    private final QueueBackend backend;
    private final PayloadCodec codec;
    private final JobLifecycleListener listener;
    private final WorkerSettings settings;
    private volatile Map<String, String> checkpoints;

    RunContext(JobRun run, D data, QueueBackend backend, PayloadCodec codec, JobLifecycleListener listener,
            WorkerSettings settings) {
        this.run = run;
        this.data = data;
        this.backend = backend;
        this.codec = codec;
        this.listener = listener;
        this.settings = settings;
    }

    @Override
    public Job job() {
        return run.job();
    }

    @Override
    public D data() {
        return data;
    }

    @Override
    public String queueName() {
        return backend.name();
    }

    @Override
    public int attempt() {
        return run.job().attemptsMade() + 1;
    }

    @Override
    public int maxAttempts() {
        return run.job().options().attempts();
    }

    @Override
    public void updateProgress(Object progress) {
        String json = codec.encode(progress);
        backend.updateProgress(run.job().id(), json);
        listener.onProgress(backend.name(), run.job(), json);
    }

    @Override
    public void log(String line) {
        Objects.requireNonNull(line, "line");
        backend.addLog(run.job().id(), line, run.job().options().keepLogs());
    }

    @Override
    public void checkpoint(String key, Object state) {
        Objects.requireNonNull(key, "key");
        String json = codec.encode(state);
        checkpoints().saveCheckpoint(run.job().id(), key, json);
        loadedCheckpoints().put(key, json);
    }

    @Override
    public <T> Optional<T> checkpoint(String key, Class<T> type) {
        String json = loadedCheckpoints().get(key);
        return json == null ? Optional.empty() : Optional.ofNullable(codec.decode(json, type));
    }

    private Map<String, String> loadedCheckpoints() {
        Map<String, String> loaded = checkpoints;
        if (loaded == null) {
            synchronized (this) {
                if (checkpoints == null) {
                    checkpoints = new ConcurrentHashMap<>(checkpoints().checkpoints(run.job().id()));
                }
                loaded = checkpoints;
            }
        }
        return loaded;
    }

    private CheckpointSupport checkpoints() {
        return Capability.CHECKPOINTS.of(backend, CheckpointSupport.class, settings.backendDescription());
    }

    @Override
    public boolean isCancelled() {
        return run.stopSignal() != null;
    }

    @Override
    public Optional<String> cancellationReason() {
        JobRun.StopSignal signal = run.stopSignal();
        return signal == null ? Optional.empty() : Optional.of(signal.reason());
    }

    @Override
    public void throwIfCancelled() {
        JobRun.StopSignal signal = run.stopSignal();
        if (signal != null) {
            throw new JobCancelledException(signal.reason());
        }
    }

    @Override
    public void heartbeat() {
        Map<String, LockStatus> status = backend.extendLocks(Map.of(run.job().id(), run.token()),
                settings.lockDurationMillis(), settings.now());
        LockStatus result = status.getOrDefault(run.job().id(), LockStatus.LOST);
        if (result == LockStatus.LOST) {
            run.requestStop(JobRun.StopKind.LOCK_LOST, "lock lost");
        } else if (result == LockStatus.CANCEL_REQUESTED) {
            run.requestStop(JobRun.StopKind.CANCELLED, WorkerSettings.CANCELLED_REASON);
        }
    }
}
