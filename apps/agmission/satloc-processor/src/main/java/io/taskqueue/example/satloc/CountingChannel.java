package io.taskqueue.example.satloc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A channel that counts the bytes read through it, so that parsing progress can be told by how much
 * of the file the parser has consumed. The parser reads ahead by one buffer (64 KiB), which is
 * close enough for a progress bar.
 */
final class CountingChannel implements ReadableByteChannel {
    private final ReadableByteChannel delegate;
    private volatile long read;

    CountingChannel(ReadableByteChannel delegate) {
        this.delegate = delegate;
    }

    /** Bytes read so far. */
    long read() {
        return read;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = delegate.read(dst);
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
