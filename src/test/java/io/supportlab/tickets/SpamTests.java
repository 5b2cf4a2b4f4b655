package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.SignedTokens;
import io.supportlab.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The public form's spam defences: flagged tickets are kept and marked, hidden, and mail nobody. */
@TestPropertySource(properties = "supportlab.tickets.min-fill-time=5s")
class SpamTests extends IntegrationTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @Autowired
    SignedTokens tokens;

    @Test
    void aPersonsTicketIsNotFlagged() {
        submit("Person", "", renderedAgo(Duration.ofSeconds(30)));
        assertThat(spamOf("Person")).isFalse();
        assertThat(notificationsFor("Person")).isEqualTo(1);
    }

    @Test
    void filledHoneypotIsKeptFlaggedAndMailsNobody() {
        submit("Honeypot", "http://cheap-pills.example", renderedAgo(Duration.ofSeconds(30)));
        assertThat(spamOf("Honeypot")).isTrue();
        assertThat(reasonOf("Honeypot")).isEqualTo("honeypot field filled in");
        assertThat(notificationsFor("Honeypot")).isZero();
    }

    @Test
    void formSentFasterThanAPersonCanTypeIsFlagged() {
        String page =
                anonymous().get().uri("/").exchange().returnResult(String.class).getResponseBody();
        Matcher token = FORM_TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(page).contains("class=\"hp-field\"");
        submit("Quick", "", token.group(1));
        assertThat(reasonOf("Quick")).matches("sent \\d+ ms after the form was shown");
    }

    @Test
    void formPostedWithoutLoadingTheFormIsFlagged() {
        submit("Blind", "", "");
        assertThat(reasonOf("Blind")).isEqualTo("form token missing, forged or expired");
        submit("Forged", "", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwIn0.c2lnbmF0dXJl");
        assertThat(spamOf("Forged")).isTrue();
    }

    @Test
    void flaggedTicketsAreLeftOutOfTheListButShownWithTheFilter() {
        submit("Hidden", "spam", renderedAgo(Duration.ofSeconds(30)));
        submit("Shown", "", renderedAgo(Duration.ofSeconds(30)));
        admin().get()
                .uri("/api/tickets")
                .exchange()
                .expectBody()
                .jsonPath("$[*].title")
                .isEqualTo(java.util.List.of("Shown"));
        admin().get()
                .uri("/api/tickets?spam=true")
                .exchange()
                .expectBody()
                .jsonPath("$[*].title")
                .isEqualTo(java.util.List.of("Hidden"))
                .jsonPath("$[0].spam")
                .isEqualTo(true);
    }

    @Test
    void staffCanReleaseAFlaggedTicketAndTheCustomerIsThenEmailed() {
        submit("Released", "", "");
        String id = jdbc.sql("SELECT id FROM tickets WHERE title = 'Released'")
                .query(String.class)
                .single();
        admin().post()
                .uri("/api/tickets/" + id + "/not-spam")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.spam")
                .isEqualTo(false);
        assertThat(notificationsFor("Released")).isEqualTo(1);
        admin().post()
                .uri("/api/tickets/" + id + "/not-spam")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        anonymous()
                .post()
                .uri("/api/tickets/" + id + "/not-spam")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    String renderedAgo(Duration ago) {
        return tokens.issue(
                Long.toString(Instant.now().minus(ago).toEpochMilli()),
                SignedTokens.Purpose.FORM_RENDERED,
                Duration.ofDays(1));
    }

    void submit(String title, String honeypot, String formToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("description", "Details");
        form.add("contactEmail", title.toLowerCase(java.util.Locale.ROOT) + "@example.com");
        form.add("website", honeypot);
        form.add("formToken", formToken);
        anonymous()
                .post()
                .uri("/help/tickets")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .value("Location", location -> assertThat(location).endsWith("/help/submitted"));
    }

    boolean spamOf(String title) {
        return jdbc.sql("SELECT spam FROM tickets WHERE title = :title")
                .param("title", title)
                .query(Boolean.class)
                .single();
    }

    String reasonOf(String title) {
        return jdbc.sql("SELECT spam_reason FROM tickets WHERE title = :title")
                .param("title", title)
                .query(String.class)
                .single();
    }

    long notificationsFor(String title) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM notifications n JOIN tickets t ON t.id = n.ticket_id WHERE t.title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }
}
