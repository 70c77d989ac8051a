package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.satloc.internal.Bytes;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private final SatlocParser parser = SatlocParser.create();

    @Test
    void everyRecordKindIsParsedBackEqual() {
        List<LogRecord> written = Fixtures.everyKind();
        ParseResult result = parser.parseAll(Fixtures.log(written));
        assertThat(result.records()).containsExactlyElementsOf(written);
        assertThat(result.summary().rejected()).isZero();
        assertThat(result.summary().accepted()).isEqualTo(written.size());
    }

    @Test
    void bothPositionFormsShareTypeOneWithTheirPublicSizes() {
        byte[] shortLog = Fixtures.log(List.of(Fixtures.position(Fixtures.T0, true)));
        byte[] longLog = Fixtures.log(List.of(Fixtures.enhanced(Fixtures.T0)));
        assertThat(shortLog.length - 16).isEqualTo(43);
        assertThat(longLog.length - 16).isEqualTo(78);
        assertThat(shortLog[16 + 2]).isEqualTo((byte) 1);
        assertThat(longLog[16 + 2]).isEqualTo((byte) 1);
        assertThat(Bytes.u16(shortLog, 16 + 3)).isEqualTo(43);
        assertThat(Bytes.u16(longLog, 16 + 3)).isEqualTo(78);
        assertThat(parser.parseAll(shortLog).records()).containsExactly(Fixtures.position(Fixtures.T0, true));
        assertThat(parser.parseAll(longLog).records()).containsExactly(Fixtures.enhanced(Fixtures.T0));
    }

    @Test
    void simulatedFlightRoundTripsInBothForms() {
        for (PositionForm form : PositionForm.values()) {
            SimulatedFlight f = new FlightSimulator(SimulationSettings.defaults().withPositionForm(form)).simulate();
            ParseResult r = parser.parseAll(Fixtures.log(f.records()));
            assertThat(r.records()).as(form.name()).isEqualTo(f.records());
        }
    }

    @Test
    void writerRejectsValuesOutsideTheLayout() {
        Position tooFast = new Position(Fixtures.T0, 0, 0, 0, 700, 0, 0, 0, 0, 2, 9, 1, 1);
        assertThatThrownBy(() -> Fixtures.log(List.of(tooFast))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speedMps");
        assertThatThrownBy(() -> Fixtures.log(List.of(new ControllerType(Fixtures.T0, "x".repeat(256)))))
                .hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> Fixtures.log(List.of(new GpsStatus(-3_000_000_000_000L, 1, 1, 1, 1, 1))))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> new SwathingSetup(Fixtures.T0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyTimestampsWithoutTheExtendedYearAreDecoded() {
        byte[] log = Fixtures.log(List.of(new GpsStatus(Fixtures.T0, 2, 9, 1, 1, 1)));
        log[16 + 5 + 7] = 0; // century byte as a pre-3.43 writer leaves it
        fixChecksum(log, 16);
        assertThat(parser.parseAll(log).records()).containsExactly(new GpsStatus(Fixtures.T0, 2, 9, 1, 1, 1));
    }

    static void fixChecksum(byte[] log, int frame) {
        int len = Bytes.u16(log, frame + 3);
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(log, frame + 2, len - 6);
        Bytes.putI32(log, frame + len - 4, (int) c.getValue());
    }

    @Property(tries = 200)
    void positionsOnTheGridRoundTrip(@ForAll("positions") List<PositionRecord> records) {
        assertThat(parser.parseAll(Fixtures.log(records)).records()).isEqualTo(records);
    }

    @Provide
    Arbitrary<List<PositionRecord>> positions() {
        Arbitrary<Position> fix = Combinators.combine(
                Arbitraries.longs().between(Fixtures.T0 - 3_000_000_000_000L, Fixtures.T0 + 3_000_000_000_000L),
                Arbitraries.integers().between(-900_000_000, 900_000_000),
                Arbitraries.integers().between(-1_800_000_000, 1_800_000_000),
                Arbitraries.integers().between(-100_000, 1_000_000),
                Arbitraries.integers().between(0, 65_535),
                Arbitraries.integers().between(0, 35_999),
                Arbitraries.integers().between(-32_768, 32_767),
                Arbitraries.integers().between(0, 255))
                .as((t, lat, lon, alt, speed, heading, xte, flags) -> new Position(t, lat / 1e7, lon / 1e7, alt / 100.0,
                        speed / 100.0, heading / 100.0, xte / 100.0, flags * 7 % 65_536, flags, flags % 6,
                        flags % 30, flags / 10.0, flags * 3 / 10.0));
        Arbitrary<PositionRecord> enhanced = Combinators.combine(fix, Arbitraries.integers().between(-32_768, 32_767),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers())
                .as((f, small, big, mask) -> new EnhancedPosition(f, small / 100.0, small / 100.0, -small / 100.0,
                        small / 100.0, big / 1000.0, big / 1000.0, Math.abs(small) / 100.0, Math.abs(small) / 100.0,
                        small / 100.0, Math.abs(small) / 100.0, mask, 25.5, 0.1, Math.abs(small) / 10.0));
        return Arbitraries.oneOf(fix.map(p -> (PositionRecord) p), enhanced).list().ofMaxSize(20)
                .map(ArrayList::new);
    }
}
