package io.taskqueue.example.booklogr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** File names keyed on the job: the same for every attempt, safe for any job id, never shared by two. */
class ExportFileNameTest {
    @Test
    void aPlainJobIdIsKeptAsItIs() {
        assertThat(ExportFileName.of(42, "17")).isEqualTo("books-42-17.csv");
        assertThat(ExportFileName.of(42, "export_user-42")).isEqualTo("books-42-export_user-42.csv");
    }

    @Test
    void hostileJobIdsCannotMakeAPath() {
        assertThat(ExportFileName.of(1, "../../etc/passwd")).isEqualTo("books-1-%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.csv");
        assertThat(ExportFileName.of(1, "a\\b\u0000c")).isEqualTo("books-1-a%5Cb%00c.csv");
        assertThat(ExportFileName.of(1, "é")).isEqualTo("books-1-%C3%A9.csv");
    }

    @Test
    void differentJobIdsNeverShareAName() {
        List<String> ids = List.of("a/b", "a%2Fb", "a_b", "a-b", "a.b", "a%2Eb", "%", "%25", "");
        Set<String> names = ids.stream().map(id -> ExportFileName.of(5, id)).collect(Collectors.toSet());
        assertThat(names).hasSameSizeAs(ids).allSatisfy(name -> assertThat(name).doesNotContain("/", ".."));
    }

    @Test
    void aJobIdTooLongForAFileNameIsRefused() {
        assertThatThrownBy(() -> ExportFileName.of(1, "x".repeat(190))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job id too long");
    }
}
