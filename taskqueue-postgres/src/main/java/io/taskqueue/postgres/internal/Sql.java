package io.taskqueue.postgres.internal;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Finds each DAO's statements by convention at {@code io/taskqueue/postgres/internal/<Dao>/<name>.sql},
 * comments removed (Jdbi's parser would otherwise read quotes and colons inside them), with the
 * table names of {@link Tables} filled in.
 */
public final class Sql {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();
    private final Tables tables;

    public Sql(Tables tables) {
        this.tables = tables;
    }

    /** The tables the statements name. */
    public Tables tables() {
        return tables;
    }

    String of(Class<?> dao, String name) {
        return tables.expand(LOCATOR.locate(dao, name));
    }
}
