package io.taskqueue.cli.job;

import java.util.List;

/**
 * A page of {@code job ls}: the stable {@code --json} shape documented in docs/cli.md.
 *
 * @param queue the queue
 * @param state the state listed (wire name)
 * @param name the job name filter, or {@code null}
 * @param cursor where this page started ({@code "0"}: the oldest job)
 * @param limit the most jobs a page holds
 * @param total how many jobs were in the state when the page was read
 * @param scanned how many jobs were read to fill the page (more than {@code jobs} with a name filter)
 * @param nextCursor pass it as {@code --cursor} for the next page; {@code null} after the last page
 * @param jobs the jobs, oldest first
 */
public record JobPage(String queue, String state, String name, String cursor, int limit, long total, long scanned,
        String nextCursor, List<JobSummary> jobs) {
}
