package io.supportlab.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** Each request limit answers with its own status and problem type, and nothing is written. */
@TestPropertySource(properties = {"supportlab.http.max-body-size=64KB", "supportlab.http.max-json-depth=16"})
class RequestLimitTests extends IntegrationTest {

    @Test
    void bodyAboveTheLimitIs413() {
        post("/api/tickets", "{\"title\":\"" + "x".repeat(70_000) + "\"}")
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/payload-too-large")
                .jsonPath("$.max_bytes")
                .isEqualTo(65536);
        assertNothingWritten();
    }

    @Test
    void deeplyNestedJsonIsRefusedWhileParsing() {
        String deep = "{\"events\":[{\"event_data\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}]}";
        post("/api/ab/events", deep)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/json-too-deep")
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).contains("too deeply"));
        post("/api/ab-tests/x/assign", "{\"attributes\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(41))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/json-too-deep");
    }

    @Test
    void overlongFieldsAreValidationErrorsPerField() {
        post(
                        "/api/tickets",
                        "{\"title\":\"" + "t".repeat(201)
                                + "\",\"description\":\"d\",\"contact_email\":\"a@example.com\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("title");
        assertNothingWritten();
    }

    @Test
    void batchAboveTheLimitIs413WithTheMaximum() {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= 1000; i++) {
            batch.append(i == 0 ? "" : ",").append("{}");
        }
        post("/api/ab/events", batch.append("]}").toString())
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/batch-too-large")
                .jsonPath("$.max_items")
                .isEqualTo(1000);
    }

    @Test
    void headersAboveTheLimitAre431() throws IOException {
        String response = raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "j".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431");
        assertThat(response).contains("/problems/headers-too-large").doesNotContain("Exception");
    }

    String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec post(String uri, String body) {
        return anonymous()
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    void assertNothingWritten() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single())
                .isZero();
    }
}
