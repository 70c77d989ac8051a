package io.taskqueue.redis.fault;

import io.taskqueue.Handlers;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import java.time.Duration;

/**
 * A worker process for fault tests: takes jobs of {@code args[2]} and hangs in the handler after
 * printing {@code STARTED <id>}, so the test can kill it with SIGKILL mid-job.
 * Arguments: redis URL, key prefix, queue name.
 */
public final class FaultWorkerMain {
    private FaultWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        TaskQueue tq = TaskQueue.builder().backend(RedisBackend.factory(RedisBackendOptions.builder().url(args[0])
                .prefix(args[1]).build())).build();
        Handlers handlers = Handlers.builder().on("slow", ctx -> {
            System.out.println("STARTED " + ctx.job().id());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            return null;
        }).build();
        tq.worker(args[2]).handlers(handlers).options(WorkerOptions.builder().name("doomed")
                .lockDuration(Duration.ofSeconds(2)).drainDelay(Duration.ofMillis(100)).build()).build().start();
        Thread.currentThread().join();
    }
}
