package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an outbox row stores of its email reads back as the same facts, and holds nothing else. */
class MailParametersTests {

    @Test
    void everyKindOfEmailReadsBackAsWritten() {
        List<MailModel> mails = List.of(
                new MailModel.TicketCreatedMail("SL-1", "Title", "Line 1\nLine 2", TicketPriority.URGENT),
                new MailModel.StatusUpdateMail("SL-1", "Title", TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, ""),
                new MailModel.TicketReplyMail("SL-1", "Title", "Answer", TicketStatus.NEW, TicketStatus.IN_PROGRESS),
                new MailModel.TicketReplyMail("SL-1", "Title", "Answer", null, TicketStatus.IN_PROGRESS),
                new MailModel.AccessLinkMail(7),
                new MailModel.DigestMail(
                        List.of(new DigestItem("Subject", "Excerpt", Instant.parse("2030-01-07T09:00:00Z"))), true));
        for (MailModel mail : mails) {
            String stored = MailParameters.write(mail);
            assertThat(stored).doesNotContain("subjectArgs", "subject_args");
            assertThat(MailParameters.read(NotificationType.of(mail), stored)).isEqualTo(mail);
        }
    }

    @Test
    void ticketSubjectsShowTheTitleDefanged() {
        assertThat(new MailModel.TicketCreatedMail("SL-7", "Go to evil.example", "", TicketPriority.LOW).subjectArgs())
                .containsExactly("SL-7", "Go to evil[.]example");
    }
}
