package io.supportlab.accounts;

import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    /** A live token together with its owner, as found by its hash. */
    record Owner(ApiToken token, String email, Role role, boolean active) {}

    private static final String INSERT = """
            INSERT INTO api_tokens (id, user_id, name, token_prefix, token_hash, created_at)
            VALUES (:id, :userId, :name, :prefix, :hash, :createdAt)
            """;

    private static final String LIST_FOR_USER = """
            SELECT id, user_id, name, token_prefix, created_at, last_used_at, revoked_at
            FROM api_tokens WHERE user_id = :userId ORDER BY created_at DESC
            """;

    private static final String FIND_OWNER = """
            SELECT t.id, t.user_id, t.name, t.token_prefix, t.created_at, t.last_used_at, t.revoked_at,
                   u.email, u.role, u.active
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = :hash AND t.revoked_at IS NULL
            """;

    private static final String REVOKE = """
            UPDATE api_tokens SET revoked_at = :now
            WHERE id = :id AND user_id = :userId AND revoked_at IS NULL
            """;

    private static final String TOUCH = "UPDATE api_tokens SET last_used_at = :now WHERE id = :id";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ApiTokenRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(ApiToken token, String hash) {
        jdbc.sql(INSERT)
                .param("id", token.id())
                .param("userId", token.userId())
                .param("name", token.name())
                .param("prefix", token.prefix())
                .param("hash", hash)
                .param("createdAt", dialect.timestamp(token.createdAt()))
                .update();
    }

    List<ApiToken> listForUser(String userId) {
        return jdbc.sql(LIST_FOR_USER)
                .param("userId", userId)
                .query(ApiTokenRepository::map)
                .list();
    }

    Optional<Owner> findLiveOwner(String hash) {
        return jdbc.sql(FIND_OWNER)
                .param("hash", hash)
                .query((rs, n) -> new Owner(
                        map(rs, n),
                        rs.getString("email"),
                        Role.fromValue(rs.getString("role")),
                        rs.getBoolean("active")))
                .optional();
    }

    boolean revoke(String id, String userId, Instant now) {
        return jdbc.sql(REVOKE)
                        .param("id", id)
                        .param("userId", userId)
                        .param("now", dialect.timestamp(now))
                        .update()
                > 0;
    }

    void touch(String id, Instant now) {
        jdbc.sql(TOUCH).param("id", id).param("now", dialect.timestamp(now)).update();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.readInstant(rs, "last_used_at"),
                SqlDialect.readInstant(rs, "revoked_at"));
    }
}
