package io.supportlab.experiments;

import io.supportlab.platform.persistence.MultiRowInsert;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL for {@code ab_test_events}: append-only; a repeated client event id is not stored twice. */
@Repository
class EventRepository {

    /**
     * What a stored event takes beyond its text fields, roughly: the row's two UUIDs, value and
     * timestamp, and its entries in the table's indexes (which repeat the ids, the name and the user).
     */
    static final int ROW_OVERHEAD_BYTES = 200;

    /** An event ready to store. */
    record NewEvent(
            String id,
            String testId,
            String userIdentifier,
            String eventName,
            @Nullable Double eventValue,
            @Nullable String eventData,
            @Nullable String eventId,
            Instant createdAt) {

        /** About what storing the event adds to the database, in bytes: what abuse limits count. */
        long storedBytes() {
            return ROW_OVERHEAD_BYTES
                    + utf8Length(userIdentifier)
                    + utf8Length(eventName)
                    + utf8Length(eventData)
                    + utf8Length(eventId);
        }

        private static long utf8Length(@Nullable String text) {
            if (text == null) {
                return 0;
            }
            long bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                // A surrogate pair is 4 bytes: 2 for each half.
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            return bytes;
        }
    }

    private static final MultiRowInsert INSERT = new MultiRowInsert(
            "INSERT INTO ab_test_events"
                    + " (id, test_id, user_identifier, event_name, event_value, event_data, event_id, created_at)",
            "ON CONFLICT (test_id, event_id) DO NOTHING",
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.DOUBLE,
            Types.VARCHAR,
            Types.VARCHAR,
            SqlTypeValue.TYPE_UNKNOWN);

    /** An event as a customer's data export shows it. */
    record OfUser(
            String experiment,
            String userIdentifier,
            String eventName,
            @Nullable Double eventValue,
            @Nullable String eventData,
            @Nullable String eventId,
            Instant createdAt) {}

    private static final String OF_USER = """
            SELECT t.experiment_key, e.user_identifier, e.event_name, e.event_value, e.event_data, e.event_id,
                   e.created_at
            FROM ab_test_events e JOIN ab_tests t ON t.id = e.test_id
            WHERE lower(e.user_identifier) = :user ORDER BY e.created_at, e.id
            """;

    /** The metadata may hold anything the page sent about the person, so it goes; name, value, time stay. */
    private static final String PSEUDONYMISE =
            "UPDATE ab_test_events SET user_identifier = :pseudonym, event_data = NULL"
                    + " WHERE lower(user_identifier) = lower(:user) AND user_identifier = :user";

    /** Some events of one experiment: a bounded delete, so no single statement holds the write lock long. */
    private static final String DELETE_SOME_OF_EXPERIMENT = """
            DELETE FROM ab_test_events WHERE id IN (SELECT id FROM ab_test_events WHERE test_id = :testId LIMIT :max)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcTemplate plainJdbc;
    private final SqlDialect dialect;

    EventRepository(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.plainJdbc = jdbc.getJdbcTemplate();
        this.dialect = dialect;
    }

    /** Stores events with one statement; element i is false where event i repeated a stored event id. */
    boolean[] insert(List<NewEvent> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            rows.add(new Object[] {
                e.id(),
                e.testId(),
                e.userIdentifier(),
                e.eventName(),
                e.eventValue(),
                e.eventData(),
                e.eventId(),
                dialect.timestamp(e.createdAt())
            });
        }
        return INSERT.insert(plainJdbc, rows);
    }

    List<OfUser> ofUser(String user) {
        return jdbc.query(
                OF_USER,
                new MapSqlParameterSource("user", user),
                (rs, n) -> new OfUser(
                        rs.getString("experiment_key"),
                        rs.getString("user_identifier"),
                        rs.getString("event_name"),
                        rs.getObject("event_value") == null ? null : rs.getDouble("event_value"),
                        rs.getString("event_data"),
                        rs.getString("event_id"),
                        SqlDialect.requireInstant(rs, "created_at")));
    }

    /** Deletes up to {@code max} events of an experiment; how many it deleted. */
    int deleteSomeOf(String testId, int max) {
        return jdbc.update(
                DELETE_SOME_OF_EXPERIMENT,
                new MapSqlParameterSource().addValue("testId", testId).addValue("max", max));
    }

    /** Also covers identifiers that have events without an assignment (rejected events are not stored). */
    int pseudonymise(String user, String pseudonym) {
        return jdbc.update(
                PSEUDONYMISE, new MapSqlParameterSource().addValue("user", user).addValue("pseudonym", pseudonym));
    }
}
