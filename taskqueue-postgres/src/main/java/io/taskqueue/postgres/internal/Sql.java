package io.taskqueue.postgres.internal;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Finds each DAO's statements by convention at {@code io/taskqueue/postgres/internal/<Dao>/<name>.sql},
 * comments removed (Jdbi's parser would otherwise read quotes and colons inside them).
 */
final class Sql {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();

    private Sql() {
    }

    static String of(Class<?> dao, String name) {
        return LOCATOR.locate(dao, name);
    }
}
