package io.supportlab.testing;

import io.supportlab.platform.persistence.DerivedDataCache;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running application on a random port with an empty database (but for the first admin), and
 * HTTP clients for anonymous, admin and any other caller. Tagged {@code slow}, like every suite that
 * starts the application, PostgreSQL, a browser or a process: {@code ./mvnw test} leaves them to
 * {@code ./mvnw verify} (see the {@code fast-tests-first} profile in pom.xml).
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = TestDatabaseContextCustomizerFactory.ADMIN_EMAIL;
    public static final String ADMIN_PASSWORD = TestDatabaseContextCustomizerFactory.ADMIN_PASSWORD;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private List<DerivedDataCache> caches;

    @Autowired
    private JsonMapper jsonMapper;

    @BeforeEach
    void startWithEmptyDatabase() {
        DatabaseCleaner.clean(jdbc, ADMIN_EMAIL);
        caches.forEach(DerivedDataCache::invalidateAll);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl(baseUrl()).build();
    }

    protected RestTestClient admin() {
        return withBasicAuth(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** JSON calls to the API as {@code client}, e.g. {@code api(admin()).post("/api/faqs", body, 201)}. */
    protected ApiClient api(RestTestClient client) {
        return new ApiClient(client, jsonMapper);
    }

    protected RestTestClient withBasicAuth(String email, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RestTestClient.bindToServer()
                .baseUrl(baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .build();
    }

    /** POSTs {@code json} to {@code uri} and returns the answer's body; fails unless the status is 2xx. */
    public static String postJson(RestTestClient client, String uri, String json) {
        return String.valueOf(client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    protected RestTestClient withBearer(String token) {
        return RestTestClient.bindToServer()
                .baseUrl(baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }
}
