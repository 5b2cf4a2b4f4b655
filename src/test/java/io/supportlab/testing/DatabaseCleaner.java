package io.supportlab.testing;

import static org.awaitility.Awaitility.await;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every application table between tests, keeping the migration history, the first admin,
 * the append-only audit log (its triggers refuse deletes; tests look for their own entries)
 * and reference data the migrations seed (the FAQ categories, the default team "General", which is
 * put back as the migration made it). Generic over the schema otherwise, so a new migration needs no
 * change here.
 */
public final class DatabaseCleaner {

    private static final Set<String> KEEP =
            Set.of("flyway_schema_history", "users", "app_secrets", "faq_categories", "audit_log", "teams");

    /** The team migration V22 creates as the default. */
    public static final String GENERAL_TEAM = "00000000-0000-7000-8000-000000000001";

    private DatabaseCleaner() {}

    public static void clean(JdbcClient jdbc, String adminEmail) {
        List<String> tables = tables(jdbc);
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        // A previous test's background writers (event and assignment group commit, the outbox) may
        // still be finishing and hold SQLite's write lock or add a child row: try again for a while.
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> emptied(jdbc, tables, failures));
        } catch (ConditionTimeoutException e) {
            IllegalStateException failed = new IllegalStateException("Could not empty tables " + failures.keySet());
            failures.values().forEach(failed::addSuppressed);
            throw failed;
        }
        jdbc.sql("DELETE FROM teams WHERE id <> :general")
                .param("general", GENERAL_TEAM)
                .update();
        String now = postgres(jdbc) ? "now()" : "strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'";
        jdbc.sql("INSERT INTO teams (id, name, assignment, is_default, created_at, updated_at)"
                        + " VALUES (:general, 'General', 'manual', :no, " + now + ", " + now + ")"
                        + " ON CONFLICT (id) DO NOTHING")
                .param("general", GENERAL_TEAM)
                .param("no", false)
                .update();
        jdbc.sql("UPDATE teams SET name = 'General', description = 'Every ticket that names no other team',"
                        + " assignment = 'manual', is_default = :yes, last_assigned_user_id = NULL WHERE id = :general")
                .param("yes", true)
                .param("general", GENERAL_TEAM)
                .update();
        jdbc.sql("DELETE FROM users WHERE email <> :email")
                .param("email", adminEmail)
                .update();
    }

    /** Children before parents: retries a table whose rows are still referenced until all are empty. */
    private static boolean emptied(JdbcClient jdbc, List<String> tables, Map<String, RuntimeException> failures) {
        failures.clear();
        List<String> pending = new ArrayList<>(tables);
        for (int pass = 0; !pending.isEmpty() && pass <= tables.size(); pass++) {
            pending.removeIf(table -> {
                try {
                    jdbc.sql("DELETE FROM " + table).update();
                    failures.remove(table);
                    return true;
                } catch (RuntimeException e) {
                    failures.put(table, e);
                    return false;
                }
            });
        }
        return pending.isEmpty();
    }

    private static boolean postgres(JdbcClient jdbc) {
        return jdbc.sql("SELECT 1")
                .query((rs, n) -> rs.getStatement()
                        .getConnection()
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres"))
                .single();
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
