package io.supportlab.tickets;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tickets; history and replies are in {@link ConversationRepository}. */
@Repository
class TicketRepository {

    private static final String COLUMNS = """
            id, number, title, description, priority, status, contact_email, assignee, team_id, version,
            created_at, updated_at, first_response_at, spam""";

    private static final String NEXT_NUMBER_SQLITE = "SELECT COALESCE(MAX(number), 1000) + 1 FROM tickets";
    private static final String NEXT_NUMBER_POSTGRESQL = "SELECT nextval('ticket_number_seq')";

    private static final String INSERT = """
            INSERT INTO tickets (id, number, title, description, priority, status, contact_email, assignee,
                                 team_id, version, created_at, updated_at, spam, spam_reason)
            VALUES (:id, :number, :title, :description, :priority, :status, :contactEmail, :assignee,
                    :team, 1, :now, :now, :spam, :spamReason)
            """;

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM tickets WHERE id = :id";

    private static final String UPDATE = """
            UPDATE tickets
            SET status = :status, priority = :priority, assignee = :assignee, team_id = :team,
                first_response_at = :firstResponseAt, updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :expectedVersion
            RETURNING\s""" + COLUMNS;

    private static final String LIST_FOR_CUSTOMER = "SELECT " + COLUMNS
            + " FROM tickets WHERE contact_email = :email ORDER BY created_at DESC, id DESC LIMIT :limit";

    private static final String EXISTS_FOR_CUSTOMER = "SELECT COUNT(*) FROM tickets WHERE contact_email = :email";

    private static final String ALL_FOR_CUSTOMER =
            "SELECT " + COLUMNS + " FROM tickets WHERE contact_email = :email ORDER BY created_at, id";

    /** Keeps the row (status, priority, times count in reports) without anything that identifies the customer. */
    private static final String ANONYMISE = """
            UPDATE tickets SET contact_email = :marker, title = :redacted, description = :redacted,
                version = version + 1
            WHERE contact_email = :email
            """;

    private static final String RELEASE_FROM_SPAM =
            "UPDATE tickets SET spam = :no, version = version + 1 WHERE id = :id AND spam = :yes RETURNING " + COLUMNS;

    /** Open means neither resolved nor closed, whatever statuses come between. */
    private static final String OPEN_PER_ASSIGNEE = """
            SELECT assignee, COUNT(*) AS open FROM tickets
            WHERE assignee IN (:assignees) AND status NOT IN (:done) AND spam = :no
            GROUP BY assignee""";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    TicketRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    long nextNumber() {
        String sql = dialect == SqlDialect.POSTGRESQL ? NEXT_NUMBER_POSTGRESQL : NEXT_NUMBER_SQLITE;
        return jdbc.sql(sql).query(Long.class).single();
    }

    void insert(Ticket ticket, long number, @Nullable String spamReason) {
        jdbc.sql(INSERT)
                .param("id", ticket.id())
                .param("number", number)
                .param("title", ticket.title())
                .param("description", ticket.description())
                .param("priority", ticket.priority().value())
                .param("status", ticket.status().value())
                .param("contactEmail", ticket.contactEmail())
                .param("assignee", ticket.assignee())
                .param("team", ticket.team())
                .param("now", dialect.timestamp(ticket.createdAt()))
                .param("spam", ticket.spam())
                .param("spamReason", spamReason)
                .update();
    }

    Optional<Ticket> find(String id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(TicketRepository::map).optional();
    }

    Optional<Ticket> find(TicketKey key) {
        return jdbc.sql(findBy(key))
                .param("value", key.value())
                .query(TicketRepository::map)
                .optional();
    }

    /** Reads a ticket that the current transaction is about to change, locking it on PostgreSQL. */
    Optional<Ticket> findForUpdate(TicketKey key) {
        return jdbc.sql(findBy(key) + dialect.forUpdate())
                .param("value", key.value())
                .query(TicketRepository::map)
                .optional();
    }

    private static String findBy(TicketKey key) {
        return "SELECT " + COLUMNS + " FROM tickets WHERE " + key.column() + " = :value";
    }

    /**
     * Writes what a save changes (status, priority, assignee, first response, version and time) if
     * the ticket is still at {@code expectedVersion}.
     *
     * @return the ticket as written; empty when it was not at that version
     */
    Optional<Ticket> update(Ticket changed, int expectedVersion) {
        return jdbc.sql(UPDATE)
                .param("id", changed.id())
                .param("status", changed.status().value())
                .param("priority", changed.priority().value())
                .param("assignee", changed.assignee())
                .param("team", changed.team())
                .param("firstResponseAt", dialect.nullableTimestamp(changed.firstResponseAt()))
                .param("updatedAt", dialect.timestamp(changed.updatedAt()))
                .param("version", changed.version())
                .param("expectedVersion", expectedVersion)
                .query(TicketRepository::map)
                .optional();
    }

    List<Ticket> list(TicketFilter filter, PageRequest page) {
        TicketQuery query = TicketQuery.of(filter, page, dialect);
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets" + query.where() + NewestFirst.ORDER_AND_LIMIT)
                .params(query.params())
                .query(TicketRepository::map)
                .list();
    }

    List<Ticket> listForCustomer(String email, int limit) {
        return jdbc.sql(LIST_FOR_CUSTOMER)
                .param("email", email)
                .param("limit", limit)
                .query(TicketRepository::map)
                .list();
    }

    /** Every ticket of a customer, oldest first, spam included (for their data export). */
    List<Ticket> allForCustomer(String email) {
        return jdbc.sql(ALL_FOR_CUSTOMER)
                .param("email", email)
                .query(TicketRepository::map)
                .list();
    }

    int anonymise(String email, String marker, String redacted) {
        return jdbc.sql(ANONYMISE)
                .param("email", email)
                .param("marker", marker)
                .param("redacted", redacted)
                .update();
    }

    /** Clears the spam flag; empty when the ticket was not flagged. */
    Optional<Ticket> releaseFromSpam(String id) {
        return jdbc.sql(RELEASE_FROM_SPAM)
                .param("id", id)
                .param("no", false)
                .param("yes", true)
                .query(TicketRepository::map)
                .optional();
    }

    /** Open tickets per assignee, for those of {@code assignees} who have any. */
    Map<String, Long> openPerAssignee(Collection<String> assignees) {
        Map<String, Long> open = new HashMap<>();
        if (assignees.isEmpty()) {
            return open;
        }
        jdbc.sql(OPEN_PER_ASSIGNEE)
                .param("assignees", List.copyOf(assignees))
                .param("done", List.of(TicketStatus.RESOLVED.value(), TicketStatus.CLOSED.value()))
                .param("no", false)
                .query((ResultSet rs) -> {
                    open.put(rs.getString("assignee"), rs.getLong("open"));
                });
        return open;
    }

    /** The ids of a team's tickets, locked on PostgreSQL, oldest first. */
    List<String> idsInTeamForUpdate(String teamId) {
        return jdbc.sql("SELECT id FROM tickets WHERE team_id = :team ORDER BY created_at, id" + dialect.forUpdate())
                .param("team", teamId)
                .query(String.class)
                .list();
    }

    /** Moves every ticket of a team to another as one new version of each. */
    int moveTeam(String fromTeamId, String toTeamId, java.time.Instant at) {
        return jdbc.sql("""
                        UPDATE tickets SET team_id = :to, version = version + 1, updated_at = :at
                        WHERE team_id = :from""")
                .param("from", fromTeamId)
                .param("to", toTeamId)
                .param("at", dialect.timestamp(at))
                .update();
    }

    boolean hasTickets(String email) {
        return jdbc.sql(EXISTS_FOR_CUSTOMER)
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    static Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getString("id"),
                Ticket.reference(rs.getLong("number")),
                rs.getString("title"),
                rs.getString("description"),
                TicketPriority.fromValue(rs.getString("priority")),
                TicketStatus.fromValue(rs.getString("status")),
                rs.getString("contact_email"),
                rs.getString("assignee"),
                rs.getString("team_id"),
                rs.getInt("version"),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.requireInstant(rs, "updated_at"),
                SqlDialect.readInstant(rs, "first_response_at"),
                rs.getBoolean("spam"));
    }
}
