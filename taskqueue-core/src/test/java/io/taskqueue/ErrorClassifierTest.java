package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
    private final ErrorClassifier classifier = ErrorClassifier.defaults();

    @Test
    void defaultsMapCommonExceptions() {
        assertThat(classifier.classify(new UnrecoverableJobException("no"))).isEqualTo(ErrorCategory.PERMANENT);
        assertThat(classifier.classify(new UnsupportedCapabilityException(Capability.CHECKPOINTS, "simple")))
                .isEqualTo(ErrorCategory.PERMANENT);
        assertThat(classifier.classify(new SocketTimeoutException())).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(classifier.classify(new TimeoutException())).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(classifier.classify(new IOException())).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(classifier.classify(new SQLTransientConnectionException())).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(classifier.classify(new SQLException("x"))).isEqualTo(ErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.classify(new AccessDeniedException("/data"))).isEqualTo(ErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.classify(new BackendException("down"))).isEqualTo(ErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.classify(new IllegalArgumentException())).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(classifier.classify(new NumberFormatException())).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(classifier.classify(new PayloadException("bad json", null))).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(classifier.classify(new IllegalStateException())).isEqualTo(ErrorCategory.PROCESSING);
        assertThat(classifier.classify(new NullPointerException())).isEqualTo(ErrorCategory.PROCESSING);
        assertThat(classifier.classify(new AssertionError())).isEqualTo(ErrorCategory.PROCESSING);
        assertThat(classifier.classify(new Exception("checked"))).isEqualTo(ErrorCategory.UNKNOWN);
    }

    @Test
    void validationAndPermanentFailuresAreNotRetried() {
        assertThat(ErrorCategory.VALIDATION.retryable()).isFalse();
        assertThat(ErrorCategory.PERMANENT.retryable()).isFalse();
        assertThat(ErrorCategory.TRANSIENT.retryable()).isTrue();
        assertThat(ErrorCategory.PROCESSING.retryable()).isTrue();
    }

    @Test
    void looksThroughWrappersButNotThroughAnUnrecoverableJob() {
        assertThat(classifier.classify(new CompletionException(new SQLException("x"))))
                .isEqualTo(ErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.classify(new UncheckedIOException(new SocketTimeoutException())))
                .isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(classifier.classify(new RuntimeException(new IllegalArgumentException("bad"))))
                .isEqualTo(ErrorCategory.VALIDATION);
        assertThat(classifier.classify(new UnrecoverableJobException("gone", new IOException())))
                .isEqualTo(ErrorCategory.PERMANENT);
        assertThat(classifier.classify(new RuntimeException(new Exception("checked inside"))))
                .isEqualTo(ErrorCategory.PROCESSING);
    }

    @Test
    void appRulesWinAndTheMostSpecificTypeIsChosen() {
        ErrorCategory partnerApi = new ErrorCategory("partner_api", true);
        ErrorClassifier custom = ErrorClassifier.builder()
                .map(IOException.class, partnerApi)
                .map(SocketTimeoutException.class, ErrorCategory.TRANSIENT)
                .map(IllegalArgumentException.class, ErrorCategory.PROCESSING)
                .build();
        assertThat(custom.classify(new IOException())).isEqualTo(partnerApi);
        assertThat(custom.classify(new SocketTimeoutException())).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(custom.classify(new IllegalArgumentException())).isEqualTo(ErrorCategory.PROCESSING);
        assertThat(custom.classify(new NumberFormatException())).isEqualTo(ErrorCategory.PROCESSING);
    }
}
