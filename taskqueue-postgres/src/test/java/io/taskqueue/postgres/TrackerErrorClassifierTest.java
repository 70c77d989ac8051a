package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.PayloadException;
import io.taskqueue.UnrecoverableJobException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TrackerErrorClassifierTest {
    private final TrackerErrorClassifier classifier = TrackerErrorClassifier.create();

    @Test
    void defaultMapping() {
        assertThat(classifier.categorize(new SocketTimeoutException())).isEqualTo(TaskErrorCategory.TRANSIENT);
        assertThat(classifier.categorize(new TimeoutException())).isEqualTo(TaskErrorCategory.TRANSIENT);
        assertThat(classifier.categorize(new IOException())).isEqualTo(TaskErrorCategory.TRANSIENT);
        assertThat(classifier.categorize(new SQLTransientConnectionException())).isEqualTo(TaskErrorCategory.TRANSIENT);
        assertThat(classifier.categorize(new SQLException("x"))).isEqualTo(TaskErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.categorize(new AccessDeniedException("/data"))).isEqualTo(TaskErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.categorize(new IllegalArgumentException())).isEqualTo(TaskErrorCategory.VALIDATION);
        assertThat(classifier.categorize(new NumberFormatException())).isEqualTo(TaskErrorCategory.VALIDATION);
        assertThat(classifier.categorize(new PayloadException("bad json", null)))
                .isEqualTo(TaskErrorCategory.VALIDATION);
        assertThat(classifier.categorize(new PartnerApiException("SATLOC", 500, "x", null)))
                .isEqualTo(TaskErrorCategory.PARTNER_API);
        assertThat(classifier.categorize(new IllegalStateException())).isEqualTo(TaskErrorCategory.PROCESSING);
        assertThat(classifier.categorize(new Exception())).isEqualTo(TaskErrorCategory.UNKNOWN);
    }

    @Test
    void looksThroughWrappers() {
        assertThat(classifier.categorize(new CompletionException(new SQLException("x"))))
                .isEqualTo(TaskErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.categorize(new UncheckedIOException(new SocketTimeoutException())))
                .isEqualTo(TaskErrorCategory.TRANSIENT);
        assertThat(classifier.categorize(new RuntimeException(new PartnerApiException("S", 0, "x", null))))
                .isEqualTo(TaskErrorCategory.PARTNER_API);
        assertThat(classifier.categorize(new UnrecoverableJobException("gone", new IOException())))
                .isEqualTo(TaskErrorCategory.TRANSIENT);
        assertThat(classifier.categorize(new UnrecoverableJobException("bad input")))
                .isEqualTo(TaskErrorCategory.VALIDATION);
    }

    @Test
    void appRulesComeFirstAndCategoriesCarryRetryability() {
        TrackerErrorClassifier custom = TrackerErrorClassifier.builder()
                .map(IllegalStateException.class, TaskErrorCategory.PARTNER_API).build();
        assertThat(custom.categorize(new IllegalStateException())).isEqualTo(TaskErrorCategory.PARTNER_API);
        assertThat(custom.classify(new IllegalArgumentException()).retryable()).isFalse();
        assertThat(custom.classify(new IOException()).name()).isEqualTo("transient");
    }
}
