package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Acceptance 5: the CLI prints statistics and writes an SVG map that is well-formed XML. */
class SatlocCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SatlocCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void simulatesThenPrintsTableAndWritesSvg(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("flight.log");
        assertThat(run("--simulate", log.toString())).isZero();
        assertThat(dir.resolve("flight.job")).exists();
        out.reset();

        Path svg = dir.resolve("map.svg");
        int code = run(log.toString(), "--svg", svg.toString(), "--job", dir.resolve("flight.job").toString());
        assertThat(err()).isEmpty();
        assertThat(code).isZero();
        assertThat(out()).contains("rejected", "100.00 % accepted", "covered area", "spray time", "pilot             J. Doe",
                "controller        Satloc Constant Rate", "material type     wet", "job               1042 NORTH 40");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isGreaterThan(10);
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(Files.readString(svg)).contains("#1a9850", "spray on", " m</text>");
    }

    @Test
    void printsJson(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("f.log");
        new FlightSimulator(SimulationSettings.defaults()).writeLog(log);
        assertThat(run(log.toString(), "--json")).isZero();
        String json = out().strip();
        assertThat(json).startsWith("{").endsWith("}").contains("\"accepted\": ", "\"coveredAreaHa\": ",
                "\"pilot\": \"J. Doe\"", "\"swathNumbers\": [1,2,");
    }

    @Test
    void unreadableFileExitsNonZeroWithOneLine(@TempDir Path dir) throws IOException {
        assertThat(run(dir.resolve("missing.log").toString())).isEqualTo(1);
        assertThat(err().lines()).singleElement().asString().contains("cannot read").contains("missing.log");
        err.reset();

        Path notALog = Files.writeString(dir.resolve("notes.log"), "hello");
        assertThat(run(notALog.toString())).isEqualTo(1);
        assertThat(err().lines()).singleElement().asString().contains("not a readable SatLoc log");
        err.reset();

        assertThat(run(dir.toString())).isEqualTo(1);
        assertThat(err().lines()).singleElement().asString().contains("not a regular file");
        assertThat(out()).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("a.log", "--bogus")).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("usage");
    }
}
