package io.taskqueue.memory;

import io.taskqueue.JobScheduler;
import io.taskqueue.JobState;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.NewJob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The job schedulers of one in-memory queue (protocol §5.15), with the Redis backend's semantics:
 * iteration ids {@code repeat:<id>:<millis>}, {@code every} slots {@code k*every + offset}, the next
 * job produced when the current one is fetched and only by it. Times are the caller's, as for every
 * other operation here. Must be called with the queue's lock held.
 */
final class MemorySchedulers {
    /** How many {@code every} slots an upsert tries when job ids are taken (−11 on Redis). */
    private static final int FREE_SLOT_TRIES = 32;

    private final QueueState s;
    private final ManageOps manage;
    private final Map<String, Entry> schedulers = new LinkedHashMap<>();

    /** One scheduler: its definition, its template, and where it stands. */
    private static final class Entry {
        SchedulerSpec spec;
        NewJob template;
        long offset;
        long currentMillis;
        int currentCount;
        int iterationCount;
    }

    MemorySchedulers(QueueState state, ManageOps manage) {
        this.s = state;
        this.manage = manage;
    }

    String upsert(String id, SchedulerSpec spec, NewJob template) {
        long now = template.timestamp();
        if (spec.endDate() != null && now > spec.endDate().toEpochMilli()) {
            return null;
        }
        Entry old = schedulers.get(id);
        boolean replaced = old != null && deletePending(iterationId(id, old.currentMillis));
        Entry e = new Entry();
        e.spec = spec;
        e.template = template;
        e.iterationCount = old == null ? 1 : old.iterationCount;
        long millis;
        if (spec.isCron()) {
            OptionalLong next = spec.immediately() ? OptionalLong.of(now) : spec.nextCronTime(now);
            if (next.isEmpty()) {
                return null;
            }
            millis = Math.max(next.getAsLong(), now);
            if (s.jobs.containsKey(iterationId(id, millis))) {
                throw new io.taskqueue.InvalidJobStateException("job scheduler " + id + ": the next cron slot is taken");
            }
        } else {
            long every = spec.every().toMillis();
            boolean sameEvery = old != null && old.spec.every() != null && old.spec.every().equals(spec.every());
            Long offset = spec.offset() != null ? Long.valueOf(spec.offset().toMillis()) : sameEvery ? old.offset : null;
            if (sameEvery && replaced) {
                millis = old.currentMillis;
            } else if (spec.startDate() != null) {
                millis = Math.max(spec.startDate().toEpochMilli(), now);
            } else if (offset != null && offset > 0) {
                millis = Math.floorDiv(now, every) * every + offset;
                millis = millis <= now ? millis + every : millis;
            } else {
                millis = now;
            }
            e.offset = offset != null ? offset : Math.floorMod(millis, every);
            int tries = 0;
            while (s.jobs.containsKey(iterationId(id, millis))) {
                if (++tries >= FREE_SLOT_TRIES) {
                    throw new io.taskqueue.InvalidJobStateException("job scheduler " + id + ": 32 slots are taken");
                }
                millis += every;
            }
        }
        schedulers.put(id, e);
        return produce(id, e, millis, 1, now);
    }

    boolean remove(String id) {
        Entry e = schedulers.remove(id);
        if (e == null) {
            return false;
        }
        String current = iterationId(id, e.currentMillis);
        MemoryJob job = s.jobs.get(current);
        if (job != null && job.state == JobState.DELAYED) {
            s.deleteJob(job);
            s.emit("removed", "jobId", current, "prev", "delayed");
        }
        return true;
    }

    List<JobScheduler> list() {
        List<JobScheduler> out = new ArrayList<>();
        schedulers.forEach((id, e) -> out.add(new JobScheduler(id, e.template.name(), e.spec, e.template.dataJson(),
                e.template.options(), e.currentMillis, e.iterationCount)));
        out.sort(Comparator.comparing(JobScheduler::next));
        return out;
    }

    /** After a fetch: when the fetched job is a scheduler's current job, produces the next one. */
    FetchResult afterFetch(FetchResult result, long now) {
        if (result instanceof FetchResult.Fetched fetched) {
            onFetched(fetched.job().id(), now);
        }
        return result;
    }

    private void onFetched(String jobId, long now) {
        if (!jobId.startsWith("repeat:")) {
            return;
        }
        String id = jobId.substring("repeat:".length(), jobId.lastIndexOf(':'));
        Entry e = schedulers.get(id);
        if (e == null || !jobId.equals(iterationId(id, e.currentMillis))) {
            return;
        }
        int count = e.currentCount + 1;
        SchedulerSpec spec = e.spec;
        if ((spec.limit() != null && count > spec.limit())
                || (spec.endDate() != null && now > spec.endDate().toEpochMilli())) {
            return;
        }
        long next;
        if (spec.isCron()) {
            OptionalLong cron = spec.nextCronTime(Math.max(now, e.currentMillis));
            if (cron.isEmpty() || (spec.endDate() != null && cron.getAsLong() > spec.endDate().toEpochMilli())) {
                return;
            }
            next = cron.getAsLong();
        } else {
            long every = spec.every().toMillis();
            next = e.currentMillis + every;
            if (next < now) {
                long aligned = Math.floorDiv(now, every) * every + e.offset;
                next = aligned <= now ? aligned + every : aligned;
            }
        }
        if (s.jobs.containsKey(iterationId(id, next))) {
            s.emit("duplicated", "jobId", iterationId(id, next));
            return;
        }
        e.iterationCount++;
        produce(id, e, next, count, now);
    }

    /** Adds iteration {@code millis} through the normal add path, which also moves the id counter. */
    private String produce(String id, Entry e, long millis, int count, long now) {
        String jobId = iterationId(id, millis);
        e.currentMillis = millis;
        e.currentCount = count;
        NewJob t = e.template;
        var options = t.options().toBuilder().jobId(jobId)
                .delay(java.time.Duration.ofMillis(Math.max(millis - now, 0))).build();
        return manage.add(new NewJob(t.name(), t.dataJson(), options, now));
    }

    /** Deletes the job when it is still pending (delayed, prioritized or waiting). */
    private boolean deletePending(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            return false;
        }
        JobState st = job.state;
        if (st == JobState.DELAYED || st == JobState.PRIORITIZED || st == JobState.WAITING) {
            s.deleteJob(job);
            return true;
        }
        return false;
    }

    private static String iterationId(String schedulerId, long millis) {
        return "repeat:" + schedulerId + ":" + millis;
    }
}
