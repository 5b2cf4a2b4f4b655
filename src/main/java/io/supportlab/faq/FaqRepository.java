package io.supportlab.faq;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for FAQ articles and categories. */
@Repository
class FaqRepository {

    private static final String COLUMNS =
            "id, question, answer, category, status, created_at, updated_at, view_count, helpful_count, not_helpful_count";

    private static final String INSERT = """
            INSERT INTO faqs (id, question, answer, category, status, created_at, updated_at)
            VALUES (:id, :question, :answer, :category, :status, :createdAt, :updatedAt)
            """;

    private static final String UPDATE = """
            UPDATE faqs SET question = :question, answer = :answer, category = :category, status = :status,
                updated_at = :updatedAt
            WHERE id = :id
            """;

    private static final String FIND = "SELECT " + COLUMNS + " FROM faqs WHERE id = :id";

    private static final String FIND_MANY = "SELECT " + COLUMNS + " FROM faqs WHERE id IN (:ids)";

    private static final String ALL = "SELECT " + COLUMNS + " FROM faqs";

    private static final String PUBLISHED_VERSIONS = "SELECT id, updated_at FROM faqs WHERE status = 'published'";

    private static final String PUBLISHED_VERSION_SUMMARY =
            "SELECT COUNT(*) AS n, MAX(updated_at) AS newest FROM faqs WHERE status = 'published'";

    private static final String CATEGORIES = """
            SELECT c.slug, c.name, COUNT(f.id) AS n
            FROM faq_categories c LEFT JOIN faqs f ON f.category = c.slug AND f.status = 'published'
            GROUP BY c.slug, c.name ORDER BY c.slug
            """;

    private static final String CATEGORY_STATS = """
            SELECT category, COUNT(*) AS n FROM faqs WHERE status = 'published'
            GROUP BY category ORDER BY n DESC, category
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    FaqRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(Faq faq) {
        jdbc.sql(INSERT).params(params(faq)).update();
    }

    void update(Faq faq) {
        jdbc.sql(UPDATE).params(params(faq)).update();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM faqs WHERE id = :id").param("id", id).update() == 1;
    }

    Optional<Faq> find(String id) {
        return jdbc.sql(FIND).param("id", id).query(FaqRepository::map).optional();
    }

    /** Articles by id, in the order of {@code ids}; ids that no longer exist are left out. */
    List<Faq> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Faq> byId = jdbc.sql(FIND_MANY).param("ids", ids).query(FaqRepository::map).list().stream()
                .collect(Collectors.toMap(Faq::id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether there is no article at all, published or draft. */
    boolean isEmpty() {
        return jdbc.sql("SELECT 1 FROM faqs LIMIT 1")
                .query(Integer.class)
                .optional()
                .isEmpty();
    }

    List<Faq> all() {
        return jdbc.sql(ALL).query(FaqRepository::map).list();
    }

    /** What the search index should hold: published ids and their update times. */
    Map<String, Instant> publishedVersions() {
        return jdbc
                .sql(PUBLISHED_VERSIONS)
                .query((rs, n) -> Map.entry(rs.getString("id"), SqlDialect.requireInstant(rs, "updated_at")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** How many articles are published and the newest one's version (none when there are none). */
    record Versions(long count, Optional<Instant> newest) {}

    Versions publishedVersionSummary() {
        return jdbc.sql(PUBLISHED_VERSION_SUMMARY)
                .query((rs, n) ->
                        new Versions(rs.getLong("n"), Optional.ofNullable(SqlDialect.readInstant(rs, "newest"))))
                .single();
    }

    /** Newest first, keyset-paginated; {@code status} null means every status. */
    List<Faq> list(@Nullable String category, @Nullable FaqStatus status, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM faqs WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (category != null) {
            sql.append(" AND category = :category");
            params.put("category", category);
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.value());
        }
        NewestFirst.continueAfter(page, sql, params, dialect);
        sql.append(NewestFirst.ORDER_AND_LIMIT);
        return jdbc.sql(sql.toString()).params(params).query(FaqRepository::map).list();
    }

    List<Category> categories() {
        return jdbc.sql(CATEGORIES)
                .query((rs, n) -> new Category(rs.getString("slug"), rs.getString("name"), rs.getLong("n")))
                .list();
    }

    /** The seed's {@code [{"category": ..., "count": ...}]}: published articles per category in use. */
    List<Map<String, Object>> categoryStats() {
        return jdbc.sql(CATEGORY_STATS)
                .query((rs, n) ->
                        Map.<String, Object>of("category", rs.getString("category"), "count", rs.getLong("n")))
                .list();
    }

    boolean categoryExists(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM faq_categories WHERE slug = :slug")
                        .param("slug", slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertCategory(String slug, String name, Instant now) {
        jdbc.sql("INSERT INTO faq_categories (slug, name, created_at) VALUES (:slug, :name, :now)")
                .param("slug", slug)
                .param("name", name)
                .param("now", dialect.timestamp(now))
                .update();
    }

    private Map<String, Object> params(Faq faq) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", faq.id());
        params.put("question", faq.question());
        params.put("answer", faq.answer());
        params.put("category", faq.category());
        params.put("status", faq.status().value());
        params.put("createdAt", dialect.timestamp(faq.createdAt()));
        params.put("updatedAt", dialect.timestamp(faq.updatedAt()));
        return params;
    }

    private static Faq map(ResultSet rs, int row) throws SQLException {
        return new Faq(
                rs.getString("id"),
                rs.getString("question"),
                rs.getString("answer"),
                rs.getString("category"),
                FaqStatus.fromValue(rs.getString("status")),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.requireInstant(rs, "updated_at"),
                rs.getLong("view_count"),
                rs.getLong("helpful_count"),
                rs.getLong("not_helpful_count"));
    }
}
