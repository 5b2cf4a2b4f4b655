package io.supportlab.accounts;

import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failure counts in PostgreSQL ({@code login_failures}), shared by every instance on the database.
 * A failure is counted under its keys with one multi-row upsert, which locks their rows in the
 * order given (always the order of {@link Scope}), so concurrent failures on any instance add up
 * exactly and never deadlock. Times are the application's clock's, passed in; names and addresses
 * are stored as keyed hashes.
 */
final class PostgresFailureCounts implements FailureCounts {

    private static final String ADD = """
            INSERT INTO login_failures AS f (scope, key, failures, last_failure_at) VALUES %s
            ON CONFLICT (scope, key) DO UPDATE SET
                failures = CASE WHEN f.last_failure_at > :since THEN f.failures + 1 ELSE 1 END,
                last_failure_at = :now
            RETURNING scope, failures, last_failure_at
            """;

    private static final String READ = """
            SELECT scope, failures, last_failure_at FROM login_failures
            WHERE (scope, key) IN (%s) AND last_failure_at > :since
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Pseudonyms pseudonyms;

    PostgresFailureCounts(JdbcClient jdbc, SqlDialect dialect, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.pseudonyms = pseudonyms;
    }

    @Override
    public Map<Scope, Failures> add(List<Key> keys, Instant now, Instant since) {
        String rows = placeholders(keys, i -> "(:scope" + i + ", :key" + i + ", 1, :now)");
        return counts(keyed(jdbc.sql(ADD.formatted(rows)), keys)
                .param("now", dialect.timestamp(now))
                .param("since", dialect.timestamp(since)));
    }

    @Override
    public Map<Scope, Failures> read(List<Key> keys, Instant since) {
        String pairs = placeholders(keys, i -> "(:scope" + i + ", :key" + i + ")");
        return counts(keyed(jdbc.sql(READ.formatted(pairs)), keys).param("since", dialect.timestamp(since)));
    }

    @Override
    public void clear(List<Key> keys) {
        String pairs = placeholders(keys, i -> "(:scope" + i + ", :key" + i + ")");
        keyed(jdbc.sql("DELETE FROM login_failures WHERE (scope, key) IN (" + pairs + ")"), keys)
                .update();
    }

    /** Idempotent, so every instance may run it. */
    @Override
    public void forgetOver(Instant since) {
        jdbc.sql("DELETE FROM login_failures WHERE last_failure_at <= :since")
                .param("since", dialect.timestamp(since))
                .update();
    }

    private static String placeholders(List<Key> keys, java.util.function.IntFunction<String> one) {
        return IntStream.range(0, keys.size()).mapToObj(one).collect(Collectors.joining(", "));
    }

    private JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec statement, List<Key> keys) {
        for (int i = 0; i < keys.size(); i++) {
            statement = statement
                    .param("scope" + i, keys.get(i).scope().column)
                    .param("key" + i, pseudonyms.of(keys.get(i).value()));
        }
        return statement;
    }

    private static Map<Scope, Failures> counts(JdbcClient.StatementSpec statement) {
        Map<Scope, Failures> counts = new EnumMap<>(Scope.class);
        statement
                .query((rs, n) -> Map.entry(
                        scope(rs.getString("scope")),
                        new Failures(rs.getInt("failures"), SqlDialect.requireInstant(rs, "last_failure_at"))))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private static Scope scope(String column) {
        for (Scope scope : Scope.values()) {
            if (scope.column.equals(column)) {
                return scope;
            }
        }
        throw new IllegalStateException("Unknown login failure scope " + column);
    }
}
