package io.taskqueue.postgres.internal;

import java.util.Map;
import java.util.Objects;

/**
 * One buffered write on behalf of a job. Every kind is an idempotent upsert or a guarded update keyed
 * by (queue, job id[, attempt]), so batches may run their kinds in a fixed order and a retried batch
 * does no harm.
 *
 * @param kind which statement
 * @param params its bind parameters (values may be {@code null})
 */
public record TrackerWrite(Kind kind, Map<String, Object> params) {
    public TrackerWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(params, "params");
    }

    /** The statements, in the order a batch runs them. */
    public enum Kind {
        ENQUEUED("enqueued"),
        COMPLETED("completed"),
        FAILED("failed"),
        NEXT_ATTEMPT("next_attempt"),
        REQUEUED("requeued"),
        STALLED("stalled");

        private final String sqlName;

        Kind(String sqlName) {
            this.sqlName = sqlName;
        }

        String sqlName() {
            return sqlName;
        }
    }
}
