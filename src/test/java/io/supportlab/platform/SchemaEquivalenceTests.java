package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.TestPostgres;
import io.supportlab.testing.TestSqlite;
import io.supportlab.testing.UsePostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * After all migrations SQLite and PostgreSQL hold the same tables, the same columns (types that
 * store the same values, same nullability) and the same indexes (names, columns, uniqueness). The
 * two migration folders are written by hand; a column or index in one only would make the app
 * behave or perform differently on the other. Both are migrated by Flyway alone (no application
 * context) and read through JDBC metadata.
 *
 * <p>What is compared as equal on purpose, each a difference of the databases, not of the schema:
 *
 * <ul>
 *   <li>Types by what SQLite stores: PostgreSQL's {@code timestamptz} is SQLite {@code TEXT}
 *       (fixed-width UTC text, see {@link SqlDialect}), {@code bool} and every integer width are
 *       {@code INTEGER}, {@code float8} is {@code REAL}. A PostgreSQL type outside this map fails
 *       the test until someone decides what it is on SQLite.
 *   <li>Primary key columns count as NOT NULL on SQLite: PostgreSQL implies it, SQLite (for
 *       compatibility with an old bug) does not for keys other than {@code INTEGER PRIMARY KEY},
 *       and adding it would mean rebuilding every table. The application always writes the ids.
 *   <li>Indexes that back a primary key or unique constraint are named by each database ({@code
 *       sqlite_autoindex_t_1}, {@code t_pkey}, {@code t_col_key}): compared by columns and
 *       uniqueness only.
 *   <li>Expression columns of an index ({@code lower(user_identifier)}): SQLite's metadata does not
 *       give the expression, so only that there is one at that position is compared. Partial
 *       index conditions are not in JDBC metadata at all.
 * </ul>
 *
 * <p>Tables that exist only on PostgreSQL, for state that several instances share and a single
 * SQLite instance keeps in memory, are listed in {@link #POSTGRES_ONLY} with the reason; they must
 * exist on PostgreSQL and must not on SQLite.
 */
@UsePostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEquivalenceTests {

    private static final Map<String, String> POSTGRES_TYPE_ON_SQLITE = Map.ofEntries(
            Map.entry("text", "TEXT"),
            Map.entry("varchar", "TEXT"),
            Map.entry("timestamptz", "TEXT"),
            Map.entry("bool", "INTEGER"),
            Map.entry("int2", "INTEGER"),
            Map.entry("int4", "INTEGER"),
            Map.entry("int8", "INTEGER"),
            Map.entry("float8", "REAL"));

    /** Tables only PostgreSQL has: what several instances coordinate through (table: why SQLite needs none). */
    static final Map<String, String> POSTGRES_ONLY = Map.ofEntries(
            Map.entry(
                    "cluster_job_locks",
                    "ShedLock's locks of cluster-wide jobs; SQLite runs one instance, whose jobs need none"),
            Map.entry(
                    "spring_session", "Spring Session (V17); on SQLite sessions are in the servlet container's memory"),
            Map.entry("spring_session_attributes", "Spring Session (V17), as spring_session"),
            Map.entry(
                    "live_events",
                    "recent live updates, replayed to streams that reconnect to any instance; SQLite keeps them in memory"),
            Map.entry("rate_limit_buckets", "V18: rate limits counted across instances; SQLite's in memory"),
            Map.entry("login_failures", "V18: failed logins counted across instances; SQLite's in memory"));

    private Schema sqlite;
    private Schema postgres;
    private Schema postgresWithOnlyItsOwn;

    @BeforeAll
    void migrateBoth() throws SQLException {
        sqlite = Schema.read(
                migrated("jdbc:sqlite:" + TestSqlite.dataDir().resolve("schema-equivalence.db"), "sqlite"), null);
        postgresWithOnlyItsOwn =
                Schema.read(migrated(TestPostgres.database("schema-equivalence").jdbcUrl(), "postgresql"), "public");
        postgres = postgresWithOnlyItsOwn.without(POSTGRES_ONLY.keySet());
    }

    private static String migrated(String url, String vendor) {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
        return url;
    }

    @Test
    void sameTables() {
        assertThat(sqlite.tables()).isNotEmpty().isEqualTo(postgres.tables());
    }

    @Test
    void theTablesOnlyPostgresHasAreThereAndNotOnSqlite() {
        assertThat(postgresWithOnlyItsOwn.tables()).containsAll(POSTGRES_ONLY.keySet());
        assertThat(sqlite.tables()).doesNotContainAnyElementsOf(POSTGRES_ONLY.keySet());
    }

    @Test
    void sameColumnsWithTypesThatStoreTheSameValuesAndTheSameNullability() {
        Set<String> postgresOnSqlite = new TreeSet<>();
        for (Column column : postgres.columns) {
            String type = POSTGRES_TYPE_ON_SQLITE.get(column.type());
            assertThat(type)
                    .as("SQLite type for PostgreSQL's %s of %s", column.type(), column.name())
                    .isNotNull();
            postgresOnSqlite.add(new Column(column.name(), type, column.nullable()).toString());
        }
        Set<String> onSqlite = new TreeSet<>();
        sqlite.columns.forEach(column -> onSqlite.add(column.toString()));
        assertThat(onSqlite).isEqualTo(postgresOnSqlite);
    }

    @Test
    void sameIndexes() {
        assertThat(sqlite.indexes).isNotEmpty().isEqualTo(postgres.indexes);
    }

    @Test
    void theComparisonSeesADifference() throws SQLException {
        // The metadata reads must see what they compare: an index on one side only shows up.
        String url = "jdbc:sqlite:" + TestSqlite.dataDir().resolve("schema-equivalence-changed.db");
        migrated(url, "sqlite");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX tickets_title_idx ON tickets (title)");
        }
        assertThat(Schema.read(url, null).indexes)
                .containsAll(sqlite.indexes)
                .contains("tickets tickets_title_idx (title)");
    }

    /** {@code table.column TYPE [NOT] NULL} */
    record Column(String name, String type, boolean nullable) {
        @Override
        public String toString() {
            return name + " " + type + (nullable ? " NULL" : " NOT NULL");
        }
    }

    /** One migrated database as comparable lines: tables, columns and indexes. */
    record Schema(Set<String> tables, List<Column> columns, Set<String> indexes) {

        /** This schema but for {@code tables}, their columns and their indexes. */
        Schema without(Set<String> tables) {
            Set<String> kept = new TreeSet<>(this.tables);
            kept.removeAll(tables);
            return new Schema(
                    kept,
                    columns.stream()
                            .filter(c ->
                                    kept.contains(c.name().substring(0, c.name().indexOf('.'))))
                            .toList(),
                    new TreeSet<>(indexes.stream()
                            .filter(i -> kept.contains(i.substring(0, i.indexOf(' '))))
                            .toList()));
        }

        static Schema read(String url, @Nullable String schema) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url)) {
                DatabaseMetaData meta = connection.getMetaData();
                Set<String> constraintIndexes = schema == null ? Set.of() : postgresConstraintIndexes(connection);
                Schema read = new Schema(new TreeSet<>(), new ArrayList<>(), new TreeSet<>());
                try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        String table = rs.getString("TABLE_NAME");
                        if (!table.startsWith("sqlite_") && !table.equals("flyway_schema_history")) {
                            read.tables.add(table);
                        }
                    }
                }
                for (String table : read.tables) {
                    Set<String> primaryKey = new HashSet<>();
                    try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                        while (rs.next()) {
                            primaryKey.add(rs.getString("COLUMN_NAME"));
                        }
                    }
                    try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                        while (rs.next()) {
                            String column = rs.getString("COLUMN_NAME");
                            boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls
                                    && !primaryKey.contains(column);
                            read.columns.add(new Column(table + "." + column, rs.getString("TYPE_NAME"), nullable));
                        }
                    }
                    read.indexes.addAll(indexes(meta, schema, table, constraintIndexes));
                }
                return read;
            }
        }

        /** {@code table name (col, col) [UNIQUE]}, by ordinal position. */
        private static List<String> indexes(
                DatabaseMetaData meta, @Nullable String schema, String table, Set<String> constraintIndexes)
                throws SQLException {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name == null) {
                        continue; // table statistics, not an index
                    }
                    String column = rs.getString("COLUMN_NAME");
                    columns.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(column == null || column.contains("(") ? "(expression)" : column);
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            List<String> lines = new ArrayList<>();
            columns.forEach((name, cols) -> {
                boolean constraint = name.startsWith("sqlite_autoindex_") || constraintIndexes.contains(name);
                lines.add(table + " " + (constraint ? "(constraint)" : name) + " (" + String.join(", ", cols) + ")"
                        + (unique.get(name) ? " UNIQUE" : ""));
            });
            return lines;
        }

        private static Set<String> postgresConstraintIndexes(Connection connection) throws SQLException {
            Set<String> names = new HashSet<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT conindid::regclass::text FROM pg_constraint WHERE contype IN ('p', 'u')")) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }
    }
}
