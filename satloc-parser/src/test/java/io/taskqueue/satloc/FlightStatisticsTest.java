package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Acceptance 2: statistics of a parsed simulated log against the simulator's ground truth. */
class FlightStatisticsTest {

    static Stream<SimulationSettings> flights() {
        SimulationSettings d = SimulationSettings.defaults();
        return Stream.of(d,
                d.withSeed(7).withField(1200, 700, 2).withSwath(24, 0.05, 115).withPositionForm(PositionForm.SHORT),
                d.withSeed(99).withField(600, 300, 1).withSwath(15, 0.25, -40).withPositionForm(PositionForm.ENHANCED));
    }

    @ParameterizedTest
    @MethodSource("flights")
    void statisticsMatchGroundTruth(SimulationSettings settings) {
        SimulatedFlight flight = new FlightSimulator(settings).simulate();
        GroundTruth truth = flight.truth();
        ParseResult parsed = SatlocParser.create().parseAll(Fixtures.log(flight.records()));
        assertThat(parsed.summary().acceptanceRatio()).isEqualTo(1.0);
        FlightStatisticsCalculator calc = new FlightStatisticsCalculator();
        calc.onBatch(parsed.records());
        FlightStatistics s = calc.result();

        System.out.printf(Locale.ROOT, "seed %d: distance %+.3f%%, sprayed %+.3f%%, flight %+.3f%%, spray %+.3f%%, "
                + "ferry %+.3f%%, turn %+.3f%%, sprayed area %+.3f%%, covered area %+.3f%%, material %+.3f%%%n",
                settings.seed(), err(s.totalDistanceM(), truth.totalDistanceM()),
                err(s.sprayedDistanceM(), truth.sprayedDistanceM()), err(s.flightTimeS(), truth.flightTimeS()),
                err(s.sprayTimeS(), truth.sprayTimeS()), err(s.ferryTimeS(), truth.ferryTimeS()),
                err(s.turnTimeS(), truth.turnTimeS()), err(s.sprayedAreaHa(), truth.sprayedAreaHa()),
                err(s.coveredAreaHa(), truth.coveredAreaHa()), err(s.materialApplied(), truth.materialApplied()));

        assertThat(err(s.totalDistanceM(), truth.totalDistanceM())).isCloseTo(0, within(1.0));
        assertThat(err(s.sprayedDistanceM(), truth.sprayedDistanceM())).isCloseTo(0, within(1.0));
        assertThat(err(s.flightTimeS(), truth.flightTimeS())).isCloseTo(0, within(1.0));
        assertThat(err(s.sprayTimeS(), truth.sprayTimeS())).isCloseTo(0, within(1.0));
        assertThat(err(s.ferryTimeS(), truth.ferryTimeS())).isCloseTo(0, within(1.0));
        assertThat(err(s.turnTimeS(), truth.turnTimeS())).isCloseTo(0, within(1.0));
        assertThat(err(s.sprayedAreaHa(), truth.sprayedAreaHa())).isCloseTo(0, within(1.0));
        assertThat(err(s.coveredAreaHa(), truth.coveredAreaHa())).isCloseTo(0, within(2.0));
        assertThat(err(s.materialApplied(), truth.materialApplied())).isCloseTo(0, within(1.0));
        assertThat(s.coveredAreaHa()).isLessThan(s.sprayedAreaHa());
        assertThat(s.overlapPercent()).isGreaterThan(0);
        assertThat(s.sprayPasses()).isEqualTo(truth.sprayPasses());
        assertThat(s.swathNumbers()).isEqualTo(truth.swathNumbers());
        assertThat(s.averageRate()).isCloseTo(settings.targetRate(), within(settings.targetRate() * 0.01));
        assertThat(s.gpsGaps()).isEqualTo(truth.gpsGaps());
        assertThat(s.gpsGapTimeS()).isBetween(truth.gpsGapTimeS(), truth.gpsGapTimeS() + 2 * 0.2 + 1e-9);
        assertThat(s.positions()).isEqualTo(truth.positions());
        assertThat(s.metadata()).isEqualTo(new FlightMetadata(settings.pilot(), settings.aircraft(),
                settings.controller(), "wet", RateUnits.LITERS_PER_HECTARE, settings.jobId(), settings.jobName()));
        assertThat(s.firstFix().toEpochMilli()).isEqualTo(settings.startMillis());
        assertThat(s.boundingBox().minLatitude()).isLessThan(s.boundingBox().maxLatitude());
        assertThat(s.maxSpeedMps()).isCloseTo(60, within(0.5));
        assertThat(s.averageSpraySpeedMps()).isCloseTo(60, within(0.6));
    }

    @Test
    void coveredAreaCountsARepeatedPassOnce() {
        FlightStatisticsCalculator c = new FlightStatisticsCalculator();
        c.accept(new SwathingSetup(0, 20, 0));
        long t = Fixtures.T0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i <= 100; i++) {
                // 1,000 m due north along the same line, twice
                c.accept(new Position(t, 38.5 + i * 10 / 111_195.08, -98, 400, 50, 0, 0, 1, 1, 2, 10, 1, 1));
                t += 200;
            }
            c.accept(new Position(t, 38.5 + 1000 / 111_195.08, -98, 400, 50, 0, 0, 1, 0, 2, 10, 1, 1));
            t += 200;
        }
        FlightStatistics s = c.result();
        assertThat(s.coveredAreaHa()).isCloseTo(2.0, within(0.02));
        assertThat(s.sprayedAreaHa()).isCloseTo(4.0, within(0.04));
        assertThat(s.overlapPercent()).isCloseTo(50, within(1.0));
        assertThat(s.sprayPasses()).isEqualTo(2);
    }

    @Test
    void aCounterResetDoesNotLoseMaterial() {
        FlightStatisticsCalculator c = new FlightStatisticsCalculator();
        for (double total : List.of(100.0, 150.0, 180.0, 5.0, 25.0)) {
            c.accept(new FlowMonitor(Fixtures.T0, 0, total, true));
        }
        assertThat(c.result().materialApplied()).isCloseTo(105.0, within(1e-9));
    }

    @Test
    void emptyInputGivesZeroes() {
        FlightStatistics s = new FlightStatisticsCalculator().result();
        assertThat(s.positions()).isZero();
        assertThat(s.firstFix()).isNull();
        assertThat(s.boundingBox()).isNull();
        assertThat(s.coveredAreaHa()).isZero();
    }

    private static double err(double measured, double truth) {
        return truth == 0 ? (measured == 0 ? 0 : 100) : (measured - truth) / truth * 100;
    }
}
