package io.supportlab.testing;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every application table between tests, keeping the migration history, the first admin,
 * the append-only audit log (its triggers refuse deletes; tests look for their own entries)
 * and reference data the migrations seed (the FAQ categories). Generic over the schema otherwise, so
 * a new migration needs no change here.
 */
public final class DatabaseCleaner {

    private static final Set<String> KEEP =
            Set.of("flyway_schema_history", "users", "app_secrets", "faq_categories", "audit_log");

    private DatabaseCleaner() {}

    public static void clean(JdbcClient jdbc, String adminEmail) {
        List<String> tables = tables(jdbc);
        // Children before parents: retry a table whose rows are still referenced until all are empty.
        List<String> pending = new ArrayList<>(tables);
        for (int pass = 0; !pending.isEmpty() && pass <= tables.size(); pass++) {
            pending.removeIf(table -> tryDelete(jdbc, "DELETE FROM " + table));
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("Could not empty tables " + pending);
        }
        jdbc.sql("DELETE FROM users WHERE email <> :email")
                .param("email", adminEmail)
                .update();
    }

    private static boolean tryDelete(JdbcClient jdbc, String sql) {
        try {
            jdbc.sql(sql).update();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("SELECT 1")
                .query((rs, n) -> {
                    List<String> names = new ArrayList<>();
                    DatabaseMetaData meta = rs.getStatement().getConnection().getMetaData();
                    boolean postgres = meta.getDatabaseProductName()
                            .toLowerCase(Locale.ROOT)
                            .contains("postgres");
                    try (ResultSet tables =
                            meta.getTables(null, postgres ? "public" : null, "%", new String[] {"TABLE"})) {
                        while (tables.next()) {
                            String name = tables.getString("TABLE_NAME");
                            if (!KEEP.contains(name) && !name.startsWith("sqlite_")) {
                                names.add(name);
                            }
                        }
                    }
                    return names;
                })
                .single();
    }
}
