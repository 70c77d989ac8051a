package io.taskqueue.example.booklogr;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The shared directory export files are served from. A file appears there whole or not at all: it is
 * written under a hidden temporary name in the same directory, forced to disk, then renamed over its
 * final name in one step, so the API never serves half a file and a failed attempt leaves nothing.
 */
final class ExportDirectory {
    /** Temporary files start with this, so that a listing of exports can skip them. */
    static final String TEMP_PREFIX = ".tmp-";
    private final Path dir;

    private ExportDirectory(Path dir) {
        this.dir = dir;
    }

    /** The directory at {@code path}, created if missing, checked to be writable. */
    static ExportDirectory open(Path path) throws IOException {
        Path dir = Files.createDirectories(path);
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "export directory is not writable");
        }
        return new ExportDirectory(dir);
    }

    /** Where the directory is. */
    Path path() {
        return dir;
    }

    /** Starts writing {@code filename} (a bare name, no directory part). */
    PendingFile create(String filename) throws IOException {
        Path target = dir.resolve(filename);
        if (!target.getParent().equals(dir)) {
            throw new IllegalArgumentException("not a bare file name: " + filename);
        }
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + "-" + filename);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new PendingFile(channel, temp, target);
    }

    /**
     * A file being written: {@link #commit()} puts it in place; {@link #close()} without a commit
     * deletes it.
     */
    static final class PendingFile implements AutoCloseable {
        private final FileChannel channel;
        private final Writer writer;
        private final Path temp;
        private final Path target;
        private boolean committed;

        private PendingFile(FileChannel channel, Path temp, Path target) {
            this.channel = channel;
            this.writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
            this.temp = temp;
            this.target = target;
        }

        /** The file's text, UTF-8 encoded. */
        Writer writer() {
            return writer;
        }

        /** Forces the text to disk and renames the file over its final name, replacing an earlier attempt's. */
        void commit() throws IOException {
            writer.flush();
            channel.force(true);
            writer.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
            syncDirectory(target.getParent());
        }

        /** Makes the rename itself survive a crash, before the row that announces the file is written. */
        private static void syncDirectory(Path dir) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException e) {
                // Some file systems cannot open or sync a directory; the rename is then as durable as they make it.
            }
        }

        /** Closes the file and, unless committed, deletes it. */
        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
