package io.taskqueue.example.satloc;

import io.taskqueue.worker.WorkerError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The directory uploads land in, and the only place a task may name a file. A task's path comes from
 * outside, so it is checked twice: by its text ({@link #checkName}: relative, no {@code ..}, not
 * empty) before anything touches the disk, then by where it really leads ({@link #locate}: after
 * symbolic links, still inside this directory). Either check failing makes the task invalid; the
 * file is never opened.
 */
final class DataDirectory {
    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** The directory at {@code path}, resolved once so that later checks compare real paths. */
    static DataDirectory open(String path) throws IOException {
        Path real = Path.of(path).toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(real.toString());
        }
        return new DataDirectory(real);
    }

    /** The real path of the directory. */
    Path root() {
        return root;
    }

    /**
     * The relative path {@code name} names, checked by its text alone.
     *
     * @param what what the path is for, e.g. {@code logFile}, for the error message
     * @throws WorkerError an invalid-task error when the name is empty, absolute or climbs out with {@code ..}
     */
    static Path checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw WorkerError.invalidTask(what + " must name a file in the data directory");
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw WorkerError.invalidTask(what + " is not a valid path: " + e.getReason());
        }
        if (path.isAbsolute() || name.startsWith("/")) {
            throw WorkerError.invalidTask(what + " must be relative to the data directory: " + name);
        }
        for (Path element : path) {
            // Refused even where it would stay inside (a/../b): an upload API never needs it.
            if (element.toString().equals("..")) {
                throw WorkerError.invalidTask(what + " must not contain '..': " + name);
            }
        }
        Path normal = path.normalize();
        if (normal.toString().isEmpty()) {
            throw WorkerError.invalidTask(what + " must name a file, not the data directory itself: " + name);
        }
        return normal;
    }

    /**
     * The real path of the regular file {@code name} names inside this directory.
     *
     * @throws WorkerError an invalid-task error when links lead outside the directory, a permanent one
     *     when the path is not a regular file
     * @throws java.nio.file.NoSuchFileException when nothing is there
     * @throws IOException when the file system fails
     */
    Path locate(String what, String name) throws IOException {
        Path real = root.resolve(checkName(what, name)).toRealPath();
        if (!real.startsWith(root)) {
            throw WorkerError.invalidTask(what + " leads outside the data directory: " + name);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw WorkerError.permanent(what + " is not a regular file: " + name);
        }
        return real;
    }
}
