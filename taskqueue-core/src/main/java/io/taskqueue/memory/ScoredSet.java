package io.taskqueue.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A sorted set with Redis ZSET ordering: by score, then by member compared as UTF-8 bytes (which is
 * code point order). Used for {@code prioritized}, {@code delayed}, {@code completed} and
 * {@code failed}. Scores are longs: every score the protocol produces is an integer below 2^53.
 * Not thread-safe; guarded by the queue's lock.
 */
final class ScoredSet {

    /** One member with its score. A {@code null} id is a search bound above every id of its score. */
    record Entry(long score, String id) {
    }

    private final NavigableSet<Entry> ordered = new TreeSet<>(ScoredSet::compare);
    private final Map<String, Long> scores = new HashMap<>();

    private static int compare(Entry a, Entry b) {
        int byScore = Long.compare(a.score, b.score);
        if (byScore != 0) {
            return byScore;
        }
        if (a.id == null || b.id == null) {
            return a.id == null ? (b.id == null ? 0 : 1) : -1;
        }
        return compareCodePoints(a.id, b.id);
    }

    /** Code point order equals Redis's byte order on UTF-8; String.compareTo differs for surrogates. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** ZADD: inserts or re-scores. */
    void add(String id, long score) {
        remove(id);
        ordered.add(new Entry(score, id));
        scores.put(id, score);
    }

    /** ZREM: true when the member was there. */
    boolean remove(String id) {
        Long old = scores.remove(id);
        if (old == null) {
            return false;
        }
        ordered.remove(new Entry(old, id));
        return true;
    }

    boolean contains(String id) {
        return scores.containsKey(id);
    }

    /** ZSCORE: the member's score, or {@code null}. */
    Long score(String id) {
        return scores.get(id);
    }

    int size() {
        return scores.size();
    }

    boolean isEmpty() {
        return scores.isEmpty();
    }

    void clear() {
        ordered.clear();
        scores.clear();
    }

    /** The lowest entry, or {@code null}. */
    Entry first() {
        return ordered.isEmpty() ? null : ordered.first();
    }

    /** ZPOPMIN: removes and returns the lowest entry, or {@code null}. */
    Entry pollFirst() {
        Entry e = ordered.pollFirst();
        if (e != null) {
            scores.remove(e.id);
        }
        return e;
    }

    /** The highest score in {@code [min, max]}, or {@code null} (ZREVRANGEBYSCORE max min LIMIT 0 1). */
    Long highestScoreIn(long min, long max) {
        Entry below = ordered.lower(new Entry(max, null));
        return below != null && below.score >= min ? below.score : null;
    }

    /** ZRANGEBYSCORE min max LIMIT 0 limit: ascending ids with a score in {@code [min, max]}. */
    List<String> rangeByScore(long min, long max, int limit) {
        List<String> out = new ArrayList<>();
        for (Entry e : ordered.subSet(new Entry(min, ""), true, new Entry(max, null), false)) {
            if (out.size() >= limit) {
                break;
            }
            out.add(e.id);
        }
        return out;
    }

    /** ZREVRANGEBYSCORE max -inf LIMIT 0 limit: descending ids with a score at most {@code max}. */
    List<String> revRangeByScoreUpTo(long max, int limit) {
        List<String> out = new ArrayList<>();
        Iterator<Entry> it = ordered.headSet(new Entry(max, null), false).descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next().id);
        }
        return out;
    }

    /** ZRANGE / ZREVRANGE start end: ids by rank, Redis index semantics. */
    List<String> rangeByRank(long start, long end, boolean ascending) {
        return RedisRange.slice(ids(ascending), start, end);
    }

    /** Every id, lowest score first or last. */
    List<String> ids(boolean ascending) {
        List<String> out = new ArrayList<>(ordered.size());
        Iterator<Entry> it = ascending ? ordered.iterator() : ordered.descendingIterator();
        it.forEachRemaining(e -> out.add(e.id));
        return out;
    }
}
