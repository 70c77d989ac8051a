package io.taskqueue.memory;

import io.taskqueue.Deduplication;
import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.spi.NewJob;
import java.util.HashMap;
import java.util.Map;

/**
 * Deduplication (docs/protocol.md §5.14): the {@code de:<id>} keys (owner id plus an optional expiry on the
 * backend clock) and the {@code dn:<id>} stored next jobs of {@code keepLastIfActive}. Each method is
 * one step of an atomic operation and runs with the queue's lock held.
 */
final class DedupStore {
    private record Key(String owner, Long expiresAt) {
    }

    private record Next(String jobId, NewJob job) {
    }

    private final QueueState s;
    private final Map<String, Key> keys = new HashMap<>();
    private final Map<String, Next> next = new HashMap<>();

    DedupStore(QueueState state) {
        this.s = state;
    }

    /** GET de:<id>, honouring the expiry. */
    String owner(String dedupId) {
        Key key = live(dedupId);
        return key == null ? null : key.owner;
    }

    /** DEL de:<id> dn:<id>; true when the key existed. */
    boolean remove(String dedupId) {
        next.remove(dedupId);
        return keys.remove(dedupId) != null;
    }

    private Key live(String dedupId) {
        Key key = keys.get(dedupId);
        if (key != null && key.expiresAt != null && s.clock.millis() > key.expiresAt) {
            keys.remove(dedupId);
            return null;
        }
        return key;
    }

    private void set(String dedupId, String owner, Deduplication de, boolean keepTtl) {
        Long expiresAt;
        if (keepTtl) {
            Key old = live(dedupId);
            expiresAt = old == null ? null : old.expiresAt;
        } else {
            expiresAt = de.ttlMillis() > 0 && !de.keepLastIfActive() ? s.clock.millis() + de.ttlMillis() : null;
        }
        keys.put(dedupId, new Key(owner, expiresAt));
    }

    /**
     * Step 4 of an add: returns the id of the job that keeps the dedup id (the add creates nothing),
     * or {@code null} when the add goes on and {@code newId} now owns it.
     */
    String deduplicate(String newId, NewJob job) {
        Deduplication de = job.options().deduplication();
        String d = de.id();
        Key key = live(d);
        if (key != null && key.expiresAt == null && !s.jobs.containsKey(key.owner)) {
            // Stale key (its owner vanished without clearing it): the incoming job takes over.
            keys.remove(d);
            next.remove(d);
            key = null;
        }
        if (key == null) {
            set(d, newId, de, false);
            return null;
        }
        String owner = key.owner;
        if (de.replace()) {
            MemoryJob current = s.jobs.get(owner);
            if (current != null && current.state == JobState.DELAYED) {
                s.deleteJob(current);
                s.emit("removed", "jobId", owner, "prev", "delayed");
                s.emit("deduplicated", "jobId", newId, "deduplicationId", d, "deduplicatedJobId", owner);
                next.remove(d);
                set(d, newId, de, !de.extend() && de.ttlMillis() > 0 && !de.keepLastIfActive());
                return null;
            }
            storeNextIfActive(de, owner, newId, job);
            return owner;
        }
        if (storeNextIfActive(de, owner, newId, job)) {
            return owner;
        }
        if (de.extend()) {
            set(d, owner, de, false);
        }
        s.emit("deduplicated", "jobId", owner, "deduplicationId", d, "deduplicatedJobId", newId);
        return owner;
    }

    private boolean storeNextIfActive(Deduplication de, String owner, String newId, NewJob job) {
        MemoryJob current = s.jobs.get(owner);
        if (!de.keepLastIfActive() || current == null || current.state != JobState.ACTIVE) {
            return false;
        }
        next.put(de.id(), new Next(newId, job));
        keys.put(de.id(), new Key(owner, null));
        s.emit("deduplicated", "jobId", owner, "deduplicationId", de.id(), "deduplicatedJobId", newId);
        return true;
    }

    /** docs/protocol.md §5.4 step 7: a job finished for good; clears its key and adds a stored next job. */
    void onFinished(MemoryJob job, long now) {
        Deduplication de = job.options.deduplication();
        if (de == null) {
            return;
        }
        // A key with a running ttl is left to expire; one without is cleared if it is still ours.
        Key key = live(de.id());
        if (key != null && key.expiresAt == null && job.id.equals(key.owner)) {
            keys.remove(de.id());
        }
        Next stored = next.remove(de.id());
        if (stored == null) {
            return;
        }
        s.idCounter++;
        NewJob proto = stored.job;
        Deduplication nextDe = proto.options().deduplication();
        if (nextDe != null) {
            set(de.id(), stored.jobId, nextDe, false);
        }
        enqueue(stored.jobId, new NewJob(proto.name(), proto.dataJson(), proto.options(), now));
    }

    /** Stores and enqueues a requeued job as an add does. */
    private void enqueue(String id, NewJob newJob) {
        MemoryJob job = new MemoryJob(Job.created(id, newJob.name(), newJob.dataJson(), newJob.options(),
                newJob.timestamp()));
        s.jobs.put(id, job);
        s.emit("added", "jobId", id, "name", job.name);
        long delay = newJob.options().delay().toMillis();
        if (delay > 0) {
            long due = newJob.timestamp() + delay;
            s.addDelayed(job, due);
            s.emit("delayed", "jobId", id, "delay", Long.toString(due));
            s.markDelayed();
        } else {
            s.enqueueReady(job, newJob.options().lifo());
            s.emit("waiting", "jobId", id);
        }
    }

    /** docs/protocol.md §5.11: a removed job frees its dedup id when it still owns it. */
    void onRemoved(MemoryJob job) {
        Deduplication de = job.options.deduplication();
        if (de != null && job.id.equals(owner(de.id()))) {
            keys.remove(de.id());
            next.remove(de.id());
        }
    }
}
