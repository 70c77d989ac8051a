package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonCodecTest {
    record Point(int x, int y) {
    }

    private final JacksonCodec codec = new JacksonCodec();

    @Test
    void roundTripsRecordsCompactly() {
        String json = codec.encode(new Point(1, 2));
        assertThat(json).isEqualTo("{\"x\":1,\"y\":2}");
        assertThat(codec.<Point>decode(json, Point.class)).isEqualTo(new Point(1, 2));
        assertThat(codec.encode(null)).isEqualTo("null");
    }

    @Test
    void ignoresUnknownFieldsAndReadsEscapedSlashes() {
        assertThat(codec.<Point>decode("{\"x\":1,\"y\":2,\"z\":3}", Point.class)).isEqualTo(new Point(1, 2));
        Map<String, Object> map = codec.decode("{\"url\":\"a\\/b\",\"n\":1.5e3}", Map.class);
        assertThat(map).containsEntry("url", "a/b").containsEntry("n", 1500.0);
        assertThat(codec.<List<Integer>>decode("[1,2]", List.class)).containsExactly(1, 2);
    }

    record Receipt(String id, Instant at, Duration took, LocalDate day) {
    }

    @Test
    void javaTimeValuesAreIsoStrings() {
        Receipt receipt = new Receipt("r", Instant.parse("2026-01-02T03:04:05.678Z"), Duration.ofMillis(1500),
                LocalDate.parse("2026-01-02"));
        String json = codec.encode(receipt);
        assertThat(json).isEqualTo("{\"id\":\"r\",\"at\":\"2026-01-02T03:04:05.678Z\",\"took\":\"PT1.5S\","
                + "\"day\":\"2026-01-02\"}");
        assertThat(codec.<Receipt>decode(json, Receipt.class)).isEqualTo(receipt);
    }

    @Test
    void failuresArePayloadExceptionsWithTheType() {
        assertThatThrownBy(() -> codec.decode("{not json", Point.class))
                .isInstanceOf(PayloadException.class).hasMessageContaining("Point");
        assertThatThrownBy(() -> codec.encode(new Object())).isInstanceOf(PayloadException.class)
                .hasMessageContaining("java.lang.Object");
    }
}
