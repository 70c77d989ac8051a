package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.satloc.internal.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParserTest {

    private static final int HEADER = 16;

    private final SatlocParser parser = SatlocParser.create();

    @Test
    void emptyInputIsNotALog() {
        assertThatThrownBy(() -> parser.parseAll(new byte[0])).isInstanceOf(SatlocFormatException.class)
                .hasMessageContaining("empty input").extracting(e -> ((SatlocFormatException) e).offset()).isEqualTo(0L);
    }

    @Test
    void wrongMagicTruncatedHeaderAndBadVersionThrow() {
        byte[] log = Fixtures.log(List.of());
        byte[] wrong = log.clone();
        wrong[0] = 'X';
        assertThatThrownBy(() -> parser.parseAll(wrong)).hasMessageContaining("bad magic");
        assertThatThrownBy(() -> parser.parseAll(Arrays.copyOf(log, 9))).hasMessageContaining("truncated header");
        byte[] version = log.clone();
        Bytes.putU16(version, 4, 512);
        assertThatThrownBy(() -> parser.parseAll(version)).hasMessageContaining("header checksum");
        ParserOptions lax = ParserOptions.builder().validateChecksums(false).build();
        assertThatThrownBy(() -> SatlocParser.create(lax).parseAll(version)).hasMessageContaining("unsupported format version 512");
    }

    @Test
    void headerOnlyLogHasNoRecords() {
        ParseResult r = parser.parseAll(Fixtures.log(List.of()));
        assertThat(r.records()).isEmpty();
        assertThat(r.summary().formatVersion()).isEqualTo(376);
        assertThat(r.summary().bytesRead()).isEqualTo(HEADER);
    }

    @Test
    void checksumMismatchRejectsOnlyThatRecordWithItsOffset() {
        List<LogRecord> records = Fixtures.everyKind();
        byte[] log = Fixtures.log(records);
        int second = HEADER + Bytes.u16(log, HEADER + 3);
        log[second + 10] ^= 0x40;
        ParseResult r = parser.parseAll(log);
        assertThat(r.summary().rejections()).containsExactly(new Rejection(second, "checksum mismatch"));
        List<LogRecord> expected = new ArrayList<>(records);
        expected.remove(1);
        assertThat(r.records()).isEqualTo(expected);
    }

    @Test
    void withoutChecksumValidationAFlippedValueIsAccepted() {
        byte[] log = Fixtures.log(List.of(new SwathNumber(Fixtures.T0, 17, false)));
        log[HEADER + 5 + 8] = 18;
        ParserOptions lax = ParserOptions.builder().validateChecksums(false).build();
        assertThat(SatlocParser.create(lax).parseAll(log).records()).containsExactly(new SwathNumber(Fixtures.T0, 18, false));
    }

    @Test
    void unknownTypesAreSkippedOrRejected() {
        List<LogRecord> records = List.of(new OpaqueRecord(200, new byte[] {9, 9}), Fixtures.position(Fixtures.T0, false));
        byte[] log = Fixtures.log(records);
        ParseResult skipped = parser.parseAll(log);
        assertThat(skipped.records()).containsExactly(records.get(1));
        assertThat(skipped.summary().skippedRecords()).containsExactly(new SkippedRecord(HEADER, 200, 11));
        assertThat(skipped.summary().rejected()).isZero();

        ParserOptions strict = ParserOptions.builder().skipUnknownRecords(false).build();
        ParseResult rejected = SatlocParser.create(strict).parseAll(log);
        assertThat(rejected.records()).containsExactly(records.get(1));
        assertThat(rejected.summary().rejections()).containsExactly(new Rejection(HEADER, "unknown record type 200"));
    }

    @Test
    void absurdLengthIsRejectedAndTheNextFrameRecovered() {
        byte[] log = Fixtures.log(List.of(Fixtures.position(Fixtures.T0, false), Fixtures.position(Fixtures.T0 + 200, true)));
        Bytes.putU16(log, HEADER + 3, 60_000);
        ParseResult r = parser.parseAll(log);
        assertThat(r.records()).containsExactly(Fixtures.position(Fixtures.T0 + 200, true));
        assertThat(r.summary().rejections()).containsExactly(new Rejection(HEADER, "implausible record length 60000"));
    }

    @Test
    void positionWithAnotherLengthIsRejected() {
        byte[] log = Fixtures.log(List.of(new OpaqueRecord(1, new byte[40])));
        ParseResult r = parser.parseAll(log);
        assertThat(r.records()).isEmpty();
        assertThat(r.summary().rejections().get(0).reason()).contains("43 or 78");
    }

    @Test
    void positionsWithABadTimestampInAVerifiedFrameAreRejectedAndScanningGoesOn() {
        byte[] log = Fixtures.log(List.of(Fixtures.position(Fixtures.T0, false), Fixtures.enhanced(Fixtures.T0 + 200),
                Fixtures.position(Fixtures.T0 + 400, true), Fixtures.enhanced(Fixtures.T0 + 600)));
        log[HEADER + 5 + 3] = 24; // hour 24 in the short position
        RoundTripTest.fixChecksum(log, HEADER);
        int enhanced = HEADER + 43;
        log[enhanced + 5 + 7] = 30; // century 30 in the enhanced position
        RoundTripTest.fixChecksum(log, enhanced);
        ParseResult r = parser.parseAll(log);
        assertThat(r.records()).containsExactly(Fixtures.position(Fixtures.T0 + 400, true), Fixtures.enhanced(Fixtures.T0 + 600));
        assertThat(r.summary().rejections()).containsExactly(new Rejection(HEADER, "invalid timestamp"),
                new Rejection(enhanced, "invalid timestamp"));
        assertThat(r.summary().bytesRead()).isEqualTo(log.length);
    }

    @Test
    void truncatedLastRecordAndLeadingGarbageAreReported() {
        byte[] log = Fixtures.log(List.of(Fixtures.position(Fixtures.T0, false), Fixtures.enhanced(Fixtures.T0 + 200)));
        ParseResult r = parser.parseAll(Arrays.copyOf(log, log.length - 5));
        assertThat(r.records()).containsExactly(Fixtures.position(Fixtures.T0, false));
        assertThat(r.summary().rejections()).singleElement().satisfies(x -> {
            assertThat(x.offset()).isEqualTo(HEADER + 43);
            assertThat(x.reason()).startsWith("truncated record");
        });

        byte[] garbage = new byte[log.length + 7];
        System.arraycopy(log, 0, garbage, 0, HEADER);
        Arrays.fill(garbage, HEADER, HEADER + 7, (byte) 0x11);
        System.arraycopy(log, HEADER, garbage, HEADER + 7, log.length - HEADER);
        ParseResult g = parser.parseAll(garbage);
        assertThat(g.records()).hasSize(2);
        assertThat(g.summary().rejections()).containsExactly(new Rejection(HEADER, "7 bytes without a valid frame"));
    }

    @Test
    void invalidPayloadsAreRejectedEvenWithAValidChecksum() {
        byte[] log = Fixtures.log(List.of(new FlowSetup(Fixtures.T0, false, RateUnits.POUNDS_PER_ACRE),
                new GpsStatus(Fixtures.T0, 1, 1, 1, 1, 1)));
        log[HEADER + 5 + 9] = 77; // unknown units code
        RoundTripTest.fixChecksum(log, HEADER);
        int second = HEADER + Bytes.u16(log, HEADER + 3);
        log[second + 5 + 1] = 13; // month 13
        RoundTripTest.fixChecksum(log, second);
        ParseResult r = parser.parseAll(log);
        assertThat(r.records()).isEmpty();
        assertThat(r.summary().rejections()).extracting(Rejection::reason)
                .containsExactly("unknown rate units code 77", "invalid timestamp");
    }

    @Test
    void batchesHaveTheConfiguredSizeAndProblemsReachTheHandler() throws IOException {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            records.add(Fixtures.position(Fixtures.T0 + i * 200L, i % 2 == 0));
        }
        records.add(new OpaqueRecord(250, new byte[1]));
        List<Integer> sizes = new ArrayList<>();
        List<SkippedRecord> skips = new ArrayList<>();
        ParseSummary s = parser.parse(new ByteArrayInputStream(Fixtures.log(records)), new RecordHandler() {
            @Override
            public void onBatch(List<LogRecord> batch) {
                sizes.add(batch.size());
            }

            @Override
            public void onSkipped(SkippedRecord skipped) {
                skips.add(skipped);
            }
        });
        assertThat(sizes).containsExactly(1_000, 1_000, 500);
        assertThat(skips).hasSize(1);
        assertThat(s.accepted()).isEqualTo(2_500);
        assertThat(ParserOptions.defaults().batchSize()).isEqualTo(1_000);
        assertThat(ParserOptions.defaults().validateChecksums()).isTrue();
        assertThat(ParserOptions.defaults().skipUnknownRecords()).isTrue();
    }

    @Test
    void recordLimitStopsTheParse() {
        byte[] log = Fixtures.log(Fixtures.everyKind());
        SatlocParser limited = SatlocParser.create(ParserOptions.builder().maxRecords(3).build());
        assertThatThrownBy(() -> limited.parseAll(log)).isInstanceOf(SatlocFormatException.class)
                .hasMessageContaining("record limit of 3");
    }

    @Test
    void maxRecordLengthBoundsWhatIsBuffered() {
        byte[] log = Fixtures.log(List.of(new OpaqueRecord(50, new byte[500]), Fixtures.position(Fixtures.T0, false)));
        SatlocParser small = SatlocParser.create(ParserOptions.builder().maxRecordLength(100).build());
        ParseResult r = small.parseAll(log);
        assertThat(r.records()).containsExactly(Fixtures.position(Fixtures.T0, false));
        assertThat(r.summary().rejections()).extracting(Rejection::reason).containsExactly("implausible record length 509");
    }

    @Test
    void readsFilesChannelsAndStreamsAlike(@TempDir Path dir) throws IOException {
        List<LogRecord> records = Fixtures.everyKind();
        Path file = dir.resolve("a.log");
        Files.write(file, Fixtures.log(records));
        assertThat(parser.parseAll(file).records()).isEqualTo(records);
        List<LogRecord> viaChannel = new ArrayList<>();
        try (var ch = Channels.newChannel(Files.newInputStream(file))) {
            parser.parse(ch, viaChannel::addAll);
        }
        assertThat(viaChannel).isEqualTo(records);
        try (SatlocReader reader = parser.open(file)) {
            assertThat(reader.next()).isEqualTo(records.get(0));
            assertThat(reader.summary().accepted()).isEqualTo(1);
        }
    }

    @Test
    void aFloodOfFalseSyncsWithMaximalLengthsStillTerminates() {
        // Worst case for resync: every fifth byte starts a plausible 4,096-byte frame that fails its CRC.
        byte[] header = Fixtures.log(List.of());
        byte[] log = Arrays.copyOf(header, 16 + 64 * 1024);
        for (int i = 16; i + 5 <= log.length; i += 5) {
            log[i] = (byte) 0xA5;
            log[i + 1] = 0x5A;
            log[i + 2] = 1;
            Bytes.putU16(log, i + 3, 4_096);
        }
        ParseResult r = parser.parseAll(log);
        assertThat(r.records()).isEmpty();
        assertThat(r.summary().rejected()).isEqualTo((log.length - 16) / 5);
        assertThat(r.summary().bytesRead()).isEqualTo(log.length);
    }

    @Test
    void optionsValidateOnce() {
        assertThatThrownBy(() -> ParserOptions.builder().batchSize(0).build()).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> ParserOptions.builder().maxRecordLength(70_000).build()).hasMessageContaining("maxRecordLength");
        assertThat(ParserOptions.defaults().toBuilder().build()).isEqualTo(ParserOptions.defaults());
    }
}
