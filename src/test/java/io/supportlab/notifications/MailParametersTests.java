package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * Rows queued before a release are sent after it: what earlier versions stored must read back
     * into the same model, and what is stored now must stay readable by the same rule. Changing a
     * model or an enum's JSON value breaks this test on purpose.
     */
    @ParameterizedTest
    @MethodSource("storedRows")
    void rowsStoredByEarlierVersionsReadBackAndAreStillWrittenAlike(
            NotificationType type, String stored, MailModel mail) {
        assertThat(MailParameters.read(type, stored)).isEqualTo(mail);
        assertThat(MailParameters.write(mail)).isEqualTo(stored);
    }

    static Stream<Arguments> storedRows() {
        return Stream.of(
                Arguments.of(
                        NotificationType.TICKET_CREATED,
                        "{\"reference\":\"SL-1\",\"title\":\"Go to evil.example\","
                                + "\"description\":\"Line 1\\nhttps://x.example/a\",\"priority\":\"urgent\"}",
                        new MailModel.TicketCreatedMail(
                                "SL-1", "Go to evil.example", "Line 1\nhttps://x.example/a", TicketPriority.URGENT)),
                Arguments.of(
                        NotificationType.STATUS_UPDATE,
                        "{\"reference\":\"SL-1\",\"title\":\"Title\",\"from\":\"in-progress\","
                                + "\"to\":\"resolved\",\"notes\":\"Fixed <b>it</b>\"}",
                        new MailModel.StatusUpdateMail(
                                "SL-1", "Title", TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, "Fixed <b>it</b>")),
                Arguments.of(
                        NotificationType.TICKET_REPLY,
                        "{\"reference\":\"SL-1\",\"title\":\"Title\",\"body\":\"Answer & more\","
                                + "\"statusBefore\":\"new\",\"status\":\"in-progress\"}",
                        new MailModel.TicketReplyMail(
                                "SL-1", "Title", "Answer & more", TicketStatus.NEW, TicketStatus.IN_PROGRESS)),
                Arguments.of(
                        NotificationType.TICKET_REPLY,
                        "{\"reference\":\"SL-1\",\"title\":\"Title\",\"body\":\"Answer\","
                                + "\"statusBefore\":null,\"status\":\"in-progress\"}",
                        new MailModel.TicketReplyMail("SL-1", "Title", "Answer", null, TicketStatus.IN_PROGRESS)),
                Arguments.of(NotificationType.ACCESS_LINK, "{\"validityDays\":7}", new MailModel.AccessLinkMail(7)),
                Arguments.of(
                        NotificationType.DIGEST,
                        "{\"items\":[{\"subject\":\"Subject\",\"excerpt\":\"Excerpt\","
                                + "\"createdAt\":\"2030-01-07T09:00:00Z\"}],\"weekly\":true}",
                        new MailModel.DigestMail(
                                List.of(new DigestItem("Subject", "Excerpt", Instant.parse("2030-01-07T09:00:00Z"))),
                                true)));
    }

    @Test
    void ticketSubjectsShowTheTitleDefanged() {
        assertThat(new MailModel.TicketCreatedMail("SL-7", "Go to evil.example", "", TicketPriority.LOW).subjectArgs())
                .containsExactly("SL-7", "Go to evil[.]example");
    }
}
