package io.supportlab.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.SupportLabApplication;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.TestPostgres;
import io.supportlab.testing.UsePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup taken while tickets are being written holds every ticket acknowledged before it began,
 * nothing half-written, and a fresh application started on the restored copy serves it.
 */
class BackupRestoreTests {

    @Nested
    class OnSqlite extends Contract {

        @Test
        void onlineBackupRestoresIntoAWorkingApplication() throws Exception {
            Path restoredDir = Files.createTempDirectory("supportlab-restore-");
            Set<String> acknowledgedBefore = whileWriting(() -> {
                // The documented restore: the copy becomes the database file of a stopped installation.
                Files.copy(backUp(), restoredDir.resolve("supportlab.db"));
            });
            checkRestored(
                    Map.of(
                            "supportlab.data-dir",
                            restoredDir.toString(),
                            "spring.datasource.url",
                            "jdbc:sqlite:" + restoredDir.resolve("supportlab.db")),
                    acknowledgedBefore);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'backup.created'")
                            .query(Long.class)
                            .single())
                    .isPositive();
        }

        /** A backup holds what the database holds: only the account running SupportLab may read it. */
        @Test
        void backupsAndTheirDirectoryAreOwnerOnly() throws IOException {
            Path backup = backUp();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.getParent())))
                    .isEqualTo("rwx------");
            assertThat(Files.size(backup)).isPositive();
        }

        Path backUp() {
            return Path.of(json.readTree(admin().post()
                            .uri("/api/admin/backup")
                            .exchange()
                            .expectStatus()
                            .isCreated()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody())
                    .get("file")
                    .asString());
        }
    }

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {

        @Value("${spring.datasource.url}")
        String url;

        @Test
        void pgDumpAndPgRestoreBringUpAWorkingApplication() throws Exception {
            Path dump = Files.createTempFile("supportlab-", ".dump");
            String restored = "supportlab_restored_" + Long.toHexString(System.nanoTime());
            Set<String> acknowledgedBefore =
                    whileWriting(() -> run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + libpq(url)));
            server("CREATE DATABASE " + restored);
            try {
                String restoredUrl = TestPostgresUrls.withDatabase(url, restored);
                run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(restoredUrl), dump.toString());
                checkRestored(
                        Map.of(
                                "supportlab.data-dir",
                                Files.createTempDirectory("supportlab-restore-").toString(),
                                "spring.datasource.url",
                                restoredUrl),
                        acknowledgedBefore);
                admin().post()
                        .uri("/api/admin/backup")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(422);
            } finally {
                server("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }

        static String libpq(String jdbcUrl) {
            return jdbcUrl.substring("jdbc:".length());
        }

        static void server(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(System.getenv(TestPostgres.URL_VARIABLE));
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        static void run(String... command) throws IOException, InterruptedException {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as(String.join(" ", command) + ": " + output)
                    .isZero();
        }
    }

    /** Builds JDBC URLs of other databases on the test server. */
    static final class TestPostgresUrls {
        static String withDatabase(String url, String database) {
            int query = url.indexOf('?');
            String base = url.substring(0, url.lastIndexOf('/', query < 0 ? url.length() : query));
            return base + "/" + database + (query < 0 ? "" : url.substring(query));
        }
    }

    abstract static class Contract extends IntegrationTest {

        interface Step {
            void run() throws Exception;
        }

        @Autowired
        JsonMapper json;

        /**
         * Runs {@code backup} while four clients keep creating tickets; answers the tickets
         * acknowledged before the backup began.
         */
        Set<String> whileWriting(Step backup) throws Exception {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; writing.get() && i < 2_000; i++) {
                            acknowledged.add(createTicket("w" + writer + "-" + i));
                        }
                        return null;
                    });
                }
                while (acknowledged.size() < 20) {
                    Thread.onSpinWait();
                }
                Set<String> before = Set.copyOf(acknowledged);
                backup.run();
                writing.set(false);
                return before;
            }
        }

        String createTicket(String title) {
            return api(anonymous())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"" + title + "\",\"description\":\"d\",\"contact_email\":\"c@example.com\"}",
                            201)
                    .get("id")
                    .asString();
        }

        void checkRestored(Map<String, Object> database, Set<String> acknowledgedBefore) {
            Map<String, Object> properties = new java.util.HashMap<>(database);
            properties.put("server.port", "0");
            properties.put("supportlab.scheduling.enabled", "false");
            properties.put("supportlab.admin.password", ADMIN_PASSWORD);
            properties.put("supportlab.admin.email", ADMIN_EMAIL);
            // Command-line arguments outrank application.properties, as they would for an operator.
            String[] args = properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext restored =
                    new SpringApplicationBuilder(SupportLabApplication.class).run(args)) {
                JdbcClient db = restored.getBean(JdbcClient.class);
                List<String> ids =
                        db.sql("SELECT id FROM tickets").query(String.class).list();
                assertThat(ids).containsAll(acknowledgedBefore);
                assertThat(db.sql("""
                                SELECT COUNT(*) FROM tickets t
                                WHERE NOT EXISTS (SELECT 1 FROM ticket_status_history h WHERE h.ticket_id = t.id)
                                   OR NOT EXISTS (SELECT 1 FROM notifications n WHERE n.ticket_id = t.id)
                                """).query(Long.class).single())
                        .as("tickets without their history or outbox row")
                        .isZero();
                int port =
                        ((WebServerApplicationContext) restored).getWebServer().getPort();
                String id = acknowledgedBefore.iterator().next();
                RestTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port)
                        .build()
                        .get()
                        .uri("/api/tickets/" + id)
                        .headers(h -> h.setBasicAuth(ADMIN_EMAIL, ADMIN_PASSWORD))
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        }
    }
}
