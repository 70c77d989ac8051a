package io.taskqueue.satloc.internal;

import io.taskqueue.satloc.LogRecord;
import io.taskqueue.satloc.ParserOptions;
import io.taskqueue.satloc.RecordType;
import io.taskqueue.satloc.SatlocFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32C;

/**
 * Pulls frames out of a channel through one fixed buffer, so memory does not grow with the input.
 *
 * <p>Resynchronisation: a frame that fails (implausible length, truncated, bad checksum, bad
 * payload) is reported at its offset and scanning resumes one byte after its sync, because the
 * length field itself may be the corrupt part. Bytes up to the next sync are attributed to that
 * rejection; unsynchronised runs found otherwise are reported once per run. Each position is
 * examined at most once as a frame start and a candidate costs at most {@code maxRecordLength}
 * bytes of checksum, so time is linear in the input for a given configuration.
 */
public final class FrameScanner {

    private static final int MIN_BUFFER = 64 * 1024;

    private final ReadableByteChannel channel;
    // Options copied into fields: read once per frame, one load each instead of two.
    private final int maxRecordLength;
    private final long maxRecords;
    private final boolean validateChecksums;
    private final boolean skipUnknownRecords;
    private final ProblemListener problems;
    private final byte[] buf;
    private final ByteBuffer window;
    private final CRC32C crc = new CRC32C();
    private final RecordDecoder decoder = new RecordDecoder();
    private int pos;
    private int lim;
    private long base;
    private boolean eof;
    private boolean attributed;
    private long garbageStart = -1;
    private long accepted;
    private int formatVersion;

    public FrameScanner(ReadableByteChannel channel, ParserOptions options, ProblemListener problems) {
        this.channel = channel;
        this.maxRecordLength = options.maxRecordLength();
        this.maxRecords = options.maxRecords();
        this.validateChecksums = options.validateChecksums();
        this.skipUnknownRecords = options.skipUnknownRecords();
        this.problems = problems;
        this.buf = new byte[Math.max(MIN_BUFFER, 2 * options.maxRecordLength())];
        this.window = ByteBuffer.wrap(buf);
    }

    /** @return bytes consumed so far */
    public long position() {
        return base + pos;
    }

    public int formatVersion() {
        return formatVersion;
    }

    /** Reads and checks the file header; must be called once before {@link #next()}. */
    public void readHeader() throws IOException {
        if (!ensure(SatlocFormat.HEADER_LENGTH)) {
            throw new SatlocFormatException(0, lim == 0 ? "empty input: no SatLoc header"
                    : "truncated header: " + lim + " of " + SatlocFormat.HEADER_LENGTH + " bytes");
        }
        for (int i = 0; i < SatlocFormat.MAGIC.length; i++) {
            if (buf[i] != SatlocFormat.MAGIC[i]) {
                throw new SatlocFormatException(0, "not a SatLoc log: bad magic");
            }
        }
        int version = Bytes.u16(buf, 4);
        int headerLength = Bytes.u16(buf, 6);
        if (validateChecksums && Bytes.i32(buf, 12) != SatlocFormat.crc(buf, 0, 12)) {
            throw new SatlocFormatException(12, "header checksum mismatch");
        }
        if (version < SatlocFormat.MIN_VERSION || version > SatlocFormat.MAX_VERSION) {
            throw new SatlocFormatException(4, "unsupported format version " + version);
        }
        if (headerLength < SatlocFormat.HEADER_LENGTH || headerLength > SatlocFormat.MAX_HEADER_LENGTH) {
            throw new SatlocFormatException(6, "implausible header length " + headerLength);
        }
        if (buf[8] != SatlocFormat.CHECKSUM_CRC32C) {
            throw new SatlocFormatException(8, "unsupported checksum algorithm " + Bytes.u8(buf, 8));
        }
        if (!ensure(headerLength)) {
            throw new SatlocFormatException(lim, "truncated header");
        }
        formatVersion = version;
        pos += headerLength;
    }

    /** @return the next accepted record, or {@code null} at the end of the input */
    public LogRecord next() throws IOException {
        for (;;) {
            if (lim - pos < SatlocFormat.FRAME_HEADER_LENGTH && !fill(SatlocFormat.FRAME_HEADER_LENGTH)) {
                finishTail();
                return null;
            }
            if (buf[pos] != SatlocFormat.SYNC_0 || buf[pos + 1] != SatlocFormat.SYNC_1) {
                skipToSync();
                continue;
            }
            LogRecord record = frame();
            if (record != null) {
                return record;
            }
        }
    }

    // The per-record path is split into small methods (next, frame, decode) because HotSpot only
    // inlines hot methods below about 325 bytecodes; inlined together they compile into one loop.

    /** Examines the frame at {@code pos}; @return its record, or null when it was rejected or skipped */
    private LogRecord frame() throws IOException {
        long offset = base + pos;
        if (garbageStart >= 0) {
            flushGarbage(offset);
        }
        attributed = false;
        int length = Bytes.u16(buf, pos + 3);
        if (length < SatlocFormat.FRAME_OVERHEAD || length > maxRecordLength) {
            return reject(offset, "implausible record length " + length, false, length);
        }
        if (lim - pos < length && !fill(length)) {
            return reject(offset, "truncated record: length " + length + " but " + (lim - pos)
                    + " bytes left", false, length);
        }
        boolean verified = validateChecksums;
        if (verified && !checksumMatches(length)) {
            return reject(offset, "checksum mismatch", false, length);
        }
        int type = buf[pos + 2] & 0xFF;
        if (RecordType.byIdOrNull(type) == null) {
            return unknownType(offset, type, length, verified);
        }
        LogRecord record;
        try {
            record = decoder.decode(type, buf, pos + SatlocFormat.FRAME_HEADER_LENGTH,
                    length - SatlocFormat.FRAME_OVERHEAD, offset);
        } catch (SatlocFormatException e) {
            return reject(offset, e.reason(), verified, length);
        }
        if (accepted == maxRecords) {
            throw new SatlocFormatException(offset, "record limit of " + maxRecords + " exceeded");
        }
        accepted++;
        pos += length;
        return record;
    }

    private boolean checksumMatches(int length) {
        crc.reset();
        // The checksum covers type, length and payload; the sync bytes carry no information.
        crc.update(buf, pos + 2, length - 2 - SatlocFormat.CHECKSUM_LENGTH);
        return (int) crc.getValue() == Bytes.i32(buf, pos + length - SatlocFormat.CHECKSUM_LENGTH);
    }

    private LogRecord unknownType(long offset, int type, int length, boolean verified) {
        if (skipUnknownRecords) {
            problems.skipped(offset, type, length);
            pos += length;
            return null;
        }
        return reject(offset, "unknown record type " + type, verified, length);
    }

    // A verified frame is intact, so its successor starts right after it; otherwise the length
    // field is untrusted and the scan restarts one byte after the sync.
    private LogRecord reject(long offset, String reason, boolean frameIntact, int length) {
        problems.rejected(offset, reason);
        if (frameIntact) {
            pos += length;
        } else {
            pos += 1;
            attributed = true;
        }
        return null;
    }

    private void skipToSync() {
        if (!attributed && garbageStart < 0) {
            garbageStart = base + pos;
        }
        int p = pos + 1;
        int last = lim - 1;
        while (p < last && (buf[p] != SatlocFormat.SYNC_0 || buf[p + 1] != SatlocFormat.SYNC_1)) {
            p++;
        }
        pos = p;
    }

    private void flushGarbage(long end) {
        if (garbageStart >= 0) {
            problems.rejected(garbageStart, (end - garbageStart) + " bytes without a valid frame");
            garbageStart = -1;
        }
    }

    private void finishTail() {
        int left = lim - pos;
        if (left > 0 && !attributed) {
            if (garbageStart < 0 && buf[pos] == SatlocFormat.SYNC_0) {
                problems.rejected(base + pos, "truncated record: " + left + " bytes before end of input");
            } else if (garbageStart < 0) {
                garbageStart = base + pos;
            }
        }
        pos = lim;
        flushGarbage(base + lim);
    }

    /** @return true when at least {@code n} bytes are buffered from {@code pos} */
    private boolean ensure(int n) throws IOException {
        return lim - pos >= n || fill(n);
    }

    /** Slow path of {@link #ensure}: compacts the buffer and reads until {@code n} bytes are buffered or EOF. */
    private boolean fill(int n) throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            window.limit(buf.length).position(lim);
            int read = channel.read(window);
            if (read < 0) {
                eof = true;
            } else {
                lim += read;
            }
        }
        return lim - pos >= n;
    }
}
