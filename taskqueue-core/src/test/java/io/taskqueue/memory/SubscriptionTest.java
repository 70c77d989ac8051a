package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.EventCursor;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/** Event subscriptions: "0", "$", resume after an id, ordering and close. */
class SubscriptionTest extends MemoryTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(5));
    }

    @Test
    void fromZeroReplaysEverythingInOrderThenFollows() {
        add("a");
        add("b");
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = q.subscribe(EventCursor.of("0"), seen::add)) {
            eventually().until(() -> seen.size() == 4);
            add("c");
            eventually().until(() -> seen.size() == 6);
        }
        assertThat(seen).containsExactlyElementsOf(q.events());
    }

    @Test
    void dollarDeliversOnlyNewEvents() {
        add("a");
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = q.subscribe(EventCursor.of("$"), seen::add)) {
            add("b");
            eventually().until(() -> seen.size() == 2);
        }
        assertThat(seen).extracting(MemoryTestSupport::line)
                .containsExactly("added{jobId=2,name=b}", "waiting{jobId=2}");
    }

    @Test
    void resumesStrictlyAfterTheGivenId() {
        add("a");
        add("b");
        List<QueueEvent> all = q.events();
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = q.subscribe(EventCursor.of(all.get(1).id()), seen::add)) {
            eventually().until(() -> seen.size() == 2);
        }
        assertThat(seen).containsExactlyElementsOf(all.subList(2, 4));
    }

    @Test
    void manyEventsArriveInOrderWithoutGapsWhileAppending() {
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = q.subscribe(EventCursor.of("0"), seen::add)) {
            for (int i = 0; i < 2_000; i++) {
                add("j" + i);
            }
            eventually().until(() -> seen.size() == 4_000);
        }
        assertThat(seen).containsExactlyElementsOf(q.events());
    }

    @Test
    void aFailingConsumerDoesNotStopDelivery() {
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription bad = q.subscribe(EventCursor.of("0"), e -> {
            throw new IllegalStateException("consumer bug");
        }); Subscription good = q.subscribe(EventCursor.of("0"), seen::add)) {
            add("a");
            eventually().until(() -> seen.size() == 2);
            add("b");
            eventually().until(() -> seen.size() == 4);
        }
    }

    @Test
    void closedSubscriptionsGetNothingMore() {
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        Subscription sub = q.subscribe(EventCursor.of("$"), seen::add);
        add("a");
        eventually().until(() -> seen.size() == 2);
        sub.close();
        add("b");
        // a later subscription proves the dispatcher has processed the second add
        List<QueueEvent> probe = new CopyOnWriteArrayList<>();
        try (Subscription ignored = q.subscribe(EventCursor.of("0"), probe::add)) {
            eventually().until(() -> probe.size() == 4);
        }
        assertThat(seen).hasSize(2);
    }

    @Test
    void resumeSurvivesObliterate() {
        add("a");
        String last = q.events().get(q.events().size() - 1).id();
        admin.pause();
        admin.obliterate(true);
        add("b");
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription ignored = q.subscribe(EventCursor.of(last), seen::add)) {
            eventually().until(() -> seen.size() == 2);
        }
        assertThat(seen).extracting(QueueEvent::event).containsExactly("added", "waiting");
    }
}
