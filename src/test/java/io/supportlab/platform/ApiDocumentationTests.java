package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description is a complete and accurate reference: named, only the JSON API, every
 * operation with the credentials it takes and the problems it can answer, and what it says about
 * credentials is what the server does.
 */
class ApiDocumentationTests extends IntegrationTest {

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode description() {
        return json.readTree(anonymous()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    @Test
    void isNamedAndOffersEveryWayToAuthenticate() {
        JsonNode api = description();
        assertThat(api.get("info").get("title").asString()).isEqualTo("SupportLab API");
        assertThat(api.get("info").get("version").asString()).isNotEqualTo("v0");
        JsonNode schemes = api.get("components").get("securitySchemes");
        assertThat(schemes.get("staffPassword").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("staffToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("customerToken").get("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void describesTheJsonApiOnly() {
        JsonNode api = description();
        api.get("paths").propertyNames().forEach(path -> assertThat(path).startsWith("/api/"));
        operations(api)
                .forEach(op -> assertThat(op.node().get("tags").toString())
                        .as(op.name())
                        .doesNotContain("controller"));
    }

    @Test
    void everyOperationSaysWhoMayCallItAndEveryErrorIsAProblem() {
        for (Op op : operations(description())) {
            JsonNode responses = op.node().get("responses");
            assertThat(op.node().has("security"))
                    .as(op.name() + " names its credentials")
                    .isTrue();
            assertThat(responses.has("503")).as(op.name()).isTrue();
            boolean success = false;
            for (String status : responses.propertyNames()) {
                success |= status.startsWith("2");
                if (status.compareTo("400") >= 0) {
                    assertThat(responses.get(status).get("content").has("application/problem+json"))
                            .as(op.name() + " " + status)
                            .isTrue();
                }
            }
            assertThat(success).as(op.name() + " documents its answer").isTrue();
            if (!op.node().get("security").isEmpty()) {
                assertThat(responses.has("401")).as(op.name()).isTrue();
                assertThat(responses.has("403")).as(op.name()).isTrue();
            }
        }
    }

    @Test
    void faqListAnswersArticlesOrSearchHitsNotStrings() {
        JsonNode items =
                description().at("/paths/~1api~1faqs/get/responses/200/content/application~1json/schema/items");
        assertThat(items.get("oneOf").toString()).contains("#/components/schemas/Faq", "#/components/schemas/FaqHit");
        assertThat(items.get("type").asString()).isEqualTo("object");
    }

    /** The server keeps what the description says: public operations answer strangers, others ask for credentials. */
    @Test
    void whatItSaysAboutCredentialsIsWhatTheServerDoes() {
        List<String> wrong = new ArrayList<>();
        for (Op op : operations(description())) {
            boolean documentedPublic = op.node().get("security").isEmpty();
            String uri = op.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            int status = anonymous()
                    .method(HttpMethod.valueOf(op.method().toUpperCase(Locale.ROOT)))
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            if (documentedPublic == (status == 401)) {
                wrong.add(op.name() + " documented " + (documentedPublic ? "public" : "with credentials")
                        + " but answered a stranger " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void swaggerUiMayStyleItselfButNoOtherPageMay() {
        String docs = anonymous()
                .get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(docs).contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';");
        String home = anonymous()
                .get()
                .uri("/")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(home).contains("style-src 'self';").doesNotContain("unsafe-inline");
    }

    record Op(String method, String path, JsonNode node) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    static List<Op> operations(JsonNode api) {
        List<Op> operations = new ArrayList<>();
        api.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> operations.add(new Op(op.getKey(), path.getKey(), op.getValue()))));
        return operations;
    }
}
