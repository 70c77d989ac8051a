package io.taskqueue.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure unit tests: finding (or not finding) a redis-server binary. Starts no process. */
class RedisBinariesTest {

    @Test
    void noBinaryAnywhereFailsWithWhatToInstallOrSet(@TempDir Path emptyDir) {
        assertThatThrownBy(() -> RedisBinaries.locate(emptyDir.toString(), Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install redis-server")
                .hasMessageContaining(ServerSettings.REDIS_URL);
    }

    @Test
    void brokenEmbeddedJarStillGivesTheClearMessage(@TempDir Path emptyDir) {
        assertThatThrownBy(() -> RedisBinaries.locate(emptyDir.toString(), () -> {
            throw new IllegalStateException("cannot extract");
        }))
                .hasMessageContaining("apt-get install redis-server")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void redisServerOnThePathWinsOverEmbedded(@TempDir Path dir) throws Exception {
        Path fake = Files.createFile(dir.resolve("redis-server"));
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        String path = "/nonexistent" + File.pathSeparator + dir;

        assertThat(RedisBinaries.locate(path, () -> Optional.of(Path.of("/embedded"))))
                .isEqualTo(fake.toAbsolutePath());
    }

    @Test
    void nonExecutableFileOnThePathIsIgnored(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("redis-server"));
        assertThat(RedisBinaries.onPath(dir.toString())).isEmpty();
    }

    @Test
    void startingAMissingBinaryNamesItAndSaysWhatToDo() {
        assertThatThrownBy(() -> RedisServer.start(Path.of("/nonexistent/redis-server")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/redis-server")
                .hasMessageContaining("apt-get install redis-server")
                .hasMessageContaining(ServerSettings.REDIS_URL);
    }

    @Test
    void embeddedVersionsAreListedNewestFirstWithoutExtracting() {
        // embedded-redis is a dependency of this module, so on the platforms it supports the list is
        // not empty; on others it is empty rather than an error.
        if (RedisBinaries.platformSuffix().isPresent()) {
            assertThat(RedisServer.embeddedVersions()).isNotEmpty().allMatch(v -> v.matches("\\d.*"));
        } else {
            assertThat(RedisServer.embeddedVersions()).isEmpty();
        }
    }
}
