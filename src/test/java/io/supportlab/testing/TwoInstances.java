package io.supportlab.testing;

import io.supportlab.SupportLabApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application in this JVM on one PostgreSQL database, as a cluster runs them
 * behind a load balancer: each its own web server (random port), data directory (search index copy,
 * backups) and connection pool, the database shared. For tests of what must hold across instances
 * (sessions, limits, caches, jobs). Use it in a class tagged {@code slow} and {@link UsePostgres}
 * (which skips or, on CI, fails it without a PostgreSQL server):
 *
 * <pre>{@code
 * @UsePostgres
 * class SomethingAcrossInstancesTests {
 *     static TwoInstances cluster;
 *     @BeforeAll static void start() { cluster = TwoInstances.start("something"); }
 *     @AfterAll static void stop() { cluster.close(); }
 *     @Test void ...() { PageSession.staff(cluster.baseUrl(1), ...); cluster.bean(2, SomeService.class) ... }
 * }
 * }</pre>
 *
 * Both start with the settings of the Spring test contexts ({@link TestDatabaseContextCustomizerFactory}):
 * the test admin, GreenMail's port, generous abuse limits; a test that needs other settings passes
 * them to {@link #start(String, Map)}, where they win. The instances do not clean the database
 * between tests: a test makes its own rows (unique names) or cleans with {@link DatabaseCleaner}.
 * Classes annotated {@link TestConfiguration} are not picked up by the instances' component scan,
 * as in a Spring test context.
 */
public final class TwoInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> instances;
    private final JdbcClient jdbc;

    private TwoInstances(List<ConfigurableApplicationContext> instances) {
        this.instances = instances;
        this.jdbc = instances.getFirst().getBean(JdbcClient.class);
    }

    /** Two instances on a fresh database named after {@code name} (one per name and JVM). */
    public static TwoInstances start(String name) {
        return start(name, Map.of());
    }

    /** Two instances with {@code properties} over the test settings (e.g. low rate limits). */
    public static TwoInstances start(String name, Map<String, ?> properties) {
        String url = TestPostgres.database("two-instances-" + name).jdbcUrl();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (int instance = 1; instance <= 2; instance++) {
                Path dataDir = TestSqlite.dataDir().resolve("two-instances-" + name + "-" + instance);
                Map<String, Object> settings =
                        new LinkedHashMap<>(TestDatabaseContextCustomizerFactory.GENEROUS_LIMITS);
                settings.put("server.port", 0);
                settings.put("supportlab.data-dir", dataDir.toString());
                settings.put("spring.datasource.url", url);
                settings.put("supportlab.admin.email", TestDatabaseContextCustomizerFactory.ADMIN_EMAIL);
                settings.put("supportlab.admin.password", TestDatabaseContextCustomizerFactory.ADMIN_PASSWORD);
                settings.put("supportlab.test.smtp-port", TestSmtp.port());
                settings.put("spring.datasource.hikari.minimum-idle", 1);
                settings.putAll(properties);
                // Command-line arguments: above application.properties, like a real deployment's settings.
                String[] args = settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                started.add(new SpringApplicationBuilder(SupportLabApplication.class)
                        .initializers(context -> context.getBeanFactory()
                                .registerSingleton("testConfigurationExclusion", new TestConfigurationExclusion()))
                        .run(args));
            }
        } catch (RuntimeException e) {
            started.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        return new TwoInstances(started);
    }

    /** {@code http://localhost:port} of instance 1 or 2. */
    public String baseUrl(int instance) {
        var server = ((WebServerApplicationContext) context(instance)).getWebServer();
        return "http://localhost:" + server.getPort();
    }

    /** The application context of instance 1 or 2, e.g. to call a service on that instance. */
    public ConfigurableApplicationContext context(int instance) {
        if (instance < 1 || instance > instances.size()) {
            throw new IllegalArgumentException("No instance " + instance + ": there are 1 and 2");
        }
        return instances.get(instance - 1);
    }

    public <T> T bean(int instance, Class<T> type) {
        return context(instance).getBean(type);
    }

    /** The shared database. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    /** Leaves {@code @TestConfiguration} classes (alternative clocks, broken templates) out of the scan. */
    private static final class TestConfigurationExclusion extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationExclusion;
        }

        @Override
        public int hashCode() {
            return TestConfigurationExclusion.class.hashCode();
        }
    }
}
