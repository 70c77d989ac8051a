package io.taskqueue.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the main sources has a Javadoc comment. (The Javadoc build runs
 * doclint with every check but "missing", which would demand a comment on every member; the project's
 * rule is a comment on every public type, checked here.)
 */
class PublicTypesAreDocumentedTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    @Test
    void everyPublicTypeHasAJavadocComment() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String source = Files.readString(file);
                        Matcher m = PUBLIC_TYPE.matcher(source);
                        if (m.find()) {
                            checked++;
                            if (!documented(source, m.start())) {
                                undocumented.add(module.getFileName() + ": " + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("public types found").isGreaterThan(200);
        assertThat(undocumented).as("public types without a Javadoc comment").isEmpty();
    }

    @Test
    void everyPackageWithPublicTypesHasADocumentedPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> dirs = Files.walk(module.resolve("src/main/java"))) {
                    for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                        if (hasPublicType(dir)) {
                            Path info = dir.resolve("package-info.java");
                            if (!Files.exists(info) || !Files.readString(info).contains("/**")) {
                                missing.add(module.getFileName() + ": " + module.resolve("src/main/java").relativize(dir));
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).as("packages without a documented package-info.java").isEmpty();
    }

    private static boolean hasPublicType(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (PUBLIC_TYPE.matcher(Files.readString(file)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the last comment before the declaration is a Javadoc comment and only annotations
     * stand between them.
     */
    private static boolean documented(String source, int declaration) {
        String before = source.substring(0, declaration);
        int close = before.lastIndexOf("*/");
        if (close < 0) {
            return false;
        }
        // Annotation arguments may hold any text: drop string literals before looking for code.
        String between = before.substring(close + 2).replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").strip();
        if (!between.isEmpty() && (!between.startsWith("@") || between.contains(";"))) {
            return false;
        }
        int open = before.lastIndexOf("/*", close);
        return open >= 0 && before.startsWith("/**", open);
    }
}
