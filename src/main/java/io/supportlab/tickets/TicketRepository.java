package io.supportlab.tickets;

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

/**
 * SQL for tickets and their tags; history and replies are in {@link ConversationRepository}. A
 * ticket read here comes with its tags in the same statement ({@link #TAGS}).
 */
@Repository
class TicketRepository {

    private static final String COLUMNS = """
            id, number, title, description, priority, status, contact_email, assignee, team_id, version,
            created_at, updated_at, first_response_at, spam""";

    /**
     * The ticket's tags, separated by spaces (no tag holds one), as a column of the row read: one
     * statement per read. Both databases have {@code string_agg} (SQLite since 3.44).
     */
    private static final String TAGS =
            "(SELECT string_agg(tag, ' ') FROM ticket_tags WHERE ticket_tags.ticket_id = tickets.id) AS tags";

    private static final String WITH_TAGS = COLUMNS + ", " + TAGS;

    private static final String NEXT_NUMBER_SQLITE = "SELECT COALESCE(MAX(number), 1000) + 1 FROM tickets";
    private static final String NEXT_NUMBER_POSTGRESQL = "SELECT nextval('ticket_number_seq')";

    private static final String INSERT = """
            INSERT INTO tickets (id, number, title, description, priority, status, contact_email, assignee,
                                 team_id, version, created_at, updated_at, spam, spam_reason)
            VALUES (:id, :number, :title, :description, :priority, :status, :contactEmail, :assignee,
                    :team, 1, :now, :now, :spam, :spamReason)
            """;

    private static final String FIND_BY_ID = "SELECT " + WITH_TAGS + " FROM tickets WHERE id = :id";

    private static final String UPDATE = """
            UPDATE tickets
            SET status = :status, priority = :priority, assignee = :assignee, team_id = :team,
                first_response_at = :firstResponseAt, updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :expectedVersion
            RETURNING\s""" + COLUMNS;

    private static final String LIST_FOR_CUSTOMER = "SELECT " + WITH_TAGS
            + " FROM tickets WHERE contact_email = :email ORDER BY created_at DESC, id DESC LIMIT :limit";

    private static final String EXISTS_FOR_CUSTOMER = "SELECT COUNT(*) FROM tickets WHERE contact_email = :email";

    private static final String ALL_FOR_CUSTOMER =
            "SELECT " + WITH_TAGS + " FROM tickets WHERE contact_email = :email ORDER BY created_at, id";

    /**
     * A page of the list: the page's rows first, then their tags, so that the tags are read for the
     * page only, never for every row a filter passes or a sort sees.
     */
    private static final String LIST_PAGE = """
            SELECT tickets.*, %s FROM (SELECT %s%s%s%s) tickets ORDER BY created_at DESC, id DESC""";

    private static final String DELETE_TAGS = "DELETE FROM ticket_tags WHERE ticket_id = :id AND tag IN (:tags)";

    /** Every tag starting with a prefix ({@code tag >= :from AND tag < :to}, a range of its index), most used first. */
    private static final String TAG_COUNTS = """
            SELECT tag, COUNT(*) AS ticket_count FROM ticket_tags%s
            GROUP BY tag ORDER BY ticket_count DESC, tag LIMIT :limit""";

    /** The tags of an erased customer's tickets: staff may have written the customer's name into one. */
    private static final String DELETE_CUSTOMER_TAGS = """
            DELETE FROM ticket_tags WHERE ticket_id IN (SELECT id FROM tickets WHERE contact_email = :email)""";

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

    /** Stores a new ticket with its tags. */
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
        addTags(ticket, ticket.tags());
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
        return "SELECT " + WITH_TAGS + " FROM tickets WHERE " + key.column() + " = :value";
    }

    /**
     * Writes what a save changes (status, priority, assignee, first response, version and time) if
     * the ticket is still at {@code expectedVersion}. The tags are written by {@link #retag}.
     *
     * @return the ticket as written, with the tags of {@code changed}; empty when it was not at that
     *     version
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
                .query((rs, row) -> map(rs, changed.tags()))
                .optional();
    }

    /** Replaces the tags {@code before} of a ticket with {@code after}: deletes the removed ones, adds the new ones. */
    void retag(Ticket ticket, List<String> before, List<String> after) {
        List<String> removed =
                before.stream().filter(tag -> !after.contains(tag)).toList();
        if (!removed.isEmpty()) {
            jdbc.sql(DELETE_TAGS)
                    .param("id", ticket.id())
                    .param("tags", removed)
                    .update();
        }
        addTags(ticket, after.stream().filter(tag -> !before.contains(tag)).toList());
    }

    /**
     * One statement for all of them (at most {@value TicketTags#MAX_PER_TICKET}), each with the
     * ticket's creation time for the index that lists a tag's tickets newest first.
     */
    private void addTags(Ticket ticket, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ticket_tags (ticket_id, tag, ticket_created_at) VALUES ");
        Map<String, Object> params = new HashMap<>();
        params.put("id", ticket.id());
        params.put("createdAt", dialect.timestamp(ticket.createdAt()));
        for (int i = 0; i < tags.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id, :tag").append(i).append(", :createdAt)");
            params.put("tag" + i, tags.get(i));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    List<Ticket> list(TicketFilter filter, PageRequest page) {
        TicketQuery query = TicketQuery.of(filter, page, dialect);
        return jdbc.sql(LIST_PAGE.formatted(TAGS, COLUMNS, query.from(), query.where(), query.orderAndLimit()))
                .params(query.params())
                .query(TicketRepository::map)
                .list();
    }

    /**
     * The tags that start with {@code prefix} and on how many tickets each is, most used first.
     *
     * @param prefix a normalised tag prefix; blank for all tags
     */
    List<TagCount> tagCounts(String prefix, int limit) {
        var statement = jdbc.sql(TAG_COUNTS.formatted(prefix.isEmpty() ? "" : " WHERE tag >= :from AND tag < :to"))
                .param("limit", limit);
        if (!prefix.isEmpty()) {
            statement = statement.param("from", prefix).param("to", TicketTags.after(prefix));
        }
        return statement
                .query((rs, row) -> new TagCount(rs.getString("tag"), rs.getLong("ticket_count")))
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

    /** Deletes the tags of a customer's tickets (before they are anonymised, which replaces the address). */
    int deleteTags(String email) {
        return jdbc.sql(DELETE_CUSTOMER_TAGS).param("email", email).update();
    }

    int anonymise(String email, String marker, String redacted) {
        return jdbc.sql(ANONYMISE)
                .param("email", email)
                .param("marker", marker)
                .param("redacted", redacted)
                .update();
    }

    /** Clears the spam flag; empty when the ticket was not flagged. */
    Optional<Ticket> releaseFromSpam(Ticket ticket) {
        return jdbc.sql(RELEASE_FROM_SPAM)
                .param("id", ticket.id())
                .param("no", false)
                .param("yes", true)
                .query((rs, row) -> map(rs, ticket.tags()))
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

    /** A ticket read with its {@link #TAGS} column. */
    static Ticket map(ResultSet rs, int row) throws SQLException {
        return map(rs, TicketTags.stored(rs.getString("tags")).values());
    }

    private static Ticket map(ResultSet rs, List<String> tags) throws SQLException {
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
                rs.getBoolean("spam"),
                tags);
    }
}
