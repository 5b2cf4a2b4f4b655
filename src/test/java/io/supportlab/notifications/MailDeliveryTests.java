package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.supportlab.accounts.Caller;
import io.supportlab.accounts.CustomerAccess;
import io.supportlab.accounts.SignedTokens;
import io.supportlab.platform.EmailAddress;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.MovableRealTime;
import io.supportlab.testing.MutableClock;
import io.supportlab.testing.TestSmtp;
import io.supportlab.testing.UsePostgres;
import io.supportlab.tickets.NewReply;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Reply;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketChange;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import io.supportlab.tickets.TicketStatus;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Real SMTP delivery to an in-process SMTP server (GreenMail): content, threading and unsubscribe
 * headers, failures and recovery, and that no email goes out twice. The background dispatcher is
 * off; each test dispatches when it wants to.
 */
class MailDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @SmtpTestContext
    @Import(MovableRealTime.class)
    abstract static class Contract extends IntegrationTest {

        @Autowired
        MutableClock clock;

        @Autowired
        NotificationsProperties mailSettings;

        @Autowired
        TicketService tickets;

        @Autowired
        Dispatcher dispatcher;

        @Autowired
        MailRenderer renderer;

        @Autowired
        NotificationRepository notifications;

        @Autowired
        PreferenceService preferences;

        @Autowired
        CustomerAccess customerAccess;

        @Autowired
        SignedTokens tokens;

        final Caller agent = new Caller(ADMIN_EMAIL, true);

        Ticket ticket(String title, String email) {
            return tickets.create(new NewTicket(title, "It broke.\nTwice.", TicketPriority.HIGH, email), null);
        }

        @Test
        void createdAndStatusEmailsArriveInOneThread() throws Exception {
            Ticket ticket = ticket("Export <script>x</script> fails", "ann@example.com");
            tickets.change(ticket.id(), TicketChange.status(TicketStatus.IN_PROGRESS, "On it"), null, agent);
            assertThat(dispatcher.dispatchDue()).isEqualTo(2);

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            MimeMessage created = received[0];
            MimeMessage update = received[1];
            assertThat(created.getSubject())
                    .isEqualTo(
                            "[" + ticket.reference() + "] We received your request: Export <script>x</script> fails");
            assertThat(created.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
            assertThat(update.getSubject()).startsWith("[" + ticket.reference() + "] Status update");

            String root = created.getMessageID();
            assertThat(root).isEqualTo("<ticket-" + ticket.id() + "@localhost>");
            assertThat(update.getHeader("In-Reply-To")[0]).isEqualTo(root);
            assertThat(update.getHeader("References")[0]).isEqualTo(root);
            assertThat(update.getMessageID()).isNotEqualTo(root);

            assertThat(created.getHeader("List-Unsubscribe")[0])
                    .startsWith("<http://localhost:8080/unsubscribe?token=");
            assertThat(created.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

            MimeMultipart alternative = alternativePart(created);
            String text = (String) alternative.getBodyPart(0).getContent();
            String html = (String) alternative.getBodyPart(1).getContent();
            assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(text).contains("Export <script>x</script> fails", "/my/access?token=", "/unsubscribe?token=");
            assertThat(html)
                    .contains("Export &lt;script&gt;x&lt;/script&gt; fails")
                    .doesNotContain("<script>x");
            assertThat(GreenMailUtil.getBody(update)).contains("On it");
        }

        @Test
        void publicRepliesAreEmailedAndInternalNotesAreNot() {
            Ticket ticket = ticket("Help", "bo@example.com");
            tickets.reply(ticket.id(), new NewReply("Internal only", Reply.Visibility.INTERNAL), agent);
            tickets.reply(ticket.id(), new NewReply("Try turning it off and on", Reply.Visibility.PUBLIC), agent);
            dispatcher.dispatchDue();
            List<String> subjects = subjects();
            assertThat(subjects).anyMatch(s -> s.startsWith("[" + ticket.reference() + "] New reply"));
            assertThat(String.join("\n", bodies()))
                    .contains("Try turning it off and on")
                    .doesNotContain("Internal only");
        }

        @Test
        void staysPendingWhileSmtpIsDownAndIsSentOnceWhenItReturns() {
            smtp.stop();
            Ticket ticket = ticket("Outage", "cy@example.com");
            dispatcher.dispatchDue();
            Notification waiting = notifications.forTicket(ticket.id()).getFirst();
            assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).isNotBlank();

            smtp.start();
            clock.advance(mailSettings.backoff(1));
            dispatcher.dispatchDue();
            dispatcher.dispatchDue();
            Notification sent = notifications.forTicket(ticket.id()).getFirst();
            assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.sentAt()).isNotNull();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        }

        @Test
        void givesUpAfterTheLastAttemptAndCanBeRetried() {
            smtp.stop();
            Ticket ticket = ticket("Never", "di@example.com");
            for (int i = 0; i < 3; i++) {
                dispatcher.dispatchDue();
                clock.advance(mailSettings.backoff(i + 1));
            }
            Notification failed = notifications.forTicket(ticket.id()).getFirst();
            assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).isNotBlank();

            admin().post()
                    .uri("/api/notifications/" + failed.id() + "/retry")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("pending");
            smtp.start();
            dispatcher.dispatchDue();
            assertThat(notifications.find(failed.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
            admin().post()
                    .uri("/api/notifications/" + failed.id() + "/retry")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void anInstanceWhoseLeaseLapsedCanNeitherRenewNorRecordWhatAnotherInstanceClaimedSince() {
            ticket("Slow mail server", "slow@example.com");
            renderer.renderStoredCopies();
            // Instance A claims the row; its mail server is so slow that the lease lapses.
            Instant now = clock.instant();
            Instant leaseOfA = now.plus(mailSettings.lease());
            List<Notification> claimedByA = notifications.claimDue(now, leaseOfA, 10);
            assertThat(claimedByA).hasSize(1);
            String id = claimedByA.getFirst().id();
            // Instance B finds the lease lapsed and claims it.
            Instant later = leaseOfA.plusSeconds(1);
            Instant leaseOfB = later.plus(mailSettings.lease());
            assertThat(notifications.claimDue(later, leaseOfB, 10))
                    .extracting(Notification::id)
                    .containsExactly(id);

            assertThat(notifications.renewClaim(id, leaseOfA, later.plusSeconds(60)))
                    .as("A may not send it any more")
                    .isFalse();
            assertThat(notifications.markSent(id, leaseOfA, later)).isFalse();
            assertThat(notifications.markRetry(id, leaseOfA, "timeout", later)).isFalse();
            assertThat(notifications.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.PENDING);

            assertThat(notifications.renewClaim(id, leaseOfB, later.plusSeconds(60)))
                    .isTrue();
            assertThat(notifications.markSent(id, later.plusSeconds(60), later)).isTrue();
            assertThat(notifications.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
        }

        @Test
        void concurrentDispatchersSendEachNotificationOnce() throws Exception {
            for (int i = 0; i < 30; i++) {
                ticket("Rush " + i, "rush" + i + "@example.com");
            }
            List<Future<Integer>> rounds = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int i = 0; i < 4; i++) {
                    rounds.add(pool.submit(dispatcher::dispatchDue));
                }
            }
            int attempted = 0;
            for (Future<Integer> round : rounds) {
                attempted += round.get();
            }
            assertThat(attempted).isEqualTo(30);
            assertThat(smtp.getReceivedMessages()).hasSize(30);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE status = 'sent'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(30);
        }

        @Test
        void ticketEndpointListsItsNotificationsWithDeliveryState() {
            Ticket ticket = ticket("Listed", "el@example.com");
            dispatcher.dispatchDue();
            admin().get()
                    .uri("/api/tickets/" + ticket.id() + "/notifications")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].notification_type")
                    .isEqualTo("ticket_created")
                    .jsonPath("$[0].status")
                    .isEqualTo("sent")
                    .jsonPath("$[0].attempts")
                    .isEqualTo(1)
                    .jsonPath("$[0].recipient_email")
                    .isEqualTo("el@example.com")
                    .jsonPath("$[0].html_content")
                    .doesNotExist();
            anonymous()
                    .get()
                    .uri("/api/tickets/" + ticket.id() + "/notifications")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void customerTextIsQuotedAndItsLinksCannotBeClicked() throws Exception {
            Ticket ticket = tickets.create(
                    new NewTicket(
                            "Verify your account at http://phish.example",
                            "Your account is locked.\nLog in at https://phish.example/login or www.phish.example today.",
                            TicketPriority.HIGH,
                            "victim@example.com"),
                    null);
            dispatcher.dispatchDue();

            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject())
                    .isEqualTo("[" + ticket.reference()
                            + "] We received your request: Verify your account at hxxp://phish[.]example");
            String text = textOf(mail);
            String html = (String) alternativePart(mail).getBodyPart(1).getContent();
            assertThat(text)
                    .contains(
                            "> Verify your account at hxxp://phish[.]example",
                            "> Your account is locked.\n> Log in at hxxps://phish[.]example/login or www[.]phish[.]example today.")
                    .doesNotContain("phish.example");
            assertThat(html)
                    .contains("<blockquote", "hxxps://phish[.]example/login or www[.]phish[.]example today.")
                    .doesNotContain("phish.example");
            assertThat(hrefs(html)).hasSize(2).allMatch(href -> href.startsWith("http://localhost:8080/"));
        }

        @Test
        void staffRepliesKeepTheirLinks() throws Exception {
            Ticket ticket = ticket("Reset", "reset@example.com");
            tickets.reply(
                    ticket.id(),
                    new NewReply("The guide: https://docs.example.com/reset", Reply.Visibility.PUBLIC),
                    agent);
            dispatcher.dispatchDue();
            MimeMessage reply = smtp.getReceivedMessages()[1];
            assertThat(textOf(reply)).contains("The guide: https://docs.example.com/reset");
        }

        @Test
        void firstPublicReplyToANewTicketIsOneEmailThatSaysTheStatusChanged() throws Exception {
            Ticket ticket = ticket("One email please", "one@example.com");
            dispatcher.dispatchDue();
            tickets.reply(ticket.id(), new NewReply("We are on it", Reply.Visibility.PUBLIC), agent);
            dispatcher.dispatchDue();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[1].getSubject()).startsWith("[" + ticket.reference() + "] New reply");
            assertThat(textOf(received[1])).contains("We are on it", "New -> In progress");
            assertThat(notifications.forTicket(ticket.id()))
                    .extracting(Notification::notificationType)
                    .containsExactly(NotificationType.TICKET_CREATED, NotificationType.TICKET_REPLY);
        }

        @Test
        void ticketsFlaggedAsSpamMailNobodyWhenTheyChangeOrAreAnswered() {
            Ticket filed = tickets.create(
                    new NewTicket("Cheap pills", "Buy now", TicketPriority.LOW, "someone@example.com"), null);
            // How a ticket gets flagged is the spam check's business (SpamTests); here it only is.
            jdbc.sql("DELETE FROM notifications WHERE ticket_id = :id")
                    .param("id", filed.id())
                    .update();
            jdbc.sql("UPDATE tickets SET spam = :flagged, spam_reason = 'honeypot field filled in' WHERE id = :id")
                    .param("flagged", true)
                    .param("id", filed.id())
                    .update();
            Ticket flagged = filed;
            tickets.reply(flagged.id(), new NewReply("Hello?", Reply.Visibility.PUBLIC), agent);
            tickets.change(flagged.id(), TicketChange.status(TicketStatus.RESOLVED, "Nothing to do"), null, agent);
            assertThat(notifications.forTicket(flagged.id())).isEmpty();
        }

        @Test
        void storedEmailsShowRedactedLinksAndTheSentEmailCarriesFreshWorkingOnes() throws Exception {
            Ticket ticket = ticket("Links", "lin@example.com");
            dispatcher.dispatchDue();

            String stored = jdbc.sql(
                            "SELECT subject || content || COALESCE(html_content, '') || COALESCE(unsubscribe_url, '')"
                                    + " FROM notifications WHERE ticket_id = :id")
                    .param("id", ticket.id())
                    .query(String.class)
                    .single();
            assertThat(stored).doesNotContain("token=").contains("[redacted: personal sign-in link]");
            for (String readable : List.of(
                    "/api/tickets/" + ticket.id() + "/notifications",
                    "/api/notifications?status=sent",
                    "/api/privacy/export?email=lin@example.com")) {
                assertThat(adminGet(readable))
                        .as(readable)
                        .contains("We received your request: Links", "[redacted: personal sign-in link]")
                        .doesNotContain("token=");
            }

            MimeMessage sent = smtp.getReceivedMessages()[0];
            String access = tokenAfter(textOf(sent), "/my/access?token=");
            assertThat(customerAccess.verify(access)).contains("lin@example.com");
            String unsubscribe = tokenAfter(sent.getHeader("List-Unsubscribe")[0], "/unsubscribe?token=");
            assertThat(tokens.verify(unsubscribe, SignedTokens.Purpose.UNSUBSCRIBE))
                    .contains("lin@example.com");
        }

        @Test
        void staffCanReadAnEmailBeforeTheDispatcherRendersIt() {
            Ticket ticket = ticket("Just filed", "early@example.com");
            assertThat(adminGet("/api/tickets/" + ticket.id() + "/notifications"))
                    .contains("We received your request: Just filed", "[redacted: personal sign-in link]")
                    .doesNotContain("token=");
        }

        @Test
        void anAddressThatUnsubscribesBeforeTheEmailLeavesGetsNone() {
            Ticket ticket = ticket("Changed my mind", "late@example.com");
            preferences.unsubscribe(EmailAddress.of("late@example.com"));
            dispatcher.dispatchDue();
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(notifications.forTicket(ticket.id())).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(NotificationStatus.SKIPPED);
                assertThat(n.lastError()).contains("switched email notifications off");
            });
        }

        private String adminGet(String uri) {
            return admin().get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
        }

        private static String tokenAfter(String text, String prefix) {
            Matcher token = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9._~-]+)")
                    .matcher(text);
            assertThat(token.find()).as("a link starting " + prefix).isTrue();
            return token.group(1);
        }

        private static List<String> hrefs(String html) {
            return Pattern.compile("href=\"([^\"]*)\"")
                    .matcher(html)
                    .results()
                    .map(m -> m.group(1))
                    .toList();
        }

        private static String textOf(MimeMessage message) throws Exception {
            // SMTP carries lines ending in CRLF.
            return ((String) alternativePart(message).getBodyPart(0).getContent()).replace("\r\n", "\n");
        }

        private List<String> subjects() {
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                try {
                    subjects.add(message.getSubject());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return subjects;
        }

        private List<String> bodies() {
            List<String> bodies = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                bodies.add(GreenMailUtil.getBody(message));
            }
            return bodies;
        }

        private static MimeMultipart alternativePart(MimeMessage message) throws Exception {
            MimeMultipart mixed = (MimeMultipart) message.getContent();
            Object first = mixed.getBodyPart(0).getContent();
            if (first instanceof MimeMultipart nested) {
                return nested.getBodyPart(0).getContent() instanceof MimeMultipart deeper ? deeper : nested;
            }
            return mixed;
        }
    }
}
