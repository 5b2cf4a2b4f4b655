package io.supportlab.audit;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code audit_log}: inserts and reads only (the table's triggers refuse anything else). */
@Repository
class AuditRepository {

    private static final String INSERT = """
            INSERT INTO audit_log (id, created_at, actor, action, target, details, address)
            VALUES (:id, :createdAt, :actor, :action, :target, :details, :address)
            """;

    private static final String SELECT =
            "SELECT id, created_at, actor, action, target, details, address FROM audit_log";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    AuditRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(AuditEntry entry) {
        jdbc.sql(INSERT)
                .param("id", entry.id())
                .param("createdAt", dialect.timestamp(entry.createdAt()))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("target", entry.target())
                .param("details", entry.details())
                .param("address", entry.address())
                .update();
    }

    /**
     * Newest first, keyset-paginated on (created_at, id); {@code targets}, when given, are the
     * pseudonyms of the filter's subject. Only constant SQL is joined.
     */
    List<AuditEntry> list(AuditFilter filter, @Nullable List<String> targets, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.actor() != null) {
            where.append(" AND actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null && filter.action().endsWith(".")) {
            where.append(" AND action LIKE :actionPrefix");
            params.put("actionPrefix", filter.action().replace("%", "").replace("_", "\\_") + "%");
            where.append(" ESCAPE '\\'");
        } else if (filter.action() != null) {
            where.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.target() != null) {
            where.append(" AND target = :target");
            params.put("target", filter.target());
        }
        if (targets != null) {
            where.append(" AND target IN (:targets)");
            params.put("targets", targets);
        }
        if (filter.from() != null) {
            where.append(" AND created_at >= :from");
            params.put("from", dialect.timestamp(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.append(" AND created_at < :to");
            params.put(
                    "to",
                    dialect.timestamp(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        NewestFirst.continueAfter(page, where, params, dialect);
        return jdbc.sql(SELECT + where + NewestFirst.ORDER_AND_LIMIT)
                .params(params)
                .query(AuditRepository::map)
                .list();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getString("id"),
                SqlDialect.requireInstant(rs, "created_at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("details"),
                rs.getString("address"));
    }
}
