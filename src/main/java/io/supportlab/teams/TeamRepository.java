package io.supportlab.teams;

import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for teams and their members. */
@Repository
class TeamRepository {

    /**
     * A team's row.
     *
     * @param lastAssignedUserId the member who got the last automatic assignment
     */
    record Row(
            String id,
            String name,
            @Nullable String description,
            AssignmentMode assignment,
            boolean isDefault,
            @Nullable String lastAssignedUserId,
            Instant createdAt,
            Instant updatedAt) {}

    private static final String COLUMNS =
            "id, name, description, assignment, is_default, last_assigned_user_id, created_at, updated_at";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    TeamRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams ORDER BY lower(name), id")
                .query(TeamRepository::map)
                .list();
    }

    Optional<Row> find(String id) {
        return byId(id, "");
    }

    /**
     * The team named {@code name} in any case. Compared here rather than in SQL: SQLite's {@code
     * lower()} folds ASCII letters only, PostgreSQL's all of them, and there are few teams.
     */
    Optional<Row> findByName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return list().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /**
     * Reads a team a ticket is about to be written into. On PostgreSQL the row is locked against
     * deletion only ({@code FOR KEY SHARE}): tickets of one team are still written side by side,
     * and a team being deleted is either gone or waits until the ticket is in it (and then moves).
     */
    Optional<Row> findForTicket(String id) {
        return byId(id, dialect == SqlDialect.POSTGRESQL ? " FOR KEY SHARE" : "");
    }

    /** The default team, read as {@link #findForTicket}. */
    Optional<Row> findDefaultForTicket() {
        String lock = dialect == SqlDialect.POSTGRESQL ? " FOR KEY SHARE" : "";
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams WHERE is_default = :yes" + lock)
                .param("yes", true)
                .query(TeamRepository::map)
                .optional();
    }

    /**
     * Reads a team whose round-robin position is about to move. On PostgreSQL the row is locked
     * ({@code FOR NO KEY UPDATE}, which still lets other tickets be written into the team), so
     * concurrent assignments in one team take their turns one after the other, each seeing the
     * position the previous one committed.
     */
    Optional<Row> findForAssignment(String id) {
        return byId(id, dialect == SqlDialect.POSTGRESQL ? " FOR NO KEY UPDATE" : "");
    }

    /** Reads a team about to be changed or deleted, locking it on PostgreSQL. */
    Optional<Row> findForUpdate(String id) {
        return byId(id, dialect.forUpdate());
    }

    private Optional<Row> byId(String id, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams WHERE id = :id" + lock)
                .param("id", id)
                .query(TeamRepository::map)
                .optional();
    }

    void insert(Row team) {
        jdbc.sql("""
                        INSERT INTO teams (id, name, description, assignment, is_default, created_at, updated_at)
                        VALUES (:id, :name, :description, :assignment, :isDefault, :createdAt, :createdAt)
                        """)
                .param("id", team.id())
                .param("name", team.name())
                .param("description", team.description())
                .param("assignment", team.assignment().value())
                .param("isDefault", false)
                .param("createdAt", dialect.timestamp(team.createdAt()))
                .update();
    }

    void update(Row team) {
        jdbc.sql("""
                        UPDATE teams SET name = :name, description = :description, assignment = :assignment,
                            updated_at = :updatedAt
                        WHERE id = :id
                        """)
                .param("id", team.id())
                .param("name", team.name())
                .param("description", team.description())
                .param("assignment", team.assignment().value())
                .param("updatedAt", dialect.timestamp(team.updatedAt()))
                .update();
    }

    /**
     * Makes a team the default. Two statements: the unique index allows one default, and
     * PostgreSQL checks it row by row, so the old default is cleared first.
     */
    void makeDefault(String id, Instant at) {
        jdbc.sql("UPDATE teams SET is_default = :no, updated_at = :at WHERE is_default = :yes AND id <> :id")
                .param("no", false)
                .param("yes", true)
                .param("id", id)
                .param("at", dialect.timestamp(at))
                .update();
        jdbc.sql("UPDATE teams SET is_default = :yes, updated_at = :at WHERE id = :id")
                .param("yes", true)
                .param("id", id)
                .param("at", dialect.timestamp(at))
                .update();
    }

    void setLastAssigned(String id, String userId) {
        jdbc.sql("UPDATE teams SET last_assigned_user_id = :userId WHERE id = :id")
                .param("id", id)
                .param("userId", userId)
                .update();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM team_members WHERE team_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM teams WHERE id = :id").param("id", id).update();
    }

    /** Member user ids by team id, in the order they were added. */
    Map<String, List<String>> members() {
        Map<String, List<String>> byTeam = new LinkedHashMap<>();
        jdbc.sql("SELECT team_id, user_id FROM team_members ORDER BY added_at, user_id")
                .query((ResultSet rs) -> {
                    byTeam.computeIfAbsent(rs.getString("team_id"), t -> new ArrayList<>())
                            .add(rs.getString("user_id"));
                });
        return byTeam;
    }

    List<String> members(String teamId) {
        return jdbc.sql("SELECT user_id FROM team_members WHERE team_id = :id ORDER BY added_at, user_id")
                .param("id", teamId)
                .query(String.class)
                .list();
    }

    /** Replaces a team's members; those who stay keep when they were added. */
    void replaceMembers(String teamId, List<String> userIds, Instant at) {
        List<String> present = members(teamId);
        for (String gone : present) {
            if (!userIds.contains(gone)) {
                jdbc.sql("DELETE FROM team_members WHERE team_id = :team AND user_id = :user")
                        .param("team", teamId)
                        .param("user", gone)
                        .update();
            }
        }
        for (String added : userIds) {
            if (!present.contains(added)) {
                jdbc.sql("INSERT INTO team_members (team_id, user_id, added_at) VALUES (:team, :user, :at)")
                        .param("team", teamId)
                        .param("user", added)
                        .param("at", dialect.timestamp(at))
                        .update();
            }
        }
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                AssignmentMode.fromValue(rs.getString("assignment")),
                rs.getBoolean("is_default"),
                rs.getString("last_assigned_user_id"),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.requireInstant(rs, "updated_at"));
    }
}
