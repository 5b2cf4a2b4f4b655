package io.supportlab.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportlab.platform.persistence.DerivedDataCache;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.platform.problems.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the knowledge base does for support: what people search for, what they do not find
 * (content gaps), which articles are read and found helpful, and how many ticket drafts a
 * suggestion answered.
 */
@Service
public class FaqAnalytics implements DerivedDataCache {

    static final Duration WINDOW = Duration.ofDays(30);
    static final int TOP = 10;
    /** How old the FAQ Management tab's panel may be: six aggregate queries are too many for every view of it. */
    static final Duration PANEL_STALENESS = Duration.ofMinutes(1);

    /** A query and how often it was searched in the window. */
    public record QueryCount(String query, long searches, double averageResults) {}

    /** An article and one of its counters. */
    public record ArticleCount(String id, String question, long count) {}

    /** The analytics panel of the FAQ Management tab ({@code GET /api/faqs/analytics}). */
    public record Summary(
            int windowDays,
            long searches,
            long suggestionRequests,
            List<QueryCount> topQueries,
            List<QueryCount> noResultQueries,
            List<ArticleCount> mostViewed,
            List<ArticleCount> mostHelpful,
            long deflections,
            long deflectedDrafts) {}

    private static final String QUERIES = """
            SELECT query, COUNT(*) AS n, AVG(result_count) AS avg_results FROM faq_search_log
            WHERE source = 'search' AND created_at >= :since %s
            GROUP BY query ORDER BY n DESC, query LIMIT :top
            """;

    private static final String COUNT_SOURCE =
            "SELECT COUNT(*) FROM faq_search_log WHERE source = :source AND created_at >= :since";

    private static final String MOST = """
            SELECT id, question, %1$s AS n FROM faqs WHERE status = 'published' AND %1$s > 0
            ORDER BY %1$s DESC, question LIMIT :top
            """;

    private static final String DEFLECTIONS = """
            SELECT COUNT(*) AS n, COUNT(DISTINCT draft_id) AS drafts FROM faq_deflections WHERE created_at >= :since
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FaqRepository faqs;
    private final ClientCounts counts;
    private final Clock clock;
    private final Cache<Boolean, Summary> panel =
            Caffeine.newBuilder().expireAfterWrite(PANEL_STALENESS).build();

    FaqAnalytics(JdbcClient jdbc, SqlDialect dialect, FaqRepository faqs, ClientCounts counts, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.faqs = faqs;
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * A customer writing a ticket opened the suggested article; counted once per article and draft,
     * and once per article, client and UTC day (draft ids come from the page, so a client could
     * make up any number of them).
     */
    @Transactional
    public void recordDeflection(String faqId, String draftId, String client) {
        if (!Ids.isValid(faqId) || faqs.find(faqId).isEmpty()) {
            throw new ResourceNotFoundException("FAQ", faqId);
        }
        counts.deflect(faqId, draftId, client, Instant.now(clock));
    }

    /**
     * Forgets the clients behind votes, views and deflections once they can no longer make a
     * repeat (see {@link ClientCounts}); the counts stay.
     */
    void forgetClients() {
        counts.forgetClients(Instant.now(clock));
    }

    /** The summary for the FAQ Management tab, at most {@link #PANEL_STALENESS} old. */
    public Summary recentSummary() {
        return panel.get(Boolean.TRUE, key -> summary());
    }

    @Override
    public void invalidateAll() {
        panel.invalidateAll();
    }

    /** The summary as of now ({@code GET /api/faqs/analytics}). */
    public Summary summary() {
        Object since = dialect.timestamp(Instant.now(clock).minus(WINDOW));
        var deflections = jdbc.sql(DEFLECTIONS)
                .param("since", since)
                .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("drafts")})
                .single();
        return new Summary(
                (int) WINDOW.toDays(),
                count("search", since),
                count("suggestion", since),
                queries("", since),
                queries("AND result_count = 0", since),
                most("view_count"),
                most("helpful_count"),
                deflections[0],
                deflections[1]);
    }

    private long count(String source, Object since) {
        return jdbc.sql(COUNT_SOURCE)
                .param("source", source)
                .param("since", since)
                .query(Long.class)
                .single();
    }

    private List<QueryCount> queries(String condition, Object since) {
        return jdbc.sql(QUERIES.formatted(condition))
                .param("since", since)
                .param("top", TOP)
                .query((rs, n) -> new QueryCount(rs.getString("query"), rs.getLong("n"), rs.getDouble("avg_results")))
                .list();
    }

    private List<ArticleCount> most(String counter) {
        return jdbc.sql(MOST.formatted(counter))
                .param("top", TOP)
                .query((rs, n) -> new ArticleCount(rs.getString("id"), rs.getString("question"), rs.getLong("n")))
                .list();
    }
}
