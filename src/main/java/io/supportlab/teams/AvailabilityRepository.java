package io.supportlab.teams;

import io.supportlab.platform.persistence.SqlDialect;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for who is away; a staff member without a row is available. */
@Repository
class AvailabilityRepository {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    AvailabilityRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The user ids of staff who are away. */
    Set<String> away() {
        return new HashSet<>(jdbc.sql("SELECT user_id FROM staff_availability WHERE available = :no")
                .param("no", false)
                .query(String.class)
                .list());
    }

    boolean isAvailable(String userId) {
        return jdbc.sql("SELECT available FROM staff_availability WHERE user_id = :id")
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void set(String userId, boolean available, Instant at) {
        jdbc.sql("""
                        INSERT INTO staff_availability (user_id, available, changed_at) VALUES (:id, :available, :at)
                        ON CONFLICT (user_id) DO UPDATE SET available = excluded.available, changed_at = excluded.changed_at
                        """)
                .param("id", userId)
                .param("available", available)
                .param("at", dialect.timestamp(at))
                .update();
    }
}
