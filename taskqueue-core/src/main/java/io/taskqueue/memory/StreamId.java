package io.taskqueue.memory;

/**
 * An event id in Redis stream form, {@code <ms>-<seq>}. Ids only ever grow so that a subscriber can
 * resume after the last id it saw, exactly as with {@code XREAD} on Redis.
 */
record StreamId(long ms, long seq) implements Comparable<StreamId> {

    /** Smaller than every id a log hands out: subscribing after it replays the whole log. */
    static final StreamId ZERO = new StreamId(0, 0);

    /**
     * Parses {@code <ms>-<seq>} or a bare {@code <ms>} (read as {@code <ms>-0}, as Redis does for
     * an exclusive start id).
     */
    static StreamId parse(String text) {
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                return new StreamId(Long.parseLong(text), 0);
            }
            return new StreamId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(StreamId other) {
        int byMs = Long.compare(ms, other.ms);
        return byMs != 0 ? byMs : Long.compare(seq, other.seq);
    }

    @Override
    public String toString() {
        return ms + "-" + seq;
    }
}
