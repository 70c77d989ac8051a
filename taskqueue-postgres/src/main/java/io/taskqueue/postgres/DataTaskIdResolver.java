package io.taskqueue.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.Job;

/**
 * The default {@link TaskIdResolver}: a top-level {@code "taskId"} string in the job's data when
 * there is one, else {@code {baseQueueName}:{jobId}}.
 */
final class DataTaskIdResolver implements TaskIdResolver {
    static final DataTaskIdResolver INSTANCE = new DataTaskIdResolver();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIELD = "taskId";

    private DataTaskIdResolver() {
    }

    @Override
    public String taskId(String baseQueueName, Job job) {
        String fromData = topLevelTaskId(job.dataJson());
        return fromData != null ? fromData : TaskIds.taskId(baseQueueName, job.id());
    }

    /** The field's text, or null; a cheap text test first keeps the listener from parsing every payload. */
    private static String topLevelTaskId(String json) {
        if (json == null || !json.contains("\"" + FIELD + "\"")) {
            return null;
        }
        try {
            JsonNode value = MAPPER.readTree(json).get(FIELD);
            return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TaskIdResolver.defaults()";
    }
}
