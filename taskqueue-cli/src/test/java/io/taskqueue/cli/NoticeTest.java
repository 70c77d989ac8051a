package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * NOTICE names every library the runnable jar bundles, at the version bundled, with a license text
 * that exists: a new or upgraded dependency fails here until NOTICE says so. The bundled libraries are
 * the module's runtime class path, which the build lists in target/bundled-libraries.txt.
 */
class NoticeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code   - Name (group:artifact:version), License, where/its/text.txt} */
    static final Pattern ENTRY = Pattern.compile("(?m)^  - (.+) \\(([\\w.\\-]+:[\\w.\\-]+):([\\w.\\-]+)\\), ([\\w.\\-]+), (\\S+)$");
    private static final Pattern LISTED = Pattern.compile("(?m)^\\s+([\\w.\\-]+:[\\w.\\-]+):jar:([\\w.\\-]+):");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    @Test
    void noticeNamesEveryBundledLibraryAtItsVersion() throws IOException {
        Map<String, String> bundled = bundled();
        Map<String, String> named = entries().stream().collect(Collectors.toMap(Entry::artifact, Entry::version));
        assertThat(bundled).as("the libraries the runnable jar bundles").hasSizeGreaterThan(20);
        assertThat(named).as("NOTICE's entries: update NOTICE (and licenses/) when the CLI's dependencies change")
                .containsAllEntriesOf(bundled);
        String notice = Files.readString(ROOT.resolve("NOTICE"));
        String embedded = notice.substring(notice.indexOf("Code that these libraries embed"));
        Set<String> notBundled = named.keySet().stream().filter(a -> !bundled.containsKey(a)).collect(Collectors.toSet());
        assertThat(notBundled).as("entries that are not a bundled library must be code a library embeds")
                .allSatisfy(artifact -> assertThat(embedded).contains("(" + artifact + ":"));
    }

    @Test
    void everyLicenseTextNoticeNamesExists() throws IOException {
        for (Entry entry : entries()) {
            assertThat(ROOT.resolve(entry.text())).as(entry.name() + "'s license text").isRegularFile();
        }
        try (var files = Files.list(ROOT.resolve("licenses"))) {
            String notice = Files.readString(ROOT.resolve("NOTICE"));
            assertThat(files.map(f -> "licenses/" + f.getFileName()).toList())
                    .as("every file in licenses/ is named in NOTICE").allSatisfy(f -> assertThat(notice).contains(f));
        }
    }

    /** One line of NOTICE naming a library: {@code artifact} is {@code group:artifact}. */
    record Entry(String name, String artifact, String version, String license, String text) {
    }

    static List<Entry> entries() throws IOException {
        return ENTRY.matcher(Files.readString(ROOT.resolve("NOTICE"))).results()
                .map(r -> new Entry(r.group(1), r.group(2), r.group(3), r.group(4), r.group(5))).toList();
    }

    private static Map<String, String> bundled() throws IOException {
        Path list = Path.of("target", "bundled-libraries.txt");
        assertThat(list).as("written by the build's dependency:list (run the tests through Maven)").isRegularFile();
        String text = ANSI.matcher(Files.readString(list)).replaceAll("");
        return LISTED.matcher(text).results().collect(Collectors.toMap(r -> r.group(1), r -> r.group(2)));
    }
}
