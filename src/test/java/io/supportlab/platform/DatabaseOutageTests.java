package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.TestPostgres;
import io.supportlab.testing.UsePostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

/**
 * PostgreSQL becomes unreachable (new connections refused, existing ones killed, as in a restart):
 * requests answer 503 quickly, health says DOWN, and the application recovers by itself.
 */
@UsePostgres
class DatabaseOutageTests extends IntegrationTest {

    static final String TICKET = "{\"title\":\"T\",\"description\":\"D\",\"contact_email\":\"a@example.com\"}";

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void answers503QuicklyWhileTheDatabaseIsDownAndRecoversWithoutARestart() throws SQLException {
        createTicket().expectStatus().isCreated();
        String database =
                url.substring(url.lastIndexOf('/') + 1, url.indexOf('?') < 0 ? url.length() : url.indexOf('?'));
        try {
            takeDown(database);

            // The first request meets a pooled connection the server killed; the next ones wait for a new one.
            for (int attempt = 1; attempt <= 3; attempt++) {
                refusedQuickly(attempt);
            }

            EntityExchangeResult<String> page = anonymous()
                    .get()
                    .uri("/")
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody(String.class)
                    .returnResult();
            assertThat(page.getResponseBody())
                    .contains("cannot reach our database")
                    .doesNotContain("Exception");

            // A search needs no database but its rate limit does (shared by the instances on PostgreSQL).
            anonymous()
                    .get()
                    .uri("/help/search?q=printer")
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody(String.class)
                    .value(html -> assertThat(html).contains("cannot reach our database"));

            reportsDown("/actuator/health");
            reportsDown("/api/health");
        } finally {
            bringBack(database);
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> createTicket().expectStatus().isCreated());
        anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
        await().atMost(ServiceReadiness.DATABASE_CHECK_INTERVAL.multipliedBy(5))
                .untilAsserted(() -> anonymous()
                        .get()
                        .uri("/api/health")
                        .exchange()
                        .expectStatus()
                        .isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket_status_history")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    void refusedQuickly(int attempt) {
        long started = System.nanoTime();
        createTicket()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/unavailable");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("503 number " + attempt + " while the database was down took " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec createTicket() {
        return anonymous()
                .post()
                .uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .body(TICKET)
                .exchange();
    }

    /** What a restart looks like to the application: every connection dies and none can be opened. */
    static void takeDown(String database) throws SQLException {
        server("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        server("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    static void bringBack(String database) throws SQLException {
        server("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private static void server(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv(TestPostgres.URL_VARIABLE));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void reportsDown(String healthUri) {
        anonymous()
                .get()
                .uri(healthUri)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DOWN");
    }
}
