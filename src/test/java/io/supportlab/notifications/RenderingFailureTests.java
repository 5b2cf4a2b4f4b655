package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;

/** An email that cannot be rendered is a failed notification; the ticket that caused it stays. */
class RenderingFailureTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    /** Templates that always fail, as a broken template or message bundle would. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BrokenTemplates {
        @Bean
        @Primary
        EmailComposer brokenComposer(MessageSource messages) {
            return new EmailComposer(messages) {
                @Override
                Email compose(MailModel mail, String language, MailRenderer.Links links) {
                    throw new IllegalStateException(
                            "template " + NotificationType.of(mail).template() + " is broken");
                }
            };
        }
    }

    @SmtpTestContext
    @Import(BrokenTemplates.class)
    abstract static class Contract extends IntegrationTest {

        @Autowired
        Dispatcher dispatcher;

        @Autowired
        NotificationRepository notifications;

        @Test
        void aTemplateThatFailsLeavesTheTicketAndRecordsAFailedEmailWithTheReason() {
            String id = anonymous()
                    .post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"Kept\",\"description\":\"Whatever the email does\","
                            + "\"contact_email\":\"kept@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id")
                    .toString();
            assertThat(jdbc.sql("SELECT title FROM tickets WHERE id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("Kept");

            dispatcher.dispatchDue();
            assertThat(notifications.forTicket(id)).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
                assertThat(n.lastError().toLowerCase(Locale.ROOT))
                        .contains("could not be rendered", "template ticketcreated is broken");
            });
        }
    }
}
