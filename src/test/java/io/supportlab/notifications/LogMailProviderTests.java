package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The default {@code log} provider prints emails, but never a link that signs someone in. */
@ExtendWith(OutputCaptureExtension.class)
class LogMailProviderTests extends IntegrationTest {

    @Autowired
    TicketService tickets;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    NotificationRepository notifications;

    @Test
    void printsEmailsWithTheirLinksRedacted(CapturedOutput output) {
        Ticket ticket =
                tickets.create(new NewTicket("Printed", "To the log", TicketPriority.LOW, "printed@example.com"), null);
        dispatcher.dispatchDue(); // unless the background dispatcher was quicker
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications.forTicket(ticket.id()).getFirst().status() == NotificationStatus.SENT);

        String printed = output.getOut().substring(output.getOut().indexOf("MOCK EMAIL SENT"));
        assertThat(printed)
                .contains("We received your request: Printed", "[redacted: personal sign-in link]")
                .doesNotContain("token=");
    }
}
