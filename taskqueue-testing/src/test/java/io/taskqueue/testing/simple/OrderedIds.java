package io.taskqueue.testing.simple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Job ids kept in order of a rank (a priority, a due time, a finish time) and, within one rank, of
 * a sequence number, which makes equal ranks first-in first-out. Used for every line that is not a
 * plain queue: prioritized, delayed, completed and failed jobs.
 */
final class OrderedIds {
    private record Key(long rank, long seq) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::rank).thenComparingLong(Key::seq);

    private final TreeMap<Key, String> ordered = new TreeMap<>(ORDER);
    private final Map<String, Key> keys = new HashMap<>();

    /** Adds {@code id} at {@code rank}, after the ids of equal rank with a lower {@code seq}. */
    void add(String id, long rank, long seq) {
        remove(id);
        Key key = new Key(rank, seq);
        ordered.put(key, id);
        keys.put(id, key);
    }

    /** Removes {@code id}; false when it was not here. */
    boolean remove(String id) {
        Key key = keys.remove(id);
        if (key == null) {
            return false;
        }
        ordered.remove(key);
        return true;
    }

    /** The first id in order, or {@code null}. */
    String first() {
        return ordered.isEmpty() ? null : ordered.firstEntry().getValue();
    }

    /** The rank of the first id, or {@code null} when empty. */
    Long firstRank() {
        return ordered.isEmpty() ? null : ordered.firstKey().rank();
    }

    /** The ids whose rank is at most {@code rank}, in order. */
    List<String> upTo(long rank) {
        return new ArrayList<>(ordered.headMap(new Key(rank, Long.MAX_VALUE), true).values());
    }

    /** Every id in order, or in reverse order when not {@code ascending}. */
    List<String> all(boolean ascending) {
        return new ArrayList<>(ascending ? ordered.values() : ordered.descendingMap().values());
    }

    int size() {
        return ordered.size();
    }
}
