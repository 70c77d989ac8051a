package io.taskqueue.example.satloc;

import io.taskqueue.satloc.JobFile;
import io.taskqueue.satloc.SatlocFormatException;
import io.taskqueue.worker.WorkerError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a job file through the worker's {@link FileOpener}, bounded in size: a job file is a few
 * polygons of text, so anything large is not one and is refused before it is held in memory.
 */
final class JobFileReader {
    /** The largest job file read; real ones are a few kilobytes. */
    static final int MAX_BYTES = 1 << 20;

    private JobFileReader() {
    }

    /**
     * The job file at {@code file}.
     *
     * @param name the path as the task gave it, for messages
     * @throws WorkerError a permanent error when the file is too large, not UTF-8 or not a job file
     * @throws IOException when reading fails
     */
    static JobFile read(FileOpener opener, Path file, String name) throws IOException {
        ByteBuffer bytes;
        try (SeekableByteChannel channel = opener.open(file)) {
            if (channel.size() > MAX_BYTES) {
                throw WorkerError.permanent("job file " + name + " is not a job file: larger than "
                        + MAX_BYTES + " bytes");
            }
            bytes = ByteBuffer.allocate((int) channel.size());
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // Reads until full or at the end: the file may have shrunk since its size was taken.
            }
            bytes.flip();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw WorkerError.permanent("job file " + name + " is not a job file: not UTF-8 text");
        }
        try {
            return JobFile.parse(text);
        } catch (SatlocFormatException e) {
            // The library's message starts "job file: " for callers that cannot tell; ours names the file.
            throw WorkerError.permanent("job file " + name + " is not a valid job file: "
                    + e.getMessage().replaceFirst("^job file: ", ""), e);
        }
    }
}
