package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The help center's defences against automated tickets, on SQLite and PostgreSQL. Only signals no
 * person trips flag a ticket (the honeypot, too many tickets for one address); a form that came
 * back too fast, without a valid token or after its token was used is shown again to be confirmed.
 * Flagged tickets are kept, hidden from the list, and mail nobody.
 */
class SpamTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @TestPropertySource(
            properties = {"supportlab.tickets.min-fill-time=5s", "supportlab.rate-limits.contact-tickets.capacity=2"})
    abstract static class Contract extends IntegrationTest {

        private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

        @Autowired
        SpamCheck spam;

        @Autowired
        Clock clock;

        @Test
        void aPersonsTicketIsFiledAndConfirmed() {
            HttpResponse<String> page = submit(person("Person"), renderedAgo(Duration.ofSeconds(30)));
            assertThat(page.uri().getPath()).isEqualTo("/help/submitted");
            assertThat(page.body()).contains("We will email a confirmation to <strong>person@example.com</strong>");
            assertThat(spamOf("Person")).isFalse();
            assertThat(notificationsFor("Person")).isEqualTo(1);
        }

        @Test
        void filledHoneypotIsKeptFlaggedAndMailsNobody() {
            Map<String, String> form = person("Honeypot");
            form.put("website", "http://cheap-pills.example");
            HttpResponse<String> page = submit(form, renderedAgo(Duration.ofSeconds(30)));
            assertThat(spamOf("Honeypot")).isTrue();
            assertThat(reasonOf("Honeypot")).isEqualTo("honeypot field filled in");
            assertThat(notificationsFor("Honeypot")).isZero();
            // Nothing on the page claims an email that will not be sent.
            assertThat(page.uri().getPath()).isEqualTo("/help/submitted");
            assertThat(page.body()).contains("was received").doesNotContain("email a confirmation", "We sent");
        }

        @Test
        void aQuickSenderIsAskedToConfirmAndNothingIsFlagged() {
            PageSession visitor = new PageSession(baseUrl());
            HttpResponse<String> again =
                    visitor.post("/help/tickets", with(person("Quick"), tokenOf(visitor.get("/"))));
            assertThat(again.uri().getPath()).isEqualTo("/");
            assertThat(again.body()).contains("id=\"form-notice\"", "value=\"Quick\"", "Details of Quick");
            assertThat(count()).isZero();

            // Confirming at once is fine: a person looked at the form a second time.
            HttpResponse<String> done = visitor.post("/help/tickets", with(person("Quick"), tokenOf(again)));
            assertThat(done.uri().getPath()).isEqualTo("/help/submitted");
            assertThat(spamOf("Quick")).isFalse();
            assertThat(notificationsFor("Quick")).isEqualTo(1);
        }

        @Test
        void aFormPostedWithoutAValidTokenIsShownAgainNotFiled() {
            String expired = spam.formToken(Instant.now(clock).minus(SpamCheck.FORM_VALIDITY.plusMinutes(1)), false);
            for (String token : List.of("", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwIn0.c2lnbmF0dXJl", expired)) {
                HttpResponse<String> page = submit(person("Blind"), token);
                assertThat(page.uri().getPath()).isEqualTo("/");
                assertThat(page.body()).contains("id=\"form-notice\"", "value=\"Blind\"");
            }
            assertThat(count()).isZero();
        }

        @Test
        void aFormTokenFilesOneTicketAndASecondSendGetsTheSameAnswer() {
            String token = renderedAgo(Duration.ofSeconds(30));
            HttpResponse<String> first = submit(person("Twice"), token);
            HttpResponse<String> second = submit(person("Twice"), token);
            assertThat(second.uri().getPath()).isEqualTo("/help/submitted");
            assertThat(referenceOn(second)).isEqualTo(referenceOn(first));
            assertThat(count()).isEqualTo(1);
            assertThat(notificationsFor("Twice")).isEqualTo(1);
        }

        @Test
        void aFormShownAgainAfterAnErrorStillWorks() {
            PageSession visitor = new PageSession(baseUrl());
            Map<String, String> form = person("Fixed");
            form.put("title", "");
            HttpResponse<String> shownAgain =
                    visitor.post("/help/tickets", with(form, renderedAgo(Duration.ofSeconds(30))));
            assertThat(shownAgain.uri().getPath()).isEqualTo("/");
            assertThat(shownAgain.body()).contains("id=\"title-error\"").doesNotContain("id=\"form-notice\"");

            HttpResponse<String> done = visitor.post("/help/tickets", with(person("Fixed"), tokenOf(shownAgain)));
            assertThat(done.uri().getPath()).isEqualTo("/help/submitted");
            assertThat(spamOf("Fixed")).isFalse();
        }

        @Test
        void publicTicketsBeyondTheLimitForOneAddressAreFlaggedFromTheApiAndTheForm() {
            for (int i = 1; i <= 3; i++) {
                anonymous()
                        .post()
                        .uri("/api/tickets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"title\":\"Api " + i
                                + "\",\"description\":\"d\",\"contact_email\":\"Flood@example.com\"}")
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody()
                        .jsonPath("$.spam")
                        .isEqualTo(i > 2);
            }
            assertThat(reasonOf("Api 3")).isEqualTo("more than 2 public tickets for this address within PT1H");
            Map<String, String> form = person("Form");
            form.put("contactEmail", "flood@example.com");
            HttpResponse<String> page = submit(form, renderedAgo(Duration.ofSeconds(30)));
            assertThat(spamOf("Form")).isTrue();
            assertThat(page.body()).doesNotContain("email a confirmation");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);

            // Staff filing tickets for the customer are not limited.
            admin().post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"Staff\",\"description\":\"d\",\"contact_email\":\"flood@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.spam")
                    .isEqualTo(false);
        }

        @Test
        void flaggedTicketsAreLeftOutOfTheListButShownWithTheFilter() {
            Map<String, String> hidden = person("Hidden");
            hidden.put("website", "spam");
            submit(hidden, renderedAgo(Duration.ofSeconds(30)));
            submit(person("Shown"), renderedAgo(Duration.ofSeconds(30)));
            admin().get()
                    .uri("/api/tickets")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[*].title")
                    .isEqualTo(List.of("Shown"));
            admin().get()
                    .uri("/api/tickets?spam=true")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[*].title")
                    .isEqualTo(List.of("Hidden"))
                    .jsonPath("$[0].spam")
                    .isEqualTo(true);
        }

        @Test
        void staffCanReleaseAFlaggedTicketAndTheCustomerIsThenEmailed() {
            Map<String, String> form = person("Released");
            form.put("website", "autofilled");
            submit(form, renderedAgo(Duration.ofSeconds(30)));
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
            return spam.formToken(Instant.now(clock).minus(ago), false);
        }

        static Map<String, String> person(String title) {
            Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("title", title);
            form.put("description", "Details of " + title);
            form.put("priority", "medium");
            form.put("contactEmail", title.toLowerCase(Locale.ROOT) + "@example.com");
            form.put("website", "");
            return form;
        }

        static Map<String, String> with(Map<String, String> form, String token) {
            form.put("formToken", token);
            return form;
        }

        static String tokenOf(HttpResponse<String> page) {
            Matcher token = FORM_TOKEN.matcher(page.body());
            assertThat(token.find()).as("form token on " + page.uri()).isTrue();
            return token.group(1);
        }

        static String referenceOn(HttpResponse<String> page) {
            Matcher reference =
                    Pattern.compile("id=\"ticket-reference\">(SL-\\d+)<").matcher(page.body());
            assertThat(reference.find()).isTrue();
            return reference.group(1);
        }

        HttpResponse<String> submit(Map<String, String> form, String token) {
            return new PageSession(baseUrl()).post("/help/tickets", with(form, token));
        }

        long count() {
            return jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single();
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
}
