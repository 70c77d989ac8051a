package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * Deduplication of adds by a key, BullMQ's {@code deduplication} option (stored as opts {@code de},
 * docs/protocol.md §5.14). While a job owns the key, adding another job with the same key creates nothing
 * and returns the owner's id. The modes:
 * <ul>
 *   <li><b>simple</b> ({@link #simple}): the key is owned until the job completes, fails for good or is
 *       removed. "In flight" means waiting, delayed, prioritized or active.</li>
 *   <li><b>throttle</b> ({@link #throttle}): the key is owned for {@code ttl} from the first add,
 *       whatever happens to the job; with {@code extend}, every deduplicated add restarts the ttl.</li>
 *   <li><b>debounce</b> ({@link #debounce}, replace + extend, usually with a job delay): an add while
 *       the owner is still delayed replaces it (the old job is removed), so the last payload wins.</li>
 *   <li>{@code keepLastIfActive}: an add while the owner is running is remembered (the last one wins)
 *       and added as a new job when the owner finishes.</li>
 * </ul>
 *
 * @param id the deduplication key
 * @param ttl how long the key is owned, or {@code null} until the owner finishes
 * @param extend restart the ttl on every deduplicated add (needs a ttl)
 * @param replace replace a still-delayed owner with the new job (debounce)
 * @param keepLastIfActive keep the last add made while the owner runs, and add it when the owner finishes
 */
public record Deduplication(String id, Duration ttl, boolean extend, boolean replace, boolean keepLastIfActive) {
    public Deduplication {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("deduplication id must not be empty");
        }
        if (ttl != null && ttl.toMillis() < 1) {
            throw new IllegalArgumentException("deduplication ttl must be at least 1 ms: " + ttl);
        }
        if (extend && ttl == null) {
            throw new IllegalArgumentException("deduplication extend needs a ttl");
        }
    }

    /** Deduplicates while the owner is in flight (until it completes, fails or is removed). */
    public static Deduplication simple(String id) {
        return new Deduplication(id, null, false, false, false);
    }

    /** Deduplicates for {@code ttl} after the first add. */
    public static Deduplication throttle(String id, Duration ttl) {
        return new Deduplication(id, Objects.requireNonNull(ttl, "ttl"), false, false, false);
    }

    /**
     * Debounce: each add within {@code ttl} of the previous one replaces the owner while it is still
     * delayed and restarts the ttl; give the jobs a delay so that only the last one runs.
     */
    public static Deduplication debounce(String id, Duration ttl) {
        return new Deduplication(id, Objects.requireNonNull(ttl, "ttl"), true, true, false);
    }

    /** This policy with {@code extend} set. */
    public Deduplication withExtend() {
        return new Deduplication(id, ttl, true, replace, keepLastIfActive);
    }

    /** This policy with {@code replace} set. */
    public Deduplication withReplace() {
        return new Deduplication(id, ttl, extend, true, keepLastIfActive);
    }

    /** This policy with {@code keepLastIfActive} set. */
    public Deduplication withKeepLastIfActive() {
        return new Deduplication(id, ttl, extend, replace, true);
    }

    /** The ttl in milliseconds, or 0 when there is none. */
    public long ttlMillis() {
        return ttl == null ? 0 : ttl.toMillis();
    }
}
