package io.supportlab.faq;

import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search analytics without a database write on every keystroke: searches are queued in memory and
 * written in batches once a second. A crash loses at most that second of analytics, never
 * articles; a flood beyond the queue's capacity is dropped (and counted in the log). Email
 * addresses are replaced by {@value #EMAIL} before a query is queued: suggestions are asked for
 * with the text of a ticket being written, which often holds one, and the analytics need none.
 */
@Component
class SearchLog {

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    static final int CAPACITY = 50_000;
    static final int MAX_QUERY = 200;
    static final String EMAIL = "[email]";

    /**
     * Something shaped like an address: a local part of the characters RFC 5322 allows unquoted, an
     * at sign and a domain with a dot (letters of any script). It runs on a bounded prefix of the
     * query (the stored length plus the longest address), so its backtracking cannot be made
     * expensive.
     */
    private static final Pattern EMAIL_LIKE =
            Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(?:\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final int SCRUBBED_PREFIX = MAX_QUERY + 254;

    /** A logged query, as a customer's data export shows it. */
    record Logged(String query, String source, Instant createdAt) {}

    /** Who searched: staff, a signed-in customer, or an anonymous visitor. */
    enum UserType {
        STAFF,
        CUSTOMER,
        ANONYMOUS
    }

    private record Entry(String query, int resultCount, UserType userType, String source, Instant at) {}

    private static final String INSERT = """
            INSERT INTO faq_search_log (id, query, result_count, user_type, source, created_at)
            VALUES (:id, :query, :results, :userType, :source, :createdAt)
            """;

    private static final String MENTIONING = """
            SELECT id, query, source, created_at FROM faq_search_log
            WHERE lower(query) LIKE :pattern ESCAPE '\\' ORDER BY created_at, id
            """;

    private static final String REDACT = "UPDATE faq_search_log SET query = :query WHERE id = :id";

    private final BlockingQueue<Entry> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final NamedParameterJdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final LongAdder dropped = new LongAdder();
    private final TransactionTemplate transactions;

    SearchLog(NamedParameterJdbcTemplate jdbc, SqlDialect dialect, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
        this.clock = clock;
    }

    void record(String query, int resultCount, UserType userType, String source) {
        String normalized = query.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        if (normalized.isEmpty()) {
            return;
        }
        String scrubbed = EMAIL_LIKE
                .matcher(normalized.substring(0, Math.min(normalized.length(), SCRUBBED_PREFIX)))
                .replaceAll(Matcher.quoteReplacement(EMAIL));
        String stored = scrubbed.length() > MAX_QUERY ? scrubbed.substring(0, MAX_QUERY) : scrubbed;
        if (!pending.offer(new Entry(stored, resultCount, userType, source, Instant.now(clock)))) {
            dropped.increment();
        }
    }

    @Scheduled(fixedDelay = 1000)
    void flush() {
        List<Entry> batch = new ArrayList<>();
        pending.drainTo(batch, 5_000);
        if (batch.isEmpty()) {
            return;
        }
        try {
            // One transaction: one commit for the batch, where autocommit would commit (and on SQLite sync) each row.
            MapSqlParameterSource[] rows = batch.stream().map(this::params).toArray(MapSqlParameterSource[]::new);
            transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
        } catch (RuntimeException e) {
            log.warn("Could not write {} search log entries: {}", batch.size(), e.getMessage());
        }
        long lost = dropped.sumThenReset();
        if (lost > 0) {
            log.warn("Search log queue was full; {} searches were not logged", lost);
        }
    }

    /** Logged queries that contain {@code email} (normalised, lower case) in any letter case. */
    List<Logged> mentioning(String email) {
        return jdbc.query(
                MENTIONING,
                pattern(email),
                (rs, n) -> new Logged(
                        rs.getString("query"), rs.getString("source"), SqlDialect.requireInstant(rs, "created_at")));
    }

    /**
     * Replaces {@code email} (any letter case) in every logged query by {@code replacement}; queries
     * logged before addresses were scrubbed on the way in may hold one.
     *
     * @return how many queries changed
     */
    int redact(String email, String replacement) {
        Pattern address = Pattern.compile(Pattern.quote(email), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<MapSqlParameterSource> changes = jdbc.query(MENTIONING, pattern(email), (rs, n) -> {
            String redacted = address.matcher(rs.getString("query")).replaceAll(Matcher.quoteReplacement(replacement));
            return new MapSqlParameterSource()
                    .addValue("id", rs.getString("id"))
                    .addValue("query", redacted);
        });
        if (!changes.isEmpty()) {
            jdbc.batchUpdate(REDACT, changes.toArray(MapSqlParameterSource[]::new));
        }
        return changes.size();
    }

    private static MapSqlParameterSource pattern(String email) {
        String escaped = email.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return new MapSqlParameterSource("pattern", "%" + escaped + "%");
    }

    private MapSqlParameterSource params(Entry e) {
        return new MapSqlParameterSource()
                .addValue("id", Ids.newId())
                .addValue("query", e.query())
                .addValue("results", e.resultCount())
                .addValue("userType", e.userType().name().toLowerCase(java.util.Locale.ROOT))
                .addValue("source", e.source())
                .addValue("createdAt", dialect.timestamp(e.at()));
    }
}
