package io.supportlab.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The RFC 9457 error model, end to end over HTTP, on endpoints that exist from the start. */
class ApiErrorTests extends IntegrationTest {

    @Test
    void healthAnswersLikeTheSeed() {
        anonymous()
                .get()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json(
                        "{\"status\":\"OK\",\"message\":\"Support API is running\"}",
                        org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void unauthenticatedStaffCallGets401ProblemWithChallenge() {
        anonymous()
                .get()
                .uri("/api/users")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SupportLab\"")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.type")
                .isEqualTo("/problems/unauthorized")
                .jsonPath("$.instance")
                .isEqualTo("/api/users");
    }

    @Test
    void wrongPasswordGets401() {
        withBasicAuth(ADMIN_EMAIL, "not-the-password")
                .get()
                .uri("/api/users")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Wrong email or password");
    }

    @Test
    void malformedJsonGets400WithPosition() {
        admin().post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/malformed-request")
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).startsWith("Malformed JSON at line 1"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        admin().post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\":\"a@b.co\",\"display_name\":\"A\",\"password\":\"long-enough-pw\",\"role\":\"boss\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role")
                .jsonPath("$.errors[0].message")
                .isEqualTo("'boss' is not one of: admin, agent");
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        admin().post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\":[1,2],\"display_name\":\"A\",\"password\":\"long-enough-pw\",\"role\":\"agent\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("email")
                .jsonPath("$.errors[0].message")
                .isEqualTo("expected a string");
    }

    @Test
    void validationListsEveryInvalidFieldInSnakeCase() {
        admin().post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\":\"not-an-email\",\"password\":\"short\",\"role\":\"agent\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors.length()")
                .isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'email')].message")
                .isEqualTo("must be a well-formed email address")
                .jsonPath("$.errors[?(@.field == 'display_name')].message")
                .isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'password')]")
                .exists();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void unknownPathGets404Problem() {
        admin().get()
                .uri("/api/no-such-thing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Nothing at GET /api/no-such-thing");
    }

    @Test
    void wrongMethodGets405WithAllowHeader() {
        admin().delete()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "GET")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongContentTypeGets415() {
        admin().post()
                .uri("/api/users")
                .contentType(MediaType.TEXT_PLAIN)
                .body("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedBodyGets413BeforeItIsRead() {
        String huge = "{\"email\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        admin().post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/payload-too-large")
                .jsonPath("$.max_bytes")
                .isEqualTo(2 * 1024 * 1024);
    }
}
