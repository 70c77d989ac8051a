package io.taskqueue.docs;

import io.taskqueue.Backoff;
import io.taskqueue.ErrorCategory;
import io.taskqueue.ErrorClassifier;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOptions;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.JobType;
import io.taskqueue.KeepJobs;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** docs/guide.md, "Getting started": define, produce, work, manage, configure. */
final class GuideBasics {
    private static final Logger LOG = LoggerFactory.getLogger(GuideBasics.class);

    private GuideBasics() {
    }

    // tag::define[]
    record Invoice(String customer, long cents) {}

    static final JobType<Invoice, String> SEND_INVOICE = JobType.of("send-invoice", Invoice.class, String.class);
    // end::define[]

    /** A card that was declined: no retry will change that. */
    static final class PaymentDeclined extends Exception {
        PaymentDeclined(String message) {
            super(message);
        }
    }

    static TaskQueue configure(String url) {
        // tag::configure[]
        TaskQueue taskQueue = TaskQueue.builder()
                .backend(url)                                   // e.g. "redis://localhost:6379"
                .clock(Clock.systemUTC())                       // every timestamp and delay
                .errorClassifier(ErrorClassifier.builder()      // the one place failures are classified
                        .map(PaymentDeclined.class, new ErrorCategory("declined", false))
                        .build())
                .listener(new JobLifecycleListener() {          // sees every queue and worker
                    @Override
                    public void onFinished(String queue, Job job, JobOutcome outcome, long elapsedMillis) {
                        LOG.info("{} job {}: {} in {} ms", queue, job.id(), outcome, elapsedMillis);
                    }
                })
                .maxPayloadBytes(4 * 1024 * 1024)               // refuse data or results over 4 MiB
                .build();
        // end::configure[]
        return taskQueue;
    }

    static String produce(TaskQueue taskQueue) {
        // tag::produce[]
        JobQueue billing = taskQueue.queue("billing");
        String id = billing.add(SEND_INVOICE, new Invoice("cus_1", 4200),
                JobOptions.builder()
                        .attempts(5)
                        .backoff(Backoff.exponential(Duration.ofSeconds(1)).withJitter(0.2))
                        .removeOnComplete(KeepJobs.count(1000))
                        .timeout(Duration.ofMinutes(2))
                        .build());
        // end::produce[]
        return id;
    }

    static Worker work(TaskQueue taskQueue) {
        // tag::work[]
        Handlers handlers = Handlers.builder()
                .on(SEND_INVOICE, ctx -> {
                    int page = ctx.checkpoint("page", Integer.class).orElse(0);   // resume after a crash
                    for (; page < 10; page++) {
                        ctx.throwIfCancelled();
                        render(ctx.data(), page);
                        ctx.checkpoint("page", page + 1);
                        ctx.updateProgress(Map.of("page", page + 1));
                    }
                    ctx.log("rendered 10 pages");
                    return "sent";
                })
                .build();

        Worker worker = taskQueue.worker("billing")
                .handlers(handlers)
                .options(WorkerOptions.builder().name("billing-1").concurrency(4).build())
                .build()
                .start();
        // end::work[]
        return worker;
    }

    static void render(Invoice invoice, int page) {
        // A real handler would draw a page of the invoice here.
    }

    static void manage(JobQueue queue, String id) {
        // tag::manage[]
        queue.cancel(id);          // waiting/delayed: fails now with reason "cancelled"; running: handler stopped
        queue.retry(id);           // a failed job back to wait
        queue.promote(id);         // a delayed job now
        queue.changeDelay(id, Duration.ofMinutes(5));
        queue.changePriority(id, 1);
        queue.pause();
        queue.resume();
        queue.clean(Duration.ofDays(7), 1000, JobState.COMPLETED);
        queue.drain(true);         // remove waiting (and delayed) jobs
        // end::manage[]
    }
}
