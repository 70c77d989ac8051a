package io.taskqueue.micrometer;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link TaskQueueMetrics}. Immutable; build with {@link #builder()}; every default is a
 * documented {@code DEFAULT_*} constant.
 *
 * @param pollInterval how often the queue-depth gauges are refreshed (one count per known queue)
 * @param jobNameTag whether job meters carry the {@code job_name} tag; turn it off when job names are
 *     many or made up at run time, since every distinct name is a time series per meter
 * @param percentileHistogram whether the timers publish histogram buckets for server-side percentiles
 * @param tags tags added to every meter, e.g. {@code worker_type}
 * @param queues queues whose depth is polled from the start; queues this process adds to, works on
 *     or checks for stalls are added as they are seen
 */
public record MetricsOptions(Duration pollInterval, boolean jobNameTag, boolean percentileHistogram, List<Tag> tags,
        Set<String> queues) {
    /** Default poll interval: 15 s, a common scrape interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    /** Default: job meters carry the job name. */
    public static final boolean DEFAULT_JOB_NAME_TAG = true;
    /** Default: timers publish percentile histograms. */
    public static final boolean DEFAULT_PERCENTILE_HISTOGRAM = true;

    public MetricsOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
        tags = List.copyOf(tags);
        queues = Set.copyOf(queues);
    }

    /** The defaults. */
    public static MetricsOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link MetricsOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private boolean jobNameTag = DEFAULT_JOB_NAME_TAG;
        private boolean percentileHistogram = DEFAULT_PERCENTILE_HISTOGRAM;
        private Tags tags = Tags.empty();
        private final Set<String> queues = new LinkedHashSet<>();

        private Builder() {
        }

        /** How often queue depths are polled (default {@link #DEFAULT_POLL_INTERVAL}). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Whether job meters carry the job name (default {@value #DEFAULT_JOB_NAME_TAG}). */
        public Builder jobNameTag(boolean jobNameTag) {
            this.jobNameTag = jobNameTag;
            return this;
        }

        /** Whether timers publish percentile histograms (default {@value #DEFAULT_PERCENTILE_HISTOGRAM}). */
        public Builder percentileHistogram(boolean percentileHistogram) {
            this.percentileHistogram = percentileHistogram;
            return this;
        }

        /** Adds tags to every meter, as key-value pairs. */
        public Builder tags(String... keyValues) {
            this.tags = tags.and(keyValues);
            return this;
        }

        /** Adds tags to every meter. */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = this.tags.and(tags);
            return this;
        }

        /** Polls the depth of {@code queue} from the start. */
        public Builder queue(String queue) {
            queues.add(Objects.requireNonNull(queue, "queue"));
            return this;
        }

        /** The options. */
        public MetricsOptions build() {
            return new MetricsOptions(pollInterval, jobNameTag, percentileHistogram, tags.stream().toList(), queues);
        }
    }
}
