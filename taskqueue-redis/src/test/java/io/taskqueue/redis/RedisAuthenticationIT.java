package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.BackendException;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.ServerSettings;
import io.taskqueue.testing.junit.RedisExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Credentials against a private Redis that requires a password: the right one works, and a wrong
 * or missing one fails at once with an error whose message says so, names the URL with the
 * password masked, and never shows the password.
 */
@ExtendWith(RedisExtension.class)
class RedisAuthenticationIT {
    private static final String PASSWORD = "s3cret-pw";
    private static RedisServer secured;

    @BeforeAll
    static void startSecuredRedis() {
        secured = RedisServer.startWithPassword(ServerSettings.fromEnvironment(), PASSWORD);
    }

    @AfterAll
    static void stopSecuredRedis() {
        if (secured != null) {
            secured.close();
        }
    }

    private static String url(String userInfo) {
        return "redis://" + userInfo + secured.host() + ":" + secured.port() + "?prefix=tq-auth";
    }

    @Test
    void theRightPasswordOpensTheBackend() {
        try (TaskQueue tq = TaskQueue.open(url(":" + PASSWORD + "@"))) {
            JobQueue queue = tq.queue("auth");
            String id = queue.add("job", Map.of("ok", true));
            assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
            assertThat(tq.describe()).contains("//:***@").doesNotContain(PASSWORD);
        }
    }

    @Test
    void aWrongPasswordIsNamedInTheMessageWithoutShowingIt() {
        String wrong = "not-the-password";
        assertThatThrownBy(() -> TaskQueue.open(url(":" + wrong + "@")))
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("Redis refused the credentials for redis://:***@" + secured.host() + ":"
                        + secured.port())
                .hasMessageContaining("(WRONGPASS")
                .hasMessageNotContaining(wrong);
    }

    @Test
    void aWrongAclUserIsNamedWithTheUserAndWithoutThePassword() {
        assertThatThrownBy(() -> TaskQueue.open(url("alice:alices-pw@")))
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("Redis refused the credentials for redis://alice:***@")
                .hasMessageContaining("WRONGPASS")
                .hasMessageNotContaining("alices-pw");
    }

    @Test
    void aMissingPasswordIsNamedInTheMessage() {
        assertThatThrownBy(() -> TaskQueue.open(url("")))
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("Redis requires a password (NOAUTH)")
                .hasMessageContaining("redis://" + secured.host() + ":" + secured.port());
    }

    @Test
    void aPasswordForAServerWithoutOneIsNamedInTheMessage(RedisServer open) {
        assertThat(open.isExternal()).as("needs the private, password-less test server").isFalse();
        assertThatThrownBy(() -> TaskQueue.open("redis://:surplus-pw@" + open.host() + ":" + open.port()))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("gives a password, but Redis has none configured")
                .hasMessageNotContaining("surplus-pw");
    }
}
