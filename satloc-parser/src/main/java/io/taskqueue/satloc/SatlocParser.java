package io.taskqueue.satloc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Streaming parser for SatLoc air logs in the layout of {@code docs/satloc-format.md}.
 *
 * <p>Bad input never escapes as anything but {@link SatlocFormatException}: a missing or wrong
 * header throws it; corrupt records inside the log are reported as {@link Rejection}s with their
 * byte offsets and the parser resynchronises on the next frame. I/O failures of the source are
 * {@link IOException}s. Instances are immutable and thread-safe; each parse uses its own state.
 */
public final class SatlocParser {

    private final ParserOptions options;

    private SatlocParser(ParserOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return a parser with {@link ParserOptions#defaults()} */
    public static SatlocParser create() {
        return new SatlocParser(ParserOptions.defaults());
    }

    /** @return a parser with the given options */
    public static SatlocParser create(ParserOptions options) {
        return new SatlocParser(options);
    }

    public ParserOptions options() {
        return options;
    }

    /** Opens a file; the returned reader closes it. Reads the header eagerly. */
    public SatlocReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new SatlocReader(ch, options, true);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Wraps a blocking channel the caller keeps ownership of. Reads the header eagerly. */
    public SatlocReader open(ReadableByteChannel channel) throws IOException {
        return new SatlocReader(Objects.requireNonNull(channel, "channel"), options, false);
    }

    /** Wraps a stream the caller keeps ownership of. Reads the header eagerly. */
    public SatlocReader open(InputStream in) throws IOException {
        return open(Channels.newChannel(Objects.requireNonNull(in, "in")));
    }

    /** Streams a file into {@code handler} in batches. */
    public ParseSummary parse(Path file, RecordHandler handler) throws IOException {
        try (SatlocReader reader = open(file)) {
            return drain(reader, handler);
        }
    }

    /** Streams a channel into {@code handler} in batches; the channel is not closed. */
    public ParseSummary parse(ReadableByteChannel channel, RecordHandler handler) throws IOException {
        return drain(open(channel), handler);
    }

    /** Streams an input stream into {@code handler} in batches; the stream is not closed. */
    public ParseSummary parse(InputStream in, RecordHandler handler) throws IOException {
        return drain(open(in), handler);
    }

    /** Parses an in-memory log, collecting every record. Meant for small inputs and tests. */
    public ParseResult parseAll(byte[] log) {
        List<LogRecord> records = new ArrayList<>();
        try {
            ParseSummary s = parse(new ByteArrayInputStream(log), records::addAll);
            return new ParseResult(records, s);
        } catch (IOException e) {
            throw new UncheckedIOException("unreachable: in-memory stream failed", e);
        }
    }

    /** Parses a file, collecting every record; bound the memory with {@link ParserOptions#maxRecords()}. */
    public ParseResult parseAll(Path file) throws IOException {
        List<LogRecord> records = new ArrayList<>();
        ParseSummary s = parse(file, records::addAll);
        return new ParseResult(records, s);
    }

    private ParseSummary drain(SatlocReader reader, RecordHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        reader.listener(handler);
        int size = options.batchSize();
        List<LogRecord> batch = new ArrayList<>(Math.min(size, 4096));
        LogRecord r;
        while ((r = reader.next()) != null) {
            batch.add(r);
            if (batch.size() == size) {
                handler.onBatch(Collections.unmodifiableList(batch));
                batch = new ArrayList<>(Math.min(size, 4096));
            }
        }
        if (!batch.isEmpty()) {
            handler.onBatch(Collections.unmodifiableList(batch));
        }
        return reader.summary();
    }
}
