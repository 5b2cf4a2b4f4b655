package io.supportlab.tickets;

import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a ticket's status history and field changes (both append-only) and its replies. */
@Repository
class ConversationRepository {

    private static final String INSERT_CHANGE = """
            INSERT INTO ticket_status_history (id, ticket_id, old_status, new_status, changed_by, notes, changed_at)
            VALUES (:id, :ticketId, :oldStatus, :newStatus, :changedBy, :notes, :changedAt)
            """;

    private static final String HISTORY = """
            SELECT id, ticket_id, old_status, new_status, changed_by, notes, changed_at
            FROM ticket_status_history WHERE ticket_id = :ticketId ORDER BY changed_at, id
            """;

    private static final String INSERT_FIELD_CHANGE = """
            INSERT INTO ticket_changes (id, ticket_id, field, old_value, new_value, changed_by, changed_at)
            VALUES (:id, :ticketId, :field, :oldValue, :newValue, :changedBy, :changedAt)
            """;

    private static final String FIELD_CHANGES = """
            SELECT id, ticket_id, field, old_value, new_value, changed_by, changed_at
            FROM ticket_changes WHERE ticket_id = :ticketId ORDER BY changed_at, id
            """;

    private static final String INSERT_REPLY = """
            INSERT INTO ticket_replies (id, ticket_id, author_type, author, body, visibility, created_at)
            VALUES (:id, :ticketId, :authorType, :author, :body, :visibility, :createdAt)
            """;

    private static final String REPLIES = """
            SELECT id, ticket_id, author_type, author, body, visibility, created_at
            FROM ticket_replies WHERE ticket_id = :ticketId ORDER BY created_at, id
            """;

    private static final String PUBLIC_REPLIES = """
            SELECT id, ticket_id, author_type, author, body, visibility, created_at
            FROM ticket_replies WHERE ticket_id = :ticketId AND visibility = 'public' ORDER BY created_at, id
            """;

    private static final String REDACT_REPLIES = """
            UPDATE ticket_replies SET body = :redacted,
                author = CASE WHEN author_type = 'customer' THEN :marker ELSE author END
            WHERE ticket_id IN (SELECT id FROM tickets WHERE contact_email = :marker)
            """;

    private static final String REDACT_HISTORY = """
            UPDATE ticket_status_history SET notes = NULL,
                changed_by = CASE WHEN changed_by = :email THEN :marker ELSE changed_by END
            WHERE ticket_id IN (SELECT id FROM tickets WHERE contact_email = :marker)
            """;

    private static final String REDACT_NOTES = """
            UPDATE ticket_changes SET new_value = NULL
            WHERE field = 'note' AND ticket_id IN (SELECT id FROM tickets WHERE contact_email = :marker)
            """;

    /** Tags are words staff chose, which may name the customer: their history goes with them. */
    private static final String REDACT_TAG_CHANGES = """
            UPDATE ticket_changes SET old_value = NULL, new_value = NULL
            WHERE field = 'tags' AND ticket_id IN (SELECT id FROM tickets WHERE contact_email = :marker)
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ConversationRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(StatusChange change) {
        jdbc.sql(INSERT_CHANGE)
                .param("id", change.id())
                .param("ticketId", change.ticketId())
                .param(
                        "oldStatus",
                        change.oldStatus() == null ? null : change.oldStatus().value())
                .param("newStatus", change.newStatus().value())
                .param("changedBy", change.changedBy())
                .param("notes", change.notes())
                .param("changedAt", dialect.timestamp(change.changedAt()))
                .update();
    }

    List<StatusChange> history(String ticketId) {
        return jdbc.sql(HISTORY)
                .param("ticketId", ticketId)
                .query(ConversationRepository::mapChange)
                .list();
    }

    void insert(FieldChange change) {
        jdbc.sql(INSERT_FIELD_CHANGE)
                .param("id", change.id())
                .param("ticketId", change.ticketId())
                .param("field", change.field().value())
                .param("oldValue", change.oldValue())
                .param("newValue", change.newValue())
                .param("changedBy", change.changedBy())
                .param("changedAt", dialect.timestamp(change.changedAt()))
                .update();
    }

    List<FieldChange> fieldChanges(String ticketId) {
        return jdbc.sql(FIELD_CHANGES)
                .param("ticketId", ticketId)
                .query(ConversationRepository::mapFieldChange)
                .list();
    }

    void insert(Reply reply) {
        jdbc.sql(INSERT_REPLY)
                .param("id", reply.id())
                .param("ticketId", reply.ticketId())
                .param("authorType", reply.authorType().value())
                .param("author", reply.author())
                .param("body", reply.body())
                .param("visibility", reply.visibility().value())
                .param("createdAt", dialect.timestamp(reply.createdAt()))
                .update();
    }

    List<Reply> replies(String ticketId, boolean includeInternal) {
        return jdbc.sql(includeInternal ? REPLIES : PUBLIC_REPLIES)
                .param("ticketId", ticketId)
                .query(ConversationRepository::mapReply)
                .list();
    }

    /** Redacts every reply of the tickets now carrying {@code marker}; staff keep their name on theirs. */
    int redactReplies(String marker, String redacted) {
        return jdbc.sql(REDACT_REPLIES)
                .param("marker", marker)
                .param("redacted", redacted)
                .update();
    }

    /**
     * Drops the notes (they may quote the customer), the tags (they may name them) and the
     * customer's address from the history.
     */
    int redactHistory(String email, String marker) {
        return jdbc.sql(REDACT_HISTORY)
                        .param("email", email)
                        .param("marker", marker)
                        .update()
                + jdbc.sql(REDACT_NOTES).param("marker", marker).update()
                + jdbc.sql(REDACT_TAG_CHANGES).param("marker", marker).update();
    }

    private static StatusChange mapChange(ResultSet rs, int row) throws SQLException {
        String old = rs.getString("old_status");
        return new StatusChange(
                rs.getString("id"),
                rs.getString("ticket_id"),
                old == null ? null : TicketStatus.fromValue(old),
                TicketStatus.fromValue(rs.getString("new_status")),
                rs.getString("changed_by"),
                rs.getString("notes"),
                SqlDialect.requireInstant(rs, "changed_at"));
    }

    private static FieldChange mapFieldChange(ResultSet rs, int row) throws SQLException {
        return new FieldChange(
                rs.getString("id"),
                rs.getString("ticket_id"),
                FieldChange.Field.fromValue(rs.getString("field")),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getString("changed_by"),
                SqlDialect.requireInstant(rs, "changed_at"));
    }

    private static Reply mapReply(ResultSet rs, int row) throws SQLException {
        return new Reply(
                rs.getString("id"),
                rs.getString("ticket_id"),
                Reply.AuthorType.valueOf(rs.getString("author_type").toUpperCase(Locale.ROOT)),
                rs.getString("author"),
                rs.getString("body"),
                Reply.Visibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)),
                SqlDialect.requireInstant(rs, "created_at"));
    }
}
