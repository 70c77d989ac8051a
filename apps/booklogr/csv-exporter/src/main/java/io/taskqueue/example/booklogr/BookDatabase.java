package io.taskqueue.example.booklogr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The BookLogr tables, over a small HikariCP pool and plain JDBC. The pool does not connect when it
 * is made: a database that is down when the service starts fails tasks (which retry), not the start.
 */
final class BookDatabase implements AutoCloseable {
    /** Books fetched from the server per round trip while an export streams them. */
    static final int FETCH_SIZE = 500;
    private final HikariDataSource pool;
    private volatile boolean schemaReady;

    /** One finished export's row in {@code csv_export}. */
    record ExportRow(long id, Instant createdAt) {
    }

    /** Receives one book at a time, in id order. */
    @FunctionalInterface
    interface BookSink {
        void accept(Book book) throws IOException;
    }

    BookDatabase(String jdbcUrl, String user, String password, int poolSize, Duration timeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("csv-exporter");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // HikariCP takes anything under 250 ms for a mistake and waits 30 s instead.
        long millis = Math.max(250, timeout.toMillis());
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(Math.min(millis, 5_000));
        // Start without a connection: an outage at start-up must not keep the service down.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /** Creates the tables and indexes if missing, once per process; serialised between processes. */
    void ensureSchema() throws SQLException {
        if (schemaReady) {
            return;
        }
        synchronized (this) {
            if (schemaReady) {
                return;
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute(SqlStatements.LOCK_SCHEMA);
                s.execute(SqlStatements.CREATE_BOOKS);
                s.execute(SqlStatements.CREATE_BOOKS_OWNER_INDEX);
                s.execute(SqlStatements.CREATE_CSV_EXPORT);
                s.execute(SqlStatements.CREATE_CSV_EXPORT_OWNER_INDEX);
                c.commit();
            }
            schemaReady = true;
        }
    }

    /**
     * A read-only connection in one repeatable-read transaction, so that the count and the rows of an
     * export agree even while the owner edits the shelf. The caller closes it.
     */
    Connection snapshot() throws SQLException {
        Connection c = pool.getConnection();
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** How many books {@code ownerId} has. */
    long countBooks(Connection c, long ownerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlStatements.COUNT_BOOKS_BY_OWNER)) {
            s.setLong(1, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Streams {@code ownerId}'s books to {@code sink} in id order, {@link #FETCH_SIZE} rows per round trip. */
    void forEachBook(Connection c, long ownerId, BookSink sink) throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(SqlStatements.SELECT_BOOKS_BY_OWNER)) {
            s.setFetchSize(FETCH_SIZE);
            s.setLong(1, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(book(rs));
                }
            }
        }
    }

    private static Book book(ResultSet rs) throws SQLException {
        int totalPages = rs.getInt("total_pages");
        Integer total = rs.wasNull() ? null : totalPages;
        BigDecimal rating = rs.getBigDecimal("rating");
        return new Book(rs.getLong("id"), rs.getString("title"), rs.getString("author"), rs.getString("isbn"),
                rs.getString("reading_status"), rs.getInt("current_page"), total, rating,
                instant(rs, "created_at"));
    }

    /**
     * A timestamptz column as an instant. Read as an offset date-time, not a {@code Timestamp}, so that
     * the JVM's time zone plays no part.
     */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Records {@code filename} as ready to download; a second call for the same name returns the first row. */
    ExportRow recordExport(String filename, long ownerId, Instant createdAt) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(SqlStatements.INSERT_CSV_EXPORT)) {
            s.setString(1, filename);
            s.setLong(2, ownerId);
            s.setObject(3, createdAt.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ExportRow(rs.getLong("id"), instant(rs, "created_at"));
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
