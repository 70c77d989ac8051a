package io.taskqueue.cli.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/**
 * The JDK's file exceptions carry the path as their message; the reason must survive into the one
 * line the user reads. (A real permission error cannot be provoked portably: the tests may run as
 * root, which reads any file.)
 */
class FileProblemsTest {
    @Test
    void aPermissionErrorKeepsItsCause() {
        assertThat(FileProblems.reason(new AccessDeniedException("field.job"))).isEqualTo("permission denied");
    }

    @Test
    void otherFileErrorsSayWhatWentWrong() {
        assertThat(FileProblems.reason(new NoSuchFileException("a.log"))).isEqualTo("no such file or directory");
        assertThat(FileProblems.reason(new NotDirectoryException("a.log/map.svg"))).isEqualTo("not a directory");
        assertThat(FileProblems.reason(new MalformedInputException(1))).isEqualTo("not UTF-8 text");
        assertThat(FileProblems.reason(new FileSystemException("/mnt/ro/map.svg", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(FileProblems.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
    }
}
