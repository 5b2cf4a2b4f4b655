package io.supportlab.accounts;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.persistence.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    /** A user with the password hash and security stamp, for authentication only. */
    record Credentials(StaffUser user, String passwordHash, long securityStamp) {}

    /** What a session re-checks on every request: whether the account is on, and its stamp. */
    record SignInState(boolean active, long securityStamp) {}

    private static final String COLUMNS =
            "id, email, display_name, password_hash, role, active, created_at, last_login_at, security_stamp";

    private static final String INSERT = """
            INSERT INTO users (id, email, display_name, password_hash, role, active, created_at, updated_at)
            VALUES (:id, :email, :displayName, :passwordHash, :role, :active, :now, :now)
            """;

    private static final String FIND_BY_EMAIL = "SELECT " + COLUMNS + " FROM users WHERE email = :email";

    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = :id";

    private static final String LIST = "SELECT " + COLUMNS + " FROM users ORDER BY display_name, email";

    private static final String LIST_ACTIVE =
            "SELECT " + COLUMNS + " FROM users WHERE active = :active ORDER BY display_name, email";

    private static final String COUNT_ACTIVE_ADMINS =
            "SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = :active";

    private static final String SET_ACTIVE = "UPDATE users SET active = :active, updated_at = :now WHERE id = :id";

    private static final String SET_PASSWORD =
            "UPDATE users SET password_hash = :passwordHash, updated_at = :now WHERE id = :id";

    private static final String SET_ROLE = "UPDATE users SET role = :role, updated_at = :now WHERE id = :id";

    private static final String BUMP_SECURITY_STAMP =
            "UPDATE users SET security_stamp = security_stamp + 1, updated_at = :now WHERE id = :id";

    private static final String FIND_SIGN_IN_STATE = "SELECT active, security_stamp FROM users WHERE id = :id";

    private static final String SET_LAST_LOGIN = "UPDATE users SET last_login_at = :now WHERE email = :email";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    UserRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(StaffUser user, String passwordHash) {
        jdbc.sql(INSERT)
                .param("id", user.id())
                .param("email", user.email())
                .param("displayName", user.displayName())
                .param("passwordHash", passwordHash)
                .param("role", user.role().value())
                .param("active", user.active())
                .param("now", dialect.timestamp(user.createdAt()))
                .update();
    }

    Optional<Credentials> findCredentials(EmailAddress email) {
        return jdbc.sql(FIND_BY_EMAIL)
                .param("email", email.value())
                .query((rs, n) ->
                        new Credentials(map(rs, n), rs.getString("password_hash"), rs.getLong("security_stamp")))
                .optional();
    }

    Optional<StaffUser> findById(String id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(UserRepository::map).optional();
    }

    Optional<StaffUser> findByEmail(EmailAddress email) {
        return findCredentials(email).map(Credentials::user);
    }

    List<StaffUser> list() {
        return jdbc.sql(LIST).query(UserRepository::map).list();
    }

    List<StaffUser> listActive() {
        return jdbc.sql(LIST_ACTIVE)
                .param("active", true)
                .query(UserRepository::map)
                .list();
    }

    long countActiveAdmins() {
        return jdbc.sql(COUNT_ACTIVE_ADMINS)
                .param("active", true)
                .query(Long.class)
                .single();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
    }

    void setActive(String id, boolean active, Instant now) {
        jdbc.sql(SET_ACTIVE)
                .param("id", id)
                .param("active", active)
                .param("now", dialect.timestamp(now))
                .update();
    }

    void setPassword(String id, String passwordHash, Instant now) {
        jdbc.sql(SET_PASSWORD)
                .param("id", id)
                .param("passwordHash", passwordHash)
                .param("now", dialect.timestamp(now))
                .update();
    }

    void setRole(String id, Role role, Instant now) {
        jdbc.sql(SET_ROLE)
                .param("id", id)
                .param("role", role.value())
                .param("now", dialect.timestamp(now))
                .update();
    }

    /** Ends every session of the user (they remember the old stamp); answers the new stamp. */
    long bumpSecurityStamp(String id, Instant now) {
        jdbc.sql(BUMP_SECURITY_STAMP)
                .param("id", id)
                .param("now", dialect.timestamp(now))
                .update();
        return findSignInState(id).map(SignInState::securityStamp).orElseThrow();
    }

    /** One primary-key read, made on every request of a signed-in staff member. */
    Optional<SignInState> findSignInState(String id) {
        return jdbc.sql(FIND_SIGN_IN_STATE)
                .param("id", id)
                .query((rs, n) -> new SignInState(rs.getBoolean("active"), rs.getLong("security_stamp")))
                .optional();
    }

    void recordLogin(String email, Instant now) {
        jdbc.sql(SET_LAST_LOGIN)
                .param("email", email)
                .param("now", dialect.timestamp(now))
                .update();
    }

    private static StaffUser map(ResultSet rs, int row) throws SQLException {
        return new StaffUser(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.fromValue(rs.getString("role")),
                rs.getBoolean("active"),
                SqlDialect.requireInstant(rs, "created_at"),
                SqlDialect.readInstant(rs, "last_login_at"));
    }
}
