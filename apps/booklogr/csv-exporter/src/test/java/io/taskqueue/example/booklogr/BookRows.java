package io.taskqueue.example.booklogr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The test's view of the BookLogr tables in its own schema: books in, export rows out. */
final class BookRows {
    /** A row of {@code csv_export}, without its time. */
    record Export(long id, String filename, long ownerId) {
    }

    private final DataSource dataSource;

    BookRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts {@code books} for {@code ownerId}, ids included. */
    void insert(long ownerId, List<Book> books) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO books (id, owner_id, title, author, isbn, reading_status, current_page, total_pages,"
                        + " rating, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Book b : books) {
                s.setLong(1, b.id());
                s.setLong(2, ownerId);
                s.setString(3, b.title());
                s.setString(4, b.author());
                s.setString(5, b.isbn());
                s.setString(6, b.readingStatus());
                s.setInt(7, b.currentPage());
                s.setObject(8, b.totalPages(), Types.INTEGER);
                s.setBigDecimal(9, b.rating());
                s.setObject(10, b.createdAt().atOffset(ZoneOffset.UTC));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Every row of {@code csv_export}, by id. */
    List<Export> exports() throws SQLException {
        List<Export> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, filename, owner_id FROM csv_export ORDER BY id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Export(rs.getLong(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }
}
