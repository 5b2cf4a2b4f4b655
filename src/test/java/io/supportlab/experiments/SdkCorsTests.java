package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Pages of a configured other site may call the tracking endpoints, as the SDK does from there. */
@TestPropertySource(properties = "supportlab.cors.allowed-origins=https://shop.example")
class SdkCorsTests extends IntegrationTest {

    static final String SHOP = "https://shop.example";

    RestTestClient.ResponseSpec preflight(String path, String origin) {
        return anonymous()
                .options()
                .uri(path)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange();
    }

    @Test
    void preflightFromTheConfiguredOriginIsAllowed() {
        for (String path : new String[] {"/api/ab/events", "/api/ab/assign", "/api/ab-tests/any/assign"}) {
            preflight(path, SHOP)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
                    .expectHeader()
                    .value(
                            HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                            methods -> assertThat(methods).contains("POST"))
                    .expectHeader()
                    .value(
                            HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                            headers -> assertThat(headers).containsIgnoringCase("content-type"))
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        }
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        preflight("/api/ab/events", "https://elsewhere.example")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void onlyTheTrackingEndpointsAreOpenToTheOrigin() {
        preflight("/api/tickets", SHOP).expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void beaconFromTheConfiguredOriginIsAnsweredWithCorsHeaders() {
        // sendBeacon's text/plain needs no preflight; the answer still says who may read it.
        anonymous()
                .method(HttpMethod.POST)
                .uri("/api/ab/events")
                .header(HttpHeaders.ORIGIN, SHOP)
                .contentType(MediaType.TEXT_PLAIN)
                .body("{\"events\": []}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(0);
    }
}
