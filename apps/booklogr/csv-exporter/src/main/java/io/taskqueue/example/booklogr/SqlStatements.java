package io.taskqueue.example.booklogr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The SQL the exporter runs, one statement per file under {@code sql/} next to this class, each with
 * a header comment naming its parameters and what it returns. Kept as files so that the host app
 * can run the same statements, and a reviewer reads SQL as SQL.
 */
final class SqlStatements {
    static final String LOCK_SCHEMA = load("lock_schema");
    static final String CREATE_BOOKS = load("create_books");
    static final String CREATE_BOOKS_OWNER_INDEX = load("create_books_owner_index");
    static final String CREATE_CSV_EXPORT = load("create_csv_export");
    static final String CREATE_CSV_EXPORT_OWNER_INDEX = load("create_csv_export_owner_index");
    static final String COUNT_BOOKS_BY_OWNER = load("count_books_by_owner");
    static final String SELECT_BOOKS_BY_OWNER = load("select_books_by_owner");
    static final String INSERT_CSV_EXPORT = load("insert_csv_export");

    private SqlStatements() {
    }

    /** The text of {@code sql/<name>.sql}; a missing file is a packaging bug, found when the class loads. */
    static String load(String name) {
        String resource = "sql/" + name + ".sql";
        try (InputStream in = SqlStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resource, e);
        }
    }
}
