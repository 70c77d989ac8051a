package io.taskqueue.postgres.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Stores buffered writes: one transaction per batch, one JDBC batch per statement kind. */
final class TrackerWrites {
    private final Jdbi jdbi;
    private final Map<TrackerWrite.Kind, String> sql = new EnumMap<>(TrackerWrite.Kind.class);

    TrackerWrites(Jdbi jdbi) {
        this.jdbi = jdbi;
        for (TrackerWrite.Kind kind : TrackerWrite.Kind.values()) {
            sql.put(kind, kind.sql());
        }
    }

    void store(List<TrackerWrite> writes) {
        Map<TrackerWrite.Kind, List<TrackerWrite>> byKind = new EnumMap<>(TrackerWrite.Kind.class);
        for (TrackerWrite w : writes) {
            byKind.computeIfAbsent(w.kind(), k -> new ArrayList<>()).add(w);
        }
        jdbi.useTransaction(h -> {
            for (Map.Entry<TrackerWrite.Kind, List<TrackerWrite>> e : byKind.entrySet()) {
                PreparedBatch batch = h.prepareBatch(sql.get(e.getKey()));
                for (TrackerWrite w : e.getValue()) {
                    batch.add(w.params());
                }
                batch.execute();
            }
        });
    }
}
