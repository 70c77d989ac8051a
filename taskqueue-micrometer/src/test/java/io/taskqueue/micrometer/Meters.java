package io.taskqueue.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

/** Reads meters for assertions: sums over every meter matching a name and some tags. */
final class Meters {
    private final MeterRegistry registry;

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    double count(String name, String... tags) {
        return find(name, tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    long timerCount(String name, String... tags) {
        return find(name, tags).timers().stream().mapToLong(Timer::count).sum();
    }

    /** The one gauge matching, or NaN when there is none yet. */
    double gauge(String name, String... tags) {
        Gauge gauge = find(name, tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private Search find(String name, String... tags) {
        return registry.find(name).tags(tags);
    }
}
