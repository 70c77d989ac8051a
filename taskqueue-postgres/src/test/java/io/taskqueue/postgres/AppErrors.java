package io.taskqueue.postgres;

import io.taskqueue.ErrorCategory;
import io.taskqueue.ErrorClassifier;

/**
 * What an application brings to the tests: an exception of its own, a category of its own for it,
 * and the classifier of its task queue that maps one to the other. The library knows neither.
 */
final class AppErrors {
    /** The application's category for failures of a service it calls: worth retrying. */
    static final ErrorCategory UPSTREAM = new ErrorCategory("upstream", true);

    private AppErrors() {
    }

    /** The task queue's classifier: the core's rules plus the application's one. */
    static ErrorClassifier classifier() {
        return ErrorClassifier.builder().map(UpstreamException.class, UPSTREAM).build();
    }

    /** Thrown by handlers when the service they call fails. */
    static final class UpstreamException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UpstreamException(String message) {
            super(message);
        }
    }
}
