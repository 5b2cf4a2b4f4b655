package io.supportlab.macros;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.tickets.Reply;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code macros} table. Only the macros a staff member may use are ever listed to them. */
@Repository
class MacroRepository {

    /** How a list of macros is ordered (the API's pages are newest first, like every API list). */
    enum Order {
        TITLE(" ORDER BY lower(title), id LIMIT :limit"),
        MOST_USED(" ORDER BY usage_count DESC, lower(title), id LIMIT :limit");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    static final int MAX_WORDS = 8;

    private static final String COLUMNS = "id, title, body, owner, set_status, set_priority, reply_visibility,"
            + " usage_count, last_used_at, created_by, created_at, updated_at";

    private static final String INSERT = """
            INSERT INTO macros (id, title, body, owner, set_status, set_priority, reply_visibility, usage_count,
                                created_by, created_at, updated_at)
            VALUES (:id, :title, :body, :owner, :status, :priority, :reply, 0, :createdBy, :createdAt, :updatedAt)
            """;

    private static final String UPDATE = """
            UPDATE macros SET title = :title, body = :body, owner = :owner, set_status = :status,
                              set_priority = :priority, reply_visibility = :reply, updated_at = :updatedAt
            WHERE id = :id
            """;

    private static final String COUNT_USE =
            "UPDATE macros SET usage_count = usage_count + 1, last_used_at = :now WHERE id = :id";

    /** Shared macros and the viewer's own. */
    private static final String VISIBLE = " WHERE (owner IS NULL OR owner = :viewer)";

    private static final String WORD_MATCH =
            " AND (lower(title) LIKE :%1$s ESCAPE '\\' OR lower(body) LIKE :%1$s ESCAPE '\\')";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    MacroRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(Macro macro) {
        jdbc.sql(INSERT)
                .params(fields(macro))
                .param("createdBy", macro.createdBy())
                .param("createdAt", dialect.timestamp(macro.createdAt()))
                .update();
    }

    void update(Macro macro) {
        jdbc.sql(UPDATE).params(fields(macro)).update();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM macros WHERE id = :id").param("id", id).update() > 0;
    }

    Optional<Macro> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM macros WHERE id = :id")
                .param("id", id)
                .query(MacroRepository::map)
                .optional();
    }

    /** Reads a macro the current transaction is about to change, locking it on PostgreSQL. */
    Optional<Macro> findForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM macros WHERE id = :id" + dialect.forUpdate())
                .param("id", id)
                .query(MacroRepository::map)
                .optional();
    }

    /** A page of the macros {@code viewer} may use that hold every word of {@code query}, newest first. */
    List<Macro> page(String viewer, @Nullable String query, PageRequest page) {
        StringBuilder where = new StringBuilder(VISIBLE);
        Map<String, @Nullable Object> params = matching(viewer, query, where);
        NewestFirst.continueAfter(page, where, params, dialect);
        return jdbc.sql("SELECT " + COLUMNS + " FROM macros" + where + NewestFirst.ORDER_AND_LIMIT)
                .params(params)
                .query(MacroRepository::map)
                .list();
    }

    /** The first {@code limit} macros {@code viewer} may use that hold every word of {@code query}. */
    List<Macro> list(String viewer, @Nullable String query, Order order, int limit) {
        StringBuilder where = new StringBuilder(VISIBLE);
        Map<String, @Nullable Object> params = matching(viewer, query, where);
        params.put("limit", limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM macros" + where + order.sql)
                .params(params)
                .query(MacroRepository::map)
                .list();
    }

    void countUse(String id, Instant at) {
        jdbc.sql(COUNT_USE).param("id", id).param("now", dialect.timestamp(at)).update();
    }

    private static Map<String, @Nullable Object> matching(String viewer, @Nullable String query, StringBuilder where) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("viewer", viewer);
        List<String> words = words(query);
        for (int i = 0; i < words.size(); i++) {
            where.append(WORD_MATCH.formatted("word" + i));
            params.put("word" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        return params;
    }

    static List<String> words(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Map<String, @Nullable Object> fields(Macro macro) {
        Map<String, @Nullable Object> fields = new HashMap<>();
        fields.put("id", macro.id());
        fields.put("title", macro.title());
        fields.put("body", macro.body());
        fields.put("owner", macro.owner());
        MacroActions actions = macro.actions();
        TicketStatus status = actions.status();
        TicketPriority priority = actions.priority();
        fields.put("status", status == null ? null : status.value());
        fields.put("priority", priority == null ? null : priority.value());
        fields.put("reply", actions.replyVisibility().value());
        fields.put("updatedAt", dialect.timestamp(macro.updatedAt()));
        return fields;
    }

    private static Macro map(ResultSet rs, int row) throws SQLException {
        String owner = rs.getString("owner");
        String status = rs.getString("set_status");
        String priority = rs.getString("set_priority");
        return new Macro(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("body"),
                owner == null ? MacroVisibility.SHARED : MacroVisibility.PERSONAL,
                owner,
                new MacroActions(
                        status == null ? null : TicketStatus.fromValue(status),
                        priority == null ? null : TicketPriority.fromValue(priority),
                        Reply.Visibility.valueOf(
                                rs.getString("reply_visibility").toUpperCase(Locale.ROOT))),
                rs.getInt("usage_count"),
                SqlDialect.readInstant(rs, "last_used_at"),
                rs.getString("created_by"),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.requireInstant(rs, "updated_at"));
    }
}
