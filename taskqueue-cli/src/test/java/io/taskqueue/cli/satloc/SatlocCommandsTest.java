package io.taskqueue.cli.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.satloc.FlightSimulator;
import io.taskqueue.satloc.GroundTruth;
import io.taskqueue.satloc.SatlocWriter;
import io.taskqueue.satloc.SimulationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code taskqueue satloc stats} and {@code simulate}: reports, maps, and errors that name the file at fault. */
class SatlocCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Cli.Result run(String... args) {
        return Cli.create().run(args);
    }

    private Path simulated() throws Exception {
        Path log = dir.resolve("sample.log");
        new FlightSimulator(SimulationSettings.defaults()).writeLog(log);
        return log;
    }

    @Test
    void simulatesThenPrintsTheReportAndWritesAnSvgMap() throws Exception {
        Path log = dir.resolve("flight.log");
        Cli.Result simulated = run("satloc", "simulate", log.toString());
        assertThat(simulated.status()).as(simulated.toString()).isZero();
        Path job = dir.resolve("flight.job");
        assertThat(job).exists();
        assertThat(simulated.out()).startsWith("wrote " + log + " (8,438 records, " + String.format("%,d", Files.size(log))
                + " bytes) and field " + job);

        Path svg = dir.resolve("map.svg");
        Cli.Result r = run("satloc", "stats", log.toString(), "--svg", svg.toString(), "--job", job.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).contains(
                "file              " + log,
                "format version    3.76",
                "records           8,438 accepted, 0 rejected, 0 skipped (100.00 % accepted)",
                "pilot             J. Doe",
                "controller        Satloc Constant Rate",
                "material type     wet",
                "job               1042 NORTH 40",
                "map written to " + svg);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isGreaterThan(10);
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(Files.readString(svg)).contains("#1a9850", "spray on", " m</text>");
    }

    @Test
    void jsonHasTheDocumentedShapeAndTheFormatVersionAsTheTableShowsIt() throws Exception {
        Path log = dir.resolve("f.log");
        GroundTruth truth = new FlightSimulator(SimulationSettings.defaults()).writeLog(log);
        Cli.Result r = run("--json", "satloc", "stats", log.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("file").asText()).isEqualTo(log.toString());
        assertThat(json.get("formatVersion").isTextual()).isTrue();
        assertThat(json.get("formatVersion").asText()).isEqualTo("3.76");
        assertThat(json.at("/records/accepted").asLong()).isEqualTo(truth.records());
        assertThat(json.at("/records/rejected").asLong()).isZero();
        assertThat(json.at("/records/bytesRead").asLong()).isEqualTo(Files.size(log));
        assertThat(json.at("/records/rejections").isArray()).isTrue();
        assertThat(json.at("/statistics/sprayPasses").asInt()).isEqualTo(29);
        assertThat(json.at("/statistics/swathNumbers/0").asInt()).isEqualTo(1);
        assertThat(json.at("/statistics/swathNumbers").size()).isEqualTo(28);
        assertThat(json.at("/statistics/firstFix").asText()).isEqualTo("2025-06-03T13:00:00Z");
        assertThat(json.at("/statistics/boundingBox/minLatitude").asDouble()).isBetween(38.4, 38.6);
        assertThat(json.at("/metadata/pilot").asText()).isEqualTo("J. Doe");
        assertThat(json.at("/metadata/units").asText()).isEqualTo("LITERS_PER_HECTARE");
        assertThat(json.at("/metadata/jobId").asText()).isEqualTo("1042");
        assertThat(run("satloc", "stats", log.toString()).out()).contains("format version    3.76");
    }

    @Test
    void theSameSeedWritesTheSameLog() throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Path c = dir.resolve("c.log");
        assertThat(run("satloc", "simulate", a.toString(), "--seed", "7").status()).isZero();
        assertThat(run("satloc", "simulate", b.toString(), "--seed", "7").status()).isZero();
        Cli.Result other = run("--json", "satloc", "simulate", c.toString(), "--seed", "8");
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        assertThat(Files.mismatch(a, c)).isNotEqualTo(-1);
        JsonNode json = JSON.readTree(other.out());
        assertThat(json.get("log").asText()).isEqualTo(c.toString());
        assertThat(json.get("job").asText()).isEqualTo(dir.resolve("c.job").toString());
        assertThat(json.get("bytes").asLong()).isEqualTo(Files.size(c));
    }

    @Test
    void aLogWithoutReadableRecordsExitsZeroWithANote() throws Exception {
        Path empty = dir.resolve("empty.log");
        try (SatlocWriter w = SatlocWriter.create(empty)) {
            w.flush();
        }
        Cli.Result r = run("satloc", "stats", empty.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("records           0 accepted, 0 rejected, 0 skipped");
        assertThat(r.err().strip()).isEqualTo("taskqueue: note: " + empty
                + " has no readable records (0 rejected, 0 skipped); the statistics are empty");

        Path garbage = dir.resolve("garbage.log");
        byte[] header = Files.readAllBytes(empty);
        byte[] bytes = new byte[header.length + 100];
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(garbage, bytes);
        Cli.Result json = run("--json", "satloc", "stats", garbage.toString());
        assertThat(json.status()).as(json.toString()).isZero();
        assertThat(JSON.readTree(json.out()).at("/records/accepted").asLong()).isZero();
        assertThat(JSON.readTree(json.out()).at("/records/rejected").asLong()).isEqualTo(1);
        assertThat(json.err()).contains("has no readable records (1 rejected, 0 skipped)");
    }

    @Test
    void aJobFileThatIsNotAJobFileIsBlamedNotTheLog() throws Exception {
        Path log = simulated();
        Path job = Files.writeString(dir.resolve("field.job"), "hello\r\n");
        Cli.Result r = run("satloc", "stats", log.toString(), "--job", job.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: " + job
                + " is not a valid job file: expected '.JOB <number> <name>' (at byte 0)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBinaryJobFileSaysItIsNotText() throws Exception {
        Path log = simulated();
        Path job = dir.resolve("field.job");
        Files.write(job, new byte[] {'.', 'J', 'O', 'B', ' ', (byte) 0xA5, 0x5A, 0x01, (byte) 0xFF});
        Cli.Result r = run("satloc", "stats", log.toString(), "--job", job.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: " + job + " is not a valid job file: not UTF-8 text (at byte 5)");
        assertThat(r.err()).doesNotContain("Input length");
    }

    @Test
    void aMissingJobFileCannotBeRead() throws Exception {
        Path log = simulated();
        Path job = dir.resolve("nosuch.job");
        Cli.Result r = run("satloc", "stats", log.toString(), "--job", job.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: cannot read " + job + ": no such file or directory");
    }

    @Test
    void aMapThatCannotBeWrittenSaysCannotWriteAndPrintsNoReport() throws Exception {
        Path log = simulated();
        Path svg = dir.resolve("no-such-dir").resolve("map.svg");
        Cli.Result r = run("satloc", "stats", log.toString(), "--svg", svg.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: cannot write " + svg + ": no such file or directory");
        assertThat(r.out()).isEmpty();

        Path underAFile = log.resolve("map.svg");
        Cli.Result notADirectory = run("satloc", "stats", log.toString(), "--svg", underAFile.toString());
        assertThat(notADirectory.err().strip()).isEqualTo("taskqueue: cannot write " + underAFile + ": not a directory");
    }

    @Test
    void aWriteTheSystemRefusesKeepsItsReason() throws Exception {
        // Nobody may create files in /sys, not even root (the tests may run as root, who reads and
        // writes any ordinary file): the reason must reach the line, not just the path.
        Path log = simulated();
        Path svg = Path.of("/sys/taskqueue-map.svg");
        Cli.Result r = run("satloc", "stats", log.toString(), "--svg", svg.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isIn("taskqueue: cannot write " + svg + ": permission denied",
                "taskqueue: cannot write " + svg + ": read-only file system",
                "taskqueue: cannot write " + svg + ": no such file or directory");
    }

    @Test
    void anUnreadableLogExitsOneWithOneLine() throws Exception {
        Path missing = dir.resolve("missing.log");
        Cli.Result r = run("satloc", "stats", missing.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: cannot read " + missing + ": no such file or directory");

        Path notALog = Files.writeString(dir.resolve("notes.log"), "hello, this is not a log");
        Cli.Result notLog = run("satloc", "stats", notALog.toString());
        assertThat(notLog.err().strip()).isEqualTo("taskqueue: " + notALog
                + " is not a readable SatLoc log: bad magic (at byte 0)");

        Cli.Result directory = run("satloc", "stats", dir.toString());
        assertThat(directory.err().strip()).isEqualTo("taskqueue: cannot read " + dir + ": not a regular file");
        assertThat(directory.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("satloc", "stats").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(run("satloc", "stats", "a.log", "--bogus").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(run("satloc", "simulate", "a.log", "--seed", "many").status()).isEqualTo(TaskqueueCli.USAGE);
        Cli.Result help = run("satloc", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("stats", "simulate");
    }
}
