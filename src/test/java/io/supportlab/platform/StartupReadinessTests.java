package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.SupportLabApplication;
import io.supportlab.testing.TestSqlite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * The web server accepts connections before start-up work (the first admin, the search index, the
 * product's own experiments) is done. Health must not say OK before the application can serve
 * every request: a probe that believed it would send traffic that fails.
 */
@Tag("slow")
class StartupReadinessTests {

    static final String ADMIN = "startup-admin@test.local";
    static final String PASSWORD = "a-long-startup-password-42";

    /** Runs before every other runner and holds start-up until the test lets it go. */
    static final class HeldStartup implements ApplicationRunner, Ordered {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void run(org.springframework.boot.ApplicationArguments args) throws InterruptedException {
            reached.countDown();
            release.await(60, TimeUnit.SECONDS);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthSaysOkOnlyOnceStartupWorkIsDone() throws Exception {
        HeldStartup held = new HeldStartup();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        SpringApplication app = new SpringApplication(SupportLabApplication.class);
        app.addInitializers(context ->
                ((GenericApplicationContext) context).registerBean("heldStartup", HeldStartup.class, () -> held));
        app.addListeners(event -> {
            if (event instanceof WebServerInitializedEvent initialized) {
                port.complete(initialized.getWebServer().getPort());
            }
        });
        String dataDir = TestSqlite.dataDir().resolve("startup-readiness").toString();
        CompletableFuture<ConfigurableApplicationContext> running = CompletableFuture.supplyAsync(() -> app.run(
                "--server.port=0",
                "--supportlab.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:sqlite:" + dataDir + "/supportlab.db",
                "--supportlab.admin.email=" + ADMIN,
                "--supportlab.admin.password=" + PASSWORD,
                "--supportlab.scheduling.enabled=false"));
        try {
            int serverPort = port.get(60, TimeUnit.SECONDS);
            assertThat(held.reached.await(60, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> early = get(serverPort, "/api/health");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.body()).contains("\"status\":\"STARTING\"");
            assertThat(get(serverPort, "/actuator/health/readiness").statusCode())
                    .isEqualTo(503);

            held.release.countDown();
            ConfigurableApplicationContext context = running.get(60, TimeUnit.SECONDS);
            try {
                HttpResponse<String> ready = get(serverPort, "/api/health");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("\"status\":\"OK\"");
                // What the reviewers saw fail: the first admin exists as soon as health says OK.
                assertThat(get(serverPort, "/api/users", ADMIN, PASSWORD).statusCode())
                        .isEqualTo(200);
            } finally {
                context.close();
            }
        } finally {
            held.release.countDown();
        }
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(int port, String path, String user, String password)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + basic)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
