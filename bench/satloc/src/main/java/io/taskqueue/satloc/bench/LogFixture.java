package io.taskqueue.satloc.bench;

import io.taskqueue.satloc.FlightSimulator;
import io.taskqueue.satloc.GroundTruth;
import io.taskqueue.satloc.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates the ~100 MB benchmark log once with the simulator and reuses it across forks. */
final class LogFixture {

    static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "satloc-bench-100mb.log");

    private LogFixture() {
    }

    static synchronized Path ensure() throws IOException {
        if (Files.exists(FILE) && Files.size(FILE) > 90_000_000L) {
            return FILE;
        }
        Path tmp = Files.createTempFile(FILE.getParent(), "satloc-bench", ".tmp");
        // About 1.9 million records (~100 MB): a 20 km x 13.5 km block flown in 40 loads.
        SimulationSettings s = SimulationSettings.defaults().withField(20_000, 13_500, 40);
        GroundTruth truth = new FlightSimulator(s).writeLog(tmp);
        Files.move(tmp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("generated %s: %,d records, %,d bytes%n", FILE, truth.records(), Files.size(FILE));
        return FILE;
    }
}
