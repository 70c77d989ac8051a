package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
    @Test
    void defaultsMapCommonExceptions() {
        ErrorClassifier classifier = ErrorClassifier.defaults();
        assertThat(classifier.classify(new UnrecoverableJobException("no"))).isEqualTo(ErrorCategory.PERMANENT);
        assertThat(classifier.classify(new SocketTimeoutException())).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(classifier.classify(new IllegalArgumentException())).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(classifier.classify(new BackendException("down"))).isEqualTo(ErrorCategory.INFRASTRUCTURE);
        assertThat(classifier.classify(new NullPointerException())).isEqualTo(ErrorCategory.PROCESSING);
        assertThat(classifier.classify(new AssertionError())).isEqualTo(ErrorCategory.PROCESSING);
        assertThat(classifier.classify(new Exception("checked"))).isEqualTo(ErrorCategory.UNKNOWN);
    }

    @Test
    void appRulesWinAndTheMostSpecificTypeIsChosen() {
        ErrorCategory partnerApi = new ErrorCategory("partner_api", true);
        Map<Class<? extends Throwable>, ErrorCategory> rules = new LinkedHashMap<>();
        rules.put(IOException.class, partnerApi);
        rules.put(SocketTimeoutException.class, ErrorCategory.TRANSIENT);
        ErrorClassifier classifier = ErrorClassifier.byType(rules);
        assertThat(classifier.classify(new IOException())).isEqualTo(partnerApi);
        assertThat(classifier.classify(new SocketTimeoutException())).isEqualTo(ErrorCategory.TRANSIENT);
    }
}
