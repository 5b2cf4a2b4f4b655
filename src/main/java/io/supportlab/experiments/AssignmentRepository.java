package io.supportlab.experiments;

import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.MultiRowInsert;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code ab_test_assignments}: one row per (experiment, user), the first one wins. */
@Repository
class AssignmentRepository {

    private static final String FIND = """
            SELECT test_id, user_identifier, variant, hash_value, assigned_at FROM ab_test_assignments
            WHERE test_id = :testId AND user_identifier = :user
            """;

    private static final MultiRowInsert INSERT_IF_ABSENT = new MultiRowInsert(
            "INSERT INTO ab_test_assignments (id, test_id, user_identifier, variant, assigned_at, hash_value)",
            "ON CONFLICT (test_id, user_identifier) DO NOTHING",
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            SqlTypeValue.TYPE_UNKNOWN,
            Types.VARCHAR);

    private static final String FIND_MANY = """
            SELECT test_id, user_identifier, variant, hash_value, assigned_at FROM ab_test_assignments
            WHERE test_id = :testId AND user_identifier IN (:users)
            """;

    private static final String OF_USER_IN = """
            SELECT test_id, user_identifier, variant, hash_value, assigned_at FROM ab_test_assignments
            WHERE user_identifier = :user AND test_id IN (:testIds)
            """;

    /** An assignment as a customer's data export shows it. */
    record OfUser(String experiment, String userIdentifier, String variant, java.time.Instant assignedAt) {}

    private static final String OF_USER = """
            SELECT t.experiment_key, a.user_identifier, a.variant, a.assigned_at
            FROM ab_test_assignments a JOIN ab_tests t ON t.id = a.test_id
            WHERE lower(a.user_identifier) = :user ORDER BY a.assigned_at, a.id
            """;

    private static final String IDENTIFIERS_OF_USER =
            "SELECT DISTINCT user_identifier FROM ab_test_assignments WHERE lower(user_identifier) = :user";

    private static final String PSEUDONYMISE = "UPDATE ab_test_assignments SET user_identifier = :pseudonym"
            + " WHERE lower(user_identifier) = lower(:user) AND user_identifier = :user";

    private final JdbcClient jdbc;
    private final JdbcTemplate plainJdbc;
    private final SqlDialect dialect;

    AssignmentRepository(JdbcClient jdbc, JdbcTemplate plainJdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.plainJdbc = plainJdbc;
        this.dialect = dialect;
    }

    Optional<Assignment> find(String testId, String user) {
        return jdbc.sql(FIND)
                .param("testId", testId)
                .param("user", user)
                .query(AssignmentRepository::map)
                .optional();
    }

    /** The assignments of one user to any of several experiments, by experiment id, with one query. */
    Map<String, Assignment> findOfUser(String user, Collection<String> testIds) {
        if (testIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(OF_USER_IN)
                .param("user", user)
                .param("testIds", List.copyOf(testIds))
                .query(AssignmentRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Assignment::experimentId, a -> a));
    }

    /** Every assignment of a user identifier, in any letter case ({@code user} is lower case). */
    List<OfUser> ofUser(String user) {
        return jdbc.sql(OF_USER)
                .param("user", user)
                .query((rs, n) -> new OfUser(
                        rs.getString("experiment_key"),
                        rs.getString("user_identifier"),
                        rs.getString("variant"),
                        SqlDialect.requireInstant(rs, "assigned_at")))
                .list();
    }

    /** The identifiers, as stored, that equal {@code user} ignoring case. */
    List<String> identifiersOf(String user) {
        return jdbc.sql(IDENTIFIERS_OF_USER)
                .param("user", user)
                .query(String.class)
                .list();
    }

    int pseudonymise(String user, String pseudonym) {
        return jdbc.sql(PSEUDONYMISE)
                .param("user", user)
                .param("pseudonym", pseudonym)
                .update();
    }

    /** Stores each assignment unless its user already has one; element i is true when assignment i was stored. */
    boolean[] insertAllIfAbsent(List<Assignment> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Assignment assignment : batch) {
            rows.add(new Object[] {
                Ids.newId(),
                assignment.experimentId(),
                assignment.userIdentifier(),
                assignment.variant(),
                dialect.timestamp(assignment.assignedAt()),
                Double.toString(assignment.bucket())
            });
        }
        return INSERT_IF_ABSENT.insert(plainJdbc, rows);
    }

    /** New participants across all experiments since {@code since}: the traffic a new experiment can expect. */
    long assignedSince(java.time.Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM ab_test_assignments WHERE assigned_at >= :since")
                .param("since", dialect.timestamp(since))
                .query(Long.class)
                .single();
    }

    /** The assignments of several users of one experiment, by user. */
    Map<String, Assignment> findAll(String testId, Collection<String> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(FIND_MANY)
                .param("testId", testId)
                .param("users", List.copyOf(users))
                .query(AssignmentRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Assignment::userIdentifier, a -> a));
    }

    private static Assignment map(ResultSet rs, int row) throws SQLException {
        String hash = rs.getString("hash_value");
        return new Assignment(
                rs.getString("test_id"),
                rs.getString("user_identifier"),
                rs.getString("variant"),
                hash == null ? Double.NaN : parse(hash),
                SqlDialect.requireInstant(rs, "assigned_at"));
    }

    private static double parse(String hash) {
        try {
            return Double.parseDouble(hash);
        } catch (NumberFormatException e) {
            return Double.NaN; // rows of the seed's MD5 assignment
        }
    }
}
