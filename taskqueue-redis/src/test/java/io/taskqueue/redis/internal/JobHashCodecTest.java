package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.Job;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobHashCodecTest {
    private final JobHashCodec codec = new JobHashCodec(new ObjectMapper());

    private static Map<String, String> completedJobFromDump() {
        Map<String, String> h = new HashMap<>();
        h.put("name", "ok");
        h.put("data", "{\"a\":1}");
        h.put("opts", "{\"attempts\":0}");
        h.put("timestamp", "1795408158504");
        h.put("delay", "0");
        h.put("priority", "0");
        h.put("processedOn", "1795408158525");
        h.put("pb", "w-java-test");
        h.put("ats", "1");
        h.put("progress", "{\"pct\":50}");
        h.put("atm", "1");
        h.put("returnvalue", "{\"result\":{\"a\":1}}");
        h.put("finishedOn", "1795408158540");
        return h;
    }

    @Test
    void readsTheProtocolsExampleHash() {
        Job job = codec.read("1", completedJobFromDump());
        assertThat(job.id()).isEqualTo("1");
        assertThat(job.name()).isEqualTo("ok");
        assertThat(job.dataJson()).isEqualTo("{\"a\":1}");
        assertThat(job.timestamp()).isEqualTo(1795408158504L);
        assertThat(job.processedOn()).isEqualTo(1795408158525L);
        assertThat(job.finishedOn()).isEqualTo(1795408158540L);
        assertThat(job.attemptsStarted()).isEqualTo(1);
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.processedBy()).isEqualTo("w-java-test");
        assertThat(job.progressJson()).isEqualTo("{\"pct\":50}");
        assertThat(job.returnValueJson()).isEqualTo("{\"result\":{\"a\":1}}");
        assertThat(job.deferredFailure()).isNull();
    }

    @Test
    void legacyAttemptsMadeWinsOverAtm() {
        Map<String, String> h = completedJobFromDump();
        h.put("attemptsMade", "4");
        assertThat(codec.read("1", h).attemptsMade()).isEqualTo(4);
    }

    @Test
    void fractionalAndExponentNumbersAreTolerated() {
        Map<String, String> h = completedJobFromDump();
        h.put("delay", "1500.5");
        h.put("timestamp", "1.795408158504e+12");
        Job job = codec.read("1", h);
        assertThat(job.delayMillis()).isEqualTo(1500);
        assertThat(job.timestamp()).isEqualTo(1795408158504L);
    }

    @Test
    void stacktraceIsAJsonArrayAndEmptyObjectMeansEmpty() {
        Map<String, String> h = completedJobFromDump();
        h.put("stacktrace", "[\"Error: a\\n at x\",\"Error: b\"]");
        assertThat(codec.read("1", h).stacktrace()).containsExactly("Error: a\n at x", "Error: b");
        h.put("stacktrace", "{}");
        assertThat(codec.read("1", h).stacktrace()).isEmpty();
        assertThat(codec.writeStacktrace(List.of("a/b", "c"))).isEqualTo("[\"a/b\",\"c\"]");
    }

    @Test
    void deferredFailureComesFromDefa() {
        Map<String, String> h = completedJobFromDump();
        h.put("defa", "job stalled more than allowable limit");
        assertThat(codec.read("1", h).deferredFailure()).isEqualTo("job stalled more than allowable limit");
    }

    @Test
    void malformedOptsGivesADeferredFailureNotAnException() {
        Map<String, String> h = completedJobFromDump();
        h.put("opts", "{oops");
        Job job = codec.read("1", h);
        assertThat(job.deferredFailure()).startsWith("malformed job: opts is not valid JSON");
        assertThat(job.options().attempts()).isEqualTo(1);
    }

    @Test
    void malformedDataGivesADeferredFailure() {
        Map<String, String> h = completedJobFromDump();
        h.put("data", "not-json");
        assertThat(codec.read("1", h).deferredFailure()).startsWith("malformed job: data is not valid JSON");
        h.put("data", "{\"a\":1} trailing");
        assertThat(codec.read("1", h).deferredFailure()).startsWith("malformed job: data is not valid JSON");
    }

    @Test
    void missingNameGivesADeferredFailure() {
        Map<String, String> h = completedJobFromDump();
        h.remove("name");
        Job job = codec.read("1", h);
        assertThat(job.name()).isEmpty();
        assertThat(job.deferredFailure()).isEqualTo("malformed job: missing name");
    }

    @Test
    void outOfRangeOptsAreReportedAsMalformed() {
        Map<String, String> h = completedJobFromDump();
        h.put("opts", "{\"priority\":-5}");
        assertThat(codec.read("1", h).deferredFailure()).startsWith("malformed job: invalid opts");
    }

    @Test
    void flatRepliesBecomeMaps() {
        assertThat(JobHashCodec.toMap(List.of("a", "1", "b", "2"))).containsEntry("a", "1").containsEntry("b", "2");
    }
}
