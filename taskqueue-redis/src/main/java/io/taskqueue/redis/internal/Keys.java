package io.taskqueue.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The one place where Redis key names (and the other names derived from a queue: the cancel
 * channel, the worker connection names) are built, following BullMQ's layout (docs/protocol.md §1):
 * {@code P:Q:<suffix>} for queue keys and {@code P:Q:<id>} for a job. Scripts receive the queue
 * keys in KEYS and {@link #base()} to build job keys.
 */
public final class Keys {
    private final String prefix;
    private final String queue;
    private final String base;

    /** Keys of queue {@code queue} under {@code prefix} (BullMQ's default prefix is {@code bull}). */
    public Keys(String prefix, String queue) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.queue = Objects.requireNonNull(queue, "queue");
        if (queue.isEmpty() || queue.contains(":")) {
            throw new IllegalArgumentException("queue name must be non-empty and contain no ':': " + queue);
        }
        this.base = prefix + ":" + queue + ":";
    }

    public String prefix() {
        return prefix;
    }

    public String queue() {
        return queue;
    }

    /** {@code P:Q}, BullMQ's qualified queue name (a flow parent's {@code queueKey}). */
    public String qualifiedName() {
        return prefix + ":" + queue;
    }

    /** {@code P:Q:}, the prefix of every key of this queue, with its trailing colon. */
    public String base() {
        return base;
    }

    /** {@code P:Q:<suffix>}. */
    public String key(String suffix) {
        return base + suffix;
    }

    public String waitList() {
        return key("wait");
    }

    public String paused() {
        return key("paused");
    }

    public String active() {
        return key("active");
    }

    public String prioritized() {
        return key("prioritized");
    }

    public String priorityCounter() {
        return key("pc");
    }

    public String delayed() {
        return key("delayed");
    }

    public String waitingChildren() {
        return key("waiting-children");
    }

    public String completed() {
        return key("completed");
    }

    public String failed() {
        return key("failed");
    }

    public String stalled() {
        return key("stalled");
    }

    public String stalledCheck() {
        return key("stalled-check");
    }

    public String limiter() {
        return key("limiter");
    }

    public String meta() {
        return key("meta");
    }

    public String id() {
        return key("id");
    }

    public String events() {
        return key("events");
    }

    public String marker() {
        return key("marker");
    }

    public String repeat() {
        return key("repeat");
    }

    /** {@code metrics:completed} or {@code metrics:failed}. */
    public String metrics(boolean completed) {
        return key(completed ? "metrics:completed" : "metrics:failed");
    }

    /** {@code metrics:completed:data} or {@code metrics:failed:data}. */
    public String metricsData(boolean completed) {
        return metrics(completed) + ":data";
    }

    /** The key of a state's list or sorted set ({@code waiting} is the {@code wait} list). */
    public String stateKey(String wireState) {
        return "waiting".equals(wireState) ? waitList() : key(wireState);
    }

    /** {@code de:<dedupId>}: the id of the job owning a deduplication id (docs/protocol.md §5.14). */
    public String dedup(String dedupId) {
        return key("de:" + dedupId);
    }

    /** {@code dn:<dedupId>}: the next job stored by {@code keepLastIfActive}. */
    public String dedupNext(String dedupId) {
        return key("dn:" + dedupId);
    }

    // ---- job groups (taskqueue extensions, built the same way by groups.lua) ----

    /** {@code tq:groups}: the ring (a list) of groups with jobs parked in their own queue. */
    public String groupRing() {
        return key("tq:groups");
    }

    /** {@code tq:group-limits}: a hash of {@code c:<group>}, {@code r:<group>} ("max:ms"), {@code dc}, {@code dr}. */
    public String groupLimits() {
        return key("tq:group-limits");
    }

    /** {@code tq:g:<group>:wait}: the group's parked ids, the next to release on the right. */
    public String groupWait(String group) {
        return key("tq:g:" + group + ":wait");
    }

    /** {@code tq:g:<group>:active}: the ids holding one of the group's concurrency slots. */
    public String groupActive(String group) {
        return key("tq:g:" + group + ":active");
    }

    /** {@code tq:g:<group>:limiter}: the group's rate-limit counter, expiring with its window. */
    public String groupLimiter(String group) {
        return key("tq:g:" + group + ":limiter");
    }

    /** {@code tq:g:<group>:pend}: the id released to wait and not started yet. */
    public String groupPending(String group) {
        return key("tq:g:" + group + ":pend");
    }

    /** {@code repeat:<schedulerId>}: a job scheduler's hash (docs/protocol.md §5.15). */
    public String scheduler(String schedulerId) {
        return key("repeat:" + schedulerId);
    }

    /** {@code P:Q:<id>}, the job hash. */
    public String job(String jobId) {
        return base + jobId;
    }

    public String lock(String jobId) {
        return job(jobId) + ":lock";
    }

    public String logs(String jobId) {
        return job(jobId) + ":logs";
    }

    /** {@code P:Q:<id>:processed}: a flow parent's completed children, child key to result JSON. */
    public String childrenValues(String jobId) {
        return job(jobId) + ":processed";
    }

    /** {@code P:Q:<id>:failed}: a flow parent's children that failed under an ignoring policy. */
    public String ignoredChildrenFailures(String jobId) {
        return job(jobId) + ":failed";
    }

    /** {@code P:Q:<id>:cp}, the job's checkpoints (a taskqueue extension). */
    public String checkpoints(String jobId) {
        return job(jobId) + ":cp";
    }

    /** {@code P:Q:<id>:cancel}, the durable cancel flag holding the reason (a taskqueue extension). */
    public String cancelFlag(String jobId) {
        return job(jobId) + ":cancel";
    }

    /** The pub/sub channel announcing cancel requests (message: the job id). */
    public String cancelChannel() {
        return base + "cancel-requested";
    }

    /**
     * The name of a worker's blocking connection, as BullMQ names it so that {@code getWorkers()}
     * and dashboards list it: {@code P:<base64(Q)>} or {@code P:<base64(Q)>:w:<workerName>}.
     */
    public String workerConnectionName(String workerName) {
        String name = prefix + ":" + Base64.getEncoder().encodeToString(queue.getBytes(StandardCharsets.UTF_8));
        return workerName == null || workerName.isEmpty() ? name : name + ":w:" + workerName;
    }

    /** The name of an events listener's connection, like BullMQ's QueueEvents: {@code P:<base64(Q)>:qe}. */
    public String eventsConnectionName() {
        return workerConnectionName(null) + ":qe";
    }

    /**
     * The {@code SCAN MATCH} pattern of key {@code suffix} of every queue under {@code prefix}
     * ({@code P:*:suffix}), the prefix's glob characters escaped so that it matches literally.
     */
    public static String everyQueue(String prefix, String suffix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + ":*:" + suffix;
    }

    /** The queue whose key {@code suffix} is {@code key} ({@code P:Q:suffix}), or {@code null} when it is no such key. */
    public static String queueOf(String prefix, String suffix, String key) {
        String start = prefix + ":";
        String end = ":" + suffix;
        if (!key.startsWith(start) || !key.endsWith(end) || key.length() <= start.length() + end.length()) {
            return null;
        }
        String queue = key.substring(start.length(), key.length() - end.length());
        // A queue name has no ':'; a longer middle is a job's key (P:Q:<id>:suffix), not a queue's.
        return queue.contains(":") ? null : queue;
    }
}
