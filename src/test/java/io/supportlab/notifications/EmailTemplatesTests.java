package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every email's templates render from its typed {@link MailModel}: the template of each {@link
 * NotificationType} declares that type's model, and says what the model holds in both parts.
 */
class EmailTemplatesTests {

    private static final MailRenderer.Links LINKS =
            new MailRenderer.Links("https://help.example/access?token=a&b=c", "https://help.example/unsubscribe?t=u");

    private final EmailComposer composer = new EmailComposer(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void ticketCreatedQuotesWhatTheCustomerWroteDefanged() {
        EmailComposer.Email email = composer.compose(
                new MailModel.TicketCreatedMail(
                        "SL-1", "Go to evil.example", "Line 1\nhttps://x.example/a", TicketPriority.URGENT),
                "en",
                LINKS);

        assertThat(email.subject()).isEqualTo("[SL-1] We received your request: Go to evil[.]example");
        assertThat(email.text())
                .startsWith("Hello,\n\nThank you for contacting us. Your ticket SL-1 has been created:")
                .contains("> Go to evil[.]example\n>\n> Line 1\n> hxxps://x[.]example/a", "Priority: Urgent");
        assertThat(email.html()).contains("<blockquote", "hxxps://x[.]example/a", "Priority: Urgent");
        assertLinks(email);
    }

    @Test
    void statusUpdateSaysFromAndToAndStaffNotes() {
        EmailComposer.Email email = composer.compose(
                new MailModel.StatusUpdateMail(
                        "SL-2", "Title", TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, "Fixed <b>it</b>"),
                "en",
                LINKS);

        assertThat(email.subject()).isEqualTo("[SL-2] Status update: Title");
        assertThat(email.text())
                .contains("Your ticket SL-2 is now: Resolved.", "In progress -> Resolved", "Fixed <b>it</b>");
        assertThat(email.html()).contains("Fixed &lt;b&gt;it&lt;/b&gt;").doesNotContain("<b>it</b>");
        assertLinks(email);
    }

    @Test
    void ticketReplySaysTheStatusChangeOnlyWhenThereWasOne() {
        EmailComposer.Email changed = composer.compose(
                new MailModel.TicketReplyMail(
                        "SL-3", "Title", "Answer & more", TicketStatus.NEW, TicketStatus.IN_PROGRESS),
                "en",
                LINKS);
        EmailComposer.Email unchanged = composer.compose(
                new MailModel.TicketReplyMail("SL-3", "Title", "Answer", null, TicketStatus.IN_PROGRESS), "en", LINKS);

        assertThat(changed.subject()).isEqualTo("[SL-3] New reply: Title");
        assertThat(changed.text()).contains("Answer & more", "Status: New -> In progress");
        assertThat(changed.html()).contains("Answer &amp; more");
        assertThat(unchanged.text()).contains("Answer").doesNotContain("Status:");
        assertLinks(changed);
    }

    @Test
    void accessLinkSaysHowLongTheLinkWorks() {
        EmailComposer.Email email = composer.compose(new MailModel.AccessLinkMail(7), "en", LINKS);

        assertThat(email.subject()).isEqualTo("Your link to your support tickets");
        assertThat(email.text()).contains("The link works for 7 days");
        assertThat(email.html()).contains("The link works for 7 days");
        assertLinks(email);
    }

    @Test
    void digestListsItsItems() {
        EmailComposer.Email email = composer.compose(
                new MailModel.DigestMail(
                        List.of(
                                new DigestItem("First", null, Instant.parse("2030-01-07T09:00:00Z")),
                                new DigestItem("Second", "Excerpt", Instant.parse("2030-01-08T09:00:00Z"))),
                        true),
                "en",
                LINKS);

        assertThat(email.subject()).isEqualTo("Your support updates (2)");
        assertThat(email.text()).contains("this week (2 updates)", "- First (", "- Second (");
        assertThat(email.html()).contains("<strong>First</strong>", "<strong>Second</strong>");
        assertLinks(email);
    }

    @Test
    void germanRecipientsReadGerman() {
        EmailComposer.Email email = composer.compose(
                new MailModel.StatusUpdateMail("SL-4", "Titel", TicketStatus.NEW, TicketStatus.RESOLVED, ""),
                "de",
                LINKS);

        assertThat(email.subject()).isEqualTo("[SL-4] Statusänderung: Titel");
        assertThat(email.text()).startsWith("Hallo,").contains("Ihr Ticket SL-4 hat jetzt den Status: Gelöst.");
        assertThat(email.html()).contains("<html lang=\"de\">", "Gelöst");
    }

    private static void assertLinks(EmailComposer.Email email) {
        assertThat(email.text())
                .contains("View your tickets: " + LINKS.access(), "Stop these emails: " + LINKS.unsubscribe());
        assertThat(email.html())
                .contains(
                        "href=\"https://help.example/access?token=a&amp;b=c\"", "href=\"" + LINKS.unsubscribe() + "\"");
    }
}
