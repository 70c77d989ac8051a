package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.FrameScanner;
import io.taskqueue.satloc.internal.ProblemListener;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Pull-style reader over one log, obtained from {@link SatlocParser#open}. Memory stays constant:
 * one buffer of at least 64 KiB plus the kept problem reports. Not thread-safe.
 */
public final class SatlocReader implements Closeable {

    private final FrameScanner scanner;
    private final ReadableByteChannel owned;
    private final ParserOptions options;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<SkippedRecord> skips = new ArrayList<>();
    private RecordHandler listener;
    private long accepted;
    private long rejected;
    private long skipped;

    SatlocReader(ReadableByteChannel channel, ParserOptions options, boolean ownsChannel) throws IOException {
        this.options = options;
        this.owned = ownsChannel ? channel : null;
        this.scanner = new FrameScanner(channel, options, new Problems());
        scanner.readHeader();
    }

    void listener(RecordHandler handler) {
        this.listener = handler;
    }

    /**
     * @return the next accepted record, or {@code null} at the end of the input
     * @throws SatlocFormatException when {@link ParserOptions#maxRecords()} is exceeded
     * @throws IOException when the underlying channel fails
     */
    public LogRecord next() throws IOException {
        LogRecord r = scanner.next();
        if (r != null) {
            accepted++;
        }
        return r;
    }

    /** @return counts and problems so far; final once {@link #next()} returned {@code null} */
    public ParseSummary summary() {
        return new ParseSummary(scanner.formatVersion(), accepted, rejected, skipped, scanner.position(),
                rejections, skips);
    }

    /** Closes the channel if this reader opened it; a channel passed in by the caller stays open. */
    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    private final class Problems implements ProblemListener {
        @Override
        public void rejected(long offset, String reason) {
            rejected++;
            Rejection r = new Rejection(offset, reason);
            if (rejections.size() < options.maxReportedProblems()) {
                rejections.add(r);
            }
            if (listener != null) {
                listener.onRejected(r);
            }
        }

        @Override
        public void skipped(long offset, int typeId, int length) {
            skipped++;
            SkippedRecord s = new SkippedRecord(offset, typeId, length);
            if (skips.size() < options.maxReportedProblems()) {
                skips.add(s);
            }
            if (listener != null) {
                listener.onSkipped(s);
            }
        }
    }
}
