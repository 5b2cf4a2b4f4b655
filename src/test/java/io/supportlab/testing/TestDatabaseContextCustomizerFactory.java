package io.supportlab.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every Spring test context at a throw-away database: SQLite in a temporary data directory,
 * or a fresh PostgreSQL database for classes marked {@link UsePostgres}. The two variants are
 * different customizers, so Spring caches one context per database and reuses it across classes;
 * contexts with other settings get a directory and database of their own, so the background jobs
 * of one cached context never touch another's rows.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    static final String ADMIN_EMAIL = "admin@test.local";
    static final String ADMIN_PASSWORD = "admin-test-password";

    static final Map<String, Object> GENEROUS_LIMITS = Map.ofEntries(
            Map.entry("supportlab.rate-limits.ticket-creation.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.search.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.tracking.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.access-links.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.access-link-emails.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.contact-tickets.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.confirmation-emails.capacity", 1_000_000),
            Map.entry("supportlab.rate-limits.login.free-failures", 1_000),
            Map.entry("supportlab.rate-limits.login.lockout-failures", 1_000),
            Map.entry("supportlab.rate-limits.login.address-lockout-failures", 1_000),
            // Browser tests fill in the public form faster than a person.
            Map.entry("supportlab.tickets.min-fill-time", "0s"),
            // Tests decide waiting access-link requests themselves (AccessLinkRequests.decideWaiting).
            Map.entry("supportlab.tickets.access-link-poll-interval", "1h"));

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new DatabaseCustomizer(TestContextAnnotationUtils.hasAnnotation(testClass, UsePostgres.class));
    }

    record DatabaseCustomizer(boolean postgres) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new HashMap<>();
            // One data directory (SQLite file, search index) and one PostgreSQL database per context.
            String name = (postgres ? "pg-" : "sqlite-") + Integer.toHexString(config.hashCode());
            String dataDir = TestSqlite.dataDir().resolve(name).toString();
            properties.put("supportlab.data-dir", dataDir);
            properties.put("supportlab.admin.email", ADMIN_EMAIL);
            properties.put("supportlab.test.smtp-port", TestSmtp.port());
            properties.put("supportlab.admin.password", ADMIN_PASSWORD);
            // Many contexts stay cached side by side, each with its pool: keep one idle connection
            // each, or together they exceed PostgreSQL's max_connections (100 by default).
            properties.put("spring.datasource.hikari.minimum-idle", 1);
            properties.put("spring.datasource.hikari.idle-timeout", 10_000);
            if (postgres) {
                properties.put(
                        "spring.datasource.url", TestPostgres.database(name).jdbcUrl());
            } else {
                properties.put("spring.datasource.url", "jdbc:sqlite:" + dataDir + "/supportlab.db");
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("supportlab-test-database", properties));
            // Every test calls from 127.0.0.1; the abuse limits have their own tests, which set low
            // limits with @TestPropertySource (this source comes last, so theirs win).
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource("supportlab-test-rate-limits", GENEROUS_LIMITS));
        }
    }
}
