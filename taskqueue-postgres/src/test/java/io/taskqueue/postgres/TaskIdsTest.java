package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskIdsTest {

    @Test
    void taskIdIsDeterministicAndStripsTheEnvironmentPrefix() {
        assertThat(TaskIds.taskId("dev_partner_tasks", "SATLOC", "695d", "02220710"))
                .isEqualTo("partner_tasks:SATLOC:695d:02220710")
                .isEqualTo(TaskIds.taskId("partner_tasks", "SATLOC", "695d", "02220710"));
        assertThat(TaskIds.taskId("jobs", 12345, "userId123", "process")).isEqualTo("jobs:12345:userId123:process");
        assertThat(TaskIds.baseQueueName("dev_")).isEqualTo("dev_");
    }

    @Test
    void rejectsBlankKeys() {
        assertThatThrownBy(() -> TaskIds.taskId("jobs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.taskId("jobs", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.taskId("jobs", (Object) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void executionIdsAreFreshUuidV4() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = TaskIds.executionId().toString();
            assertThat(TaskIds.isExecutionId(id)).isTrue();
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(TaskIds.isExecutionId("not-a-uuid")).isFalse();
        assertThat(TaskIds.isTaskId("jobs:1")).isTrue();
        assertThat(TaskIds.isTaskId("jobs")).isFalse();
        assertThat(TaskIds.isTaskId("jobs::1")).isFalse();
    }
}
