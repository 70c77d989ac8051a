package io.taskqueue.cli.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.taskqueue.Job;
import io.taskqueue.JobState;
import java.util.List;

/**
 * Everything about one job, for {@code job show}: the stable {@code --json} shape documented in
 * docs/cli.md. Data, result and progress are embedded as JSON values, not as text holding JSON.
 *
 * @param queue the queue
 * @param id the job id
 * @param name the job name
 * @param state its state (wire name)
 * @param data the payload
 * @param options the options it was added with
 * @param timestamp creation time, epoch milliseconds
 * @param delayMillis the last delay applied
 * @param priority 0 for none
 * @param processedOn start of the latest attempt, or {@code null}
 * @param finishedOn when it finished, or {@code null}
 * @param attemptsMade attempts that ended
 * @param attemptsStarted attempts that started
 * @param stalledCounter how often it was recovered from a dead worker
 * @param progress the last progress, or {@code null}
 * @param returnValue the result, or {@code null}
 * @param failedReason the last error, whole, or {@code null}
 * @param stacktrace the stack traces of failed attempts, oldest first
 * @param deferredFailure a failure the backend set for its next fetch, or {@code null}
 * @param processedBy the worker that ran the latest attempt, or {@code null}
 * @param parentKey its flow parent's key, or {@code null}
 * @param logs its log lines, oldest first
 */
public record JobDetails(String queue, String id, String name, String state, JsonNode data, JobOptionsView options,
        long timestamp, long delayMillis, int priority, Long processedOn, Long finishedOn, int attemptsMade,
        int attemptsStarted, int stalledCounter, JsonNode progress, JsonNode returnValue, String failedReason,
        List<String> stacktrace, String deferredFailure, String processedBy, String parentKey, List<String> logs) {

    /** Decimals as read, not rounded through a double. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static JobDetails of(String queue, Job job, JobState state, List<String> logs) {
        return new JobDetails(queue, job.id(), job.name(), state.wireName(), json(job.dataJson()),
                JobOptionsView.of(job.options()), job.timestamp(), job.delayMillis(), job.priority(), job.processedOn(),
                job.finishedOn(), job.attemptsMade(), job.attemptsStarted(), job.stalledCounter(),
                json(job.progressJson()), json(job.returnValueJson()), job.failedReason(), job.stacktrace(),
                job.deferredFailure(), job.processedBy(), job.parentKey(), List.copyOf(logs));
    }

    /**
     * Stored JSON as a value; text that is not JSON (a legacy or hand-written hash) is shown as a
     * string rather than failing the whole command.
     */
    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
