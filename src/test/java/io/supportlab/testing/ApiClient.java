package io.supportlab.testing;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to the API as one caller: each sends a request, expects the status and reads the
 * answer as JSON (an empty answer as JSON {@code null}). Get one from {@link IntegrationTest#api}.
 */
public record ApiClient(RestTestClient client, JsonMapper json) {

    public JsonNode get(String uri, int status) {
        return read(client.get().uri(uri).exchange(), status);
    }

    public JsonNode post(String uri, String body, int status) {
        return send(HttpMethod.POST, uri, body, status);
    }

    public JsonNode put(String uri, String body, int status) {
        return send(HttpMethod.PUT, uri, body, status);
    }

    public JsonNode delete(String uri, int status) {
        return read(client.delete().uri(uri).exchange(), status);
    }

    private JsonNode send(HttpMethod method, String uri, String body, int status) {
        return read(
                client.method(method)
                        .uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .exchange(),
                status);
    }

    private JsonNode read(RestTestClient.ResponseSpec response, int status) {
        String body = response.expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return json.readTree(body == null || body.isEmpty() ? "null" : body);
    }
}
