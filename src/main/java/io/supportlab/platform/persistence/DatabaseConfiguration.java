package io.supportlab.platform.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Database settings that depend on which of the two supported databases is configured. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    SqlDialect sqlDialect(DataSourceProperties properties) {
        return SqlDialect.fromJdbcUrl(properties.determineUrl());
    }

    /** UTC in whole microseconds: what both databases store, so a value read back equals the one written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * Before the pool opens its first connection: the data directory (SQLite file, search index,
     * backups) is made owner-only, and SQLite is configured. WAL lets readers run beside the one
     * writer, the busy timeout makes a second writer wait instead of failing, and {@code BEGIN
     * IMMEDIATE} takes the write lock at the start of a transaction, so two transactions never
     * deadlock upgrading read locks (the cause of "database is locked" errors that a busy timeout
     * cannot cure). {@code synchronous=FULL} because an acknowledged write must survive a power cut,
     * not only a process crash. {@code secure_delete} overwrites deleted and replaced content with
     * zeros instead of leaving it in free space, where an erased address would stay readable.
     */
    @Bean
    static BeanPostProcessor dataSourceFiles(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource) {
                    OwnerOnlyFiles.directory(Path.of(environment.getProperty("supportlab.data-dir", "./data")));
                }
                if (bean instanceof HikariDataSource hikari
                        && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:sqlite:")) {
                    configureSqlite(hikari);
                }
                return bean;
            }
        };
    }

    static void configureSqlite(HikariDataSource hikari) {
        Path database = databaseFile(hikari.getJdbcUrl());
        if (database != null) {
            createOwnerOnly(database);
        }
        hikari.addDataSourceProperty("journal_mode", "WAL");
        hikari.addDataSourceProperty("synchronous", "FULL");
        hikari.addDataSourceProperty("busy_timeout", "10000");
        hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        hikari.addDataSourceProperty("foreign_keys", "true");
        hikari.addDataSourceProperty("secure_delete", "true");
        hikari.addDataSourceProperty("date_class", "TEXT");
        hikari.setPoolName("sqlite");
    }

    /**
     * The database file is created (empty, which SQLite takes as a new database) before SQLite opens
     * it, so that it is owner-only whatever the umask; SQLite creates {@code -wal} and {@code -shm}
     * with the database file's permissions. Files an earlier version created readable by others are
     * narrowed.
     */
    private static void createOwnerOnly(Path database) {
        OwnerOnlyFiles.directory(
                Objects.requireNonNull(database.toAbsolutePath().getParent(), "the database is a file"));
        OwnerOnlyFiles.file(database);
        OwnerOnlyFiles.restrictIfPresent(Path.of(database + "-wal"));
        OwnerOnlyFiles.restrictIfPresent(Path.of(database + "-shm"));
        OwnerOnlyFiles.restrictIfPresent(Path.of(database + "-journal"));
    }

    /** The database file of a {@code jdbc:sqlite:} URL; null for in-memory and {@code file:} URI forms. */
    static @Nullable Path databaseFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file);
    }
}
