package io.taskqueue.micrometer;

import io.taskqueue.Handlers;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import java.time.Duration;

/**
 * A worker process that takes one job of queue {@code args[1]} on the backend {@code args[0]}, prints
 * {@code STARTED <id>} and hangs, so a test can kill it with SIGKILL while it holds the job's lock.
 */
public final class StallingWorkerMain {
    private StallingWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        TaskQueue taskQueue = TaskQueue.open(args[0]);
        Handlers handlers = Handlers.builder().on("hang", ctx -> {
            System.out.println("STARTED " + ctx.job().id());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            return null;
        }).build();
        // A short lock, so the job's lock expires soon after the kill.
        taskQueue.worker(args[1]).handlers(handlers).options(WorkerOptions.builder().name("doomed")
                .lockDuration(Duration.ofSeconds(2)).drainDelay(Duration.ofMillis(100)).build()).build().start();
        Thread.currentThread().join();
    }
}
