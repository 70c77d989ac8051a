package io.taskqueue.memory;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.JobScheduler;
import io.taskqueue.JobState;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.SchedulerSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The job schedulers of one in-memory queue (docs/protocol.md §5.15), with the Redis backend's
 * semantics: iteration ids {@code repeat:<id>:<millis>}, the next job produced when the current one
 * is fetched and only by it. When runs happen is decided by {@link SchedulerSpec#firstRun} and
 * {@link SchedulerSpec#nextRun}; this class stores the results. Times are the caller's, as for every
 * other operation here.
 */
final class MemorySchedulers implements SchedulerSupport {
    /** How many {@code every} slots an upsert tries when job ids are taken (−11 on Redis). */
    private static final int FREE_SLOT_TRIES = 32;

    private final QueueState s;
    private final ManageOps manage;
    private final Map<String, Entry> schedulers = new LinkedHashMap<>();

    /** One scheduler: its definition, its template, and where it stands. */
    private static final class Entry {
        SchedulerSpec spec;
        NewJob template;
        long phase;
        long currentMillis;
        int currentCount;
        int iterationCount;
    }

    MemorySchedulers(QueueState state, ManageOps manage) {
        this.s = state;
        this.manage = manage;
    }

    @Override
    public String upsertScheduler(String schedulerId, SchedulerSpec spec, NewJob template) {
        Objects.requireNonNull(schedulerId, "schedulerId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(template, "template");
        return s.locked(() -> upsert(schedulerId, spec, template));
    }

    @Override
    public boolean removeScheduler(String schedulerId) {
        return s.locked(() -> remove(schedulerId));
    }

    @Override
    public List<JobScheduler> schedulers() {
        return s.locked(this::list);
    }

    boolean isEmpty() {
        return schedulers.isEmpty();
    }

    private String upsert(String id, SchedulerSpec spec, NewJob template) {
        long now = template.timestamp();
        Entry old = schedulers.get(id);
        boolean sameEvery = old != null && spec.every() != null && spec.every().equals(old.spec.every());
        Long keptPhase = sameEvery ? old.phase : null;
        OptionalLong first = spec.firstRun(now, keptPhase);
        if (first.isEmpty()) {
            return null;
        }
        boolean replaced = old != null && deletePending(iterationId(id, old.currentMillis));
        // An unchanged interval keeps the slot of the job it replaced, so repeated upserts add nothing.
        long millis = sameEvery && replaced ? old.currentMillis : first.getAsLong();
        Entry e = new Entry();
        e.spec = spec;
        e.template = template;
        e.iterationCount = old == null ? 1 : old.iterationCount;
        e.phase = spec.phase(millis, keptPhase);
        if (spec.isCron()) {
            if (s.jobs.containsKey(iterationId(id, millis))) {
                throw new InvalidJobStateException("job scheduler " + id + ": the next cron slot is taken");
            }
        } else {
            long every = spec.every().toMillis();
            int tries = 0;
            while (s.jobs.containsKey(iterationId(id, millis))) {
                if (++tries >= FREE_SLOT_TRIES) {
                    throw new InvalidJobStateException("job scheduler " + id + ": " + FREE_SLOT_TRIES + " slots are taken");
                }
                millis += every;
            }
        }
        schedulers.put(id, e);
        return produce(id, e, millis, 1, now);
    }

    private boolean remove(String id) {
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

    private List<JobScheduler> list() {
        List<JobScheduler> out = new ArrayList<>();
        schedulers.forEach((id, e) -> out.add(new JobScheduler(id, e.template.name(), withPhase(e), e.template.dataJson(),
                e.template.options(), e.currentMillis, e.iterationCount)));
        out.sort(Comparator.comparing(JobScheduler::next));
        return out;
    }

    private static SchedulerSpec withPhase(Entry e) {
        if (e.spec.every() == null || e.spec.offset() != null) {
            return e.spec;
        }
        return new SchedulerSpec(e.spec.every(), null, e.spec.timeZone(), e.spec.limit(), e.spec.startDate(),
                e.spec.endDate(), e.spec.immediately(), Duration.ofMillis(e.phase));
    }

    /** After a fetch (caller holds the lock): when the fetched job is a scheduler's current job, produces the next one. */
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
        OptionalLong next = e.spec.nextRun(e.currentMillis, e.phase, e.currentCount, now);
        if (next.isEmpty()) {
            return;
        }
        if (s.jobs.containsKey(iterationId(id, next.getAsLong()))) {
            s.emit("duplicated", "jobId", iterationId(id, next.getAsLong()));
            return;
        }
        e.iterationCount++;
        produce(id, e, next.getAsLong(), e.currentCount + 1, now);
    }

    /** Adds iteration {@code millis} through the normal add path, which also moves the id counter. */
    private String produce(String id, Entry e, long millis, int count, long now) {
        String jobId = iterationId(id, millis);
        e.currentMillis = millis;
        e.currentCount = count;
        NewJob t = e.template;
        var options = t.options().toBuilder().jobId(jobId).delay(Duration.ofMillis(Math.max(millis - now, 0))).build();
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
