package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.InlineMode;
import io.taskqueue.worker.WorkerConfig;
import io.taskqueue.worker.WorkerService;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The worker framework guide's code does what the guide says. */
class WorkerFrameworkExamplesTest {
    @Test
    void theInlineExampleCountsTheWords() {
        assertThat(WorkerFrameworkExamples.inline()).isEqualTo("{\"id\":\"t-1\",\"words\":6}");
    }

    @Test
    void aProducedTaskCarriesTheConfiguredRetriesAndRunsInline() {
        WorkerConfig config = WorkerConfig.builder().healthPort(-1).attempts(5).build();
        WordCountWorker worker = new WordCountWorker(config);
        InlineMode inline = InlineMode.on(worker.queueName(), WorkerService.handlers(worker, Clock.systemUTC()));
        try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(inline).build()) {
            String id = WorkerFrameworkExamples.produce(taskQueue, config);
            assertThat(taskQueue.queue("word-count").getState(id)).isEqualTo(JobState.COMPLETED);
            assertThat(taskQueue.queue("word-count").getJob(id).orElseThrow().options().attempts()).isEqualTo(5);
            String bad = taskQueue.queue("word-count").add(worker.jobType(), new WordCountWorker.Text("t-2", null));
            assertThat(taskQueue.queue("word-count").getJob(bad).orElseThrow().failedReason())
                    .isEqualTo("text t-2 has no body");
            assertThat(taskQueue.queue("word-count").getJob(bad).orElseThrow().attemptsMade()).isEqualTo(1);
        }
    }
}
