package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 3 (second half): every record of an uncorrupted 100,000-record file is accepted. */
class LargeLogIT {

    @Test
    void acceptsEveryRecordOfAHundredThousandRecordFile(@TempDir Path dir) throws IOException {
        SimulationSettings s = SimulationSettings.defaults().withField(4500, 3000, 4);
        Path file = dir.resolve("big.log");
        GroundTruth truth = new FlightSimulator(s).writeLog(file);
        assertThat(truth.records()).isGreaterThanOrEqualTo(100_000);

        long[] batches = {0, 0};
        FlightStatisticsCalculator stats = new FlightStatisticsCalculator();
        ParseSummary summary = SatlocParser.create().parse(file, batch -> {
            batches[0]++;
            batches[1] = Math.max(batches[1], batch.size());
            stats.onBatch(batch);
        });
        assertThat(summary.accepted()).isEqualTo(truth.records());
        assertThat(summary.rejected()).isZero();
        assertThat(summary.skipped()).isZero();
        assertThat(summary.bytesRead()).isEqualTo(Files.size(file));
        assertThat(batches[1]).isEqualTo(1_000);
        assertThat(batches[0]).isEqualTo((truth.records() + 999) / 1_000);
        FlightStatistics st = stats.result();
        assertThat(Math.abs(st.coveredAreaHa() - truth.coveredAreaHa()) / truth.coveredAreaHa()).isLessThan(0.02);
        assertThat(Math.abs(st.flightTimeS() - truth.flightTimeS()) / truth.flightTimeS()).isLessThan(0.01);
        System.out.printf("100k check: %,d records, %,d bytes, covered %.3f ha vs truth %.3f ha%n", truth.records(),
                Files.size(file), st.coveredAreaHa(), truth.coveredAreaHa());
    }
}
