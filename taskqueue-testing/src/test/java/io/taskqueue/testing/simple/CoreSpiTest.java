package io.taskqueue.testing.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.WorkerChannel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The core SPI stays small and speaks of jobs, not of a store: {@link QueueBackend} has at most
 * {@value #MAX_METHODS} methods, and neither its method names nor the Javadoc of it and of the SPI
 * types its methods take and return use the vocabulary of one particular datastore. The Javadoc is
 * read from the source files, since it is not in the class files.
 */
class CoreSpiTest {
    static final int MAX_METHODS = 20;
    /** Words of one store's implementation, matched at the start of a word, case-insensitively. */
    static final List<String> STORE_WORDS = List.of("redis", "lua", "script", "stream id", "marker", "zset", "meta",
            "BZPOPMIN", "XADD");
    /** The SPI sources, from the module directory Maven runs tests in. */
    static final Path SPI_SOURCES = Path.of("..", "taskqueue-core", "src", "main", "java", "io", "taskqueue", "spi");

    @Test
    void theCoreInterfaceHasAtMostTwentyMethods() {
        List<String> methods = Arrays.stream(QueueBackend.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic()).map(Method::getName).sorted().toList();
        assertThat(methods).as("methods of QueueBackend").hasSizeLessThanOrEqualTo(MAX_METHODS);
    }

    @Test
    void methodNamesUseNoStoreVocabulary() {
        for (Method method : QueueBackend.class.getDeclaredMethods()) {
            // Split camel case so that "addXadd" or "luaScript" are seen as words.
            String words = method.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2");
            assertNoStoreWord(words, "the name of QueueBackend." + method.getName());
        }
    }

    @Test
    void javadocUsesNoStoreVocabulary() throws IOException {
        assertThat(SPI_SOURCES).as("SPI sources (tests run in the module directory)").isDirectory();
        Set<Class<?>> checked = coreTypes();
        assertThat(checked).as("the types checked").contains(QueueBackend.class, WorkerChannel.class,
                FetchRequest.class, FetchResult.class, FinishRequest.class, ReleaseRequest.class, NewJob.class);
        for (Class<?> type : checked) {
            Path source = SPI_SOURCES.resolve(type.getSimpleName() + ".java");
            String text = Files.readString(source);
            for (String javadoc : javadocs(text)) {
                assertNoStoreWord(javadoc, "the Javadoc of " + source);
            }
        }
    }

    /** QueueBackend and the SPI types its methods take or return, which make up its vocabulary. */
    private static Set<Class<?>> coreTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        types.add(QueueBackend.class);
        for (Method method : QueueBackend.class.getDeclaredMethods()) {
            List<Type> used = new ArrayList<>(Arrays.asList(method.getGenericParameterTypes()));
            used.add(method.getGenericReturnType());
            used.forEach(t -> collectSpiTypes(t, types));
        }
        return types;
    }

    private static void collectSpiTypes(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType parameterized) {
            collectSpiTypes(parameterized.getRawType(), into);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(t -> collectSpiTypes(t, into));
        } else if (type instanceof Class<?> c) {
            Class<?> top = c;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            if (top.getPackageName().equals(QueueBackend.class.getPackageName())) {
                into.add(top);
            }
        }
    }

    private static List<String> javadocs(String source) {
        List<String> docs = new ArrayList<>();
        Matcher m = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL).matcher(source);
        while (m.find()) {
            docs.add(m.group(1));
        }
        return docs;
    }

    private static void assertNoStoreWord(String text, String where) {
        for (String word : STORE_WORDS) {
            String pattern = "(?i)\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q");
            Matcher m = Pattern.compile(pattern).matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                fail("'" + word + "' in " + where + ": ..." + text.substring(from, to).replaceAll("\\s+", " ") + "...");
            }
        }
    }
}
