package io.taskqueue.satloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordTypeTest {

    @Test
    void registersTheThirtyPublicIdsWithTheirNames() {
        assertThat(RecordType.values()).hasSize(30);
        assertThat(Arrays.stream(RecordType.values()).mapToInt(RecordType::id)).containsExactly(1, 10, 11, 20, 30,
                31, 32, 33, 36, 37, 38, 39, 42, 43, 45, 46, 47, 50, 52, 56, 57, 60, 61, 100, 110, 120, 140, 142, 151, 152);
        assertThat(RecordType.byIdOrNull(46)).isEqualTo(RecordType.CONTROLLER_TYPE_BY_NAME);
        assertThat(RecordType.byIdOrNull(100)).isEqualTo(RecordType.SYSTEM_SETUP);
        assertThat(RecordType.byIdOrNull(140)).isEqualTo(RecordType.FLOW_SETUP);
        assertThat(RecordType.byId(2)).isEmpty();
        assertThat(RecordType.byIdOrNull(-1)).isNull();
        assertThat(RecordType.byIdOrNull(256)).isNull();
    }

    @Test
    void documentsTheConflictingIds() {
        assertThat(RecordType.APPLIED_RATES.documentConflict()).hasValueSatisfying(s -> assertThat(s).contains("Section Geometry"));
        assertThat(RecordType.IF2_DRY_GATE.documentConflict()).isPresent();
        assertThat(RecordType.TARGET_APPLICATION_RATES.documentConflict()).isPresent();
        assertThat(RecordType.POSITION.documentConflict()).isEmpty();
    }
}
