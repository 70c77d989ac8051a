package io.taskqueue.spi;

import io.taskqueue.RateLimit;
import java.util.List;

/**
 * Capability {@link io.taskqueue.Capability#GROUPS}: jobs added with a group start in the order
 * they were added within their group, under the group's concurrency and rate limit, and groups
 * take turns. A {@code null} group in a setter sets the default of every group without its own.
 */
public interface GroupSupport {
    /** Sets how many of {@code group}'s jobs may be active at once, or removes it when null. */
    void setGroupConcurrency(String group, Integer concurrency);

    /** The concurrency set for {@code group} ({@code null}: the default), or {@code null} when none. */
    Integer groupConcurrency(String group);

    /** Sets {@code group}'s rate limit (fixed windows opened at the group's first start), or removes it when null. */
    void setGroupRateLimit(String group, RateLimit limit);

    /** The rate limit set for {@code group} ({@code null}: the default), or {@code null} when none. */
    RateLimit groupRateLimit(String group);

    /** How many jobs wait in {@code group}'s own line, not yet released to the queue. */
    long groupWaitingCount(String group);

    /** The groups with jobs waiting in their own line, in no particular order. */
    List<String> waitingGroups();
}
