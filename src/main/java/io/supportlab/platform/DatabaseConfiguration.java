package io.supportlab.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
     * SQLite serialises writers. WAL lets readers run beside the one writer, the busy timeout makes
     * a second writer wait instead of failing, and {@code BEGIN IMMEDIATE} takes the write lock at
     * the start of a transaction, so two transactions never deadlock upgrading read locks (the cause
     * of "database is locked" errors that a busy timeout cannot cure). {@code synchronous=FULL}
     * because an acknowledged write must survive a power cut, not only a process crash.
     */
    @Bean
    static BeanPostProcessor sqliteDataSourceSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
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
        createParentDirectory(hikari.getJdbcUrl());
        hikari.addDataSourceProperty("journal_mode", "WAL");
        hikari.addDataSourceProperty("synchronous", "FULL");
        hikari.addDataSourceProperty("busy_timeout", "10000");
        hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        hikari.addDataSourceProperty("foreign_keys", "true");
        hikari.addDataSourceProperty("date_class", "TEXT");
        hikari.setPoolName("sqlite");
    }

    private static void createParentDirectory(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + parent, e);
        }
    }
}
