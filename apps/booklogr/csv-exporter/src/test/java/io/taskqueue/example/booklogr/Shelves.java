package io.taskqueue.example.booklogr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Books whose titles and authors try every way a CSV can break. */
final class Shelves {
    private Shelves() {
    }

    /** Titles that need quoting, doubling, line breaks kept, and characters outside ASCII. */
    static final List<String> AWKWARD_TITLES = List.of(
            "Plain",
            "Eats, Shoots & Leaves",
            "The \"Best\" Book, Ever",
            "\"Quoted from the start\"",
            "Line one\nline two",
            "Windows\r\nline end",
            "  spaces kept  ",
            "Trailing comma,",
            "Les Misérables",
            "Мастер и Маргарита",
            "三体",
            "مئة عام من العزلة",
            "Emoji 📚 and a ZWJ 👩‍🔬",
            "=SUM(A1:A2)",
            "Tab\there");

    /** One book per awkward title, with each optional column missing in turn. */
    static List<Book> awkwardBooks() {
        Instant base = Instant.parse("2026-03-01T09:30:00.123456Z");
        return java.util.stream.IntStream.range(0, AWKWARD_TITLES.size()).mapToObj(i -> new Book(i + 1,
                AWKWARD_TITLES.get(i), i % 3 == 0 ? null : "Author, \"" + i + "\"", i % 4 == 0 ? null : "97800000000" + i,
                i % 2 == 0 ? "Read" : "Currently reading", i * 10, i % 5 == 0 ? null : 300 + i,
                i % 2 == 0 ? null : new BigDecimal("4.5"), base.plusSeconds(i))).toList();
    }
}
