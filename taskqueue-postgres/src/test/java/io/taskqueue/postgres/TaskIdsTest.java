package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskIdsTest {

    @Test
    void taskIdIsDeterministicFromItsBaseAndNaturalKeys() {
        assertThat(TaskIds.taskId("orders", "c-42", "o-1001")).isEqualTo("orders:c-42:o-1001")
                .isEqualTo(TaskIds.taskId(" orders ", " c-42", "o-1001 "));
        assertThat(TaskIds.taskId("jobs", 12345, "userId123", "process")).isEqualTo("jobs:12345:userId123:process");
    }

    @Test
    void environmentPrefixesAreConfigurationAndNoneAreStrippedByDefault() {
        assertThat(TaskTrackerOptions.defaults().environmentPrefixes()).isEmpty();
        assertThat(TaskTrackerOptions.defaults().baseQueueName("dev_orders")).isEqualTo("dev_orders");

        TaskTrackerOptions options = TaskTrackerOptions.builder().environmentPrefixes(List.of("dev_", "qa_")).build();
        assertThat(options.baseQueueName("dev_orders")).isEqualTo("orders");
        assertThat(options.baseQueueName("qa_orders")).isEqualTo("orders");
        assertThat(options.baseQueueName("orders")).isEqualTo("orders");
        assertThat(options.baseQueueName("dev_")).isEqualTo("dev_");
        assertThatThrownBy(() -> TaskTrackerOptions.builder().environmentPrefixes(List.of(" ")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultResolverTakesATaskIdFromTheDataElseTheJobId() {
        TaskIdResolver resolver = TaskTrackerOptions.DEFAULT_TASK_ID_RESOLVER;
        assertThat(resolver.taskId("orders", job("j-1", "{\"taskId\":\"orders:c-42:o-1\"}"))).isEqualTo("orders:c-42:o-1");
        assertThat(resolver.taskId("orders", job("j-2", "{\"other\":1}"))).isEqualTo("orders:j-2");
    }

    @Test
    void rejectsBlankKeys() {
        assertThatThrownBy(() -> TaskIds.taskId("jobs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.taskId("jobs", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.taskId("jobs", (Object) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskIds.taskId(" ", "k")).isInstanceOf(IllegalArgumentException.class);
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

    private static Job job(String id, String dataJson) {
        return Job.created(id, "work", dataJson, JobOptions.defaults(), 0);
    }
}
