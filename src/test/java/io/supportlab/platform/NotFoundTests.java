package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A URL that leads nowhere answers 404 for everyone, with a page that helps a person on. */
class NotFoundTests extends IntegrationTest {

    @Test
    void anonymousVisitorOfAnUnknownPageGetsAHelpful404() {
        String page = anonymous()
                .get()
                .uri("/does-not-exist")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("We could not find that page")
                .contains("action=\"/help/search\"")
                .contains("href=\"/\"")
                .doesNotContain("id=\"password\"");
    }

    @Test
    void anonymousApiCallToAnUnknownPathGets404Problem() {
        anonymous()
                .get()
                .uri("/api/no-such-thing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pagesThatExistStillNeedTheirLogin() {
        anonymous()
                .get()
                .uri("/tickets")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/login"));
        anonymous()
                .get()
                .uri("/my/tickets")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/my/link"));
        anonymous().get().uri("/api/users").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownStaffLookingPathsAre404TooNotALoginPrompt() {
        anonymous()
                .get()
                .uri("/tickets/some/deep/path/that/does/not/exist")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
