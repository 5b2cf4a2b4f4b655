package io.supportlab.privacy;

import io.supportlab.platform.persistence.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes erased values leave the database files, not only the rows the application reads. Deleting or
 * updating a row leaves the old bytes behind: SQLite keeps whole old pages in its write-ahead log
 * (deleted content in the database file itself is zeroed, {@code secure_delete}), PostgreSQL keeps
 * dead row versions in the table and its indexes until a VACUUM. Neither can run inside a
 * transaction, so this runs after the erasure commits.
 */
@Component
class StoragePurge {

    private static final Logger log = LoggerFactory.getLogger(StoragePurge.class);

    /**
     * A checkpoint that truncates the log waits for every writer to finish and every reader to be on
     * the latest data, and makes writers wait meanwhile: each attempt waits at most this long, and
     * between attempts the writers go on.
     */
    static final Duration CHECKPOINT_WAIT = Duration.ofMillis(200);

    static final int CHECKPOINT_ATTEMPTS = 5;

    /** SQLite's result code for "another connection holds the lock". */
    private static final int SQLITE_BUSY = 5;

    /** Tables whose rows the current transaction updated or deleted (PostgreSQL counts them as it goes). */
    private static final String CHANGED_TABLES = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_xact_user_tables
            WHERE n_tup_upd + n_tup_del > 0 ORDER BY 1
            """;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final AtomicBoolean checkpointPending = new AtomicBoolean();

    StoragePurge(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Called inside the erasure's transaction: the tables it changed (on SQLite the log holds all). */
    List<String> changedTables() {
        return dialect == SqlDialect.POSTGRESQL ? jdbc.queryForList(CHANGED_TABLES, String.class) : List.of();
    }

    /** Called after the erasure committed; true when the old values are gone from the files. */
    boolean purge(List<String> changedTables) {
        return switch (dialect) {
            case SQLITE -> checkpoint();
            case POSTGRESQL -> vacuum(changedTables);
        };
    }

    /** A checkpoint that could not be made right after an erasure is made as soon as it can. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void retryPendingCheckpoint() {
        if (checkpointPending.get()) {
            checkpoint();
        }
    }

    /**
     * Copies the write-ahead log into the database file and truncates it to zero bytes, so the old
     * page images it held are gone.
     */
    private boolean checkpoint() {
        for (int attempt = 1; attempt <= CHECKPOINT_ATTEMPTS; attempt++) {
            try {
                if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) StoragePurge::truncateLog))) {
                    checkpointPending.set(false);
                    return true;
                }
            } catch (DataAccessException e) {
                log.warn("Could not checkpoint the SQLite write-ahead log: {}", e.getMessage());
                break;
            }
        }
        if (!checkpointPending.getAndSet(true)) {
            log.warn("The SQLite write-ahead log is busy; erased values stay in it until a checkpoint succeeds "
                    + "(retried every minute)");
        }
        return false;
    }

    /** One attempt, on one connection whose busy timeout is shortened for it. */
    private static boolean truncateLog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int busyTimeout;
            try (ResultSet rs = statement.executeQuery("PRAGMA busy_timeout")) {
                busyTimeout = rs.next() ? rs.getInt(1) : 0;
            }
            statement.execute("PRAGMA busy_timeout = " + CHECKPOINT_WAIT.toMillis());
            try (ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                // Columns: busy (0 when the checkpoint completed), log frames, frames checkpointed.
                return rs.next() && rs.getInt(1) == 0;
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) {
                    return false;
                }
                throw e;
            } finally {
                statement.execute("PRAGMA busy_timeout = " + busyTimeout);
            }
        }
    }

    /**
     * Vacuums the tables the erasure changed, indexes included (PostgreSQL may skip the indexes when
     * few rows are dead, and an index entry holds the old value too). It takes no lock that blocks
     * reads or writes; a row version that a transaction still running may see stays until the next
     * (auto)vacuum.
     */
    private boolean vacuum(List<String> tables) {
        if (tables.isEmpty()) {
            return true;
        }
        try {
            jdbc.execute("VACUUM (INDEX_CLEANUP ON) " + String.join(", ", tables));
            return true;
        } catch (DataAccessException e) {
            log.warn("Could not vacuum {} after an erasure: {}", tables, e.getMessage());
            return false;
        }
    }
}
