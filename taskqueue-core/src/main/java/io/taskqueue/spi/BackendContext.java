package io.taskqueue.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What a {@code TaskQueue} shares with the backend it opens.
 *
 * @param clock the application's clock. Operations carry their time as an argument; a backend reads
 *     this clock only for what it decides by itself, such as lock expiry in a store that lives in
 *     this process, or the time of an operation whose caller passes none.
 */
public record BackendContext(Clock clock) {
    public BackendContext {
        Objects.requireNonNull(clock, "clock");
    }
}
