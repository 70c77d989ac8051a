package io.taskqueue.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a Markdown file and the source regions they must show. A Java block is
 * preceded by {@code <!-- snippet: ClassName#tag -->}; the region is the lines between
 * {@code // tag::tag[]} and {@code // end::tag[]} in that class's source here, without their common
 * indentation. A tag {@code *} shows the whole file.
 */
final class Snippets {
    /** Where the snippet sources live, relative to this module. */
    static final Path SOURCES = Path.of("src/test/java/io/taskqueue/docs");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w*-]+) -->");

    /** One fenced block of a Markdown file. */
    record Block(Path file, int line, String language, String text, String snippet) {
        String where() {
            return file + ":" + line;
        }
    }

    private Snippets() {
    }

    /** Every fenced block of {@code markdown}, with the snippet marker just above it, if any. */
    static List<Block> blocks(Path markdown) {
        List<String> lines = read(markdown);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```") || line.length() == 3) {
                continue;
            }
            String language = line.substring(3).trim();
            String marker = null;
            for (int back = i - 1; back >= 0 && back >= i - 2; back--) {
                Matcher m = MARKER.matcher(lines.get(back));
                if (m.find()) {
                    marker = m.group(1) + "#" + m.group(2);
                    break;
                }
            }
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(markdown, start, language, text.toString(), marker));
        }
        return blocks;
    }

    /** The text a snippet marker {@code ClassName#tag} names. */
    static String region(String snippet) {
        String[] parts = snippet.split("#", 2);
        List<String> lines = read(SOURCES.resolve(parts[0] + ".java"));
        if (parts[1].equals("*")) {
            return String.join("\n", lines) + "\n";
        }
        int begin = indexOf(lines, "// tag::" + parts[1] + "[]", snippet);
        int end = indexOf(lines, "// end::" + parts[1] + "[]", snippet);
        List<String> region = lines.subList(begin + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : region) {
            if (l.contains("// tag::") || l.contains("// end::")) {
                continue;
            }
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static int indexOf(List<String> lines, String tag, String snippet) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(tag)) {
                return i;
            }
        }
        throw new AssertionError("snippet " + snippet + ": no line '" + tag + "' in its source");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
