package io.taskqueue.example.satloc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How the worker opens a file it has located. The one place files are read, so that tests can see
 * which files a task touched (a refused path must touch none).
 */
@FunctionalInterface
interface FileOpener {
    /**
     * Opens a located file for reading without following a link in its last element, so that a
     * link put there after {@link DataDirectory#locate} checked the path is refused, not followed.
     */
    FileOpener NO_FOLLOW = file -> FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** Opens {@code file} for reading. */
    SeekableByteChannel open(Path file) throws IOException;
}
