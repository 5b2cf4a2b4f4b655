package io.supportlab.tickets;

import io.supportlab.platform.persistence.SqlDialect;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what anonymous customers leave behind: used form tokens and waiting access-link requests. */
@Repository
class CustomerRequestRepository {

    /** A waiting request for an access link. */
    record AccessLinkRequest(String id, String email) {}

    private static final String FORGET_EXPIRED_FORMS = "DELETE FROM ticket_form_submissions WHERE expires_at < :now";

    private static final String CLAIM_FORM = """
            INSERT INTO ticket_form_submissions (nonce, ticket_id, expires_at)
            VALUES (:nonce, :ticketId, :expiresAt)
            ON CONFLICT (nonce) DO NOTHING
            """;

    private static final String TICKET_OF_FORM = "SELECT ticket_id FROM ticket_form_submissions WHERE nonce = :nonce";

    private static final String RECORD_ACCESS_LINK_REQUEST =
            "INSERT INTO access_link_requests (id, email, requested_at) VALUES (:id, :email, :now)";

    private static final String OLDEST_ACCESS_LINK_REQUEST =
            "SELECT id, email FROM access_link_requests ORDER BY requested_at, id LIMIT 1";

    private static final String DELETE_ACCESS_LINK_REQUEST = "DELETE FROM access_link_requests WHERE id = :id";

    private static final String FORGET_ACCESS_LINK_REQUESTS = "DELETE FROM access_link_requests WHERE email = :email";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    CustomerRequestRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Records that the form with {@code nonce} files ticket {@code ticketId}; false when the form
     * was already sent (on PostgreSQL a concurrent send of the same form waits for this one first).
     */
    boolean claimForm(String nonce, String ticketId, Instant expiresAt, Instant now) {
        jdbc.sql(FORGET_EXPIRED_FORMS).param("now", dialect.timestamp(now)).update();
        return jdbc.sql(CLAIM_FORM)
                        .param("nonce", nonce)
                        .param("ticketId", ticketId)
                        .param("expiresAt", dialect.timestamp(expiresAt))
                        .update()
                == 1;
    }

    Optional<String> ticketOfForm(String nonce) {
        return jdbc.sql(TICKET_OF_FORM)
                .param("nonce", nonce)
                .query(String.class)
                .optional();
    }

    void recordAccessLinkRequest(String id, String email, Instant now) {
        jdbc.sql(RECORD_ACCESS_LINK_REQUEST)
                .param("id", id)
                .param("email", email)
                .param("now", dialect.timestamp(now))
                .update();
    }

    /** Removes and returns the oldest waiting request that no other instance is deciding right now. */
    Optional<AccessLinkRequest> takeOldestAccessLinkRequest() {
        Optional<AccessLinkRequest> oldest = jdbc.sql(OLDEST_ACCESS_LINK_REQUEST + dialect.skipLocked())
                .query((rs, n) -> new AccessLinkRequest(rs.getString("id"), rs.getString("email")))
                .optional();
        oldest.ifPresent(request ->
                jdbc.sql(DELETE_ACCESS_LINK_REQUEST).param("id", request.id()).update());
        return oldest;
    }

    /** Deletes the waiting access-link requests for {@code email} (normalised, as recorded). */
    int forgetAccessLinkRequests(String email) {
        return jdbc.sql(FORGET_ACCESS_LINK_REQUESTS).param("email", email).update();
    }
}
