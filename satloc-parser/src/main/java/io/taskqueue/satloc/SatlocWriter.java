package io.taskqueue.satloc;

import io.taskqueue.satloc.internal.RecordEncoder;
import io.taskqueue.satloc.internal.SatlocFormat;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes logs in the layout the parser reads: header first, then one frame per record. Values are
 * rounded to the format's resolution; a value outside a field's range is an
 * {@link IllegalArgumentException} and nothing of that record is written. Not thread-safe.
 */
public final class SatlocWriter implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final WritableByteChannel channel;
    private final boolean owned;
    private final RecordEncoder encoder = new RecordEncoder();
    private final ByteBuffer out = ByteBuffer.allocate(BUFFER);
    private long written;

    private SatlocWriter(WritableByteChannel channel, boolean owned) throws IOException {
        this.channel = channel;
        this.owned = owned;
        put(SatlocFormat.header(), SatlocFormat.HEADER_LENGTH);
    }

    /** Creates (or truncates) {@code file}; {@link #close()} closes it. */
    public static SatlocWriter create(Path file) throws IOException {
        return new SatlocWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), true);
    }

    /** Writes to a stream; {@link #close()} flushes but leaves the stream open. */
    public static SatlocWriter create(OutputStream out) throws IOException {
        return new SatlocWriter(Channels.newChannel(Objects.requireNonNull(out, "out")), false);
    }

    /** Writes to a channel; {@link #close()} flushes but leaves the channel open. */
    public static SatlocWriter create(WritableByteChannel channel) throws IOException {
        return new SatlocWriter(Objects.requireNonNull(channel, "channel"), false);
    }

    /** Appends one record. */
    public void write(LogRecord record) throws IOException {
        Objects.requireNonNull(record, "record");
        int length = encoder.encode(record);
        put(encoder.buffer(), length);
    }

    /** @return bytes written so far, header included */
    public long bytesWritten() {
        return written;
    }

    private void put(byte[] b, int length) throws IOException {
        if (out.remaining() < length) {
            flush();
        }
        if (length > out.capacity()) {
            drain(ByteBuffer.wrap(b, 0, length));
        } else {
            out.put(b, 0, length);
        }
        written += length;
    }

    /** Pushes buffered bytes to the channel. */
    public void flush() throws IOException {
        out.flip();
        drain(out);
        out.clear();
    }

    private void drain(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        if (owned) {
            channel.close();
        }
    }
}
