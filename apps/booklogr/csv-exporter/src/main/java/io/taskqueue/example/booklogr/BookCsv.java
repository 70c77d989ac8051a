package io.taskqueue.example.booklogr;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The export's CSV layout: RFC 4180 (comma, double quotes, CRLF between records), UTF-8, one header
 * record, then one record per book. Commons CSV does the quoting, so a title with commas, quotes or
 * line breaks comes back whole from any RFC 4180 reader, spreadsheets included. Empty cells stand
 * for a missing author, ISBN, page count or rating.
 */
public final class BookCsv {
    /** The header record, in column order. */
    public static final List<String> HEADER = List.of("id", "title", "author", "isbn", "reading_status",
            "current_page", "total_pages", "rating", "created_at");

    /** The format: RFC 4180 with the header; fields are quoted only when they need it. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new))
            .setQuoteMode(QuoteMode.MINIMAL).get();

    private final CSVPrinter printer;

    private BookCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a CSV on {@code out} and writes the header; {@link #flush()} before closing {@code out}. */
    static BookCsv start(Writer out) throws IOException {
        return new BookCsv(new CSVPrinter(out, FORMAT));
    }

    /** Writes one book's record. */
    void write(Book book) throws IOException {
        printer.printRecord(book.id(), book.title(), book.author(), book.isbn(), book.readingStatus(),
                book.currentPage(), book.totalPages(), book.rating() == null ? null : book.rating().toPlainString(),
                book.createdAt());
    }

    /** Pushes buffered records to the writer (which stays open: the export file commits it). */
    void flush() throws IOException {
        printer.flush();
    }
}
