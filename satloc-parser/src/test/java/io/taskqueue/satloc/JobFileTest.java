package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileTest {

    private static final JobFile FIELD_WITH_HOLES = new JobFile("1042", "NORTH 40", List.of(
            new JobRing("Poly1", true, List.of(new GeoPoint(38.512345, -97.987654), new GeoPoint(38.512345, -97.970001),
                    new GeoPoint(38.5, -97.970001), new GeoPoint(38.5, -97.987654))),
            new JobRing("1.1", false, List.of(new GeoPoint(38.508, -97.98), new GeoPoint(38.508, -97.978),
                    new GeoPoint(38.506, -97.979))),
            new JobRing("1.2", false, List.of(new GeoPoint(38.503, -97.975), new GeoPoint(38.503, -97.973),
                    new GeoPoint(38.501, -97.974)))));

    @Test
    void roundTripWithHoles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("1042.job");
        FIELD_WITH_HOLES.write(file);
        assertThat(JobFile.read(file)).isEqualTo(FIELD_WITH_HOLES);
    }

    @Test
    void writesTheDocumentedLayoutWithCrlf() {
        String text = FIELD_WITH_HOLES.format();
        assertThat(text).startsWith(".JOB 1042 NORTH 40\r\n.VERSION 2\r\n.POL 1 Poly1\r\n\tINC\r\n\t38.512345 -97.987654\r\n");
        assertThat(text).contains(".POL 2 1.1\r\n\tEXC\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        // every ring is closed: the first vertex is repeated at its end
        assertThat(text).contains("\t38.500000 -97.987654\r\n\t38.512345 -97.987654\r\n.POL 2");
    }

    @Test
    void readsLfOnlyAndSpaceIndentedFiles() {
        String lf = ".JOB 7 A B\n.VERSION 2\n.POL 1 Poly1\n  INC\n  1.000000 2.000000\n 1.5 2\n 2 2.5\n";
        JobFile f = JobFile.parse(lf);
        assertThat(f.name()).isEqualTo("A B");
        assertThat(f.rings().get(0).vertices()).hasSize(3);
    }

    @Test
    void aBinaryFileIsNotTextAndSaysWhere(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("field.job"), new byte[] {'.', 'J', 'O', 'B', ' ', (byte) 0xFF, 'x'});
        assertThatThrownBy(() -> JobFile.read(file)).isInstanceOf(SatlocFormatException.class)
                .hasMessage("job file: not UTF-8 text (at byte 5)");
    }

    @Test
    void badFilesThrowWithTheLineOffset() {
        assertThatThrownBy(() -> JobFile.parse("")).isInstanceOf(SatlocFormatException.class);
        assertThatThrownBy(() -> JobFile.parse(".JOB 1 X\r\n.VERSION 3\r\n")).hasMessageContaining("VERSION 2");
        String badVertex = ".JOB 1 X\r\n.VERSION 2\r\n.POL 1 P\r\n\tINC\r\n\t1.0 north\r\n";
        assertThatThrownBy(() -> JobFile.parse(badVertex)).isInstanceOf(SatlocFormatException.class)
                .extracting(e -> ((SatlocFormatException) e).offset()).isEqualTo((long) badVertex.indexOf("\t1.0"));
        assertThatThrownBy(() -> JobFile.parse(".JOB 1 X\r\n.VERSION 2\r\n.POL 1 P\r\n\tINC\r\n\t1 1\r\n\t2 2\r\n"))
                .hasMessageContaining("fewer than 3");
        assertThatThrownBy(() -> JobFile.parse(".JOB 1 X\r\n.VERSION 2\r\n.POL 1 P\r\n\tMAYBE\r\n"))
                .hasMessageContaining("INC or EXC");
    }
}
