package io.taskqueue.satloc;

/**
 * Parser options; the first three mirror the original processor's options.
 *
 * @param validateChecksums reject frames whose CRC-32C does not match (default true)
 * @param skipUnknownRecords skip frames with an unregistered type id instead of rejecting them (default true)
 * @param batchSize records per {@link RecordHandler#onBatch} call (default 1,000)
 * @param maxRecordLength largest frame, in bytes, the parser will buffer; longer length fields are
 *        rejected as implausible, which bounds memory (default 4,096; at most 65,535)
 * @param maxRecords record limit: accepting more records than this throws {@link SatlocFormatException}
 *        (default unlimited)
 * @param maxReportedProblems how many rejections and skips are kept in the {@link ParseSummary};
 *        the counts are always exact (default 1,000)
 */
public record ParserOptions(boolean validateChecksums, boolean skipUnknownRecords, int batchSize,
        int maxRecordLength, long maxRecords, int maxReportedProblems) {

    public static final boolean DEFAULT_VALIDATE_CHECKSUMS = true;
    public static final boolean DEFAULT_SKIP_UNKNOWN_RECORDS = true;
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    public static final int DEFAULT_MAX_RECORD_LENGTH = 4_096;
    public static final long DEFAULT_MAX_RECORDS = Long.MAX_VALUE;
    public static final int DEFAULT_MAX_REPORTED_PROBLEMS = 1_000;

    /** Validates every field once. */
    public ParserOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        if (maxRecordLength < 9 || maxRecordLength > 65_535) {
            throw new IllegalArgumentException("maxRecordLength must be 9..65535: " + maxRecordLength);
        }
        if (maxRecords < 0) {
            throw new IllegalArgumentException("maxRecords must be >= 0: " + maxRecords);
        }
        if (maxReportedProblems < 0) {
            throw new IllegalArgumentException("maxReportedProblems must be >= 0: " + maxReportedProblems);
        }
    }

    /** @return the defaults listed on the record components */
    public static ParserOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder().validateChecksums(validateChecksums).skipUnknownRecords(skipUnknownRecords)
                .batchSize(batchSize).maxRecordLength(maxRecordLength).maxRecords(maxRecords)
                .maxReportedProblems(maxReportedProblems);
    }

    /** Mutable builder for {@link ParserOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private boolean validateChecksums = DEFAULT_VALIDATE_CHECKSUMS;
        private boolean skipUnknownRecords = DEFAULT_SKIP_UNKNOWN_RECORDS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxRecordLength = DEFAULT_MAX_RECORD_LENGTH;
        private long maxRecords = DEFAULT_MAX_RECORDS;
        private int maxReportedProblems = DEFAULT_MAX_REPORTED_PROBLEMS;

        private Builder() {
        }

        public Builder validateChecksums(boolean v) {
            validateChecksums = v;
            return this;
        }

        public Builder skipUnknownRecords(boolean v) {
            skipUnknownRecords = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder maxRecordLength(int v) {
            maxRecordLength = v;
            return this;
        }

        public Builder maxRecords(long v) {
            maxRecords = v;
            return this;
        }

        public Builder maxReportedProblems(int v) {
            maxReportedProblems = v;
            return this;
        }

        public ParserOptions build() {
            return new ParserOptions(validateChecksums, skipUnknownRecords, batchSize, maxRecordLength,
                    maxRecords, maxReportedProblems);
        }
    }
}
