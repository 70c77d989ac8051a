package io.taskqueue.postgres;

import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run in a separate JVM by {@link MigrationIT}: waits until a shared start instant, migrates one
 * schema, prints the versions it applied. Arguments: JDBC URL, user, schema, start epoch millis,
 * and how the schema is chosen: {@code search_path} (the connections' own) or {@code configured}
 * (named to the migration, which creates it when missing).
 */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        boolean configured = args[4].equals("configured");
        if (!configured) {
            ds.setCurrentSchema(args[2]);
        }
        long startAt = Long.parseLong(args[3]);
        // Warm the driver first so the three processes really collide on the migration itself.
        ds.getConnection().close();
        while (System.currentTimeMillis() < startAt) {
            Thread.onSpinWait();
        }
        List<Integer> applied = configured ? Migrations.apply(ds, args[2]) : Migrations.apply(ds);
        System.out.println("APPLIED " + applied);
    }
}
