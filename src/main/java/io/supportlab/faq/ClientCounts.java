package io.supportlab.faq;

import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the articles' counters, which move only when a client's vote, view or deflection is new
 * to them: the counters stay one indexed row update per page view, and a client repeating itself
 * changes nothing. A client is a keyed hash of its network address ({@code
 * Pseudonyms.ofClient}). The unique keys decide what is new, so two requests at once cannot both
 * count.
 */
@Repository
class ClientCounts {

    /** How long a vote is remembered (and so changed rather than added to when cast again). */
    static final Duration VOTE_MEMORY = Duration.ofDays(90);

    private static final String INSERT_VOTE = """
            INSERT INTO faq_votes (faq_id, client, helpful, voted_at) VALUES (:faqId, :client, :helpful, :now)
            ON CONFLICT (faq_id, client) DO NOTHING
            """;

    private static final String CHANGE_VOTE = """
            UPDATE faq_votes SET helpful = :helpful, voted_at = :now
            WHERE faq_id = :faqId AND client = :client AND helpful <> :helpful
            """;

    private static final String ADD_TO_VOTES = """
            UPDATE faqs SET helpful_count = helpful_count + :helpful, not_helpful_count = not_helpful_count + :notHelpful
            WHERE id = :faqId
            """;

    private static final String INSERT_VIEW = """
            INSERT INTO faq_views (faq_id, client, day) VALUES (:faqId, :client, :day)
            ON CONFLICT (faq_id, client, day) DO NOTHING
            """;

    private static final String ADD_VIEW = "UPDATE faqs SET view_count = view_count + 1 WHERE id = :faqId";

    /** Without a conflict target: either unique key, per draft or per client and day, makes it a repeat. */
    private static final String INSERT_DEFLECTION = """
            INSERT INTO faq_deflections (id, faq_id, draft_id, created_at, client, client_day)
            VALUES (:id, :faqId, :draftId, :now, :client, :day)
            ON CONFLICT DO NOTHING
            """;

    private static final String FORGET_VIEWS = "DELETE FROM faq_views WHERE day < :today";

    private static final String FORGET_DEFLECTING_CLIENTS =
            "UPDATE faq_deflections SET client = NULL, client_day = NULL WHERE client_day < :today";

    private static final String FORGET_VOTES = "DELETE FROM faq_votes WHERE voted_at < :before";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ClientCounts(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Records {@code client}'s vote: a first one adds to a counter, a changed one moves between them. */
    void vote(String faqId, String client, boolean helpful, Instant now) {
        if (voteUpdate(INSERT_VOTE, faqId, client, helpful, now) == 1) {
            addToVotes(faqId, helpful ? 1 : 0, helpful ? 0 : 1);
        } else if (voteUpdate(CHANGE_VOTE, faqId, client, helpful, now) == 1) {
            addToVotes(faqId, helpful ? 1 : -1, helpful ? -1 : 1);
        }
    }

    /** Counts a view unless {@code client} viewed the article earlier the same UTC day. */
    void view(String faqId, String client, Instant now) {
        int inserted = jdbc.sql(INSERT_VIEW)
                .param("faqId", faqId)
                .param("client", client)
                .param("day", day(now))
                .update();
        if (inserted == 1) {
            jdbc.sql(ADD_VIEW).param("faqId", faqId).update();
        }
    }

    /** Records a deflection unless this draft, or this client the same UTC day, already made one. */
    void deflect(String faqId, String draftId, String client, Instant now) {
        jdbc.sql(INSERT_DEFLECTION)
                .param("id", Ids.newId())
                .param("faqId", faqId)
                .param("draftId", draftId)
                .param("now", dialect.timestamp(now))
                .param("client", client)
                .param("day", day(now))
                .update();
    }

    /** Forgets clients once no repeat can be recognised by them any more. */
    void forgetClients(Instant now) {
        String today = day(now);
        jdbc.sql(FORGET_VIEWS).param("today", today).update();
        jdbc.sql(FORGET_DEFLECTING_CLIENTS).param("today", today).update();
        jdbc.sql(FORGET_VOTES)
                .param("before", dialect.timestamp(now.minus(VOTE_MEMORY)))
                .update();
    }

    private int voteUpdate(String sql, String faqId, String client, boolean helpful, Instant now) {
        return jdbc.sql(sql)
                .param("faqId", faqId)
                .param("client", client)
                .param("helpful", helpful)
                .param("now", dialect.timestamp(now))
                .update();
    }

    private void addToVotes(String faqId, int helpful, int notHelpful) {
        jdbc.sql(ADD_TO_VOTES)
                .param("faqId", faqId)
                .param("helpful", helpful)
                .param("notHelpful", notHelpful)
                .update();
    }

    private static String day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    }
}
