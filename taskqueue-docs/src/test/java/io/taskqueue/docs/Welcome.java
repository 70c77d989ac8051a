package io.taskqueue.docs;

import io.taskqueue.*;
import java.time.Duration;

public class Welcome {
    record Email(String to, String subject) {}

    static final JobType<Email, String> SEND_EMAIL = JobType.of("send-email", Email.class, String.class);

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "memory:";   // or "redis://localhost:6379"
        try (TaskQueue taskQueue = TaskQueue.open(url)) {
            taskQueue.worker("emails")
                    .handlers(Handlers.builder()
                            .on(SEND_EMAIL, ctx -> {
                                ctx.updateProgress(50);
                                return "sent '" + ctx.data().subject() + "' to " + ctx.data().to();
                            })
                            .build())
                    .options(WorkerOptions.builder().concurrency(8).build())
                    .build()
                    .start();

            JobQueue emails = taskQueue.queue("emails");
            String id = emails.add(SEND_EMAIL, new Email("ada@example.com", "Welcome"),
                    JobOptions.builder().attempts(3).backoff(Backoff.exponential(Duration.ofSeconds(2))).build());
            Job done = emails.awaitFinished(id, Duration.ofSeconds(30));
            System.out.println(done.returnValueJson());
        }
    }
}
