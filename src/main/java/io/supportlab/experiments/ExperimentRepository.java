package io.supportlab.experiments;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for experiments ({@code ab_tests}) and their audit log. */
@Repository
class ExperimentRepository {

    private static final String COLUMNS = """
            id, experiment_key, name, description, hypothesis, control_variant, test_variant, target_metric, status,
            confidence_level, minimum_sample_size, start_date, end_date, total_participants, created_at, updated_at,
            variants, coverage, secondary_metrics, targeting, namespace_id, namespace_start, namespace_end,
            sequential_testing, correction, minimum_detectable_effect, version""";

    private static final String INSERT = """
            INSERT INTO ab_tests (id, experiment_key, name, description, hypothesis, control_variant, test_variant,
                target_metric, status, confidence_level, minimum_sample_size, total_participants, created_at, updated_at,
                variants, coverage, secondary_metrics, targeting, namespace_id, namespace_start, namespace_end,
                sequential_testing, correction, minimum_detectable_effect, version)
            VALUES (:id, :key, :name, :description, :hypothesis, :controlVariant, :testVariant, :targetMetric, :status,
                :confidenceLevel, :minimumSampleSize, 0, :createdAt, :updatedAt, :variants, :coverage, :secondaryMetrics,
                :targeting, :namespaceId, :namespaceStart, :namespaceEnd, :sequential, :correction, :mde, 1)
            """;

    private static final String UPDATE = """
            UPDATE ab_tests SET experiment_key = :key, name = :name, description = :description, hypothesis = :hypothesis,
                control_variant = :controlVariant, test_variant = :testVariant, target_metric = :targetMetric,
                status = :status, confidence_level = :confidenceLevel, minimum_sample_size = :minimumSampleSize,
                start_date = :startDate, end_date = :endDate, updated_at = :updatedAt, variants = :variants,
                coverage = :coverage, secondary_metrics = :secondaryMetrics, targeting = :targeting,
                namespace_id = :namespaceId, namespace_start = :namespaceStart, namespace_end = :namespaceEnd,
                sequential_testing = :sequential, correction = :correction, minimum_detectable_effect = :mde,
                archived_at = COALESCE(archived_at, :archivedAt), version = version + 1
            WHERE id = :id AND version = :version
            """;

    private static final String FIND = "SELECT " + COLUMNS + " FROM ab_tests WHERE id = :id OR experiment_key = :id";

    private static final String FIND_ALL =
            "SELECT " + COLUMNS + " FROM ab_tests WHERE id IN (:idsOrKeys) OR experiment_key IN (:idsOrKeys)";

    private static final String KEY_TAKEN = "SELECT COUNT(*) FROM ab_tests WHERE experiment_key = :key";

    private static final String LIST_RUNNING = "SELECT " + COLUMNS + " FROM ab_tests WHERE status = 'running'";

    private static final String ADD_PARTICIPANTS =
            "UPDATE ab_tests SET total_participants = total_participants + :n WHERE id = :id";

    private static final String ARCHIVED_WITH_EVENTS = """
            SELECT id FROM ab_tests WHERE status = 'archived' AND archived_at < :cutoff AND events_deleted_at IS NULL
            ORDER BY archived_at
            """;

    private static final String MARK_EVENTS_DELETED =
            "UPDATE ab_tests SET events_deleted_at = :at WHERE id = :id AND events_deleted_at IS NULL";

    private static final String EVENTS_DELETED_AT = "SELECT events_deleted_at FROM ab_tests WHERE id = :id";

    private static final String INSERT_AUDIT = """
            INSERT INTO ab_test_audit (id, test_id, actor, action, details, created_at)
            VALUES (:id, :testId, :actor, :action, :details, :createdAt)
            """;

    private static final String AUDIT = """
            SELECT id, test_id, actor, action, details, created_at FROM ab_test_audit
            WHERE test_id = :testId ORDER BY created_at, id
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final JsonMapper json;

    ExperimentRepository(JdbcClient jdbc, SqlDialect dialect, JsonMapper json) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.json = json;
    }

    void insert(Experiment e) {
        jdbc.sql(INSERT).params(params(e)).update();
    }

    /** Writes every field if the experiment is still at {@code e.version()}. */
    boolean update(Experiment e) {
        Map<String, Object> params = params(e);
        params.put("startDate", dialect.nullableTimestamp(e.startDate()));
        params.put("endDate", dialect.nullableTimestamp(e.endDate()));
        params.put("version", e.version());
        // Archiving is final, so the first update to archived is the archiving.
        params.put(
                "archivedAt",
                dialect.nullableTimestamp(e.status() == ExperimentStatus.ARCHIVED ? e.updatedAt() : null));
        return jdbc.sql(UPDATE).params(params).update() == 1;
    }

    Optional<Experiment> find(String idOrKey) {
        return jdbc.sql(FIND).param("id", idOrKey).query(this::map).optional();
    }

    /** The experiments whose id or key is one of {@code idsOrKeys}, with one query. */
    List<Experiment> findAll(Collection<String> idsOrKeys) {
        if (idsOrKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FIND_ALL)
                .param("idsOrKeys", List.copyOf(idsOrKeys))
                .query(this::map)
                .list();
    }

    boolean keyTaken(String key) {
        return jdbc.sql(KEY_TAKEN).param("key", key).query(Long.class).single() > 0;
    }

    List<Experiment> list(@Nullable ExperimentStatus status, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ab_tests WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.value());
        }
        NewestFirst.continueAfter(page, sql, params, dialect);
        sql.append(NewestFirst.ORDER_AND_LIMIT);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    List<Experiment> running() {
        return jdbc.sql(LIST_RUNNING).query(this::map).list();
    }

    /** Ids of the experiments archived before {@code cutoff} whose raw events have not been deleted. */
    List<String> archivedWithEventsBefore(Instant cutoff) {
        return jdbc.sql(ARCHIVED_WITH_EVENTS)
                .param("cutoff", dialect.timestamp(cutoff))
                .query(String.class)
                .list();
    }

    void markEventsDeleted(String id, Instant at) {
        jdbc.sql(MARK_EVENTS_DELETED)
                .param("id", id)
                .param("at", dialect.timestamp(at))
                .update();
    }

    /** When the experiment's raw events were deleted under the retention setting, if they were. */
    Optional<Instant> eventsDeletedAt(String id) {
        return jdbc.sql(EVENTS_DELETED_AT)
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(SqlDialect.readInstant(rs, "events_deleted_at")))
                .optional()
                .flatMap(at -> at);
    }

    void addParticipants(String id, int n) {
        jdbc.sql(ADD_PARTICIPANTS).param("id", id).param("n", n).update();
    }

    void audit(String testId, String actor, String action, @Nullable Object details, Instant at) {
        jdbc.sql(INSERT_AUDIT)
                .param("id", Ids.newId())
                .param("testId", testId)
                .param("actor", actor)
                .param("action", action)
                .param("details", details == null ? null : json.writeValueAsString(details))
                .param("createdAt", dialect.timestamp(at))
                .update();
    }

    List<AuditEntry> audit(String testId) {
        return jdbc.sql(AUDIT)
                .param("testId", testId)
                .query((rs, n) -> new AuditEntry(
                        rs.getString("id"),
                        rs.getString("test_id"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("details"),
                        SqlDialect.requireInstant(rs, "created_at")))
                .list();
    }

    private Map<String, Object> params(Experiment e) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", e.id());
        params.put("key", e.key());
        params.put("name", e.name());
        params.put("description", e.description());
        params.put("hypothesis", e.hypothesis());
        params.put("controlVariant", e.controlVariant());
        params.put("testVariant", e.testVariant());
        params.put("targetMetric", e.targetMetric());
        params.put("status", e.status().value());
        params.put("confidenceLevel", e.confidenceLevel());
        params.put("minimumSampleSize", e.minimumSampleSize());
        params.put("createdAt", dialect.timestamp(e.createdAt()));
        params.put("updatedAt", dialect.timestamp(e.updatedAt()));
        params.put("variants", json.writeValueAsString(e.variants()));
        params.put("coverage", e.coverage());
        params.put("secondaryMetrics", json.writeValueAsString(e.secondaryMetrics()));
        params.put("targeting", e.targeting() == null ? null : json.writeValueAsString(e.targeting()));
        params.put("namespaceId", e.namespace() == null ? null : e.namespace().id());
        params.put(
                "namespaceStart", e.namespace() == null ? null : e.namespace().start());
        params.put("namespaceEnd", e.namespace() == null ? null : e.namespace().end());
        params.put("sequential", e.sequentialTesting());
        params.put("correction", e.correction().value());
        params.put("mde", e.minimumDetectableEffect());
        return params;
    }

    private Experiment map(ResultSet rs, int row) throws SQLException {
        String namespaceId = rs.getString("namespace_id");
        String targeting = rs.getString("targeting");
        String secondary = rs.getString("secondary_metrics");
        return new Experiment(
                rs.getString("id"),
                rs.getString("experiment_key"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("hypothesis"),
                rs.getString("control_variant"),
                rs.getString("test_variant"),
                rs.getString("target_metric"),
                ExperimentStatus.fromValue(rs.getString("status")),
                rs.getDouble("confidence_level"),
                rs.getInt("minimum_sample_size"),
                SqlDialect.readInstant(rs, "start_date"),
                SqlDialect.readInstant(rs, "end_date"),
                rs.getLong("total_participants"),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.requireInstant(rs, "updated_at"),
                variants(rs),
                rs.getDouble("coverage"),
                secondary == null ? List.of() : json.readValue(secondary, new TypeReference<List<String>>() {}),
                targeting == null ? null : json.readValue(targeting, new TypeReference<Map<String, Object>>() {}),
                namespaceId == null
                        ? null
                        : new Namespace(namespaceId, rs.getDouble("namespace_start"), rs.getDouble("namespace_end")),
                rs.getBoolean("sequential_testing"),
                Correction.fromValue(rs.getString("correction")),
                rs.getDouble("minimum_detectable_effect"),
                rs.getInt("version"));
    }

    /** Experiments from before this schema (the seed's) have no variants column: derive the 50/50 pair. */
    private List<Variant> variants(ResultSet rs) throws SQLException {
        String variants = rs.getString("variants");
        if (variants == null || variants.isBlank()) {
            return List.of(
                    new Variant(rs.getString("control_variant"), rs.getString("control_variant"), 0.5),
                    new Variant(rs.getString("test_variant"), rs.getString("test_variant"), 0.5));
        }
        return json.readValue(variants, new TypeReference<List<Variant>>() {});
    }
}
