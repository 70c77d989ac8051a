package io.taskqueue.example.booklogr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export file appears whole, replaces an earlier attempt's, and a failed attempt leaves nothing. */
class ExportDirectoryTest {
    @TempDir
    Path root;

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aCommittedFileIsInPlaceAndNothingElseIs() throws IOException {
        ExportDirectory dir = ExportDirectory.open(root.resolve("exports"));
        try (ExportDirectory.PendingFile file = dir.create("books-1-1.csv")) {
            file.writer().write("first");
            assertThat(names(dir.path())).singleElement().asString().startsWith(ExportDirectory.TEMP_PREFIX);
            file.commit();
        }
        assertThat(names(dir.path())).containsExactly("books-1-1.csv");
        assertThat(Files.readString(dir.path().resolve("books-1-1.csv"))).isEqualTo("first");
    }

    @Test
    void aSecondAttemptReplacesTheFirstsFile() throws IOException {
        ExportDirectory dir = ExportDirectory.open(root);
        for (String text : new String[] {"attempt 1", "attempt 2 ünïcödé"}) {
            try (ExportDirectory.PendingFile file = dir.create("books-1-9.csv")) {
                file.writer().write(text);
                file.commit();
            }
        }
        assertThat(names(root)).containsExactly("books-1-9.csv");
        assertThat(Files.readString(root.resolve("books-1-9.csv"), StandardCharsets.UTF_8)).isEqualTo("attempt 2 ünïcödé");
    }

    @Test
    void aFileClosedWithoutACommitLeavesNothing() throws IOException {
        ExportDirectory dir = ExportDirectory.open(root);
        try (ExportDirectory.PendingFile file = dir.create("books-1-2.csv")) {
            file.writer().write("half a file");
        }
        assertThat(names(root)).isEmpty();
    }

    @Test
    void onlyBareNamesAreWritten() throws IOException {
        ExportDirectory dir = ExportDirectory.open(root.resolve("exports"));
        assertThatThrownBy(() -> dir.create("../escape.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dir.create("sub/file.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThat(names(root)).containsExactly("exports");
    }
}
