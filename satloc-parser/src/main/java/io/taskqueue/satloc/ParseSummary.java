package io.taskqueue.satloc;

import java.util.List;

/**
 * What a parse did: exact counts plus the first {@link ParserOptions#maxReportedProblems()}
 * rejections and skips.
 *
 * @param formatVersion version from the file header times 100 (376 = 3.76)
 * @param accepted records decoded and delivered
 * @param rejected corrupt frames and unsynchronised byte runs
 * @param skipped well-framed records of unregistered types
 * @param bytesRead bytes consumed, header included
 * @param rejections the first rejections, in input order
 * @param skippedRecords the first skipped records, in input order
 */
public record ParseSummary(int formatVersion, long accepted, long rejected, long skipped, long bytesRead,
        List<Rejection> rejections, List<SkippedRecord> skippedRecords) {

    /** Copies the lists. */
    public ParseSummary {
        rejections = List.copyOf(rejections);
        skippedRecords = List.copyOf(skippedRecords);
    }

    /** @return accepted / (accepted + rejected), 1.0 for an input without frames */
    public double acceptanceRatio() {
        long total = accepted + rejected;
        return total == 0 ? 1.0 : (double) accepted / total;
    }
}
