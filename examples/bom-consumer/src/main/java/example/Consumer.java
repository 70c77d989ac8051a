package example;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import java.time.Duration;

/** Runs one job through the Redis at the URL given, and prints its result. */
public final class Consumer {
    private Consumer() {
    }

    public static void main(String[] args) {
        try (TaskQueue taskQueue = TaskQueue.open(args[0])) {
            taskQueue.worker("greetings").handlers(Handlers.builder()
                    .on("greet", ctx -> "hello, " + ctx.data()).build()).build().start();
            JobQueue greetings = taskQueue.queue("greetings");
            String id = greetings.add("greet", "consumer");
            System.out.println(greetings.awaitFinished(id, Duration.ofSeconds(30)).returnValueJson());
        }
    }
}
