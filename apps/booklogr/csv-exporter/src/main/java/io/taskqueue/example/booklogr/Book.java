package io.taskqueue.example.booklogr;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code books}, as an export writes it.
 *
 * @param id the book's id
 * @param title the title, as typed: commas, quotes, line breaks and any script included
 * @param author the author, or {@code null}
 * @param isbn the ISBN, or {@code null}
 * @param readingStatus the API's reading status, e.g. {@code Currently reading}
 * @param currentPage the page the reader is on
 * @param totalPages the book's pages, or {@code null} when unknown
 * @param rating 0 to 5 in half steps, or {@code null} when not rated
 * @param createdAt when the book was added
 */
public record Book(long id, String title, String author, String isbn, String readingStatus, int currentPage,
        Integer totalPages, BigDecimal rating, Instant createdAt) {
}
