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
    private final ParserOptions options;
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
        this.options = options;
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
        if (options.validateChecksums() && Bytes.i32(buf, 12) != SatlocFormat.crc(buf, 0, 12)) {
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
            if (!ensure(SatlocFormat.FRAME_HEADER_LENGTH)) {
                finishTail();
                return null;
            }
            if (buf[pos] != SatlocFormat.SYNC_0 || buf[pos + 1] != SatlocFormat.SYNC_1) {
                skipToSync();
                continue;
            }
            long offset = base + pos;
            flushGarbage(offset);
            attributed = false;
            int type = buf[pos + 2] & 0xFF;
            int length = Bytes.u16(buf, pos + 3);
            if (length < SatlocFormat.FRAME_OVERHEAD || length > options.maxRecordLength()) {
                reject(offset, "implausible record length " + length, false, length);
                continue;
            }
            if (!ensure(length)) {
                reject(offset, "truncated record: length " + length + " but " + (lim - pos)
                        + " bytes left", false, length);
                continue;
            }
            boolean verified = false;
            if (options.validateChecksums()) {
                crc.reset();
                // The checksum covers type, length and payload; the sync bytes carry no information.
                crc.update(buf, pos + 2, length - 2 - SatlocFormat.CHECKSUM_LENGTH);
                if ((int) crc.getValue() != Bytes.i32(buf, pos + length - SatlocFormat.CHECKSUM_LENGTH)) {
                    reject(offset, "checksum mismatch", false, length);
                    continue;
                }
                verified = true;
            }
            if (RecordType.byIdOrNull(type) == null) {
                if (options.skipUnknownRecords()) {
                    problems.skipped(offset, type, length);
                    pos += length;
                } else {
                    reject(offset, "unknown record type " + type, verified, length);
                }
                continue;
            }
            LogRecord record;
            try {
                record = decoder.decode(type, buf, pos + SatlocFormat.FRAME_HEADER_LENGTH,
                        length - SatlocFormat.FRAME_OVERHEAD, offset);
            } catch (SatlocFormatException e) {
                reject(offset, e.reason(), verified, length);
                continue;
            }
            if (accepted == options.maxRecords()) {
                throw new SatlocFormatException(offset, "record limit of " + options.maxRecords() + " exceeded");
            }
            accepted++;
            pos += length;
            return record;
        }
    }

    // A verified frame is intact, so its successor starts right after it; otherwise the length
    // field is untrusted and the scan restarts one byte after the sync.
    private void reject(long offset, String reason, boolean frameIntact, int length) {
        problems.rejected(offset, reason);
        if (frameIntact) {
            pos += length;
        } else {
            pos += 1;
            attributed = true;
        }
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
        if (lim - pos >= n) {
            return true;
        }
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
