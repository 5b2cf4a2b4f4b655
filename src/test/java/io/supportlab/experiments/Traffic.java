package io.supportlab.experiments;

import io.supportlab.platform.persistence.SqlDialect;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of participants and conversions written straight into the tables, for tests of the
 * statistics that need realistic counts (the API would take a request per user).
 */
final class Traffic {

    private static final String PARTICIPANTS = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
            INSERT INTO ab_test_assignments (id, test_id, user_identifier, variant, assigned_at)
            SELECT :prefix || i, :testId, :prefix || i, :variant, :at FROM n
            """;

    private static final String CONVERSIONS = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
            INSERT INTO ab_test_events (id, test_id, user_identifier, event_name, event_value, created_at)
            SELECT :metric || '-' || :prefix || i, :testId, :prefix || i, :metric, :value, :at FROM n
            """;

    private Traffic() {}

    /**
     * {@code participants} users in {@code variant} assigned {@code daysAgo} days back, the first {@code
     * converters} of them converting once (users of one call share the prefix {@code
     * <testId>-<variant>-<metric>-<daysAgo>-}).
     */
    static void add(
            JdbcClient jdbc,
            SqlDialect dialect,
            String testId,
            String variant,
            int participants,
            String metric,
            int converters,
            double value,
            int daysAgo) {
        Instant assigned = Instant.now().minus(daysAgo, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS);
        String prefix = testId + "-" + variant + "-" + metric + "-" + daysAgo + "-";
        jdbc.sql(PARTICIPANTS)
                .param("count", participants)
                .param("prefix", prefix)
                .param("testId", testId)
                .param("variant", variant)
                .param("at", dialect.timestamp(assigned))
                .update();
        if (converters > 0) {
            conversions(
                    jdbc, dialect, testId, prefix, metric, converters, value, assigned.plus(30, ChronoUnit.MINUTES));
        }
    }

    /** The first {@code converters} users of that prefix ({@code <testId>-<variant>-<metric>-0-}) convert on {@code metric} as well. */
    static void conversions(
            JdbcClient jdbc,
            SqlDialect dialect,
            String testId,
            String prefix,
            String metric,
            int converters,
            double value) {
        conversions(
                jdbc,
                dialect,
                testId,
                prefix,
                metric,
                converters,
                value,
                Instant.now().minus(30, ChronoUnit.MINUTES));
    }

    private static void conversions(
            JdbcClient jdbc,
            SqlDialect dialect,
            String testId,
            String prefix,
            String metric,
            int converters,
            double value,
            Instant at) {
        jdbc.sql(CONVERSIONS)
                .param("count", converters)
                .param("prefix", prefix)
                .param("testId", testId)
                .param("metric", metric)
                .param("value", value)
                .param("at", dialect.timestamp(at))
                .update();
    }
}
