package io.supportlab.notifications;

import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the outbox. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = """
            id, ticket_id, recipient_email, notification_type, subject, content, html_content, status, attempts,
            last_error, next_attempt_at, sent_at, created_at, message_id, thread_id, digest_id, parameters""";

    private static final String INSERT = """
            INSERT INTO notifications (id, ticket_id, recipient_email, notification_type, subject, content,
                html_content, status, attempts, last_error, next_attempt_at, created_at, message_id, thread_id,
                parameters)
            VALUES (:id, :ticketId, :recipient, :type, :subject, :content, :html, :status, 0, :lastError,
                :nextAttemptAt, :createdAt, :messageId, :threadId, :parameters)
            """;

    /** Rows whose stored copy is still to be rendered (failed ones wait for a retry). */
    private static final String UNRENDERED = "SELECT " + COLUMNS + """
             FROM notifications
            WHERE rendered_at IS NULL AND status IN ('pending', 'held', 'skipped')
            ORDER BY created_at, id LIMIT :limit
            """;

    private static final String MARK_RENDERED = """
            UPDATE notifications SET subject = :subject, content = :content, html_content = :html,
                rendered_at = :now
            WHERE id = :id AND rendered_at IS NULL
            """;

    private static final String MARK_UNRENDERABLE = """
            UPDATE notifications SET status = 'failed', last_error = :error, next_attempt_at = NULL,
                claimed_until = NULL
            WHERE id = :id AND rendered_at IS NULL
            """;

    private static final String MARK_SKIPPED = """
            UPDATE notifications SET status = 'skipped', last_error = :reason, next_attempt_at = NULL,
                claimed_until = NULL
            WHERE id = :id AND claimed_until = :held
            """;

    private static final String FOR_TICKET =
            "SELECT " + COLUMNS + " FROM notifications WHERE ticket_id = :ticketId ORDER BY created_at, id";

    private static final String FIND = "SELECT " + COLUMNS + " FROM notifications WHERE id = :id";

    /** Takes a lease on due rows; an instance that dies mid-send lets the lease lapse and another retries. */
    private static final String CLAIM = """
            UPDATE notifications SET claimed_until = :leaseUntil
            WHERE id IN (SELECT id FROM notifications
                         WHERE status = 'pending' AND next_attempt_at <= :now AND rendered_at IS NOT NULL
                           AND (claimed_until IS NULL OR claimed_until < :now)
                         ORDER BY next_attempt_at LIMIT :limit%s)
            RETURNING %s
            """;

    private static final String MARK_SENT = """
            UPDATE notifications SET status = 'sent', sent_at = :now, attempts = attempts + 1, last_error = NULL,
                claimed_until = NULL, next_attempt_at = NULL
            WHERE id = :id AND claimed_until = :held
            """;

    /**
     * Extends this instance's claim on one row before it is sent, if the claim is still this
     * instance's: the claim is the lease's end this instance wrote, and a row whose lease lapsed
     * and was claimed again carries the other instance's.
     */
    private static final String RENEW_CLAIM = """
            UPDATE notifications SET claimed_until = :leaseUntil
            WHERE id = :id AND status = 'pending' AND claimed_until = :held
            """;

    private static final String MARK_RETRY = """
            UPDATE notifications SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                claimed_until = NULL
            WHERE id = :id AND claimed_until = :held
            """;

    private static final String MARK_FAILED = """
            UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = :error,
                claimed_until = NULL, next_attempt_at = NULL
            WHERE id = :id AND claimed_until = :held
            """;

    private static final String RETRY_FAILED = """
            UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = :now, claimed_until = NULL
            WHERE id = :id AND status = 'failed'
            """;

    private static final String HELD_RECIPIENTS =
            "SELECT DISTINCT recipient_email FROM notifications WHERE status = 'held' ORDER BY recipient_email";

    private static final String HELD_FOR = "SELECT " + COLUMNS + """
             FROM notifications
            WHERE status = 'held' AND recipient_email = :recipient AND rendered_at IS NOT NULL
            ORDER BY created_at, id
            """;

    private static final String MARK_DIGESTED =
            "UPDATE notifications SET status = 'digested', digest_id = :digestId WHERE id = :id AND status = 'held'";

    private static final String SKIP_HELD = """
            UPDATE notifications SET status = 'skipped', last_error = :reason
            WHERE status = 'held' AND recipient_email = :recipient
            """;

    private static final String BY_STATUS = "SELECT " + COLUMNS
            + " FROM notifications WHERE status = :status ORDER BY created_at DESC, id DESC LIMIT :limit";

    private static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS n FROM notifications GROUP BY status";

    private static final String FOR_RECIPIENT =
            "SELECT " + COLUMNS + " FROM notifications WHERE recipient_email = :recipient ORDER BY created_at, id";

    private static final String DELETE_FOR_RECIPIENT = "DELETE FROM notifications WHERE recipient_email = :recipient";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    NotificationRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(Notification n) {
        jdbc.sql(INSERT)
                .param("id", n.id())
                .param("ticketId", n.ticketId())
                .param("recipient", n.recipientEmail())
                .param("type", n.notificationType().value())
                .param("subject", n.subject())
                .param("content", n.content())
                .param("html", n.htmlContent())
                .param("status", n.status().value())
                .param("lastError", n.lastError())
                .param("nextAttemptAt", dialect.nullableTimestamp(n.nextAttemptAt()))
                .param("createdAt", dialect.timestamp(n.createdAt()))
                .param("messageId", n.messageId())
                .param("threadId", n.threadId())
                .param("parameters", n.parameters())
                .update();
    }

    List<Notification> unrendered(int limit) {
        return jdbc.sql(UNRENDERED)
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    void markRendered(String id, String subject, String content, String html, Instant now) {
        jdbc.sql(MARK_RENDERED)
                .param("id", id)
                .param("subject", subject)
                .param("content", content)
                .param("html", html)
                .param("now", dialect.timestamp(now))
                .update();
    }

    void markUnrenderable(String id, String error) {
        jdbc.sql(MARK_UNRENDERABLE).param("id", id).param("error", error).update();
    }

    /** Each {@code mark...} of a claimed row applies only while {@code claim} is still the row's claim. */
    boolean markSkipped(String id, Instant claim, String reason) {
        return jdbc.sql(MARK_SKIPPED)
                        .param("id", id)
                        .param("held", dialect.timestamp(claim))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    List<Notification> forRecipient(String recipient) {
        return jdbc.sql(FOR_RECIPIENT)
                .param("recipient", recipient)
                .query(NotificationRepository::map)
                .list();
    }

    int deleteForRecipient(String recipient) {
        return jdbc.sql(DELETE_FOR_RECIPIENT).param("recipient", recipient).update();
    }

    List<Notification> forTicket(String ticketId) {
        return jdbc.sql(FOR_TICKET)
                .param("ticketId", ticketId)
                .query(NotificationRepository::map)
                .list();
    }

    Optional<Notification> find(String id) {
        return jdbc.sql(FIND).param("id", id).query(NotificationRepository::map).optional();
    }

    /** Claims due rows, oldest first, so that a ticket's first email also goes out first. */
    List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Notification> claimed = jdbc.sql(CLAIM.formatted(dialect.skipLocked(), COLUMNS))
                .param("now", dialect.timestamp(now))
                .param("leaseUntil", dialect.timestamp(leaseUntil))
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
        // RETURNING gives no order guarantee.
        return claimed.stream()
                .sorted(java.util.Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
                .toList();
    }

    /**
     * Moves this instance's claim on a row from {@code claim} to {@code leaseUntil}; false when the
     * row is no longer this instance's to send (its lease lapsed and another instance claimed it, or
     * it was sent meanwhile).
     */
    boolean renewClaim(String id, Instant claim, Instant leaseUntil) {
        return jdbc.sql(RENEW_CLAIM)
                        .param("id", id)
                        .param("held", dialect.timestamp(claim))
                        .param("leaseUntil", dialect.timestamp(leaseUntil))
                        .update()
                == 1;
    }

    boolean markSent(String id, Instant claim, Instant now) {
        return jdbc.sql(MARK_SENT)
                        .param("id", id)
                        .param("held", dialect.timestamp(claim))
                        .param("now", dialect.timestamp(now))
                        .update()
                == 1;
    }

    boolean markRetry(String id, Instant claim, String error, Instant next) {
        return jdbc.sql(MARK_RETRY)
                        .param("id", id)
                        .param("held", dialect.timestamp(claim))
                        .param("error", error)
                        .param("next", dialect.timestamp(next))
                        .update()
                == 1;
    }

    boolean markFailed(String id, Instant claim, String error) {
        return jdbc.sql(MARK_FAILED)
                        .param("id", id)
                        .param("held", dialect.timestamp(claim))
                        .param("error", error)
                        .update()
                == 1;
    }

    boolean retryFailed(String id, Instant now) {
        return jdbc.sql(RETRY_FAILED)
                        .param("id", id)
                        .param("now", dialect.timestamp(now))
                        .update()
                == 1;
    }

    List<String> heldRecipients() {
        return jdbc.sql(HELD_RECIPIENTS).query(String.class).list();
    }

    List<Notification> heldFor(String recipient) {
        return jdbc.sql(HELD_FOR)
                .param("recipient", recipient)
                .query(NotificationRepository::map)
                .list();
    }

    void markDigested(String id, String digestId) {
        jdbc.sql(MARK_DIGESTED).param("id", id).param("digestId", digestId).update();
    }

    void skipHeld(String recipient, String reason) {
        jdbc.sql(SKIP_HELD)
                .param("recipient", recipient)
                .param("reason", reason)
                .update();
    }

    List<Notification> byStatus(NotificationStatus status, int limit) {
        return jdbc.sql(BY_STATUS)
                .param("status", status.value())
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    Map<NotificationStatus, Long> countByStatus() {
        Map<NotificationStatus, Long> counts = new TreeMap<>();
        for (NotificationStatus status : NotificationStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql(COUNT_BY_STATUS)
                .query((rs, n) -> Map.entry(NotificationStatus.fromValue(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getString("id"),
                rs.getString("ticket_id"),
                rs.getString("recipient_email"),
                NotificationType.fromValue(rs.getString("notification_type")),
                rs.getString("subject"),
                rs.getString("content"),
                rs.getString("html_content"),
                NotificationStatus.fromValue(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                SqlDialect.readInstant(rs, "next_attempt_at"),
                SqlDialect.readInstant(rs, "sent_at"),
                SqlDialect.requireInstant(rs, "created_at"),
                nonNull(rs.getString("message_id"), rs.getString("id")),
                rs.getString("thread_id"),
                rs.getString("digest_id"),
                rs.getString("parameters"));
    }

    private static String nonNull(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
