package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The "bad input" rules over random and mutated logs: only {@link SatlocFormatException} escapes,
 * parsing terminates, rejection offsets lie inside the input in ascending order, and a single
 * corrupt record costs only that record.
 */
class ParserFuzzTest {

    private static final List<LogRecord> BASE = baseRecords();
    private static final byte[] BASE_LOG = Fixtures.log(BASE);

    private static List<LogRecord> baseRecords() {
        List<LogRecord> r = new ArrayList<>(Fixtures.everyKind());
        SimulatedFlight f = new FlightSimulator(SimulationSettings.defaults().withField(200, 60, 1)).simulate();
        r.addAll(f.records().subList(0, 300));
        return r;
    }

    @Property(tries = 300)
    void randomBytesNeverEscapeTheDocumentedException(@ForAll @Size(max = 4096) byte[] bytes,
            @ForAll boolean keepHeader, @ForAll boolean checksums) {
        byte[] input = bytes;
        if (keepHeader) {
            input = new byte[16 + bytes.length];
            System.arraycopy(BASE_LOG, 0, input, 0, 16);
            System.arraycopy(bytes, 0, input, 16, bytes.length);
        }
        parseChecked(input, options(checksums));
    }

    @Property(tries = 400)
    void mutatedLogsAreHandled(@ForAll("mutations") byte[] input, @ForAll boolean checksums) {
        parseChecked(input, options(checksums));
    }

    @Property(tries = 300)
    void oneCorruptRecordCostsOnlyThatRecord(@ForAll @IntRange(min = 0, max = 316) int victim,
            @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll @IntRange(min = 1, max = 255) int xor) {
        int[] starts = frameStarts();
        int from = starts[victim];
        int to = victim + 1 < starts.length ? starts[victim + 1] : BASE_LOG.length;
        byte[] log = BASE_LOG.clone();
        int at = from + where % (to - from);
        log[at] ^= (byte) xor;
        ParseResult r = SatlocParser.create().parseAll(log);
        List<LogRecord> expected = new ArrayList<>(BASE);
        expected.remove(victim);
        // Every other record survives; the victim itself can only survive if the flip hit a byte the
        // checksum does not cover and the frame still reads (one sync byte).
        if (r.records().size() == BASE.size()) {
            assertThat(r.records()).isEqualTo(BASE);
        } else {
            assertThat(r.records()).isEqualTo(expected);
            assertThat(r.summary().rejections()).isNotEmpty();
            assertThat(r.summary().rejections().get(0).offset()).isEqualTo(from);
        }
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        return Arbitraries.longs().map(seed -> {
            Random rnd = new Random(seed);
            byte[] b = BASE_LOG.clone();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n && b.length > 40; i++) {
                switch (rnd.nextInt(5)) {
                    case 0 -> b[16 + rnd.nextInt(b.length - 16)] ^= (byte) (1 + rnd.nextInt(255));
                    case 1 -> b = Arrays.copyOf(b, 16 + rnd.nextInt(b.length - 15));
                    case 2 -> b = splice(b, rnd.nextInt(b.length), rnd.nextInt(64), new byte[0]);
                    case 3 -> {
                        byte[] junk = new byte[rnd.nextInt(64)];
                        rnd.nextBytes(junk);
                        b = splice(b, 16 + rnd.nextInt(b.length - 15), 0, junk);
                    }
                    default -> {
                        // A sync pattern followed by a huge length: the classic resync trap.
                        int at = 16 + rnd.nextInt(b.length - 20);
                        b[at] = (byte) 0xA5;
                        b[at + 1] = 0x5A;
                        b[at + 3] = (byte) 0xFF;
                        b[at + 4] = (byte) 0xFF;
                    }
                }
            }
            return b;
        });
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        at = Math.min(at, b.length);
        remove = Math.min(remove, b.length - at);
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static ParserOptions options(boolean checksums) {
        return ParserOptions.builder().validateChecksums(checksums).maxReportedProblems(100_000).build();
    }

    private static void parseChecked(byte[] input, ParserOptions options) {
        try {
            ParseResult r = SatlocParser.create(options).parseAll(input);
            ParseSummary s = r.summary();
            assertThat(s.bytesRead()).isEqualTo(input.length);
            assertThat(s.accepted()).isEqualTo(r.records().size());
            long last = -1;
            for (Rejection x : s.rejections()) {
                assertThat(x.offset()).isGreaterThan(last).isGreaterThanOrEqualTo(16).isLessThan(input.length);
                last = x.offset();
            }
            // Every accepted record needs at least the 9 bytes of a frame.
            assertThat(s.accepted() * 9).isLessThanOrEqualTo(input.length);
        } catch (SatlocFormatException e) {
            assertThat(e.offset()).isBetween(0L, (long) Math.max(0, input.length));
        }
    }

    private static int[] frameStarts() {
        int[] starts = new int[BASE.size()];
        int p = 16;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = p;
            p += (BASE_LOG[p + 3] & 0xFF) | (BASE_LOG[p + 4] & 0xFF) << 8;
        }
        return starts;
    }
}
