package io.taskqueue.example.booklogr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV layout, written and read back with Commons CSV: every awkward title survives whole. */
class BookCsvTest {
    static List<Book> readBack(String text) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            assertThat(parser.getHeaderNames()).isEqualTo(BookCsv.HEADER);
            return parser.getRecords().stream().map(BookCsvTest::book).toList();
        }
    }

    private static Book book(CSVRecord r) {
        return new Book(Long.parseLong(r.get("id")), r.get("title"), empty(r.get("author")), empty(r.get("isbn")),
                r.get("reading_status"), Integer.parseInt(r.get("current_page")),
                r.get("total_pages").isEmpty() ? null : Integer.valueOf(r.get("total_pages")),
                r.get("rating").isEmpty() ? null : new BigDecimal(r.get("rating")), Instant.parse(r.get("created_at")));
    }

    private static String empty(String value) {
        return value.isEmpty() ? null : value;
    }

    @Test
    void awkwardBooksComeBackEqual() throws IOException {
        StringWriter out = new StringWriter();
        BookCsv csv = BookCsv.start(out);
        for (Book book : Shelves.awkwardBooks()) {
            csv.write(book);
        }
        csv.flush();
        assertThat(readBack(out.toString())).isEqualTo(Shelves.awkwardBooks());
    }

    @Test
    void theFileIsRfc4180WithAHeaderAndQuotesOnlyWhereNeeded() throws IOException {
        StringWriter out = new StringWriter();
        BookCsv csv = BookCsv.start(out);
        csv.write(new Book(7, "Say \"hi\", world", null, null, "Read", 0, null, null,
                Instant.parse("2026-01-02T03:04:05Z")));
        csv.flush();
        assertThat(out.toString()).isEqualTo(String.join(",", BookCsv.HEADER) + "\r\n"
                + "7,\"Say \"\"hi\"\", world\",,,Read,0,,,2026-01-02T03:04:05Z\r\n");
    }

    @Test
    void anEmptyShelfIsTheHeaderAlone() throws IOException {
        StringWriter out = new StringWriter();
        BookCsv.start(out).flush();
        assertThat(readBack(out.toString())).isEmpty();
    }
}
