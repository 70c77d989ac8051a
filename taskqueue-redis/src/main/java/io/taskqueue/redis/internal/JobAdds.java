package io.taskqueue.redis.internal;

import io.taskqueue.JobOptions;
import io.taskqueue.spi.NewJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Adding jobs (docs/protocol.md §5.1): one {@code addJob} script per job. A batch is pipelined: every
 * script is sent before the first reply is awaited, so a thousand adds cost about one round trip,
 * while each add stays atomic on its own, as BullMQ's {@code addBulk} is.
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
        List<CompletionStage<Object>> pending = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            pending.add(send(job));
        }
        List<String> ids = new ArrayList<>(jobs.size());
        for (CompletionStage<Object> reply : pending) {
            ids.add((String) ctx.await(reply, jobs.size() == 1 ? "add" : "add (bulk)"));
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
