package io.supportlab.platform.persistence;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random keys created on first use and kept in the database ({@code app_secrets}), so that every
 * instance on a shared PostgreSQL signs, verifies and hashes with the same key and a restart
 * invalidates nothing. Each purpose has its own key.
 */
@Component
public class AppKeys {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO app_secrets (name, value, created_at) VALUES (:name, :value, :now)
            ON CONFLICT (name) DO NOTHING
            """;

    private static final String SELECT = "SELECT value FROM app_secrets WHERE name = :name";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    AppKeys(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The 256-bit key called {@code name}, created (once, whichever instance is first) if missing. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql(INSERT_IF_ABSENT)
                .param("name", name)
                .param("value", Base64.getEncoder().encodeToString(candidate))
                .param("now", dialect.timestamp(Instant.now(clock)))
                .update();
        String stored = jdbc.sql(SELECT).param("name", name).query(String.class).single();
        return Base64.getDecoder().decode(stored);
    }
}
