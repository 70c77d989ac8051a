package io.taskqueue.redis.internal;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.RemoveResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of {@link RedisQueueBackend} that only forwards: reads and management to
 * {@link QueueAdmin}, limits and deduplication to {@link LimitOps}, groups to {@link GroupOps},
 * schedulers to {@link SchedulerOps}. Kept apart so the hot path reads on its own.
 */
abstract class QueueBackendDelegations implements QueueBackend {
    final RedisContext ctx;
    final Keys keys;
    final QueueAdmin admin;
    final LimitOps limits;
    final SchedulerOps schedulers;
    final GroupOps groups;

    QueueBackendDelegations(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
        this.admin = new QueueAdmin(ctx, keys);
        this.limits = new LimitOps(ctx, keys);
        this.schedulers = new SchedulerOps(ctx, keys);
        this.groups = new GroupOps(ctx, keys);
    }

    // ---- reads and management: see QueueAdmin ----

    @Override
    public Optional<Job> getJob(String jobId) {
        return admin.getJob(jobId);
    }

    @Override
    public JobState getState(String jobId) {
        return admin.getState(jobId);
    }

    @Override
    public List<Job> getJobs(JobState state, long start, long end, boolean ascending) {
        return admin.getJobs(state, start, end, ascending);
    }

    @Override
    public Map<JobState, Long> counts(Set<JobState> states) {
        return admin.counts(states);
    }

    @Override
    public List<String> getLogs(String jobId, long start, long end) {
        return ctx.await(ctx.connection().async().lrange(keys.logs(jobId), start, end), "getLogs");
    }

    @Override
    public void pause() {
        admin.pause(true);
    }

    @Override
    public void resume() {
        admin.pause(false);
    }

    @Override
    public boolean isPaused() {
        return ctx.await(ctx.connection().async().hexists(keys.meta(), "paused"), "isPaused");
    }

    @Override
    public RemoveResult remove(String jobId) {
        return admin.remove(jobId);
    }

    @Override
    public boolean retryJob(String jobId, JobState from, long now) {
        return admin.retryJob(jobId, from);
    }

    @Override
    public boolean promote(String jobId, long now) {
        return admin.promote(jobId);
    }

    @Override
    public boolean changeDelay(String jobId, long delayMillis, long now) {
        return admin.changeDelay(jobId, delayMillis, now);
    }

    @Override
    public boolean changePriority(String jobId, int priority, boolean lifo) {
        return admin.changePriority(jobId, priority, lifo);
    }

    @Override
    public List<String> clean(long graceMillis, int limit, JobState state, long now) {
        return admin.clean(graceMillis, limit, state, now);
    }

    @Override
    public void drain(boolean includeDelayed) {
        admin.drain(includeDelayed);
    }

    @Override
    public void obliterate(boolean force) {
        admin.obliterate(force);
        groups.obliterate();
    }

    @Override
    public CancelResult cancel(String jobId, String reason, long now) {
        return admin.cancel(jobId, reason, now);
    }

    @Override
    public Subscription subscribe(String afterId, Consumer<QueueEvent> consumer) {
        return EventStream.start(ctx, keys, Objects.requireNonNull(afterId, "afterId"),
                Objects.requireNonNull(consumer, "consumer"));
    }


    // ---- schedulers and flows (issue 5) ----

    @Override
    public String upsertJobScheduler(String schedulerId, io.taskqueue.SchedulerSpec spec, NewJob template) {
        return schedulers.upsert(schedulerId, spec, template);
    }

    @Override
    public boolean removeJobScheduler(String schedulerId) {
        return schedulers.remove(schedulerId);
    }

    @Override
    public List<io.taskqueue.JobScheduler> getJobSchedulers() {
        return schedulers.list();
    }

    @Override
    public Map<String, String> getChildrenValues(String jobId) {
        return ctx.await(ctx.connection().async().hgetall(keys.job(jobId) + ":processed"), "getChildrenValues");
    }

    @Override
    public Map<String, String> getIgnoredChildrenFailures(String jobId) {
        return ctx.await(ctx.connection().async().hgetall(keys.job(jobId) + ":failed"), "getIgnoredChildrenFailures");
    }

    // ---- limits (issue 5) ----

    @Override
    public void setGlobalConcurrency(Integer concurrency) {
        limits.setGlobalConcurrency(concurrency);
    }

    @Override
    public Integer globalConcurrency() {
        return limits.globalConcurrency();
    }

    @Override
    public void setGlobalRateLimit(io.taskqueue.RateLimit limit) {
        limits.setGlobalRateLimit(limit);
    }

    @Override
    public io.taskqueue.RateLimit globalRateLimit() {
        return limits.globalRateLimit();
    }

    @Override
    public void rateLimit(long ttlMillis) {
        limits.rateLimit(ttlMillis);
    }

    @Override
    public long rateLimitTtl(Integer maxJobs) {
        return limits.rateLimitTtl(maxJobs);
    }

    @Override
    public void removeRateLimitKey() {
        limits.removeRateLimitKey();
    }

    @Override
    public io.taskqueue.Metrics getMetrics(io.taskqueue.Metrics.Type type, long start, long end) {
        return limits.metrics(Objects.requireNonNull(type, "type"), start, end);
    }

    @Override
    public String deduplicationOwner(String dedupId) {
        return limits.deduplicationOwner(dedupId);
    }

    @Override
    public boolean removeDeduplicationKey(String dedupId) {
        return limits.removeDeduplicationKey(dedupId);
    }

    // ---- job groups (issue 5): see GroupOps and the groups include ----

    @Override
    public void setGroupConcurrency(String group, Integer concurrency) {
        groups.setConcurrency(group, concurrency);
    }

    @Override
    public Integer groupConcurrency(String group) {
        return groups.concurrency(group);
    }

    @Override
    public void setGroupRateLimit(String group, io.taskqueue.RateLimit limit) {
        groups.setRateLimit(group, limit);
    }

    @Override
    public io.taskqueue.RateLimit groupRateLimit(String group) {
        return groups.rateLimit(group);
    }

    @Override
    public long groupWaitingCount(String group) {
        return groups.waitingCount(Objects.requireNonNull(group, "group"));
    }

    @Override
    public List<String> waitingGroups() {
        return groups.waitingGroups();
    }
}
