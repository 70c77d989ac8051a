package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON shapes documented in docs/cli.md: each is the {@code json} block after a
 * {@code <!-- json: NAME -->} marker. A command's output matches a shape when every object has
 * exactly the documented fields and every value that is not null on either side has the documented
 * type; the first element of a documented array is the shape of all elements. Free-form values (a
 * job's data, result and progress) are any JSON and are not compared.
 */
public final class JsonShapes {
    /** The mapper the tests read JSON with. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("..", "docs", "cli.md");

    private JsonShapes() {
    }

    /** The documented example named {@code name}. */
    public static JsonNode documented(String name) {
        try {
            List<String> lines = Files.readAllLines(DOC);
            int marker = lines.indexOf("<!-- json: " + name + " -->");
            assertThat(marker).as("marker for '" + name + "' in " + DOC).isNotNegative();
            int start = lines.subList(marker, lines.size()).indexOf("```json") + marker + 1;
            int end = lines.subList(start, lines.size()).indexOf("```") + start;
            return JSON.readTree(String.join("\n", lines.subList(start, end)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as JSON; fails the test when it is not. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /**
     * Asserts that {@code actual} has the shape of the documented example {@code name}; the values at
     * {@code freePaths} (e.g. {@code $.data}) may be any JSON.
     */
    public static void assertMatches(JsonNode actual, String name, String... freePaths) {
        List<String> problems = new ArrayList<>();
        compare("$", documented(name), actual, List.of(freePaths), problems);
        assertThat(problems).as("differences from the documented shape '" + name + "' in " + actual).isEmpty();
    }

    private static void compare(String path, JsonNode doc, JsonNode actual, List<String> free, List<String> problems) {
        if (doc.isNull() || actual.isNull() || free.contains(path)) {
            return;
        }
        if (doc.getNodeType() != actual.getNodeType()) {
            problems.add(path + ": documented " + doc.getNodeType() + ", got " + actual.getNodeType());
            return;
        }
        if (doc.isObject()) {
            List<String> docFields = names(doc.fieldNames());
            List<String> actualFields = names(actual.fieldNames());
            if (!docFields.equals(actualFields)) {
                problems.add(path + ": documented fields " + docFields + ", got " + actualFields);
                return;
            }
            for (String field : docFields) {
                compare(path + "." + field, doc.get(field), actual.get(field), free, problems);
            }
        } else if (doc.isArray() && !doc.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", doc.get(0), actual.get(i), free, problems);
            }
        }
    }

    private static List<String> names(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
