package io.supportlab.experiments;

import io.supportlab.platform.persistence.SqlDialect;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregates behind results, computed by the database: per variant, participants, converters
 * (users with at least one target event at or after their assignment and before the end), and the
 * sum and sum of squares of each user's event values. The statistics module turns these into
 * results; the cost of analysis stays in the database engine.
 *
 * <p>A calculation is stored whole as one row of {@code ab_test_analyses}, the seed's rows included.
 * The seed's {@code ab_test_results} table is no longer written: nothing read it, and a second copy
 * had to be kept in step with the first. Rows written by earlier versions stay in it, unread.
 */
@Repository
class ResultsRepository {

    /**
     * Sufficient statistics of one variant for one metric.
     *
     * @param negative whether any event value of the metric is below 0
     */
    record VariantTotals(
            String variant,
            long participants,
            long converters,
            double valueSum,
            double valueSumOfSquares,
            boolean valued,
            boolean negative) {}

    /** New participants of one variant on one UTC day. */
    record DailyCount(String variant, String day, long count) {}

    /** Converters of one variant whose first attributable event fell on one UTC day, with their values. */
    record DailyConverters(
            String variant,
            String day,
            long converters,
            double valueSum,
            double valueSumOfSquares,
            boolean valued,
            boolean negative) {}

    /**
     * Per variant and UTC day of their first attributable event: the converters, and the sum and sum
     * of squares of their attributable value. Summed over the days these are the variant's totals,
     * so one pass over the events serves both the statistics and the timeline (each pass joins every
     * event of the metric to its user's assignment: most of a calculation's time).
     */
    private static final String DAILY_CONVERTERS = """
            SELECT variant, %s AS day, COUNT(*) AS converters, SUM(total) AS value_sum,
                   SUM(total * total) AS value_sum_squares, MAX(valued) AS valued, MAX(negative) AS negative
            FROM (
                SELECT x.variant AS variant, MIN(e.created_at) AS first_at, SUM(COALESCE(e.event_value, 1)) AS total,
                       MAX(CASE WHEN e.event_value IS NOT NULL AND e.event_value <> 1 THEN 1 ELSE 0 END) AS valued,
                       MAX(CASE WHEN e.event_value < 0 THEN 1 ELSE 0 END) AS negative
                FROM ab_test_events e
                JOIN ab_test_assignments x ON x.test_id = e.test_id AND x.user_identifier = e.user_identifier
                WHERE e.test_id = :testId AND e.event_name = :metric
                  AND e.created_at >= x.assigned_at AND e.created_at <= :until
                GROUP BY x.variant, e.user_identifier) per_user
            GROUP BY variant, %1$s ORDER BY 2
            """;

    private static final String DAILY_PARTICIPANTS = """
            SELECT variant, %s AS day, COUNT(*) AS n FROM ab_test_assignments
            WHERE test_id = :testId GROUP BY variant, %1$s ORDER BY 2
            """;

    /** A calculation that finished after a later one started does not overwrite it. */
    private static final String UPSERT_ANALYSIS = """
            INSERT INTO ab_test_analyses (test_id, calculated_at, payload) VALUES (:testId, :calculatedAt, :payload)
            ON CONFLICT (test_id) DO UPDATE SET calculated_at = excluded.calculated_at, payload = excluded.payload
            WHERE ab_test_analyses.calculated_at <= excluded.calculated_at
            """;

    private static final String ANALYSIS = "SELECT payload FROM ab_test_analyses WHERE test_id = :testId";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ResultsRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * The totals of each variant with participants, from the daily counts of one metric. The counts
     * are read outside a transaction, converters first: assignments are only added, so a variant never
     * has more converters than participants, except when a participant's data is erased between the
     * two reads; converters are capped at participants for that moment.
     */
    static List<VariantTotals> totals(List<DailyCount> participants, List<DailyConverters> converters) {
        Map<String, Long> people = new LinkedHashMap<>();
        participants.forEach(day -> people.merge(day.variant(), day.count(), Long::sum));
        Map<String, List<DailyConverters>> convertersOf =
                converters.stream().collect(Collectors.groupingBy(DailyConverters::variant));
        return people.entrySet().stream()
                .map(variant -> {
                    List<DailyConverters> days = convertersOf.getOrDefault(variant.getKey(), List.of());
                    return new VariantTotals(
                            variant.getKey(),
                            variant.getValue(),
                            Math.min(
                                    variant.getValue(),
                                    days.stream()
                                            .mapToLong(DailyConverters::converters)
                                            .sum()),
                            days.stream().mapToDouble(DailyConverters::valueSum).sum(),
                            days.stream()
                                    .mapToDouble(DailyConverters::valueSumOfSquares)
                                    .sum(),
                            days.stream().anyMatch(DailyConverters::valued),
                            days.stream().anyMatch(DailyConverters::negative));
                })
                .toList();
    }

    List<DailyCount> dailyParticipants(String testId) {
        String day = dialect.utcDate("assigned_at");
        return jdbc.sql(DAILY_PARTICIPANTS.formatted(day))
                .param("testId", testId)
                .query((rs, n) -> new DailyCount(rs.getString("variant"), rs.getString("day"), rs.getLong("n")))
                .list();
    }

    List<DailyConverters> dailyConverters(String testId, String metric, Instant until) {
        String day = dialect.utcDate("first_at");
        return jdbc.sql(DAILY_CONVERTERS.formatted(day))
                .param("testId", testId)
                .param("metric", metric)
                .param("until", dialect.timestamp(until))
                .query((rs, n) -> new DailyConverters(
                        rs.getString("variant"),
                        rs.getString("day"),
                        rs.getLong("converters"),
                        rs.getDouble("value_sum"),
                        rs.getDouble("value_sum_squares"),
                        rs.getInt("valued") == 1,
                        rs.getInt("negative") == 1))
                .list();
    }

    /** Stores the analysis unless a later one is stored already; whether it was stored. */
    boolean saveAnalysis(String testId, Instant calculatedAt, String payload) {
        return jdbc.sql(UPSERT_ANALYSIS)
                        .param("testId", testId)
                        .param("calculatedAt", dialect.timestamp(calculatedAt))
                        .param("payload", payload)
                        .update()
                == 1;
    }

    Optional<String> analysis(String testId) {
        return jdbc.sql(ANALYSIS).param("testId", testId).query(String.class).optional();
    }
}
