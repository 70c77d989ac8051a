package io.taskqueue.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.*;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Application code imports the API and java.util on demand: no simple name may be ambiguous, so
 * this file must compile (java.util has a Queue, and so once did this API).
 */
class StarImportsTest {
    @Test
    void theApiAndJavaUtilShareNoSimpleName() {
        try (TaskQueue taskQueue = TaskQueue.open("memory:")) {
            JobQueue jobs = taskQueue.queue("mail");
            List<String> ids = new ArrayList<>();
            Queue<String> pending = new ArrayDeque<>(List.of("a", "b"));
            while (!pending.isEmpty()) {
                ids.add(jobs.add("send", Map.of("to", pending.poll())));
            }
            Optional<Job> first = jobs.getJob(ids.get(0));
            assertThat(first).isPresent();
        }
    }

    @Test
    void noPublicTypeOfTheApiIsNamedLikeAJavaUtilType() throws IOException, URISyntaxException {
        Path api = Path.of(TaskQueue.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/taskqueue");
        Set<String> ours = topLevelNames(api);
        // Only public types are imported on demand (java.util has a package-private TaskQueue).
        Set<String> javaUtil = topLevelNames(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("modules", "java.base", "java", "util")).stream()
                .filter(StarImportsTest::isPublicInJavaUtil).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ours).contains("TaskQueue", "JobQueue");
        assertThat(javaUtil).contains("Queue", "List");
        ours.retainAll(javaUtil);
        assertThat(ours).as("names in both io.taskqueue and java.util").isEmpty();
    }

    private static boolean isPublicInJavaUtil(String name) {
        try {
            return java.lang.reflect.Modifier.isPublic(Class.forName("java.util." + name).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> topLevelNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
