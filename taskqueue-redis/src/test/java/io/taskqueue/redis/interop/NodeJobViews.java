package io.taskqueue.redis.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Job;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * Holds a job as Node BullMQ reads it (the {@code view} of {@code interop.js}) against the same job
 * as Java reads it, field by field and value by value: both read one Redis hash, so every field
 * must agree. The one difference is BullMQ's own default, stated where it is checked.
 */
final class NodeJobViews {
    private NodeJobViews() {
    }

    /** Asserts that Node's {@code view} of a job and Java's {@code job} hold the same values. */
    static void assertSameJob(JsonNode view, Job job) {
        SoftAssertions soft = new SoftAssertions();
        String what = "job " + job.id() + " field ";
        soft.assertThat(view.path("id").asText()).as(what + "id").isEqualTo(job.id());
        soft.assertThat(view.path("name").asText()).as(what + "name").isEqualTo(job.name());
        soft.assertThat(view.path("data")).as(what + "data").isEqualTo(InteropSupport.json(job.dataJson()));
        soft.assertThat(view.path("timestamp").asLong()).as(what + "timestamp").isEqualTo(job.timestamp());
        soft.assertThat(view.path("delay").asLong()).as(what + "delay").isEqualTo(job.delayMillis());
        soft.assertThat(view.path("priority").asInt()).as(what + "priority").isEqualTo(job.priority());
        soft.assertThat(longOrNull(view.path("processedOn"))).as(what + "processedOn").isEqualTo(job.processedOn());
        soft.assertThat(longOrNull(view.path("finishedOn"))).as(what + "finishedOn").isEqualTo(job.finishedOn());
        soft.assertThat(view.path("attemptsMade").asInt()).as(what + "attemptsMade").isEqualTo(job.attemptsMade());
        soft.assertThat(view.path("attemptsStarted").asInt()).as(what + "attemptsStarted")
                .isEqualTo(job.attemptsStarted());
        soft.assertThat(view.path("stalledCounter").asInt()).as(what + "stalledCounter")
                .isEqualTo(job.stalledCounter());
        soft.assertThat(textOrNull(view.path("processedBy"))).as(what + "processedBy").isEqualTo(job.processedBy());
        soft.assertThat(textOrNull(view.path("failedReason"))).as(what + "failedReason")
                .isEqualTo(job.failedReason());
        soft.assertThat(InteropSupport.texts(view.path("stacktrace"))).as(what + "stacktrace")
                .isEqualTo(job.stacktrace());
        JsonNode returned = view.path("returnvalue");
        if (job.returnValueJson() == null) {
            soft.assertThat(returned.isMissingNode() || returned.isNull()).as(what + "returnvalue " + returned).isTrue();
        } else {
            soft.assertThat(returned).as(what + "returnvalue").isEqualTo(InteropSupport.json(job.returnValueJson()));
        }
        // BullMQ reads a hash without progress as progress 0.
        JsonNode progress = view.path("progress");
        soft.assertThat(progress).as(what + "progress").isEqualTo(InteropSupport.json(
                job.progressJson() == null ? "0" : job.progressJson()));
        soft.assertAll();
    }

    /** The ids of Node's job views, in Node's order. */
    static List<String> ids(JsonNode views) {
        List<String> out = new ArrayList<>();
        views.forEach(v -> out.add(v.path("id").asText()));
        assertThat(out).doesNotHaveDuplicates();
        return out;
    }

    private static Long longOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asLong();
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
