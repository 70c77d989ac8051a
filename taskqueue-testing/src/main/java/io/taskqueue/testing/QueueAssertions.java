package io.taskqueue.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.JobType;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assertions on what a queue holds, for users' tests: "a job named X with data Y was enqueued".
 * Data is compared as JSON trees, so field order and number formatting do not matter.
 */
public final class QueueAssertions {
    /** The states a job is in between being added and being run. */
    public static final Set<JobState> PENDING = EnumSet.of(JobState.WAITING, JobState.PRIORITIZED, JobState.DELAYED);
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueAssertions() {
    }

    /** The pending jobs named {@code name}, oldest first. */
    public static List<Job> enqueued(JobQueue queue, String name) {
        return queue.getJobs(PENDING, 0, -1, true).stream().filter(j -> j.name().equals(name)).toList();
    }

    /** Asserts a pending job named {@code name} whose data equals {@code data}; returns it. */
    public static Job assertEnqueued(JobQueue queue, String name, Object data) {
        Objects.requireNonNull(name, "name");
        JsonNode expected = tree(queue.codec().encode(data));
        List<Job> candidates = enqueued(queue, name);
        return candidates.stream().filter(j -> tree(j.dataJson()).equals(expected)).findFirst()
                .orElseThrow(() -> new AssertionError("expected a pending job '" + name + "' with data " + expected
                        + " in queue " + queue.name() + ", but found " + describe(queue)));
    }

    /** Typed form of {@link #assertEnqueued(Queue, String, Object)}. */
    public static <D> Job assertEnqueued(JobQueue queue, JobType<D, ?> type, D data) {
        return assertEnqueued(queue, type.name(), data);
    }

    /** Asserts that no pending job is named {@code name}. */
    public static void assertNotEnqueued(JobQueue queue, String name) {
        if (!enqueued(queue, name).isEmpty()) {
            throw new AssertionError("expected no pending job '" + name + "' in queue " + queue.name()
                    + ", but found " + describe(queue));
        }
    }

    private static String describe(JobQueue queue) {
        List<Job> pending = queue.getJobs(PENDING, 0, -1, true);
        if (pending.isEmpty()) {
            return "no pending jobs";
        }
        return pending.stream().map(j -> j.name() + " " + j.dataJson()).collect(Collectors.joining(", ", "[", "]"));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("stored data is not valid JSON: " + json, e);
        }
    }
}
