package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.Backoff;
import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptsCodecTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final OptsCodec codec = new OptsCodec(mapper);

    @Test
    void defaultsAreWrittenCompactly() {
        assertThat(codec.write(JobOptions.defaults())).isEqualTo("{\"attempts\":1}");
    }

    @Test
    void everyOptionRoundTrips() throws Exception {
        JobOptions o = JobOptions.builder().jobId("my-id").delay(Duration.ofMillis(1500)).priority(7).lifo(true)
                .attempts(3).backoff(Backoff.exponential(Duration.ofSeconds(1)).withJitter(0.5))
                .removeOnComplete(KeepJobs.count(10)).removeOnFail(new KeepJobs(5, Duration.ofHours(1), 0))
                .timeout(Duration.ofSeconds(30)).keepLogs(5).stackTraceLimit(3).build();
        String json = codec.write(o);
        assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree("{\"jobId\":\"my-id\",\"delay\":1500,"
                + "\"priority\":7,\"lifo\":true,\"attempts\":3,"
                + "\"backoff\":{\"type\":\"exponential\",\"delay\":1000,\"jitter\":0.5},\"removeOnComplete\":10,"
                + "\"removeOnFail\":{\"count\":5,\"age\":3600},\"kl\":5,\"stackTraceLimit\":3,\"tqTimeout\":30000}"));
        assertThat(codec.read(json)).isEqualTo(o);
    }

    @Test
    void telemetryMetadataIsBullmqsTmKeyHoldingText() throws Exception {
        String tm = "{\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}";
        JobOptions o = JobOptions.builder().telemetryMetadata(tm).build();
        String json = codec.write(o);
        // A string holding JSON, as bullmq-otel stores it, not a nested object.
        assertThat(mapper.readTree(json).get("tm").isTextual()).isTrue();
        assertThat(mapper.readTree(json).get("tm").asText()).isEqualTo(tm);
        assertThat(codec.read(json)).isEqualTo(o);
        assertThat(codec.write(JobOptions.defaults())).doesNotContain("tm");
        // Node's omitContext flag and a non-text tm are ignored, not fatal.
        assertThat(codec.read("{\"omc\":true,\"tm\":{\"traceparent\":\"x\"}}").telemetryMetadata()).isNull();
    }

    @Test
    void keepJobsUsesBullmqShapes() throws Exception {
        assertThat(codec.write(JobOptions.builder().removeOnComplete(KeepJobs.none()).build()))
                .contains("\"removeOnComplete\":true");
        assertThat(codec.write(JobOptions.builder().removeOnComplete(KeepJobs.all()).build()))
                .contains("\"removeOnComplete\":false");
        assertThat(codec.read("{\"removeOnComplete\":true}").removeOnComplete()).isEqualTo(KeepJobs.none());
        assertThat(codec.read("{\"removeOnComplete\":false}").removeOnComplete()).isEqualTo(KeepJobs.all());
        assertThat(codec.read("{\"removeOnFail\":{\"age\":1}}").removeOnFail())
                .isEqualTo(KeepJobs.age(Duration.ofSeconds(1)));
        assertThat(codec.read("{\"removeOnFail\":{\"count\":2,\"limit\":50}}").removeOnFail())
                .isEqualTo(new KeepJobs(2, null, 50));
    }

    @Test
    void readsWhatNodeWritesThroughCjson() throws Exception {
        // cjson escapes '/', writes large numbers in exponent form and empty arrays as {}
        String cjson = "{\"prevMillis\":1795408215000,\"repeat\":{\"count\":2,\"pattern\":\"*\\/5 * * * * *\","
                + "\"tz\":\"UTC\"},\"repeatJobKey\":\"cron-1\",\"jobId\":\"repeat:cron-1:1795408215000\","
                + "\"timestamp\":1795408210004,\"delay\":4.996e+03,\"attempts\":0,\"unknownList\":{}}";
        JobOptions o = codec.read(cjson);
        assertThat(o.jobId()).isEqualTo("repeat:cron-1:1795408215000");
        assertThat(o.delay()).isEqualTo(Duration.ofMillis(4996));
        assertThat(o.attempts()).isEqualTo(1);
    }

    @Test
    void exponentNumbersAreReadAsIntegers() throws Exception {
        assertThat(codec.read("{\"attempts\":3e0,\"backoff\":{\"type\":\"fixed\",\"delay\":1.5e+3}}").backoff())
                .isEqualTo(new Backoff("fixed", 1500, 0));
    }

    @Test
    void bareNumberBackoffIsFixed() throws Exception {
        assertThat(codec.read("{\"backoff\":250}").backoff()).isEqualTo(Backoff.fixed(Duration.ofMillis(250)));
    }

    @Test
    void nodeDefaultAttemptsZeroMeansOneTry() throws Exception {
        assertThat(codec.read("{\"attempts\":0}").attempts()).isEqualTo(1);
        assertThat(codec.read("{}").attempts()).isEqualTo(1);
    }

    @Test
    void unknownKeysAreIgnored() throws Exception {
        JobOptions o = codec.read("{\"fpof\":true,\"parent\":{\"id\":\"P1\",\"queue\":\"bull:p\"},\"de\":{\"id\":\"x\"},"
                + "\"kl\":2,\"sizeLimit\":100,\"tm\":\"abc\",\"omc\":true}");
        assertThat(o.keepLogs()).isEqualTo(2);
    }

    @Test
    void invalidJsonIsReported() {
        assertThatThrownBy(() -> codec.read("{not json")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> codec.read("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsAreWrittenAsPlainIntegers() {
        String json = codec.write(JobOptions.builder().delay(Duration.ofMillis(1_795_408_215_000L)).build());
        assertThat(json).contains("\"delay\":1795408215000").doesNotContain("E");
    }
}
