package io.supportlab.testing;

import io.supportlab.platform.persistence.DerivedDataCache;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A running application on a random port with an empty database (but for the first admin), and
 * HTTP clients for anonymous, admin and any other caller.
 */
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
