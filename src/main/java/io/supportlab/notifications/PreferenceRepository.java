package io.supportlab.notifications;

import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code user_preferences}. */
@Repository
class PreferenceRepository {

    /** Counts for {@code GET /api/preferences/stats/summary}. */
    record Summary(
            long total,
            long emailEnabled,
            long smsEnabled,
            Map<String, Long> byFrequency,
            Map<String, Long> byLanguage) {}

    private static final String FIND = """
            SELECT email, email_notifications, sms_notifications, notification_frequency, preferred_language,
                   created_at, updated_at
            FROM user_preferences WHERE email = :email
            """;

    private static final String UPSERT = """
            INSERT INTO user_preferences (id, email, email_notifications, sms_notifications, notification_frequency,
                                          preferred_language, created_at, updated_at)
            VALUES (:id, :email, :emailNotifications, :smsNotifications, :frequency, :language, :now, :now)
            ON CONFLICT (email) DO UPDATE SET
                email_notifications = excluded.email_notifications,
                sms_notifications = excluded.sms_notifications,
                notification_frequency = excluded.notification_frequency,
                preferred_language = excluded.preferred_language,
                updated_at = excluded.updated_at
            """;

    private static final String TOTALS = """
            SELECT COUNT(*) AS total,
                   COALESCE(SUM(CASE WHEN email_notifications THEN 1 ELSE 0 END), 0) AS email_enabled,
                   COALESCE(SUM(CASE WHEN sms_notifications THEN 1 ELSE 0 END), 0) AS sms_enabled
            FROM user_preferences
            """;

    private static final String BY_FREQUENCY =
            "SELECT notification_frequency AS k, COUNT(*) AS n FROM user_preferences GROUP BY notification_frequency";

    private static final String BY_LANGUAGE =
            "SELECT preferred_language AS k, COUNT(*) AS n FROM user_preferences GROUP BY preferred_language";

    private static final String DELETE = "DELETE FROM user_preferences WHERE email = :email";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    PreferenceRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    int delete(String email) {
        return jdbc.sql(DELETE).param("email", email).update();
    }

    Optional<Preferences> find(String email) {
        return jdbc.sql(FIND)
                .param("email", email)
                .query(PreferenceRepository::map)
                .optional();
    }

    void save(Preferences preferences, Instant now) {
        jdbc.sql(UPSERT)
                .param("id", Ids.newId())
                .param("email", preferences.email())
                .param("emailNotifications", preferences.emailNotifications())
                .param("smsNotifications", preferences.smsNotifications())
                .param("frequency", preferences.notificationFrequency().value())
                .param("language", preferences.preferredLanguage())
                .param("now", dialect.timestamp(now))
                .update();
    }

    Summary summary() {
        return jdbc.sql(TOTALS)
                .query((rs, n) -> new Summary(
                        rs.getLong("total"),
                        rs.getLong("email_enabled"),
                        rs.getLong("sms_enabled"),
                        counts(BY_FREQUENCY),
                        counts(BY_LANGUAGE)))
                .single();
    }

    private Map<String, Long> counts(String sql) {
        List<Map.Entry<String, Long>> rows = jdbc.sql(sql)
                .query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("n")))
                .list();
        return rows.stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new));
    }

    private static Preferences map(ResultSet rs, int row) throws SQLException {
        return new Preferences(
                rs.getString("email"),
                rs.getBoolean("email_notifications"),
                rs.getBoolean("sms_notifications"),
                Frequency.fromValue(rs.getString("notification_frequency")),
                rs.getString("preferred_language"),
                SqlDialect.readInstant(rs, "created_at"),
                SqlDialect.readInstant(rs, "updated_at"));
    }
}
