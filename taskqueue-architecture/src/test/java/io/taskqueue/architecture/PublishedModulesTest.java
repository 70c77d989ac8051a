package io.taskqueue.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which modules are published is declared once, in taskqueue-bom; every module of the build agrees:
 * a module the BOM lists builds sources and Javadoc jars and is deployed, any other skips all three,
 * and the BOM's versions are the build's.
 */
class PublishedModulesTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theBomListsExactlyThePublishedModules() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("taskqueue-bom/pom.xml"));
        List<String> modules = all(parent, "<module>([^<]+)</module>");
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
        TreeSet<String> listed = new TreeSet<>(all(managed, "<artifactId>([^<]+)</artifactId>"));
        TreeSet<String> published = new TreeSet<>();
        for (String module : modules) {
            if (module.equals("taskqueue-bom")) {
                continue;
            }
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            boolean skips = pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
            boolean skipsSources = pom.contains("<maven.source.skip>true</maven.source.skip>");
            boolean skipsJavadoc = pom.contains("<maven.javadoc.skip>true</maven.javadoc.skip>");
            assertThat(skipsSources).as("%s skips sources exactly when it skips deploying", module).isEqualTo(skips);
            // An archetype has no Java API: its sources jar holds the templates, and there is no Javadoc.
            boolean archetype = pom.contains("<packaging>maven-archetype</packaging>");
            assertThat(skipsJavadoc).as("%s skips Javadoc exactly when it skips deploying or is an archetype", module)
                    .isEqualTo(skips || archetype);
            if (!skips) {
                published.add(artifactId(pom));
            }
        }
        assertThat(listed).as("taskqueue-bom's list").isEqualTo(published);
        String version = first(parent, "<artifactId>taskqueue-parent</artifactId>\\s*<version>([^<]+)</version>");
        assertThat(all(bom, "<version>([^<]+)</version>")).as("the BOM's versions").containsOnly(version);
    }

    private static String artifactId(String pom) {
        return first(pom.substring(pom.indexOf("</parent>")), "<artifactId>([^<]+)</artifactId>");
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex);
        }
        return m.group(1);
    }

    private static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
