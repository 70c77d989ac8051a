package io.taskqueue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.taskqueue.ClassifiedError;
import io.taskqueue.ErrorCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How far a failure's cause chain is searched for a category the error states itself. */
class OutcomeResolverTest {
    /** An error that states a category of the application's. */
    static final class Stated extends RuntimeException implements ClassifiedError {
        private static final long serialVersionUID = 1L;

        Stated() {
            super("stated");
        }

        @Override
        public ErrorCategory category() {
            return ErrorCategory.VALIDATION;
        }
    }

    /** {@code stated} under {@code wrappers} plain wrappers. */
    private static Throwable wrapped(Throwable stated, int wrappers) {
        Throwable error = stated;
        for (int i = 0; i < wrappers; i++) {
            error = new RuntimeException("wrapper " + i, error);
        }
        return error;
    }

    @Test
    void theFirstTenErrorsOfTheChainAreSearchedAndNoMore() {
        assertThat(OutcomeResolver.statedCategory(new Stated())).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(OutcomeResolver.statedCategory(wrapped(new Stated(), 9))).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(OutcomeResolver.statedCategory(wrapped(new Stated(), 10))).isNull();
        assertThat(OutcomeResolver.statedCategory(new RuntimeException("plain"))).isNull();
    }

    @Test
    void aCyclicCauseChainEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> OutcomeResolver.statedCategory(a))).isNull();
    }
}
