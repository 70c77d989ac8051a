package io.taskqueue.redis.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.redis.interop.CheckSupport.Entry;
import io.taskqueue.redis.interop.InteropSupport.KeyDump;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the state check 14 leaves in a queue (made and maintained by Java or Node) with the
 * all-Java run, key by key and value by value. Nothing is rewritten: each value that may differ is
 * named here and held to what it must be in its own queue. A time must be the time of that queue's
 * own job or lie in the test's run; the delayed job's {@code opts.attempts} and the failed jobs'
 * reasons belong to the runtime that made and ran the jobs (BullMQ stores {@code attempts} 0 for a
 * job added without it, Java 1; each runtime's test worker fails with its own message).
 */
final class MaintainedQueues {
    /** The delayed job left after maintenance. */
    private static final String DELAYED_JOB = "9";

    private MaintainedQueues() {
    }

    /** What the runtime that made a queue's jobs writes where runtimes differ. */
    record Maker(int attempts, String failedReason) {
        static Maker of(char runtime) {
            return runtime == 'j' ? new Maker(1, "bad job") : new Maker(0, "attempt 1 failed");
        }
    }

    /**
     * Asserts that {@code actual} (queue {@code q}) holds what {@code reference} (the all-Java queue)
     * holds, with the named exceptions; times must lie in {@code [since, until]}.
     */
    static void assertSameState(String q, Map<String, KeyDump> reference, List<Entry> referenceEvents,
            Map<String, KeyDump> actual, List<Entry> events, long since, long until) {
        Maker maker = Maker.of(q.charAt(0));
        assertThat(actual.keySet()).as(q + " keys").isEqualTo(reference.keySet());
        for (String key : List.of("id", "meta", "pc")) {
            assertThat(actual.get(key)).as(q + " key " + key).isEqualTo(reference.get(key));
        }
        assertThat(Long.parseLong((String) actual.get("stalled-check").content())).as(q + " stalled-check time")
                .isBetween(since, until);

        Map<String, String> job = new TreeMap<>(actual.get(DELAYED_JOB).hash());
        Map<String, String> refJob = reference.get(DELAYED_JOB).hash();
        assertThat(job.keySet()).as(q + " job fields").isEqualTo(refJob.keySet());
        for (String field : job.keySet()) {
            if (!field.equals("timestamp") && !field.equals("opts")) {
                assertThat(job.get(field)).as(q + " job field " + field).isEqualTo(refJob.get(field));
            }
        }
        long timestamp = Long.parseLong(job.get("timestamp"));
        assertThat(timestamp).as(q + " job timestamp").isBetween(since, until);
        assertThat(InteropSupport.json(job.get("opts"))).as(q + " job opts").isEqualTo(InteropSupport.json(
                "{\"delay\":3600000,\"attempts\":" + maker.attempts() + "}"));
        long due = timestamp + Long.parseLong(job.get("delay"));

        // A delayed score is the due time times 4096 plus a counter below 4096.
        List<?> delayed = (List<?>) actual.get("delayed").content();
        assertThat(delayed).as(q + " delayed").hasSize(2).first().isEqualTo(DELAYED_JOB);
        assertThat(Long.parseLong((String) delayed.get(1)) >> 12).as(q + " delayed score's due time").isEqualTo(due);
        assertThat(actual.get("marker").content()).as(q + " marker")
                .isEqualTo(List.of("0", "0", "1", Long.toString(due)));

        assertThat(events).as(q + " events").hasSameSizeAs(referenceEvents);
        for (int i = 0; i < events.size(); i++) {
            Map<String, String> fields = events.get(i).fields();
            Map<String, String> ref = referenceEvents.get(i).fields();
            assertThat(fields.keySet()).as(q + " event " + i + " fields").containsExactlyElementsOf(ref.keySet());
            for (Map.Entry<String, String> f : fields.entrySet()) {
                String what = q + " event " + i + " (" + fields + ") field " + f.getKey();
                if ("delayed".equals(fields.get("event")) && "delay".equals(f.getKey())) {
                    assertThat(Long.parseLong(f.getValue())).as(what).isEqualTo(due);
                } else if ("failed".equals(fields.get("event")) && "failedReason".equals(f.getKey())) {
                    assertThat(f.getValue()).as(what).isEqualTo(maker.failedReason());
                } else {
                    assertThat(f.getValue()).as(what).isEqualTo(ref.get(f.getKey()));
                }
            }
        }
    }
}
