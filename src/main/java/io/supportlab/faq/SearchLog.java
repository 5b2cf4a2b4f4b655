package io.supportlab.faq;

import io.supportlab.platform.Ids;
import io.supportlab.platform.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
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
 * articles; a flood beyond the queue's capacity is dropped (and counted in the log).
 */
@Component
class SearchLog {

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    static final int CAPACITY = 50_000;
    static final int MAX_QUERY = 200;

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
        String stored = normalized.length() > MAX_QUERY ? normalized.substring(0, MAX_QUERY) : normalized;
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
