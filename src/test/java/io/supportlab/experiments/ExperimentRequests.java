package io.supportlab.experiments;

import io.supportlab.testing.ApiClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to the experiment API that the experiment tests share: any client, or an admin. */
record ExperimentRequests(JsonMapper json, RestTestClient admin) {

    JsonNode post(RestTestClient client, String uri, String body, int status) {
        return new ApiClient(client, json).post(uri, body, status);
    }

    JsonNode get(RestTestClient client, String uri, int status) {
        return new ApiClient(client, json).get(uri, status);
    }

    JsonNode create(String body) {
        return post(admin, "/api/ab-tests", body, 201);
    }

    JsonNode setStatus(String id, String status, int expected) {
        return new ApiClient(admin, json)
                .put("/api/ab-tests/" + id + "/status", "{\"status\":\"" + status + "\"}", expected);
    }

    /** Creates an experiment and starts it; its id. */
    String running(String body) {
        String id = create(body).get("id").asString();
        setStatus(id, "running", 200);
        return id;
    }

    /** A running two-variant experiment with this key and target metric {@code go}. */
    String running(String key, String name) {
        return running("{\"name\":\"" + name + "\",\"key\":\"" + key
                + "\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
    }
}
