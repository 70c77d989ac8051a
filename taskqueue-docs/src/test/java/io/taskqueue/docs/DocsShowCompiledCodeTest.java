package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java block in README.md and docs/ shows code this module compiles: it names its source with a
 * snippet marker and equals that source's region character for character.
 */
class DocsShowCompiledCodeTest {
    private static final Path ROOT = Path.of("..");

    @TestFactory
    Stream<DynamicTest> everyJavaBlockIsACompiledSnippet() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path markdown : markdownFiles()) {
            for (Snippets.Block block : Snippets.blocks(markdown)) {
                if (!block.language().equals("java")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(block.where(), () -> {
                    assertThat(block.snippet()).as("%s: a java block needs a <!-- snippet: Class#tag --> line above it",
                            block.where()).isNotNull();
                    assertThat(block.text()).as("%s shows %s", block.where(), block.snippet())
                            .isEqualTo(Snippets.region(block.snippet()));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theReadmeShowsTheQuickStart() throws IOException {
        assertThat(Snippets.blocks(ROOT.resolve("README.md")))
                .anySatisfy(b -> assertThat(b.snippet()).isEqualTo("Welcome#*"));
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }
}
