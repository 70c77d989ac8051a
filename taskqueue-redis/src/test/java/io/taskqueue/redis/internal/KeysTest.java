package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeysTest {
    private final Keys keys = new Keys("bull", "emails");

    @Test
    void queueKeysFollowBullmqLayout() {
        assertThat(keys.base()).isEqualTo("bull:emails:");
        assertThat(keys.qualifiedName()).isEqualTo("bull:emails");
        assertThat(keys.waitList()).isEqualTo("bull:emails:wait");
        assertThat(keys.active()).isEqualTo("bull:emails:active");
        assertThat(keys.prioritized()).isEqualTo("bull:emails:prioritized");
        assertThat(keys.priorityCounter()).isEqualTo("bull:emails:pc");
        assertThat(keys.delayed()).isEqualTo("bull:emails:delayed");
        assertThat(keys.waitingChildren()).isEqualTo("bull:emails:waiting-children");
        assertThat(keys.stalledCheck()).isEqualTo("bull:emails:stalled-check");
        assertThat(keys.meta()).isEqualTo("bull:emails:meta");
        assertThat(keys.marker()).isEqualTo("bull:emails:marker");
        assertThat(keys.events()).isEqualTo("bull:emails:events");
        assertThat(keys.metrics(true)).isEqualTo("bull:emails:metrics:completed");
        assertThat(keys.metricsData(false)).isEqualTo("bull:emails:metrics:failed:data");
    }

    @Test
    void jobKeysAndExtensionsLiveUnderTheQueuePrefix() {
        assertThat(keys.job("42")).isEqualTo("bull:emails:42");
        assertThat(keys.lock("42")).isEqualTo("bull:emails:42:lock");
        assertThat(keys.logs("42")).isEqualTo("bull:emails:42:logs");
        assertThat(keys.checkpoints("42")).isEqualTo("bull:emails:42:cp");
        assertThat(keys.cancelFlag("42")).isEqualTo("bull:emails:42:cancel");
        assertThat(keys.cancelChannel()).startsWith(keys.base());
    }

    @Test
    void stateKeysMapWaitingToTheWaitList() {
        assertThat(keys.stateKey("waiting")).isEqualTo("bull:emails:wait");
        assertThat(keys.stateKey("delayed")).isEqualTo("bull:emails:delayed");
    }

    @Test
    void workerConnectionNamesAreBase64OfTheQueueAsBullmqWritesThem() {
        // base64("emails") = ZW1haWxz
        assertThat(keys.workerConnectionName(null)).isEqualTo("bull:ZW1haWxz");
        assertThat(keys.workerConnectionName("w1")).isEqualTo("bull:ZW1haWxz:w:w1");
        assertThat(keys.eventsConnectionName()).isEqualTo("bull:ZW1haWxz:qe");
        // padding is kept: base64("q") = cQ==
        assertThat(new Keys("p", "q").workerConnectionName("")).isEqualTo("p:cQ==");
    }

    @Test
    void hashTagsInPrefixOrQueueAreKept() {
        assertThat(new Keys("{t}", "q").job("1")).isEqualTo("{t}:q:1");
        assertThat(new Keys("bull", "{q}").waitList()).isEqualTo("bull:{q}:wait");
    }

    @Test
    void queueNamesWithAColonAreRejected() {
        assertThatThrownBy(() -> new Keys("bull", "a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Keys("bull", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
