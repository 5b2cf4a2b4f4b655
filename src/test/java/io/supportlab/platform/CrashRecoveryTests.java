package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.SupportLabApplication;
import io.supportlab.testing.TestPostgres;
import io.supportlab.testing.UsePostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real application as its own OS process, killed with SIGKILL while clients create tickets and
 * send event batches. After a restart every acknowledged write is there exactly once, and nothing
 * half-written is visible: each ticket has its history and outbox rows, each batch is all or none.
 */
@Tag("slow")
class CrashRecoveryTests {

    static final int USERS = 40;
    static final int BATCH = 20;
    /** Acknowledged writes before the kill: enough that it lands while clients are writing. */
    static final int TICKETS_BEFORE_CRASH = 25;

    static final int BATCHES_BEFORE_CRASH = 5;
    static final String ADMIN = "admin@crash.test";
    static final String PASSWORD = "crash-test-password";

    @Nested
    class OnSqlite extends Contract {
        @Override
        Database database() throws IOException {
            Path dir = Files.createTempDirectory("supportlab-crash-");
            return new Database("jdbc:sqlite:" + dir.resolve("supportlab.db"), dir);
        }
    }

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {
        @Override
        Database database() throws IOException {
            TestPostgres.Database db = TestPostgres.database("crash-" + System.nanoTime());
            return new Database(db.jdbcUrl(), Files.createTempDirectory("supportlab-crash-"));
        }
    }

    record Database(String jdbcUrl, Path dataDir) {}

    abstract static class Contract {

        static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        abstract Database database() throws IOException;

        @Test
        void everyAcknowledgedWriteSurvivesKillNineExactlyOnce() throws Exception {
            Database db = database();
            int port = freePort();
            Process app = start(db, port, "first");
            Map<String, String> tickets = new ConcurrentHashMap<>(); // id -> title
            Set<String> batches = ConcurrentHashMap.newKeySet();
            AtomicInteger attemptedBatches = new AtomicInteger();
            try {
                awaitHealthy(port, app);
                String experiment = runningExperiment(port);
                AtomicBoolean loading = new AtomicBoolean(true);
                try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int c = 0; c < 4; c++) {
                        int client = c;
                        clients.submit(() -> createTickets(port, client, loading, tickets));
                    }
                    for (int c = 0; c < 2; c++) {
                        int client = c;
                        clients.submit(() -> sendBatches(port, experiment, client, loading, batches, attemptedBatches));
                    }
                    // Let load build up; its arrival, not a fixed time, is the moment of the crash.
                    await().atMost(Duration.ofMinutes(1))
                            .until(() ->
                                    tickets.size() >= TICKETS_BEFORE_CRASH && batches.size() >= BATCHES_BEFORE_CRASH);
                    app.destroyForcibly().waitFor();
                    loading.set(false);
                }
            } finally {
                app.destroyForcibly().waitFor();
            }
            System.out.printf(
                    "kill -9 under load: %d tickets and %d of %d event batches acknowledged before the kill%n",
                    tickets.size(), batches.size(), attemptedBatches.get());
            assertThat(tickets).isNotEmpty();
            assertThat(batches).isNotEmpty();

            Process restarted = start(db, port, "restarted");
            try {
                awaitHealthy(port, restarted);
                try (Connection connection = connect(db)) {
                    assertEveryTicketOnceAndWhole(connection, tickets);
                    assertBatchesAllOrNothing(connection, batches, attemptedBatches.get());
                }
                String someTicket = tickets.keySet().iterator().next();
                assertThat(send(
                                        port,
                                        HttpRequest.newBuilder(uri(port, "/api/tickets/" + someTicket))
                                                .header("Authorization", basic())
                                                .GET())
                                .statusCode())
                        .isEqualTo(200);
            } finally {
                restarted.destroy();
                restarted.waitFor();
            }
        }

        void assertEveryTicketOnceAndWhole(Connection connection, Map<String, String> acknowledged)
                throws SQLException {
            Map<String, Integer> byTitle = new HashMap<>();
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT id, title FROM tickets")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    byTitle.merge(rs.getString(2), 1, Integer::sum);
                }
            }
            assertThat(ids).containsAll(acknowledged.keySet());
            assertThat(byTitle.values())
                    .as("each submitted ticket is stored at most once")
                    .allMatch(n -> n == 1);
            for (String title : acknowledged.values()) {
                assertThat(byTitle.get(title)).as(title).isEqualTo(1);
            }
            assertThat(count(connection, """
                            SELECT COUNT(*) FROM tickets t
                            WHERE NOT EXISTS (SELECT 1 FROM ticket_status_history h WHERE h.ticket_id = t.id)
                               OR NOT EXISTS (SELECT 1 FROM notifications n WHERE n.ticket_id = t.id)
                            """))
                    .as("tickets without their history or outbox row")
                    .isZero();
        }

        void assertBatchesAllOrNothing(Connection connection, Set<String> acknowledged, int attempted)
                throws SQLException {
            Map<String, Integer> perBatch = new HashMap<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT event_id FROM ab_test_events")) {
                while (rs.next()) {
                    String eventId = rs.getString(1);
                    perBatch.merge(eventId.substring(0, eventId.indexOf('.')), 1, Integer::sum);
                }
            }
            assertThat(perBatch.values()).as("events per stored batch").allMatch(n -> n == BATCH);
            assertThat(perBatch.keySet()).containsAll(acknowledged);
            assertThat(perBatch.size()).isLessThanOrEqualTo(attempted);
        }

        void createTickets(int port, int client, AtomicBoolean loading, Map<String, String> acknowledged) {
            for (int i = 0; loading.get(); i++) {
                String title = "crash-" + client + "-" + i;
                String body = "{\"title\":\"" + title + "\",\"description\":\"d\",\"contact_email\":\"c" + client
                        + "@example.com\"}";
                try {
                    HttpResponse<String> response = send(port, json(uri(port, "/api/tickets"), body));
                    Matcher id = ID.matcher(response.body());
                    if (response.statusCode() == 201 && id.find()) {
                        acknowledged.put(id.group(1), title);
                    }
                } catch (IOException e) {
                    return; // the process is gone
                }
            }
        }

        void sendBatches(
                int port,
                String experiment,
                int client,
                AtomicBoolean loading,
                Set<String> acknowledged,
                AtomicInteger attempted) {
            for (int b = 0; loading.get(); b++) {
                String batch = "b" + client + "x" + b;
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int i = 0; i < BATCH; i++) {
                    body.append(i == 0 ? "" : ",")
                            .append("{\"experiment\":\"")
                            .append(experiment)
                            .append("\",\"user_identifier\":\"u")
                            .append((b * BATCH + i) % USERS)
                            .append("\",\"event_name\":\"clicks\",\"event_id\":\"")
                            .append(batch)
                            .append('.')
                            .append(i)
                            .append("\"}");
                }
                attempted.incrementAndGet();
                try {
                    HttpResponse<String> response = send(
                            port,
                            json(uri(port, "/api/ab/events"), body.append("]}").toString()));
                    Matcher accepted = ACCEPTED.matcher(response.body());
                    if (response.statusCode() == 200
                            && accepted.find()
                            && Integer.parseInt(accepted.group(1)) == BATCH) {
                        acknowledged.add(batch);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        String runningExperiment(int port) throws IOException {
            String key = "crash";
            HttpResponse<String> created = send(
                    port,
                    json(
                                    uri(port, "/api/ab-tests"),
                                    "{\"name\":\"Crash\",\"key\":\"" + key + "\",\"control_variant\":\"a\","
                                            + "\"test_variant\":\"b\",\"target_metric\":\"clicks\"}")
                            .header("Authorization", basic()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> started = send(
                    port,
                    HttpRequest.newBuilder(uri(port, "/api/ab-tests/" + key + "/status"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", basic())
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"running\"}")));
            assertThat(started.statusCode()).isEqualTo(200);
            for (int u = 0; u < USERS; u++) {
                assertThat(send(
                                        port,
                                        json(
                                                uri(port, "/api/ab-tests/" + key + "/assign"),
                                                "{\"user_identifier\":\"u" + u + "\"}"))
                                .statusCode())
                        .isEqualTo(200);
            }
            return key;
        }

        Process start(Database db, int port, String name) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SupportLabApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + db.jdbcUrl(),
                    "--supportlab.data-dir=" + db.dataDir(),
                    "--supportlab.admin.email=" + ADMIN,
                    "--supportlab.admin.password=" + PASSWORD,
                    "--supportlab.rate-limits.enabled=false",
                    "--logging.level.root=WARN"));
            File log = Path.of("target", "crash-" + name + "-" + port + ".log").toFile();
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
        }

        void awaitHealthy(int port, Process app) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class) // still starting
                    .alias("the application becomes healthy")
                    .until(() -> {
                        assertThat(app.isAlive())
                                .as("the application process exited; see target/crash-*.log")
                                .isTrue();
                        // Ready only after the start-up runners (the first admin, hashed with
                        // bcrypt) have run; /api/health answers before.
                        return send(
                                                port,
                                                HttpRequest.newBuilder(uri(port, "/actuator/health/readiness"))
                                                        .GET())
                                        .statusCode()
                                == 200;
                    });
        }

        Connection connect(Database db) throws SQLException {
            return DriverManager.getConnection(db.jdbcUrl());
        }

        static long count(Connection connection, String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException {
            try {
                return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        static HttpRequest.Builder json(URI uri, String body) {
            return HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        static URI uri(int port, String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        static String basic() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
