package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.TestSmtp;
import io.supportlab.testing.UsePostgres;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Confirmation emails per recipient address are capped, whoever files the tickets: the public API
 * cannot be used to mail one inbox again and again. Tickets over the cap are filed as usual.
 */
class ConfirmationEmailCapTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @SmtpTestContext
    @TestPropertySource(properties = "supportlab.rate-limits.confirmation-emails.capacity=2")
    abstract static class Contract extends IntegrationTest {

        @Autowired
        Dispatcher dispatcher;

        @Autowired
        NotificationRepository notifications;

        @Test
        void oneInboxGetsAFewConfirmationsAndTheRestAreSkippedWithTheReason() {
            for (String address : List.of("target@example.com", "Target@Example.com", "TARGET@example.com")) {
                anonymous()
                        .post()
                        .uri("/api/tickets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"title\":\"Verify your account\",\"description\":\"At http://phish.example\","
                                + "\"contact_email\":\"" + address + "\"}")
                        .exchange()
                        .expectStatus()
                        .isCreated();
            }
            dispatcher.dispatchDue();

            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets")
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);
            List<Notification> rows = notifications.forRecipient("target@example.com");
            assertThat(rows)
                    .extracting(Notification::status)
                    .containsExactly(NotificationStatus.SENT, NotificationStatus.SENT, NotificationStatus.SKIPPED);
            assertThat(rows.getLast().lastError())
                    .contains("more than 2 confirmation emails", "supportlab.rate-limits.confirmation-emails");
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        }
    }
}
