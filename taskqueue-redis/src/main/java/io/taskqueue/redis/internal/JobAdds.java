package io.taskqueue.redis.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.spi.NewJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Adding jobs (docs/protocol.md §5.1): one {@code addJob} script per job. A batch is pipelined: every
 * script is sent before the first reply is awaited, so a thousand adds cost about two round trips,
 * while each add stays atomic on its own, as BullMQ's {@code addBulk} is.
 *
 * <p>The first job of a batch is added alone: a server that lost its scripts (restarted, flushed)
 * answers it NOSCRIPT and the runner loads the script before the rest is sent. Pipelined blindly,
 * every add would fail and be retried on its own, and if the script came back while the batch was
 * in flight (another client loading it), later jobs would land before earlier ones.
 */
final class JobAdds {
    private final RedisContext ctx;
    private final Keys keys;

    JobAdds(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    /** Adds {@code jobs} in order; returns their ids (an existing job's for a taken custom id or deduplication id). */
    List<String> add(List<NewJob> jobs) {
        String operation = jobs.size() == 1 ? "add" : "add (bulk)";
        List<String> ids = new ArrayList<>(jobs.size());
        if (jobs.isEmpty()) {
            return ids;
        }
        ids.add((String) ctx.await(send(jobs.get(0)), operation));
        List<CompletionStage<Object>> pending = new ArrayList<>(jobs.size() - 1);
        for (NewJob job : jobs.subList(1, jobs.size())) {
            pending.add(send(job));
        }
        for (CompletionStage<Object> reply : pending) {
            ids.add((String) ctx.await(reply, operation));
        }
        return ids;
    }

    private CompletionStage<Object> send(NewJob job) {
        JobOptions o = job.options();
        return ctx.scripts().run(Script.ADD_JOB,
                List.of(keys.waitList(), keys.meta(), keys.id(), keys.delayed(), keys.prioritized(), keys.priorityCounter(),
                        keys.events(), keys.marker(), keys.active()),
                List.of(keys.base(), o.jobId() == null ? "" : o.jobId(), job.name(), job.dataJson(),
                        ctx.codec().opts().write(o), Long.toString(job.timestamp()), Long.toString(o.delay().toMillis()),
                        Integer.toString(o.priority()), o.lifo() ? "1" : "0"));
    }
}
